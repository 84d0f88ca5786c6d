/**
 * The organizing team end to end (issue 11), on the built site, a real server, a real SMTP server and Chromium:
 * the first owner from `npm run invite`, signed in by the emailed link; a passkey added and used (a virtual
 * authenticator through the DevTools protocol); the owner invites an organizer and a host from the team page; the
 * host signs in on a phone-sized page, sees their event, checks someone in, and gets 403 on anything else; the
 * owner reads it all in the audit log. Sign-out ends the session. axe on every new page and state.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { smtpServer } from '../functions/outbox/servers.ts';
import { axeViolations, freePort, launch, renderToken, type RunningServer, startServer } from './harness.ts';

const built = inject('built');
const EVENT = 'town-hall-meeting';
let smtp: Awaited<ReturnType<typeof smtpServer>>;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  smtp = await smtpServer();
  // The links in the emails point at the site's public address, which a server with email must be told.
  const port = String(await freePort());
  server = await startServer(built, {
    PORT: port,
    LADDER_SITE_URL: `http://localhost:${port}`,
    LADDER_SMTP_URL: smtp.url,
    LADDER_MAIL_FROM: 'Ladder <team@campaign.example>',
    LADDER_DISPATCH_INTERVAL: '250',
  });
  browser = await launch();
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

describe('the organizing team', () => {
  it('owner, organizer and host sign in by email (and passkey), each sees what their role opens, all in the audit log', async () => {
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

    // The organizer: the dashboard and an export; the team page shows them only their account.
    const organizerContext = await browser.newContext();
    const organizer = await organizerContext.newPage();
    organizer.setDefaultTimeout(15_000);
    await organizer.goto(await linkFor('organizer@team.example'));
    await organizer.locator('#dashboard').waitFor();
    expect(await status(organizer, `/api/admin/campaigns/${EVENT}/export.csv`)).toBe(200);
    expect(await status(organizer, '/api/admin/audit')).toBe(403);
    await organizer.goto(`${server.url}/organize/team/`);
    await organizer.locator('#owners-only').waitFor();
    expect(await organizer.locator('#people').isHidden()).toBe(true);

    // The host, on a phone: their link opens check-in with their event; they check Grace in; nothing else opens.
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
    expect(await status(host, '/api/admin/funnel')).toBe(403);
    expect(await status(host, `/api/admin/campaigns/${EVENT}/export.csv`)).toBe(403);
    expect(await status(host, '/api/admin/team')).toBe(403);
    expect(await status(host, `/api/admin/campaigns/${EVENT}/rsvps`)).toBe(200);

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

    // The owner signs out, signs back in with the passkey, and reads the audit log.
    await owner.goto(`${server.url}/organize/team/`);
    await owner.getByRole('button', { name: 'Sign out' }).click();
    await owner.locator('#sign-in-account').waitFor();
    expect(await status(owner, '/api/auth/me')).toBe(401);
    await expectNoAxeViolations(owner);
    await owner.getByRole('button', { name: 'Use a passkey' }).click();
    const log = owner.locator('[data-slot=audit] tbody');
    await log.waitFor();
    const text = await log.innerText();
    expect(text).toContain('team.invite:organizer');
    expect(text).toContain('team.invite:host');
    expect(text).toMatch(/organizer@team\.example\s+campaign\.export\.csv\s+town-hall-meeting/);
    expect(text).not.toContain('grace@example.org');
    await cdp.detach();
    for (const context of [ownerContext, organizerContext, hostContext]) await context.close();
  }, 120_000);

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
