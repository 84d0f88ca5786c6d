/**
 * The embedded server (`npm start`): the built site, the widgets and the API on one port, SQLite by default.
 *
 * Environment: PORT (4321), HOST (all interfaces), LADDER_DB (./data/ladder.sqlite), DATABASE_URL (postgres://…),
 * LADDER_SITE_URL (the public URL, for links; default each request's origin; required with email or SMS),
 * LADDER_CONTENT (campaign files; default site/content/campaigns), LADDER_SITE_OUT (dist/site), LADDER_EMBED_OUT
 * (dist/embed), LADDER_DISPATCH_INTERVAL (ms between delivery passes, 15000), LADDER_LETTERS_INTERVAL (ms between
 * passes of letters to targets, 300000; 0: none, `npm run dispatch` sends them), LADDER_DISPATCH_LEASE_MS (how long a
 * claimed event stays this instance's: a claim lost with a killed instance comes back after it; 300000) and the
 * sinks' variables (functions/outbox/config.ts).
 * LADDER_RETENTION_DAYS: personal data kept for campaigns without `retentionDays` (unset: kept); swept hourly.
 * LADDER_OUTBOX_KEEP_DAYS (30), LADDER_DEAD_LETTER_DAYS (90): delivered events and dead letters pruned hourly.
 * LADDER_WORKERS (1): processes serving the port (functions/adapters/cluster.ts; no browser editor with more than 1).
 *
 * Abuse defenses (functions/guard/config.ts; README, "Configuration"): LADDER_SECRET (keys the render tokens; unset:
 * made once and kept in the database), LADDER_MIN_FILL_MS (3000), LADDER_TOKEN_MAX_AGE (s, 86400),
 * LADDER_TOKEN_USES (5), LADDER_TOKEN_USES_CANVASS (300), LADDER_RATE_IP (20/600: per campaign and IP, 20 per
 * 600 s), LADDER_RATE_EMAIL (3/3600), LADDER_RATE_BURST (1/10), LADDER_TRUST_PROXY (1: the last hop of
 * X-Forwarded-For; a header name such as cf-connecting-ip: that header; unset: the socket's address),
 * LADDER_CAPTCHA_PROVIDER (turnstile | hcaptcha), LADDER_CAPTCHA_SITE_KEY, LADDER_CAPTCHA_SECRET,
 * LADDER_CAPTCHA_VERIFY_URL (default: the provider's siteverify), LADDER_DISPOSABLE_EMAIL (allow | captcha |
 * refuse; default captcha, which refuses when no CAPTCHA provider is set).
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createApp } from '../app.ts';
import { isWorker, supervisor } from './cluster.ts';
import { liveCatalog, loadCatalog } from '../catalog.ts';
import { diskCampaignFiles } from '../editor/disk.ts';
import { siteBuilder } from '../editor/site-build.ts';
import { guardFromEnv } from '../guard/config.ts';
import { lettersWithoutEmail, requireEmailForLinks, sinksFromEnv, twilioFromEnv } from '../outbox/config.ts';
import { type RunningDispatcher, startDispatcher } from '../outbox/dispatcher.ts';
import { lettersFromEnv, sendLetters } from '../outbox/letters.ts';
import { openStore } from '../store/open.ts';
import { prune, pruneOptionsFromEnv } from '../store/prune.ts';
import { retentionDaysFromEnv, sweepRetention } from '../store/retention.ts';
import { siteHeaders } from '../security/headers.ts';
import { basePolicy, pageRules, rulePattern } from '../security/site-policy.ts';

const env = process.env;
const port = Number(env.PORT ?? 4321);
const siteDir = resolve(env.LADDER_SITE_OUT ?? 'dist/site');
const embedDir = resolve(env.LADDER_EMBED_OUT ?? 'dist/embed');
for (const dir of [siteDir, embedDir]) {
  if (!existsSync(dir)) throw new Error(`${dir} is missing: run "npm run build" first (npm start does it for you).`);
}

// With LADDER_WORKERS > 1 this process only supervises the workers, which run the rest of this file; it waits here
// for a signal (the supervisor exits the process).
const processes = `${env.LADDER_WORKERS} processes`;
if (await supervisor(env, (at) => console.log(`Ladder is running at http://localhost:${at}/ (${processes})`))) {
  await new Promise(() => {});
}

const contentDir = resolve(env.LADDER_CONTENT ?? 'site/content/campaigns');
// The editor's publishes replace it while the server runs (functions/editor/disk.ts).
const catalog = liveCatalog(await loadCatalog(contentDir));
const store = await openStore(env);
// Read before listening: a mistake in a sink's configuration stops the start, naming the variable.
const sinks = sinksFromEnv(env, catalog);
requireEmailForLinks(env, catalog.list());
const unsent = lettersWithoutEmail(env, catalog.list());
if (unsent) console.warn(`[ladder] ${unsent}`);
let dispatcher: RunningDispatcher | null = null;
const retentionDays = retentionDaysFromEnv(env);
const pruning = pruneOptionsFromEnv(env);
const api = createApp({
  store,
  catalog,
  siteUrl: env.LADDER_SITE_URL,
  adminToken: env.LADDER_ADMIN_TOKEN,
  sinks: sinks.map((sink) => sink.name),
  sms: twilioFromEnv(env),
  followups: { organization: env.LADDER_ORGANIZATION, timezone: env.LADDER_TEXTING_TIMEZONE },
  guard: await guardFromEnv(env, store),
  editor: isWorker()
    ? undefined
    : diskCampaignFiles(
        contentDir,
        catalog,
        siteBuilder({
          root: resolve(import.meta.dirname, '../..'),
          content: contentDir,
          builds: `${siteDir}-builds`,
          env,
          onBuilt: (dir) => (live = serving(dir)),
        }),
      ),
});

/**
 * What the server serves: the built site's folder, its files and each page's Content-Security-Policy, which allows
 * the inline code of its part of the site as the build's `_headers` rules do (functions/security/site-policy.ts);
 * other files (scripts, images, sw.js) get the policy without hashes. A publish's build swaps the whole of it in one
 * assignment: a request gets the old site or the new one, never a mix.
 */
