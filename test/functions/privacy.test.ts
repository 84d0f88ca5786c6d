/**
 * Privacy, on SQLite and PostgreSQL: the consent record, a supporter's data export (admin and self-service), erasure
 * that reaches the exports, the outbox and held actions, and the retention sweep. What is stored is checked in the
 * database itself, not only through the API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { dispatch } from '../../functions/outbox/dispatcher.ts';
import { confirmation } from '../../functions/outbox/messages.ts';
import type { Sink } from '../../functions/outbox/sink.ts';
import { readJson } from '../../functions/store/db.ts';
import { sha256 } from '../../functions/store/ids.ts';
import type { OutboxEvent } from '../../functions/store/types.ts';
import { post } from './fixtures.ts';
import { quiet, SITE } from './outbox/fixtures.ts';
import { API, auth, catalog, dialects, linkFor, type Opened, sign } from './privacy-fixtures.ts';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0)) await thing.close();
});

/** A sink of our own that keeps what it is given: what would reach a CRM. */
function recordingSink(): Sink & { events: OutboxEvent[] } {
  const events: OutboxEvent[] = [];
  return { name: 'recorder', events, deliver: async (event) => (events.push(event), 'sent') };
}

const DAY = 24 * 3600_000;
const later = (days: number) => new Date(Date.now() + days * DAY);

