/**
 * Letters end to end (issue 13, "Done when"), on the built site, a real server and Chromium, with a real SMTP server
 * (smtp-server) as the council's mail server and every message parsed by mailparser, its DKIM signature verified by
 * mailauth. A letter campaign to a city council (hand-written targets with emails) and one to Congress (imported by
 * `npm run import-targets`, contact forms): supporters write from a partner page with hostile CSS and a strict
 * Content-Security-Policy, in en, es, fr and ar, and confirm by the link emailed to them; the council members get
 * personal letters and, past the threshold, one digest; an office chooses "digest" and the next day's mail follows
 * it; the refused address shows as bounced on the dashboard; the Congress letter opens the member's form with the
 * letter ready. axe everywhere.
 *
 * Time: the server's own letter timer is off (LADDER_LETTERS_INTERVAL=0) and each sender pass is the code's own
 * (`sendLetters`, as `npm run dispatch` runs it, configured from the environment by `lettersFromEnv`) on the
 * server's database, given the hour it runs at: Tuesday 10:00 in Los Angeles, then the evening, then Wednesday.
 */
import type { ParsedMail } from 'mailparser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Catalog, loadCatalog } from '../../functions/catalog.ts';
import { type LetterMailConfig, lettersFromEnv, sendLetters } from '../../functions/outbox/letters.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import type { Store } from '../../functions/store/types.ts';
import { smtpServer } from '../functions/outbox/servers.ts';
import { watchedPage } from './csp-watch.ts';
import { axeViolations, freePort, launch, type RunningServer, startPartner, startServer } from './harness.ts';
import { check, dkim, DKIM_KEY, row } from './letter-checks.ts';
import { CONGRESS, CONTACT_FORM, COUNCIL, FROM, letterContent, OWN, partnerPage, REFUSED } from './letter-campaigns.ts';

const built = inject('built');
const PARTNER = `http://127.0.0.1:${built.partnerPort}`;
const OWNER = 'letters-owner-token-1234567';
/** Tuesday 2026-12-08, 10:00 in Los Angeles (the council's time zone): inside the default window. */
const TUESDAY_10 = new Date('2026-12-08T18:00:00Z');
const at = (hours: number) => new Date(TUESDAY_10.getTime() + hours * 3600_000);

let smtp: Awaited<ReturnType<typeof smtpServer>>;
let server: RunningServer;
let partner: Awaited<ReturnType<typeof startPartner>>;
let browser: Browser;
let store: Store;
let catalog: Catalog;
let letterMail: LetterMailConfig;

/** The partner's page, in a language, with a WordPress theme's and Bootstrap's global CSS. */

beforeAll(async () => {
  smtp = await smtpServer({ refuse: REFUSED });
  const content = letterContent(built.content, PARTNER);
  const port = await freePort();
  server = await startServer(built, {
    PORT: String(port),
    LADDER_SITE_URL: `http://localhost:${port}`,
    LADDER_CONTENT: content,
    LADDER_SMTP_URL: smtp.url,
    LADDER_MAIL_FROM: 'hello@campaign.example',
    LADDER_ADMIN_TOKEN: OWNER,
    LADDER_DISPATCH_INTERVAL: '250',
    LADDER_LETTERS_INTERVAL: '0',
  });
  partner = await startPartner(built.partnerPort, {
    ...Object.fromEntries(['en', 'es', 'fr', 'ar'].map((lang) => [`/${lang}`, partnerPage(server.url, COUNCIL, lang)])),
    '/congress': partnerPage(server.url, CONGRESS, 'en'),
  });
  store = await openSqliteStore(server.db);
  catalog = await loadCatalog(content);
  letterMail = (await lettersFromEnv(
    {
      LADDER_SMTP_URL: smtp.url,
      LADDER_SITE_URL: server.url,
      LADDER_DKIM_DOMAIN: 'campaign.example',
      LADDER_DKIM_SELECTOR: 'ladder',
      LADDER_DKIM_KEY: DKIM_KEY,
    },
    store,
  ))!;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await store?.close();
  await partner?.close();
  await server?.stop();
  await smtp?.close();
});

const pass = (now: Date) => sendLetters(store, catalog, letterMail, now);
const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;
const mailsTo = (address: string) => smtp.mails.filter((mail) => to(mail) === address);
const raw = (mail: ParsedMail) => smtp.raws[smtp.mails.indexOf(mail)];

interface Writer {
  givenName: string;
  email: string;
  postcode: string;
  lang: 'en' | 'es' | 'fr' | 'ar';
  area?: string;
  own?: string;
}

