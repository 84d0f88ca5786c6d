/**
 * Withdrawing consent, on SQLite and PostgreSQL: the unsubscribe link and RFC 8058 headers in the mail (read with a
 * real mail parser from a real SMTP server), the one-click POST, the page's POST, SMS STOP through the signed inbound
 * webhook (signed by Twilio's own library), and what reaches the sinks afterwards.
 */
import type { ParsedMail } from 'mailparser';
import twilio from 'twilio';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { actionNetworkSink } from '../../functions/outbox/action-network.ts';
import { dispatch } from '../../functions/outbox/dispatcher.ts';
import { emailSink } from '../../functions/outbox/email.ts';
import { smsSink } from '../../functions/outbox/sms.ts';
import { webhookSink } from '../../functions/outbox/webhook.ts';
import { post } from './fixtures.ts';
import { quiet } from './outbox/fixtures.ts';
import { fakeActionNetwork, fakeTwilio, listen, smtpServer } from './outbox/servers.ts';
import { API, catalog, dialects, type Opened, sign } from './privacy-fixtures.ts';

/** The site's address: the app answers on it, and the links point at it. */
const SITE = 'https://campaign.example';
const SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH = 'twilio-auth-token-of-the-tests';
const SECRET = '0123456789abcdef0123';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0)) await thing.close();
});

/** The app as an adapter builds it with email, SMS and a webhook configured. */
const appFor = ({ store }: Opened) =>
  createApp({ store, catalog, siteUrl: SITE, sinks: ['email', 'sms'], sms: { authToken: AUTH } });

async function servers() {
  const smtp = await smtpServer();
  const hook = await listen((_request, res) => void res.writeHead(200).end());
  const an = await fakeActionNetwork({ apiKey: 'an-key', resources: [] });
  const texts = await fakeTwilio(SID, AUTH);
  opened.push(smtp, hook, an, texts);
  const sinks = [
    emailSink({ smtpUrl: smtp.url, from: 'Ladder <hello@campaign.example>', siteUrl: SITE }, catalog),
    webhookSink({ url: hook.url, secrets: [SECRET] }),
    actionNetworkSink({ apiKey: 'an-key', baseUrl: an.url, campaigns: { plain: {}, 'tenants-meeting': {} } }),
    smsSink({ accountSid: SID, authToken: AUTH, from: '+15005550006', baseUrl: texts.url }, catalog, SITE),
  ];
  return { smtp, hook, an, texts, sinks };
}

const header = (mail: ParsedMail, name: string) =>
  mail.headerLines
    .find((h) => h.key === name)
    ?.line.slice(name.length + 1)
    .trim();

