/**
 * The spike (`npm run bench:spike`, also the end of `npm run bench`): `SPIKE_RATE` new supporters a second (1000)
 * for `SPIKE_SECONDS` (60) sign one petition through the real Node server (functions/adapters/node.ts, API only:
 * the static folders are empty) in a process of its own, on a fresh SQLite file and a fresh PostgreSQL schema
 * (`SPIKE_DB`: sqlite | postgres | both). The load is open-loop (bench/open-loop.ts); each supporter loads the
 * campaign, then signs (bench/spike-phase.ts). Afterwards the database itself is checked (bench/spike-verify.ts)
 * and "0 lost, 0 duplicated" is printed only when that is what it holds.
 *
 * The baseline, measured in the same run because the machine is noisy: a bare Hono GET (bench/server.ts), both
 * open-loop at the same rate (the generator and the machine can deliver that much: a control) and closed-loop at
 * its maximum (bench/load.ts: what two cores serve when nothing is stored). Then a short ramp finds the highest
 * rate whose page loads and signatures all succeed with p99 at most 1 s: that rate over the bare GET's maximum is
 * the ratio to quote when the machine cannot reach the target. Results: a table, and bench/results/spike-<db>.json.
 *
 * Other knobs: SPIKE_CONNECTIONS (256 keep-alive sockets, as a proxy's upstream pool), SPIKE_FILL_MS (4000:
 * page load to submit), SPIKE_MIN_FILL_MS (3000: the server's minimum fill time), SPIKE_RAMP (rates, comma
 * separated; 0 skips the ramp), SPIKE_RAMP_SECONDS (5), SPIKE_DRAIN_SECONDS (120), LADDER_TEST_PG.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { load } from './load.ts';
import { client, openLoop, Tally } from './open-loop.ts';
import { phase, type PhaseResult } from './spike-phase.ts';
import { type Baseline, report, sustained } from './spike-report.ts';
import { type Ledger, readPostgres, readSqlite, type Verification, verify } from './spike-verify.ts';
import { startServer } from './spawn.ts';

const env = process.env;
const RATE = Number(env.SPIKE_RATE ?? 1000);
const SECONDS = Number(env.SPIKE_SECONDS ?? 60);
const DBS = (env.SPIKE_DB ?? 'both') === 'both' ? ['sqlite', 'postgres'] : [env.SPIKE_DB ?? ''];
const CONNECTIONS = Number(env.SPIKE_CONNECTIONS ?? 256);
const FILL_MS = Number(env.SPIKE_FILL_MS ?? 4000);
const MIN_FILL_MS = Number(env.SPIKE_MIN_FILL_MS ?? 3000);
const RAMP = (env.SPIKE_RAMP ?? '250,500,1000,1500,2000,3000').split(',').map(Number).filter(Boolean);
const RAMP_SECONDS = Number(env.SPIKE_RAMP_SECONDS ?? 5);
const DRAIN_MS = Number(env.SPIKE_DRAIN_SECONDS ?? 120) * 1000;
const PG_URL = env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const SLUG = 'spike';
const PARTNER = 'https://partner.example';

for (const db of DBS) if (db !== 'sqlite' && db !== 'postgres') throw new Error(`SPIKE_DB: sqlite, postgres or both`);
if (FILL_MS <= MIN_FILL_MS) throw new Error('SPIKE_FILL_MS must be above SPIKE_MIN_FILL_MS: nobody submits sooner');

/** The campaign, an empty site and an empty embed folder: the server's static part is not under test. */
function fixture(dir: string): { content: string; site: string; embed: string } {
  const [content, site, embed] = ['content', 'site', 'embed'].map((name) => join(dir, name));
  for (const folder of [content, site, embed]) mkdirSync(folder);
  writeFileSync(
    join(content, `${SLUG}.md`),
    `---
kind: petition
title: Spike
summary: A petition that went viral.
consent:
  text: Keep me updated.
  version: '1'
petition:
  to: Someone
  ask: Something.
partners:
  - '${PARTNER}'
---
`,
  );
  return { content, site, embed };
}

async function baseline(): Promise<Baseline> {
  const bare = await startServer('bench/server.ts', ['bare'], env, /listening (\d+)/);
  try {
    await load(500, 32, () => fetch(bare.url));
    const closed = await load(4000, 32, () => fetch(bare.url));
    const http = client(bare.url, CONNECTIONS);
    const tally = new Tally();
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
    return { closedLoopPerSecond: closed.perSecond, openLoop: tally.summary(), lateMs };
  } finally {
    await bare.stop();
  }
}

