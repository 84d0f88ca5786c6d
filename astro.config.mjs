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

/**
 * uPlot (1.6.32) builds `new Intl.NumberFormat(navigator.language)` when its module loads, and that throws on a
 * locale a browser reports but Intl refuses ("en-US@posix": Chromium on Linux with LANG=C.UTF-8), so the dashboard
 * showed no charts. Its default format is never shown (site/lib/dashboard/plot.ts formats ticks and legend in the
 * page's language): the browser's default locale does, as upstream has it since (leeoniya/uPlot#1054, unreleased).
 * @type {import('vite').Plugin}
 */
const uplotLocale = {
  name: 'ladder:uplot-locale',
  transform(code, id) {
    if (!/[\\/]uplot[\\/]dist[\\/]uPlot\.esm\.js$/.test(id)) return;
    const from = "new Intl.NumberFormat(domEnv ? nav.language : 'en-US')";
    if (!code.includes(from)) return this.error(`uPlot changed: check that ${id} still needs this fix, then drop it.`);
    return code.replace(from, 'new Intl.NumberFormat()');
  },
};

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
    plugins: [uplotLocale],
    // Unbundled in development too, so that the plugin above applies there.
    optimizeDeps: { exclude: ['uplot'] },
    build: {
      // Our own <script>s ship as files, never inline, so a strict Content-Security-Policy (script-src 'self')
      // needs hashes only for the small scripts that Astro's islands and @astrojs/lit inject. Styles may inline.
      assetsInlineLimit: (/** @type {string} */ file) => (file.endsWith('.js') ? false : undefined),
    },
  },
});
