/**
 * An event as an iCalendar file (RFC 5545), for "add to calendar". Written by hand: the few properties an invite
 * needs, with the text escaping and 75-octet line folding the RFC asks for (the `ics` package would bring a
 * second validation library for the same).
 */
import type { CampaignEntry } from '../schema/campaign.ts';

type EventCampaign = Extract<CampaignEntry, { kind: 'event' }>;

const escape = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** UTC date-time: 20270115T020000Z. */
const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 sequence. */
function fold(line: string): string {
  const bytes = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    if (bytes.encode(current + char).length > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * The event, or the shift `shift` of it (its own start and end: a set-up shift starts before the event). The UID
 * names the event and the shift: the same file downloaded again, or attached again, updates the same calendar entry.
 */
export function eventIcs(campaign: EventCampaign, siteOrigin: string, shift?: string | null, now = new Date()): string {
  const { event } = campaign;
  const found = shift ? event.shifts.find((s) => s.id === shift) : undefined;
  const { startsAt, endsAt } = found ?? event;
  const url = `${siteOrigin}/act/${campaign.slug}/`;
  const place = [event.location.name, event.location.address].filter(Boolean).join(', ') || event.location.online;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ladder//Campaign events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${campaign.slug}${found ? `.${found.id}` : ''}@${new URL(siteOrigin).host}`,
    `DTSTAMP:${stamp(now.toISOString())}`,
    `DTSTART:${stamp(startsAt)}`,
    `DTEND:${stamp(endsAt)}`,
    `SUMMARY:${escape(campaign.title)}`,
    `DESCRIPTION:${escape(`${campaign.summary}\n\n${url}`)}`,
    ...(place ? [`LOCATION:${escape(place)}`] : []),
    `URL:${url}`,
    ...(campaign.status === 'closed' ? ['STATUS:CANCELLED'] : ['STATUS:CONFIRMED']),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
