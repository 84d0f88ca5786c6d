/**
 * The share image of a campaign (Open Graph, 1200×630): its kind, title and summary on the site's accent colour.
 * Drawn as SVG, then rasterized to PNG at build time with resvg (a prebuilt binary inside its npm package), since
 * most platforms (Facebook, X, WhatsApp, Signal, Slack) ignore SVG previews. The fonts come from npm too (Noto Sans
 * and Noto Sans Arabic), so the image is the same on a machine with no system fonts.
 *
 * Each image is kept in a cache folder under the hash of its SVG, the fonts and resvg's version (LADDER_OG_CACHE,
 * default node_modules/.cache/ladder-og): a rebuild after a publish draws only the new and changed campaigns'
 * images (drawing took ~0.1 s an image under load: 22 of 30 s of a build with 200 campaigns). Nothing prunes it:
 * an image is about 30 KB, a thousand campaigns' worth is 30 MB; delete the folder at will.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { Lang } from '../../../schema/limits.ts';

export const SHARE_IMAGE = { width: 1200, height: 630, type: 'image/png' } as const;

const require = createRequire(import.meta.url);
const FONTS = [
  '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
].map((font) => require.resolve(font));
/** What else decides the pixels: the renderer's version and the fonts (their sizes stand for their versions). */
const RENDERER = [
  (require('@resvg/resvg-js/package.json') as { version: string }).version,
  ...FONTS.map((font) => statSync(font).size),
].join(' ');

export interface ShareImageText {
  /** "Petition", in the campaign's language. */
  kind: string;
  title: string;
  summary: string;
  /** The bottom line: the site's host, or "Ladder". */
  footer: string;
  lang: Lang;
}

const escape = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * Greedy line breaking by an average glyph width (resvg does not wrap). Past `max` lines the last one ends with
 * an ellipsis. Good enough for a preview; the page itself has the whole text.
 */
export function wrap(text: string, perLine: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines.map((l) => (l.length > perLine ? `${l.slice(0, perLine - 1)}…` : l));
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1].slice(0, perLine - 1).replace(/[\s,.;:]+$/, '')}…`;
  return kept;
}

export function shareSvg({ kind, title, summary, footer, lang }: ShareImageText): string {
  const { width, height } = SHARE_IMAGE;
  const rtl = lang === 'ar';
  const x = rtl ? width - 80 : 80;
  const anchor = rtl ? 'end' : 'start';
  const family = rtl ? "'Noto Sans Arabic', 'Noto Sans'" : "'Noto Sans', 'Noto Sans Arabic'";
  const size = title.length <= 40 ? 72 : title.length <= 80 ? 60 : 52;
  const titleLines = wrap(title, Math.floor(1040 / (size * 0.56)), 3);
  let y = 130;
  const text = (lines: string[], fontSize: number, weight: number, fill: string, leading: number) =>
    lines
      .map((line) => {
        const out = `<text x="${x}" y="${y}" font-size="${fontSize}" font-weight="${weight}" fill="${fill}">${escape(line)}</text>`;
        y += leading;
        return out;
      })
      .join('');
  const kindLine = text([kind.toLocaleUpperCase(lang)], 30, 700, '#cfe8dc', 0);
  y = 130 + 90 + size * 0.2;
  const titleSvg = text(titleLines, size, 700, '#ffffff', size * 1.18);
  y += 24;
  // As many summary lines as fit above the footer band.
  const room = Math.floor((height - 96 - 24 - (y - 34)) / 48);
  const summarySvg = room > 0 ? text(wrap(summary, 52, Math.min(room, 3)), 34, 400, '#e6f2ec', 48) : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="${width}" height="${height}" fill="#0b5d3b"/>
<rect y="${height - 96}" width="${width}" height="96" fill="#084a2f"/>
<g font-family="${family}" text-anchor="${anchor}" direction="${rtl ? 'rtl' : 'ltr'}">${kindLine}${titleSvg}${summarySvg}
<text x="${x}" y="${height - 36}" font-size="30" font-weight="700" fill="#ffffff">${escape(footer)}</text></g>
</svg>`;
}

const defaultCache = () => resolve(process.env.LADDER_OG_CACHE?.trim() || 'node_modules/.cache/ladder-og');

export function sharePng(text: ShareImageText, cache = defaultCache()): Buffer {
  const svg = shareSvg(text);
  const file = join(cache, `${createHash('sha256').update(`${RENDERER}\n${svg}`).digest('hex')}.png`);
  try {
    return readFileSync(file);
  } catch {
    // Not drawn yet.
  }
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: FONTS, defaultFontFamily: 'Noto Sans' },
  });
  const png = resvg.render().asPng();
  try {
    mkdirSync(cache, { recursive: true });
    // Written beside, then renamed: two builds at once never read half an image.
    writeFileSync(`${file}.${process.pid}`, png);
    renameSync(`${file}.${process.pid}`, file);
  } catch (error) {
    console.warn(`[og] could not keep ${file}: ${(error as Error).message}`);
  }
  return png;
}
