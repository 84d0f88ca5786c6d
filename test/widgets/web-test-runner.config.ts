/**
 * Browser tests for the widgets: Web Test Runner on Chromium, against the real API over real HTTP.
 *
 * The dev server serves the test pages and the widgets' TypeScript (esbuild), and hands every `/api/` request to
 * the Hono app (`functions/app.ts`) on a temporary SQLite file, so the page and the API share one origin, as on
 * the campaign's own site. `/__test/network?down=1` makes the API drop connections (the browser sees a network
 * error, as offline); `?down=after` lets the API handle each request, then drops the connection before the answer
 * (stored, but the browser never heard); `?down=0` brings it back. `/__test/embed/*` serves the built `dist/embed/` (built here
 * first), so the embed test loads exactly what partners load. `/__test/ssr?slug=` renders a widget with Lit SSR
 * in a separate Node process (test/widgets/ssr-render.ts), as the site does.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import type { TestRunnerConfig } from '@web/test-runner';
import type { Context, Next } from 'koa';
import { build } from 'vite';
import { createApp } from '../../functions/app.ts';
import { catalogFrom } from '../../functions/catalog.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import { findChrome } from '../chrome.ts';
import { guardedApi, relaxedGuard } from './guard-server.ts';
import { campaigns } from './campaigns.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

const store = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'ladder-widgets-')), 'ladder.sqlite'));
const catalog = catalogFrom(campaigns);
// The abuse defenses are on for every test, relaxed; test/widgets/guard-server.ts has the realistic ones.
const app = createApp({ store, catalog, guard: relaxedGuard });
const guarded = await guardedApi(store, catalog, (ctx, guardedApp, url) => toHono(ctx, guardedApp, url));
const chrome = await findChrome();

await build({ configFile: join(root, 'widgets/vite.config.ts'), logLevel: 'warn' });

let network: 'up' | 'down' | 'after' = 'up';

/**
 * React 19 as one ES module for test/widgets/react.test.ts, at `/__test/react.js`: React ships CommonJS, which
 * the dev server does not convert; Vite does, once, on first request.
 */
let react: Promise<string> | undefined;
async function bundleReact(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    build: {
      write: false,
      minify: false,
      lib: { entry: join(root, 'test/widgets/react-entry.js'), formats: ['es'], fileName: 'react' },
    },
  });
  const [output] = Array.isArray(result) ? result : [result];
  return (output as { output: { code: string }[] }).output[0].code;
}

async function readBody(ctx: Context): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Koa -> fetch Request -> Hono -> fetch Response -> Koa. */
async function api(ctx: Context, next: Next): Promise<void> {
  if (ctx.path === '/__test/react.js') {
    ctx.type = 'text/javascript';
    ctx.body = await (react ??= bundleReact());
    return;
  }
  if (ctx.path === '/__test/network') {
    network = ctx.query.down === '1' ? 'down' : ctx.query.down === 'after' ? 'after' : 'up';
    ctx.body = { network };
    return;
  }
  if (ctx.path.startsWith('/__test/embed/')) {
    const file = join(root, 'dist/embed', ctx.path.slice('/__test/embed/'.length).replace(/\.\./g, ''));
    ctx.type = 'text/javascript';
    ctx.body = await readFile(file);
    return;
  }
  if (ctx.path === '/__test/ssr') {
    const campaign = await (await app.fetch(new Request(`http://localhost/api/campaigns/${ctx.query.slug}`))).text();
    // `&widget=rsvp` (or `survey`): test/widgets/rsvp-ssr-render.ts renders <ladder-rsvp> the same way.
    const widget = ctx.query.widget === 'rsvp' || ctx.query.widget === 'survey' ? `${ctx.query.widget}-` : '';
    const script = join(root, `test/widgets/${widget}ssr-render.ts`);
    const { stdout } = await promisify(execFile)(process.execPath, [script, campaign, String(ctx.query.lang ?? '')]);
    ctx.type = 'text/html';
    ctx.body = stdout;
    return;
  }
  if (!ctx.path.startsWith('/api/')) return guarded(ctx, next);
  if (network === 'down') {
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  await toHono(ctx, app, ctx.url);
}

async function toHono(ctx: Context, hono: typeof app, url: string): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(ctx.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const body = ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : new Uint8Array(await readBody(ctx));
  const request = new Request(new URL(url, `http://${ctx.host}`), { method: ctx.method, headers, body });
  const response = await hono.fetch(request, { ip: ctx.ip });
  if (network === 'after') {
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  ctx.status = response.status;
  response.headers.forEach((value, name) => ctx.set(name, value));
  // Never let the dev server answer 304 from its own cache: counts change between requests.
  ctx.set('Cache-Control', 'no-store');
  ctx.body = Buffer.from(await response.arrayBuffer());
}

const config: TestRunnerConfig = {
  rootDir: root,
  files: ['test/widgets/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: the network switch is global.
  concurrency: 1,
  // Journeys of several steps with axe runs take seconds on a busy 2-core machine: room, not a race.
  testFramework: { config: { timeout: 30_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chrome.executablePath, args: chrome.args, env: chrome.env, headless: true },
    }),
  ],
  middleware: [api],
  // nanostores reads `process.env.NODE_ENV`, which bundlers replace (widgets/vite.config.ts, Astro); here nothing does.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html>
      <body>
        <script>window.process = { env: { NODE_ENV: 'development' } };</script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
  // a11ySnapshot: the accessibility tree as Chromium exposes it (test/widgets/guard.test.ts).
  plugins: [a11ySnapshotPlugin(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(root, 'tsconfig.json') })],
};

export default config;
