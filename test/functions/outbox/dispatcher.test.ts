/**
 * The dispatcher against a real store (SQLite and PostgreSQL) and real HTTP receivers: at least once, retried
 * with backoff, dead-lettered with the reason, never blocked by a slow receiver, redeliverable.
 */
import type { ServerResponse } from 'node:http';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { dispatch, redeliver, startDispatcher, deliveryHealth } from '../../../functions/outbox/dispatcher.ts';
import { verifySignature, webhookSink } from '../../../functions/outbox/webhook.ts';
import { openPostgresStore } from '../../../functions/store/postgres.ts';
import { openSqliteStore } from '../../../functions/store/sqlite.ts';
import type { Store } from '../../../functions/store/types.ts';
import { tempDb } from '../fixtures.ts';
import { quiet, recordingFailures, withEvents } from './fixtures.ts';
import { json, listen, type TestServer } from './servers.ts';

const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const OLD = 'old-secret-0123456789';
const NEW = 'new-secret-0123456789';
const fast = { ...quiet, backoff: () => 0 };

const schemas: string[] = [];
const stores: Record<string, () => Promise<Store>> = {
  SQLite: () => openSqliteStore(tempDb()),
  async PostgreSQL() {
    const schema = `ladder_outbox_${process.pid}_${schemas.length}`;
    schemas.push(schema);
    const admin = new pg.Pool({ connectionString: PG_URL });
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    return openPostgresStore(PG_URL, { schema });
  },
};

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0)) await thing.close();
});
afterAll(async () => {
  const admin = new pg.Pool({ connectionString: PG_URL });
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

async function receiver(handler: Parameters<typeof listen>[0]): Promise<TestServer> {
  const server = await listen(handler);
  open.push(server);
  return server;
}

const ok = (_: unknown, res: ServerResponse) => json(res, 200, { ok: true });

describe.each(Object.keys(stores))('dispatcher on %s', (name) => {
  async function setup() {
    const store = await stores[name]();
    open.push(store);
    return withEvents(store);
  }

  it('delivers each event once, signed for every secret, with its id; a second pass sends nothing', async () => {
    const { store, sign } = await setup();
    const server = await receiver(ok);
    await sign('ada@example.org');
    await sign('grace@example.org');
    const sink = webhookSink({ url: `${server.url}/hook`, secrets: [NEW, OLD] });
    expect(await dispatch(store, [sink], quiet)).toEqual({
      [`webhook:${new URL(server.url).host}`]: { sent: 2, skipped: 0, retried: 0, dead: 0 },
    });
    expect(server.received).toHaveLength(2);
    const [first] = server.received;
    const body = JSON.parse(first.body);
    expect(first.headers['ladder-event-id']).toBe(body.id);
    expect(body).toMatchObject({
      type: 'signature.created',
      campaign: 'library',
      data: { person: { email: 'ada@example.org' } },
    });
    // A receiver that knows only the old secret, and one that knows only the new one, both accept it.
    const header = String(first.headers['ladder-signature']);
    expect(verifySignature(header, first.body, [OLD])).toBe(true);
    expect(verifySignature(header, first.body, [NEW])).toBe(true);
    expect(verifySignature(header, first.body, ['another-secret-0123456'])).toBe(false);
    expect(verifySignature(header, `${first.body} `, [NEW])).toBe(false);
    expect(verifySignature(header, first.body, [NEW], { now: Date.now() + 600_000 })).toBe(false);
    expect(Object.values(await dispatch(store, [sink], quiet))[0]).toMatchObject({ sent: 0 });
    expect(server.received).toHaveLength(2);
  });

  it('retries a 500 and a dropped connection, and delivers the same event id again: at least once', async () => {
    const { store, sign } = await setup();
    let calls = 0;
    const server = await receiver((_, res, req) => {
      calls++;
      if (calls === 1) return json(res, 500, { error: 'down' });
      if (calls === 2) return void req.socket.destroy();
      json(res, 200, {});
    });
    await sign('ada@example.org');
    const sink = webhookSink({ url: server.url, secrets: [NEW] });
    expect(Object.values(await dispatch(store, [sink], fast))[0]).toMatchObject({ retried: 1, sent: 0 });
    expect(Object.values(await dispatch(store, [sink], fast))[0]).toMatchObject({ retried: 1, sent: 0 });
    expect(Object.values(await dispatch(store, [sink], fast))[0]).toMatchObject({ retried: 0, sent: 1 });
    const ids = new Set(server.received.map((r) => r.headers['ladder-event-id']));
    expect(server.received).toHaveLength(3);
    expect(ids.size).toBe(1);
    expect(await deliveryHealth(store, [sink])).toMatchObject([{ delivered: 1, pending: 0, dead: 0 }]);
  });

  it('honours Retry-After on 429: not tried again before it', async () => {
    const { store: real, sign } = await setup();
    const { store, failures } = recordingFailures(real);
    const server = await receiver((_, res) => json(res, 429, {}, { 'Retry-After': '120' }));
    await sign('ada@example.org');
    const sink = webhookSink({ url: server.url, secrets: [NEW] });
    const now = new Date();
    await dispatch(store, [sink], { ...quiet, now: () => now });
    expect(failures[0].retryAt!.getTime() - now.getTime()).toBe(120_000);
    expect(failures[0].error).toBe('HTTP 429: {}');
    // Not due yet: the next pass leaves it alone.
    expect(Object.values(await dispatch(store, [sink], quiet))[0]).toMatchObject({ sent: 0, retried: 0 });
    expect(server.received).toHaveLength(1);
  });

  it('dead-letters a 4xx with the reason at once, and delivers it again when redelivered', async () => {
    const { store, sign } = await setup();
    let refuse = true;
    const server = await receiver((_, res) => (refuse ? json(res, 410, { error: 'gone' }) : json(res, 204, {})));
    await sign('ada@example.org');
    const sink = webhookSink({ url: server.url, secrets: [NEW] });
    expect(Object.values(await dispatch(store, [sink], quiet))[0]).toMatchObject({ dead: 1 });
    const [letter] = await store.deadLetters(10);
    expect(letter).toMatchObject({ sink: sink.name, attempts: 1, error: 'HTTP 410: {"error":"gone"}' });
    refuse = false;
    expect(await redeliver(store, [sink], letter.event.id, sink.name)).toBe(1);
    await expect(redeliver(store, [sink], letter.event.id, 'webhook:typo')).rejects.toThrow(/no sink named/);
    expect(Object.values(await dispatch(store, [sink], quiet))[0]).toMatchObject({ sent: 1 });
    expect(await store.deadLetters(10)).toEqual([]);
  });

  it('gives up 3 days after the event, not after a number of attempts', async () => {
    const { store: real, sign } = await setup();
    const { store, failures } = recordingFailures(real);
    const server = await receiver((_, res) => json(res, 503, {}));
    await sign('ada@example.org');
    const sink = webhookSink({ url: server.url, secrets: [NEW] });
    const day = 24 * 3600_000;
    // Two days and 23 hours in: retried, and the next attempt is capped at the 3-day mark.
    const late = new Date(Date.now() + 3 * day - 3600_000);
    await dispatch(store, [sink], { ...fast, now: () => late, backoff: () => 6 * 3600_000 });
    expect(failures[0].retryAt!.getTime()).toBeLessThanOrEqual(late.getTime() + 3600_000 + 1000);
    await store.redeliver(failures[0].eventId, sink.name);
    const after = new Date(Date.now() + 3 * day + 1000);
    expect(Object.values(await dispatch(store, [sink], { ...quiet, now: () => after }))[0]).toMatchObject({ dead: 1 });
    expect((await store.deadLetters(1))[0].error).toMatch(/^HTTP 503.*gave up/);
  });
});

describe('a slow receiver', () => {
  it('holds back neither the other sinks nor new submissions, and is retried after its timeout', async () => {
    const { store, sign } = await withEvents();
    open.push(store);
    const hanging = await receiver(() => {}); // never answers
    const quick = await receiver(ok);
    for (const email of ['a@example.org', 'b@example.org', 'c@example.org']) await sign(email);
    const slow = webhookSink({ url: hanging.url, secrets: [NEW], name: 'webhook:slow' }, { timeoutMs: 1500 });
    const fastSink = webhookSink({ url: quick.url, secrets: [NEW] });
    const started = performance.now();
    const pass = dispatch(store, [slow, fastSink], quiet);
    // While the slow receiver holds its request, a supporter signs: answered at once.
    const signing = performance.now();
    expect(await sign('d@example.org')).toBe(201);
    // Well under the receiver's 1.5 s: the submission did not wait for it (margins for a busy 2-core machine).
    expect(performance.now() - signing).toBeLessThan(750);
    const result = await pass;
    expect(result['webhook:slow']).toMatchObject({ retried: 1, sent: 0 });
    expect(result[fastSink.name].sent).toBeGreaterThanOrEqual(3);
    // One timeout (the pass stops a struggling receiver after its first failure), not one per event.
    expect(performance.now() - started).toBeLessThan(3000);
    expect((await store.deliveryHealth(['webhook:slow']))[0]).toMatchObject({ pending: 4, delivered: 0 });
  });

  it('runs on a timer in a long-lived process, and stops at once even mid-request', async () => {
    const { store, sign } = await withEvents();
    open.push(store);
    const quick = await receiver(ok);
    const hanging = await receiver(() => {});
    const running = startDispatcher(
      store,
      [
        webhookSink({ url: quick.url, secrets: [NEW] }),
        webhookSink({ url: hanging.url, secrets: [NEW], name: 'hang' }),
      ],
      20,
      quiet,
    );
    await sign('ada@example.org');
    await expect.poll(() => quick.received.length, { timeout: 2000, interval: 20 }).toBe(1);
    await sign('grace@example.org');
    await expect.poll(() => quick.received.length, { timeout: 2000, interval: 20 }).toBe(2);
    const stopping = performance.now();
    await running.stop();
    expect(performance.now() - stopping).toBeLessThan(500);
  });
});
