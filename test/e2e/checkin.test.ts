/**
 * Host check-in on the built site and a real server: the list of RSVPs, search as you type, tap to check in; then
 * with no connection: check someone in, reload (the service worker serves the page and the last list), come back
 * online, and the saved check-in is sent exactly once. Walk-ins, the door's QR code, axe.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launch, renderToken, type RunningServer, startServer } from './harness.ts';

const built = inject('built');
const TOKEN = 'host-secret-token-5678';
const EVENT = 'town-hall-meeting';
const admin = { authorization: `Bearer ${TOKEN}` };
let server: RunningServer;
let browser: Browser;

const attended = async () => {
  const res = await fetch(`${server.url}/api/admin/funnel`, { headers: admin });
  const funnel = (await res.json()) as { events: { campaign: string; attended: number }[] };
  return funnel.events.find((e) => e.campaign === EVENT)?.attended ?? 0;
};

beforeAll(async () => {
  server = await startServer(built, { LADDER_ADMIN_TOKEN: TOKEN });
  browser = await launch();
  for (const [givenName, familyName] of [
    ['Ada', 'Lovelace'],
    ['Barbara', 'McClintock'],
    ['Charles', 'Drew'],
    ['José', 'Martí'],
  ]) {
    const res = await fetch(`${server.url}/api/campaigns/${EVENT}/rsvps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        person: { givenName, familyName, email: `${givenName.toLowerCase().replace('é', 'e')}@example.org` },
        consent: { contact: true },
        token: await renderToken(server.url, `/campaigns/${EVENT}/rsvps`),
      }),
    });
    expect(res.status).toBe(201);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const rows = (page: Page) => page.locator('#checkin-list > li');
const row = (page: Page, name: string) => rows(page).filter({ hasText: name });

/** Admin answers kept on the device: in Cache Storage, the check-in page's lists in IndexedDB, localStorage. */
const onDevice = (page: Page) =>
  page.evaluate(async () => {
    const cached: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) cached.push(request.url);
    }
    // Opened only if the page made it: opening creates a database, without the page's object store.
    const made = (await indexedDB.databases()).some((d) => d.name === 'ladder-checkin-lists');
    const lists = !made
      ? 0
      : await new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('ladder-checkin-lists');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const count = db.transaction('lists').objectStore('lists').count();
            count.onsuccess = () => {
              db.close();
              resolve(count.result);
            };
          };
        });
    return { admin: cached.filter((url) => url.includes('/api/')), lists, localStorage: localStorage.length };
  });

