/**
 * The spike (`npm run bench:spike`, also the end of `npm run bench`): `SPIKE_RATE` new supporters a second (1000)
 * for `SPIKE_SECONDS` (60) sign one petition through the real Node server in a process of its own, on a fresh
 * SQLite file and a fresh PostgreSQL schema (`SPIKE_DB`: sqlite | postgres | both; bench/spike-session.ts). The
 * load is open-loop (bench/open-loop.ts); each supporter loads the campaign, then signs (bench/spike-phase.ts).
 * Afterwards the database itself is checked (bench/spike-verify.ts): "0 lost, 0 duplicated" is printed only
 * when that is what it holds, and the command fails when it does not.
 *
 * The baseline, measured in the same run because the machine is noisy: a bare Hono GET (bench/server.ts), both
 * open-loop at the same rate (a control: the generator and the machine deliver that much) and closed-loop at its
 * maximum (bench/load.ts: what the cores serve when nothing is stored). Then a short ramp on another fresh
 * database finds the highest rate whose page loads and signatures are all answered with p99 at most 1 s: that
 * rate over the bare GET's maximum is the ratio to quote when the machine cannot reach the target.
 * Results: a table, and bench/results/spike-<db>.json.
 *
 * Other knobs: SPIKE_CONNECTIONS (256 keep-alive sockets, as a proxy's upstream pool), SPIKE_FILL_MS (4000:
 * page load to submit), SPIKE_MIN_FILL_MS (3000: the server's minimum fill time), SPIKE_RAMP (rates, comma
 * separated; 0 skips the ramp), SPIKE_RAMP_SECONDS (5), SPIKE_STALL_SECONDS (30: a server that answers nothing
 * for that long while requests wait is given up on; a slow one is waited for, however long), SPIKE_PROFILE (a
 * folder: the server runs under `node --cpu-prof` and writes its profile there, for Chrome DevTools),
 * LADDER_TEST_PG (the PostgreSQL server), SPIKE_WORKERS (the server's processes, LADDER_WORKERS; default
 * BENCH_WORKERS, else 1).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from './load.ts';
import { client, openLoop, Tally } from './open-loop.ts';
import type { PhaseResult } from './spike-phase.ts';
import { type Baseline, report, sustained } from './spike-report.ts';
import { session } from './spike-session.ts';
import { startServer } from './spawn.ts';
import { printSummary } from './summary.ts';

const env = process.env;
const RATE = Number(env.SPIKE_RATE ?? 1000);
const SECONDS = Number(env.SPIKE_SECONDS ?? 60);
const DATABASES = { sqlite: ['sqlite'], postgres: ['postgres'], both: ['sqlite', 'postgres'] } as const;
const DBS = DATABASES[(env.SPIKE_DB ?? 'both') as keyof typeof DATABASES];
const CONNECTIONS = Number(env.SPIKE_CONNECTIONS ?? 256);
const FILL_MS = Number(env.SPIKE_FILL_MS ?? 4000);
const MIN_FILL_MS = Number(env.SPIKE_MIN_FILL_MS ?? 3000);
const RAMP = (env.SPIKE_RAMP ?? '50,100,250,500,750,1000,1500,2000').split(',').map(Number).filter(Boolean);
const RAMP_SECONDS = Number(env.SPIKE_RAMP_SECONDS ?? 5);
const STALL_MS = Number(env.SPIKE_STALL_SECONDS ?? 30) * 1000;
const PG_URL = env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
/** The server's processes (LADDER_WORKERS); the bare GET's is always one. */
const WORKERS = Math.max(1, Number(env.SPIKE_WORKERS ?? env.BENCH_WORKERS ?? 1) || 1);

if (!DBS) throw new Error('SPIKE_DB must be sqlite, postgres or both.');
if (FILL_MS <= MIN_FILL_MS) throw new Error('SPIKE_FILL_MS must be above SPIKE_MIN_FILL_MS: nobody submits sooner.');

