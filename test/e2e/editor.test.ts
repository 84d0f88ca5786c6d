/**
 * The campaign editor in Chromium, on the Node host: sign in, create a petition in the form generated from the
 * schema, see the build's error beside the field, publish; the site rebuilds without a restart and the new petition
 * takes a signature on its live page and on a partner page whose origin the publish allowed. axe on every state.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import {
  axeViolations,
  copyBuilt,
  freePort,
  launch,
  partnerPage,
  type RunningServer,
  startPartner,
  startServer,
} from './harness.ts';

const built = inject('built');
const TOKEN = 'organizer-secret-token-1234';
const SLUG = 'light-the-underpass';
let server: RunningServer;
let browser: Browser;
let partner: Awaited<ReturnType<typeof startPartner>>;
let partnerPort: number;

beforeAll(async () => {
  // Our own copies: publishing changes the content and the site that the other tests share.
  server = await startServer(copyBuilt(built), { LADDER_ADMIN_TOKEN: TOKEN });
  browser = await launch();
  partnerPort = await freePort();
  partner = await startPartner(partnerPort, { '/': partnerPage(server.url, SLUG) });
});

afterAll(async () => {
  await browser?.close();
  await partner?.close();
  await server?.stop();
});

const type = async (page: Page, id: string, text: string) => {
  await page.locator(`#${id}`).fill(text);
};

async function sign(page: Page, email: string) {
  await page.waitForFunction(() => {
    const element = document.querySelector('ladder-petition') as (HTMLElement & { hasUpdated?: boolean }) | null;
    return !!element?.hasUpdated && !element.hasAttribute('defer-hydration');
  });
  for (const [name, value] of Object.entries({ givenName: 'Ada', familyName: 'Lovelace', email, postcode: '94110' })) {
    await page.locator(`ladder-petition [name=${name}]`).click();
    await page.keyboard.type(value);
  }
  await page.keyboard.press('Enter');
  await page.locator('ladder-petition [part=thanks] h2').waitFor({ timeout: 20_000 });
}

it('creates, previews and publishes a petition in the browser; it takes signatures without a restart', async () => {
  const page = await browser.newPage();
  const csp: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) csp.push(message.text());
  });
  await page.goto(`${server.url}/organize/edit/`);
  expect(await axeViolations(page)).toEqual([]);
  await page.locator('#admin-token').fill(TOKEN);
  await page.keyboard.press('Enter');
  await page.locator('#new-slug').waitFor();
  await type(page, 'new-slug', SLUG);
  await page.locator('#new-kind').selectOption('petition');
  await page.locator('#new-form button').click();
  await type(page, 'f-title', 'Light the underpass');
  await type(page, 'f-summary', 'The underpass on 5th Street is dark at night.');
  await type(page, 'f-partners', `http://127.0.0.1:${partnerPort}`);
  await type(page, 'f-consent-text', 'Keep me updated about this campaign by email.');
  await type(page, 'f-consent-version', '2026-12-01');
  await type(page, 'f-petition-to', 'The Public Works Department');
  await type(page, 'campaign-body', 'Dear Public Works,');
  // The preview follows the form.
  expect(await page.locator('#preview-title').textContent()).toBe('Light the underpass');
  expect(await axeViolations(page)).toEqual([]);

  // The ask is missing: the build's words, beside the field, which gets the focus; nothing is published.
  await page.locator('#publish').click();
  await page.locator('#f-petition-ask-error').waitFor();
  expect(await page.locator('#f-petition-ask-error').textContent()).toContain('write the demand in one sentence');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-petition-ask');
  expect(await axeViolations(page)).toEqual([]);
  expect((await fetch(`${server.url}/act/${SLUG}/`)).status).toBe(404);

  await type(page, 'f-petition-ask', 'Install lights in the 5th Street underpass.');
  await type(page, 'f-strings-es', 'submit: ¡Firmo!');
  // The real widget beside the form, in each language the campaign speaks (its own, and Spanish by its strings).
  const en = page.locator('#preview-widgets section[lang=en] ladder-petition');
  const es = page.locator('#preview-widgets section[lang=es] ladder-petition');
  await en.locator('[part=ask]').filter({ hasText: 'Install lights in the 5th Street underpass.' }).waitFor();
  await es.locator('[part=submit]').filter({ hasText: '¡Firmo!' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.locator('#publish').click();
  await page
    .locator('#editor-status')
    .filter({ hasText: /rebuilding|live/ })
    .waitFor();
  await page.locator('#editor-status').filter({ hasText: 'the new pages are live' }).waitFor({ timeout: 150_000 });
  expect(await axeViolations(page)).toEqual([]);
  expect(csp).toEqual([]);

  const live = await browser.newPage();
  await live.goto(`${server.url}/act/${SLUG}/`);
  await sign(live, 'ada@example.org');
  const onPartner = await browser.newPage();
  await onPartner.goto(`${partner.url}/`);
  await sign(onPartner, 'grace@example.org');
  const campaign = await (await fetch(`${server.url}/api/campaigns/${SLUG}`)).json();
  expect(campaign.count).toBe(2);

  // The editor in the other languages (the token is kept in this tab): signed in, a campaign open, axe clean.
  for (const lang of ['es', 'fr', 'ar']) {
    await page.goto(`${server.url}/organize/edit/${lang}/`);
    await page.locator('#campaign-list option', { hasText: SLUG }).waitFor({ state: 'attached' });
    await page.locator('#campaign-list').selectOption(SLUG);
    await page.locator('#open-form button').click();
    await page.locator('#f-title').waitFor();
    expect(await page.locator('#f-title').inputValue()).toBe('Light the underpass');
    expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(await axeViolations(page), lang).toEqual([]);
  }
  expect(csp).toEqual([]);
}, 240_000);
