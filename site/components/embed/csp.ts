/**
 * The Content-Security-Policy sources a partner page needs for the embed, worked out from what the widgets do:
 * - script-src: `/embed.js` and the `/w/…` chunks it imports, all on the site's origin.
 * - connect-src: `fetch` to the API (the campaign, the live count, actions, call targets), by default the same
 *   origin that served embed.js.
 * - style-src: embed.js appends one `<style>` (widgets/embed.ts) that reserves the widgets' space until they load.
 *   Its hash allows exactly that text. The widgets' own CSS goes through Lit's adoptedStyleSheets (constructed
 *   style sheets), which CSP does not govern, and they set no `style` attributes.
 * - img-src: only a call campaign's target photos.
 * test/e2e/site.test.ts serves a partner page with these lines as its policy and fails on any violation, so a
 * change to embed.ts's style text that is not mirrored here is caught.
 */
import { createHash } from 'node:crypto';
import { RESERVE_STYLE } from '../../../widgets/reserve.ts';

/** The hash of the `<style>` embed.js appends: the same constant it uses (widgets/reserve.ts), so it always matches. */
export const reserveStyleHash = (): string =>
  `'sha256-${createHash('sha256').update(RESERVE_STYLE, 'utf8').digest('base64')}'`;

export interface CspLines {
  script: string;
  connect: string;
  style: string;
  img?: string;
  frame: string;
}

/** One directive per line, ready to merge into the partner's own policy. */
export function cspLines(siteOrigin: string, photoOrigins: readonly string[] = []): CspLines {
  return {
    script: `script-src ${siteOrigin};`,
    connect: `connect-src ${siteOrigin};`,
    style: `style-src ${reserveStyleHash()};`,
    img: photoOrigins.length ? `img-src ${[...new Set(photoOrigins)].join(' ')};` : undefined,
    frame: `frame-src ${siteOrigin};`,
  };
}