for (const dialect of dialects) {
  describe(`withdrawing consent: ${dialect.name}`, () => {
    const open = async () => {
      const db = await dialect.open();
      opened.push(db);
      return db;
    };

    it('puts an unsubscribe link and the one-click headers in mail sent on consent; one click stops the next', async () => {
      const db = await open();
      const app = appFor(db);
      const { smtp, hook, an, sinks } = await servers();
      await sign(app, 'plain', 'ada@example.org');
      await sign(app, 'short', 'ada@example.org');
      // One event per sink: the thank-you for "plain" goes out; the one for "short" is still queued.
      await dispatch(db.store, sinks, { ...quiet, limit: 1 });
      expect(smtp.mails).toHaveLength(1);
      const [mail] = smtp.mails;
      const list = header(mail, 'list-unsubscribe');
      expect(list).toMatch(/^<https:\/\/campaign\.example\/api\/unsubscribe\?t=[0-9a-f]{32}>$/);
      expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      const url = list!.slice(1, -1);
      const token = new URL(url).searchParams.get('t')!;
      expect(mail.text).toContain('You get this email because you agreed to hear from this campaign.');
      expect(mail.text).toContain(`Unsubscribe: ${SITE}/unsubscribe/?t=${token}`);
      expect(mail.html).toContain(`<a href="${SITE}/unsubscribe/?t=${token}">Unsubscribe</a>`);
      // The token is stored hashed only, and the answer says nothing about whom it was for.
      expect(JSON.stringify(await db.query('SELECT * FROM unsubscribe_links'))).not.toContain(token);

      // The mail client's one-click POST (RFC 8058): the URL of the header, this body, no cookie.
      const click = () =>
        app.request(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        });
      const res = await click();
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ unsubscribed: true });
      expect(text).not.toMatch(/ada|Lovelace/i);
      // A new record; the consents given stay as they were. Clicking again records nothing more.
      expect((await click()).status).toBe(200);
      const withdrawals = await db.query('SELECT channel, source FROM consent_withdrawals');
      expect(withdrawals).toEqual([{ channel: 'email', source: 'one-click' }]);
      const consents = await db.query('SELECT contact FROM consents');
      expect(consents.map((row) => Number(row.contact))).toEqual([1, 1]);

      await dispatch(db.store, sinks, quiet);
      // The thank-you for "short" is not sent: Ada withdrew before it went out.
      expect(smtp.mails).toHaveLength(1);
      // The webhook hears of it once, Action Network marks her email unsubscribed.
      const types = hook.received.map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
      const withdrawn = types.filter((event) => event.type === 'consent.withdrawn');
      expect(withdrawn).toHaveLength(1);
      expect(withdrawn[0].data).toMatchObject({
        channel: 'email',
        source: 'one-click',
        person: { email: 'ada@example.org' },
      });
      const people = an.received.filter((r) => r.path === '/api/v2/people').map((r) => JSON.parse(r.body));
      expect(people.at(-1)).toEqual({
        person: { email_addresses: [{ address: 'ada@example.org', status: 'unsubscribed' }] },
      });

      // Action Network was not told of "short" either: it would have subscribed her again.
      expect(people).toHaveLength(2);

      // Signing again with the box ticked is a new consent: she hears from the campaign again.
      await sign(app, 'library', 'ada@example.org');
      await dispatch(db.store, sinks, quiet);
      expect(smtp.mails.map((m) => m.subject)).toEqual([
        'Thank you for signing: Petition plain',
        'Thank you for signing: Petition library',
      ]);
    });

    it('withdraws from the page behind the link (a POST without the one-click body) and refuses bad links', async () => {
      const db = await open();
      const app = appFor(db);
      await sign(app, 'plain', 'ada@example.org');
      const [ada] = await db.query('SELECT id FROM supporters');
      const token = await db.store.unsubscribeToken(String(ada.id), 'email');
      // The same link in every message, another for texts and for another person.
      expect(await db.store.unsubscribeToken(String(ada.id), 'email')).toBe(token);
      expect(await db.store.unsubscribeToken(String(ada.id), 'sms')).not.toBe(token);
      // A GET (a mail scanner following the link) changes nothing.
      expect((await app.request(`${API}/unsubscribe?t=${token}`)).status).toBe(404);
      expect((await app.request(`${API}/unsubscribe?t=nope`, { method: 'POST' })).status).toBe(422);
      const unknown = await app.request(`${API}/unsubscribe?t=${'0'.repeat(32)}`, { method: 'POST' });
      expect(unknown.status).toBe(404);
      expect(await db.query('SELECT id FROM consent_withdrawals')).toEqual([]);
      expect((await app.request(`${API}/unsubscribe?t=${token}`, { method: 'POST' })).status).toBe(200);
      expect(await db.query('SELECT channel, source FROM consent_withdrawals')).toEqual([
        { channel: 'email', source: 'link' },
      ]);
      // Ada's own data shows it beside the consent she gave.
      const data = await db.store.supporterExport(String(ada.id));
      expect(data?.withdrawals).toEqual([{ channel: 'email', source: 'link', at: expect.any(String) }]);
      expect(data?.actions[0].consent).toMatchObject({ contact: true });
    });

    it('ends every text with STOP, and a signed STOP stops the next ones and reaches the sinks', async () => {
      const db = await open();
      const app = appFor(db);
      const { texts, hook, an, sinks } = await servers();
      const rsvp = await app.request(
        `${API}/campaigns/tenants-meeting/rsvps`,
        post({
          person: { givenName: 'Ella', familyName: 'Baker', email: 'ella@example.org', phone: '(415) 555-0134' },
          consent: { contact: true, sms: true },
        }),
      );
      expect(rsvp.status).toBe(201);
      await dispatch(db.store, sinks, quiet);
      expect(texts.received).toHaveLength(1);
      expect(new URLSearchParams(texts.received[0].body).get('Body')).toMatch(/ Reply STOP to opt out\.$/);

      const inbound = `${SITE}/api/sms/inbound`;
      const params = { From: '+14155550134', To: '+15005550006', Body: 'Stop', MessageSid: 'SM1', AccountSid: SID };
      const reply = (signature: string) =>
        app.request(inbound, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
          body: new URLSearchParams(params).toString(),
        });
      // Unsigned or signed with another token: refused, nothing recorded.
      const forged = await reply(twilio.getExpectedTwilioSignature('another-token', inbound, params));
      expect(forged.status).toBe(401);
      expect(await db.query('SELECT id FROM consent_withdrawals')).toEqual([]);
      const signature = twilio.getExpectedTwilioSignature(AUTH, inbound, params);
      expect(twilio.validateRequest(AUTH, signature, inbound, params)).toBe(true);
      const res = await reply(signature);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toMatch(/^text\/xml/);
      expect(await res.text()).toContain('<Response></Response>');
      expect(await db.query('SELECT channel, source FROM consent_withdrawals')).toEqual([
        { channel: 'sms', source: 'sms-stop' },
      ]);

      // The reminder the day before: by email (transactional), not by text any more.
      expect(await db.store.remind('tenants-meeting', 'day_before')).toBe(1);
      await dispatch(db.store, sinks, quiet);
      expect(texts.received).toHaveLength(1);
      const withdrawn = hook.received.map((r) => JSON.parse(r.body)).filter((e) => e.type === 'consent.withdrawn');
      expect(withdrawn.map((e) => e.data)).toMatchObject([{ channel: 'sms', person: { phone: '+14155550134' } }]);
      const people = an.received.filter((r) => r.path === '/api/v2/people').map((r) => JSON.parse(r.body));
      expect(people.at(-1)).toEqual({
        person: {
          email_addresses: [{ address: 'ella@example.org' }],
          phone_numbers: [{ number: '+14155550134', status: 'unsubscribed' }],
        },
      });

      // Ella changes her RSVP: Action Network gets the change, without subscribing her phone to texts again.
      const { manageUrl } = ((await rsvp.json()) as { rsvp: { manageUrl: string } }).rsvp;
      const token = new URL(manageUrl).searchParams.get('t');
      const changed = await app.request(`${API}/rsvps/${token}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ guests: 1 }),
      });
      expect(changed.status).toBe(200);
      const before = an.received.length;
      await dispatch(db.store, sinks, quiet);
      const after = an.received.slice(before).map((r) => JSON.parse(r.body) as { person: Record<string, unknown> });
      expect(after).toHaveLength(1);
      expect(after[0].person.email_addresses).toEqual([{ address: 'ella@example.org', status: 'subscribed' }]);
      expect(after[0].person.phone_numbers).toBeUndefined();
      expect(texts.received).toHaveLength(1);
    });
  });
}
