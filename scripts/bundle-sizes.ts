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
