// @ts-check
/**
 * The campaign site: static pages built from the campaign files, with the widgets rendered on the server
 * (declarative shadow DOM through @astrojs/lit) and hydrated in the browser.
 *
 * Environment (all optional):
 * - LADDER_CONTENT: folder of campaign .md files, absolute or relative to this folder (default site/content/campaigns);
 *   read by site/content.config.ts.
 * - LADDER_SITE_OUT: where the built site goes, absolute or relative to this folder (default dist/site).
 * - LADDER_SITE_URL: the public URL of the site, e.g. https://campaign.example (used for canonical links and the
 *   default origin in embed snippets).
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import lit from '@astrojs/lit';
import { defineConfig } from 'astro/config';

const root = dirname(fileURLToPath(import.meta.url));
const fromRoot = (/** @type {string} */ dir) => (isAbsolute(dir) ? dir : resolve(root, dir));

export default defineConfig({
  root,
  srcDir: './site',
  publicDir: './site/public',
  outDir: fromRoot(process.env.LADDER_SITE_OUT?.trim() || 'dist/site'),
  output: 'static',
  site: process.env.LADDER_SITE_URL?.trim() || undefined,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [lit()],
  vite: {
    build: {
      // Our own <script>s ship as files, never inline, so a strict Content-Security-Policy (script-src 'self')
      // needs hashes only for the small scripts that Astro's islands and @astrojs/lit inject. Styles may inline.
      assetsInlineLimit: (/** @type {string} */ file) => (file.endsWith('.js') ? false : undefined),
    },
  },
});
