/**
 * `npm run bench` (never part of `npm test`): bundle sizes, then signature throughput as a ratio to a bare Hono
 * GET measured in the same run (the machine is noisy: ratios, not absolute times), on SQLite and, when it answers,
 * PostgreSQL; then listening results (bench/results.ts), follow-ups (bench/followups.ts), the spike (bench/spike.ts; `BENCH_SPIKE=0` skips it),
 * Save → live page (bench/publish.ts; `BENCH_PUBLISH=0` skips it) and Lighthouse. Every request goes to 127.0.0.1;
 * loops are bounded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { closureSize, fileSize, jsFiles, lazyChunks, partnerDownload, sizeBudgets } from '../scripts/bundle-sizes.ts';
import { load, type LoadResult } from './load.ts';
import { lighthouseBench } from './lighthouse.ts';
import { publishBench } from './publish.ts';
import { startServer as benchServer } from './spawn.ts';
import { loadAverage, printSummary, record } from './summary.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Processes serving the signatures (bench/server.ts; LADDER_WORKERS); the bare GET is always one. */
const WORKERS = Math.max(1, Number(process.env.BENCH_WORKERS ?? 1) || 1);

function sizes(): void {
  const out = mkdtempSync(join(tmpdir(), 'ladder-bench-'));
  const built = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'widgets/vite.config.ts', '--outDir', out, '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) throw new Error('widget build failed');
  console.log('\nBundle sizes (bytes; gzip -9, brotli 11)');
  console.log(`${'file'.padEnd(36)}${'raw'.padStart(8)}${'gzip'.padStart(8)}${'brotli'.padStart(8)}`);
  for (const file of jsFiles(out)) {
    const s = fileSize(out, file);
    console.log(
      `${file.padEnd(36)}${String(s.bytes).padStart(8)}${String(s.gzip).padStart(8)}${String(s.brotli).padStart(8)}`,
    );
  }
  // Per widget: what loads before the form is usable (the budget), then what it may load later; and what a
  // supporter's browser downloads to act from a partner's page (embed.js, the closure, the chunks up to the thanks).
  const budgets = sizeBudgets();
  console.log(
    '\nPer widget (gzip): static closure (budgeted) + lazy chunks (idle, first interaction, after submitting); ' +
      'partner-page download up to the thank-you',
  );
  for (const file of jsFiles(out).filter((f) => /^w\/(petition|survey|rsvp|call|letter)-/.test(f))) {
    const name = file.replace(/^w\/|-[\w-]+\.js$/g, '');
    const c = closureSize(out, file);
    const lazy = lazyChunks(out, file);
    const partner = partnerDownload(out, file);
    // The chunk's name without its 8-character hash (`outbox-batch-DjLaSS20.js` -> `outbox-batch`).
    const each = lazy.files.map((f) => `${f.replace(/^w\/|-[\w-]{8}\.js$/g, '')} ${fileSize(out, f).gzip}`);
    console.log(
      `${name.padEnd(10)}static ${c.gzip} of ${budgets[name]} (${c.files.join(', ')}; brotli ${c.brotli}); ` +
        `partner download ${partner.gzip}${name === 'petition' ? ` of ${budgets.partner}` : ''} ` +
        `(${partner.files.join(', ')}); lazy ${lazy.gzip} (${each.join(', ')}); with everything ${c.gzip + lazy.gzip}`,
    );
    // A language other than English loads two dictionaries: the core's and the widget's.
    const languages = ['es', 'fr', 'ar'].map((lang) => {
      const files = lazy.dictionaries.filter((f) => f.startsWith(`w/${lang}-`));
      return `${lang} ${files.reduce((sum, f) => sum + fileSize(out, f).gzip, 0)}`;
    });
    console.log(`${''.padEnd(10)}another language adds (core + widget dictionaries): ${languages.join(', ')}`);
  }
}

/** The bench server (bench/server.ts) in its own process: `bare` or `app` (in `WORKERS` processes). */
const startServer = (mode: string, env: Record<string, string>) =>
  benchServer(
    'bench/server.ts',
    [mode],
    { ...process.env, LADDER_WORKERS: String(mode === 'bare' ? 1 : WORKERS), ...env },
    /listening (\d+)/,
  );

const body = (i: number) =>
  JSON.stringify({
    person: { givenName: 'Ada', familyName: 'Lovelace', email: `ada+${i}@example.org`, postcode: '94110' },
    consent: { contact: i % 2 === 0 },
  });

