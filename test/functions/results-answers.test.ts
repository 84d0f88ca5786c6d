/**
 * Listening results read one row per answer (migration 12's `answers` table), on SQLite and PostgreSQL: written
 * with each response by whichever path inserts it, gone with the person's details on erasure, and backfilled from
 * the responses stored before the migration.
 */
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { Campaign, type CampaignEntry } from '../../schema/campaign.ts';
import { migrations as postgresMigrations } from '../../functions/store/migrations/postgres.ts';
import { migrations as sqliteMigrations } from '../../functions/store/migrations/sqlite.ts';
import { openPostgresStore } from '../../functions/store/postgres.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import type { Store } from '../../functions/store/types.ts';
import { ADMIN_TOKEN, post, tempDb, testApp } from './fixtures.ts';

const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const AT = '2026-11-20T10:00:00.000Z';

const tenants: CampaignEntry = {
  ...Campaign.parse({
    kind: 'survey',
    title: 'Tenants',
    summary: 'What should we fix first?',
    consent: { text: 'Keep me updated.', version: 'v1' },
    survey: {
      canvass: true,
      pages: [
        {
          questions: [
            { id: 'housing', type: 'single', label: 'Rent or own?', options: ['rent', 'own'] },
            { id: 'issues', type: 'multiple', label: 'Issues', options: ['heat', 'mold', 'rats'] },
            { id: 'urgency', type: 'scale', label: 'How urgent?', min: 1, max: 5 },
            { id: 'story', type: 'longtext', label: 'Tell us more' },
          ],
        },
      ],
      help: { question: 'Would you help?', options: ['host', 'canvass'] },
    },
  }),
  slug: 'tenants',
};

