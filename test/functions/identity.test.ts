/**
 * Knowing an email proves nothing (issue 10, items 1, 9 and 10), on SQLite and PostgreSQL, over the app's HTTP
 * routes: a request with someone else's email never gets their manage link or referral code, never changes their
 * RSVP, contact details or consent; manage tokens are stored hashed and never leave for a webhook or a CRM, while
 * the email still carries a working link; survey phones are E.164.
 */
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../functions/outbox/dispatcher.ts';
import { emailSink } from '../../functions/outbox/email.ts';
import { sha256 } from '../../functions/store/ids.ts';
import { migrations as postgresMigrations } from '../../functions/store/migrations/postgres.ts';
import { migrations as sqliteMigrations } from '../../functions/store/migrations/sqlite.ts';
import { openPostgresStore } from '../../functions/store/postgres.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import type { Store } from '../../functions/store/types.ts';
import { post, tempDb } from './fixtures.ts';
import { quiet, SITE } from './outbox/fixtures.ts';
import { smtpServer } from './outbox/servers.ts';
import { API, auth, catalog, dialects, type Opened } from './privacy-fixtures.ts';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0)) await thing.close();
});

const RSVPS = `${API}/campaigns/tenants-meeting/rsvps`;
const ella = { givenName: 'Ella', familyName: 'Baker', email: 'ella@example.org', phone: '+14155550100' };
const mallory = { givenName: 'Mallory', familyName: 'Jones', email: 'ella@example.org', phone: '+14155550199' };

/** The keys and value types of a JSON body, to compare two answers' shapes. */
const shape = (value: unknown): unknown =>
  value && typeof value === 'object'
    ? Object.fromEntries(
        Object.entries(value)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, v]) => [key, shape(v)]),
      )
    : typeof value;

const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const SUPPORTER = '0190a000-0000-7000-8000-000000000001';
const RSVP = '0190a000-0000-7000-8000-000000000002';
const AT = '2026-11-30T10:00:00.000Z';
const OLD_TOKEN = 'abcdefghjkmnpqrstuvwxyz2';

const tokenOf = (manageUrl: string) => new URL(manageUrl).searchParams.get('t')!;

