/**
 * Save → live page on the Node host (`npm run bench:publish`; part of `npm run bench`, `BENCH_PUBLISH=0` skips it):
 * the editor's API publishes a new petition, and the clock stops when its action page answers 200 from the server,
 * which has kept running (the site rebuilt in the background and swapped). Once with the example campaigns, then
 * with `PUBLISH_CAMPAIGNS` (200) campaigns, to show how it grows. Goal: at most 15 s with the examples.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './spawn.ts';

const TOKEN = 'bench-admin-token-0123456789';
const MANY = Number(process.env.PUBLISH_CAMPAIGNS ?? 200);
const EXAMPLES = 'site/content/campaigns';

function run(args: string[], env: Record<string, string>): void {
  const result = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed`);
}

/** A content folder with the examples and `extra` copies of the petition example. */
function content(extra: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-bench-publish-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  const petition = readFileSync(join(EXAMPLES, 'save-the-library.md'), 'utf8');
  // Each its own title: its own share image, as 200 real campaigns would have.
  for (let i = 0; i < extra; i++) {
    writeFileSync(join(dir, `petition-${i}.md`), petition.replace(/^title: (.*)$/m, `title: $1 (${i + 1})`));
  }
  return dir;
}

async function publishOnce(label: string, dir: string, site: string, embed: string): Promise<number> {
  // The site the server starts with, built from the same files as `npm start` builds it (what a build keeps
  // between runs, such as the share images, is there as on a host that has been running).
  run(['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    LADDER_SITE_OUT: site,
    LADDER_CONTENT: dir,
    ASTRO_TELEMETRY_DISABLED: '1',
  });
  const server = await startServer(
    'functions/adapters/node.ts',
    [],
    {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LADDER_DB: join(mkdtempSync(join(tmpdir(), 'ladder-bench-db-')), 'ladder.sqlite'),
      LADDER_CONTENT: dir,
      LADDER_SITE_OUT: site,
      LADDER_EMBED_OUT: embed,
      LADDER_ADMIN_TOKEN: TOKEN,
    },
    /localhost:(\d+)/,
  );
  try {
    const campaigns = readdirSync(dir).filter((name) => name.endsWith('.md')).length;
    const started = performance.now();
    const res = await fetch(`${server.url}/api/admin/editor/campaigns/bench-new-petition`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        publish: true,
        body: 'Dear Council,\n',
        data: {
          kind: 'petition',
          title: 'A new petition',
          summary: 'Measured from Save to its live page.',
          consent: { text: 'Keep me updated about this campaign by email.', version: '2026-12-01' },
          petition: { to: 'The City Council', ask: 'Keep the lights on.' },
        },
      }),
    });
    if (!res.ok) throw new Error(`publish: ${res.status} ${await res.text()}`);
    const api = performance.now() - started;
    for (;;) {
      if ((await fetch(`${server.url}/act/bench-new-petition/`)).status === 200) break;
      const build = (await (
        await fetch(`${server.url}/api/admin/editor/build`, { headers: { authorization: `Bearer ${TOKEN}` } })
      ).json()) as { state: string; error?: string };
      if (build.state === 'failed') throw new Error(build.error);
      await new Promise((done) => setTimeout(done, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${label.padEnd(24)}${String(campaigns + 1).padStart(10)}${api.toFixed(0).padStart(12)}${seconds.toFixed(1).padStart(12)}`,
    );
    return seconds;
  } finally {
    await server.stop();
  }
}

export async function publishBench(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'ladder-bench-site-'));
  const site = join(out, 'site');
  const embed = join(out, 'embed');
  mkdirSync(site);
  console.log('\nSave → live page (Node host, no restart)');
  run(
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--config',
      'widgets/vite.config.ts',
      '--outDir',
      embed,
      '--logLevel',
      'warn',
    ],
    {},
  );
  console.log(`${'content'.padEnd(24)}${'campaigns'.padStart(10)}${'API (ms)'.padStart(12)}${'live (s)'.padStart(12)}`);
  const examples = await publishOnce('the examples', content(0), site, embed);
  const many = await publishOnce(`${MANY} petitions more`, content(MANY), site, embed);
  console.log(
    `goal ≤ 15 s with the examples: ${examples <= 15 ? 'met' : 'missed'}; ×${(many / examples).toFixed(1)} with ${MANY} more`,
  );
}

if (import.meta.main) await publishBench();
