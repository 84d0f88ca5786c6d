/**
 * The database failing under a submission: a driver error on one statement in the middle of a transaction
 * (SQLite busy, PostgreSQL lock_timeout, a dropped connection), a real competing transaction holding the lock
 * past the server's lock timeout, and a real connection reset (the server's backend terminated while it waits).
 * The API answers 503 with Retry-After and keeps nothing of the request; the resend with the same key is counted
 * once.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { post, signature } from '../functions/fixtures.ts';
import { type Signed, sign, signMany, token } from './client.ts';
import { closeWorlds, holdLock, SLUG, targets, world } from './harness.ts';
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
    const admin = new pg.Pool({ connectionString: PG_URL, max: 1 });
    const waiting = `SELECT l.pid FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT l.granted AND n.nspname = $1 AND c.relname = 'actions'`;
    await expect.poll(async () => (await admin.query(waiting, [target.where])).rowCount, { timeout: 10_000 }).toBe(1);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM (${waiting}) w`, [target.where]);
    await admin.end();
    const status = await first;
    await release();

    // Answered 503, and the process lives on (postgres.js could die here: porsager/postgres#1208).
    expect(status).toBe(503);
    const signed = await sign(server, email, key);
    expect(signed.status).toBe(201);
    expect(server.exits, server.output()).toEqual([]);
    console.log(
      await checkInvariant(probe, {
        scenario: 'connection reset postgres',
        submitted: 1,
        signed: [{ ...signed, attempts: [status, ...signed.attempts] }],
        notes: [`first answer ${status}`],
      }),
    );
  });
});
