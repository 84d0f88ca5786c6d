/**
 * Double opt-in, on SQLite and PostgreSQL: a held action counts nowhere until its link is followed, then exactly
 * once; the link goes by email (a real SMTP server) and never to a webhook.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../functions/outbox/dispatcher.ts';
import { emailSink } from '../../functions/outbox/email.ts';
import { webhookSink } from '../../functions/outbox/webhook.ts';
import { readTime } from '../../functions/store/db.ts';
import { post } from './fixtures.ts';
import { quiet, SITE } from './outbox/fixtures.ts';
import { listen, smtpServer } from './outbox/servers.ts';
import { API, catalog, confirm, dialects, linkFor, type Opened, person, sign } from './privacy-fixtures.ts';

const opened: { close(): Promise<void> }[] = [];
/** The keys two browsers' widgets keep (widgets/core/outbox-post.ts). */
const ADA_DEVICE = '0123456789abcdef0123456789abcdef';
const MALLORY_DEVICE = 'fedcba9876543210fedcba9876543210';
afterEach(async () => {
  for (const thing of opened.splice(0)) await thing.close();
});

for (const dialect of dialects) {
  describe(`double opt-in: ${dialect.name}`, () => {
    const open = async (): Promise<Opened> => {
      const db = await dialect.open();
      opened.push(db);
      return db;
    };

    it('holds a signature: 202 pending, not counted, no supporter, no signature event', async () => {
      const { app, store, query } = await open();
      const { status, body } = await sign(app, 'doi', 'ada@example.org');
      expect(status).toBe(202);
      expect(body).toMatchObject({
        pending: true,
        duplicate: false,
        count: 0,
        nextAsk: null,
        shareUrl: 'http://localhost/act/doi/',
        signature: { id: expect.any(String) },
      });
      expect(body.referralCode).toBeUndefined();
      expect(await store.count('doi')).toBe(0);
      expect(await store.supporterByEmail('ada@example.org')).toBeNull();
      expect((await store.funnel()).campaigns).toEqual([]);
      expect((await store.outboxEvents(10)).map((event) => event.type)).toEqual(['confirmation.requested']);
      // Only the hash of the link's token is stored.
      const token = await linkFor(store, 'confirmation.requested', 'ada@example.org');
      const rows = await query('SELECT token_hash FROM pending_actions');
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).not.toBe(token);
    });

    it('counts it once the link is followed, exactly once however often and however concurrently', async () => {
      const { app, store, query } = await open();
      const held = (await sign(app, 'doi', 'ada@example.org', {}, { Origin: 'http://localhost' })).body;
      const token = await linkFor(store, 'confirmation.requested', 'ada@example.org');
      // A mail scanner fetching the link with GET changes nothing.
      expect((await app.request(`${API}/confirm?t=${token}`)).status).toBe(404);
      expect(await store.count('doi')).toBe(0);
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => confirm(app, token)));
      const bodies = await Promise.all(answers.map((res) => res.json()));
      expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
      expect(bodies.filter((b) => !b.already)).toHaveLength(1);
      for (const b of bodies) {
        expect(b).toMatchObject({
          confirmed: true,
          count: 1,
          campaign: { slug: 'doi', kind: 'petition', lang: 'fr' },
          referralCode: expect.stringMatching(/^[2-9a-z]{8}$/),
          nextAsk: { slug: 'plain' },
        });
      }
      expect((await confirm(app, token)).status).toBe(200);
      expect(await store.count('doi')).toBe(1);
      const events = (await store.outboxEvents(10)).filter((event) => event.type === 'signature.created');
      expect(events).toHaveLength(1);
      expect(events[0].payload).toMatchObject({ actionId: held.signature.id, origin: 'http://localhost' });
      const ada = await store.supporterByEmail('ada@example.org');
      expect(ada).toMatchObject({ rung: 'supporter', timeline: [{ id: held.signature.id, campaign: 'doi' }] });
      // The consent record keeps when the box was ticked; the action, when it was confirmed.
      const [submitted] = await query('SELECT created_at FROM pending_actions');
      const [consent] = await query(
        'SELECT c.created_at AS given, a.created_at AS counted FROM consents c JOIN actions a ON a.id = c.action_id',
      );
      expect(readTime(consent.given)).toBe(readTime(submitted.created_at));
      expect(readTime(consent.counted) >= readTime(consent.given)).toBe(true);
    });

    it('does not ask again from the browser that followed a link, for any campaign', async () => {
      const { app, store } = await open();
      await sign(app, 'doi', 'ada@example.org', { device: ADA_DEVICE });
      await confirm(app, await linkFor(store, 'confirmation.requested', 'ada@example.org'));
      const again = await sign(app, 'doi-two', 'ada@example.org', { device: ADA_DEVICE });
      expect(again.status).toBe(201);
      expect(again.body.pending).toBeUndefined();
      expect(await store.count('doi-two')).toBe(1);
      // Someone who never confirmed is asked, even if they signed a campaign without double opt-in before.
      await sign(app, 'plain', 'grace@example.org');
      expect((await sign(app, 'doi-two', 'grace@example.org')).status).toBe(202);
    });

    it('once an email is confirmed, another browser (or none) signing as that person still needs a link', async () => {
      const { app, store, query } = await open();
      await sign(app, 'doi', 'ada@example.org', { device: ADA_DEVICE });
      await confirm(app, await linkFor(store, 'confirmation.requested', 'ada@example.org'));
      // Someone who knows Ada's email, from their own browser or from a script.
      expect((await sign(app, 'doi-two', 'ada@example.org', { device: MALLORY_DEVICE })).status).toBe(202);
      expect((await sign(app, 'doi-two', 'ada@example.org')).status).toBe(202);
      expect(await store.count('doi-two')).toBe(0);
      // The device key is stored hashed, never as sent.
      const devices = await query('SELECT device_hash FROM confirmed_devices');
      expect(devices).toHaveLength(1);
      expect(JSON.stringify(devices)).not.toContain(ADA_DEVICE);
      // A malformed key is refused like any bad field, and nothing is held.
      const bad = await sign(app, 'doi-two', 'ada@example.org', { device: 'not-a-key' });
      expect(bad.status).toBe(422);
      expect(bad.body.error.codes).toEqual({ device: 'invalid' });
      expect(await query('SELECT id FROM pending_actions WHERE confirmed_at IS NULL')).toHaveLength(2);
      // Erasing Ada forgets her browser too.
      expect(await store.eraseSupporter('ada@example.org', () => null)).toBe(true);
      expect(await query('SELECT device_hash FROM confirmed_devices')).toEqual([]);
    });

    it('a link confirms only the action it was sent for, not what someone else sent for the same email', async () => {
      const { app, store } = await open();
      await sign(app, 'doi', 'ada@example.org', { device: ADA_DEVICE });
      const adas = await linkFor(store, 'confirmation.requested', 'ada@example.org');
      await sign(app, 'doi-two', 'ada@example.org', { device: MALLORY_DEVICE });
      const second = await linkFor(store, 'confirmation.requested', 'ada@example.org');
      expect((await (await confirm(app, adas)).json()).count).toBe(1);
      expect(await store.count('doi')).toBe(1);
      expect(await store.count('doi-two')).toBe(0);
      // Ada's own browser is vouched for now, not the other one.
      expect((await sign(app, 'doi-two', 'ada@example.org', { device: MALLORY_DEVICE })).status).toBe(202);
      // The second link counts its action when Ada follows it, and only then.
      expect((await (await confirm(app, second)).json()).count).toBe(1);
      expect(await store.count('doi-two')).toBe(1);
    });

    it('holds a survey response with an email, and counts an anonymous one at once', async () => {
      const { app, store } = await open();
      const respond = (body: Record<string, unknown>) =>
        app.request(`${API}/campaigns/doi-survey/responses`, post({ consent: { contact: false }, ...body }));
      expect((await respond({ answers: { story: 'Rent is too high.' } })).status).toBe(201);
      const held = await respond({ answers: { story: 'Repairs.' }, person: person('rosa@example.org', 'Rosa') });
      expect(held.status).toBe(202);
      expect(await held.json()).toMatchObject({ pending: true, count: 1, response: { id: expect.any(String) } });
      await confirm(app, await linkFor(store, 'confirmation.requested', 'rosa@example.org'));
      expect(await store.count('doi-survey')).toBe(2);
      const rosa = await store.supporterByEmail('rosa@example.org');
      expect(rosa?.timeline[0].details).toMatchObject({ answers: { story: 'Repairs.' } });
    });

    it('replays a held signature under its idempotency key without holding it twice', async () => {
      const { app, store, query } = await open();
      const headers = { 'Idempotency-Key': 'held-1' };
      const first = await sign(app, 'doi', 'ada@example.org', {}, headers);
      const second = await sign(app, 'doi', 'ada@example.org', {}, headers);
      expect(second.body).toEqual(first.body);
      expect(await query('SELECT id FROM pending_actions')).toHaveLength(1);
      expect((await store.outboxEvents(10)).filter((e) => e.type === 'confirmation.requested')).toHaveLength(1);
    });

    it('refuses a malformed token (422) and an unknown or swept one (404), counting nothing', async () => {
      const { app, store } = await open();
      const bad = await confirm(app, 'not a token');
      expect(bad.status).toBe(422);
      expect((await bad.json()).error.codes).toEqual({ token: 'invalid' });
      const unknown = await confirm(app, 'abcdefghjkmnpqrstuvwxyz2');
      expect(unknown.status).toBe(404);
      expect((await unknown.json()).error.message).toMatch(/expired or is not valid/);
      await sign(app, 'doi', 'ada@example.org');
      const token = await linkFor(store, 'confirmation.requested', 'ada@example.org');
      // Eight days on, the sweep deletes what was never confirmed, with the link's message.
      const swept = await store.sweep([], new Date(Date.now() + 8 * 24 * 3600_000));
      expect(swept.pending).toBe(1);
      expect(await store.outboxEvents(10)).toEqual([]);
      expect((await confirm(app, token)).status).toBe(404);
      expect(await store.count('doi')).toBe(0);
    });

    it('sends the link by email in the campaign language, and never to a webhook', async () => {
      const { app, store } = await open();
      const smtp = await smtpServer();
      const hook = await listen((_request, res) => void res.writeHead(200).end());
      opened.push(smtp, hook);
      await sign(app, 'doi', 'ada@example.org');
      const sinks = [
        // Thank-you emails for another campaign only: the link Ada asked for goes anyway.
        emailSink(
          { smtpUrl: smtp.url, from: 'Ladder <hello@campaign.example>', siteUrl: SITE, campaigns: ['plain'] },
          catalog,
        ),
        webhookSink({ url: hook.url, secrets: ['0123456789abcdef0123'] }),
      ];
      const result = await dispatch(store, sinks, quiet);
      expect(result.email.sent).toBe(1);
      expect(hook.received).toEqual([]);
      expect(smtp.mails).toHaveLength(1);
      const mail = smtp.mails[0];
      expect(mail.subject).toBe('Confirmez votre e-mail : Petition doi');
      const token = await linkFor(store, 'confirmation.requested', 'ada@example.org');
      expect(mail.text).toContain(`${SITE}/confirm/fr/?t=${token}`);
      expect(mail.text).toContain('Bonjour Ada,');
      // Confirmed, the signature event goes to the webhook (and the thank-you by email).
      await confirm(app, token);
      await dispatch(store, sinks, quiet);
      expect(hook.received.map((r) => JSON.parse(r.body).type)).toEqual(['signature.created']);
      expect(await store.deliveryHealth(['email', sinks[1].name])).toEqual([
        expect.objectContaining({ sink: 'email', delivered: 2, pending: 0 }),
        expect.objectContaining({ sink: sinks[1].name, delivered: 1, pending: 0 }),
      ]);
    });
  });
}
