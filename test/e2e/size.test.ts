/** Size budgets (package.json `sizeBudgets`), on the widgets the e2e setup built. Bytes are deterministic. */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { closureSize, fileSize, jsFiles } from '../../scripts/bundle-sizes.ts';

const { embed } = inject('built');
const budgets = JSON.parse(readFileSync('package.json', 'utf8')).sizeBudgets as Record<string, number>;

/**
 * Every widget the autoloader knows, by chunk name: `'ladder-call': () => import('./call/call.ts')` -> `call`.
 * Read from the source, so a widget added to embed.ts is checked without anyone remembering to list it here.
 */
const widgets = [
  ...readFileSync('widgets/embed.ts', 'utf8').matchAll(
    /'ladder-[\w-]+':\s*\(\)\s*=>\s*import\('\.\/[\w-]+\/([\w-]+)\.ts'\)/g,
  ),
].map(([, name]) => name);

const chunkOf = (widget: string) => jsFiles(embed).find((file) => file.startsWith(`w/${widget}-`));

describe('size budgets (gzip)', () => {
  it(`embed.js stays within ${budgets['embed.js']} bytes`, () => {
    expect(fileSize(embed, 'embed.js').gzip).toBeLessThanOrEqual(budgets['embed.js']);
  });

  it('finds the five widgets in embed.ts', () => {
    expect(widgets).toEqual(expect.arrayContaining(['petition', 'survey', 'rsvp', 'call', 'letter']));
  });

  for (const widget of widgets) {
    // Each widget has its own entry in sizeBudgets: a widget added to embed.ts without one fails here.
    const budget = budgets[widget];
    it(`${widget} with Lit and the core stays within its budget (${budget} bytes)`, () => {
      expect(budget, `sizeBudgets.${widget} in package.json`).toBeTypeOf('number');
      const chunk = chunkOf(widget);
      expect(chunk, `no w/${widget}-*.js in ${embed}`).toBeDefined();
      const { gzip, files } = closureSize(embed, chunk!);
      if (widgets.length > 1) {
        expect(
          files.some((file) => file.startsWith('w/shared-')),
          'Lit and the core are in one shared chunk',
        ).toBe(true);
      }
      expect(gzip, `${files.join(' + ')}`).toBeLessThanOrEqual(budget);
    });
  }

  it(`all widgets together (each file once) stay within ${budgets.all} bytes`, () => {
    const files = new Set(
      widgets.flatMap((widget) => {
        const chunk = chunkOf(widget);
        expect(chunk, `no w/${widget}-*.js in ${embed}`).toBeDefined();
        return closureSize(embed, chunk!).files;
      }),
    );
    const gzip = [...files].reduce((sum, file) => sum + fileSize(embed, file).gzip, 0);
    expect(gzip).toBeLessThanOrEqual(budgets.all);
  });

  it('embed.js does not pull any widget in statically', () => {
    expect(closureSize(embed, 'embed.js').files).toEqual(['embed.js']);
  });
});