for (const dialect of dialects) {
  describe(`identity: ${dialect.name}`, () => {
    const open = async (): Promise<Opened> => {
      const db = await dialect.open();
      opened.push(db);
      return db;
    };
    const rsvp = async (app: Opened['app'], person: object, extra: Record<string, unknown> = {}) => {
      const res = await app.request(RSVPS, post({ person, consent: { contact: false, sms: false }, ...extra }));
      return { status: res.status, body: await res.json() };
    };
    const supporter = async (db: Opened, email: string) =>
      (await db.query('SELECT given_name, family_name, postcode, phone FROM supporters WHERE email = ?', email))[0];

    it('an RSVP with someone else’s email gets neither their manage link nor their RSVP, and changes nothing of theirs', async () => {
      const db = await open();
      const { app } = db;
      const victim = await rsvp(app, ella);
      expect(victim.status).toBe(201);
      const stranger = await rsvp(app, { ...ella, email: 'new@example.org' }, { guests: 1 });
      const repeat = await rsvp(app, mallory, { guests: 2, consent: { contact: true, sms: true } });
      // Answered as a new RSVP is: same status, same shape, nothing of the victim's.
      expect(repeat.status).toBe(stranger.status);
      expect(shape(repeat.body)).toEqual(shape(stranger.body));
      expect(repeat.body.updated).toBe(false);
      expect(repeat.body.rsvp.id).not.toBe(victim.body.rsvp.id);
      expect(repeat.body.rsvp.manageUrl).not.toBe(victim.body.rsvp.manageUrl);
      expect(repeat.body.referralCode).not.toBe(victim.body.referralCode);
      // The link handed out does not open (or cancel) the victim's RSVP.
      const theirs = tokenOf(repeat.body.rsvp.manageUrl);
      expect((await app.request(`${API}/rsvps/${theirs}/cancel`, { method: 'POST' })).status).toBe(404);
      const mine = await (await app.request(`${API}/rsvps/${tokenOf(victim.body.rsvp.manageUrl)}`)).json();
      expect(mine.rsvp).toMatchObject({ status: 'confirmed', guests: 0 });
      expect(await supporter(db, 'ella@example.org')).toEqual({
        given_name: 'Ella',
        family_name: 'Baker',
        postcode: null,
        phone: '+14155550100',
      });
      const consents = await db.query(
        'SELECT c.contact, c.sms FROM consents c JOIN rsvps r ON r.action_id = c.action_id JOIN supporters s ON s.id = r.supporter_id WHERE s.email = ?',
        'ella@example.org',
      );
      expect(consents.map((row) => [Number(row.contact), Number(row.sms)])).toEqual([[0, 0]]);
      // Counted once: the victim's one person and the stranger's two.
      expect(await db.store.count('tenants-meeting')).toBe(3);
    });

    it('emails the person their manage link when their email RSVPs again, and the link works', async () => {
      const db = await open();
      const smtp = await smtpServer();
      opened.push(smtp);
      await rsvp(db.app, ella);
      const sink = emailSink({ smtpUrl: smtp.url, from: 'Ladder <hello@campaign.example>', siteUrl: SITE }, catalog);
      await dispatch(db.store, [sink], quiet);
      await rsvp(db.app, mallory, { guests: 2 });
      expect((await dispatch(db.store, [sink], quiet)).email).toMatchObject({ sent: 1 });
      const mail = smtp.mails.at(-1)!;
      expect(mail.to).toMatchObject({ text: 'ella@example.org' });
      expect(mail.text).toContain('Hi Ella,');
      const link = /Change or cancel your RSVP: (\S+)/.exec(mail.text ?? '')?.[1];
      expect(link).toMatch(new RegExp(`^${SITE}/rsvp/\\?t=[a-z0-9]{24}$`));
      const view = await (await db.app.request(`${API}/rsvps/${tokenOf(link!)}`)).json();
      expect(view.rsvp).toMatchObject({ status: 'confirmed', guests: 0 });
    });

    it('a new RSVP for a known person texts only the phone on file, and only when the request gave it', async () => {
      const db = await open();
      await rsvp(db.app, ella);
      const sms = { contact: false, sms: true };
      const cleanup = (email: string, person: object) =>
        db.app.request(
          `${API}/campaigns/cleanup/rsvps`,
          post({ person: { ...person, email }, consent: sms, shift: 'late' }),
        );
      expect((await cleanup('ella@example.org', mallory)).status).toBe(201);
      const [row] = await db.query(
        "SELECT c.sms FROM consents c JOIN rsvps r ON r.action_id = c.action_id WHERE r.campaign = 'cleanup'",
      );
      expect(Number(row.sms)).toBe(0);
      const [event] = (await db.store.outboxEvents(20)).filter((e) => e.campaign === 'cleanup');
      expect(event.payload).toMatchObject({
        person: { givenName: 'Ella', phone: '+14155550100' },
        consent: { sms: false },
      });
      await db.app.request(`${API}/admin/supporters?email=ella@example.org`, { method: 'DELETE', headers: auth });
      expect((await cleanup('ella@example.org', ella)).status).toBe(201);
      const after = await db.query(
        "SELECT c.sms FROM consents c JOIN rsvps r ON r.action_id = c.action_id WHERE r.campaign = 'cleanup'",
      );
      expect(after.map((r) => Number(r.sms))).toEqual([1]);
    });

    it('a cancelled RSVP comes back only through its link, at the back of the waitlist', async () => {
      const db = await open();
      const { app } = db;
      const mine = tokenOf((await rsvp(app, ella)).body.rsvp.manageUrl);
      await app.request(`${API}/rsvps/${mine}/cancel`, { method: 'POST' });
      // Someone RSVPing with the email changes nothing; the link (emailed to the person) reopens it.
      await rsvp(app, mallory);
      expect((await (await app.request(`${API}/rsvps/${mine}`)).json()).rsvp.status).toBe('cancelled');
      for (const email of ['a@example.org', 'b@example.org', 'c@example.org']) await rsvp(app, { ...ella, email });
      const reopened = await app.request(`${API}/rsvps/${mine}`, { ...post({}), method: 'PATCH' });
      expect(reopened.status).toBe(200);
      expect((await reopened.json()).rsvp).toMatchObject({ status: 'waitlisted', guests: 0 });
      expect(await db.store.count('tenants-meeting')).toBe(3);
    });

    it('a host’s walk-in for someone with an RSVP checks in that RSVP and changes nothing else', async () => {
      const db = await open();
      const made = await rsvp(db.app, ella);
      const walkIn = await db.app.request(`${API}/admin/campaigns/tenants-meeting/walk-ins`, {
        ...post({ person: { ...mallory, email: 'ELLA@example.org' }, guests: 3 }),
        headers: { ...auth, 'Content-Type': 'application/json' },
      });
      expect(walkIn.status).toBe(201);
      expect((await walkIn.json()).id).toBe(made.body.rsvp.id);
      const [row] = await db.query('SELECT guests, attended_at FROM rsvps');
      expect(Number(row.guests)).toBe(0);
      expect(row.attended_at).not.toBeNull();
      expect(await supporter(db, 'ella@example.org')).toMatchObject({ given_name: 'Ella', phone: '+14155550100' });
    });

    it('a second signature or any action by a known email gets a fresh referral code that still credits its owner', async () => {
      const db = await open();
      const { app } = db;
      const sign = (person: object, extra: Record<string, unknown> = {}) =>
        app.request(`${API}/campaigns/library/signatures`, post({ person, consent: { contact: true }, ...extra }));
      const first = await (await sign({ ...ella, postcode: '94110' })).json();
      const again = await (await sign({ ...mallory, postcode: '10001' })).json();
      expect(again.duplicate).toBe(true);
      expect(again.referralCode).toMatch(/^[a-z0-9]{8}$/);
      expect(again.referralCode).not.toBe(first.referralCode);
      const answered = await (
        await app.request(
          `${API}/campaigns/block-survey/responses`,
          post({ person: mallory, answers: { housing: 'own' }, consent: { contact: true } }),
        )
      ).json();
      expect(answered.referralCode).not.toBe(first.referralCode);
      expect(answered.referralCode).not.toBe(again.referralCode);
      // Whoever follows the fresh code's share link is credited to the person it was minted for.
      const rosa = { givenName: 'Rosa', familyName: 'Parks', email: 'rosa@example.org', postcode: '94110' };
      expect((await sign(rosa, { referrer: again.referralCode })).status).toBe(201);
      const [owner] = await db.query('SELECT id FROM supporters WHERE email = ?', 'ella@example.org');
      const [recruit] = await db.query('SELECT referred_by FROM supporters WHERE email = ?', 'rosa@example.org');
      expect(recruit.referred_by).toBe(owner.id);
      // Nobody refers themselves, under any of their codes.
      expect((await sign({ ...ella, postcode: '94110' }, { referrer: answered.referralCode })).status).toBe(200);
      expect((await db.query('SELECT referred_by FROM supporters WHERE email = ?', 'ella@example.org'))[0]).toEqual({
        referred_by: null,
      });
      expect(await supporter(db, 'ella@example.org')).toMatchObject({ given_name: 'Ella', postcode: '94110' });
      // The person's own data shows every code that credits them.
      const found = await (
        await app.request(`${API}/admin/supporters?email=ella@example.org`, { headers: auth })
      ).json();
      const data = await (await app.request(`${API}/admin/supporters/${found.id}/export`, { headers: auth })).json();
      expect(data.referrals.codes).toEqual(expect.arrayContaining([again.referralCode, answered.referralCode]));
      // Erasure forgets the codes too, and the stored answers that carried them.
      const keyed = await app.request(
        `${API}/campaigns/library/signatures`,
        post({ person: { ...mallory, postcode: '10001' }, consent: { contact: true } }, { 'Idempotency-Key': 'k-1' }),
      );
      expect(keyed.status).toBe(200);
      await app.request(`${API}/admin/supporters?email=ella@example.org`, { method: 'DELETE', headers: auth });
      expect(await db.query('SELECT code FROM referral_codes')).toEqual([]);
      expect(await db.query('SELECT key FROM idempotency')).toEqual([]);
    });

    it('keeps RSVP manage tokens hashed and out of every event payload, reminders included', async () => {
      const db = await open();
      const made = await rsvp(db.app, ella);
      const token = tokenOf(made.body.rsvp.manageUrl);
      await db.store.remind('tenants-meeting', 'day_before');
      const stored = await db.query('SELECT token FROM rsvps');
      expect(stored).toEqual([{ token: await sha256(token) }]);
      const events = await db.store.outboxEvents(50);
      expect(events.map((e) => e.type)).toEqual(['rsvp.created', 'rsvp.reminder']);
      for (const event of events) {
        expect(event.payload).not.toHaveProperty('manageToken');
        expect(JSON.stringify(event.payload)).not.toContain(token);
      }
      expect((await db.app.request(`${API}/rsvps/${token}`)).status).toBe(200);
    });

    it('stores a survey phone as E.164, refuses an invalid one, and never overwrites a stored phone', async () => {
      const db = await open();
      const respond = (person: object) =>
        db.app.request(
          `${API}/campaigns/block-survey/responses`,
          post({ person, answers: { housing: 'own' }, consent: { contact: true } }),
        );
      const rosa = { givenName: 'Rosa', familyName: 'Parks', email: 'rosa@example.org', phone: '+1 (415) 555-0100' };
      expect((await respond(rosa)).status).toBe(201);
      expect(await supporter(db, 'rosa@example.org')).toMatchObject({ phone: '+14155550100' });
      const bad = await respond({ ...rosa, email: 'bad@example.org', phone: '12' });
      expect(bad.status).toBe(422);
      expect((await bad.json()).error.codes).toEqual({ 'person.phone': 'invalid_phone' });
      expect(await db.query('SELECT id FROM supporters WHERE email = ?', 'bad@example.org')).toEqual([]);
      await rsvp(db.app, { ...ella, email: 'rosa@example.org', phone: '+14155550199' });
      await respond({ ...rosa, phone: '+1 415 555 0123' });
      expect(await supporter(db, 'rosa@example.org')).toMatchObject({ given_name: 'Rosa', phone: '+14155550100' });
    });
  });
}

