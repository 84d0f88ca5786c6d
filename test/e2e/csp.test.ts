/**
 * The site's security headers on the built site and the real server: every page of the build loads in Chromium under
 * its strict Content-Security-Policy with no violation (reported events and console errors alike), with axe finding
 * nothing, no layout shift and no script error (one walk for all page-wide checks), also while it is
 * used (a petition signed, the theme configurator, the dashboard's charts, host check-in, the RSVP manage page);
 * the other headers are there; only the frame page can be framed; the API answers under its own policy; and the
 * `_headers` file written for static hosts gives every page the policy the Node server gives it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sitePages } from '../../functions/security/site-policy.ts';
import { hydrated, shifts, watchedPage, watchShifts } from './csp-watch.ts';
import { axeViolations, launch, POSIX_LOCALE, type RunningServer, startPartner, startServer } from './harness.ts';

const built = inject('built');
const TOKEN = 'csp-test-admin-token-2468';
let server: RunningServer;
let browser: Browser;

/** `act/x/index.html` -> `/act/x/`; `404.html` stays a file. */
const urlPath = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
const PAGES = sitePages(built.site).map(urlPath);

beforeAll(async () => {
  server = await startServer(built, { LADDER_ADMIN_TOKEN: TOKEN });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page in a context of its own: no service worker, storage or remembered sign-in from another test. */
const watched = async () => watchedPage(await browser.newContext());

describe('every page of the build', () => {
  it('finds the pages to check', () => {
    expect(PAGES).toEqual(expect.arrayContaining(['/', '/404.html', '/organize/', '/checkin/', '/rsvp/', '/guide/']));
    // One action page per fixture campaign (test/e2e/fixtures.ts; a public survey's results page besides).
    expect(PAGES.filter((path) => /^\/act\/[^/]+\/$/.test(path)).length).toBe(6);
    expect(PAGES).toContain('/embed/fix-the-fountain/frame/');
  });

  for (const path of PAGES) {
    // One walk for every page-wide check, each of which used to load every page again: headers and policy (no
    // violation, reported or in the console), axe, no layout shift, and no script error in a browser whose locale
    // is en-US@posix (Chromium reports it on Linux with LANG=C.UTF-8 and Intl refuses it: a page must not build
    // its Intl from it).
    it(`${path}: its headers, no policy violation, axe finds nothing, nothing shifts, no script fails`, async () => {
      const { page, violations } = await watchedPage(await browser.newContext({ locale: POSIX_LOCALE }));
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await watchShifts(page);
      const response = (await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' }))!;
      await hydrated(page);
      const headers = response.headers();
      const csp = headers['content-security-policy'];
      expect(csp).toMatch(/(^|; )script-src 'self'( 'sha256-[\w+/=]+')*(;|$)/);
      expect(csp).toMatch(/(^|; )style-src 'self'( 'sha256-[\w+/=]+')*(;|$)/);
      expect(csp).not.toContain('unsafe');
      for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "worker-src 'self'"]) {
        expect(csp).toContain(directive);
      }
      expect(csp).toContain(/\/frame\/$/.test(path) ? 'frame-ancestors *' : "frame-ancestors 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['cross-origin-opener-policy']).toBe('same-origin');
      // Plain http: no Strict-Transport-Security.
      expect(headers['strict-transport-security']).toBeUndefined();
      expect(await axeViolations(page)).toEqual([]);
      // The browser here is in UTC and the event in Chicago: <ladder-rsvp> re-renders its date in the supporter's
      // zone once hydrated, in the lines the action page keeps for it.
      expect((await shifts(page)).shift).toBe(0);
      expect(errors).toEqual([]);
      expect(await violations()).toEqual([]);
      await page.context().close();
    });
  }
});

describe('pages in use', () => {
  it('signs a petition on its action page, with the service worker installed', async () => {
    const { page, violations } = await watched();
    await page.goto(`${server.url}/act/fix-the-fountain/`);
    await hydrated(page);
    // The worker registers once the page is idle and precaches under its own policy (worker-src, connect-src).
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toMatch(
      /\/sw\.js$/,
    );
    const widget = page.locator('ladder-petition');
    // Invalid first: the errors are shown and announced.
    await widget.locator('[part=submit]').click();
    await widget.locator('[aria-invalid=true]').first().waitFor();
    const person = { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', postcode: '94110' };
    for (const [name, value] of Object.entries(person)) await widget.locator(`[name=${name}]`).fill(value);
    await widget.locator('[part=submit]').click();
    await widget.locator('[part=thanks] h2').waitFor();
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('restyles the embed page’s live preview from the theme configurator', async () => {
    const { page, violations } = await watched();
    await page.goto(`${server.url}/embed/fix-the-fountain/`);
    await hydrated(page);
    const submit = page.locator('#preview-frame ladder-petition [part=submit]');
    await page.getByLabel('Accent (buttons, progress bar)').fill('#7a1f5c');
    await page.getByLabel('Corner radius (pixels)').fill('0');
    expect(await submit.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(122, 31, 92)');
    await page.getByRole('button', { name: 'Reset' }).click();
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('RSVPs on an event’s page, then opens the manage page from the private link', async () => {
    const { page, violations } = await watched();
    await page.goto(`${server.url}/act/town-hall-meeting/`);
    await hydrated(page);
    const widget = page.locator('ladder-rsvp');
    const person = { givenName: 'Rosa', familyName: 'Parks', email: 'rosa@example.org' };
    for (const [name, value] of Object.entries(person)) await widget.locator(`[name=${name}]`).fill(value);
    await widget.locator('[part=submit]').click();
    const manage = widget.locator('[part=manage]');
    await manage.waitFor();
    expect(await manage.getAttribute('href')).toMatch(/\/rsvp\/\?t=\w+$/);
    expect(await violations()).toEqual([]);
    await manage.click();
    await page.locator('#event-title').filter({ hasText: 'Town hall on the fountain' }).waitFor();
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('shows the dashboard’s charts, and the host check-in with its QR code', async () => {
    const { page, violations } = await watched();
    await page.goto(`${server.url}/organize/`);
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // A bar chart (bar widths set in script) and a canvas chart (uPlot).
    await page.locator('#chart-rungs .fill').first().waitFor({ state: 'attached' });
    const widths = await page
      .locator('#chart-rungs .fill')
      .evaluateAll((fills) => fills.map((fill) => (fill as HTMLElement).style.inlineSize));
    // The longest bar fills its track; every bar has its width.
    expect(widths).toContain('100%');
    for (const width of widths) expect(width).toMatch(/^\d+(\.\d+)?%$/);
    await page.locator('#chart-movement-plot canvas').waitFor();
    expect(await violations()).toEqual([]);
    await page.context().close();

    // The token is remembered for the session: a new browser context signs in again.
    const checkin = await watched();
    await checkin.page.goto(`${server.url}/checkin/?event=town-hall-meeting`);
    await checkin.page.getByLabel('Admin token').fill(TOKEN);
    await checkin.page.getByRole('button', { name: 'Sign in' }).click();
    await checkin.page.locator('#checkin-qr svg').waitFor();
    await checkin.page.locator('#checkin-list > li').first().waitFor();
    expect(await checkin.violations()).toEqual([]);
    await checkin.page.context().close();
  });
});

describe('framing', () => {
  it('lets any website frame the frame page, and no website frame the others', async () => {
    const partner = await startPartner(built.partnerPort, {
      '/frame': `<!doctype html><title>Partner</title><iframe src="${server.url}/embed/fix-the-fountain/frame/"></iframe>`,
      '/page': `<!doctype html><title>Partner</title><iframe src="${server.url}/act/fix-the-fountain/"></iframe>`,
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${partner.url}/frame`);
      await page.frameLocator('iframe').locator('ladder-petition [part=submit]').waitFor();
      const refused = page.waitForEvent('console', (message) => /frame-ancestors/.test(message.text()));
      await page.goto(`${partner.url}/page`);
      await refused;
      expect(await page.frames()[1].locator('ladder-petition').count()).toBe(0);
      await page.context().close();
    } finally {
      await partner.close();
    }
  });
});

describe('the other headers', () => {
  it('sends the not-found page with its policy', async () => {
    const res = await fetch(`${server.url}/act/no-such-campaign/`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('adds Strict-Transport-Security behind a proxy that says the request came over https', async () => {
    const res = await fetch(`${server.url}/`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('answers the API under a policy that allows nothing, errors included', async () => {
    for (const path of ['/api/campaigns/fix-the-fountain', '/api/campaigns/no-such-campaign', '/api/admin/funnel']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get('content-security-policy'), path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('writes _headers for static hosts that give each page what the Node server gives it', async () => {
    const result = spawnSync(process.execPath, ['scripts/headers.ts'], {
      env: { ...process.env, LADDER_SITE_OUT: built.site, LADDER_CONTENT: built.content },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    const rules = parseHeadersFile(readFileSync(join(built.site, '_headers'), 'utf8'));
    // The file is not served by the Node server.
    expect((await fetch(`${server.url}/_headers`)).status).toBe(404);
    for (const path of [...PAGES, ...PAGES.filter((p) => p.endsWith('/')).map((p) => `${p}index.html`)]) {
      const served = Object.fromEntries(
        (await fetch(`${server.url}${path}`, { headers: { 'X-Forwarded-Proto': 'https' } })).headers,
      );
      for (const host of ['netlify', 'cloudflare'] as const) {
        const given = headersFor(rules, path, host);
        for (const name of Object.keys(given)) expect(given[name], `${host} ${path} ${name}`).toBe(served[name]);
        expect(Object.keys(given).length, `${host} ${path}`).toBe(6);
      }
    }
  });
});

type Rules = { pattern: RegExp; headers: Record<string, string> }[];

/** The `_headers` format: a path (`*` any text, `:name` one segment), then indented `Name: value` lines. */
function parseHeadersFile(text: string): Rules {
  const rules: Rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .split(/(\*|:\w+)/)
        .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.?+]/g, '\\$&')))
        .join('');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: {} });
    } else {
      const [name, ...value] = line.trim().split(': ');
      rules.at(-1)!.headers[name.toLowerCase()] = value.join(': ');
    }
  }
  return rules;
}

/** Netlify keeps the last matching rule's value of a header; Cloudflare Pages joins them all with commas. */
function headersFor(rules: Rules, path: string, host: 'netlify' | 'cloudflare'): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { headers } of rules.filter((rule) => rule.pattern.test(path))) {
    for (const [name, value] of Object.entries(headers)) {
      result[name] = host === 'cloudflare' && result[name] ? `${result[name]}, ${value}` : value;
    }
  }
  return result;
}
