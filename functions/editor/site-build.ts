/**
 * The site's rebuild after a publish, on the Node host: the same steps as `npm run build:site`, into a new folder
 * beside the live one. Visitors keep the old pages until every step has passed; then `onBuilt` swaps what the
 * server serves in one assignment. A failed build leaves the live site as it was and keeps its error to show.
 *
 * `astro build` runs in a child process (it loads Vite and the whole site; a fresh process each time keeps none of
 * it in the server); the service worker and `_headers` are written here, in the server's process, by the same
 * functions `npm run build:site` calls, which saves each its own Node start and imports.
 */
import { spawn } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { SiteBuilder } from './disk.ts';
import type { BuildStatus } from './types.ts';

export interface SiteBuildOptions {
  /** The repository root (astro.config.mjs, scripts/). */
  root: string;
  /** The campaign files. */
  content: string;
  /** Where each build gets its own folder. */
  builds: string;
  env: Record<string, string | undefined>;
  /** The new folder, complete: serve it from now on. */
  onBuilt(dir: string): void;
}

type Env = Record<string, string | undefined>;

/** The steps of `npm run build:site`: Astro with the Node that runs the server, then the two writers. */
const STEPS: ((options: SiteBuildOptions, env: Env, onLine: (line: string) => void) => Promise<unknown>)[] = [
  (options, env, onLine) => run(['node_modules/astro/bin/astro.mjs', 'build'], options, env, onLine),
  async (options, env) => {
    // Loaded when a publish needs it: esbuild stays out of the server until then.
    const { writeServiceWorker } = await import('../../scripts/service-worker.ts');
    await writeServiceWorker({
      site: env.LADDER_SITE_OUT!,
      embed: resolve(options.root, env.LADDER_EMBED_OUT?.trim() || 'dist/embed'),
    });
  },
  async (options, env) => {
    const { writeHeaders } = await import('../../scripts/headers.ts');
    await writeHeaders({ site: env.LADDER_SITE_OUT!, content: options.content, env });
  },
];

function run(args: string[], options: SiteBuildOptions, env: Env, onLine: (line: string) => void) {
  return new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: options.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const read = (chunk: Buffer) => {
      // Astro colours its output; the editor shows plain text.
      for (const line of stripVTControlCharacters(chunk.toString()).split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 30) tail.shift();
        onLine(line.trim());
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(tail.join('\n') || `exit code ${code}`))));
  });
}

export function siteBuilder(options: SiteBuildOptions): SiteBuilder {
  let status: BuildStatus = { state: 'idle' };
  let running = false;
  let again = false;
  let count = 0;
  let live: string | undefined;

  async function build(): Promise<void> {
    const out = join(options.builds, `${Date.now()}-${++count}`);
    // What `npm run build` ships, also from a server a test runner started (NODE_ENV=test makes a development build).
    const env = {
      ...options.env,
      NODE_ENV: 'production',
      LADDER_SITE_OUT: out,
      LADDER_CONTENT: options.content,
      ASTRO_TELEMETRY_DISABLED: '1',
    };
    status = { state: 'building', step: 0, steps: STEPS.length, startedAt: new Date().toISOString() };
    try {
      for (const [i, step] of STEPS.entries()) {
        status = { ...status, step: i + 1, detail: undefined };
        await step(options, env, (line) => (status = { ...status, detail: line.slice(0, 200) }));
      }
    } catch (error) {
      await rm(out, { recursive: true, force: true });
      status = {
        state: 'failed',
        error: (error as Error).message,
        startedAt: status.startedAt,
        finishedAt: new Date().toISOString(),
      };
      return;
    }
    const previous = live;
    live = out;
    options.onBuilt(out);
    status = { state: 'live', startedAt: status.startedAt, finishedAt: new Date().toISOString() };
    // The folder served until now may still be answering a request: it goes at the next swap, older ones now.
    for (const name of await readdir(options.builds)) {
      const dir = join(options.builds, name);
      if (dir !== live && dir !== previous) await rm(dir, { recursive: true, force: true });
    }
  }

  return {
    request() {
      if (running) {
        again = true;
        return;
      }
      running = true;
      void (async () => {
        do {
          again = false;
          await build();
        } while (again);
        running = false;
      })();
    },
    status: () => status,
  };
}