describe('migration 5: manage links made before it keep working, hashed', () => {
  const before = (rows: { id: number; name: string; sql: string }[]) => rows.filter((m) => m.id < 5);
  const rows = [
    `INSERT INTO supporters (id, email, given_name, family_name, referral_code, created_at, updated_at)
     VALUES ('${SUPPORTER}', 'ella@example.org', 'Ella', 'Baker', 'abcdefgh', '${AT}', '${AT}')`,
    `INSERT INTO actions (id, campaign, kind, supporter_id, created_at) VALUES ('${RSVP}', 'tenants-meeting', 'rsvp', '${SUPPORTER}', '${AT}')`,
    `INSERT INTO rsvps (action_id, campaign, supporter_id, status, guests, shift, token, created_at, updated_at)
     VALUES ('${RSVP}', 'tenants-meeting', '${SUPPORTER}', 'confirmed', 0, '', '${OLD_TOKEN}', '${AT}', '${AT}')`,
  ];
  const check = async (store: Store, stored: () => Promise<unknown>) => {
    expect(await store.rsvpByToken(OLD_TOKEN)).toMatchObject({ id: RSVP, status: 'confirmed', token: OLD_TOKEN });
    expect(await stored()).toBe(await sha256(OLD_TOKEN));
    expect(await store.rsvpByToken('x'.repeat(24))).toBeNull();
    await store.close();
  };

  it('SQLite', async () => {
    const path = tempDb();
    const raw = new DatabaseSync(path);
    raw.exec('CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of before(sqliteMigrations)) {
      raw.exec(m.sql);
      raw.prepare('INSERT INTO migrations VALUES (?, ?, ?)').run(m.id, m.name, AT);
    }
    for (const row of rows) raw.exec(row);
    raw.close();
    const store = await openSqliteStore(path);
    const token = async () => {
      const db = new DatabaseSync(path);
      const row = db.prepare('SELECT token FROM rsvps').get() as { token: string };
      db.close();
      return row.token;
    };
    await check(store, token);
  });

  it('PostgreSQL', async () => {
    const schema = `ladder_identity_${process.pid}`;
    const sql = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
    await sql.connect();
    try {
      await sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await sql.query(`CREATE SCHEMA ${schema}`);
      await sql.query(
        'CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
      );
      for (const m of before(postgresMigrations)) {
        await sql.query(m.sql);
        await sql.query('INSERT INTO migrations VALUES ($1, $2, now())', [m.id, m.name]);
      }
      for (const row of rows) await sql.query(row);
      const store = await openPostgresStore(PG_URL, { schema });
      await check(store, async () => (await sql.query('SELECT token FROM rsvps')).rows[0].token);
    } finally {
      await sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await sql.end();
    }
  });
});
