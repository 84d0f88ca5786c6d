/**
 * The campaign site around the widgets: publishing (a new campaign file appears after a build; a bad one stops the
 * build naming the file and the field), link previews, the partner embed page (its snippet works pasted into a
 * page on another origin under the Content-Security-Policy it prints; the configurator restyles the preview; the
 * iframe), no layout shift from a widget on a partner page or an action page. Every page of the build is walked
 * once, in csp.test.ts: headers, policy, axe, layout shift and script errors together.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sitePages } from '../../functions/security/site-policy.ts';
import { RESERVE_STYLE } from '../../widgets/reserve.ts';
import { shifts, watchShifts } from './csp-watch.ts';
import { count, launch, type RunningServer, startServer } from './harness.ts';

const built = inject('built');
const EXAMPLES = 'site/pages/guide/_examples';
const KINDS = ['petition', 'survey', 'event', 'call'] as const;
const ACTION_PAGES = [
  'fix-the-fountain',
  'plant-more-trees',
  'what-the-square-needs',
  'block-listening',
  'town-hall-meeting',
  'call-the-parks-director',
];
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(built);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function astroBuild(content: string, out: string, env: Record<string, string> = {}) {
  return spawnSync('npx', ['astro', 'build', '--silent'], {
    env: { ...process.env, LADDER_CONTENT: content, LADDER_SITE_OUT: out, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
  });
}

/** A page on another origin, with its own Content-Security-Policy header. */
async function partnerSite(pages: Record<string, { html: string; csp?: string }>) {
  const srv: Server = createServer((req, res) => {
    const page = pages[req.url?.split('?')[0] ?? '/'];
    res.writeHead(page ? 200 : 404, {
      'Content-Type': 'text/html; charset=utf-8',
      ...(page?.csp ? { 'Content-Security-Policy': page.csp } : {}),
    });
    res.end(page?.html ?? 'not found');
  });
  await new Promise<void>((resolve) => srv.listen(built.partnerPort, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${built.partnerPort}`,
    close: () => new Promise<void>((resolve) => srv.close(() => resolve())),
  };
}

describe('publishing', () => {
  it('builds the guide’s example of each kind into a page with its share image and absolute preview links, listed and served', async () => {
    const content = mkdtempSync(join(tmpdir(), 'ladder-site-content-'));
    const out = join(mkdtempSync(join(tmpdir(), 'ladder-site-out-')), 'site');
    for (const kind of KINDS) copyFileSync(join(EXAMPLES, `${kind}.md`), join(content, `example-${kind}.md`));
    const result = astroBuild(content, out, { LADDER_SITE_URL: 'https://campaign.example' });
    expect(result.status, result.stderr + result.stdout).toBe(0);
    for (const kind of KINDS) {
      const html = readFileSync(join(out, `act/example-${kind}/index.html`), 'utf8');
      expect(html).toContain(`<link rel="canonical" href="https://campaign.example/act/example-${kind}/">`);
      expect(html).toContain(`<meta property="og:image" content="https://campaign.example/og/example-${kind}.png">`);
      expect(
        readFileSync(join(out, `og/example-${kind}.png`))
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
      expect(existsSync(join(out, `embed/example-${kind}/frame/index.html`))).toBe(true);
    }
    // The petition example carries a strategy chart.
    const petition = readFileSync(join(out, 'act/example-petition/index.html'), 'utf8');
    expect(petition).toContain('Our strategy');
    expect(petition).toContain('Councillor Maria Ortiz, chair of the budget committee');

    // Served as `npm start` serves a build, in Chromium: each new campaign is listed and has its page and its form.
    const published = await startServer({ ...built, content, site: out });
    const page = await browser.newPage();
    try {
      for (const kind of KINDS) {
        const title = /^title: (.*)$/m.exec(readFileSync(join(EXAMPLES, `${kind}.md`), 'utf8'))![1];
        await page.goto(`${published.url}/`);
        await page.getByRole('link', { name: title }).click();
        expect(new URL(page.url()).pathname).toBe(`/act/example-${kind}/`);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
        await page.locator('main form').first().waitFor();
      }
    } finally {
      await page.close();
      await published.stop();
    }
  });

  it('stops the build on a bad campaign file, naming the file, the field and the fix', () => {
    const content = mkdtempSync(join(tmpdir(), 'ladder-site-bad-'));
    mkdirSync(content, { recursive: true });
    const text = readFileSync(join(EXAMPLES, 'petition.md'), 'utf8')
      .replace(/^goal: .*$/m, 'goal: lots')
      .replace(/^ {2}ask: .*$/m, '');
    writeFileSync(join(content, 'light-the-footpath.md'), text);
    const result = astroBuild(content, join(content, 'out'));
    // What the organizer reads, without the terminal's colours (CI=true makes Astro colour its errors).
    const output = (result.stdout + result.stderr).replace(
      new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'),
      '',
    );
    expect(result.status).not.toBe(0);
    expect(output).toContain(join(content, 'light-the-footpath.md'));
    expect(output).toContain('goal: must be a whole number, like 1000');
    expect(output).toContain('petition.ask: is missing: add it to the frontmatter');
  });
});

describe('action pages', () => {
  it('have Open Graph and Twitter tags and a PNG share image', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/act/plant-more-trees/`);
    const meta = (key: string) =>
      page.locator(`meta[property="${key}"], meta[name="${key}"]`).first().getAttribute('content');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await meta('og:title')).toBe('Plant 500 street trees');
    expect(await meta('og:description')).toBe('Shade for the hottest blocks in town.');
    expect(await meta('og:type')).toBe('article');
    expect(await meta('og:locale')).toBe('es_ES');
    expect(await meta('twitter:card')).toBe('summary_large_image');
    const image = await meta('og:image');
    expect(image).toBe('/og/plant-more-trees.png');
    const res = await fetch(new URL(image!, server.url));
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    await page.close();
  });

  it('keep a signature sent before the widget has hydrated, and send it once it has', async () => {
    const before = await count(server, 'fix-the-fountain');
    const page = await browser.newPage();
    // The island's component module is held back: the form on screen is the server's plain HTML.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    await page.route(/\/_astro\/widgets\.[\w-]+\.js$/, async (route) => {
      held = true;
      await released;
      await route.continue();
    });
    await page.goto(`${server.url}/act/fix-the-fountain/`);
    const widget = page.locator('ladder-petition');
    expect(await widget.getAttribute('defer-hydration')).toBe('');
    const person = { givenName: 'Early', familyName: 'Bird', email: 'early@example.org', postcode: '94110' };
    for (const [name, value] of Object.entries(person)) await widget.locator(`[name=${name}]`).fill(value);
    await widget.locator('[part=submit]').click();
    // Still this page (a native post would have left it for a 404), the typed values kept.
    expect(held).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/act/fix-the-fountain/');
    expect(await widget.locator('[name=email]').inputValue()).toBe('early@example.org');
    release();
    await widget.locator('[part=thanks]').waitFor();
    expect(await count(server, 'fix-the-fountain')).toBe(before + 1);
    await page.close();
  });

  it('render the strategy chart as headings, lists and a table', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/act/what-the-square-needs/`);
    const chart = page.getByRole('region', { name: 'Our strategy' });
    await expect(chart.getByRole('heading', { name: 'Goals' }).count()).resolves.toBe(1);
    await expect(chart.getByRole('table', { name: 'Benchmarks' }).getByRole('row').count()).resolves.toBe(3);
    await page.close();
  });
});

describe('the partner embed page', () => {
  it('gives a snippet and a Content-Security-Policy that work on a page on another origin', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/embed/fix-the-fountain/`);
    const snippet = (await page.locator('#embed-code').textContent())!;
    const csp = (await page.locator('#embed-csp').textContent())!;
    expect(snippet).toBe(
      `<script type="module" src="${server.url}/embed.js"></script>\n<style>${RESERVE_STYLE}</style>\n<ladder-petition campaign="fix-the-fountain"></ladder-petition>`,
    );
    expect(csp).toMatch(
      /^script-src http:\/\/localhost:\d+;\nconnect-src http:\/\/localhost:\d+;\nstyle-src 'sha256-[\w+/=]+';$/,
    );
    await page.close();

    // A strict partner policy: nothing but its own origin, plus the lines the embed page printed.
    const policy = `default-src 'self'; ${csp.replace(/\n/g, ' ')}`;
    const partner = await partnerSite({
      '/': {
        csp: policy,
        html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title></head>
<body><main><h1>Our partner's page</h1>${snippet}<p id="below">Below the widget.</p></main></body></html>`,
      },
    });
    try {
      const before = await count(server, 'fix-the-fountain');
      const visitor = await browser.newPage();
      await watchShifts(visitor);
      await visitor.goto(partner.url);
      const widget = visitor.locator('ladder-petition');
      await widget.locator('[part=submit]').waitFor();
      await widget
        .locator('[part=meter] strong')
        .filter({ hasText: String(before) })
        .waitFor();
      const person = { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', postcode: '94110' };
      for (const [name, value] of Object.entries(person)) await widget.locator(`[name=${name}]`).fill(value);
      await widget.locator('[part=submit]').click();
      await widget.locator('[part=thanks]').waitFor();
      expect(await count(server, 'fix-the-fountain')).toBe(before + 1);
      const { violations, shift } = await shifts(visitor);
      expect(violations).toEqual([]);
      console.log(`[site] layout shift on the partner page while the widget loads: ${shift}`);
      await visitor.close();
    } finally {
      await partner.close();
    }
  });

  it('moves nothing on the partner page while any of the four widgets loads, wide or on a phone', async () => {
    const widgets = [
      { tag: 'ladder-petition', slug: 'fix-the-fountain', ready: '[part=meter] strong' },
      { tag: 'ladder-survey', slug: 'what-the-square-needs', ready: '[part=question]' },
      { tag: 'ladder-rsvp', slug: 'town-hall-meeting', ready: '[part=when]' },
      { tag: 'ladder-call', slug: 'call-the-parks-director', ready: '[part=count]' },
    ];
    // The page's own text above and below the snippet, pasted exactly as the embed page gives it (its `<style>`
    // puts the reserved space there at the first paint), or only its script line (logged: the browser may paint
    // once before the module script has run and added the style).
    const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>`;
    const pasted = (snippet: string) =>
      `${head}<body><main><h1>Our partner's page</h1><p>Why we support this campaign.</p>
${snippet}
<p id="below">Below the widget.</p></main></body></html>`;
    const embedPage = await browser.newPage();
    const pages: Record<string, { html: string }> = {};
    for (const { tag, slug } of widgets) {
      await embedPage.goto(`${server.url}/embed/${slug}/`);
      const snippet = (await embedPage.locator('#embed-code').textContent())!;
      pages[`/${tag}/snippet`] = { html: pasted(snippet) };
      pages[`/${tag}/script`] = { html: pasted(snippet.replace(/<style>.*<\/style>\n/, '')) };
    }
    await embedPage.close();
    const partner = await partnerSite(pages);
    try {
      for (const viewport of [
        { width: 1024, height: 900 },
        { width: 375, height: 1400 },
      ]) {
        const context = await browser.newContext({ viewport });
        for (const { tag, ready } of widgets) {
          const moved: Record<string, { page: number; all: number }> = {};
          for (const variant of ['snippet', 'script']) {
            const visitor = await context.newPage();
            await watchShifts(visitor);
            await visitor.goto(`${partner.url}/${tag}/${variant}`);
            // Shown with its campaign and live numbers (the count, places left), then two frames for the entries.
            await visitor.locator(`${tag} ${ready}`).filter({ hasText: /\S/ }).first().waitFor();
            await visitor.waitForLoadState('networkidle');
            await visitor.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
            expect(await visitor.locator('#below').isVisible()).toBe(true);
            const { page, shift } = await shifts(visitor);
            moved[variant] = { page, all: shift };
            await visitor.close();
          }
          console.log(`[site] <${tag}> on a partner page ${viewport.width} px wide: layout shift`, moved);
          expect(moved.snippet, `<${tag}> at ${viewport.width} px`).toEqual({ page: 0, all: 0 });
        }
        await context.close();
      }
    } finally {
      await partner.close();
    }
  });

  it('restyles the live preview from the configurator and writes the CSS', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/embed/fix-the-fountain/`);
    const submit = page.locator('#preview-frame ladder-petition [part=submit]');
    await submit.waitFor();
    const background = () => submit.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background()).toBe('rgb(11, 93, 59)');
    await page.getByLabel('Accent (buttons, progress bar)').fill('#7a1f5c');
    expect(await background()).toBe('rgb(122, 31, 92)');
    await page.getByLabel('Corner radius (pixels)').fill('0');
    expect(await submit.evaluate((el) => getComputedStyle(el).borderTopLeftRadius)).toBe('0px');
    const css = await page.locator('#theme-css').textContent();
    expect(css).toContain('ladder-petition {');
    expect(css).toContain('--ladder-accent: #7a1f5c;');
    expect(css).toContain('--ladder-radius: 0px;');
    // A low-contrast pick is announced.
    await page.getByLabel('Text on the accent', { exact: true }).fill('#8a3f6c');
    await expect(page.locator('.warning').textContent()).resolves.toContain('Low contrast');
    await page.close();
  });

  it('offers an iframe that shows the widget alone, titled', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/embed/town-hall-meeting/`);
    const iframe = (await page.locator('#embed-frame').textContent())!;
    expect(iframe).toContain(`src="${server.url}/embed/town-hall-meeting/frame/"`);
    expect(iframe).toContain('title="Town hall on the fountain"');
    const partner = await partnerSite({
      '/': { html: `<!doctype html><html lang="en"><head><title>Partner</title></head><body>${iframe}</body></html>` },
    });
    try {
      await page.goto(partner.url);
      await page.frameLocator('iframe').locator('ladder-rsvp form').first().waitFor();
    } finally {
      await partner.close();
    }
    await page.close();
  });
});

describe('accessibility', () => {
  // Every page the build wrote, so a new page is checked without being listed here: each kind's action, embed and
  // frame pages, the guide and the dashboard in every language, the widget reference, check-in, not found...
  const pages = sitePages(built.site).map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`);
  it('finds every kind of page to check', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', '/guide/ar/', '/organize/es/', '/checkin/', '/404.html']));
    expect(pages.filter((path) => path.startsWith('/act/') && !path.endsWith('/results/'))).toHaveLength(
      ACTION_PAGES.length,
    );
    expect(pages).toContain('/act/block-listening/results/');
    // The reference's index and one page per element: petition, survey, RSVP, call, letter.
    expect(pages.filter((path) => path.startsWith('/widgets/'))).toHaveLength(6);
  });
  it('are whole documents: nothing after </html> on any page (a page script outside the layout lands there)', () => {
    const trailing = sitePages(built.site).flatMap((file) => {
      const html = readFileSync(join(built.site, file), 'utf8');
      const after = html.slice(html.lastIndexOf('</html>') + '</html>'.length).trim();
      return html.includes('</html>') && !after ? [] : [`${file}: ${after.slice(0, 80) || 'no </html>'}`];
    });
    expect(trailing).toEqual([]);
  });
});
