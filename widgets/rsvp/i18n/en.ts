/**
 * The RSVP's own English strings (the shared ones are in core/i18n). `share` overrides the shared petition wording.
 * `left` is a plural of the places left; `total` is the capacity, formatted.
 */
export const en = {
  phone: 'Phone (optional)',
  sms: 'Text me reminders about this event',
  guests: 'Guests you are bringing',
  shift: 'Choose a time',
  submit: 'RSVP',
  waitlist: 'Join the waitlist',
  full: 'Full: new RSVPs join the waitlist.',
  left: (_count: number, n: string, total: string): string => `${n} of ${total} places left`,
  host: 'Hosted by',
  online: 'Join online',
  atEvent: 'At the event:',
  loadFailed: 'This event could not be loaded. Please reload the page.',
  going: 'You’re going!',
  waitlisted: 'You’re on the waitlist. We’ll let you know if a place opens up.',
  queued: 'You seem to be offline. Your RSVP is saved on this device and will be sent automatically.',
  calendar: 'Add it to your calendar:',
  ics: 'Calendar file (.ics)',
  manage: 'Change or cancel your RSVP',
  share: 'Invite your friends:',
  campaign_closed: 'RSVPs for this event are closed.',
  forbidden_origin: 'You cannot RSVP to this event on this page.',
};

export type RsvpMessages = typeof en;
