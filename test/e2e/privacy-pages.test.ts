/**
 * The privacy pages on the built site and the real server: the double opt-in link (`/confirm/fr/?t=`) confirms
 * only when the button is pressed, exactly once; `/data/` asks for a link and downloads the data by it. The links'
 * tokens are read from the outbox, as the email sink would send them.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { smtpServer } from '../functions/outbox/servers.ts';
import { watchedPage } from './csp-watch.ts';
import { axeViolations, count, freePort, launch, renderToken, type RunningServer, startServer } from './harness.ts';

const built = inject('built');
let server: RunningServer;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof smtpServer>>;

const DOI = `---
kind: petition
title: Light the underpass
summary: The underpass is dark at night.
lang: fr
doubleOptIn: true
consent:
  text: Keep me updated about this campaign by email.
  version: "2026-11-01"
petition:
  to: The Mayor
  ask: Light the underpass.
---
Light it.
`;

beforeAll(async () => {
  // The fixture campaigns, and one with double opt-in of our own.
  const content = mkdtempSync(join(tmpdir(), 'ladder-e2e-privacy-'));
  cpSync(built.content, content, { recursive: true });
  writeFileSync(join(content, 'light-the-underpass.md'), DOI);
  // Double opt-in needs email (the server refuses to start without it), and email needs the site's address.
  smtp = await smtpServer();
  const port = String(await freePort());
  server = await startServer(
    { ...built, content },
    {
      LADDER_MIN_FILL_MS: '0',
      PORT: port,
      LADDER_SITE_URL: `http://localhost:${port}`,
      LADDER_SMTP_URL: smtp.url,
      LADDER_MAIL_FROM: 'Ladder <hello@campaign.example>',
      LADDER_DISPATCH_INTERVAL: '300',
    },
  );
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

/** The token of the latest `type` message in the outbox: what the email would carry. */
function outboxToken(type: string): string {
  const db = new DatabaseSync(server.db, { readOnly: true });
  try {
    const row = db.prepare('SELECT payload FROM outbox WHERE type = ? ORDER BY seq DESC LIMIT 1').get(type);
    return (JSON.parse(String(row?.payload)) as { token: string }).token;
  } finally {
    db.close();
  }
}

async function signHeld(email: string): Promise<void> {
  const campaign = await (await fetch(`${server.url}/api/campaigns/light-the-underpass`)).json();
  const res = await fetch(`${server.url}/api/campaigns/light-the-underpass/signatures`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      person: { givenName: 'Ada', familyName: 'Lovelace', email, postcode: '75011' },
      consent: { contact: true },
      token: campaign.token,
    }),
  });
  expect(res.status).toBe(202);
}

const heading = (page: Page) => page.locator('main h1').textContent();

describe('the privacy pages', () => {
  it('confirms a held signature with the button, in the campaign language, once', async () => {
    await signHeld('ada@example.org');
    const token = outboxToken('confirmation.requested');
    const page = await browser.newPage();
    await page.goto(`${server.url}/confirm/fr/?t=${token}`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await heading(page)).toBe('Confirmez votre e-mail');
    // Opening the link (as a mail scanner would, scripts and all) counts nothing.
    await page.waitForSelector('button:has-text("Confirmer mon e-mail")');
    expect(await count(server, 'light-the-underpass')).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirmer mon e-mail' }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent?.startsWith('Merci'));
    expect(await heading(page)).toBe('Merci : votre e-mail est confirmé');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.locator('[role=status]').textContent()).toBe('Merci : votre e-mail est confirmé');
    expect(await page.locator('.result').textContent()).toContain('Votre action pour « Light the underpass » compte.');
    expect(await count(server, 'light-the-underpass')).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // The same link again: already confirmed, still one.
    await page.reload();
    await page.getByRole('button', { name: 'Confirmer mon e-mail' }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent?.includes('déjà'));
    expect(await count(server, 'light-the-underpass')).toBe(1);
    await page.close();
  });

  it('says what to do with an expired or unknown link', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/confirm/?t=abcdefghjkmnpqrstuvwxyz2`);
    await page.getByRole('button', { name: 'Confirm my email' }).click();
    await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.includes('expired'));
    expect(await page.locator('[role=status]').textContent()).toBe(
      'This link has expired or is not valid. Take the action again to get a new link.',
    );
    await page.close();
  });

  it('sends a link to one’s data and downloads it by the link', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/data/`);
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Send me the link' }).click();
    expect(await page.locator('#email-error').textContent()).toBe('Enter an email address like name@example.org.');
    expect(await page.getAttribute('#email', 'aria-invalid')).toBe('true');
    await page.getByLabel('Email').fill('ada@example.org');
    await page.getByRole('button', { name: 'Send me the link' }).click();
    await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.includes('one hour'));
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/data/?t=${outboxToken('access.requested')}`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download my data' }).click();
    const file = await (await download).path();
    const data = JSON.parse(readFileSync(file, 'utf8'));
    expect(data.profile.email).toBe('ada@example.org');
    expect(data.actions).toMatchObject([{ campaign: 'light-the-underpass', consent: { textVersion: '2026-11-01' } }]);
    await page.close();
  });

  it('unsubscribes by the link in a real email, in the campaign language, with one press', async () => {
    const path = '/campaigns/plant-more-trees/signatures';
    const signed = await fetch(`${server.url}/api${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        person: { givenName: 'Rosa', familyName: 'Parks', email: 'rosa@example.org', postcode: '94110' },
        consent: { contact: true },
        token: await renderToken(server.url, path),
      }),
    });
    expect(signed.status).toBe(201);
    // The thank-you, as the dispatcher sent it over SMTP, parsed by mailparser.
    const deadline = Date.now() + 20_000;
    while (!smtp.mails.some((m) => m.to && JSON.stringify(m.to).includes('rosa@'))) {
      if (Date.now() > deadline) throw new Error('no email for rosa@example.org');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const mail = smtp.mails.find((m) => JSON.stringify(m.to).includes('rosa@'))!;
    const link = /Darme de baja: (\S+)/.exec(mail.text ?? '')?.[1];
    expect(link).toMatch(new RegExp(`^${server.url}/unsubscribe/es/\\?t=[0-9a-f]{32}$`));
    const { page, violations } = await watchedPage(await browser.newContext());
    await page.goto(link!);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await heading(page)).toBe('Darse de baja');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Darme de baja' }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Te has dado de baja');
    expect(await page.locator('[role=status]').textContent()).toBe('Te has dado de baja');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await axeViolations(page)).toEqual([]);
    expect(await violations()).toEqual([]);
    const db = new DatabaseSync(server.db, { readOnly: true });
    try {
      expect(db.prepare('SELECT channel, source FROM consent_withdrawals').all()).toEqual([
        { channel: 'email', source: 'link' },
      ]);
    } finally {
      db.close();
    }
    await page.close();
  });

  it('shows the page right to left in Arabic, and says what to do with an incomplete link', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/unsubscribe/ar/`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await heading(page)).toBe('إلغاء الاشتراك');
    await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent);
    expect(await page.locator('[role=status]').textContent()).toContain('هذا الرابط غير مكتمل');
    expect(await page.getByRole('button', { name: 'ألغِ اشتراكي' }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
