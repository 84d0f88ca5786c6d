/**
 * `npm run build:hosted`, after `npm run build`: what Cloudflare, Netlify and Vercel serve, in LADDER_HOSTED_OUT
 * (dist/hosted).
 *
 * - `public/`: the built site and the partner embed in one folder (the hosts serve one), with `_headers` rules
 *   (Cloudflare and Netlify read them; docs/deploy/vercel.md has Vercel's) for the embed:
 *   `Access-Control-Allow-Origin: *` (a cross-origin module script needs CORS), a short cache for `embed.js` and a
 *   year for the hashed chunks, as the Node server does.
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
const out = resolve(env.LADDER_HOSTED_OUT?.trim() || 'dist/hosted');

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

const publicDir = join(out, 'public');
rmSync(out, { recursive: true, force: true });
mkdirSync(publicDir, { recursive: true });
cpSync(siteDir, publicDir, { recursive: true });
cpSync(embedDir, publicDir, { recursive: true });
appendFileSync(
  join(publicDir, '_headers'),
  [
    '\n# The partner embed (scripts/build-hosted.ts)',
    '/embed.js\n  Access-Control-Allow-Origin: *\n  Cache-Control: public, max-age=300',
    '/w/*\n  Access-Control-Allow-Origin: *\n  Cache-Control: public, max-age=31536000, immutable',
    '/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n',
  ].join('\n'),
);
writeFileSync(join(out, 'catalog.json'), JSON.stringify({ dir: VIRTUAL, texts, targets }));
console.log(`[build-hosted] ${out}: ${catalog.list().length} campaigns, the site and the embed.`);
