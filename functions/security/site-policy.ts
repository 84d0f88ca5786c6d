/**
 * What the built site needs in its Content-Security-Policy, read from the build itself (Node only: the Node adapter
 * at start and `scripts/headers.ts` after `astro build`). Reading the output instead of listing hashes by hand means
 * a changed inline script or a new page cannot drift from the policy.
 *
 * Pages are grouped by the `_headers` rule that covers them (`/act/*`, `/embed/:slug/frame/`, `/`…), and each rule
 * allows the inline code of its own pages only: tighter than one list for the whole site, and each rule's line stays
 * short (Cloudflare Pages drops a line over 2,000 characters). The Node adapter matches a request to the same rules,
 * so both ways of serving send the same headers (test/e2e/csp.test.ts compares them).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog.ts';
import { isCaptchaProvider, type SitePolicy } from './headers.ts';

/** Inline elements only: a `src` makes a script a file, and JSON data blocks are not run. */
const INLINE_SCRIPT = /<script\b((?:(?!\bsrc=)[^>])*)>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** A rule's pages and what they need; `frame`: the pages other websites may frame. */
export interface PageRule {
  path: string;
  frame: boolean;
  policy: SitePolicy;
}

/** The site-relative paths (`act/x/index.html`) of every page in the build. */
export function sitePages(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split('\\').join('/'))
    .sort();
}

/** The `_headers` paths that cover a page: `act/x/index.html` -> `/act/*`; `index.html` -> `/` and itself. */
function rulePaths(file: string): string[] {
  const [top, ...rest] = file.split('/');
  if (!rest.length) return file === 'index.html' ? ['/', '/index.html'] : [`/${file}`];
  if (top !== 'embed') return [`/${top}/*`];
  const frame = /^[^/]+\/frame\/index\.html$/.test(rest.join('/'));
  if (!frame && !/^[^/]+\/index\.html$/.test(rest.join('/'))) {
    throw new Error(`${file}: a page under /embed/ that is neither an embed page nor its frame: give it a rule.`);
  }
  const base = frame ? '/embed/:slug/frame/' : '/embed/:slug/';
  return [base, `${base}index.html`];
}

/** A `_headers` path as a regular expression: `*` any text, `:name` one segment. */
export const rulePattern = (path: string): RegExp =>
  new RegExp(
    `^${path
      .split(/(\*|:\w+)/)
      .map((part) =>
        part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^$()[\]{}|\\]/g, '\\$&'),
      )
      .join('')}$`,
  );

/** What every page needs whatever its inline code: call targets' photos, the CAPTCHA provider. No hashes. */
export function basePolicy(catalog: Catalog, env: Record<string, string | undefined>): SitePolicy {
  const photos = catalog
    .list()
    .flatMap((campaign) => catalog.targets(campaign.slug)?.targets ?? [])
    .flatMap((target) => (target.photo ? [new URL(target.photo).origin] : []));
  const provider = env.LADDER_CAPTCHA_PROVIDER;
  return {
    scriptHashes: [],
    styleHashes: [],
    imageOrigins: [...new Set(photos)].sort(),
    captcha: isCaptchaProvider(provider) ? provider : undefined,
  };
}

/** Every rule of the build with the hashes of its pages' inline scripts and styles, the text the browser hashes. */
export function pageRules(siteDir: string, base: SitePolicy): PageRule[] {
  const rules = new Map<string, { scripts: Set<string>; styles: Set<string> }>();
  for (const page of sitePages(siteDir)) {
    const html = readFileSync(join(siteDir, page), 'utf8');
    for (const path of rulePaths(page)) {
      const rule = rules.get(path) ?? { scripts: new Set(), styles: new Set() };
      rules.set(path, rule);
      for (const [, attributes, text] of html.matchAll(INLINE_SCRIPT)) {
        if (!/type=["']?application\/(ld\+)?json/i.test(attributes)) rule.scripts.add(hash(text));
      }
      for (const [, text] of html.matchAll(INLINE_STYLE)) rule.styles.add(hash(text));
    }
  }
  return [...rules].map(([path, { scripts, styles }]) => ({
    path,
    frame: path.startsWith('/embed/:slug/frame/'),
    policy: { ...base, scriptHashes: [...scripts].sort(), styleHashes: [...styles].sort() },
  }));
}
