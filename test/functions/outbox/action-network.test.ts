/**
 * The Action Network sink against a local server that checks paths, methods, the OSDI-API-Token header, body
 * shapes and the 4-requests-a-second limit as Action Network does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { actionNetworkSink, type ActionNetworkConfig } from '../../../functions/outbox/action-network.ts';
import { dispatch } from '../../../functions/outbox/dispatcher.ts';
import { Throttle } from '../../../functions/outbox/throttle.ts';
import { post } from '../fixtures.ts';
import { catalog, quiet, withEvents } from './fixtures.ts';
import { fakeActionNetwork, type TestServer } from './servers.ts';

const KEY = 'an-test-key';
const LADDER_ID = /^ladder:[0-9a-f-]{36}$/;
const RESOURCES = ['petitions/pet-1', 'forms/form-1', 'events/ev-1', 'advocacy_campaigns/adv-1'];
const config = (baseUrl: string, extra: Partial<ActionNetworkConfig> = {}): ActionNetworkConfig => ({
  apiKey: KEY,
  baseUrl,
  campaigns: {
    library: { petition: 'pet-1', tags: ['library'] },
    'block-survey': { form: 'form-1' },
    'tenants-meeting': { event: 'ev-1' },
    'call-council': { advocacy_campaign: 'adv-1' },
    crossing: {},
  },
  ...extra,
});

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const bodies = (s: TestServer) => s.received.map((r) => ({ path: r.path, body: JSON.parse(r.body) }));

describe('Action Network sink', () => {
  it('names each person by ladder:<supporterId>, the same in every campaign and as in the OSDI export', async () => {
    server = await fakeActionNetwork({ apiKey: KEY, resources: RESOURCES });
    const { app, store, sign } = await withEvents();
    await sign('ada@example.org');
    await app.request(
      'http://localhost/api/campaigns/crossing/signatures',
      post({
        person: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', postcode: '94110' },
        consent: { contact: true },
      }),
    );
    await dispatch(store, [actionNetworkSink(config(server.url), { catalog })], quiet);
    const [first, second] = bodies(server).map((b) => b.body.person.identifiers);
    const supporterIds = new Set(
      (await store.outboxEvents(10)).map((e) => (e.payload as { supporterId: string }).supporterId),
    );
    expect(supporterIds.size).toBe(1);
    expect(first).toEqual([`ladder:${[...supporterIds][0]}`]);
    expect(second).toEqual(first);
  });

  it('records each action with the matching helper, and signs people up where no resource is mapped', async () => {
    server = await fakeActionNetwork({ apiKey: KEY, resources: RESOURCES });
    const { app, store, sign, rsvp } = await withEvents();
    await sign('ada@example.org', { comment: 'Open on Sundays', source: 'newsletter' });
    await app.request(
      'http://localhost/api/campaigns/block-survey/responses',
      post({
        person: { givenName: 'Rosa', familyName: 'Parks', email: 'rosa@example.org' },
        answers: { housing: 'rent', landlord: 'no' },
        help: ['host'],
        consent: { contact: true },
      }),
    );
    await rsvp('ella@example.org', {
      consent: { contact: true, sms: true },
      person: {
        givenName: 'Ella',
        familyName: 'Baker',
        email: 'ella@example.org',
        phone: '(415) 555-0134',
      },
    });
    await app.request(
      'http://localhost/api/campaigns/call-council/calls',
      post({
        target: 'ward-1',
        outcome: 'contact',
        postcode: '94110',
        person: { email: 'c@example.org' },
        consent: { contact: true },
      }),
    );
    await app.request(
      'http://localhost/api/campaigns/crossing/signatures',
      post({
        person: { givenName: 'Al', familyName: 'Khwarizmi', email: 'al@example.org', postcode: '94110' },
        consent: { contact: true },
      }),
    );
    const sink = actionNetworkSink(config(server.url), { catalog });
    expect(await dispatch(store, [sink], quiet)).toEqual({
      'action-network': { sent: 5, skipped: 0, retried: 0, dead: 0 },
    });
    expect(server.received.every((r) => r.method === 'POST' && r.headers['osdi-api-token'] === KEY)).toBe(true);
    expect(bodies(server)).toEqual([
      {
        path: '/api/v2/petitions/pet-1/signatures',
        body: {
          person: {
            identifiers: [expect.stringMatching(LADDER_ID)],
            given_name: 'Ada',
            family_name: 'Lovelace',
            email_addresses: [{ address: 'ada@example.org', status: 'subscribed' }],
            postal_addresses: [{ postal_code: '94110' }],
          },
          add_tags: ['library'],
          comments: 'Open on Sundays',
          'action_network:referrer_data': { source: 'newsletter' },
        },
      },
      {
        path: '/api/v2/forms/form-1/submissions',
        body: {
          person: {
            identifiers: [expect.stringMatching(LADDER_ID)],
            given_name: 'Rosa',
            family_name: 'Parks',
            email_addresses: [{ address: 'rosa@example.org', status: 'subscribed' }],
          },
          add_tags: ['renter', 'volunteer-prospect'],
        },
      },
      {
        path: '/api/v2/events/ev-1/attendances',
        body: {
          person: {
            identifiers: [expect.stringMatching(LADDER_ID)],
            given_name: 'Ella',
            family_name: 'Baker',
            email_addresses: [{ address: 'ella@example.org', status: 'subscribed' }],
            phone_numbers: [{ number: '+14155550134', number_type: 'Mobile', status: 'subscribed' }],
          },
        },
      },
      {
        path: '/api/v2/advocacy_campaigns/adv-1/outreaches',
        body: {
          person: {
            identifiers: [expect.stringMatching(LADDER_ID)],
            email_addresses: [{ address: 'c@example.org', status: 'subscribed' }],
          },
          type: 'phone',
          targets: [{ title: 'Council member, ward 1', given_name: 'Ana', family_name: 'Soto' }],
        },
      },
      {
        path: '/api/v2/people',
        body: {
          person: {
            identifiers: [expect.stringMatching(LADDER_ID)],
            given_name: 'Al',
            family_name: 'Khwarizmi',
            email_addresses: [{ address: 'al@example.org', status: 'subscribed' }],
            postal_addresses: [{ postal_code: '94110' }],
          },
        },
      },
    ]);
  });

  it('sends nobody who did not agree to be contacted, and no campaign that is not mapped', async () => {
    server = await fakeActionNetwork({ apiKey: KEY, resources: RESOURCES });
    const { app, store, sign } = await withEvents();
    await sign('ada@example.org', { consent: { contact: false } });
    await app.request(
      'http://localhost/api/campaigns/open-to-all/signatures',
      post({
        person: { givenName: 'B', familyName: 'C', email: 'b@example.org', postcode: '94110' },
        consent: { contact: true },
      }),
    );
    const result = await dispatch(store, [actionNetworkSink(config(server.url))], quiet);
    expect(result['action-network']).toMatchObject({ sent: 0, skipped: 2 });
    expect(server.received).toHaveLength(0);
  });

  it('dead-letters a record Action Network rejects, with its reason, and goes on with the next', async () => {
    server = await fakeActionNetwork({ apiKey: KEY, resources: RESOURCES, reject: 'bad@example.org' });
    const { store, sign } = await withEvents();
    await sign('bad@example.org');
    await sign('good@example.org');
    const result = await dispatch(store, [actionNetworkSink(config(server.url))], quiet);
    expect(result['action-network']).toMatchObject({ sent: 1, dead: 1 });
    const [letter] = await store.deadLetters(5);
    expect(letter).toMatchObject({ sink: 'action-network', error: 'HTTP 400: {"error":"Email address is not valid"}' });
    // A wrong key or an unknown petition id is refused too (403, 404): dead-lettered, redeliverable once fixed.
    await sign('third@example.org');
    const wrong = actionNetworkSink(config(server.url, { apiKey: 'nope' }));
    expect((await dispatch(store, [wrong], quiet))['action-network']).toMatchObject({ dead: 1 });
    expect((await store.deadLetters(5))[0].error).toMatch(/^HTTP 403/);
  });

  it('keeps to 4 requests a second, which the fake enforces with 429s', async () => {
    server = await fakeActionNetwork({ apiKey: KEY, resources: RESOURCES });
    const { store, sign } = await withEvents();
    const n = 9;
    for (let i = 0; i < n; i++) await sign(`p${i}@example.org`);
    const result = await dispatch(store, [actionNetworkSink(config(server.url))], quiet);
    expect(result['action-network']).toMatchObject({ sent: n, retried: 0 });
    const times = server.received.map((r) => r.at);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    const rate = ((n - 1) / (times[n - 1] - times[0])) * 1000;
    console.info(
      `Action Network sink: ${n} requests, ${rate.toFixed(2)} per second, smallest gap ${Math.min(...gaps).toFixed(0)} ms`,
    );
    expect(rate).toBeLessThanOrEqual(4);
    // Sent 275 ms apart; arrival jitter on a busy machine narrows a gap now and then, never to a burst.
    expect(Math.min(...gaps)).toBeGreaterThan(200);
  });

  it('keeps to 4 requests a second with two dispatchers at once on one database, each with its own throttle', async () => {
    const an = await fakeActionNetwork({ apiKey: KEY, resources: RESOURCES });
    server = an;
    const { store, sign } = await withEvents();
    const n = 10;
    for (let i = 0; i < n; i++) await sign(`p${i}@example.org`);
    // Two processes' sinks (as two instances build them), claiming 5 events at a time each.
    const passes = await Promise.all(
      [1, 2].map(() => dispatch(store, [actionNetworkSink(config(an.url))], { ...quiet, batch: 5 })),
    );
    expect(passes.map((pass) => pass['action-network'])).toEqual([
      { sent: 5, skipped: 0, retried: 0, dead: 0 },
      { sent: 5, skipped: 0, retried: 0, dead: 0 },
    ]);
    const times = an.received.map((r) => r.at);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    console.info(`Action Network, two dispatchers: ${n} requests, smallest gap ${Math.min(...gaps).toFixed(0)} ms`);
    expect(Math.min(...gaps)).toBeGreaterThan(200);
  });

  it('the throttle keeps the gap after a late timer: a busy process does not bunch the next requests', async () => {
    const throttle = new Throttle(10); // 105 ms apart
    const times: number[] = [];
    await Promise.all(
      [0, 1, 2].map((i) =>
        throttle.take().then(() => {
          times.push(performance.now());
          // The process is busy for 250 ms after the first request left: the second's timer fires late.
          if (i === 0) while (performance.now() - times[0] < 250);
        }),
      ),
    );
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(250);
    // Paced from when the second really left, not from when it was due.
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(100);
  });

  it('the throttle spaces requests even when many wait at once', async () => {
    const throttle = new Throttle(20);
    const start = performance.now();
    const times = await Promise.all(
      Array.from({ length: 5 }, () => throttle.take().then(() => performance.now() - start)),
    );
    expect(times[4]).toBeGreaterThanOrEqual(4 * 50);
    const controller = new AbortController();
    const waiting = throttle.take(controller.signal);
    controller.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
  });
});
