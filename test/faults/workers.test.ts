/**
 * Several processes on one SQLite file (`LADDER_WORKERS`, functions/adapters/cluster.ts): `npm run serve` with two
 * workers, signatures sent many at a time so that the two contend for the write lock (SQLITE_BUSY, waited for by
 * functions/store/sqlite.ts), and one worker killed with SIGKILL in the middle, its transactions with it; the
 * supervisor starts another. Every acknowledged signature is stored once, the counter equals the rows, and no
 * signature was answered 503 because the other process held the lock.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { type Signed, sign } from './client.ts';
import { closeWithWorld, closeWorlds, sqliteTarget, supervise } from './harness.ts';
import { checkInvariant } from './invariant.ts';

afterEach(closeWorlds);

/** The pids of the cluster's workers on `db`: node:cluster gives each worker NODE_UNIQUE_ID. */
function workersOn(db: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (environ.includes(`LADDER_DB=${db}`) && environ.some((v) => v.startsWith('NODE_UNIQUE_ID='))) {
        pids.push(Number(entry));
      }
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return pids;
}

it('stores and counts each signature once with two processes on one SQLite file, one killed mid-load', async () => {
  const target = sqliteTarget();
  const empty = mkdtempSync(join(tmpdir(), 'ladder-workers-'));
  for (const dir of ['site', 'embed']) mkdirSync(join(empty, dir));
  const env = {
    LADDER_WORKERS: '2',
    LADDER_SITE_OUT: join(empty, 'site'),
    LADDER_EMBED_OUT: join(empty, 'embed'),
  };
  const server = await supervise(target, [], env, { path: 'functions/adapters/node.ts', ready: 'Ladder is running' });
  closeWithWorld(() => server.stop());
  const probe = target.probe();
  closeWithWorld(() => probe.close());
  const before = workersOn(target.where);
  expect(before).toHaveLength(2);

  const count = 160;
  const signed: Signed[] = [];
  let next = 0;
  let killed = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < count) {
        const n = next++;
        // Mid-load, with signatures of both workers in flight: one of them dies at once.
        if (n === count / 2) process.kill((killed = before[1]), 'SIGKILL');
        signed.push(await sign(server, `worker-${n}@example.org`));
      }
    }),
  );

  expect(killed).toBe(before[1]);
  expect(server.output()).toContain(`worker ${killed} ended (SIGKILL): starting another`);
  await expect.poll(() => workersOn(target.where).length, { timeout: 10_000 }).toBe(2);
  expect(server.exits, 'the supervisor itself lives on').toEqual([]);
  // Waiting for the other process's lock is not an error a supporter sees.
  expect(signed.filter((s) => s.attempts.includes(503))).toEqual([]);
  console.log(
    await checkInvariant(probe, {
      scenario: 'two workers sqlite',
      submitted: count,
      signed,
      notes: [
        `worker ${killed} killed after ${count / 2} signatures were sent`,
        `${signed.filter((s) => s.attempts.includes('network')).length} resent after a lost connection`,
      ],
    }),
  );
});
