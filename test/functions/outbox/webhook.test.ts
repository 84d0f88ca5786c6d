/**
 * Webhooks as their receivers check them, with the receivers' own libraries: Stripe's `constructEvent` for
 * `Ladder-Signature`, and the Standard Webhooks library for `webhook-id`, `webhook-timestamp`, `webhook-signature`.
 * Real HTTP to a local receiver, events made by the app in a real store.
 */
import type { ServerResponse } from 'node:http';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../functions/outbox/dispatcher.ts';
import { webhookSink } from '../../../functions/outbox/webhook.ts';
import { post } from '../fixtures.ts';
import { quiet, withEvents } from './fixtures.ts';
import { json, listen, type Received, type TestServer } from './servers.ts';

/** A secret as Standard Webhooks writes them: `whsec_` and the key's bytes in base64 (here 32 bytes). */
const STANDARD = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
/** A secret made before Ladder spoke Standard Webhooks: any string of 16 characters or more. */
const PLAIN = 'old-secret-0123456789';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0)) await thing.close();
});

async function delivered(secrets: string[]): Promise<Received> {
  const { store, sign } = await withEvents();
  open.push(store);
  const server: TestServer = await listen((_: unknown, res: ServerResponse) => json(res, 200, { ok: true }));
  open.push(server);
  expect(await sign('ada@example.org')).toBe(201);
  await dispatch(store, [webhookSink({ url: server.url, secrets })], quiet);
  expect(server.received).toHaveLength(1);
  return server.received[0];
}

const headersOf = (request: Received) =>
  Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, String(value)]));

describe('webhook signatures, checked by the receivers’ libraries', () => {
  it('sends the Standard Webhooks headers, which the standardwebhooks library accepts for each secret', async () => {
    const request = await delivered([STANDARD, PLAIN]);
    const headers = headersOf(request);
    const body = JSON.parse(request.body);
    expect(headers['webhook-id']).toBe(body.id);
    expect(headers['webhook-id']).toBe(headers['ladder-event-id']);
    expect(headers['webhook-timestamp']).toMatch(/^\d+$/);
    expect(Math.abs(Number(headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    // One `v1,<base64>` per secret, space-separated.
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}= v1,[A-Za-z0-9+/]{43}=$/);
    // A receiver holding the whsec_ secret, and one holding the plain secret (its bytes are the key: `raw`).
    expect(new Webhook(STANDARD).verify(request.body, headers)).toEqual(body);
    expect(new Webhook(PLAIN, { format: 'raw' }).verify(request.body, headers)).toEqual(body);
    // A wrong secret, a changed body, another id: refused.
    const other = `whsec_${Buffer.from('another key of thirty-two bytes!').toString('base64')}`;
    expect(() => new Webhook(other).verify(request.body, headers)).toThrow();
    expect(() => new Webhook(STANDARD).verify(`${request.body} `, headers)).toThrow();
    expect(() => new Webhook(STANDARD).verify(request.body, { ...headers, 'webhook-id': 'x' })).toThrow();
  });

  it('signs Ladder-Signature so that Stripe’s constructEvent accepts it, for each secret', async () => {
    const request = await delivered([STANDARD, PLAIN]);
    const header = String(request.headers['ladder-signature']);
    const stripe = new Stripe('sk_test_unused');
    const body = JSON.parse(request.body);
    expect(stripe.webhooks.constructEvent(request.body, header, STANDARD)).toEqual(body);
    expect(stripe.webhooks.constructEvent(request.body, header, PLAIN)).toEqual(body);
    expect(() => stripe.webhooks.constructEvent(request.body, header, 'another-secret-0123456')).toThrow();
    expect(() => stripe.webhooks.constructEvent(`${request.body} `, header, PLAIN)).toThrow();
  });

  it('names the person by ladder:<supporterId> in every event, as the OSDI export and Action Network do', async () => {
    const { app, store, sign } = await withEvents();
    open.push(store);
    const server = await listen((_: unknown, res: ServerResponse) => json(res, 200, { ok: true }));
    open.push(server);
    await sign('ada@example.org');
    const person = { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', postcode: '94110' };
    await app.request(
      'http://localhost/api/campaigns/crossing/signatures',
      post({ person, consent: { contact: true } }),
    );
    await dispatch(store, [webhookSink({ url: server.url, secrets: [PLAIN] })], quiet);
    const datas = server.received.map((r) => JSON.parse(r.body).data);
    expect(datas).toHaveLength(2);
    for (const data of datas) expect(data.person.identifiers).toEqual([`ladder:${data.supporterId}`]);
    expect(datas[1].person.identifiers).toEqual(datas[0].person.identifiers);
  });
});
