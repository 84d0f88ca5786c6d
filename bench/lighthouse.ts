/**
 * Lighthouse on the action pages (one campaign of each kind): performance and accessibility scores, and the
 * layout shift. Part of `npm run bench`, or alone: `node bench/lighthouse.ts` (`npm run bench:lighthouse`).
 *
 * It builds the site and the widgets into a temporary folder from the demo campaigns, serves them the way
 * `npm start` does (functions/adapters/node.ts, on a temporary SQLite file, 127.0.0.1 only) and runs the
 * Lighthouse CLI with the Chromium that the tests use (test/chrome.ts). Lighthouse's default is a mid-range phone
 * on a throttled (simulated) 4G connection; `LIGHTHOUSE_PRESET=desktop` measures a desktop instead.
 *
 * Simulated throttling scales what this machine measured, so a busy machine (2 shared cores) swings the
 * performance score by several points: each page runs `LIGHTHOUSE_RUNS` times (default 3) and the medians are
 * printed, with the spread of the score. The JSON reports stay in the printed folder for the diagnostics.
 * `LIGHTHOUSE_KINDS=petition,event` measures only those kinds' pages.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChrome } from '../test/chrome.ts';
import { freePort } from '../test/e2e/harness.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const CONTENT = join(root, 'site/content/campaigns');
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const KINDS = process.env.LIGHTHOUSE_KINDS?.split(',').map((kind) => kind.trim());

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/** The first campaign file of each kind, in name order. */
function oneOfEachKind(): string[] {
  const slugs = new Map<string, string>();
  for (const file of readdirSync(CONTENT)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const kind = /^kind:\s*(\w+)/m.exec(readFileSync(join(CONTENT, file), 'utf8'))?.[1];
    if (kind && !slugs.has(kind) && (!KINDS || KINDS.includes(kind))) slugs.set(kind, file.replace(/\.md$/, ''));
  }
  return [...slugs.values()];
}

async function serve(out: string): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['functions/adapters/node.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LADDER_DB: join(out, 'ladder.sqlite'),
      LADDER_CONTENT: CONTENT,
      LADDER_SITE_OUT: join(out, 'site'),
      LADDER_EMBED_OUT: join(out, 'embed'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => String(chunk).includes('Ladder is running') && resolve());
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; displayValue?: string; score: number | null; title: string }>;
}

async function lighthouse(url: string, report: string): Promise<Report> {
  const chrome = await findChrome();
  const preset = process.env.LIGHTHOUSE_PRESET === 'desktop' ? ['--preset=desktop'] : [];
  run(
    'npx',
    [
      'lighthouse',
      url,
      '--quiet',
      '--output=json',
      `--output-path=${report}`,
      '--only-categories=performance,accessibility',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
      ...preset,
    ],
    { CHROME_PATH: chrome.executablePath },
  );
  return JSON.parse(readFileSync(report, 'utf8')) as Report;
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function lighthouseBench(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'ladder-lighthouse-'));
  console.log('\nLighthouse on the action pages (building the site into a temporary folder)');
  run('npx', [
    'vite',
    'build',
    '--config',
    'widgets/vite.config.ts',
    '--outDir',
    join(out, 'embed'),
    '--logLevel',
    'warn',
  ]);
  run('npx', ['astro', 'build', '--silent'], {
    LADDER_CONTENT: CONTENT,
    LADDER_SITE_OUT: join(out, 'site'),
    ASTRO_TELEMETRY_DISABLED: '1',
  });
  const server = await serve(out);
  const failing: string[] = [];
  console.log(`${RUNS} runs per page, medians (reports in ${out})`);
  try {
    for (const slug of oneOfEachKind()) {
      const reports: Report[] = [];
      for (let i = 1; i <= RUNS; i++) {
        try {
          reports.push(await lighthouse(`${server.url}/act/${slug}/`, join(out, `${slug}-${i}.json`)));
        } catch (error) {
          // Lighthouse sometimes loses its own trace on a busy machine (NO_NAVSTART): count the run out, say so.
          console.log(`/act/${slug}/ run ${i}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
      if (!reports.length) {
        failing.push(`  ${slug}: no run completed`);
        continue;
      }
      const score = (r: Report, name: string) => Math.round((r.categories[name]?.score ?? 0) * 100);
      const value = (r: Report, name: string) => r.audits[name]?.numericValue ?? NaN;
      const performance = reports.map((r) => score(r, 'performance'));
      console.log(
        `/act/${slug}/`.padEnd(44) +
          `performance ${String(median(performance)).padStart(3)} (${Math.min(...performance)}-${Math.max(...performance)}` +
          `${reports.length < RUNS ? `, ${reports.length} of ${RUNS} runs` : ''})` +
          `  accessibility ${String(median(reports.map((r) => score(r, 'accessibility')))).padStart(3)}` +
          `  LCP ${(median(reports.map((r) => value(r, 'largest-contentful-paint'))) / 1000).toFixed(1)} s` +
          `  TBT ${Math.round(median(reports.map((r) => value(r, 'total-blocking-time'))))} ms` +
          `  CLS ${median(reports.map((r) => value(r, 'cumulative-layout-shift'))).toFixed(3)}`,
      );
      for (const report of reports) {
        for (const [id, a] of Object.entries(report.audits)) {
          if (a.score !== null && a.score < 0.9 && !id.startsWith('diagnostics')) failing.push(`  ${slug}: ${a.title}`);
        }
      }
    }
  } finally {
    server.stop();
  }
  if (failing.length) console.log(`Audits under 90:\n${[...new Set(failing)].join('\n')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await lighthouseBench();
