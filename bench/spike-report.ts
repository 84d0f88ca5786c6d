/** The spike's table and its JSON (bench/results/spike-<db>.json): the same object, so the two never disagree. */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Summary } from './open-loop.ts';
import type { PhaseResult } from './spike-phase.ts';
import type { Verification } from './spike-verify.ts';
import { loadAverage, record } from './summary.ts';

/** p99 at most this, and every request answered: a rate the server sustains. */
export const SUSTAINED_P99_MS = 1000;

export const sustained = (r: PhaseResult) =>
  r.pages.failed === 0 &&
  r.signatures.failed === 0 &&
  r.pages.p99 <= SUSTAINED_P99_MS &&
  r.signatures.p99 <= SUSTAINED_P99_MS;

export interface Baseline {
  /** bench/load.ts: 32 GETs at a time, as fast as they come back. */
  closedLoopPerSecond: number;
  /** The same generator as the spike, at the same rate. */
  openLoop: Summary;
  lateMs: number;
  /** The bare server's CPU per GET (ms) in the open-loop run: what "the CPU of one bare GET" means below. */
  cpuPerGetMs: number;
}

export interface SpikeRun {
  db: string;
  at: string;
  config: {
    rate: number;
    seconds: number;
    connections: number;
    fillMs: number;
    minFillMs: number;
    rampSeconds: number;
    /** The server's processes (LADDER_WORKERS). */
    workers: number;
  };
  baseline: Baseline;
  spike: PhaseResult;
  /** CPU seconds of the server and of the load generator during the spike, over its wall time. */
  cpu: { server: number; generator: number; wall: number };
  /** One page load at a time, after the warm-up and after the spike: does a fuller table cost more? */
  pageLoadMs: { before: number; after: number };
  ramp: PhaseResult[];
  maxSustainedRate: number;
  /** The spike's database, and the ramp's (null when there was no ramp). */
  verification: Verification;
  rampVerification: Verification | null;
}

const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const count = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([what, n]) => `${what} ×${n}`)
    .join(', ') || 'none';
const WIDTHS = [8, 9, 7, 7, 7, 7, 8, 8];
const cells = (name: string, values: (string | number)[]) =>
  name.padEnd(28) + values.map((value, i) => String(value).padStart(WIDTHS[i])).join('');
const HEAD = cells('per second, latency in ms', [
  'offered',
  'achieved',
  'p50',
  'p90',
  'p99',
  'max',
  'failed',
  'retries',
]);
const row = (name: string, offered: number, s: Summary) =>
  cells(name, [offered, s.perSecond.toFixed(0), ms(s.p50), ms(s.p90), ms(s.p99), ms(s.max), s.failed, s.retries]);
