/**
 * The whole journey on the built site and the real server: sign on the action page, sign from a partner page on
 * another origin, watch the count change; accessibility in every state; no layout shift; offline then reload.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, count, launch, partnerPage, type RunningServer, startPartner, startServer } from './harness.ts';

const built = inject('built');
const SLUG = 'fix-the-fountain';
let server: RunningServer;
let browser: Browser;
let partner: Awaited<ReturnType<typeof startPartner>>;

beforeAll(async () => {
  server = await startServer(built);
  browser = await launch();
  partner = await startPartner(built.partnerPort, {
    '/': partnerPage(server.url, SLUG),
    '/other': partnerPage(server.url, 'plant-more-trees'),
  });
});

afterAll(async () => {
  await browser?.close();
  await partner?.close();
  await server?.stop();
});

const widget = 'ladder-petition';

/** The widget has hydrated and its outbox has loaded (it does on idle): from then on it keeps submissions offline. */
async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const element = document.querySelector('ladder-petition') as (HTMLElement & { hasUpdated?: boolean }) | null;
    return !!element?.hasUpdated && !element.hasAttribute('defer-hydration');
  });
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => /outbox/.test(entry.name)));
}

/** Types like a person, one key at a time, into each field of the petition. */
async function fillPetition(
  page: Page,
  person: { givenName: string; familyName: string; email: string; postcode: string },
) {
  for (const [name, value] of Object.entries(person)) {
    await page.locator(`${widget} [name=${name}]`).click();
    await page.keyboard.type(value);
  }
}

describe('the action page', () => {
  it('shows the whole form before any script runs', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/act/${SLUG}/`);
    await expect(page.locator(`${widget} [name=email]`).isVisible()).resolves.toBe(true);
    await expect(page.locator(`${widget} [part=submit]`).isVisible()).resolves.toBe(true);
    await expect(page.locator(`${widget} [part=ask]`).textContent()).resolves.toContain(
      'Repair the Central Square fountain',
    );
    await context.close();
  });

  it('signs with the keyboard, counts once, offers the share link and the next ask, with no layout shift', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      (window as unknown as { shift: number }).shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number }[])
          (window as unknown as { shift: number }).shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.url}/act/${SLUG}/`);
    await page.locator(`${widget} [part=meter] strong`).filter({ hasText: /0/ }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Invalid: submit the empty form with Enter.
    await page.locator(`${widget} [name=givenName]`).focus();
    await page.keyboard.press('Enter');
    await page.locator(`${widget} [aria-invalid=true]`).first().waitFor();
    expect(await page.locator(`${widget} [aria-invalid=true]`).count()).toBe(4);
    expect(
      await page.evaluate(() =>
        document.querySelector('ladder-petition')?.shadowRoot?.activeElement?.getAttribute('name'),
      ),
    ).toBe('givenName');
    expect(await axeViolations(page)).toEqual([]);

    await fillPetition(page, { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', postcode: '94110' });
    await page.keyboard.press('Enter');
    await page.locator(`${widget} [part=thanks] h2`).waitFor();
    const share = await page.locator(`${widget} [part=share]`).getAttribute('href');
    expect(share).toMatch(new RegExp(`^${server.url}/act/${SLUG}/\\?ref=[a-z0-9]{8}$`));
    expect(await page.locator(`${widget} [part=next] a`).getAttribute('href')).toBe(
      `${server.url}/act/plant-more-trees/`,
    );
    expect(await page.locator(`${widget} [part=meter] strong`).textContent()).toMatch(/\b1\b/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await count(server, SLUG)).toBe(1);
    await page.close();
  });

  it('says "already signed" to the same email and does not count it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/act/${SLUG}/`);
    await fillPetition(page, { givenName: 'Ada', familyName: 'Lovelace', email: 'ADA@example.org', postcode: '94110' });
    await page.keyboard.press('Enter');
    await page.locator(`${widget} [part=thanks] h2`).waitFor();
    expect(await page.locator(`${widget} [part=thanks] h2`).textContent()).toMatch(/already/i);
    expect(await count(server, SLUG)).toBe(1);
    await page.close();
  });
});

describe('a partner page on another origin', () => {
  it('loads the widget with one script tag, signs, and the count goes up', async () => {
    const page = await browser.newPage();
    const before = await count(server, SLUG);
    await page.goto(`${partner.url}/`);
    await page.locator(`${widget} [name=email]`).waitFor();
    await fillPetition(page, {
      givenName: 'Grace',
      familyName: 'Hopper',
      email: 'grace@example.org',
      postcode: '10001',
    });
    await page.locator(`${widget} [part=submit]`).click();
    await page.locator(`${widget} [part=thanks] h2`).waitFor();
    expect(await count(server, SLUG)).toBe(before + 1);
    // Only the petition's code was loaded.
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => n.endsWith('.js')),
    );
    expect(scripts.some((name) => /\/w\/petition-/.test(name))).toBe(true);
    await page.close();
  });

  it('is refused on a page whose origin is not a partner, with a message saying so, and nothing is stored', async () => {
    const page = await browser.newPage();
    await page.goto(`${partner.url}/other`);
    await page.locator(`${widget} [name=email]`).waitFor();
    await fillPetition(page, { givenName: 'Eve', familyName: 'Mallory', email: 'eve@example.org', postcode: '10001' });
    await page.locator(`${widget} [part=submit]`).click();
    await page.locator(`${widget} [part=status]`).filter({ hasText: /\w/ }).waitFor();
    expect(await count(server, 'plant-more-trees')).toBe(0);
    await page.close();
  });
});

describe('offline', () => {
  it('queues a signature made offline and sends it once when the browser is back online', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const before = await count(server, SLUG);
    await page.goto(`${server.url}/act/${SLUG}/`);
    await ready(page);
    await context.setOffline(true);
    await fillPetition(page, {
      givenName: 'Offline',
      familyName: 'Person',
      email: 'offline@example.org',
      postcode: '94110',
    });
    await page.keyboard.press('Enter');
    await page.locator(`${widget} [part=thanks] h2`).waitFor();
    expect(await count(server, SLUG)).toBe(before);
    await context.setOffline(false);
    await expect.poll(() => count(server, SLUG), { timeout: 15_000 }).toBe(before + 1);
    await context.close();
  });

  it('keeps a queued signature across a reload and sends it exactly once', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const before = await count(server, SLUG);
    await page.goto(`${server.url}/act/${SLUG}/`);
    await ready(page);
    // The network fails for the signature only, as on a flaky connection; the page stays loadable.
    await page.route('**/signatures', (route) => route.abort('internetdisconnected'));
    await fillPetition(page, { givenName: 'Flaky', familyName: 'Line', email: 'flaky@example.org', postcode: '94110' });
    await page.keyboard.press('Enter');
    await page.locator(`${widget} [part=thanks] h2`).waitFor();
    await page.unroute('**/signatures');
    await page.reload();
    await expect.poll(() => count(server, SLUG), { timeout: 15_000 }).toBe(before + 1);
    await page.reload();
    await page.locator(`${widget} [part=meter] strong`).filter({ hasText: /\d/ }).waitFor();
    expect(await count(server, SLUG)).toBe(before + 1);
    await context.close();
  });
});
