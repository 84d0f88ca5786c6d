/** The call widget's own English strings (the shared ones are in core/i18n). */
export const en = {
  // English's one rule, as CLDR has it for whole numbers, written out: `plural` (core/i18n/plural.ts) is loaded
  // with the other languages, and would cost this chunk and the shared one bytes every supporter pays (~60 B).
  calls: (count: number, n: string): string => (count === 1 ? `${n} call made` : `${n} calls made`),
  find: 'Find who to call',
  looking: 'Looking up…',
  optional: 'Stay in touch (optional)',
  unknownPostcode: 'We do not know this postcode. Check it and try again.',
  unknownNote: 'We do not know this postcode, so here is who everyone can call.',
  noTargets: 'There is no one to call for this postcode.',
  lookupFailed: 'We could not look up this postcode. Check your connection and try again.',
  choose: 'Your postcode is in more than one district. Which one do you live in?',
  go: 'Continue',
  progress: (done: number, total: number): string => `Call ${done} of ${total}`,
  again: 'They were unavailable earlier: try again now.',
  say: 'What to say',
  offices: 'Offices',
  outcome: 'How did it go?',
  contact: 'I talked to someone',
  voicemail: 'I left a voicemail',
  unavailable: 'No answer: try later',
  skipped: 'Skip',
  queuedCall: 'You seem to be offline. Your call is saved on this device and will be sent automatically.',
  thanks: 'Thank you for calling!',
  totals: 'Calls for this campaign so far:',
  share: 'Ask your friends to call too:',
  total_contact: 'Talked to someone',
  total_voicemail: 'Left a voicemail',
  total_unavailable: 'No answer',
  total_skipped: 'Skipped',
  loadFailed: 'This campaign could not be loaded. Please reload the page.',
  campaign_closed: 'This campaign is closed.',
  forbidden_origin: 'Calls cannot be recorded on this page.',
};

export type CallMessages = typeof en;
