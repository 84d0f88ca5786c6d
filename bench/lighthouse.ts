/**
 * Lighthouse on the action pages (one campaign of each kind): performance and accessibility scores, and the
 * layout shift. Part of `npm run bench`, or alone: `node bench/lighthouse.ts` (`npm run bench:lighthouse`).
 *
 * It builds the site and the widgets into a temporary folder from the demo campaigns, serves them the way
 * `npm start` does (functions/adapters/node.ts, on a temporary SQLite file, 127.0.0.1 only) and runs the
 * Lighthouse CLI with the Chromium that the tests use (test/chrome.ts). Lighthouse's default is a mid-range phone
 * on a throttled (simulated) 4G connection; `LIGHTHOUSE_PRESET=desktop` measures a desktop instead.
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
    if (kind && !slugs.has(kind)) slugs.set(kind, file.replace(/\.md$/, ''));
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

async function lighthouse(url: string, out: string): Promise<Report> {
  const chrome = await findChrome();
  const report = join(out, `lighthouse-${Date.now()}.json`);
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
  try {
    for (const slug of oneOfEachKind()) {
      const report = await lighthouse(`${server.url}/act/${slug}/`, out);
      const score = (name: string) => Math.round((report.categories[name]?.score ?? 0) * 100);
      const audit = (name: string) => report.audits[name]?.displayValue ?? '-';
      console.log(
        `/act/${slug}/`.padEnd(44) +
          `performance ${String(score('performance')).padStart(3)}  accessibility ${String(score('accessibility')).padStart(3)}` +
          `  LCP ${audit('largest-contentful-paint')}  TBT ${audit('total-blocking-time')}  CLS ${audit('cumulative-layout-shift')}`,
      );
      for (const [id, a] of Object.entries(report.audits)) {
        if (a.score !== null && a.score < 0.9 && !id.startsWith('diagnostics')) failing.push(`  ${slug}: ${a.title}`);
      }
    }
  } finally {
    server.stop();
  }
  if (failing.length) console.log(`Audits under 90:\n${[...new Set(failing)].join('\n')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await lighthouseBench();
