/**
 * PostgreSQL's connection failing under a submission, with ONE pooled connection so that the same one is reused,
 * as porsager/postgres#1208, #1133, #1216 and #1155 describe them: a backend terminated while a statement of the
 * transaction runs, `idle_in_transaction_session_timeout` ending a transaction left idle, a connection reset; and
 * the timeouts every production connection carries (lock, statement). Each time: the process lives, the request
 * is answered 503 with Retry-After, nothing of it is kept (no statement ran outside its transaction), the request
 * queued behind it on the pool is served, and the resend is counted once.
 */
import { connect, createServer, type Socket } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { post, signature } from '../functions/fixtures.ts';
import { type Signed, sign, token } from './client.ts';
import { closeWithWorld, closeWorlds, holdLock, postgresTarget, SLUG, type Supervised, world } from './harness.ts';
import { checkInvariant, type Outcome } from './invariant.ts';
import type { FaultPlan } from './faulty-db.ts';

const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

afterEach(closeWorlds);

/** One signature sent once, as the widget's first attempt: its status and Retry-After. */
async function signOnce(server: Supervised, email: string, key: string) {
  const person = { givenName: 'Ella', familyName: 'Baker', email, postcode: '94110' };
  const body = signature({ person, token: await token(server) });
  const res = await fetch(`${server.url}/api/campaigns/${SLUG}/signatures`, post(body, { 'Idempotency-Key': key }));
  const answer = (await res.json()) as { error?: { code: string } };
  return { status: res.status, retryAfter: res.headers.get('Retry-After'), code: answer.error?.code };
}

/** A TCP front for PostgreSQL whose connections can be reset (RST both ways), as a network failure does. */
interface Front {
  url: string;
  reset(): void;
  close(): Promise<void>;
}

async function resettableFront(): Promise<Front> {
  const pairs: [Socket, Socket][] = [];
  const front = createServer((client) => {
    const upstream = connect(5432, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    for (const socket of [client, upstream]) socket.on('error', () => {});
    pairs.push([client, upstream]);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const { port } = front.address() as { port: number };
  return {
    url: PG_URL.replace('127.0.0.1:5432', `127.0.0.1:${port}`),
    reset: () => {
      for (const [client, upstream] of pairs.splice(0)) {
        client.resetAndDestroy();
        upstream.resetAndDestroy();
      }
    },
    close: () => new Promise((resolve) => front.close(() => resolve())),
  };
}

interface Breakage {
  plan: FaultPlan;
  env?: Record<string, string>;
  /** Breaks the paused transaction's connection (its backend's pid given). */
  breakIt(pid: number): Promise<void>;
}

/**
 * A signature paused inside its transaction, a second one queued behind it on the only connection; the first's
 * connection broken meanwhile. The first is answered 503 and kept nowhere, the second served; both counted once.
 */
async function brokenMidTransaction(name: string, breakage: (front: Front) => Breakage): Promise<string> {
  const front = await resettableFront();
  closeWithWorld(front.close);
  const { plan, env, breakIt } = breakage(front);
  const { server, probe } = await world(postgresTarget, [plan], { LADDER_PG_MAX: '1', ...env });
  const email = `${name}-first@example.org`;
  const key = `${name}-first`;
  const first = signOnce(server, email, key);
  let paused: string | undefined;
  await expect
    .poll(() => (paused = server.faults.find((line) => line.startsWith('paused'))), { timeout: 10_000 })
    .toBeTruthy();
  const queued = sign(server, `${name}-queued@example.org`);
  await breakIt(Number(paused!.split('backend ')[1]));

  expect(await first).toEqual({ status: 503, retryAfter: '1', code: 'unavailable' });
  const second = await queued;
  expect(second.attempts).toEqual([201]);
  // Nothing of the first: no supporter, no stored answer.
  expect(await probe.all('SELECT id FROM supporters WHERE email = ?', email)).toEqual([]);
  expect(await probe.all('SELECT key FROM idempotency WHERE key = ?', key)).toEqual([]);
  const resent = await sign(server, email, key);
  expect(resent.attempts).toEqual([201]);
  expect(server.exits, server.output()).toEqual([]);
  const signed: Signed[] = [{ ...resent, attempts: [503, 201] }, second];
  return checkInvariant(probe, { scenario: `${name} postgres`, submitted: 2, signed, notes: [paused!] });
}

async function terminate(pid: number): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query('SELECT pg_terminate_backend($1) AS done', [pid]);
    expect(rows[0].done).toBe(true);
  } finally {
    await admin.end();
  }
}

describe('postgres, one pooled connection', () => {
  it('survives its backend terminated while a statement of the transaction runs (porsager/postgres#1208)', async () => {
    console.log(
      await brokenMidTransaction('terminated', () => ({
        plan: { pause: { match: 'INSERT INTO counts', ms: 5_000, sleep: true } },
        breakIt: terminate,
      })),
    );
  });

  it('survives its backend terminated while the transaction is idle between statements (#1133)', async () => {
    console.log(
      await brokenMidTransaction('terminated-idle', () => ({
        plan: { pause: { match: 'INSERT INTO counts', ms: 1_500 } },
        breakIt: terminate,
      })),
    );
  });

  it('ends a transaction left idle past idle_in_transaction_session_timeout: 503, its rest never runs (#1216, #1155)', async () => {
    console.log(
      await brokenMidTransaction('idle-timeout', () => ({
        plan: { pause: { match: 'INSERT INTO counts', ms: 1_500 } },
        env: { LADDER_PG_IDLE_TX_TIMEOUT_MS: '300' },
        // The server ends it: nothing to do but wait past the timeout.
        breakIt: () => new Promise((resolve) => setTimeout(resolve, 100)),
      })),
    );
  });

  it('survives its connection reset mid-transaction', async () => {
    console.log(
      await brokenMidTransaction('reset', (front) => ({
        plan: { pause: { match: 'INSERT INTO counts', ms: 1_500 } },
        env: { DATABASE_URL: front.url },
        breakIt: async () => front.reset(),
      })),
    );
  });
});

describe('postgres timeouts', () => {
  const cases = [
    ['lock_timeout', { LADDER_PG_LOCK_TIMEOUT_MS: '200' }],
    ['statement_timeout', { LADDER_PG_LOCK_TIMEOUT_MS: '0', LADDER_PG_STATEMENT_TIMEOUT_MS: '300' }],
  ] as const;

  it.each(cases)('answers 503 with Retry-After when %s ends a statement; nothing is kept', async (name, env) => {
    const { target, server, probe } = await world(postgresTarget, [], env);
    const email = `${name}@example.org`;
    const key = `${name}-key`;
    const release = await holdLock(target);
    let answer: Awaited<ReturnType<typeof signOnce>>;
    try {
      answer = await signOnce(server, email, key);
    } finally {
      await release();
    }
    expect(answer).toEqual({ status: 503, retryAfter: '1', code: 'unavailable' });
    expect(await probe.all('SELECT id FROM supporters WHERE email = ?', email)).toEqual([]);
    expect(await probe.all('SELECT key FROM idempotency WHERE key = ?', key)).toEqual([]);
    const resent = await sign(server, email, key);
    expect(resent.attempts).toEqual([201]);
    const outcome: Outcome = {
      scenario: `${name} postgres`,
      submitted: 1,
      signed: [{ ...resent, attempts: [503, 201] }],
      notes: [`env ${JSON.stringify(env)}`],
    };
    console.log(await checkInvariant(probe, outcome));
  });
});
