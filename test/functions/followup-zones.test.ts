/**
 * Texting hours in the contact's own time zone (issue 12), on SQLite and PostgreSQL over real HTTP: a US contact's
 * zone from their ZIP code, everyone else's from the list (the zone the organizer set, else the event's). The
 * clock is set (only `Date`; timers run) to two instants where the Pacific and the Eastern coasts disagree.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Batch, FollowupDetail } from '../../schema/followup.ts';
import { withinTextingHours, zonesOfPostcode } from '../../functions/followup-zone.ts';
import { dialects, meeting, noShow, running, SLOW } from './followup-fixtures.ts';

/** Yesterday at 15:00 UTC: 10:00 (or 11:00 in summer) in New York, 07:00 (08:00) in San Francisco. */
const MORNING = new Date(`${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}T15:00:00Z`);
/** 11.5 hours later, 02:30 UTC: 21:30 (22:30) in New York, 18:30 (19:30) in San Francisco. */
const EVENING = new Date(MORNING.getTime() + 11.5 * 3600_000);

afterEach(() => vi.useRealTimers());

describe('time zones from postcodes', () => {
  it('reads a US ZIP code (with a US phone) as its state, and a state over two zones as both', () => {
    expect(zonesOfPostcode('94110', '+14155550101')).toEqual(['America/Los_Angeles']);
    expect(zonesOfPostcode('10001-1234', '+12125550102')).toEqual(['America/New_York']);
    expect(zonesOfPostcode('00901', '+17875550100')).toEqual(['America/Puerto_Rico']);
    expect(zonesOfPostcode('75201', '+12145550103')).toEqual(['America/Chicago', 'America/Denver']); // Dallas, TX
    // Not a US ZIP code: a French postcode, a Dominican one (+1 809), a British one, none.
    expect(zonesOfPostcode('75001', '+33123456789')).toBeNull();
    expect(zonesOfPostcode('10101', '+18095550100')).toBeNull();
    expect(zonesOfPostcode('SW1A 1AA', '+447700900123')).toBeNull();
    expect(zonesOfPostcode(null, '+14155550101')).toBeNull();
    // Texas keeps the hours common to Central and Mountain time: 09:00 Central is 08:00 in El Paso.
    const nineCentral = new Date('2026-12-03T15:00:00Z');
    expect(withinTextingHours(['America/Chicago'], nineCentral)).toBe(true);
    expect(withinTextingHours(['America/Chicago', 'America/Denver'], nineCentral)).toBe(false);
  });
});

describe.each(dialects)('texting hours by the contact’s zone on %s', (_name, open) => {
  it(
    'at one instant texts the Eastern contact and refuses the Pacific one, then the other way round',
    async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(MORNING);
      // The event is in Auckland, where it is night at MORNING: the ZIP codes decide, not the event.
      const t = await running(open, { timezone: 'UTC', extra: [meeting('meet', 'Pacific/Auckland')] });
      try {
        await t.rsvp('meet', 'pia@example.org', '+14155550101', { sms: true }, { postcode: '94110' });
        await t.rsvp('meet', 'eli@example.org', '+12125550102', { sms: true }, { postcode: '10001' });
        await t.rsvp('meet', 'fleur@example.org', '+33123456789', { sms: true }, { postcode: '75001' });
        const list = (await (
          await t.as('organizer', 'POST', '/followups', noShow('meet', 'text'))
        ).json()) as FollowupDetail;
        expect(list.followup).toMatchObject({ timezone: null, zoneByPostcode: true });
        const batch = (await (await t.as('maria', 'POST', `/followups/${list.followup.id}/batch`)).json()) as Batch;
        const id = (name: string) => batch.contacts.find((c) => c.firstName.toLowerCase() === name)!.id;
        const text = (name: string, key: string) =>
          t.as('maria', 'POST', `/contacts/${id(name)}/messages`, { idempotencyKey: key });

        expect((await text('eli', 'eli-morning')).status).toBe(201);
        const pacific = await text('pia', 'pia-morning');
        expect(pacific.status).toBe(409);
        expect(await pacific.json()).toEqual({
          error: {
            code: 'outside_texting_hours',
            message: "Texts go out only between 9:00 and 21:00 in the person's time zone (America/Los_Angeles).",
          },
        });
        // No US ZIP code: the list's zone, the event's (Auckland, 04:00).
        const fleur = await text('fleur', 'fleur-morning');
        expect(((await fleur.json()) as { error: { message: string } }).error.message).toContain('Pacific/Auckland');
        expect(t.provider.texts.map((f) => f.get('To'))).toEqual(['+12125550102']);

        vi.setSystemTime(EVENING);
        // The same contacts (held past the lease, nobody took them since): now the East Coast sleeps.
        expect((await text('pia', 'pia-evening')).status).toBe(201);
        expect((await text('fleur', 'fleur-evening')).status).toBe(201);
        const late = await t.as('maria', 'POST', `/contacts/${id('eli')}/messages`, {
          idempotencyKey: 'eli-evening',
          body: 'Thanks! See you soon.',
        });
        expect(late.status).toBe(409);
        expect(t.provider.texts.map((f) => f.get('To'))).toEqual(['+12125550102', '+14155550101', '+33123456789']);
      } finally {
        await t.close();
      }
    },
    SLOW,
  );

  it(
    'lets the organizer set the zone of a list, and turn the ZIP codes off; refuses a zone that is none',
    async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(MORNING);
      const t = await running(open, { timezone: 'UTC', extra: [meeting('meet', 'Pacific/Auckland')] });
      try {
        await t.rsvp('meet', 'pia@example.org', '+14155550101', { sms: true }, { postcode: '94110' });
        await t.rsvp('meet', 'fleur@example.org', '+33123456789', { sms: true }, { postcode: '75001' });
        const bad = await t.as('organizer', 'POST', '/followups', {
          ...noShow('meet', 'text'),
          timezone: 'Mars/Olympus',
        });
        expect(bad.status).toBe(422);
        expect(await bad.json()).toMatchObject({
          error: { code: 'invalid_input', fields: { timezone: 'This value is not valid.' } },
        });
        const zoned = { ...noShow('meet', 'text'), timezone: 'Europe/Paris', zoneByPostcode: false };
        const list = (await (await t.as('organizer', 'POST', '/followups', zoned)).json()) as FollowupDetail;
        expect(list.followup).toMatchObject({ timezone: 'Europe/Paris', zoneByPostcode: false });
        const batch = (await (await t.as('sam', 'POST', `/followups/${list.followup.id}/batch`)).json()) as Batch;
        // 16:00 in Paris for both: the Californian's ZIP code is not used on this list.
        for (const contact of batch.contacts) {
          const res = await t.as('sam', 'POST', `/contacts/${contact.id}/messages`, {
            idempotencyKey: `k-${contact.id}`,
          });
          expect(res.status).toBe(201);
        }
        expect(t.provider.texts.map((f) => f.get('To')).sort()).toEqual(['+14155550101', '+33123456789']);
      } finally {
        await t.close();
      }
    },
    SLOW,
  );
});
