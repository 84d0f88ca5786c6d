/** Size budgets (package.json `sizeBudgets`), on the widgets the e2e setup built. Bytes are deterministic. */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { closureSize, fileSize, jsFiles } from '../../scripts/bundle-sizes.ts';

const { embed } = inject('built');
const budgets = JSON.parse(readFileSync('package.json', 'utf8')).sizeBudgets as Record<string, number>;

describe('size budgets (gzip)', () => {
  it(`embed.js stays within ${budgets['embed.js']} bytes`, () => {
    expect(fileSize(embed, 'embed.js').gzip).toBeLessThanOrEqual(budgets['embed.js']);
  });

  for (const widget of ['petition']) {
    it(`${widget} with Lit and the core stays within ${budgets[widget]} bytes`, () => {
      const chunk = jsFiles(embed).find((file) => file.startsWith(`w/${widget}-`));
      expect(chunk, `no w/${widget}-*.js in ${embed}`).toBeDefined();
      const { gzip, files } = closureSize(embed, chunk!);
      expect(
        files.some((file) => file.startsWith('w/lit-')),
        'Lit is in its own shared chunk',
      ).toBe(true);
      expect(gzip).toBeLessThanOrEqual(budgets[widget]);
    });
  }

  it('embed.js does not pull any widget in statically', () => {
    expect(closureSize(embed, 'embed.js').files).toEqual(['embed.js']);
  });
});
