/**
 * The outbox over time, on SQLite and PostgreSQL: the claim reads only what is new or due (a cursor per sink), two
 * dispatchers still share the events, and pruning deletes what was delivered long ago while keeping whatever still
 * waits for a delivery, recent events, dead letters for their days; erasure works on what is left.
 */
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgresStore } from '../../functions/store/postgres.ts';
import { pruneOptionsFromEnv } from '../../functions/store/prune.ts';
import type { Store } from '../../functions/store/types.ts';
import { dialects, type Opened, sign } from './privacy-fixtures.ts';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0)) await thing.close();
});

const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const DAY = 24 * 3600_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const options = { keepDays: 30, deadDays: 90 };

/** Signs `plain` for each email; the outbox event ids written, in order. */
async function signAll(o: Opened, emails: string[]): Promise<string[]> {
  const before = new Set((await o.store.outboxEvents(1000)).map((e) => e.id));
  for (const email of emails) expect((await sign(o.app, 'plain', email)).status).toBe(201);
  return (await o.store.outboxEvents(1000)).map((e) => e.id).filter((id) => !before.has(id));
}

async function claimAll(store: Store, sink: string): Promise<string[]> {
  return (await store.claimDeliveries(sink, 100, 60_000)).map((d) => d.event.id);
}

for (const dialect of dialects) {
  describe(`the outbox over time (${dialect.name})`, () => {
    it('claims only what is new or due, once each, with two dispatchers at once', async () => {
      const o = await dialect.open();
      opened.push(o);
      const first = await signAll(
        o,
        Array.from({ length: 12 }, (_, i) => `a${i}@example.org`),
      );
      const claimed: string[] = [];
      for (;;) {
        const [a, b] = await Promise.all([
          o.store.claimDeliveries('hook', 4, 60_000),
          o.store.claimDeliveries('hook', 4, 60_000),
        ]);
        if (!a.length && !b.length) break;
        claimed.push(...[...a, ...b].map((d) => d.event.id));
      }
      expect(claimed.sort()).toEqual([...first].sort());
      for (const id of first.filter((_, i) => i !== 3)) await o.store.markDelivered('hook', id);
      // The cursor is past every event handed out: the next pass does not read them. (PostgreSQL's stops below the
      // oldest transaction still running, which other clients of a shared server may hold open: not checked there.)
      const [cursor] = await o.query("SELECT position FROM sink_cursors WHERE sink = 'hook'");
      if (dialect.name === 'SQLite') {
        const [last] = await o.query('SELECT MAX(seq) AS p FROM outbox');
        expect(Number(cursor.position)).toBeGreaterThan(Number(last.p));
      }
      const later = await signAll(o, ['b0@example.org', 'b1@example.org']);
      // A retry behind the cursor comes back when due, with the new events, in the order they were written.
      await o.store.markFailed('hook', first[3], 'HTTP 503', new Date(Date.now() - 1));
      expect(await claimAll(o.store, 'hook')).toEqual([first[3], ...later]);
      expect(await claimAll(o.store, 'hook')).toEqual([]);
      // A sink seen for the first time gets everything.
      expect(await claimAll(o.store, 'crm')).toHaveLength(14);
    });

    it('prunes delivered and erased events once old; keeps the undelivered, the recent and dead letters for their days', async () => {
      const o = await dialect.open();
      opened.push(o);
      const [done, retrying, dead, oldDead, recent] = await signAll(o, [
        'done@example.org',
        'retry@example.org',
        'dead@example.org',
        'old-dead@example.org',
        'recent@example.org',
      ]);
      expect(await claimAll(o.store, 'crm')).toHaveLength(5);
      // Written after the crm sink's last claim: it has not passed it yet.
      const [unseen] = await signAll(o, ['unseen@example.org']);
      const [erased] = await signAll(o, ['erased@example.org']);
      expect(await claimAll(o.store, 'hook')).toHaveLength(7);
      for (const id of [done, retrying, dead, oldDead, recent, unseen, erased]) await o.store.markDelivered('hook', id);
      for (const id of [done, recent]) await o.store.markDelivered('crm', id);
      await o.store.markFailed('crm', retrying, 'HTTP 503', new Date(Date.now() + 60_000));
      await o.store.markFailed('crm', dead, 'HTTP 422', null);
      await o.store.markFailed('crm', oldDead, 'HTTP 422', null);
      expect(await o.store.eraseSupporter('erased@example.org', () => null)).toBe(true);
      for (const id of [done, retrying, dead, unseen, erased]) {
        await o.query('UPDATE outbox SET created_at = ? WHERE id = ?', daysAgo(40), id);
      }
      await o.query('UPDATE outbox SET created_at = ? WHERE id = ?', daysAgo(100), oldDead);
      await o.query(
        'INSERT INTO idempotency (campaign, key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?)',
        ...['plain', 'old', 'h', 201, '{}', daysAgo(40)],
        ...['plain', 'new', 'h', 201, '{}', daysAgo(1)],
      );

      // The cursors as the passes left them: hook past everything, crm at `unseen`. (On PostgreSQL a cursor stops
      // below the oldest transaction still open, which another client of a shared server may hold back.)
      const column = dialect.name === 'SQLite' ? 'seq' : 'xid';
      await o.query(`UPDATE sink_cursors SET position = (SELECT MAX(${column}) + 1 FROM outbox) WHERE sink = 'hook'`);
      await o.query(
        `UPDATE sink_cursors SET position = (SELECT ${column} FROM outbox WHERE id = ?) WHERE sink = 'crm'`,
        unseen,
      );
      expect(await o.store.pruneOutbox(options, new Date())).toEqual({ events: 3, idempotency: 1 });
      const left = (await o.query('SELECT id FROM outbox')).map((row) => String(row.id));
      expect(left.sort()).toEqual([retrying, dead, recent, unseen].sort());
      const deliveries = await o.query('SELECT event_id FROM deliveries');
      expect(deliveries.every((row) => left.includes(String(row.event_id)))).toBe(true);
      expect((await o.query('SELECT key FROM idempotency')).map((row) => row.key)).toEqual(['new']);
      expect((await o.store.deadLetters(10)).map((d) => d.event.id)).toEqual([dead]);
      // Nothing pruned is handed out again; what was waiting still is.
      expect(await claimAll(o.store, 'crm')).toEqual([unseen]);
      expect(await o.store.redeliver(retrying, 'crm')).toBe(1);
      expect(await claimAll(o.store, 'crm')).toEqual([retrying]);
      expect(await o.store.pruneOutbox(options, new Date())).toEqual({ events: 0, idempotency: 0 });

      // Erasure works on what is left, and for someone whose events are all gone.
      expect(await o.store.eraseSupporter('retry@example.org', () => null)).toBe(true);
      expect(await o.store.eraseSupporter('done@example.org', () => null)).toBe(true);
      expect((await o.store.outboxEvents(100)).map((e) => e.id).sort()).toEqual([dead, recent, unseen].sort());
      expect(await o.store.supporterByEmail('done@example.org')).toBeNull();
      // A sink that has not claimed for as long as events are kept (removed from the configuration) holds nothing.
      await o.query("UPDATE sink_cursors SET claimed_at = ? WHERE sink = 'crm'", daysAgo(31));
      await o.query('UPDATE outbox SET created_at = ? WHERE id = ?', daysAgo(40), recent);
      await o.store.markDelivered('crm', unseen);
      expect(await o.store.pruneOutbox(options, new Date())).toMatchObject({ events: 3 });
      expect((await o.query('SELECT id FROM outbox')).map((row) => String(row.id))).toEqual([dead]);
    });
  });
}

