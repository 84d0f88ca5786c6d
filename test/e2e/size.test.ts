/**
 * Size budgets (package.json `sizeBudgets`), on the widgets the e2e setup built. Bytes are deterministic. The
 * partner-page download is measured as a browser makes it: the scripts Chromium fetches while a supporter signs.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closureSize, fileSize, jsFiles, partnerDownload } from '../../scripts/bundle-sizes.ts';
import { launch, partnerPage, type RunningServer, startPartner, startServer } from './harness.ts';

const built = inject('built');
const { embed } = built;
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

describe('what a supporter downloads to sign from a partner page (gzip)', () => {
  let server: RunningServer;
  let browser: Browser;
  let partner: Awaited<ReturnType<typeof startPartner>>;

  beforeAll(async () => {
    server = await startServer(built);
    browser = await launch();
    partner = await startPartner(built.partnerPort, { '/': partnerPage(server.url, 'fix-the-fountain') });
  });

  afterAll(async () => {
    await browser?.close();
    await partner?.close();
    await server?.stop();
  });

  it(`embed.js, the petition and what it loads up to the thank-you stay within ${budgets.partner} bytes`, async () => {
    const page = await browser.newPage();
    // Every script the page fetches from the campaign's site, as Chromium reports it on the network.
    const fetched = new Set<string>();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin === server.url && url.pathname.endsWith('.js')) fetched.add(url.pathname.slice(1));
    });
    await page.goto(`${partner.url}/`);
    const field = (name: string) => page.locator(`ladder-petition [name=${name}]`);
    await field('email').waitFor();
    for (const [name, value] of Object.entries({
      givenName: 'Grace',
      familyName: 'Hopper',
      email: 'grace.size@example.org',
      postcode: '10001',
    })) {
      await field(name).click();
      await page.keyboard.type(value);
    }
    await page.keyboard.press('Enter');
    await page.locator('ladder-petition [part=thanks] h2').waitFor();
    await page.close();

    const files = [...fetched].sort();
    const gzip = files.reduce((sum, file) => sum + fileSize(embed, file).gzip, 0);
    // The bench's figure (scripts/bundle-sizes.ts, read from the built chunks) is what the browser fetched.
    const expected = partnerDownload(embed, chunkOf('petition')!);
    expect(files).toEqual(expected.files);
    expect(gzip, files.join(' + ')).toBe(expected.gzip);
    expect(gzip, files.join(' + ')).toBeLessThanOrEqual(budgets.partner);
  });
});
