/**
 * What the built site needs in its Content-Security-Policy, read from the build itself (Node only: the Node adapter
 * at start and `scripts/headers.ts` after `astro build`). Reading the output instead of listing hashes by hand means
 * a changed inline script or a new page cannot drift from the policy.
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

/** The site-relative paths (`act/x/index.html`) of every page in the build. */
export function sitePages(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split('\\').join('/'))
    .sort();
}

/** Hashes every inline script and style of the built pages, the same text the browser hashes. */
export function sitePolicy(siteDir: string, catalog: Catalog, env: Record<string, string | undefined>): SitePolicy {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const page of sitePages(siteDir)) {
    const html = readFileSync(join(siteDir, page), 'utf8');
    for (const [, attributes, text] of html.matchAll(INLINE_SCRIPT)) {
      if (!/type=["']?application\/(ld\+)?json/i.test(attributes)) scripts.add(hash(text));
    }
    for (const [, text] of html.matchAll(INLINE_STYLE)) styles.add(hash(text));
  }
  const photos = catalog
    .list()
    .flatMap((campaign) => catalog.targets(campaign.slug)?.targets ?? [])
    .flatMap((target) => (target.photo ? [new URL(target.photo).origin] : []));
  const provider = env.LADDER_CAPTCHA_PROVIDER;
  return {
    scriptHashes: [...scripts].sort(),
    styleHashes: [...styles].sort(),
    imageOrigins: [...new Set(photos)].sort(),
    captcha: isCaptchaProvider(provider) ? provider : undefined,
  };
}
