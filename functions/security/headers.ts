/**
 * The security headers, defined once: the Node adapter sends them (functions/adapters/node.ts), the build writes
 * them for static hosts (`scripts/headers.ts` -> `dist/site/_headers`), and the API adds its own (functions/app.ts).
 * No platform imports here: the serverless adapters use it too.
 *
 * The site's Content-Security-Policy is strict for scripts and styles: no 'unsafe-inline', only files from the
 * site and the hashes of the few inline `<script>`s and `<style>`s the build emits (Astro's island loader,
 * @astrojs/lit's declarative shadow DOM support, the code blocks that write the page's origin, Astro's small
 * stylesheets and the widgets' server-rendered shadow styles), collected from the built pages by
 * functions/security/site-policy.ts. A `style="…"` attribute is refused: set styles through CSSOM instead
 * (`element.style.setProperty`, in Lit from a `ref`), which a policy does not govern. Lit's `styleMap` will not do:
 * its first render writes the attribute.
 */

/** Hashes (`'sha256-…'`) and origins the built site needs beyond its own files. */
export interface SitePolicy {
  scriptHashes: readonly string[];
  styleHashes: readonly string[];
  /** Origins of images shown on the site's pages: call targets' photos. */
  imageOrigins: readonly string[];
  /** The CAPTCHA provider the widgets may load when a submission looks automated (LADDER_CAPTCHA_PROVIDER). */
  captcha?: CaptchaProvider;
}

export type CaptchaProvider = keyof typeof CAPTCHA_SOURCES;

const TURNSTILE = ['https://challenges.cloudflare.com'];
const HCAPTCHA = ['https://hcaptcha.com', 'https://*.hcaptcha.com'];

/**
 * What each provider's documentation asks a policy to allow, by directive. The site's own policy and the lines the
 * embed page gives partners (site/components/embed/csp.ts) both read it.
 */
const CAPTCHA_SOURCES = {
  turnstile: { 'script-src': TURNSTILE, 'frame-src': TURNSTILE },
  hcaptcha: { 'script-src': HCAPTCHA, 'frame-src': HCAPTCHA, 'style-src': HCAPTCHA, 'connect-src': HCAPTCHA },
};

export const isCaptchaProvider = (name: string | undefined): name is CaptchaProvider =>
  !!name && Object.hasOwn(CAPTCHA_SOURCES, name);

type Directive = 'script-src' | 'frame-src' | 'style-src' | 'connect-src';

/** The sources `provider` needs in `directive`: none without a provider. */
export const captchaSources = (provider: CaptchaProvider | undefined, directive: Directive): string[] =>
  (provider && (CAPTCHA_SOURCES[provider] as Partial<Record<Directive, string[]>>)[directive]) || [];

/** One year; subdomains are left alone, since the site may live under an organization's domain. */
const HSTS = 'max-age=31536000';

/** The API answers JSON only: it may load nothing and be framed by no one. */
export const API_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

const join = (...sources: (string | readonly string[])[]): string => [...new Set(sources.flat())].join(' ');

/**
 * The site's policy. `frame` is for the iframe page: every website may frame it, as the embed page promises
 * ("the actions taken in it count as this site's"); the API's partner allow-list does not apply to it because its
 * requests come from the site itself.
 */
function contentSecurityPolicy(policy: SitePolicy, { frame = false } = {}): string {
  const captcha = (directive: Directive) => captchaSources(policy.captcha, directive);
  const directives = [
    `default-src 'self'`,
    `script-src ${join("'self'", policy.scriptHashes, captcha('script-src'))}`,
    `style-src ${join("'self'", policy.styleHashes, captcha('style-src'))}`,
    `img-src ${join("'self'", policy.imageOrigins)}`,
    `connect-src ${join("'self'", captcha('connect-src'))}`,
    `frame-src ${join("'self'", captcha('frame-src'))}`,
    `worker-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors ${frame ? '*' : "'none'"}`,
  ];
  return directives.join('; ');
}

/** Sent with every page and file of the site; `https` adds Strict-Transport-Security (browsers ignore it on http). */
export function siteHeaders(
  policy: SitePolicy,
  { frame = false, https = false }: { frame?: boolean; https?: boolean } = {},
): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(policy, { frame }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}
