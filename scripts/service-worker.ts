/**
 * Writes the service worker (`sw.js`) into the built site, after `astro build` (`npm run build:site` runs it):
 * Workbox's `generateSW` precaches the pages that must open with no connection (action pages, check-in, the
 * dashboard, the RSVP page, the home page), the site's `_astro` assets, and the partner embed (`/embed.js`, `/w/*`,
 * built into LADDER_EMBED_OUT and served from the same origin). No API answer is cached: a cached admin answer
 * would be served to a request with any token (or none). The check-in page keeps its list itself, encrypted for
 * its token (site/lib/dashboard/saved-list.ts); submissions wait in the widgets' own outbox.
 *
 * Environment: LADDER_SITE_OUT (dist/site), LADDER_EMBED_OUT (dist/embed).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateSW } from 'workbox-build';

const siteDir = resolve(process.env.LADDER_SITE_OUT?.trim() || 'dist/site');
const embedDir = resolve(process.env.LADDER_EMBED_OUT?.trim() || 'dist/embed');

const md5 = (file: string) => createHash('md5').update(readFileSync(file)).digest('hex');

/** `/embed.js` keeps its name (revisioned by content); `/w/*` chunks carry a hash in their names. */
function embedEntries(): { url: string; revision: string | null }[] {
  if (!existsSync(join(embedDir, 'embed.js'))) {
    console.warn(
      `[service-worker] ${embedDir}/embed.js is missing: the embed is not precached (build the widgets first).`,
    );
    return [];
  }
  const chunks = existsSync(join(embedDir, 'w'))
    ? readdirSync(join(embedDir, 'w')).filter((f) => f.endsWith('.js'))
    : [];
  return [
    { url: '/embed.js', revision: md5(join(embedDir, 'embed.js')) },
    ...chunks.map((file) => ({ url: `/w/${file}`, revision: null })),
  ];
}

const { count, size, warnings } = await generateSW({
  globDirectory: siteDir,
  globPatterns: [
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
  ],
  swDest: join(siteDir, 'sw.js'),
  // Precached paths are relative to sw.js, which sits at the root: `act/x/index.html` is `/act/x/index.html`.
  directoryIndex: 'index.html',
  // `/checkin/?event=…` and `/rsvp/?t=…` are the same page: look every precached URL up without its query.
  ignoreURLParametersMatching: [/.*/],
  // Hashed file names need no cache-busting query.
  dontCacheBustURLsMatching: /^(_astro|w)\//,
  additionalManifestEntries: embedEntries(),
  navigateFallback: null,
  // A new deploy takes over at once: pages are static and their assets precached together.
  skipWaiting: true,
  clientsClaim: true,
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: 'production',
});

for (const warning of warnings) console.warn(`[service-worker] ${warning}`);
console.log(`[service-worker] ${siteDir}/sw.js precaches ${count} files, ${(size / 1024).toFixed(0)} KiB.`);
