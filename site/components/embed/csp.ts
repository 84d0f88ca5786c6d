/**
 * The Content-Security-Policy sources a partner page needs for the embed, worked out from what the widgets do:
 * - script-src: `/embed.js` and the `/w/…` chunks it imports, all on the site's origin.
 * - connect-src: `fetch` to the API (the campaign, the live count, actions, call targets), by default the same
 *   origin that served embed.js.
 * - style-src: embed.js appends one `<style>` (widgets/embed.ts) that reserves the widgets' space until they load.
 *   Its hash allows exactly that text. The widgets' own CSS goes through Lit's adoptedStyleSheets (constructed
 *   style sheets), which CSP does not govern, and they set no `style` attributes.
 * - img-src: only a call campaign's target photos.
 * - The CAPTCHA provider, when the site has one (LADDER_CAPTCHA_PROVIDER at build time): the widget loads its script
 *   and its frame only when a submission looks automated; the sources are the site's own (functions/security).
 * - The iframe variant needs frame-src, and the hash of the frame's `style` attribute (`'unsafe-hashes'` lets a
 *   hash allow an attribute; without it the frame works, with the browser's default border).
 * test/e2e/partner-csp.test.ts serves a partner page with exactly these lines on a strict policy and fails on any
 * violation, and on any line that can be left out without one.
 */
import { createHash } from 'node:crypto';
import { loadCatalog } from '../../../functions/catalog.ts';
import { type CaptchaProvider, captchaSources } from '../../../functions/security/headers.ts';
import { RESERVE_STYLE } from '../../../widgets/reserve.ts';
import { campaignsDir } from '../../lib/paths.ts';
import { FRAME_STYLE } from './frame.ts';

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hash of the `<style>` embed.js appends: the same constant it uses (widgets/reserve.ts), so it always matches. */
export const reserveStyleHash = (): string => hash(RESERVE_STYLE);

let catalog: ReturnType<typeof loadCatalog> | undefined;

/**
 * The origins of a call campaign's target photos: those in its file and in its `targetsFile` (the widget shows both,
 * from the API), read as the server reads them.
 */
export async function photoOrigins(slug: string): Promise<string[]> {
  catalog ??= loadCatalog(campaignsDir());
  const targets = (await catalog).targets(slug)?.targets ?? [];
  return targets.flatMap((target) => (target.photo ? [new URL(target.photo).origin] : []));
}

export interface CspLines {
  script: string;
  connect: string;
  style: string;
  img?: string;
  /** Only with a CAPTCHA provider: its challenge is a frame. */
  captchaFrame?: string;
  frame: string;
  frameStyle: string;
}

/** One directive per line, ready to merge into the partner's own policy. */
export function cspLines(
  siteOrigin: string,
  photoOrigins: readonly string[] = [],
  captcha?: CaptchaProvider,
): CspLines {
  const line = (directive: Parameters<typeof captchaSources>[1], ...sources: string[]) =>
    `${[directive, ...sources, ...captchaSources(captcha, directive)].join(' ')};`;
  return {
    script: line('script-src', siteOrigin),
    connect: line('connect-src', siteOrigin),
    style: line('style-src', reserveStyleHash()),
    img: photoOrigins.length ? `img-src ${[...new Set(photoOrigins)].join(' ')};` : undefined,
    captchaFrame: captcha ? line('frame-src') : undefined,
    frame: `frame-src ${siteOrigin};`,
    frameStyle: `style-src 'unsafe-hashes' ${hash(FRAME_STYLE)};`,
  };
}
