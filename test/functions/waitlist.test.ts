/**
 * The waitlist, on SQLite and PostgreSQL: whatever frees a place (a cancellation, a host's walk-in, an erasure)
 * confirms the people waiting, first come first served and within capacity, and tells them; nothing frees a place
 * of an event still to come behind the waitlist's back (the retention sweep waits for the event to end).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Contact } from '../../schema/actions.ts';
import { Campaign, type CampaignEntry } from '../../schema/campaign.ts';
import { dispatch } from '../../functions/outbox/dispatcher.ts';
import { emailSink } from '../../functions/outbox/email.ts';
import { confirmation } from '../../functions/outbox/messages.ts';
import { smsSink } from '../../functions/outbox/sms.ts';
import { sweepRetention } from '../../functions/store/retention.ts';
import type { EventRules, OutboxEvent, RsvpView } from '../../functions/store/types.ts';
import { post } from './fixtures.ts';
import { quiet, SITE } from './outbox/fixtures.ts';
import { fakeTwilio, smtpServer } from './outbox/servers.ts';
import { API, auth, catalog, dialects, type Opened } from './privacy-fixtures.ts';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0)) await thing.close();
});

/** tenants-meeting (fixtures.ts): capacity 3, in Chicago. cleanup: a morning shift for 1, a late one for anyone. */
const WALK_INS = `${API}/admin/campaigns/tenants-meeting/walk-ins`;

const person = (email: string, extra: Record<string, unknown> = {}) => ({
  givenName: email.split('@')[0],
  familyName: 'Baker',
  email,
  ...extra,
});

async function rsvp(app: Opened['app'], email: string, fields: Record<string, unknown> = {}, slug = 'tenants-meeting') {
  const res = await app.request(
    `${API}/campaigns/${slug}/rsvps`,
    post({ person: person(email), consent: { contact: true }, ...fields }),
  );
  const body = await res.json();
  return { ...body.rsvp, token: new URL(body.rsvp.manageUrl).searchParams.get('t') } as RsvpView & {
    manageUrl: string;
  };
}

/** Who holds which status, by email, as the host's list shows it. */
async function statuses(app: Opened['app'], slug = 'tenants-meeting') {
  const res = await app.request(`${API}/admin/campaigns/${slug}/rsvps`, { headers: auth });
  const { rsvps } = (await res.json()) as { rsvps: { email: string; status: string; attended: boolean }[] };
  return Object.fromEntries(rsvps.map((r) => [r.email, r.status]));
}

const confirmedEvents = async (opened: Opened) =>
  (await opened.store.outboxEvents(1000)).filter((event: OutboxEvent) => event.type === 'rsvp.confirmed');

