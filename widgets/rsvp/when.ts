/**
 * When an event happens, as the supporter reads it: in the widget's language, in a time zone with its name shown.
 * The event's instants are UTC (schema/event.ts computes them from the organizer's local times); only the zone
 * they are shown in changes. Pure functions: the tests give explicit zones.
 */

/** The supporter's time zone (the browser's). */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "Thursday, February 18, 6:30 – 8:00 PM CST". No year: events are weeks away, and the weekday pins the date. */
export const LONG: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};
/** "Thu 6:30 – 8:00 PM CST": the event's own clock, under the supporter's. */
export const SHORT: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};
/** "Thu 5:30 – 6:30 PM": a shift, under the event's date and zone. */
export const SHIFT: Intl.DateTimeFormatOptions = { weekday: 'short', hour: 'numeric', minute: '2-digit' };

/** The range from `start` to `end` (ISO instants) in `zone`, e.g. "Thursday, February 18, 6:30 – 8:00 PM CST". */
export const when = (start: string, end: string, lang: string, zone: string, options = LONG): string =>
  new Intl.DateTimeFormat(lang, { ...options, timeZone: zone }).formatRange(new Date(start), new Date(end));

/** The zone's long name at that instant, in the language: "Central Standard Time", "heure normale du centre". */
export const zoneName = (at: string, lang: string, zone: string): string =>
  new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'long' })
    .formatToParts(new Date(at))
    .find((part) => part.type === 'timeZoneName')!.value;
