/** The iframe variant of the embed: its page, and a height that fits each kind's form at a usual width. */
import type { Kind } from '../../lib/i18n.ts';

export const framePath = (slug: string): string => `/embed/${slug}/frame/`;

/** Pixels. The frame scrolls inside when the content is taller (a thank-you with a long next ask, a long survey). */
export const FRAME_HEIGHT: Record<Kind, number> = { petition: 760, survey: 680, event: 760, call: 620, letter: 820 };

/** The frame's `style` attribute; a partner's strict Content-Security-Policy allows it by its hash (csp.ts). */
export const FRAME_STYLE = 'max-width: 32rem; border: 0;';

export function iframeSnippet(origin: string, slug: string, kind: Kind, title: string): string {
  const escaped = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${origin}${framePath(slug)}" title="${escaped}" width="100%" height="${FRAME_HEIGHT[kind]}" style="${FRAME_STYLE}" loading="lazy"></iframe>`;
}
