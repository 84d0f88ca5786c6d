/**
 * The calendar files Ladder writes (the `icsUrl` of an RSVP and the email's attachment), read by a real iCalendar
 * parser (ical.js, as calendar apps built on it read them): a shift's RSVP gets the shift's times.
 */
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../functions/outbox/dispatcher.ts';
import { emailSink } from '../../functions/outbox/email.ts';
import { post, testApp } from './fixtures.ts';
import { catalog, quiet, SITE } from './outbox/fixtures.ts';
import { smtpServer } from './outbox/servers.ts';

const closing: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of closing.splice(0)) await thing.close();
});

/** The one event of a calendar file, after checking what RFC 5545 asks of the file itself. */
function readIcs(text: string) {
  const lines = text.split('\r\n');
  expect(lines.at(-1)).toBe('');
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  // Folded at 75 octets, continuation lines starting with a space.
  for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
  const vevents = calendar.getAllSubcomponents('vevent');
  expect(vevents).toHaveLength(1);
  const [vevent] = vevents;
  const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
  expect(stamp.zone?.tzid).toBe('UTC');
  const event = new ICAL.Event(vevent);
  for (const time of [event.startDate, event.endDate]) expect(time.zone?.tzid).toBe('UTC');
  return {
    uid: event.uid,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    summary: event.summary,
    description: event.description,
  };
}

const person = (email: string) => ({ givenName: 'Ella', familyName: 'Baker', email });

describe('calendar files', () => {
  it("carry the shift's start and end (a Madrid morning in summer time), with a UID per event and shift", async () => {
    const { app } = await testApp();
    const book = async (email: string, shift: string) => {
      const res = await app.request(
        'http://localhost/api/campaigns/cleanup/rsvps',
        post({ person: person(email), shift, consent: { contact: true } }),
      );
      const { icsUrl } = await res.json();
      const file = await app.request(icsUrl);
      expect(file.headers.get('Content-Type')).toMatch(/^text\/calendar/);
      return readIcs(await file.text());
    };
    // The late shift: 11:00 to 13:00 in Madrid (UTC+2 on April 1st, 2099); the event starts at 9:00.
    const late = await book('ella@example.org', 'late');
    expect(late).toMatchObject({ start: '2099-04-01T09:00:00.000Z', end: '2099-04-01T11:00:00.000Z' });
    expect(late.summary).toBe('Park cleanup');
    expect(late.description).toBe('Two shifts.\n\nhttp://localhost/act/cleanup/');
    const morning = await book('ada@example.org', 'morning');
    expect(morning).toMatchObject({ start: '2099-04-01T07:00:00.000Z', end: '2099-04-01T09:00:00.000Z' });
    // The same shift gives the same UID (a second download updates the entry); another shift, another entry.
    expect((await book('grace@example.org', 'late')).uid).toBe(late.uid);
    expect(morning.uid).not.toBe(late.uid);
    // Without a shift: the whole event.
    const whole = readIcs(await (await app.request('http://localhost/api/campaigns/cleanup/event.ics')).text());
    expect(whole).toMatchObject({ start: '2099-04-01T07:00:00.000Z', end: '2099-04-01T11:00:00.000Z' });
    expect(whole.uid).not.toBe(late.uid);
  });

  it("attaches the shift's calendar file to the confirmation email, the time in the text matching it", async () => {
    const smtp = await smtpServer();
    const { app, store } = await testApp();
    closing.push(smtp, store);
    await app.request(
      'http://localhost/api/campaigns/cleanup/rsvps',
      post({ person: person('ella@example.org'), shift: 'late', consent: { contact: false } }),
    );
    const sink = emailSink({ smtpUrl: smtp.url, from: 'Ladder <hello@campaign.example>', siteUrl: SITE }, catalog);
    await dispatch(store, [sink], quiet);
    const [mail] = smtp.mails;
    expect(mail.text).toContain('When: Wednesday, April 1, 2099 at 11:00');
    const [file] = mail.attachments;
    expect(file.contentType).toBe('text/calendar');
    const ics = readIcs(file.content.toString());
    expect(ics).toMatchObject({ start: '2099-04-01T09:00:00.000Z', end: '2099-04-01T11:00:00.000Z' });
    expect(ics.description).toBe(`Two shifts.\n\n${SITE}/act/cleanup/`);
  });

  it('folds long lines without breaking a character, and a calendar app reads the text back whole', async () => {
    const { eventIcs } = await import('../../functions/ics.ts');
    const [cleanup] = catalog.list().filter((campaign) => campaign.slug === 'cleanup');
    if (cleanup.kind !== 'event') throw new Error('cleanup is an event');
    const summary = `Limpieza del parque, juntos; «a las once», \\ ${'ñandú ☀️ نظافة الحديقة '.repeat(6)}`;
    const text = eventIcs({ ...cleanup, summary }, SITE);
    expect(text.split('\r\n').length).toBeGreaterThan(20);
    expect(readIcs(text).description).toBe(`${summary}\n\n${SITE}/act/cleanup/`);
  });
});