describe('the outbox cursor on PostgreSQL', () => {
  it('never skips an event whose transaction commits after a later one', async () => {
    const schema = `ladder_cursor_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    const store = await openPostgresStore(PG_URL, { schema });
    const slow = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
    await slow.connect();
    try {
      // The slow transaction takes its sequence number first and commits last.
      await slow.query('BEGIN');
      await slow.query(`INSERT INTO outbox (id, type, campaign, payload, created_at)
        VALUES ('00000000-0000-4000-8000-000000000001', 'test.slow', 'plain', '{}', now())`);
      await admin.query(`INSERT INTO ${schema}.outbox (id, type, campaign, payload, created_at)
        VALUES ('00000000-0000-4000-8000-000000000002', 'test.fast', 'plain', '{}', now())`);
      const fast = await store.claimDeliveries('hook', 10, 60_000);
      expect(fast.map((d) => d.event.type)).toEqual(['test.fast']);
      await store.markDelivered('hook', fast[0].event.id);
      expect(await store.claimDeliveries('hook', 10, 60_000)).toEqual([]);
      await slow.query('COMMIT');
      expect((await store.claimDeliveries('hook', 10, 60_000)).map((d) => d.event.type)).toEqual(['test.slow']);
    } finally {
      await slow.end();
      await store.close();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  });
});

describe('pruning settings', () => {
  it('default to 30 and 90 days, and refuse fewer than 7 or dead letters kept shorter', () => {
    expect(pruneOptionsFromEnv({})).toEqual({ keepDays: 30, deadDays: 90 });
    expect(pruneOptionsFromEnv({ LADDER_OUTBOX_KEEP_DAYS: '120' })).toEqual({ keepDays: 120, deadDays: 120 });
    expect(() => pruneOptionsFromEnv({ LADDER_OUTBOX_KEEP_DAYS: '3' })).toThrow(/LADDER_OUTBOX_KEEP_DAYS.*at least 7/);
    expect(() => pruneOptionsFromEnv({ LADDER_OUTBOX_KEEP_DAYS: '60', LADDER_DEAD_LETTER_DAYS: '30' })).toThrow(
      /LADDER_DEAD_LETTER_DAYS.*at least 60/,
    );
  });
});
