/**
 * Builds the widgets and the site once for every end-to-end test, from fixture campaigns of our own, into a
 * temporary folder. The partner page's origin must be on a campaign's allow-list, so its port is chosen here.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { fixtureCampaigns } from './fixtures.ts';
import { freePort } from './harness.ts';

export interface Built {
  content: string;
  site: string;
  embed: string;
  partnerPort: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    built: Built;
  }
}

function run(command: string, args: string[], env: Record<string, string>): void {
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8', stdio: 'pipe' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

export default async function setup(project: TestProject): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-e2e-'));
  const built: Built = {
    content: join(dir, 'content'),
    site: join(dir, 'site'),
    embed: join(dir, 'embed'),
    partnerPort: await freePort(),
  };
  mkdirSync(built.content);
  for (const [name, text] of Object.entries(fixtureCampaigns(`http://127.0.0.1:${built.partnerPort}`))) {
    writeFileSync(join(built.content, name), text);
  }
  run(
    'npx',
    ['vite', 'build', '--config', 'widgets/vite.config.ts', '--outDir', built.embed, '--logLevel', 'warn'],
    {},
  );
  run('npx', ['astro', 'build', '--silent'], {
    // Relative, as an organizer writes it: relative paths resolve against the repository root, also from the
    // chunks Astro bundles into .astro/ (a fixed `../../` there once broke `npm run build` without this variable).
    LADDER_CONTENT: relative(process.cwd(), built.content),
    LADDER_SITE_OUT: built.site,
    ASTRO_TELEMETRY_DISABLED: '1',
    // Vitest sets NODE_ENV=test, which Vite takes for a development build (Lit in dev mode, import.meta.env.PROD
    // false, so no service worker): test what `npm run build` ships.
    NODE_ENV: 'production',
  });
  // The service worker, as `npm run build:site` writes it: offline pages and the check-in list.
  run(process.execPath, ['scripts/service-worker.ts'], { LADDER_SITE_OUT: built.site, LADDER_EMBED_OUT: built.embed });
  project.provide('built', built);
}
