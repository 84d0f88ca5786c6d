/**
 * A partner's page on another origin under a strict Content-Security-Policy: nothing but its own files, plus exactly
 * the lines the embed page tells partners to add. All four widgets on one page are loaded, filled and submitted, and
 * a signature made offline is sent once back online, with not one violation. Then each printed line is left out in
 * turn and something is refused: none of them is superfluous.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hydrated, watchedPage } from './csp-watch.ts';
import { count, launch, type RunningServer, startServer } from './harness.ts';

const built = inject('built');
const PARTNER = `http://127.0.0.1:${built.partnerPort}`;
const WIDGETS = {
  petition: 'fix-the-fountain',
  survey: 'what-the-square-needs',
  rsvp: 'town-hall-meeting',
  call: 'call-the-parks-director',
} as const;
/** The partner's own policy before it adds Ladder: its own files only. */
const BASELINE =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

let server: RunningServer;
let browser: Browser;
let partner: Server;
/** The embed pages' lines, `directive source…;` each. */
let lines: string[];
/** The partner's pages by path: their text and their policy. */
const pages = new Map<string, { html: string; policy: string }>();

/** The fixture campaigns, each with the partner's origin on its allow-list (only the petition has it already). */
function partnerContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-partner-csp-'));
  for (const name of readdirSync(built.content)) {
    const text = readFileSync(join(built.content, name), 'utf8');
    writeFileSync(
      join(dir, name),
      /^partners:/m.test(text) ? text : text.replace(/^kind: .*$/m, (kind) => `${kind}\npartners: ["${PARTNER}"]`),
    );
  }
  return dir;
}