for (const dialect of dialects) {
  describe(`the waitlist: ${dialect.name}`, () => {
    const open = async (): Promise<Opened> => {
      const db = await dialect.open();
      opened.push(db);
      return db;
    };

    it("a host's walk-in for someone already on the list confirms only them, and keeps the consent they gave", async () => {
      const db = await open();
      const { app, store, query } = db;
      await rsvp(app, 'a@example.org', { guests: 2 });
      const phone = { phone: '(415) 555-0134' };
      const b = await rsvp(app, 'b@example.org', {
        person: person('b@example.org', phone),
        consent: { contact: true, sms: true },
      });
      await rsvp(app, 'c@example.org');
      await rsvp(app, 'd@example.org');
      expect(b.status).toBe('waitlisted');
      // b turns up at the door: the host lets them in although the event is full.
      const walkIn = await app.request(
        WALK_INS,
        post({ person: { givenName: 'b', familyName: 'Baker', email: 'b@example.org' } }, auth),
      );
      expect(walkIn.status).toBe(201);
      expect(await statuses(app)).toEqual({
        'a@example.org': 'confirmed',
        'b@example.org': 'confirmed',
        'c@example.org': 'waitlisted',
        'd@example.org': 'waitlisted',
      });
      expect(await confirmedEvents(db)).toEqual([]);
      // Reminders go to the confirmed only.
      expect(await store.remind('tenants-meeting', 'day_before')).toBe(2);
      const [consent] = await query(
        'SELECT c.contact, c.sms FROM consents c JOIN rsvps r ON r.action_id = c.action_id WHERE r.action_id = ?',
        b.id,
      );
      expect([!!Number(consent.contact), !!Number(consent.sms)]).toEqual([true, true]);
      // Someone who never RSVPed: recorded as they are, with no consent (they saw no consent text).
      await app.request(
        WALK_INS,
        post({ person: { givenName: 'e', familyName: 'Baker', email: 'e@example.org' }, guests: 1 }, auth),
      );
      const [walkInConsent] = await query(
        `SELECT c.contact FROM consents c JOIN rsvps r ON r.action_id = c.action_id JOIN supporters s
         ON s.id = r.supporter_id WHERE s.email = ?`,
        'e@example.org',
      );
      expect(!!Number(walkInConsent.contact)).toBe(false);
      expect((await statuses(app))['c@example.org']).toBe('waitlisted');
    });

    it('tells whoever gets off the waitlist, by email (their shift, the .ics, the manage link) and by SMS', async () => {
      const db = await open();
      const { app, store } = db;
      const smtp = await smtpServer();
      const twilio = await fakeTwilio('AC0123', 'twilio-token');
      opened.push(smtp, twilio);
      const a = await rsvp(app, 'a@example.org', { shift: 'morning', consent: { contact: false } }, 'cleanup');
      const phone = { phone: '+34 612 345 678' };
      const b = await rsvp(
        app,
        'b@example.org',
        { shift: 'morning', person: person('b@example.org', phone), consent: { contact: false, sms: true } },
        'cleanup',
      );
      expect([a.status, b.status]).toEqual(['confirmed', 'waitlisted']);
      const sinks = [
        emailSink({ smtpUrl: smtp.url, from: 'Ladder <hello@campaign.example>', siteUrl: SITE }, catalog),
        smsSink(
          { accountSid: 'AC0123', authToken: 'twilio-token', from: '+15005550006', baseUrl: twilio.url },
          catalog,
          SITE,
        ),
      ];
      await dispatch(store, sinks, quiet);
      const before = { mails: smtp.mails.length, texts: twilio.received.length };
      await app.request(`${API}/rsvps/${a.token}/cancel`, { method: 'POST' });
      expect((await statuses(app, 'cleanup'))['b@example.org']).toBe('confirmed');
      await dispatch(store, sinks, quiet);
      const mails = smtp.mails.slice(before.mails);
      const promoted = mails.find((mail) => mail.to && 'text' in mail.to && mail.to.text === 'b@example.org');
      expect(promoted?.subject).toBe('A place opened up: Park cleanup');
      // The morning shift starts at 9:00 in Madrid, as the event does; its end (11:00) is the shift's.
      expect(promoted?.text).toContain('When: Wednesday, April 1, 2099 at 9:00');
      expect(promoted?.text).toContain('Shift: morning');
      // Each message mints its own manage link (stored hashed): it opens b's RSVP.
      const link = promoted?.text?.match(/Change or cancel your RSVP: \S+\/rsvp\/\?t=(\S+)/)?.[1];
      const managed = await app.request(`${API}/rsvps/${link}`);
      expect(managed.status).toBe(200);
      expect(((await managed.json()) as { rsvp: { id: string } }).rsvp.id).toBe(b.id);
      const ics = promoted?.attachments.find((file) => file.contentType === 'text/calendar');
      expect(ics?.content.toString()).toContain('DTEND:20990401T090000Z');
      const texts = twilio.received.slice(before.texts).map((request) => new URLSearchParams(request.body));
      expect(texts).toHaveLength(1);
      expect(texts[0].get('To')).toBe('+34612345678');
      expect(texts[0].get('Body')).toMatch(/^A place opened up: Park cleanup, Wednesday, April 1, 2099 at 9:00/);
      // In the campaign's language, as every message about an RSVP.
      const [promotion] = await confirmedEvents(db);
      const cleanup = catalog.get('cleanup')!;
      const inLang = (lang: 'es' | 'fr' | 'ar') => confirmation(promotion, { ...cleanup, lang }, SITE, 'token123')!;
      expect(inLang('es').subject).toBe('Se liberó una plaza: Park cleanup');
      expect(inLang('fr').subject).toBe('Une place s’est libérée : Park cleanup');
      expect(inLang('fr').text).toContain(`Modifier ou annuler votre inscription: ${SITE}/rsvp/?t=token123`);
      expect(inLang('fr').sms).toMatch(/^Une place s’est libérée : Park cleanup, mercredi 1 avril 2099 à? ?09:00/);
      expect(inLang('ar').subject).toBe('توفر مكان: Park cleanup');
      expect(inLang('ar').text).toContain('خبر سار: توفر مكان وتم تأكيد حضورك في «Park cleanup».');
      expect(inLang('ar').sms).toMatch(/^توفر مكان: Park cleanup، /);
    });

    it('erasing a confirmed person moves the waitlist up, within capacity, before any newcomer', async () => {
      const db = await open();
      const { app } = db;
      await rsvp(app, 'a@example.org', { guests: 2 });
      await rsvp(app, 'b@example.org', { guests: 1 });
      await rsvp(app, 'c@example.org', { guests: 2 });
      await rsvp(app, 'd@example.org');
      const erased = await app.request(`${API}/admin/supporters?email=a@example.org`, {
        method: 'DELETE',
        headers: auth,
      });
      expect(erased.status).toBe(200);
      // Three places free: b (2 people) fits, c (3) does not, d (1) does.
      expect(await statuses(app)).toEqual({
        'b@example.org': 'confirmed',
        'c@example.org': 'waitlisted',
        'd@example.org': 'confirmed',
      });
      expect((await rsvp(app, 'newcomer@example.org')).status).toBe('waitlisted');
      const told = (await confirmedEvents(db)).map((event) => (event.payload as { person: { email: string } }).person);
      expect(told.map((p) => p.email).sort()).toEqual(['b@example.org', 'd@example.org']);
    });

    it('keeps capacity when erasures and new RSVPs arrive together', async () => {
      const db = await open();
      const { app } = db;
      for (const email of ['a', 'b', 'c', 'w1', 'w2', 'w3'].map((n) => `${n}@example.org`)) await rsvp(app, email);
      const erase = (email: string) =>
        app.request(`${API}/admin/supporters?email=${email}`, { method: 'DELETE', headers: auth });
      const newcomers = ['n1', 'n2', 'n3', 'n4'].map((n) => `${n}@example.org`);
      await Promise.all([erase('a@example.org'), erase('b@example.org'), ...newcomers.map((e) => rsvp(app, e))]);
      const now = await statuses(app);
      expect(Object.values(now).filter((s) => s === 'confirmed')).toHaveLength(3);
      expect([now['c@example.org'], now['w1@example.org'], now['w2@example.org']]).toEqual([
        'confirmed',
        'confirmed',
        'confirmed',
      ]);
      for (const email of [...newcomers, 'w3@example.org']) expect(now[email]).toBe('waitlisted');
    });

    it('the retention sweep leaves the RSVPs of an event still to come, so nobody jumps the queue', async () => {
      const { store } = await open();
      // RSVPs are due by June 1st, the event is on June 10th; personal data goes a day after the deadline.
      const dinner: CampaignEntry = {
        ...Campaign.parse({
          kind: 'event',
          title: 'Potluck',
          summary: 'Bring a dish.',
          consent: { text: 'Keep me updated.', version: '1' },
          deadline: '2099-06-01',
          retentionDays: 1,
          event: {
            start: '2099-06-10 18:00',
            end: '2099-06-10 21:00',
            timezone: 'Europe/Paris',
            location: { name: 'Hall' },
            capacity: 1,
          },
        }),
        slug: 'potluck',
      };
      const rules: EventRules = { capacity: { '': 1 } };
      const book = async (email: string) => {
        const result = await store.recordRsvp(
          {
            campaign: 'potluck',
            consent: { version: '1', textHash: 'h' },
            origin: null,
            idempotency: null,
            nextAskCandidates: [],
            input: { person: Contact.parse(person(email)), guests: 0, consent: { contact: true, sms: false } },
            rules,
          },
          (outcome) => ({ status: 201, body: outcome.rsvp }),
        );
        return (result as { body: RsvpView }).body;
      };
      const a = await book('a@example.org');
      const b = await book('b@example.org');
      expect([a.status, b.status]).toEqual(['confirmed', 'waitlisted']);
      await sweepRetention(store, [dinner], undefined, { now: new Date('2099-06-05T00:00:00Z'), log: () => {} });
      expect((await book('newcomer@example.org')).status).toBe('waitlisted');
      expect((await store.rsvpByToken(a.token))?.status).toBe('confirmed');
      expect((await store.rsvpByToken(b.token))?.status).toBe('waitlisted');
      // A day after the event, its people go; the count stays.
      const counts = await sweepRetention(store, [dinner], undefined, { now: new Date('2099-06-12T00:00:00Z') });
      expect(counts).toMatchObject({ actions: 3, supporters: 3 });
      expect(await store.rsvpByToken(a.token)).toBeNull();
      expect(await store.count('potluck')).toBe(1);
    });
  });
}
