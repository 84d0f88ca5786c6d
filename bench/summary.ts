/**
 * The speed goals of issue 14 as ratios to the bare Hono GET of the same run, each beside its goal and the figure
 * of the run before: printed at the end of `npm run bench` (and of `npm run bench:spike`).
 *
 * The figures are kept in bench/results/summary.json (git-ignored, like the spike's JSON beside it: they say what
 * this machine did, and the lead's machine, a laptop and CI differ by a factor of two on the same code; committed,
 * every run would rewrite a tracked file). Each run reads it first and writes it back at the end: a figure this
 * run did not measure (`BENCH_SPIKE=0`...) keeps the previous run's value and date.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const FILE = process.env.BENCH_SUMMARY_FILE ?? 'bench/results/summary.json';

interface Goal {
  label: string;
  /** `min`: at least `goal`; `max`: at most. */
  bound: 'min' | 'max';
  goal: number;
}

/** What issue 14 asks, by figure. */
export const GOALS = {
  'signature.sqlite': { label: 'signature POST / bare GET, SQLite', bound: 'min', goal: 0.5 },
  'signature.postgres': { label: 'signature POST / bare GET, PostgreSQL', bound: 'min', goal: 0.3 },
  'spike.sqlite': { label: 'spike max sustained / bare GET max, SQLite', bound: 'min', goal: 0.3 },
  'spike.postgres': { label: 'spike max sustained / bare GET max, PostgreSQL', bound: 'min', goal: 0.2 },
  'cpu.sqlite': { label: 'server CPU per supporter / bare GET, SQLite', bound: 'max', goal: 4 },
  'cpu.postgres': { label: 'server CPU per supporter / bare GET, PostgreSQL', bound: 'max', goal: 6 },
} satisfies Record<string, Goal>;

export type Figure = keyof typeof GOALS;

interface Measured {
  value: number;
  at: string;
  /** How it was measured: the server's processes, the load average. */
  note: string;
}

type Results = Partial<Record<Figure, Measured>>;

const measured: Results = {};

/** Keeps a figure of this run for the summary. */
export function record(figure: Figure, value: number, note: string): void {
  measured[figure] = { value, at: new Date().toISOString(), note };
}

function previous(): Results {
  if (!existsSync(FILE)) return {};
  try {
    return JSON.parse(readFileSync(FILE, 'utf8')) as Results;
  } catch {
    return {};
  }
}

const met = (goal: Goal, value: number) => (goal.bound === 'min' ? value >= goal.goal : value <= goal.goal);
const shown = (m: Measured | undefined, goal: Goal) =>
  m ? `${m.value.toFixed(2)} ${met(goal, m.value) ? 'met' : 'not met'}` : '-';

/** Prints the table (this run, the run before) and writes this run's figures over the previous ones. */
export function printSummary(): void {
  const before = previous();
  console.log(
    `\nSummary: the goals of issue 14 (ratios to the bare Hono GET of the same run; load now ${loadAverage(3)})`,
  );
  console.log(`${'figure'.padEnd(50)}${'goal'.padStart(8)}${'this run'.padStart(16)}${'previous run'.padStart(16)}`);
  for (const [figure, goal] of Object.entries(GOALS) as [Figure, Goal][]) {
    const now = measured[figure];
    const then = before[figure];
    console.log(
      `${goal.label.padEnd(50)}${`${goal.bound === 'min' ? '≥' : '≤'} ${goal.goal}`.padStart(8)}` +
        `${shown(now, goal).padStart(16)}${shown(then, goal).padStart(16)}`,
    );
  }
  for (const [figure, m] of Object.entries(measured)) console.log(`  ${figure} this run: ${m.note}`);
  const dates = [...new Set(Object.values(before).map((m) => m.at.slice(0, 16).replace('T', ' ')))];
  if (dates.length) console.log(`  previous figures measured ${dates.join(', ')} UTC (${FILE})`);
  else console.log(`  no previous run: ${FILE} is written now`);
  mkdirSync(dirname(FILE), { recursive: true });
  writeFileSync(FILE, `${JSON.stringify({ ...before, ...measured }, null, 2)}\n`);
}

/** The load average (the last minute; `3`: also the last 5 and 15), for the notes: the machine is shared. */
export const loadAverage = (spans = 1): string =>
  existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, spans).join(' ') : '?';