/** A supporter writes from the partner's page, every state checked, and confirms by the link emailed to them. */
async function write(context: BrowserContext, who: Writer, path = `/${who.lang}`): Promise<Page> {
  const { page, violations } = await watchedPage(context);
  page.setDefaultTimeout(15_000);
  await page.goto(`${PARTNER}${path}`);
  const widget = page.locator('ladder-letter');
  await widget.locator('[part=count]').filter({ hasText: /\d/ }).waitFor();
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('10px');
  await check(page);
  const person = { ...who, familyName: 'Baker' };
  for (const name of ['givenName', 'familyName', 'email', 'postcode'] as const) {
    await widget.locator(`[name=${name}]`).fill(person[name]);
  }
  await widget.locator('[part=submit]').click();
  if (who.area) {
    await widget.locator('[part=choose]').waitFor();
    await check(page);
    await widget.locator(`[name=area][value="${who.area}"]`).check();
    await widget.locator('[part=submit]').click();
  }
  await widget.locator('[part=letter]').waitFor();
  await check(page);
  if (who.own) await widget.locator('[name=text]').fill(who.own);
  await widget.locator('[part=submit]').click();
  await widget.locator('[part=thanks] h3').waitFor();
  await check(page);
  expect(await violations()).toEqual([]);
  await confirm(context, who.email);
  return page;
}

async function confirm(context: BrowserContext, email: string): Promise<void> {
  let link: string | undefined;
  await expect
    .poll(
      () =>
        (link = mailsTo(email)
          .map((m) => /http\S+\/confirm\/\S*\?t=[\w-]+/.exec(m.text ?? '')?.[0])
          .find(Boolean)),
      {
        timeout: 15_000,
      },
    )
    .toBeTruthy();
  const page = await context.newPage();
  await page.goto(link!);
  await page.locator('#confirm button').click();
  // The button goes once the server has said yes ("Confirming…" is said before).
  await page.locator('#confirm button').waitFor({ state: 'hidden' });
  await page.getByRole('status').filter({ hasText: 'your email is confirmed' }).waitFor();
  await page.close();
}

