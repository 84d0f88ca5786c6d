/**
 * The letters' sender on several instances: two runs at once, each with its own connection to one database (as two
 * `npm start` processes, or a timer and `npm run dispatch`), send each letter once, on SQLite and PostgreSQL.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/app.ts';
import { catalogFrom } from '../../../functions/catalog.ts';
import { letterSecret, sendLetters } from '../../../functions/outbox/letters.ts';
import { openPostgresStore } from '../../../functions/store/postgres.ts';
import { openSqliteStore } from '../../../functions/store/sqlite.ts';
import type { Store } from '../../../functions/store/types.ts';
import { post, tempDb } from '../fixtures.ts';
import { openStore } from '../guard-fixtures.ts';
import { confirmLetters, letterCampaign, SUGGESTION } from '../letter-fixtures.ts';
import { SITE } from './fixtures.ts';
import { smtpServer } from './servers.ts';

const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Tuesday 2026-12-08, 10:00 in Los Angeles: inside the default window. */
const TUESDAY_10 = new Date('2026-12-08T18:00:00Z');

const closing: { close(): Promise<void> }[] = [];
afterEach(async () => {
  // Last opened, first closed: the stores before the schema they use is dropped.
  for (const thing of closing.splice(0).reverse()) await thing.close();
});

/** Two stores on one database: the same SQLite file, or the same PostgreSQL schema through two pools. */
const dialects = [
  {
    name: 'SQLite',
    async open(): Promise<[Store, Store]> {
      const file = tempDb();
      return [await openSqliteStore(file), await openSqliteStore(file)];
    },
  },
  {
    name: 'PostgreSQL',
    async open(): Promise<[Store, Store]> {
      const schema = `ladder_lease_${process.pid}`;
      const admin = new pg.Pool({ connectionString: PG_URL });
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
      closing.push({
        async close() {
          const cleanup = new pg.Pool({ connectionString: PG_URL });
          await cleanup.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await cleanup.end();
        },
      });
      const first = await openPostgresStore(PG_URL, { schema });
      return [first, await openPostgresStore(PG_URL, { schema })];
    },
  },
];

for (const dialect of dialects) {
  describe(`the letters' sender on two instances: ${dialect.name}`, () => {
    it('sends every letter once when two senders run at the same moment, and the other run sends later', async () => {
      const smtp = await smtpServer({});
      const [one, two] = await dialect.open();
      closing.push(smtp, one, two);
      const catalog = catalogFrom([
        letterCampaign('council', {
          sending: { from: 'letters@campaign.example', timezone: 'America/Los_Angeles', digestShare: 1.01 },
        }),
      ]);
      const app = createApp({ store: one, catalog });
      for (let i = 0; i < 6; i++) {
        const person = { givenName: `Writer${i}`, familyName: 'Baker', email: `w${i}@example.org`, postcode: '94110' };
        const text = `${SUGGESTION} I have lived on Mission Street for ${i + 3} years and the roof leaks over my bed.`;
        const res = await app.request(
          'http://localhost/api/campaigns/council/letters',
          post({ person, consent: { contact: false }, text }),
        );
        expect(res.status).toBe(202);
      }
      await confirmLetters(one);
      const config = { smtpUrl: smtp.url, siteUrl: SITE, secret: await letterSecret(one) };
      const runs = await Promise.all([
        sendLetters(one, catalog, config, TUESDAY_10),
        sendLetters(two, catalog, config, TUESDAY_10),
      ]);
      // Six writers, two targets each: twelve letters, each once, whichever instance sent it.
      expect(runs[0].sent + runs[1].sent).toBe(12);
      expect(smtp.mails).toHaveLength(12);
      expect(new Set(smtp.mails.map((mail) => mail.messageId)).size).toBe(12);
      const totals = await two.letterTotals('council');
      expect(totals.map((t) => [t.target, t.delivered, t.waiting])).toEqual([
        ['mayor', 6, 0],
        ['ward-1', 6, 0],
      ]);
      // The lease ended with the run: the next run (on either instance) is free to go, and finds nothing left.
      expect(await sendLetters(two, catalog, config, TUESDAY_10)).toMatchObject({ sent: 0 });
      expect(smtp.mails).toHaveLength(12);
      // Migrations and twelve SMTP sessions on a busy machine: room, not a race.
    }, 30_000);
  });
}

describe('the letters lease in the store', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`is held by one holder at a time until it ends or is released: ${dialect}`, async () => {
      const store = await openStore(dialect);
      closing.push(store);
      const now = Date.parse('2026-12-08T18:00:00Z');
      expect(await store.takeLease('letters', 'a', now, 60_000)).toBe(true);
      expect(await store.takeLease('letters', 'b', now + 1000, 60_000)).toBe(false);
      // The holder renews its own lease.
      expect(await store.takeLease('letters', 'a', now + 30_000, 60_000)).toBe(true);
      expect(await store.takeLease('letters', 'b', now + 61_000, 60_000)).toBe(false);
      // Once it runs out (a crashed holder), another takes it.
      expect(await store.takeLease('letters', 'b', now + 90_001, 60_000)).toBe(true);
      await store.releaseLease('letters', 'a');
      expect(await store.takeLease('letters', 'a', now + 91_000, 60_000)).toBe(false);
      await store.releaseLease('letters', 'b');
      expect(await store.takeLease('letters', 'a', now + 92_000, 60_000)).toBe(true);
    });
  }
});
