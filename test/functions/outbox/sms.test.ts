/** The SMS sink against a local server speaking Twilio's Messages API. */
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../functions/outbox/dispatcher.ts';
import { smsSink } from '../../../functions/outbox/sms.ts';
import { catalog, quiet, SITE, withEvents } from './fixtures.ts';
import { fakeTwilio, type TestServer } from './servers.ts';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'twilio-test-token';
const FROM = '+15005550006';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const person = (email: string) => ({ givenName: 'Ella', familyName: 'Baker', email, phone: '(415) 555-0134' });

describe('SMS sink (Twilio-compatible)', () => {
  it('texts an RSVP confirmation only to people who asked for texts', async () => {
    server = await fakeTwilio(SID, TOKEN);
    const { store, rsvp, sign } = await withEvents();
    await rsvp('yes@example.org', { person: person('yes@example.org'), consent: { contact: false, sms: true } });
    await rsvp('no@example.org', { person: person('no@example.org'), consent: { contact: true, sms: false } });
    await sign('ada@example.org');
    const sink = smsSink({ accountSid: SID, authToken: TOKEN, from: FROM, baseUrl: server.url }, catalog, SITE);
    expect((await dispatch(store, [sink], quiet)).sms).toEqual({ sent: 1, skipped: 2, retried: 0, dead: 0 });
    expect(server.received).toHaveLength(1);
    const [request] = server.received;
    expect(request.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    const form = new URLSearchParams(request.body);
    expect(form.get('To')).toBe('+14155550134');
    expect(form.get('From')).toBe(FROM);
    expect(form.get('Body')).toBe(
      "You're going: Tenants meeting, Wednesday, February 18, 2099 at 6:30 PM (America/Chicago). " +
        `${SITE}/act/tenants-meeting/ Reply STOP to opt out.`,
    );
  });

  it('dead-letters what Twilio refuses (bad credentials) and retries when it is down', async () => {
    server = await fakeTwilio(SID, TOKEN);
    const { store, rsvp } = await withEvents();
    await rsvp('yes@example.org', { person: person('yes@example.org'), consent: { contact: false, sms: true } });
    const wrong = smsSink({ accountSid: SID, authToken: 'wrong', from: FROM, baseUrl: server.url }, catalog, SITE);
    expect((await dispatch(store, [wrong], quiet)).sms).toMatchObject({ dead: 1 });
    expect((await store.deadLetters(1))[0].error).toBe('HTTP 401: {"code":20003,"status":401}');
    await rsvp('two@example.org', { person: person('two@example.org'), consent: { contact: false, sms: true } });
    const url = server.url;
    await server.close();
    server = undefined;
    const down = smsSink({ accountSid: SID, authToken: TOKEN, from: FROM, baseUrl: url }, catalog, SITE);
    expect((await dispatch(store, [down], quiet)).sms).toMatchObject({ retried: 1 });
    expect((await store.deliveryHealth(['sms']))[0]).toMatchObject({ dead: 1, pending: 1 });
  });
});