/** A closed-loop run, with the server's CPU per request (ms). */
type Measured = LoadResult & { cpuMs: number };

async function measured(server: { cpuSeconds(): number }, run: () => Promise<LoadResult>): Promise<Measured> {
  const cpu = server.cpuSeconds();
  const result = await run();
  return { ...result, cpuMs: ((server.cpuSeconds() - cpu) * 1000) / result.requests };
}

async function signatures(env: Record<string, string>, run: number): Promise<Measured> {
  const server = await startServer('app', env);
  try {
    const url = `${server.url}/api/campaigns/bench/signatures`;
    const post = (i: number) =>
      fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `${run}-${i}` },
        body: body(i + run * REQUESTS),
      });
    await load(200, CONCURRENCY, (i) => post(REQUESTS + i)); // warm-up, other people
    return await measured(server, () => load(REQUESTS, CONCURRENCY, post));
  } finally {
    await server.stop();
  }
}

const line = (name: string, r: Measured, baseline?: Measured) =>
  `${name.padEnd(26)}${r.perSecond.toFixed(0).padStart(8)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99
    .toFixed(1)
    .padStart(6)} ms  errors ${r.errors}  server CPU ${r.cpuMs.toFixed(3)} ms/req${
    baseline
      ? `  ratio to bare GET ${(r.perSecond / baseline.perSecond).toFixed(2)} (CPU ×${(r.cpuMs / baseline.cpuMs).toFixed(1)})`
      : ''
  }`;

/** Prints the line and keeps the ratio for the summary. */
function signatureLine(db: 'sqlite' | 'postgres', r: Measured, baseline: Measured): void {
  const name = db === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  console.log(line(`POST signature, ${name}`, r, baseline));
  const processes = WORKERS > 1 ? `${WORKERS} server processes` : 'one server process';
  record(
    `signature.${db}`,
    r.perSecond / baseline.perSecond,
    `${r.perSecond.toFixed(0)} of ${baseline.perSecond.toFixed(0)} req/s, ${processes} (the bare GET: one), ` +
      `${CONCURRENCY} at a time, load ${loadAverage()}`,
  );
}

async function throughput(): Promise<void> {
  const processes = WORKERS > 1 ? `in ${WORKERS} processes (LADDER_WORKERS)` : 'in one process';
  console.log(
    `\nThroughput: ${REQUESTS} requests, ${CONCURRENCY} at a time; the bare GET's server in one process, ` +
      `the signatures' ${processes} (BENCH_WORKERS)`,
  );
  const bare = await startServer('bare', {});
  let baseline: Measured;
  try {
    await load(500, CONCURRENCY, () => fetch(bare.url));
    baseline = await measured(bare, () => load(REQUESTS, CONCURRENCY, () => fetch(bare.url)));
  } finally {
    await bare.stop();
  }
  console.log(line('bare Hono GET', baseline));
  const db = join(mkdtempSync(join(tmpdir(), 'ladder-bench-db-')), 'bench.sqlite');
  signatureLine('sqlite', await signatures({ LADDER_DB: db }, 0), baseline);
  const schema = `ladder_bench_${process.pid}`;
  const admin = new pg.Pool({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  } catch (error) {
    console.log(`POST signature, PostgreSQL: skipped, ${PG_URL} did not answer (${(error as Error).message})`);
    await admin.end();
    return;
  }
  try {
    const env = { DATABASE_URL: PG_URL, LADDER_PG_SCHEMA: schema };
    signatureLine('postgres', await signatures(env, 1), baseline);
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

sizes();
await throughput();
// The spike runs on import (bench/spike.ts: minutes at its defaults).
// Listening results at 20,000 responses (bench/results.ts; `BENCH_RESULTS=0` skips it).
if (process.env.BENCH_RESULTS !== '0') await import('./results.ts');
// 20 volunteers texting one list of 10,000 (bench/followups.ts; `BENCH_FOLLOWUPS=0` skips it).
if (process.env.BENCH_FOLLOWUPS !== '0') await import('./followups.ts');
if (process.env.BENCH_SPIKE !== '0') await import('./spike.ts');
if (process.env.BENCH_PUBLISH !== '0') await publishBench();
if (process.env.BENCH_LIGHTHOUSE !== '0') await lighthouseBench();
printSummary();
