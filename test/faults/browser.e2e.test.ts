/**
 * The browser losing the network mid-submit, with the real petition widget in Chromium on the built site and the
 * real server (test/e2e's harness): the answer lost after the server committed (the request goes through with
 * `route.fetch()`, then the page sees the connection fail), offline before sending, and the tab closed while the
 * signature waits in the outbox, reopened later. Each time the outbox resends with the same key, the server
 * answers once, and the invariant holds over all three, deliveries to a webhook receiver included. Last, the
 * server killed right after it stored the widget's signature, and restarted: the widget resends to it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { count, launch, type RunningServer, startServer } from '../e2e/harness.ts';
import type { Signed } from './client.ts';
import { type Probe, SITE, SLUG, sqliteProbe, sqliteTarget, supervise } from './harness.ts';
import { checkInvariant, settled } from './invariant.ts';
import { type Receiver, webhookReceiver } from './receivers.ts';

const built = inject('built');
const SECRET = 'faults-webhook-secret-0123456789';
let server: RunningServer;
let browser: Browser;
let receiver: Receiver;
let probe: Probe;
/** Every signature the widget sent, by idempotency key: each attempt as the page saw it, and the last answer. */
const sent = new Map<string, Signed>();

beforeAll(async () => {
  receiver = await webhookReceiver(SECRET);
  server = await startServer(built, {
    LADDER_MIN_FILL_MS: '0',
    LADDER_RATE_BURST: '1000/10',
    LADDER_WEBHOOKS: JSON.stringify([{ url: receiver.url, secrets: [SECRET], name: 'receiver' }]),
    LADDER_DISPATCH_INTERVAL: '200',
  });
  browser = await launch();
  probe = sqliteProbe(server.db);
});

afterAll(async () => {
  await probe?.close();
  await browser?.close();
  await server?.stop();
  await receiver?.close();
});

/** Writes down each signature POST of the page: its key, the person's email, and how each attempt ended. */
function watch(page: Page, sent: Map<string, Signed>): void {
  const entry = (key: string, postData: string | null): Signed => {
    const known = sent.get(key);
    if (known) return known;
    const email = (JSON.parse(postData ?? '{}') as { person?: { email?: string } }).person?.email ?? '';
    const signed: Signed = { key, email, status: 0, actionId: '', attempts: [] };
    sent.set(key, signed);
    return signed;
  };
  const ours = (url: string, method: string) => method === 'POST' && url.endsWith(`/api/campaigns/${SLUG}/signatures`);
  page.on('requestfailed', (request) => {
    if (!ours(request.url(), request.method())) return;
    entry(request.headers()['idempotency-key'], request.postData()).attempts.push('network');
  });
  page.on('response', async (response) => {
    const request = response.request();
    if (!ours(request.url(), request.method())) return;
    const signed = entry(request.headers()['idempotency-key'], request.postData());
    signed.attempts.push(response.status());
    if (!response.ok()) return;
    signed.status = response.status();
    signed.actionId = ((await response.json()) as { signature: { id: string } }).signature.id;
  });
}

/** Opens the action page and waits until the widget has hydrated and its outbox has loaded. */
async function open(context: BrowserContext, into = sent, site = server.url): Promise<Page> {
  const page = await context.newPage();
  watch(page, into);
  await page.goto(`${site}/act/${SLUG}/`);
  await page.waitForFunction(() => {
    const element = document.querySelector('ladder-petition') as (HTMLElement & { hasUpdated?: boolean }) | null;
    return !!element?.hasUpdated && !element.hasAttribute('defer-hydration');
  });
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => /outbox/.test(entry.name)));
  // The widget's events, kept for the test to wait on.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { ladderEvents: string[] }).ladderEvents = seen;
    for (const type of ['ladder-success', 'ladder-queued', 'ladder-error']) {
      document.addEventListener(type, () => seen.push(type));
    }
  });
  return page;
}

async function signOnPage(page: Page, email: string): Promise<void> {
  for (const [name, value] of Object.entries({ givenName: 'Fannie', familyName: 'Hamer', email, postcode: '94110' })) {
    await page.locator(`ladder-petition [name=${name}]`).fill(value);
  }
  await page.locator('ladder-petition [part=submit]').click();
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { ladderEvents: string[] }).ladderEvents);

/** Waits for the widget to say the signature is stored (`ladder-success`), after any number of `ladder-queued`. */
const succeeded = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { ladderEvents: string[] }).ladderEvents.includes('ladder-success'));