for (const dialect of dialects) {
  describe(`privacy: ${dialect.name}`, () => {
    const open = async (): Promise<Opened> => {
      const db = await dialect.open();
      opened.push(db);
      return db;
    };
    const adminExport = async (app: Opened['app'], email: string) => {
      const found = await (await app.request(`${API}/admin/supporters?email=${email}`, { headers: auth })).json();
      return app.request(`${API}/admin/supporters/${found.id}/export`, { headers: auth });
    };

    it('keeps a consent record per action: the text version and hash, the page origin, the time', async () => {
      const { app } = await open();
      await sign(app, 'plain', 'ada@example.org', {}, { Origin: 'http://localhost' });
      const data = await (await adminExport(app, 'ada@example.org')).json();
      expect(data.actions).toHaveLength(1);
      expect(data.actions[0].consent).toEqual({
        contact: true,
        sms: false,
        textVersion: '2026-11-01',
        textHash: await sha256('Keep me updated about this campaign.'),
        origin: 'http://localhost',
        at: data.actions[0].createdAt,
      });
    });

    it('exports everything about one supporter to the admin, and nothing without the token', async () => {
      const { app } = await open();
      const ada = (await sign(app, 'plain', 'ada@example.org', { comment: 'For my kids.' })).body;
      await sign(app, 'short', 'grace@example.org', { referrer: ada.referralCode });
      await sign(app, 'doi', 'ada@example.org');
      await app.request(
        `${API}/campaigns/call-council/calls`,
        post({ target: 'mayor', outcome: 'voicemail', postcode: '94110', person: { email: 'ada@example.org' } }),
      );
      await app.request(
        `${API}/campaigns/tenants-meeting/rsvps`,
        post({
          person: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org' },
          consent: { contact: false },
        }),
      );
      const found = await (
        await app.request(`${API}/admin/supporters?email=ada@example.org`, { headers: auth })
      ).json();
      await app.request(`${API}/admin/supporters/${found.id}/tags`, {
        method: 'PUT',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ add: ['leader'] }),
      });
      expect((await app.request(`${API}/admin/supporters/${found.id}/export`)).status).toBe(401);
      expect(
        (await app.request(`${API}/admin/supporters/${crypto.randomUUID()}/export`, { headers: auth })).status,
      ).toBe(404);
      expect((await app.request(`${API}/admin/supporters/nobody/export`, { headers: auth })).status).toBe(404);
      const data = await (await adminExport(app, 'ada@example.org')).json();
      expect(data.profile).toMatchObject({
        email: 'ada@example.org',
        givenName: 'Ada',
        referralCode: ada.referralCode,
      });
      expect(data.actions.map((a: { campaign: string }) => a.campaign)).toEqual([
        'plain',
        'call-council',
        'tenants-meeting',
      ]);
      expect(data.actions[0]).toMatchObject({ comment: 'For my kids.', consent: { contact: true } });
      expect(data.rsvps).toMatchObject([{ campaign: 'tenants-meeting', status: 'confirmed', guests: 0 }]);
      expect(data.calls).toMatchObject([{ campaign: 'call-council', target: 'mayor', outcome: 'voicemail' }]);
      expect(data.tags).toMatchObject([{ tag: 'leader', source: 'organizer' }]);
      expect(data.rungs.at(-1).rung).toBe('leader');
      // Her call and her RSVP each answered with a fresh code that credits her (test/functions/identity.test.ts).
      const code = expect.stringMatching(/^[a-z0-9]{8}$/);
      expect(data.referrals).toEqual({ referredBy: null, recruits: 1, codes: [code, code] });
      expect(data.pending).toMatchObject([
        { campaign: 'doi', kind: 'signature', held: { person: { email: 'ada@example.org' }, comment: null } },
      ]);
      expect(data.outbox.map((e: { type: string }) => e.type)).toEqual([
        'signature.created',
        'call.created',
        'rsvp.created',
      ]);
      // Grace is someone else: Ada's export names her nowhere.
      expect(JSON.stringify(data)).not.toContain('grace@example.org');
    });

    it('gives a supporter their own data by an emailed link, saying the same for an unknown email', async () => {
      const { app, store } = await open();
      await sign(app, 'plain', 'ada@example.org');
      const ask = (email: string) => app.request(`${API}/me/export`, post({ email }));
      const known = await ask(' Ada@Example.org ');
      const unknown = await ask('nobody@example.org');
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(await known.json()).toEqual(await unknown.json());
      const requests = (await store.outboxEvents(10)).filter((e) => e.type === 'access.requested');
      expect(requests).toHaveLength(1);
      const token = await linkFor(store, 'access.requested', 'ada@example.org');
      const mail = confirmation(requests[0], catalog.get(requests[0].campaign), SITE);
      expect(mail?.text).toContain(`${SITE}/data/?t=${token}`);
      const download = (t: string) => app.request(`${API}/me/export/download`, post({ token: t }));
      const res = await download(token);
      expect(res.status).toBe(200);
      expect(res.headers.get('Cache-Control')).toBe('no-store');
      expect((await res.json()).profile.email).toBe('ada@example.org');
      expect((await download('abcdefghjkmnpqrstuvwxyz2')).status).toBe(404);
      expect((await download('x')).status).toBe(422);
      // A fourth request within the hour gets the same answer, and no fourth email.
      for (let i = 0; i < 3; i++) expect((await ask('ada@example.org')).status).toBe(202);
      expect((await store.outboxEvents(20)).filter((e) => e.type === 'access.requested')).toHaveLength(3);
      const bad = await ask('ada@');
      expect(bad.status).toBe(422);
      expect((await bad.json()).error.codes).toEqual({ email: 'invalid_email' });
      // Two hours on, the link has expired and the sweep has deleted it.
      await store.sweep([], new Date(Date.now() + 2 * 3600_000));
      expect((await download(token)).status).toBe(404);
    });

    it('does not promise a data link when no email can be sent: 503 email_unavailable, nothing queued', async () => {
      const { store } = await open();
      const app = createApp({ store, catalog, sinks: ['webhook:crm.example'] });
      await sign(app, 'plain', 'ada@example.org');
      const res = await app.request(`${API}/me/export`, post({ email: 'ada@example.org' }));
      expect(res.status).toBe(503);
      expect((await res.json()).error).toMatchObject({
        code: 'email_unavailable',
        message: expect.stringMatching(/sends no email/),
      });
      expect((await store.outboxEvents(10)).filter((e) => e.type === 'access.requested')).toEqual([]);
    });

    it('erases a person from the exports, the outbox (sent or not) and held actions; counts and charts stay', async () => {
      const { app, store, query } = await open();
      const recorder = recordingSink();
      await sign(app, 'plain', 'ada@example.org', { comment: 'Call me, Ada Lovelace.' });
      await app.request(
        `${API}/campaigns/call-council/calls`,
        post({ target: 'mayor', outcome: 'contact', postcode: '94110', person: { email: 'ada@example.org' } }),
      );
      await dispatch(store, [recorder], quiet);
      const delivered = recorder.events.length;
      expect(delivered).toBe(2);
      await sign(app, 'plain', 'grace@example.org');
      await sign(app, 'short', 'ada@example.org');
      await sign(app, 'doi', 'ada@example.org');
      const erased = await app.request(`${API}/admin/supporters?email=ada@example.org`, {
        method: 'DELETE',
        headers: auth,
      });
      expect(await erased.json()).toEqual({ erased: true });
      const csv = await (await app.request(`${API}/admin/campaigns/plain/export.csv`, { headers: auth })).text();
      const osdi = await (await app.request(`${API}/admin/campaigns/plain/export.osdi.json`, { headers: auth })).text();
      for (const text of [csv, osdi]) {
        expect(text).toContain('grace@example.org');
        expect(text).not.toMatch(/ada@example\.org|Call me/);
      }
      const stored = await query('SELECT CAST(payload AS TEXT) AS p FROM outbox');
      expect(stored.map((row) => row.p).join('\n')).not.toMatch(/ada@example\.org|Call me/);
      expect(await query('SELECT id FROM pending_actions')).toEqual([]);
      // Events already delivered are not sent again, even when an organizer asks for a redelivery.
      for (const event of recorder.events) await store.redeliver(event.id);
      await dispatch(store, [recorder], quiet);
      expect(recorder.events.slice(delivered).map((e) => e.type)).toEqual(['signature.created']);
      expect(JSON.stringify(recorder.events.slice(delivered))).toContain('grace@example.org');
      expect(await store.count('plain')).toBe(2);
      expect(await store.count('short')).toBe(1);
      // The calls chart keeps the call's target and outcome; the caller's postcode goes.
      const [call] = await query("SELECT details, supporter_id FROM actions WHERE kind = 'call'");
      expect(call.supporter_id).toBeNull();
      expect(readJson(call.details)).toEqual({ target: 'mayor', outcome: 'contact' });
      expect(await app.request(`${API}/admin/supporters?email=ada@example.org`, { headers: auth })).toHaveProperty(
        'status',
        404,
      );
    });

    it('sweeps personal data past retention: counts stay, people with nothing left go, idempotently', async () => {
      const { app, store, query } = await open();
      const ada = (await sign(app, 'short', 'ada@example.org', { comment: 'Mine.' })).body;
      await sign(app, 'short', 'grace@example.org', { referrer: ada.referralCode });
      await sign(app, 'plain', 'ada@example.org');
      await app.request(
        `${API}/admin/campaigns/past-meeting/walk-ins`,
        post({ person: { givenName: 'Rosa', familyName: 'Parks', email: 'rosa@example.org' }, guests: 2 }, auth),
      );
      expect(await store.count('past-meeting')).toBe(3);
      const cutoffs = (await import('../../functions/store/retention.ts')).retentionCutoffs(
        catalog.list(),
        undefined,
        later(31),
      );
      expect(cutoffs.map((c) => c.campaign).sort()).toEqual(['ended', 'past-meeting', 'short']);
      const counts = await store.sweep(cutoffs, later(31));
      expect(counts).toEqual({ actions: 3, supporters: 2, pending: 0 });
      expect(await store.count('short')).toBe(2);
      expect(await store.count('past-meeting')).toBe(3);
      expect(await store.supporterByEmail('grace@example.org')).toBeNull();
      expect(await store.supporterByEmail('rosa@example.org')).toBeNull();
      const kept = await store.supporterByEmail('ada@example.org');
      expect(kept?.timeline.map((a) => a.campaign)).toEqual(['plain']);
      const rows = await query(
        "SELECT supporter_id, referrer_id, comment, anonymized_at FROM actions WHERE campaign = 'short'",
      );
      for (const row of rows) expect(row).toMatchObject({ supporter_id: null, referrer_id: null, comment: null });
      expect(rows.every((row) => row.anonymized_at)).toBe(true);
      // The consent records stay, naming no one: proof that each counted action was given on those terms.
      const consents = await query(
        "SELECT c.text_version FROM consents c JOIN actions a ON a.id = c.action_id WHERE a.campaign = 'short'",
      );
      expect(consents).toEqual([{ text_version: '2026-11-01' }, { text_version: '2026-11-01' }]);
      const payloads = await query(
        "SELECT CAST(payload AS TEXT) AS p FROM outbox WHERE campaign IN ('short', 'past-meeting')",
      );
      expect(payloads.map((row) => row.p).join('\n')).not.toMatch(/@example\.org/);
      expect(await store.exportRows('short')).toEqual([]);
      expect(await store.sweep(cutoffs, later(31))).toEqual({ actions: 0, supporters: 0, pending: 0 });
    });

    it('sweeps safely while the same people keep signing', async () => {
      const { app, store } = await open();
      const emails = ['a', 'b', 'c', 'd', 'e'].map((n) => `${n}@example.org`);
      for (const email of emails) await sign(app, 'short', email);
      const cutoffs = [{ campaign: 'short', before: later(1).toISOString() }];
      const [, ...signed] = await Promise.all([
        store.sweep(cutoffs, later(1)),
        ...emails.map((email) => sign(app, 'plain', email)),
      ]);
      expect(signed.map((s) => s.status)).toEqual([201, 201, 201, 201, 201]);
      for (const email of emails) {
        const record = await store.supporterByEmail(email);
        expect(record?.timeline.map((a) => a.campaign)).toEqual(['plain']);
      }
      expect(await store.count('short')).toBe(5);
      expect(await store.count('plain')).toBe(5);
    });
  });
}

