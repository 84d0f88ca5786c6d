/**
 * What one dispatch pass costs once the outbox is large: `OUTBOX_EVENTS` (1,000,000) events already delivered to a
 * sink, then the sink's claim (the query each pass starts with, store/outbox.ts claimDeliveries) timed on SQLite
 * and PostgreSQL: the first claim (finds none; since migration 13 it reads every event once, to place the sink's
 * cursor: the first pass after upgrading), then 20 new events, the claim that finds them and the next (finds
 * none). Issue 14 wants the pass not to walk the delivered events. `node bench/outbox-pass.ts`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { openPostgresStore } from '../functions/store/postgres.ts';
import { openSqliteStore } from '../functions/store/sqlite.ts';
import type { Store } from '../functions/store/types.ts';

const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const EVENTS = Number(process.env.OUTBOX_EVENTS ?? 1_000_000);
const SINK = 'bench';

async function time(store: Store, add20: () => Promise<unknown>): Promise<string> {
  const claims: string[] = [];
  for (const expected of [0, 20, 0]) {
    if (claims.length === 1) await add20();
    const start = performance.now();
    const claimed = await store.claimDeliveries(SINK, 20, 600_000);
    const ms = performance.now() - start;
    if (claimed.length !== expected) throw new Error(`claimed ${claimed.length}, expected ${expected}`);
    claims.push(`${ms.toFixed(1)} ms (${claimed.length} claimed)`);
  }
  return claims.join(', then ');
}

async function sqlite(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'ladder-outbox-')), 'ladder.sqlite');
  await (await openSqliteStore(path)).close();
  const raw = new DatabaseSync(path);
  raw.exec(`BEGIN;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${EVENTS})
    INSERT INTO outbox (id, type, campaign, payload, created_at)
      SELECT lower(hex(randomblob(16))), 'signature.created', 'bench', '{}', '2026-12-01T00:00:00.000Z' FROM n;
    INSERT INTO deliveries (event_id, sink, attempts, delivered_at)
      SELECT id, '${SINK}', 1, '2026-12-01T00:00:01.000Z' FROM outbox;
    COMMIT;`);
  const add20 = async () =>
    raw.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
      INSERT INTO outbox (id, type, campaign, payload, created_at)
        SELECT lower(hex(randomblob(16))), 'signature.created', 'bench', '{}', '2026-12-02T00:00:00.000Z' FROM n`);
  const store = await openSqliteStore(path);
  try {
    return await time(store, add20);
  } finally {
    await store.close();
    raw.close();
  }
}

async function postgres(): Promise<string> {
  const schema = `ladder_outbox_pass_${process.pid}`;
  const admin = new pg.Pool({ connectionString: PG_URL, options: `-c search_path=${schema}` });
  const store = await openPostgresStore(PG_URL, { schema });
  try {
    const add = (n: number) =>
      admin.query(`INSERT INTO outbox (id, type, campaign, payload, created_at)
        SELECT gen_random_uuid(), 'signature.created', 'bench', '{}', now() FROM generate_series(1, ${n})`);
    await add(EVENTS);
    await admin.query(`INSERT INTO deliveries (event_id, sink, attempts, delivered_at)
      SELECT id, '${SINK}', 1, now() FROM outbox`);
    await admin.query('ANALYZE outbox; ANALYZE deliveries');
    return await time(store, () => add(20));
  } finally {
    await store.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

console.log(`A sink's claim over ${EVENTS.toLocaleString('en')} delivered events, then 20 new ones:`);
console.log(`  SQLite: ${await sqlite()}`);
console.log(`  PostgreSQL: ${await postgres()}`);