async function dashboard(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/organize/`);
  await page.locator('#admin-token').fill(OWNER);
  await page.locator('#sign-in button[type=submit]').click();
  await page.locator(`table[data-campaign="${COUNCIL}"] tr[data-target]`).first().waitFor();
  expect(await axeViolations(page)).toEqual([]);
  return page;
}

describe('letters to a city council and to Congress', () => {
  it('personal letters, then one digest, the office’s choice the next day, a bounce on the dashboard', async () => {
    const context = await browser.newContext();
    // Tuesday morning: Ella writes her own letter; her council member gets it, the mayor's server refuses it.
    await write(context, {
      givenName: 'Ella',
      email: 'ella@example.org',
      postcode: '94110',
      lang: 'en',
      own: OWN.ella,
    });
    expect(await pass(TUESDAY_10)).toEqual({ sent: 1, digests: 0, bounced: 1, stopped: 0 });
    const [letter] = mailsTo('soto@council.example');
    expect(letter.from?.value).toEqual([{ name: 'Ella Baker', address: FROM }]);
    expect(letter.replyTo?.value).toEqual([expect.objectContaining({ address: 'ella@example.org' })]);
    expect(letter.subject).toBe('Repairs, Ana Soto');
    expect(letter.text).toContain('my son sleeps in his coat');
    expect(letter.text).toContain('Ella Baker, 94110');
    expect(letter.messageId).toMatch(/^<[\w-]+\.ward-1@campaign\.example>$/);
    expect(await dkim(raw(letter))).toBe('pass');
    expect(mailsTo(REFUSED)).toEqual([]);

    // Then three neighbours send the suggestion (in Spanish, French and Arabic) and one writes her own: past the
    // threshold (3), Ben Ode gets one digest, not four letters.
    await write(context, { givenName: 'Sofía', email: 'sofia@example.org', postcode: '94114', lang: 'es' });
    await write(context, { givenName: 'Zoé', email: 'zoe@example.org', postcode: '94114', lang: 'fr' });
    await write(context, {
      givenName: 'Layla',
      email: 'layla@example.org',
      postcode: '94112',
      lang: 'ar',
      area: 'W-2',
    });
    await write(context, {
      givenName: 'Grace',
      email: 'grace@example.org',
      postcode: '94114',
      lang: 'en',
      own: OWN.grace,
    });
    expect(await pass(at(1))).toEqual({ sent: 0, digests: 1, bounced: 4, stopped: 0 });
    const [digest, ...more] = mailsTo('ode@council.example');
    expect(more).toEqual([]);
    expect(digest.subject).toBe('Repairs, Ben Ode (4 letters)');
    expect(digest.from?.value).toEqual([{ name: 'Fund the repairs of our homes', address: FROM }]);
    expect(digest.replyTo).toBeUndefined();
    expect(digest.text).toContain('3 constituents sent the letter below; 1 wrote their own, below.');
    expect(digest.text).toContain('Dear Ben Ode, as Council member you decide the budget.');
    for (const name of ['Sofía Baker, 94114', 'Zoé Baker, 94114', 'Layla Baker, 94112', 'buckets in the hallway'])
      expect(digest.text).toContain(name);
    expect(await dkim(raw(digest))).toBe('pass');

    // Ana Soto's office follows the "digest" link in Ella's letter: a page with one button, then the choice is kept.
    const office = await context.newPage();
    await office.goto(/https?:\/\/\S+c=digest&s=[\w-]+&l=en/.exec(letter.text!)![0]);
    await office.getByRole('button', { name: 'Confirm' }).waitFor();
    expect(await axeViolations(office)).toEqual([]);
    await office.getByRole('button', { name: 'Confirm' }).click();
    await office.getByText('your choice is recorded').waitFor();
    expect(await axeViolations(office)).toEqual([]);

    // Tuesday evening, after the window: Hana's letter waits (the dashboard says so), the mayor's bounces.
    await write(context, {
      givenName: 'Hana',
      email: 'hana@example.org',
      postcode: '94110',
      lang: 'en',
      own: OWN.hana,
    });
    expect(await pass(at(8))).toEqual({ sent: 0, digests: 0, bounced: 1, stopped: 0 });
    const organizer = await dashboard(context);
    expect(await row(organizer, COUNCIL, 'ward-1')).toEqual(['Ana Soto', '1', '1', '0', '0', '0', 'One daily digest']);
    expect(await row(organizer, COUNCIL, 'ward-2')).toEqual(['Ben Ode', '4', '0', '0', '0', '0', 'None']);
    const mayor = await row(organizer, COUNCIL, 'mayor');
    expect(mayor[0]).toMatch(/^Mayor Ruiz address bounced \S/);
    expect(mayor.slice(1)).toEqual(['0', '0', '6', '0', '0', 'None']);

    // Wednesday: the office asked for a digest, so Hana's letter goes as one, though it is her own.
    expect(await pass(at(24))).toEqual({ sent: 0, digests: 1, bounced: 0, stopped: 0 });
    const wednesday = mailsTo('soto@council.example');
    expect(wednesday).toHaveLength(2);
    expect(wednesday[1].subject).toBe('Repairs, Ana Soto (1 letter)');
    expect(wednesday[1].text).toContain('the mould in our flats');
    expect(wednesday[1].text).toContain('Hana Baker, 94110');
    expect(await dkim(raw(wednesday[1]))).toBe('pass');
    await organizer.getByRole('button', { name: 'Refresh' }).click();
    await organizer
      .locator(`table[data-campaign="${COUNCIL}"] tr[data-target="ward-1"] td`)
      .first()
      .filter({ hasText: '2' })
      .waitFor();
    expect(await row(organizer, COUNCIL, 'ward-1')).toEqual(['Ana Soto', '2', '0', '0', '0', '0', 'One daily digest']);
    expect(await axeViolations(organizer)).toEqual([]);
    await context.close();
  }, 600_000);

  it('opens a member of Congress’s own form with the letter ready, counted handed, never delivered', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    // The House's web form, on its own origin (the edge of the world: a page of ours at that address).
    await context.route(`${CONTACT_FORM}**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><title>Contact</title><main><label for="m">Message</label><textarea id="m"></textarea></main></html>',
      }),
    );
    const page = await write(
      context,
      { givenName: 'Ida', email: 'ida@example.org', postcode: '94612', lang: 'en' },
      '/congress',
    );
    const widget = page.locator('ladder-letter');
    const handed = widget.locator('[part=handed]').filter({ hasText: 'Ada King Lovelace' });
    const ready = await handed.locator('textarea').inputValue();
    expect(ready).toContain('Dear Ada King Lovelace, as Representative, CA-12 you can fund the repairs');
    // The confirmation page had the focus; the clipboard is written from the page the supporter is on.
    await page.bringToFront();
    await handed.getByRole('button', { name: 'Copy the letter' }).click();
    await handed.getByText('Copied.').waitFor();
    await check(page);
    const [form] = await Promise.all([
      context.waitForEvent('page'),
      handed.getByRole('link', { name: 'Open the official form' }).click(),
    ]);
    await form.waitForLoadState();
    expect(form.url()).toBe(CONTACT_FORM);
    await form.locator('#m').focus();
    await form.keyboard.press('ControlOrMeta+V');
    expect(await form.locator('#m').inputValue()).toBe(ready);
    expect(await widget.locator('[part=handed]').count()).toBe(2);

    expect(await pass(at(2))).toEqual({ sent: 0, digests: 0, bounced: 0, stopped: 0 });
    const organizer = await dashboard(context);
    for (const member of [
      ['A000001', 'Ada King Lovelace'],
      ['S000002', 'Grace Hopper'],
    ]) {
      expect(await row(organizer, CONGRESS, member[0])).toEqual([member[1], '0', '0', '0', '1', '0', 'None']);
    }
    expect(smtp.mails.filter((mail) => /house|senate/.test(to(mail) ?? ''))).toEqual([]);
    await context.close();
  }, 300_000);
});
