/**
 * Writes the service worker (`sw.js`) into the built site, after `astro build` (`npm run build:site` runs it; the
 * Node host's rebuild after a publish calls `writeServiceWorker` in its own process): it precaches the pages that
 * must open with no connection (action pages, check-in, the dashboard, the RSVP page, the home page), the site's
 * `_astro` assets, and the partner embed (`/embed.js`, `/w/*`, built into LADDER_EMBED_OUT and served from the same
 * origin). No API answer is cached: a cached admin answer would be served to a request with any token (or none).
 * The check-in page keeps its list itself, encrypted for its token (site/lib/dashboard/saved-list.ts); submissions
 * wait in the widgets' own outbox.
 *
 * Workbox's runtime (workbox-precaching) does the work in the browser, as before. The build side is ours: the
 * list is a glob and an MD5 per page (Workbox's own revision), and esbuild bundles ./service-worker/worker.ts with
 * the list in place. workbox-build's `generateSW` did the same with Rollup and Terser in 2.4 s on a quiet machine
 * (9.8 s under load), most of it loading those tools; this takes about 0.1 s.
 *
 * Environment: LADDER_SITE_OUT (dist/site), LADDER_EMBED_OUT (dist/embed).
 */
import { createHash } from 'node:crypto';
import { existsSync, globSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export interface PrecacheEntry {
  url: string;
  /** MD5 of the file; null for file names that carry a hash of their own. */
  revision: string | null;
}

/** What opens offline, relative to the site's root (where sw.js sits). */
const PAGES = [
  'index.html',
  'act/*/index.html',
  'checkin/index.html',
  'checkin/*/index.html',
  'organize/index.html',
  'organize/*/index.html',
  'rsvp/index.html',
  // The volunteer's phone screen (follow-ups), in each language: calls go on with no signal.
  'volunteer/index.html',
  'volunteer/*/index.html',
  '_astro/**/*.{js,css}',
  'favicon.svg',
];
/** Hashed file names need no revision (and no cache-busting query). */
const HASHED = /^(_astro|w)\//;

const md5 = (file: string) => createHash('md5').update(readFileSync(file)).digest('hex');

/** `/embed.js` keeps its name (revisioned by content); `/w/*` chunks carry a hash in their names. */
function embedEntries(embed: string): PrecacheEntry[] {
  if (!existsSync(join(embed, 'embed.js'))) {
    console.warn(
      `[service-worker] ${embed}/embed.js is missing: the embed is not precached (build the widgets first).`,
    );
    return [];
  }
  const chunks = existsSync(join(embed, 'w')) ? readdirSync(join(embed, 'w')).filter((f) => f.endsWith('.js')) : [];
  return [
    { url: '/embed.js', revision: md5(join(embed, 'embed.js')) },
    ...chunks.sort().map((file) => ({ url: `/w/${file}`, revision: null })),
  ];
}

export function precacheList(site: string, embed: string): PrecacheEntry[] {
  const files = [...new Set(PAGES.flatMap((pattern) => globSync(pattern, { cwd: site })))].sort();
  return [
    ...files.map((url) => ({ url, revision: HASHED.test(url) ? null : md5(join(site, url)) })),
    ...embedEntries(embed),
  ];
}

/** Writes `<site>/sw.js` and returns what it precaches. */
export async function writeServiceWorker({ site, embed }: { site: string; embed: string }): Promise<PrecacheEntry[]> {
  const entries = precacheList(site, embed);
  await build({
    entryPoints: [join(import.meta.dirname, 'service-worker', 'worker.ts')],
    outfile: join(site, 'sw.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    logLevel: 'warning',
    // Workbox drops its development logging on this; the list goes in whole, one entry as written per line.
    define: { 'process.env.NODE_ENV': '"production"', 'self.__WB_MANIFEST': '__LADDER_PRECACHE__' },
    banner: { js: `var __LADDER_PRECACHE__=[\n${entries.map((entry) => JSON.stringify(entry)).join(',\n')}\n];` },
  });
  return entries;
}

if (import.meta.main) {
  const site = resolve(process.env.LADDER_SITE_OUT?.trim() || 'dist/site');
  const embed = resolve(process.env.LADDER_EMBED_OUT?.trim() || 'dist/embed');
  const entries = await writeServiceWorker({ site, embed });
  console.log(`[service-worker] ${site}/sw.js precaches ${entries.length} files.`);
}