const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(0)}%`;

/** Prints the run and writes its JSON; true when it met the bar (all answered, nothing lost or doubled). */
export function report(run: SpikeRun): boolean {
  const db = run.db as 'sqlite' | 'postgres';
  const { config, baseline: base, spike, cpu, ramp, verification: v } = run;
  const s = spike.signatures;
  const name = run.db === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const processes = config.workers > 1 ? `${config.workers} server processes` : 'one server process';
  console.log(
    `\nSpike on ${name}: ${config.rate} supporters/s for ${config.seconds} s, ` +
      `${config.connections} keep-alive connections, ${processes}`,
  );
  console.log(HEAD);
  console.log(row('bare Hono GET (control)', config.rate, base.openLoop));
  console.log(row('page loads (GET campaign)', config.rate, spike.pages));
  console.log(row('signatures (POST)', config.rate, s));
  console.log(
    `answers to signatures: ${count(s.answers)}; retried: ${count(s.retriesBy)}; failed: ${count(s.failures)}`,
  );
  console.log(`answers to page loads: ${count(spike.pages.answers)}; failed: ${count(spike.pages.failures)}`);
  const over = (values: number[]) => values.map((p99) => p99.toFixed(0)).join(', ');
  console.log(
    `p99 in each sixth of the run (ms): signatures ${over(spike.p99Over.signatures)}; ` +
      `page loads ${over(spike.p99Over.pages)}`,
  );
  console.log(
    `render tokens: ${spike.withToken} of ${s.ok + s.failed} signatures carried one ` +
      `(${spike.withToken ? 'the guard is on' : 'this server issues none'}); ` +
      `signatures moved later by a slow page load: ${spike.moved}; the generator fell behind its schedule by up to ` +
      `${spike.lateMs.toFixed(0)} ms (${base.lateMs.toFixed(0)} ms in the control)`,
  );
  console.log(
    `CPU over ${cpu.wall.toFixed(1)} s: server ${cpu.server.toFixed(1)} s ` +
      `(${percent(cpu.server, cpu.wall)} of a core), ` +
      `load generator ${cpu.generator.toFixed(1)} s (${percent(cpu.generator, cpu.wall)}); ` +
      `${s.ok ? ((cpu.server * 1000) / s.ok).toFixed(2) : 'n/a'} ms of server CPU per supporter (page load and signature: ` +
      `the figure that noise moves least)`,
  );
  const perSupporter = s.ok ? (cpu.server * 1000) / s.ok : NaN;
  const cpuRatio = perSupporter / base.cpuPerGetMs;
  console.log(
    `server CPU per supporter ×${cpuRatio.toFixed(1)} the bare GET's (${base.cpuPerGetMs.toFixed(3)} ms a GET, ` +
      `one process, open-loop at the same rate)`,
  );
  if (s.ok) {
    record(
      `cpu.${db}`,
      cpuRatio,
      `${perSupporter.toFixed(2)} ms a supporter / ${base.cpuPerGetMs.toFixed(3)} ms a bare GET, ${processes}, ` +
        `${config.rate}/s for ${config.seconds} s, load ${loadAverage()}`,
    );
  }
  console.log(
    `one page load at a time (median of 50): ${run.pageLoadMs.before.toFixed(1)} ms after the warm-up, ` +
      `${run.pageLoadMs.after.toFixed(1)} ms with the spike's ${v.rows} signatures stored`,
  );
  console.log(
    `ratio at ${config.rate}/s offered: signatures ${(s.perSecond / base.openLoop.perSecond).toFixed(2)} × the bare ` +
      `GET's achieved rate; p99 ${(s.p99 / base.openLoop.p99).toFixed(1)} × its p99`,
  );
  if (ramp.length) {
    console.log(
      `ramp, ${config.rampSeconds} s a step (sustained: every request answered, p99 ≤ ${SUSTAINED_P99_MS} ms):`,
    );
    for (const step of ramp) {
      const label = `  ${sustained(step) ? 'sustained' : 'NOT sustained'}`;
      console.log(`${row(label, step.rate, step.signatures)}  pages p99 ${step.pages.p99.toFixed(0)} ms`);
    }
    // Every step sustained: the limit is above the ramp's last step, not at it.
    const beyond = sustained(ramp.at(-1)!) ? 'at least ' : '';
    const ratio = (run.maxSustainedRate / base.closedLoopPerSecond).toFixed(2);
    record(
      `spike.${db}`,
      run.maxSustainedRate / base.closedLoopPerSecond,
      `${beyond}${run.maxSustainedRate}/s of ${base.closedLoopPerSecond.toFixed(0)} req/s, ${processes} ` +
        `(the bare GET: one), load ${loadAverage()}`,
    );
    console.log(
      `max sustained rate ${beyond}${run.maxSustainedRate}/s = ${ratio} × ` +
        `the bare GET's closed-loop maximum (${base.closedLoopPerSecond.toFixed(0)} req/s, 32 at a time)`,
    );
  }
  const problems = [
    ...checked('spike', v),
    ...(run.rampVerification ? checked('ramp', run.rampVerification) : []),
    s.failed && `${s.failed} signatures never acknowledged`,
    spike.pages.failed && `${spike.pages.failed} page loads failed`,
  ].filter(Boolean);
  console.log(
    problems.length ? `FAILED: ${problems.join('; ')}` : 'passed: every request answered, nothing lost or doubled',
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/spike-${run.db}.json`, `${JSON.stringify(run, null, 2)}\n`);
  return problems.length === 0;
}

/** Prints what the database holds against what the generator saw; returns what is wrong. */
function checked(label: string, v: Verification): (string | false)[] {
  console.log(
    `${label} database: ${v.acknowledged} acknowledged, ${v.rows} rows, counter ${v.counter}, ${v.events} outbox ` +
      `events: ${v.lost} lost, ${v.duplicated} duplicated, ${v.mismatched} mismatched, ` +
      `${v.storedUnacknowledged} stored but never acknowledged`,
  );
  return [
    v.lost > 0 && `${label}: ${v.lost} acknowledged signatures are not stored`,
    v.duplicated > 0 && `${label}: ${v.duplicated} rows or events too many`,
    v.mismatched > 0 && `${label}: ${v.mismatched} acknowledged with another row's id`,
    v.counter !== v.rows && `${label}: the counter (${v.counter}) is not the number of rows (${v.rows})`,
    (v.events !== v.rows || v.eventsMissing > 0) &&
      `${label}: ${v.events} outbox events for ${v.rows} rows (${v.eventsMissing} without one)`,
    v.strangers > 0 && `${label}: ${v.strangers} rows of supporters the generator never sent`,
  ];
}
