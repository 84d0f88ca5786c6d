/**
 * Follow-ups (issue 12): many volunteers asking for a batch at the same moment, on SQLite and PostgreSQL (where the
 * takes really run side by side, on a pool of connections). No contact is in two batches, none is left out, nobody
 * holds more than the batch size, and expired leases return to the pool as the takes go on.
 */
import { describe, expect, it } from 'vitest';
import type { FollowupDetail } from '../../schema/followup.ts';
import { DAY, dialects, meeting, noShow, running, SLOW } from './followup-fixtures.ts';

const PEOPLE = 60;
const BATCH = 5;
const WORKERS = 16;

describe.each(dialects)('follow-up takes on %s', (_name, open) => {
  it(
    'hands out a list to many takes at once: no contact in two batches, none skipped, batch sizes kept',
    async () => {
      const t = await running(open, { timezone: DAY, extra: [meeting('meet', DAY)] });
      try {
        for (let i = 0; i < PEOPLE; i += 10) {
          await Promise.all(
            Array.from({ length: 10 }, (_, j) =>
              t.rsvp('meet', `p${i + j}@example.org`, `+1415556${String(i + j).padStart(4, '0')}`, { contact: true }),
            ),
          );
        }
        const created = await t.as('organizer', 'POST', '/followups', noShow('meet', 'call', { batchSize: BATCH }));
        const { followup, figures } = (await created.json()) as FollowupDetail;
        expect(figures.eligible).toBe(PEOPLE);
        const { followups } = t.store;

        /** Every worker asks at once (the first three times, as a phone retrying would); what each then holds. */
        const round = async (prefix: string, now: Date) => {
          const workers = Array.from({ length: WORKERS }, (_, w) => `${prefix}-${w}`);
          await Promise.all([...workers, workers[0], workers[0]].map((w) => followups.take(followup.id, w, now)));
          return Promise.all(workers.map(async (w) => (await followups.held(followup.id, w, now)).map((c) => c.id)));
        };
        const check = (batches: string[][]) => {
          const all = batches.flat();
          expect(new Set(all).size).toBe(all.length); // no contact in two batches
          expect(all).toHaveLength(PEOPLE); // none skipped (16 × 5 = 80 places for 60 people)
          for (const batch of batches) expect(batch.length).toBeLessThanOrEqual(BATCH);
          return new Set(all);
        };

        const now = new Date();
        const first = check(await round('a', now));
        expect(await followups.take(followup.id, 'late', now)).toBeNull();
        expect(await followups.held(followup.id, 'late', now)).toEqual([]);

        // The leases end: a second crowd takes the same people again, each once, as the first crowd's lapse.
        const later = new Date(now.getTime() + 21 * 60_000);
        const second = check(await round('b', later));
        expect([...second].sort()).toEqual([...first].sort());
        expect(await followups.held(followup.id, 'a-1', later)).toEqual([]);
      } finally {
        await t.close();
      }
    },
    SLOW,
  );
});
