/**
 * Bytes that supporters download: each built widget file gzip'd (-9) and brotli'd (11), and for each entry the
 * closure of its static imports (what the browser must fetch before the element works). Used by the size test
 * and by `npm run bench`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
}

export function fileSize(dir: string, file: string): FileSize {
  const content = readFileSync(join(dir, file));
  return {
    file,
    bytes: content.length,
    gzip: gzipSync(content, { level: 9 }).length,
    brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** package.json's `sizeBudgets` (bytes gzip -9 by widget, `all`, `partner`, `embed.js`). Run from the repository root. */
export const sizeBudgets = (): Record<string, number> =>
  (JSON.parse(readFileSync('package.json', 'utf8')) as { sizeBudgets: Record<string, number> }).sizeBudgets;

export function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .sort();
}

/** `import … from "./x.js"` and `import "./x.js"`; not `import("./x.js")`, which loads later and only if needed. */
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+)["']/g;

/** The file and every file it imports statically, transitively, relative to `dir`. */
export function staticClosure(dir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const [, spec] of code.matchAll(STATIC_IMPORT)) {
      visit(relative(dir, resolve(dir, dirname(file), spec)));
    }
  };
  visit(entry);
  return [...seen].sort();
}

/** Sum of the gzip sizes of the files (each compressed on its own, as the server sends them). */
export function closureSize(dir: string, entry: string): { files: string[]; gzip: number; brotli: number } {
  const files = staticClosure(dir, entry);
  const sizes = files.map((file) => fileSize(dir, file));
  return {
    files,
    gzip: sizes.reduce((sum, s) => sum + s.gzip, 0),
    brotli: sizes.reduce((sum, s) => sum + s.brotli, 0),
  };
}

/** `import("./x.js")`: a chunk loaded later (on idle, on first interaction, after submitting), if at all. */
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g;

/** Other languages' dictionaries (`w/es-….js`): loaded only for that language, listed apart. */
export const isDictionary = (file: string): boolean => /(^|\/)(es|fr|ar)-[\w-]+\.js$/.test(file);

/**
 * The chunks a widget may load after its static closure: its dynamic imports and theirs, transitively, with their
 * own static imports, less what the closure already has. Dictionaries go to `dictionaries`, not `files`.
 */
export function lazyChunks(dir: string, entry: string): { files: string[]; dictionaries: string[]; gzip: number } {
  const loaded = new Set(staticClosure(dir, entry));
  const found = new Set<string>();
  const queue = [...loaded];
  while (queue.length) {
    const file = queue.shift()!;
    const code = readFileSync(join(dir, file), 'utf8');
    for (const [, spec] of code.matchAll(DYNAMIC_IMPORT)) {
      for (const next of staticClosure(dir, relative(dir, resolve(dir, dirname(file), spec)))) {
        if (loaded.has(next) || found.has(next)) continue;
        found.add(next);
        queue.push(next);
      }
    }
  }
  const all = [...found].sort();
  const files = all.filter((file) => !isDictionary(file));
  return {
    files,
    dictionaries: all.filter(isDictionary),
    gzip: files.reduce((sum, file) => sum + fileSize(dir, file).gzip, 0),
  };
}

/**
 * Lazy chunks a supporter meets only off the common path: a CAPTCHA, canvasser mode (its screen and batches), a
 * second try (outbox-retry: a send that failed, or one an earlier page left), and
 * the plural rules that only other languages' dictionaries import.
 */
const OFF_PATH = /(^|\/)(captcha|canvass|outbox-batch|outbox-retry|plural)-[\w-]+\.js$/;

/**
 * What a supporter's browser downloads to act from a partner's page, up to the success view: `embed.js`, the
 * widget's static closure, and the chunks it loads on the way (the outbox, later steps, the thank-you), in English.
 * test/e2e/size.test.ts checks that a real browser signing a petition fetches exactly these files.
 */
export function partnerDownload(dir: string, entry: string): { files: string[]; gzip: number } {
  const lazy = lazyChunks(dir, entry).files.filter((file) => !OFF_PATH.test(file));
  const files = [...new Set(['embed.js', ...staticClosure(dir, entry), ...lazy])].sort();
  return { files, gzip: files.reduce((sum, file) => sum + fileSize(dir, file).gzip, 0) };
}
