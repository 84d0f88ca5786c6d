/**
 * A campaign's shares (actions per page origin, in its figures) come from counters bumped with each action, not
 * from reading every action on each page load: the same numbers as counting the actions, on both databases, for
 * every kind of action, and unchanged when erasure or retention take the people out. Migration 4 counts the
 * actions a store already had.
 */
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { CallInput, Contact, SignatureInput } from '../../schema/actions.ts';
import { migrations as pgMigrations } from '../../functions/store/migrations/postgres.ts';
import { migrations as sqliteMigrations } from '../../functions/store/migrations/sqlite.ts';
import { openPostgresStore } from '../../functions/store/postgres.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import type { Store } from '../../functions/store/types.ts';
import { tempDb } from './fixtures.ts';

const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

const base = (origin: string | null) => ({
  consent: { version: 'v1', textHash: 'abc' },
  origin,
  idempotency: null,
  nextAskCandidates: [],
});
const respond = () => ({ status: 201, body: {} });
const sign = (store: Store, email: string, origin: string | null) =>
  store.recordSignature(
    {
      ...base(origin),
      campaign: 'library',
      input: SignatureInput.parse({
        person: { givenName: 'A', familyName: 'B', email, postcode: '94110' },
        consent: { contact: true },
      }),
    },
    respond,
  );
const A = 'https://a.example';
const B = 'https://b.example';

/** What the shares were before the counters: every action of the campaign counted by origin. */
async function counted(store: Store, campaign: string) {
  return (await store.funnel()).partners
    .filter((row) => row.campaign === campaign)
    .reduce(
      (all, row) => all.set(row.origin, (all.get(row.origin) ?? 0) + row.actions),
      new Map<string | null, number>(),
    );
}

const byOrigin = (shares: { origin: string | null; count: number }[] | undefined) =>
  new Map((shares ?? []).map((share) => [share.origin, share.count]));

interface Dialect {
  name: string;
  open(): Promise<Store>;
  /** A store with migrations 1–3 only, holding these actions (campaign, origin), then opened at the latest. */
  upgrade(actions: [string, string | null][]): Promise<Store>;
}

const schemas: string[] = [];
const pgSchema = async () => {
  const schema = `ladder_shares_${process.pid}_${schemas.length}`;
  schemas.push(schema);
  const sql = new pg.Pool({ connectionString: PG_URL });
  await sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await sql.query(`CREATE SCHEMA ${schema}`);
  return { schema, sql };
};

const dialects: Dialect[] = [
  {
    name: 'SQLite',
    open: () => openSqliteStore(tempDb()),
    async upgrade(actions) {
      const path = tempDb();
      const raw = new DatabaseSync(path);
      raw.exec('CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      for (const m of sqliteMigrations.filter((m) => m.id < 4)) {
        raw.exec(m.sql);
        raw.prepare('INSERT INTO migrations VALUES (?, ?, ?)').run(m.id, m.name, new Date().toISOString());
      }
      actions.forEach(([campaign, origin], i) =>
        raw
          .prepare("INSERT INTO actions (id, campaign, kind, origin, created_at) VALUES (?, ?, 'call', ?, ?)")
          .run(`a${i}`, campaign, origin, new Date().toISOString()),
      );
      raw.close();
      return openSqliteStore(path);
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const { schema, sql } = await pgSchema();
      await sql.end();
      return openPostgresStore(PG_URL, { schema });
    },
    async upgrade(actions) {
      const { schema, sql } = await pgSchema();
      const tx = await sql.connect();
      await tx.query(`BEGIN; SET LOCAL search_path = ${schema}`);
      await tx.query(
        'CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
      );
      for (const m of pgMigrations.filter((m) => m.id < 4)) {
        await tx.query(m.sql);
        await tx.query('INSERT INTO migrations VALUES ($1, $2, now())', [m.id, m.name]);
      }
      for (const [campaign, origin] of actions) {
        await tx.query(
          "INSERT INTO actions (id, campaign, kind, origin, created_at) VALUES (gen_random_uuid(), $1, 'call', $2, now())",
          [campaign, origin],
        );
      }
      await tx.query('COMMIT');
      tx.release();
      await sql.end();
      return openPostgresStore(PG_URL, { schema });
    },
  },
];

for (const dialect of dialects) {
  describe(`shares: ${dialect.name}`, () => {
    it('counts every kind of action by origin, once, and keeps the counts through erasure and retention', async () => {
      const store = await dialect.open();
      await Promise.all([
        sign(store, 'ada@example.org', A),
        sign(store, 'bo@example.org', A),
        sign(store, 'cy@example.org', null),
        sign(store, 'di@example.org', B),
      ]);
      // Signing again is a duplicate: not counted again.
      await sign(store, 'ada@example.org', B);
      await store.recordCall(
        {
          ...base(B),
          campaign: 'library',
          input: CallInput.parse({ target: 't', outcome: 'contact', postcode: '94110' }),
        },
        respond,
      );
      await store.recordRsvp(
        {
          ...base(A),
          campaign: 'library',
          rules: { capacity: {} },
          input: {
            person: Contact.parse({ givenName: 'E', familyName: 'B', email: 'ed@example.org' }),
            guests: 0,
            consent: { contact: true, sms: false },
          },
        },
        () => ({ status: 201, body: {} }),
      );
      const expected = new Map<string | null, number>([
        [A, 3],
        [B, 2],
        [null, 1],
      ]);
      const shares = (await store.figures('library')).shares;
      expect(byOrigin(shares)).toEqual(expected);
      expect(byOrigin(shares)).toEqual(await counted(store, 'library'));
      expect(shares?.[0]).toEqual({ origin: A, count: 3 });
      expect((await store.figures('elsewhere')).shares).toEqual([]);

      expect(await store.eraseSupporter('ada@example.org', () => null)).toBe(true);
      const swept = await store.sweep(
        [{ campaign: 'library', before: new Date(Date.now() + 60_000).toISOString() }],
        new Date(),
      );
      expect(swept.actions).toBeGreaterThan(0);
      expect(byOrigin((await store.figures('library')).shares)).toEqual(expected);
      await store.close();
    });

    it('counts the actions a store had before the counters, once', async () => {
      const store = await dialect.upgrade([
        ['library', A],
        ['library', A],
        ['library', null],
        ['other', B],
      ]);
      expect((await store.figures('library')).shares).toEqual([
        { origin: A, count: 2 },
        { origin: null, count: 1 },
      ]);
      expect((await store.figures('other')).shares).toEqual([{ origin: B, count: 1 }]);
      await sign(store, 'new@example.org', A);
      expect((await store.figures('library')).shares?.[0]).toEqual({ origin: A, count: 3 });
      await store.close();
    });
  });
}

afterAll(async () => {
  const sql = new pg.Pool({ connectionString: PG_URL });
  for (const schema of schemas) await sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await sql.end();
});