function serving(dir: string) {
  const filePolicy = basePolicy(catalog, env);
  const rules = pageRules(dir, filePolicy).map((rule) => ({ ...rule, pattern: rulePattern(rule.path) }));
  return { dir, filePolicy, rules, files: serveStatic({ root: dir }) };
}
let live = serving(siteDir);
const pagePath = (path: string) => (/\/[^/.]+$/.test(path) ? `${path}/` : path);

const server = new Hono();
// Pages, scripts and the admin's JSON and exports go out compressed (gzip or deflate, as the browser accepts); a
// cheap host's bandwidth and a phone's both thank us. Hono skips images, and small bodies of known length only. The
// answers widgets fetch (a campaign, a submission's result: some 400 bytes, 300 gzipped) are sent as they are:
// gzip there cost a tenth of the server's CPU in a spike (npm run bench:spike, SPIKE_PROFILE) and forced the
// stream path over @hono/node-server's direct write of a string body.
const compressed = compress();
server.use('*', (c, next) =>
  c.req.path.startsWith('/api/') && !c.req.path.startsWith('/api/admin/') ? next() : compressed(c, next),
);
// Security headers on every page and file of the site; the API sends its own. Strict-Transport-Security only over
// https, here or at a proxy that says so (browsers ignore it on http anyway, so a forged header gains nothing).
server.use('*', async (c, next) => {
  await next();
  if (c.req.path.startsWith('/api/')) return;
  const https =
    new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto')?.split(',')[0].trim() === 'https';
  const path = c.res.status === 404 ? '/404.html' : pagePath(c.req.path);
  const rule = live.rules.find(({ pattern }) => pattern.test(path));
  const headers = siteHeaders(rule?.policy ?? live.filePolicy, { frame: rule?.frame, https });
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
});
// The socket's address goes to the API as `env.ip`: the client's IP unless LADDER_TRUST_PROXY says otherwise.
server.all('/api/*', (c) =>
  api.fetch(c.req.raw, { ip: (c.env as { incoming?: IncomingMessage }).incoming?.socket.remoteAddress }),
);
// The partner snippet: any page may load it (a cross-origin module script needs CORS). embed.js keeps its name
// and so a short cache; the chunks it imports are content-hashed and cached for a year.
server.use('/embed.js', async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cache-Control', 'public, max-age=300');
});
server.use('/w/*', async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', '*');
  if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
});
server.use('/_astro/*', async (c, next) => {
  await next();
  if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
});
server.use('/embed.js', serveStatic({ root: embedDir }));
server.use('/w/*', serveStatic({ root: embedDir }));
// The static hosts' header rules (scripts/headers.ts) sit in the build folder; here they are the code above.
server.get('/_headers', (c) => c.notFound());
server.use('*', (c, next) => live.files(c, next));
server.notFound(async (c) => {
  const page = resolve(live.dir, '404.html');
  return existsSync(page)
    ? c.html(await (await import('node:fs/promises')).readFile(page, 'utf8'), 404)
    : c.text('Not found', 404);
});

// Retention (functions/store/retention.ts), then pruning of the outbox (functions/store/prune.ts): a pass at start,
// then one an hour, never two at once.
const sweepAndPrune = async () => {
  await sweepRetention(store, catalog.list(), retentionDays);
  await prune(store, pruning);
};
let sweeping: Promise<unknown> = sweepAndPrune();
const retention = setInterval(() => {
  sweeping = sweeping.then(sweepAndPrune);
}, 3600_000);
retention.unref();

// Letters to targets (functions/outbox/letters.ts): a pass every LADDER_LETTERS_INTERVAL ms (five minutes), never
// two at once; 0: none here, `npm run dispatch` (a cron job) sends them.
const letterMail = await lettersFromEnv(env, store);
const letterInterval = Number(env.LADDER_LETTERS_INTERVAL ?? 300_000);
let lettering: Promise<unknown> = Promise.resolve();
const letterTimer =
  letterMail && letterInterval > 0
    ? setInterval(() => {
        lettering = lettering.then(() => sendLetters(store, catalog, letterMail)).catch(console.error);
      }, letterInterval)
    : undefined;
letterTimer?.unref();

const listener = serve({ fetch: server.fetch, port, hostname: env.HOST }, (info) => {
  // A worker of several says nothing: its supervisor says it once all of them listen.
  if (!isWorker()) console.log(`Ladder is running at http://localhost:${info.port}/ (${store.dialect})`);
  // Delivery runs beside the server, never inside a request (see functions/outbox/dispatcher.ts).
  if (sinks.length) {
    dispatcher = startDispatcher(store, sinks, Number(env.LADDER_DISPATCH_INTERVAL ?? 15_000), {
      catalog,
      leaseMs: Number(env.LADDER_DISPATCH_LEASE_MS) || undefined,
    });
    console.log(`Delivering events to ${sinks.map((sink) => sink.name).join(', ')}`);
  }
});

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    // The dispatcher stops first: a delivery cut short is retried later, and it must not outlive the store.
    clearInterval(retention);
    clearInterval(letterTimer);
    const stopped = Promise.all([dispatcher?.stop(), sweeping, lettering]);
    listener.close(() => void stopped.then(() => store.close()).then(() => process.exit(0)));
    // Keep-alive connections would hold close() open; the store is closed once they are gone or after 5 s.
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