describe('a retention pass', () => {
  it('applies the default to campaigns whose file is gone, and logs counts only', async () => {
    const [sqlite] = dialects;
    const { app, store, close } = await sqlite.open();
    try {
      await sign(app, 'plain', 'ada@example.org');
      const { sweepRetention } = await import('../../functions/store/retention.ts');
      const lines: string[] = [];
      const log = (line: string) => void lines.push(line);
      // `plain` has no retentionDays: with no default it is kept; without its file, the default applies.
      expect(await sweepRetention(store, catalog.list(), undefined, { now: later(40), log })).toMatchObject({
        actions: 0,
      });
      const others = catalog.list().filter((campaign) => campaign.slug !== 'plain');
      expect(await sweepRetention(store, others, 30, { now: later(20), log })).toMatchObject({ actions: 0 });
      expect(await sweepRetention(store, others, 30, { now: later(40), log })).toMatchObject({
        actions: 1,
        supporters: 1,
      });
      expect(await store.count('plain')).toBe(1);
      expect(lines).toEqual([
        '[ladder] retention: 1 actions anonymized, 1 supporters deleted, 0 unconfirmed actions deleted',
      ]);
    } finally {
      await close();
    }
  });
});

describe('retention cutoffs', () => {
  it('count from the deadline (an event from its end), else from each action; a default fills in', async () => {
    const { retentionCutoffs } = await import('../../functions/store/retention.ts');
    const now = new Date('2026-06-01T00:00:00Z');
    const slugs = (days: number | undefined, at = now) => retentionCutoffs(catalog.list(), days, at);
    expect(slugs(undefined)).toEqual([
      { campaign: 'short', before: '2026-05-02T00:00:00.000Z' },
      { campaign: 'ended', before: now.toISOString() },
      { campaign: 'past-meeting', before: now.toISOString() },
    ]);
    // Ten days after its deadline, not before.
    expect(slugs(undefined, new Date('2020-01-10T00:00:00Z')).map((c) => c.campaign)).toEqual(['short']);
    expect(slugs(400).find((c) => c.campaign === 'plain')).toEqual({
      campaign: 'plain',
      before: '2025-04-27T00:00:00.000Z',
    });
  });
});