/** Raw SQL on the store's own database, to look at its rows and write as an older version would have. */
interface Raw {
  all(sql: string): Promise<Record<string, unknown>[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

const details = (i: number) =>
  JSON.stringify({
    answers: { housing: i < 6 ? 'own' : 'rent', issues: ['heat', ...(i % 2 ? ['mold'] : [])], urgency: 1 + (i % 5) },
    help: i % 2 ? ['host'] : [],
    canvass: { canvasser: 'Dolores', turf: 'North', collectedAt: AT },
  });

interface Opened {
  store: Store;
  raw: Raw;
}

function suite(name: string, db: { fresh(): Promise<Opened>; before12(): Promise<Opened> }) {
  describe(`answers table on ${name}`, { timeout: 30_000 }, () => {
    it('holds each response, an answer a row, and an erased person takes theirs away', async () => {
      const { store, raw } = await db.fresh();
      const { app } = await testApp(store, [tenants]);
      for (let i = 0; i < 7; i++) {
        const person = { givenName: 'P', familyName: `N${i}`, email: `p${i}@example.org`, postcode: '94110' };
        const answers = { housing: 'rent', issues: ['heat', 'rats'], urgency: 4, story: `Heat ${i}` };
        const res = await app.request(
          'http://localhost/api/campaigns/tenants/responses',
          post({ person, answers, help: ['host'], consent: { contact: true } }),
        );
        expect(res.status).toBe(201);
      }
      // The longest open answer there may be, in letters that do not compress: stored, and found by a search.
      const long = Array.from({ length: 5000 }, (_, i) => String.fromCodePoint(0x0621 + ((i * 7919) % 26))).join('');
      const longOne = await app.request(
        'http://localhost/api/campaigns/tenants/responses',
        post({
          person: { givenName: 'L', familyName: 'Long', email: 'long@example.org', postcode: '94110' },
          answers: { housing: 'own', story: long },
          consent: { contact: false },
        }),
      );
      expect(longOne.status).toBe(201);
      const found = await store.listening.openAnswers('tenants', {}, ['story'], long.slice(100, 120), {
        limit: 5,
        offset: 0,
      });
      expect(found.answers.map((a) => a.text)).toEqual([long]);
      const rows = await raw.all(`SELECT question, item, value FROM answers WHERE campaign = 'tenants'`);
      // Per response: itself, 4 answers, 2 options of the multiple choice, 1 help option; the long one: itself, 2.
      expect(rows).toHaveLength(7 * 8 + 3);
      expect(rows.filter((r) => r.question === 'issues' && Number(r.item) > 0).map((r) => r.value)).toContain('rats');
      const erase = await app.request('http://localhost/api/admin/supporters?email=p0@example.org', {
        method: 'DELETE',
        headers: auth,
      });
      expect(erase.status).toBe(200);
      expect(await raw.all(`SELECT 1 FROM answers WHERE value = 'Heat 0'`)).toEqual([]);
      expect(await raw.all(`SELECT 1 FROM answers WHERE question = ''`)).toHaveLength(7);
      const res = await app.request('http://localhost/api/admin/campaigns/tenants/results?postcode=94110', {
        headers: auth,
      });
      const body = await res.json();
      expect(body).toMatchObject({ responses: 7, help: { host: 6, canvass: 0 } });
      expect(body.questions.issues).toEqual({ shown: 7, answered: 6, counts: { heat: 6, mold: 0, rats: 6 } });
      await raw.close();
      await store.close();
    });

    it('migration 12 counts the responses stored before it', async () => {
      const { store, raw } = await db.before12();
      const { app } = await testApp(store, [tenants]);
      const body = await (
        await app.request('http://localhost/api/admin/campaigns/tenants/results?canvasser=Dolores&from=2026-11-20', {
          headers: auth,
        })
      ).json();
      expect(body).toMatchObject({ responses: 12, help: { host: 6, canvass: 0 } });
      expect(body.questions.housing.counts).toEqual({ rent: 6, own: 6 });
      expect(body.questions.issues.counts).toEqual({ heat: 12, mold: 6, rats: 0 });
      expect(body.questions.urgency).toMatchObject({ answered: 12, median: 2 });
      expect(await raw.all(`SELECT 1 FROM answers WHERE question = ''`)).toHaveLength(12);
      await raw.close();
      await store.close();
    });
  });
}

const ids = Array.from({ length: 12 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
const oldRows = ids.map(
  (id, i) =>
    `INSERT INTO actions (id, campaign, kind, details, created_at) VALUES ('${id}', 'tenants', 'response', '${details(i)}', '${AT}')`,
);

const sqliteRaw = (path: string): Raw => {
  const db = new DatabaseSync(path);
  return {
    all: async (sql) => db.prepare(sql).all() as Record<string, unknown>[],
    exec: async (sql) => void db.exec(sql),
    close: async () => db.close(),
  };
};

suite('SQLite', {
  async fresh() {
    const path = tempDb();
    return { store: await openSqliteStore(path), raw: sqliteRaw(path) };
  },
  async before12() {
    const path = tempDb();
    const raw = sqliteRaw(path);
    await raw.exec('CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of sqliteMigrations.filter((m) => m.id < 12)) {
      await raw.exec(m.sql);
      await raw.exec(`INSERT INTO migrations VALUES (${m.id}, '${m.name}', '${AT}')`);
    }
    for (const row of oldRows) await raw.exec(row);
    return { store: await openSqliteStore(path), raw };
  },
});

const schemas: string[] = [];
async function postgresRaw(): Promise<{ schema: string; raw: Raw }> {
  const schema = `ladder_answers_${process.pid}_${schemas.length}`;
  schemas.push(schema);
  const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
  await client.connect();
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const raw: Raw = {
    all: async (sql) => (await client.query(sql)).rows,
    exec: async (sql) => void (await client.query(sql)),
    close: () => client.end(),
  };
  return { schema, raw };
}

suite('PostgreSQL', {
  async fresh() {
    const { schema, raw } = await postgresRaw();
    return { store: await openPostgresStore(PG_URL, { schema }), raw };
  },
  async before12() {
    const { schema, raw } = await postgresRaw();
    await raw.exec(
      'CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
    );
    for (const m of postgresMigrations.filter((m) => m.id < 12)) {
      await raw.exec(m.sql);
      await raw.exec(`INSERT INTO migrations VALUES (${m.id}, '${m.name}', now())`);
    }
    for (const row of oldRows) await raw.exec(row);
    return { store: await openPostgresStore(PG_URL, { schema }), raw };
  },
});

afterAll(async () => {
  const admin = new pg.Pool({ connectionString: PG_URL });
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});