/** What waits in the page's outbox (IndexedDB `ladder`, store `outbox`). */
const queued = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('ladder', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('outbox', { keyPath: 'key' });
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('outbox', 'readonly').objectStore('outbox').count();
          all.onsuccess = () => resolve(all.result);
        };
      }),
  );

describe('the browser losing the network mid-submit', () => {
  it('loses the answer after the server stored it; the outbox resends with the same key; counted once', async () => {
    const context = await browser.newContext();
    const page = await open(context);
    const before = await count(server, SLUG);
    let lost = 0;
    await page.route('**/signatures', async (route) => {
      if (lost++) return route.continue();
      // The request reaches the server and commits; its answer never reaches the page.
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await signOnPage(page, 'lost-answer@example.org');
    await succeeded(page);
    expect(await events(page)).toEqual(['ladder-queued', 'ladder-success']);
    expect(await count(server, SLUG)).toBe(before + 1);
    const [signed] = [...sent.values()].filter((s) => s.email === 'lost-answer@example.org');
    // The resend got the stored answer back: a replay (200), not a second signature.
    expect(signed.attempts).toEqual(['network', 200]);
    expect(await queued(page)).toBe(0);
    await context.close();
  });

  it('queues a signature made offline and sends it once back online', async () => {
    const context = await browser.newContext();
    const page = await open(context);
    const before = await count(server, SLUG);
    await context.setOffline(true);
    await signOnPage(page, 'offline@example.org');
    await page.waitForFunction(() =>
      (window as unknown as { ladderEvents: string[] }).ladderEvents.includes('ladder-queued'),
    );
    expect(await count(server, SLUG)).toBe(before);
    await context.setOffline(false);
    await succeeded(page);
    expect(await count(server, SLUG)).toBe(before + 1);
    expect(await queued(page)).toBe(0);
    await context.close();
  });

  it('keeps a signature queued when the tab is closed, and sends it once from the tab reopened later', async () => {
    const context = await browser.newContext();
    const page = await open(context);
    const before = await count(server, SLUG);
    await page.route('**/signatures', (route) => route.abort('internetdisconnected'));
    await signOnPage(page, 'closed-tab@example.org');
    await page.waitForFunction(() =>
      (window as unknown as { ladderEvents: string[] }).ladderEvents.includes('ladder-queued'),
    );
    expect(await queued(page)).toBe(1);
    await page.close();
    expect(await count(server, SLUG)).toBe(before);

    const reopened = await open(context);
    await expect.poll(() => count(server, SLUG), { timeout: 20_000 }).toBe(before + 1);
    await expect.poll(() => queued(reopened), { timeout: 5_000 }).toBe(0);
    await context.close();
  });

  it('ends with every signature stored, counted and delivered once', async () => {
    await settled(probe, 'receiver');
    const signed = [...sent.values()];
    const summary = await checkInvariant(probe, {
      scenario: 'browser offline mid-submit sqlite',
      submitted: 3,
      signed,
      delivery: { sink: 'receiver', accepted: receiver.accepted, seen: receiver.seen, raw: receiver.raw.length },
    });
    console.log(summary);
  });
});

describe('the server killed under the widget', () => {
  it('dies right after storing the signature; the widget resends to the restarted server, counted once', async () => {
    const target = sqliteTarget();
    const site = { LADDER_CONTENT: built.content, LADDER_SITE_OUT: built.site, LADDER_EMBED_OUT: built.embed };
    const killed = await supervise(target, [{ killAfterCommit: 1 }], site, SITE);
    const mine = new Map<string, Signed>();
    const context = await browser.newContext();
    const killedProbe = target.probe();
    try {
      const page = await open(context, mine, killed.url);
      await signOnPage(page, 'killed-server@example.org');
      await page.waitForFunction(
        () => (window as unknown as { ladderEvents: string[] }).ladderEvents.includes('ladder-success'),
        undefined,
        { timeout: 40_000 },
      );
      expect(killed.faults).toEqual(['killed after commit 1']);
      expect(killed.exits).toEqual(['SIGKILL']);
      const [signed] = mine.values();
      expect(signed.attempts[0]).toBe('network');
      expect(signed.attempts.at(-1)).toBe(200);
      expect(await queued(page)).toBe(0);
      const summary = await checkInvariant(killedProbe, {
        scenario: 'browser kill-after-commit sqlite',
        submitted: 1,
        signed: [...mine.values()],
        notes: [`attempts ${signed.attempts.join(', ')}`],
      });
      console.log(summary);
    } finally {
      await context.close();
      await killedProbe.close();
      await killed.stop();
    }
  });
});