const widgetsPage = (origin: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<script type="module" src="${origin}/embed.js"></script></head>
<body><main><h1>Our partner's page</h1>
${Object.entries(WIDGETS)
  .map(([kind, slug]) => `<ladder-${kind} campaign="${slug}"></ladder-${kind}>`)
  .join('\n')}
</main></body></html>`;

/** The baseline with each line's sources added to its directive. */
function merge(baseline: string, extra: string[]): string {
  const directives = new Map(baseline.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
  for (const line of extra) {
    const [name, ...sources] = line.replace(/;$/, '').split(' ');
    directives.set(name, [...new Set([...(directives.get(name) ?? []), ...sources])]);
  }
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

beforeAll(async () => {
  server = await startServer(built, { LADDER_CONTENT: partnerContent() });
  browser = await launch();
  // What the embed page of each kind prints (its inline script writes the origin it was served from).
  const printed = new Set<string>();
  const embed = await browser.newPage();
  for (const slug of Object.values(WIDGETS)) {
    await embed.goto(`${server.url}/embed/${slug}/`);
    for (const line of (await embed.locator('#embed-csp').textContent())!.split('\n')) printed.add(line);
  }
  await embed.close();
  lines = [...printed];
  partner = createServer((req, res) => {
    const page = pages.get(req.url ?? '/');
    res.writeHead(page ? 200 : 404, {
      'Content-Type': 'text/html; charset=utf-8',
      ...(page ? { 'Content-Security-Policy': page.policy } : {}),
    });
    res.end(page?.html ?? 'not found');
  });
  await new Promise<void>((resolve) => partner.listen(built.partnerPort, '127.0.0.1', resolve));
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => partner?.close(resolve));
  await server?.stop();
});

/** Fills each field of a widget by name, as typed text or a ticked box. */
async function fill(page: Page, tag: string, fields: Record<string, string | true>) {
  for (const [name, value] of Object.entries(fields)) {
    const field = page.locator(`${tag} [name="${name}"]`).first();
    if (value === true) await field.check();
    else await field.fill(value);
  }
}

const person = (givenName: string) => ({
  givenName,
  familyName: 'Partner',
  email: `${givenName.toLowerCase()}@example.org`,
});

describe('the embed page’s Content-Security-Policy lines', () => {
  it('are the Ladder origin for scripts and the API, and one hash for the space reserved before load', () => {
    const origin = server.url;
    expect(lines).toEqual([
      `script-src ${origin};`,
      `connect-src ${origin};`,
      expect.stringMatching(/^style-src 'sha256-[\w+/=]{44}';$/),
    ]);
  });

  it('let all four widgets load, take an action each, and keep one offline, with no violation', async () => {
    pages.set('/', { html: widgetsPage(server.url), policy: merge(BASELINE, lines) });
    const context = await browser.newContext();
    const { page, violations } = await watchedPage(context);
    const before = Object.fromEntries(
      await Promise.all(Object.values(WIDGETS).map(async (slug) => [slug, await count(server, slug)])),
    );
    await page.goto(`${PARTNER}/`);
    await hydrated(page);
    await page.locator('ladder-petition [part=meter] strong').filter({ hasText: /\d/ }).waitFor();

    await fill(page, 'ladder-petition', { ...person('Ada'), postcode: '94110' });
    await page.locator('ladder-petition [part=submit]').click();
    await page.locator('ladder-petition [part=thanks] h2').waitFor();

    await page.locator('ladder-survey [name=q-visits][value=Weekly]').check();
    await fill(page, 'ladder-survey', { 'q-wish': 'Water in the fountain' });
    await page.locator('ladder-survey [part=submit]').click();
    await page.locator('ladder-survey [name=givenName]').waitFor();
    await fill(page, 'ladder-survey', { ...person('Grace'), contact: true });
    await page.locator('ladder-survey [part=submit]').click();
    await page.locator('ladder-survey [part=thanks] h2').waitFor();

    await fill(page, 'ladder-rsvp', { ...person('Rosa'), contact: true });
    await page.locator('ladder-rsvp [part=submit]').click();
    await page.locator('ladder-rsvp [part=thanks] h2').waitFor();

    await fill(page, 'ladder-call', { postcode: '94110' });
    await page.locator('ladder-call [part=submit]').click();
    await page.locator('ladder-call [data-outcome=contact]').click();
    await page.locator('ladder-call [part=target] h3').filter({ hasText: '2 of 2' }).waitFor();
    await page.locator('ladder-call [data-outcome=voicemail]').click();
    await page.locator('ladder-call [part=thanks]').waitFor();

    for (const slug of Object.values(WIDGETS)) {
      // The call campaign counts calls: two were made.
      await expect
        .poll(() => count(server, slug), { timeout: 10_000 })
        .toBe(before[slug] + (slug === WIDGETS.call ? 2 : 1));
    }

    // Offline: the petition keeps a signature in its outbox and sends it once the browser is back online.
    await page.reload();
    await hydrated(page);
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /outbox/.test(e.name)));
    await context.setOffline(true);
    await fill(page, 'ladder-petition', { ...person('Offline'), postcode: '94110' });
    await page.locator('ladder-petition [part=submit]').click();
    await page.locator('ladder-petition [part=thanks] h2').waitFor();
    expect(await count(server, WIDGETS.petition)).toBe(before[WIDGETS.petition] + 1);
    await context.setOffline(false);
    await expect.poll(() => count(server, WIDGETS.petition), { timeout: 15_000 }).toBe(before[WIDGETS.petition] + 2);

    expect(await violations()).toEqual([]);
    await context.close();
  });

  it('are each needed: without any one of them, something is refused', async () => {
    for (const [i, left] of lines.entries()) {
      const path = `/without-${i}`;
      pages.set(path, {
        html: widgetsPage(server.url),
        policy: merge(
          BASELINE,
          lines.filter((l) => l !== left),
        ),
      });
      const context = await browser.newContext();
      const { page, violations } = await watchedPage(context);
      await page.goto(`${PARTNER}${path}`);
      const directive = left.split('-src')[0];
      await expect
        .poll(async () => (await violations()).some((v) => v.startsWith(`${directive}-src`)), { timeout: 10_000 })
        .toBe(true);
      await context.close();
    }
  });

  it('let the iframe in with the frame-src line, and its style attribute with the hash printed for it', async () => {
    const embed = await browser.newPage();
    await embed.goto(`${server.url}/embed/${WIDGETS.rsvp}/`);
    const iframe = (await embed.locator('#embed-frame').textContent())!;
    const frameLine = (await embed.locator('#embed-csp-frame').textContent())!;
    const styleLine = (await embed.locator('#embed-csp-frame-style').textContent())!;
    await embed.close();
    expect(frameLine).toBe(`frame-src ${server.url};`);
    expect(styleLine).toMatch(/^style-src 'unsafe-hashes' 'sha256-[\w+/=]{44}';$/);
    const html = `<!doctype html><html lang="en"><head><title>Partner</title></head><body>${iframe}</body></html>`;
    const load = async (policy: string) => {
      pages.set('/frame', { html, policy });
      const context = await browser.newContext();
      const { page, violations } = await watchedPage(context);
      await page.goto(`${PARTNER}/frame`);
      await page.frameLocator('iframe').locator('ladder-rsvp [part=submit]').waitFor();
      const border = await page.locator('iframe').evaluate((el) => getComputedStyle(el).borderTopWidth);
      const seen = await violations();
      await context.close();
      return { border, seen };
    };
    expect(await load(merge(BASELINE, [frameLine, styleLine]))).toEqual({ border: '0px', seen: [] });
    // Without the hash the frame works all the same, with the browser's border; the attribute alone is refused.
    const without = await load(merge(BASELINE, [frameLine]));
    expect(without.border).not.toBe('0px');
    expect(without.seen.filter((v) => !v.startsWith('console:'))).toEqual([
      expect.stringMatching(/^style-src-attr inline /),
    ]);
  });
});
