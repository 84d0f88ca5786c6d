/**
 * Issue 11's "Done when", as one story on the built site, a real server, a real SMTP server and Chromium: the first
 * owner from `npm run invite`, signed in by the emailed link, adds a passkey and invites an organizer and a host from
 * the team page; the organizer creates, previews and publishes a new petition entirely in the browser (the build's
 * error beside its field first), and it takes a signature on its live page and on a partner page whose origin the
 * publish allowed, without a restart; the host, on a phone, checks people in at their event and gets 403 on anything
 * else, and sign-out forgets their list; the owner signs back in with the passkey and reads all of it in the audit
 * log. axe on every new page and state. (The editor's forms per kind and language: editor.test.ts.)
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { smtpServer } from '../functions/outbox/servers.ts';
import {
  axeViolations,
  copyBuilt,
  freePort,
  launch,
  partnerPage,
  renderToken,
  type RunningServer,
  startPartner,
  startServer,
} from './harness.ts';

const built = inject('built');
const EVENT = 'town-hall-meeting';
const SLUG = 'light-the-underpass';
let smtp: Awaited<ReturnType<typeof smtpServer>>;
let server: RunningServer;
let browser: Browser;
let partner: Awaited<ReturnType<typeof startPartner>>;
let partnerPort: number;

beforeAll(async () => {
  smtp = await smtpServer();
  // The links in the emails point at the site's public address, which a server with email must be told.
  const port = String(await freePort());
  // Our own copies: publishing changes the content and the site that the other tests share.
  server = await startServer(copyBuilt(built), {
    PORT: port,
    LADDER_SITE_URL: `http://localhost:${port}`,
    LADDER_SMTP_URL: smtp.url,
    LADDER_MAIL_FROM: 'Ladder <team@campaign.example>',
    LADDER_DISPATCH_INTERVAL: '250',
  });
  browser = await launch();
  // A partner the new petition will name: its origin is on no allow-list when the server starts.
  partnerPort = await freePort();
  partner = await startPartner(partnerPort, { '/': partnerPage(server.url, SLUG) });
  const res = await fetch(`${server.url}/api/campaigns/${EVENT}/rsvps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      person: { givenName: 'Grace', familyName: 'Lee', email: 'grace@example.org' },
      consent: { contact: true },
      token: await renderToken(server.url, `/campaigns/${EVENT}/rsvps`),
    }),
  });
  expect(res.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await partner?.close();
  await server?.stop();
  await smtp?.close();
});
/** The sign-in link in the latest email to `to`, as a mail client shows it. */
async function linkFor(to: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mail = smtp.mails.findLast((m) => m.to && !Array.isArray(m.to) && m.to.text === to);
    const link = /(http:\/\/\S+#signin=[2-9a-z]{24})/.exec(mail?.text ?? '')?.[1];
    if (link) {
      smtp.mails.splice(smtp.mails.indexOf(mail!), 1);
      return link.replace(/^http:\/\/localhost:\d+/, server.url);
    }
    if (Date.now() > deadline) throw new Error(`no sign-in email to ${to}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** A virtual platform authenticator for this page (passkeys without a person touching a security key). */
async function virtualAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return cdp;
}

const status = (page: Page, path: string, method = 'GET') =>
  page.evaluate(async ([p, m]) => (await fetch(p, { method: m, credentials: 'same-origin' })).status, [
    path,
    method,
  ] as const);

/** Signs the petition in its widget, as a supporter types. */
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

describe('the organizing team', () => {
  it('an owner invites an organizer and a host; the organizer publishes a petition from the browser that takes signatures on its page and a partner page; the host checks in on a phone; the owner reads it all in the audit log', async () => {
    await promisify(execFile)(process.execPath, ['scripts/invite.ts', 'owner@team.example', 'owner'], {
      env: { ...process.env, LADDER_DB: server.db, LADDER_SITE_URL: server.url },
    });

    // The owner follows the emailed link: the dashboard opens, and the secret is gone from the address bar.
    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    owner.setDefaultTimeout(15_000);
    await owner.goto(await linkFor('owner@team.example'));
    await owner.locator('#dashboard').waitFor();
    expect(owner.url()).not.toContain('signin');
    const cookies = await ownerContext.cookies();
    expect(cookies.find((c) => c.name === 'ladder_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    // The team page: add a passkey, invite an organizer and a host for the event.
    const cdp = await virtualAuthenticator(ownerContext, owner);
    await owner.goto(`${server.url}/organize/team/`);
    await owner.locator('#account-email').filter({ hasText: 'owner@team.example' }).waitFor();
    await owner.getByRole('button', { name: 'Add a passkey' }).click();
    await owner.getByRole('status').filter({ hasText: 'Passkey added' }).waitFor();
    const invite = async (email: string, role: string, event?: string) => {
      await owner.locator('#invite-email').fill(email);
      await owner.locator('#invite-role').selectOption(role);
      if (event) await owner.locator(`#invite input[value=${event}]`).check();
      await owner.locator('#invite button[type=submit]').click();
      await owner.locator('[data-slot=people] th').filter({ hasText: email }).waitFor();
    };
    await invite('organizer@team.example', 'organizer');
    await invite('host@team.example', 'host', EVENT);
    await expectNoAxeViolations(owner);

    // The organizer, signed in by their link: an export works, the team and the audit log are the owner's.
    const organizerContext = await browser.newContext();
    const organizer = await organizerContext.newPage();
    organizer.setDefaultTimeout(15_000);
    const csp: string[] = [];
    organizer.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) csp.push(message.text());
    });
    await organizer.goto(await linkFor('organizer@team.example'));
    await organizer.locator('#dashboard').waitFor();
    expect(await status(organizer, `/api/admin/campaigns/${EVENT}/export.csv`)).toBe(200);
    expect(await status(organizer, '/api/admin/audit')).toBe(403);
    await organizer.goto(`${server.url}/organize/team/`);
    await organizer.locator('#owners-only').waitFor();
    expect(await organizer.locator('#people').isHidden()).toBe(true);

    // The organizer creates a petition in the editor, with their session (no token anywhere).
    await organizer.goto(`${server.url}/organize/edit/`);
    await organizer.locator('#new-slug').waitFor();
    await expectNoAxeViolations(organizer);
    await organizer.locator('#new-slug').fill(SLUG);
    await organizer.locator('#new-kind').selectOption('petition');
    await organizer.locator('#new-form button').click();
    const fill = (id: string, text: string) => organizer.locator(`#${id}`).fill(text);
    await fill('f-title', 'Light the underpass');
    await fill('f-summary', 'The underpass on 5th Street is dark at night.');
    await fill('f-partners', `http://127.0.0.1:${partnerPort}`);
    await fill('f-consent-text', 'Keep me updated about this campaign by email.');
    await fill('f-consent-version', '2026-12-01');
    await fill('f-petition-to', 'The Public Works Department');
    await fill('campaign-body', 'Dear Public Works,');
    expect(await organizer.locator('#preview-title').textContent()).toBe('Light the underpass');

    // The ask is missing: the build's words beside the field, which gets the focus; nothing is published.
    await organizer.locator('#publish').click();
    const askError = organizer.locator('#f-petition-ask-error');
    await askError.waitFor();
    expect(await askError.textContent()).toContain('write the demand in one sentence');
    expect(await organizer.evaluate(() => document.activeElement?.id)).toBe('f-petition-ask');
    await expectNoAxeViolations(organizer);
    expect((await fetch(`${server.url}/act/${SLUG}/`)).status).toBe(404);

    // The preview: the real widget beside the form, in each language the campaign speaks (Spanish by its strings).
    await fill('f-petition-ask', 'Install lights in the 5th Street underpass.');
    await fill('f-strings-es', 'submit: ¡Firmo!');
    const preview = (lang: string) => organizer.locator(`#preview-widgets section[lang=${lang}] ladder-petition`);
    await preview('en')
      .locator('[part=ask]')
      .filter({ hasText: 'Install lights in the 5th Street underpass.' })
      .waitFor();
    await preview('es').locator('[part=submit]').filter({ hasText: '¡Firmo!' }).waitFor();
    await expectNoAxeViolations(organizer);

    // Publish: the site rebuilds in the background, the editor says how far it is, then that it is live.
    await organizer.locator('#publish').click();
    const editorStatus = organizer.locator('#editor-status');
    await editorStatus.filter({ hasText: /rebuilding|live/ }).waitFor();
    await editorStatus.filter({ hasText: 'the new pages are live' }).waitFor({ timeout: 150_000 });
    await expectNoAxeViolations(organizer);
    expect(csp).toEqual([]);

    // A signature on the live page, and one on the partner's page (its origin allowed by the publish, no restart).
    const live = await browser.newPage();
    await live.goto(`${server.url}/act/${SLUG}/`);
    await sign(live, 'ada@example.org');
    const onPartner = await browser.newPage();
    await onPartner.goto(`${partner.url}/`);
    await sign(onPartner, 'lin@example.org');
    const campaign = (await (await fetch(`${server.url}/api/campaigns/${SLUG}`)).json()) as { count: number };
    expect(campaign.count).toBe(2);
    await live.close();
    await onPartner.close();

    // The host, on a phone: their link opens check-in with their event only; they check Grace in; nothing else opens.
    const hostContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const host = await hostContext.newPage();
    host.setDefaultTimeout(15_000);
    await host.goto(await linkFor('host@team.example'));
    const events = host.locator('#checkin-events li:visible');
    await events.first().waitFor();
    expect(await events.allTextContents()).toEqual([expect.stringContaining('Town hall')]);
    await expectNoAxeViolations(host);
    await events.first().getByRole('link').click();
    const grace = host.locator('#checkin-list > li').filter({ hasText: 'Grace' });
    await grace.getByRole('button').click();
    await expect.poll(() => grace.getAttribute('class')).toContain('done');
    await expectNoAxeViolations(host);
    expect(await status(host, `/api/admin/campaigns/${EVENT}/rsvps`)).toBe(200);
    for (const path of [
      '/api/admin/funnel',
      `/api/admin/campaigns/${EVENT}/export.csv`,
      `/api/admin/campaigns/${SLUG}/rsvps`,
      '/api/admin/team',
      '/api/admin/audit',
      '/api/admin/editor/campaigns',
    ]) {
      expect(await status(host, path), path).toBe(403);
    }
    expect(await status(host, `/api/admin/editor/campaigns/${SLUG}/close`, 'POST')).toBe(403);

    // The page keeps the list on the phone, encrypted under a key of this device's session (site/lib/dashboard/
    // saved-list.ts), for check-in without a connection; no service worker cache holds an admin answer.
    const saved = () =>
      host.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const opening = indexedDB.open('ladder-checkin-lists', 1);
            opening.onupgradeneeded = () => opening.result.createObjectStore('lists', { keyPath: 'event' });
            opening.onsuccess = () => {
              const count = opening.result.transaction('lists').objectStore('lists').count();
              count.onsuccess = () => {
                resolve(count.result);
                opening.result.close();
              };
            };
          }),
      );
    await expect.poll(saved, { timeout: 30_000 }).toBe(1);
    expect(await host.evaluate(() => localStorage.getItem('ladder-session-list-key'))).toBeTruthy();
    // Sign-out ends the session on the server, and the phone forgets the list; the old cookie, replayed, opens nothing.
    const hostCookie = (await hostContext.cookies()).find((c) => c.name === 'ladder_session')!;
    await host.getByRole('button', { name: 'Sign out' }).click();
    await host.locator('#sign-in-account').waitFor();
    expect(await saved()).toBe(0);
    expect(await host.evaluate(() => localStorage.getItem('ladder-session-list-key'))).toBeNull();
    const replay = await fetch(`${server.url}/api/auth/me`, {
      headers: { cookie: `ladder_session=${hostCookie.value}` },
    });
    expect(replay.status).toBe(401);

    // The owner signs out, signs back in with the passkey, and reads the audit log: who did what, and no person.
    await owner.goto(`${server.url}/organize/team/`);
    await owner.getByRole('button', { name: 'Sign out' }).click();
    await owner.locator('#sign-in-account').waitFor();
    expect(await status(owner, '/api/auth/me')).toBe(401);
    await expectNoAxeViolations(owner);
    await owner.getByRole('button', { name: 'Use a passkey' }).click();
    const log = owner.locator('[data-slot=audit] tbody');
    await log.waitFor();
    const text = await log.innerText();
    expect(text).toMatch(/owner@team\.example\s+team\.invite:organizer/);
    expect(text).toMatch(/owner@team\.example\s+team\.invite:host/);
    expect(text).toMatch(/organizer@team\.example\s+campaign\.export\.csv\s+town-hall-meeting/);
    expect(text).toMatch(/organizer@team\.example\s+campaign\.publish\s+light-the-underpass/);
    expect(text).toMatch(/host@team\.example\s+rsvp\.check-in/);
    expect(text).not.toContain('grace@example.org');
    expect(text).not.toContain('ada@example.org');
    await expectNoAxeViolations(owner);
    await cdp.detach();
    for (const context of [ownerContext, organizerContext, hostContext]) await context.close();
  }, 420_000);

  it('speaks Arabic on the team sign-in, right to left, with no axe violation', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/organize/team/ar/`);
    await page.locator('#sign-in-account').waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.locator('#sign-in-account-title').textContent()).toBe('سجّل الدخول ببريدك الإلكتروني');
    await expectNoAxeViolations(page);
    await page.close();
  });
});