/** The spike on one database, in a temporary folder (the campaign, the SQLite file) removed afterwards. */
async function spikeOn(db: string, base: Baseline): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-spike-'));
  try {
    return await spikeIn(dir, db, base);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function spikeIn(dir: string, db: string, base: Baseline): Promise<boolean> {
  const files = fixture(dir);
  const sqliteFile = join(dir, 'spike.sqlite');
  const schema = `ladder_spike_${process.pid}`;
  let store: Record<string, string> = { LADDER_DB: sqliteFile };
  if (db === 'postgres') {
    const admin = postgres(PG_URL, { onnotice: () => {}, connect_timeout: 3 });
    try {
      await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    } catch (error) {
      console.log(`\nSpike on PostgreSQL: skipped, ${PG_URL} did not answer (${(error as Error).message})`);
      return true;
    } finally {
      await admin.end();
    }
    store = { DATABASE_URL: PG_URL, LADDER_PG_SCHEMA: schema };
  }
  // The bench decides the server's whole configuration: nothing inherited from the shell (a DATABASE_URL...).
  const inherited = Object.fromEntries(
    Object.entries(env).filter(([name]) => !name.startsWith('LADDER_') && name !== 'DATABASE_URL'),
  );
  const server = await startServer(
    'functions/adapters/node.ts',
    [],
    {
      ...inherited,
      ...store,
      PORT: '0',
      HOST: '127.0.0.1',
      LADDER_CONTENT: files.content,
      LADDER_SITE_OUT: files.site,
      LADDER_EMBED_OUT: files.embed,
      // Behind a proxy, each supporter's own address: a spike comes from many addresses.
      LADDER_TRUST_PROXY: '1',
      LADDER_MIN_FILL_MS: String(MIN_FILL_MS),
    },
    /running at http:\/\/[^/]*:(\d+)/,
  );
  const ledger: Ledger = new Map();
  let supporters = 0;
  const run = async (rate: number, seconds: number) => {
    const result = await phase({
      url: server.url,
      slug: SLUG,
      origin: PARTNER,
      rate,
      seconds,
      connections: CONNECTIONS,
      fillMs: FILL_MS,
      minFillMs: MIN_FILL_MS,
      retryMs: 2000,
      drainMs: DRAIN_MS,
      firstSupporter: supporters,
      ledger,
    });
    supporters += Math.round(rate * seconds);
    return result;
  };
  let spike: PhaseResult;
  const ramp: PhaseResult[] = [];
  let cpu: { server: number; generator: number; wall: number };
  try {
    await run(Math.min(RATE, 100), 2); // warm-up: the JIT, the pool, the first pages of the tables
    const [server0, generator0, wall0] = [server.cpuSeconds(), process.cpuUsage(), performance.now()];
    spike = await run(RATE, SECONDS);
    const used = process.cpuUsage(generator0);
    cpu = {
      server: server.cpuSeconds() - server0,
      generator: (used.user + used.system) / 1e6,
      wall: (performance.now() - wall0) / 1000,
    };
    for (const rate of RAMP) {
      ramp.push(await run(rate, RAMP_SECONDS));
      if (!sustained(ramp.at(-1)!)) break;
    }
  } catch (error) {
    console.log(server.errors());
    throw error;
  } finally {
    await server.stop();
  }
  let verification: Verification;
  try {
    verification =
      db === 'sqlite'
        ? verify(ledger, readSqlite(sqliteFile, SLUG))
        : verify(ledger, await readPostgres(PG_URL, schema, SLUG));
  } finally {
    if (db === 'postgres') {
      const admin = postgres(PG_URL, { onnotice: () => {} });
      await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  }
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
    },
    baseline: base,
    spike,
    cpu,
    ramp,
    maxSustainedRate: ramp.filter(sustained).at(-1)?.rate ?? 0,
    verification,
  });
}

const base = await baseline();
console.log(
  `\nBaseline, bare Hono GET: closed-loop max ${base.closedLoopPerSecond.toFixed(0)} req/s; ` +
    `open-loop at ${RATE}/s: p99 ${base.openLoop.p99.toFixed(1)} ms`,
);
for (const db of DBS) {
  if (!(await spikeOn(db, base))) process.exitCode = 1;
}
