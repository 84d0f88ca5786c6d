/**
 * Writes `_headers` into the built site, after `astro build` (`npm run build:site` runs it): the same security
 * headers the Node adapter sends (functions/security/headers.ts), in the format Netlify and Cloudflare Pages read.
 *
 * The two hosts merge rules differently when several match one path: Cloudflare joins the values of a header with
 * commas (two Content-Security-Policy values make two policies, both enforced), Netlify keeps the last rule's. So
 * the policy goes on rules that never overlap (functions/security/site-policy.ts): one per top-level folder of the
 * build, and for `/embed/` one for the embed pages and one for the frames (the only pages others may frame), each
 * allowing its own pages' inline code. Headers that are the same everywhere go on `/*`. A path that matches no
 * page rule (an unknown URL answered by 404.html) gets those shared headers only. Cloudflare Pages reads at most
 * 100 rules: a build has about a dozen and a half.
 *
 * Environment: LADDER_SITE_OUT (dist/site), LADDER_CONTENT (site/content/campaigns), LADDER_CAPTCHA_PROVIDER.
 * The Node host's rebuild after a publish calls `writeHeaders` in its own process.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCatalog } from '../functions/catalog.ts';
import { ADMIN_POLICY } from './cms.ts';
import { siteHeaders } from '../functions/security/headers.ts';
import { basePolicy, pageRules } from '../functions/security/site-policy.ts';

export async function writeHeaders(options: {
  site: string;
  content: string;
  env: Record<string, string | undefined>;
}): Promise<{ rules: number; longest: number }> {
  const catalog = await loadCatalog(options.content);
  const base = basePolicy(catalog, options.env);
  const rules = pageRules(options.site, base);

  // Static hosts serve https only: Strict-Transport-Security belongs to every answer.
  const CSP = 'Content-Security-Policy';
  const shared = Object.entries(siteHeaders(base, { https: true })).filter(([name]) => name !== CSP);
  const block = (path: string, headers: [string, string][]) =>
    `${path}\n${headers.map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`;
  const text = [
    '# Written by scripts/headers.ts from functions/security/ after each build: edit those, not this file.\n',
    block('/*', shared),
    // Sveltia CMS (`npm run cms`) has a policy of its own: it talks to the git host's API.
    ...rules.map(({ path, frame, policy }) =>
      block(path, [[CSP, path === '/admin/*' ? ADMIN_POLICY[CSP] : siteHeaders(policy, { frame })[CSP]]]),
    ),
  ].join('\n');

  writeFileSync(join(options.site, '_headers'), text);
  // Cloudflare Pages drops a line over 2,000 characters; each inline script or style of a rule's pages adds 54.
  const longest = Math.max(...text.split('\n').map((line) => line.length));
  if (longest > 2000) {
    console.warn(
      `[headers] a line of _headers is ${longest} characters, over Cloudflare Pages' 2,000: set build.inlineStylesheets: 'never' in astro.config.mjs so Astro's styles become files.`,
    );
  }
  return { rules: rules.length + 1, longest };
}

if (import.meta.main) {
  const site = resolve(process.env.LADDER_SITE_OUT?.trim() || 'dist/site');
  const { rules, longest } = await writeHeaders({
    site,
    content: resolve(process.env.LADDER_CONTENT?.trim() || 'site/content/campaigns'),
    env: process.env,
  });
  console.log(`[headers] ${join(site, '_headers')}: ${rules} rules, the longest line ${longest} characters.`);
}
