/**
 * "Add to calendar" links, built in the browser from the event (no request, no tracking): Google Calendar and
 * Outlook.com take the event in the link; everything else takes the .ics file the API serves.
 */

export interface CalendarEvent {
  title: string;
  details: string;
  location: string;
  /** ISO instants (UTC). */
  start: string;
  end: string;
}

/** `2027-02-19T00:30:00.000Z` -> `20270219T003000Z`, as Google wants it. */
const stamp = (iso: string): string => new Date(iso).toISOString().replace(/[-:]|\.\d+/g, '');

/** Query strings with `%20` for spaces: Outlook shows a `+` as a plus sign. */
const query = (params: Record<string, string>): string =>
  Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');

export const googleUrl = (e: CalendarEvent): string =>
  `https://calendar.google.com/calendar/render?${query({
    action: 'TEMPLATE',
    text: e.title,
    dates: `${stamp(e.start)}/${stamp(e.end)}`,
    details: e.details,
    location: e.location,
  })}`;

export const outlookUrl = (e: CalendarEvent): string =>
  `https://outlook.live.com/calendar/0/deeplink/compose?${query({
    subject: e.title,
    startdt: new Date(e.start).toISOString(),
    enddt: new Date(e.end).toISOString(),
    body: e.details,
    location: e.location,
  })}`;
