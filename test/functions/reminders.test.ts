import { describe, expect, it } from 'vitest';
import { Campaign, type CampaignEntry } from '../../schema/campaign.ts';
import { catalogFrom } from '../../functions/catalog.ts';
import { reminderTimes, scheduleReminders } from '../../functions/reminders.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import { createApp } from '../../functions/app.ts';
import { post, tempDb } from './fixtures.ts';

const event = (slug: string, start: string, end: string, timezone: string): CampaignEntry => ({
  ...Campaign.parse({
    kind: 'event',
    title: slug,
    summary: 's',
    consent: { text: 't', version: '1' },
    event: { start, end, timezone, location: { name: 'Hall' } },
  }),
  slug,
});

const iso = (ms: number) => new Date(ms).toISOString();

function eventOf(entry: CampaignEntry) {
  if (entry.kind !== 'event') throw new Error('not an event');
  return entry.event;
}

describe('the three contacts are timed in the event time zone', () => {
  it('for an evening meeting in Los Angeles', () => {
    const times = reminderTimes(eventOf(event('la', '2027-03-15 18:30', '2027-03-15 20:00', 'America/Los_Angeles')));
    // 10:00 PDT the day before (DST began on March 14, 2027), 15:30 PDT on the day, 22:00 PDT after.
    expect(iso(times.day_before)).toBe('2027-03-14T17:00:00.000Z');
    expect(iso(times.day_of)).toBe('2027-03-15T22:30:00.000Z');
    expect(iso(times.after)).toBe('2027-03-16T05:00:00.000Z');
  });

  it('for an early morning cleanup in Tokyo, where the day before is another UTC day', () => {
    const times = reminderTimes(eventOf(event('tokyo', '2027-01-10 07:00', '2027-01-10 09:00', 'Asia/Tokyo')));
    expect(iso(times.day_before)).toBe('2027-01-09T01:00:00.000Z'); // 10:00 JST on the 9th
    expect(iso(times.day_of)).toBe('2027-01-09T21:00:00.000Z'); // 06:00 JST: an hour before, as it starts before 08:00
    expect(iso(times.after)).toBe('2027-01-10T02:00:00.000Z'); // 11:00 JST
  });
});

describe('scheduling', () => {
  it('queues each message once per confirmed RSVP, only while it is due, and "did you attend?" only to no-shows', async () => {
    const meeting = event('meeting', '2099-05-01 18:00', '2099-05-01 20:00', 'Europe/Madrid');
    const store = await openSqliteStore(tempDb());
    const catalog = catalogFrom([meeting]);
    const app = createApp({ store, catalog });
    for (const email of ['a@example.org', 'b@example.org']) {
      await app.request(
        'http://localhost/api/campaigns/meeting/rsvps',
        post({ person: { givenName: 'A', familyName: 'B', email }, consent: { contact: true } }),
      );
    }
    const times = reminderTimes(eventOf(meeting));
    expect(await scheduleReminders(store, catalog, times.day_before - 60_000)).toBe(0);
    expect(await scheduleReminders(store, catalog, times.day_before + 60_000)).toBe(2);
    expect(await scheduleReminders(store, catalog, times.day_before + 120_000)).toBe(0);
    expect(await scheduleReminders(store, catalog, times.day_of)).toBe(2);
    const [, b] = (await store.outboxEvents(10)).filter((e) => e.type === 'rsvp.created');
    await store.checkIn({ id: (b.payload as { rsvpId: string }).rsvpId });
    expect(await scheduleReminders(store, catalog, times.after + 1000)).toBe(1);
    // Too late to ask after three days.
    const late = event('late', '2099-05-01 18:00', '2099-05-01 20:00', 'Europe/Madrid');
    expect(await scheduleReminders(store, catalogFrom([late]), times.after + 4 * 24 * 3600_000)).toBe(0);
    const reminders = (await store.outboxEvents(20)).filter((e) => e.type === 'rsvp.reminder');
    const sent = reminders.map((e) => e.payload as { kind: string; person: { email: string } });
    // Events written in the same millisecond have no order among them: compare the kinds as a sorted list.
    expect(sent.map((p) => p.kind).sort()).toEqual(['after', 'day_before', 'day_before', 'day_of', 'day_of']);
    // The one who checked in is not asked whether they came.
    const attended = (b.payload as { person: { email: string } }).person.email;
    expect(sent.find((p) => p.kind === 'after')?.person.email).not.toBe(attended);
    // The manage link is minted as the message is sent: no event carries its token.
    expect(reminders[0].payload).not.toHaveProperty('manageToken');
  });
});
