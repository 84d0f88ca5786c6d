/**
 * `npm run dev`: the Astro dev server (live reload) with the API and the partner embed on the same port, the
 * widgets rebuilt on every change. Campaign files are re-read on each API request, so edits show at once.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { dev } from 'astro';
import { Hono } from 'hono';
import type { Plugin } from 'vite';
import { createApp } from '../functions/app.ts';
import { type Catalog, loadCatalog } from '../functions/catalog.ts';
import { openStore } from '../functions/store/open.ts';

const env = process.env;
// Astro would otherwise try to send usage data: no network here, and none wanted.
env.ASTRO_TELEMETRY_DISABLED = '1';
const embedDir = resolve(env.LADDER_EMBED_OUT ?? 'dist/embed');
const contentDir = resolve(env.LADDER_CONTENT ?? 'site/content/campaigns');

const watcher = spawn('npx', ['vite', 'build', '--watch', '--config', 'widgets/vite.config.ts', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
process.on('exit', () => watcher.kill());

const store = await openStore(env);
let catalog: Catalog = await loadCatalog(contentDir);
const liveCatalog: Catalog = {
  get: (slug) => catalog.get(slug),
  list: () => catalog.list(),
  targets: (slug) => catalog.targets(slug),
};
const api = createApp({ store, catalog: liveCatalog, siteUrl: env.LADDER_SITE_URL });

const server = new Hono();
server.all('/api/*', async (c) => {
  catalog = await loadCatalog(contentDir).catch((error: Error) => {
    console.error(error.message);
    return catalog;
  });
  return api.fetch(c.req.raw);
});
server.use('/embed.js', async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cache-Control', 'no-cache');
});
server.use('/w/*', async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', '*');
});
server.use('/embed.js', serveStatic({ root: embedDir }));
server.use('/w/*', serveStatic({ root: embedDir }));
const listener = getRequestListener(server.fetch);

const ladderApi: Plugin = {
  name: 'ladder-dev-api',
  configureServer(vite) {
    vite.middlewares.use((req, res, next) => {
      if (/^\/(api\/|embed\.js|w\/)/.test(req.url ?? '')) void listener(req, res);
      else next();
    });
  },
};

await dev({ vite: { plugins: [ladderApi] }, server: { port: Number(env.PORT ?? 4321), host: env.HOST } });