async function baseline(): Promise<Baseline> {
  const bare = await startServer('bench/server.ts', ['bare'], env, /listening (\d+)/);
  try {
    await load(500, 32, () => fetch(bare.url));
    const closed = await load(4000, 32, () => fetch(bare.url));
    const http = client(bare.url, CONNECTIONS);
    const tally = new Tally();
    const cpu = bare.cpuSeconds();
    const { lateMs } = await openLoop(RATE * SECONDS, RATE, performance.now() + 50, async (_, due) => {
      try {
        const reply = await http.send('GET', '/', {});
        tally.answer(String(reply.status));
        if (reply.status < 300) tally.done(due, performance.now());
        else tally.fail(String(reply.status));
      } catch (error) {
        tally.fail((error as NodeJS.ErrnoException).code ?? (error as Error).message);
      }
    });
    http.abort();
    const control = tally.summary();
    const cpuPerGetMs = ((bare.cpuSeconds() - cpu) * 1000) / (control.ok + control.failed);
    return { closedLoopPerSecond: closed.perSecond, openLoop: control, lateMs, cpuPerGetMs };
  } finally {
    await bare.stop();
  }
}

/** The spike on one database, then the ramp on another, fresh one (a bigger table can be slower to read). */
async function spikeOn(db: 'sqlite' | 'postgres', base: Baseline): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-spike-'));
  const options = { db, dir, pgUrl: PG_URL, connections: CONNECTIONS, fillMs: FILL_MS, minFillMs: MIN_FILL_MS };
  const common = { ...options, retryMs: 2000, stallMs: STALL_MS, profile: env.SPIKE_PROFILE, workers: WORKERS };
  try {
    const main = await session({ ...common, name: 'spike' }, async (server) => {
      await server.run(Math.min(RATE, 100), 2); // warm-up: the JIT, the pools, the first pages of the tables
      const before = await server.pageLoadMs();
      const [server0, generator0, wall0] = [server.cpuSeconds(), process.cpuUsage(), performance.now()];
      const spike = await server.run(RATE, SECONDS);
      const used = process.cpuUsage(generator0);
      const wall = (performance.now() - wall0) / 1000;
      const cpu = { server: server.cpuSeconds() - server0, generator: (used.user + used.system) / 1e6, wall };
      return { spike, cpu, pageLoadMs: { before, after: await server.pageLoadMs() } };
    });
    if (!main) return true;
    const ramp = RAMP.length
      ? await session({ ...common, name: 'ramp' }, async (server) => {
          await server.run(Math.min(RAMP[0], 100), 2);
          const steps: PhaseResult[] = [];
          for (const rate of RAMP) {
            steps.push(await server.run(rate, RAMP_SECONDS));
            if (!sustained(steps.at(-1)!)) break;
          }
          return steps;
        })
      : null;
    const steps = ramp?.result ?? [];
    return report({
      db,
      at: new Date().toISOString(),
      config: {
        rate: RATE,
        seconds: SECONDS,
        connections: CONNECTIONS,
        fillMs: FILL_MS,
        minFillMs: MIN_FILL_MS,
        rampSeconds: RAMP_SECONDS,
        workers: WORKERS,
      },
      baseline: base,
      ...main.result,
      ramp: steps,
      maxSustainedRate: steps.filter(sustained).at(-1)?.rate ?? 0,
      verification: main.verification,
      rampVerification: ramp?.verification ?? null,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const base = await baseline();
console.log(
  `\nBaseline, bare Hono GET: closed-loop max ${base.closedLoopPerSecond.toFixed(0)} req/s; ` +
    `open-loop at ${RATE}/s: p99 ${base.openLoop.p99.toFixed(1)} ms, server CPU ${base.cpuPerGetMs.toFixed(3)} ms a GET ` +
    `(one process; the spike's server: ${WORKERS > 1 ? `${WORKERS} processes` : 'one process'}, SPIKE_WORKERS)`,
);
for (const db of DBS) {
  if (!(await spikeOn(db, base))) process.exitCode = 1;
}
// Run alone (`npm run bench:spike`): the summary now; within `npm run bench`, bench/run.ts prints it at the end.
if (process.argv[1]?.endsWith('spike.ts')) printSummary();
