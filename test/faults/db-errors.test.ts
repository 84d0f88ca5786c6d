/**
 * The database failing under a submission: a driver error on one statement in the middle of a transaction
 * (SQLite busy, PostgreSQL lock_timeout, a dropped connection), a real competing transaction holding the lock
 * past the server's lock timeout, and a real connection reset (the server's backend terminated while it waits).
 * The API answers 503 with Retry-After and keeps nothing of the request; the resend with the same key is counted
 * once.
 */
import { DatabaseSync } from 'node:sqlite';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { post, signature } from '../functions/fixtures.ts';
import { type Signed, sign, signMany, token } from './client.ts';
import { closeWorlds, SLUG, type Target, targets, world } from './harness.ts';
import { checkInvariant } from './invariant.ts';

const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

afterEach(closeWorlds);

const failing = { sqlite: ['busy'], postgres: ['lock_timeout', 'reset'] } as const;

describe.each(targets)('%s', (dialect, open) => {
  it('answers 503 to driver errors mid-transaction and to a lock held past the timeout; each resend counted once', async () => {
    const errors = failing[dialect];
    // The third signature's counter fails (after its supporter, action and consent were written), then the
    // seventh such statement, with the next error; every statement waits 200 ms at most for a lock.
    const fail = errors.map((error, i) => ({ match: 'INSERT INTO counts', nth: 3 + 4 * i, error }));
    const { target, server, probe } = await world(open, [{ fail, lockTimeoutMs: 200 }]);
    const signed = await signMany(server, `failing-${dialect}`, 12, 2);

    expect(server.faults).toEqual(errors.map((error) => `${error} on INSERT INTO counts`));
    expect(server.exits).toEqual([]);
    const failed = signed.filter((s) => s.attempts.includes(503));
    expect(failed.flatMap((s) => s.attempts.filter((a) => a === 503)).length).toBe(errors.length);
    for (const { attempts } of failed) expect(attempts.at(-1)).toBe(201);
    // Nothing of a failed attempt stayed: one supporter per person.
    const [supporters] = await probe.all('SELECT COUNT(*) AS n FROM supporters WHERE email LIKE ?', 'failing-%');
    expect(Number(supporters.n)).toBe(12);

    // A real competing writer holds the lock longer than the server waits.
    const key = `held-lock-${dialect}`;
    const email = `lock-${dialect}@example.org`;
    const person = { givenName: 'Rosa', familyName: 'Parks', email, postcode: '94110' };
    const body = signature({ person, token: await token(server) });
    const release = await holdLock(target);
    let answer: Response;
    try {
      answer = await fetch(`${server.url}/api/campaigns/${SLUG}/signatures`, post(body, { 'Idempotency-Key': key }));
    } finally {
      await release();
    }
    expect(answer.status).toBe(503);
    expect(answer.headers.get('Retry-After')).toBe('1');
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    expect(await probe.all('SELECT key FROM idempotency WHERE key = ?', key)).toEqual([]);
    const resent: Signed = await sign(server, email, key);
    expect(resent.status).toBe(201);

    const summary = await checkInvariant(probe, {
      scenario: `db errors ${dialect}`,
      submitted: 13,
      signed: [...signed, { ...resent, attempts: [503, ...resent.attempts] }],
      notes: [`${errors.join(', ')} mid-transaction, then a lock held past the 200 ms timeout`],
    });
    console.log(summary);
  });

  it('does not count the resends of one failing submission against its person: four 503s, then 201, never 429', async () => {
    // More failures in a row than the per-email limit (3 an hour) allows submissions.
    const fail = [{ match: 'INSERT INTO counts', nth: 1, times: 4, error: failing[dialect][0] }];
    const { server, probe } = await world(open, [{ fail }]);
    const signed = await sign(server, `patient-${dialect}@example.org`);
    expect(signed.attempts).toEqual([503, 503, 503, 503, 201]);
    console.log(
      await checkInvariant(probe, {
        scenario: `resends after 503 ${dialect}`,
        submitted: 1,
        signed: [signed],
        notes: [],
      }),
    );
  });
});

/**
 * A real competing writer: SQLite's write lock from another connection, or a PostgreSQL transaction holding a
 * lock on the actions table that the signature's INSERT waits for. Resolves with its release.
 */
async function holdLock(target: Target): Promise<() => Promise<void>> {
  if (target.dialect === 'sqlite') {
    const db = new DatabaseSync(target.where);
    db.exec('BEGIN IMMEDIATE');
    return async () => {
      db.exec('ROLLBACK');
      db.close();
    };
  }
  const sql = postgres(PG_URL, { onnotice: () => {}, max: 1 });
  let release!: () => void;
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const held = sql.begin(async (tx) => {
    await tx.unsafe(`LOCK TABLE "${target.where}".actions IN SHARE ROW EXCLUSIVE MODE`);
    locked();
    await new Promise<void>((resolve) => (release = resolve));
  });
  await isLocked;
  return async () => {
    release();
    await held;
    await sql.end({ timeout: 5 });
  };
}

describe('postgres', () => {
  it('survives its connection being reset while it waits on a lock: the resend is counted once', async () => {
    const { target, server, probe } = await world(targets[1][1], []);
    const key = 'reset-while-waiting';
    const email = 'reset@example.org';
    const body = signature({
      person: { givenName: 'Bayard', familyName: 'Rustin', email, postcode: '94110' },
      token: await token(server),
    });
    const release = await holdLock(target);
    const first = fetch(`${server.url}/api/campaigns/${SLUG}/signatures`, post(body, { 'Idempotency-Key': key })).then(
      (res) => res.status,
      () => 'network' as const,
    );
    // The server's backend, waiting for the lock on this schema's actions table, is terminated.
    const admin = postgres(PG_URL, { onnotice: () => {}, max: 1 });
    const waiting = `SELECT l.pid FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT l.granted AND n.nspname = $1 AND c.relname = 'actions'`;
    await expect.poll(async () => (await admin.unsafe(waiting, [target.where])).length, { timeout: 10_000 }).toBe(1);
    await admin.unsafe(`SELECT pg_terminate_backend(pid) FROM (${waiting}) w`, [target.where]);
    await admin.end({ timeout: 5 });
    const status = await first;
    await release();

    // Answered 503, or the process died with its connection (then it is restarted): either way nothing is lost.
    expect([503, 'network']).toContain(status);
    const signed = await sign(server, email, key);
    expect(signed.status).toBe(201);
    // postgres 3.4.9 may then die of an uncaught TypeError in its nextWrite (porsager/postgres#1208): restarted.
    const crash = /^TypeError: .*$/m.exec(server.output())?.[0];
    const died = server.exits.length ? `the server died (${server.exits.join(', ')}: ${crash}), restarted` : 'it lived';
    console.log(
      await checkInvariant(probe, {
        scenario: 'connection reset postgres',
        submitted: 1,
        signed: [{ ...signed, attempts: [status, ...signed.attempts] }],
        notes: [`first answer ${status}`, died],
      }),
    );
  });
});
