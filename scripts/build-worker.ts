/**
 * `npm run build:worker`, after `npm run build`: what Cloudflare serves, in LADDER_WORKER_OUT (dist/cloudflare).
 *
 * - `assets/`: the built site and the partner embed in one folder (Workers serve one), with `_headers` rules for
 *   the embed: `Access-Control-Allow-Origin: *` (a cross-origin module script needs CORS), a short cache for
 *   `embed.js` and a year for the hashed chunks, as the Node server does.
 * - `catalog.json`: the campaign files' text (a Worker has no disk), checked here with the same code the Worker
 *   runs at start, so a mistake stops the build and not the site.
 *
 * Environment: LADDER_CONTENT (site/content/campaigns), LADDER_SITE_OUT (dist/site), LADDER_EMBED_OUT (dist/embed).
 */
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { catalogFromTexts } from '../functions/catalog.ts';

const env = process.env;
const contentDir = resolve(env.LADDER_CONTENT?.trim() || 'site/content/campaigns');
const siteDir = resolve(env.LADDER_SITE_OUT?.trim() || 'dist/site');
const embedDir = resolve(env.LADDER_EMBED_OUT?.trim() || 'dist/embed');
const out = resolve(env.LADDER_WORKER_OUT?.trim() || 'dist/cloudflare');

for (const dir of [siteDir, embedDir]) {
  if (!existsSync(dir)) throw new Error(`${dir} is missing: run "npm run build" first.`);
}

// The Worker knows the files by this path, the same on every machine.
const VIRTUAL = '/campaigns';
const texts: Record<string, string> = {};
for (const name of readdirSync(contentDir).filter((file) => file.endsWith('.md'))) {
  texts[name] = readFileSync(join(contentDir, name), 'utf8');
}
const targets: Record<string, string> = {};
const catalog = await catalogFromTexts(VIRTUAL, texts, async (file) => {
  targets[file] = readFileSync(resolve(contentDir, relative(VIRTUAL, file)), 'utf8');
  return targets[file];
});

const assets = join(out, 'assets');
rmSync(out, { recursive: true, force: true });
mkdirSync(assets, { recursive: true });
cpSync(siteDir, assets, { recursive: true });
cpSync(embedDir, assets, { recursive: true });
appendFileSync(
  join(assets, '_headers'),
  [
    '\n# The partner embed (scripts/build-worker.ts)',
    '/embed.js\n  Access-Control-Allow-Origin: *\n  Cache-Control: public, max-age=300',
    '/w/*\n  Access-Control-Allow-Origin: *\n  Cache-Control: public, max-age=31536000, immutable',
    '/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n',
  ].join('\n'),
);
writeFileSync(join(out, 'catalog.json'), JSON.stringify({ dir: VIRTUAL, texts, targets }));
console.log(`[build-worker] ${out}: ${catalog.list().length} campaigns, the site and the embed.`);
