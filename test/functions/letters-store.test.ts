/** Letters in the store, on SQLite and PostgreSQL alike: deliveries per target, opt-in, bounces, choices. */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { catalogFrom } from '../../functions/catalog.ts';
import type { CampaignEntry } from '../../schema/campaign.ts';
import { post } from './fixtures.ts';
import { openStore } from './guard-fixtures.ts';
import { confirmLetters, letterCampaign } from './letter-fixtures.ts';

const dialects = [
  { name: 'SQLite', open: () => openStore('sqlite') },
  { name: 'PostgreSQL', open: () => openStore('postgres') },
];

const held = { ...letterCampaign('held-letter'), doubleOptIn: true } as CampaignEntry;
const catalog = catalogFrom([letterCampaign('council-letter'), held]);
const person = (email: string, postcode = '94110') => ({ givenName: 'Ada', familyName: 'Lovelace', email, postcode });
const write = (slug: string, body: Record<string, unknown>) =>
  [`http://localhost/api/campaigns/${slug}/letters`, post({ consent: { contact: false }, ...body })] as const;

for (const dialect of dialects) {
  describe(`letters in the store: ${dialect.name}`, () => {
    it('writes a delivery per target only once a held letter is confirmed, then counts it', async () => {
      const store = await dialect.open();
      const app = createApp({ store, catalog });
      expect((await app.request(...write('held-letter', { person: person('ada@example.org') }))).status).toBe(202);
      expect(await store.letterTotals('held-letter')).toEqual([]);
      expect(await store.waitingLetters(10)).toEqual([]);
      const event = (await store.outboxEvents(10)).find((e) => e.type === 'confirmation.requested')!;
      await store.confirmAction((event.payload as { token: string }).token, []);
      expect(await store.count('held-letter')).toBe(1);
      const waiting = await store.waitingLetters(10);
      expect(waiting.map((w) => [w.target, w.address])).toEqual([
        ['mayor', 'mayor@city.example'],
        ['ward-1', 'soto@city.example'],
      ]);
      expect(waiting[0]).toMatchObject({
        edited: false,
        letter: { subject: null, text: null, givenName: 'Ada', email: 'ada@example.org', postcode: '94110' },
        choice: null,
        bounced: false,
      });
      await store.close();
    });

    it('marks what was sent, records a hard bounce per message and the office choice per address', async () => {
      const store = await dialect.open();
      const app = createApp({ store, catalog });
      for (const email of ['a@example.org', 'b@example.org']) {
        expect((await app.request(...write('council-letter', { person: person(email) }))).status).toBe(202);
      }
      await confirmLetters(store);
      const waiting = await store.waitingLetters(10);
      const now = new Date();
      const mayor = waiting.filter((w) => w.target === 'mayor');
      await store.markLetters(mayor.slice(0, 1), 'sent', '<m1@campaign.example>', null, now);
      await store.markLetters(mayor.slice(1), 'sent', '<m2@campaign.example>', null, now);
      // Marking again changes nothing: only waiting letters move.
      await store.markLetters(mayor.slice(0, 1), 'stopped', null, null, now);
      expect(await store.letterLog('mayor@city.example', new Date(now.getTime() - 3600_000))).toEqual({
        recent: 2,
        lastDigest: null,
      });
      expect(await store.letterBounce('<m2@campaign.example>', 'hard', '550 no such user', now)).toBe(true);
      expect(await store.letterBounce('<unknown@campaign.example>', 'hard', '550', now)).toBe(false);
      await store.setLetterChoice('soto@city.example', 'digest', now);
      await store.setLetterChoice('soto@city.example', 'stop', now);
      const totals = await store.letterTotals('council-letter');
      expect(totals).toEqual([
        expect.objectContaining({ target: 'mayor', delivered: 1, bounced: 1, waiting: 0, choice: null }),
        expect.objectContaining({ target: 'ward-1', delivered: 0, waiting: 2, choice: 'stop', bouncedAt: null }),
      ]);
      expect(totals[0].bouncedAt).not.toBeNull();
      await store.close();
    });
  });
}