describe('host check-in', () => {
  it('lists RSVPs, searches as you type, checks in with a tap, and works offline, sending once when back', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    let sent = 0;
    page.on('response', (response) => {
      if (response.request().method() === 'POST' && /\/check-in$/.test(response.url()) && response.ok()) sent++;
    });

    await page.goto(`${server.url}/checkin/?event=${EVENT}`);
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await rows(page).first().waitFor();
    expect(await page.locator('#checkin-title').textContent()).toBe('Town hall on the fountain');
    expect(await rows(page).count()).toBe(4);
    await page.locator('#checkin-qr svg').waitFor();
    expect(await page.locator('#qr-link').textContent()).toBe(`${server.url}/act/${EVENT}/`);

    // Search as you type, accents ignored.
    await page.getByLabel('Find a name or email').pressSequentially('jose');
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('José Martí');
    await page.getByLabel('Find a name or email').fill('barb');
    await expect.poll(() => rows(page).count()).toBe(1);

    // Tap to check in: the funnel's attendance goes up.
    await page.getByRole('button', { name: 'Check in Barbara McClintock' }).click();
    await row(page, 'Barbara').getByText('Checked in', { exact: true }).waitFor();
    await expect.poll(attended).toBe(1);
    await page.getByLabel('Find a name or email').fill('');
    expect(await axeViolations(page)).toEqual([]);

    // The service worker controls the page once it is installed; a reload (online) puts the list in its cache.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
      }
    });
    await page.reload();
    await rows(page).first().waitFor();

    // Offline: the check-in is kept on the device.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Check in Charles Drew' }).click();
    await row(page, 'Charles').getByText('Checked in (saved, not sent yet)').waitFor();
    await page.locator('.offline').waitFor();
    expect(await attended()).toBe(1);

    // Reload with no connection: the page and the list come from the service worker, the check-in still waits.
    await page.reload();
    await row(page, 'Charles').getByText('Checked in (saved, not sent yet)').waitFor();
    expect(await row(page, 'Barbara').getByText('Checked in', { exact: true }).count()).toBe(1);
    expect(await rows(page).count()).toBe(4);
    expect(await attended()).toBe(1);

    // Back online: sent, once.
    await context.setOffline(false);
    await expect.poll(attended, { timeout: 20_000 }).toBe(2);
    await row(page, 'Charles').getByText('Checked in', { exact: true }).waitFor();
    await page.waitForTimeout(500);
    expect(sent).toBe(2);
    expect(await attended()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('sends what waits before signing out; offline it asks first, and signing out anyway leaves nothing on the device', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/checkin/?event=${EVENT}`);
    const signIn = async () => {
      await page.getByLabel('Admin token').fill(TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await rows(page).first().waitFor();
    };
    await signIn();
    const queued = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('ladder-checkin', 1);
            open.onupgradeneeded = () => open.result.createObjectStore('queue', { keyPath: 'key' });
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const count = open.result.transaction('queue').objectStore('queue').count();
              count.onsuccess = () => (open.result.close(), resolve(count.result));
            };
          }),
      );
    const before = await attended();
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Check in José Martí' }).click();
    await row(page, 'José').getByText('Checked in (saved, not sent yet)').waitFor();

    // Offline: the host is told what signing out would lose, and a "no" keeps them signed in with the check-in.
    const asked: string[] = [];
    page.once('dialog', (dialog) => (asked.push(dialog.message()), void dialog.dismiss()));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('1 saved check-in');
    expect(await rows(page).count()).toBe(4);
    expect(await queued()).toBe(1);

    // Back online, signing out sends it first: no question, counted once.
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Admin token').waitFor();
    await expect.poll(attended).toBe(before + 1);
    expect(asked.length).toBe(1);

    // Offline again: a check-in, then "sign out anyway": the queue (names, emails of walk-ins) is gone with the session.
    await signIn();
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Check in Ada Lovelace' }).click();
    await row(page, 'Ada').getByText('Checked in (saved, not sent yet)').waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    const reloaded = page.waitForEvent('framenavigated');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await reloaded;
    // (The reload at sign-out finds no connection: this context's service worker does not control the page yet.)
    await context.setOffline(false);
    await page.goto(`${server.url}/checkin/?event=${EVENT}`);
    await page.getByLabel('Admin token').waitFor();
    expect(await queued()).toBe(0);
    await page.waitForTimeout(500);
    expect(await attended()).toBe(before + 1);
    await context.close();
  });

  it('speaks the host’s language: Spanish, and Arabic right to left, with the event kept across languages', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/checkin/?event=${EVENT}`);
    await page.locator('.languages a[hreflang=es]').click();
    await page.waitForURL(`${server.url}/checkin/es/?event=${EVENT}`);
    await page.getByLabel('Token de administración').fill(TOKEN);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await rows(page).first().waitFor();
    expect(await page.locator('#checkin-count').textContent()).toMatch(/registrados de \d+ confirmados/);
    await page.getByLabel('Buscar un nombre o correo').fill('zzz');
    await page.getByText('Nadie coincide con «zzz»').waitFor();
    await page.getByRole('button', { name: 'Añadir y registrar' }).click();
    await page.getByText('Revisa el campo «Nombre»').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('.languages a[hreflang=ar]').click();
    await page.waitForURL(`${server.url}/checkin/ar/?event=${EVENT}`);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    // Signed in with a token, the tab keeps it: the list comes in Arabic.
    await rows(page).first().waitFor();
    await page.getByRole('heading', { name: 'حضور بلا تسجيل مسبق' }).waitFor();
    expect(await page.getByRole('button', { name: 'تحديث القائمة' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('adds a walk-in, checked in at once', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/checkin/?event=${EVENT}`);
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await rows(page).first().waitFor();
    const before = await attended();
    await page.getByRole('button', { name: 'Add and check in' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('walk-given');
    await page.getByLabel('Given name').fill('Walter');
    await page.getByLabel('Family name').fill('Inn');
    await page.getByLabel('Email', { exact: true }).fill('walter@example.org');
    await page.getByRole('button', { name: 'Add and check in' }).click();
    await row(page, 'Walter Inn').getByText('Checked in', { exact: true }).waitFor();
    expect(await attended()).toBe(before + 1);
    await page.close();
  });

  it('serves an action page with no connection after a first visit; the signature waits and is sent once', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const signatures = async () =>
      ((await (await fetch(`${server.url}/api/campaigns/fix-the-fountain`)).json()) as { count: number }).count;
    const before = await signatures();
    await page.goto(`${server.url}/act/fix-the-fountain/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
      }
    });
    await context.setOffline(true);
    await page.reload();
    const widget = 'ladder-petition';
    for (const [name, value] of Object.entries({
      givenName: 'Off',
      familyName: 'Line',
      email: 'off.line@example.org',
      postcode: '94110',
    })) {
      await page.locator(`${widget} [name=${name}]`).fill(value);
    }
    await page.locator(`${widget} [part=submit]`).click();
    await page.locator(`${widget} [part=thanks] h2`).waitFor();
    expect(await signatures()).toBe(before);
    await context.setOffline(false);
    await expect.poll(signatures, { timeout: 20_000 }).toBe(before + 1);
    await context.close();
  });

  it('opens the list saved on the device only for its own token when the server cannot be reached, and forgets it at sign-out', async () => {
    // A server of its own, stopped midway: `context.setOffline` does not reach the service worker's own requests,
    // and a worker answering from its cache is the complaint (the list opened with any token, offline or slow).
    const door = await startServer(built, { LADDER_ADMIN_TOKEN: TOKEN });
    const context = await browser.newContext();
    try {
      const rsvp = await fetch(`${door.url}/api/campaigns/${EVENT}/rsvps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          person: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org' },
          consent: { contact: true },
          token: await renderToken(door.url, `/campaigns/${EVENT}/rsvps`),
        }),
      });
      expect(rsvp.status).toBe(201);
      const url = `${door.url}/checkin/?event=${EVENT}`;
      const signInWith = async (page: Page, token: string) => {
        await page.goto(url);
        await page.getByLabel('Admin token').fill(token);
        await page.getByRole('button', { name: 'Sign in' }).click();
      };
      const host = await context.newPage();
      host.setDefaultTimeout(15_000);
      await signInWith(host, TOKEN);
      await row(host, 'Ada Lovelace').waitFor();
      // Installed and in control, as at a door after a first visit; a reload fetches the list through the worker.
      await host.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
        }
      });
      await host.reload();
      await row(host, 'Ada Lovelace').waitFor();
      await expect.poll(async () => (await onDevice(host)).lists, { timeout: 15_000 }).toBe(1);

      await door.stop();
      await context.setOffline(true);
      // Another tab (no token in its session), another token: the page opens, the list does not.
      const stranger = await context.newPage();
      stranger.setDefaultTimeout(15_000);
      await signInWith(stranger, 'somebody-else-s-guess');
      await stranger.locator('#admin-token-error').filter({ hasText: 'No list for this token' }).waitFor();
      expect(await stranger.locator('#checkin').isHidden()).toBe(true);
      expect(await stranger.getByText('Ada Lovelace').count()).toBe(0);
      expect(await stranger.getByText('ada@example.org').count()).toBe(0);
      // The right token opens what it saved, with no connection.
      await signInWith(stranger, TOKEN);
      await row(stranger, 'Ada Lovelace').waitFor();

      // Sign-out leaves no admin answer on the device: Cache Storage, IndexedDB, localStorage.
      await stranger.getByRole('button', { name: 'Sign out' }).click();
      await stranger.getByLabel('Admin token').waitFor();
      expect(await onDevice(stranger)).toEqual({ admin: [], lists: 0, localStorage: 0 });
      await signInWith(stranger, TOKEN);
      await stranger.locator('#admin-token-error').filter({ hasText: 'No list for this token' }).waitFor();
      expect(await stranger.getByText('Ada Lovelace').count()).toBe(0);
    } finally {
      await context.close();
      await door.stop();
    }
  });

  it('lists the events to choose from without ?event=', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/checkin/`);
    await page.getByRole('link', { name: 'Town hall on the fountain' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
