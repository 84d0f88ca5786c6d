/** The email sink against a real SMTP server (smtp-server), each message parsed as a mail client would. */
import { afterEach, describe, expect, it } from 'vitest';
import { Campaign, type CampaignEntry } from '../../../schema/campaign.ts';
import { createApp } from '../../../functions/app.ts';
import { catalogFrom } from '../../../functions/catalog.ts';
import { dispatch } from '../../../functions/outbox/dispatcher.ts';
import { emailSink } from '../../../functions/outbox/email.ts';
import { openSqliteStore } from '../../../functions/store/sqlite.ts';
import { campaigns, post, tempDb } from '../fixtures.ts';
import { quiet, SITE } from './fixtures.ts';
import { smtpServer } from './servers.ts';

const asamblea: CampaignEntry = {
  ...Campaign.parse({
    kind: 'event',
    lang: 'es',
    title: 'Asamblea de inquilinas',
    summary: 'Nos organizamos.',
    consent: { text: 'Quiero recibir novedades.', version: '1' },
    event: {
      start: '2099-03-05 19:00',
      end: '2099-03-05 21:00',
      timezone: 'Europe/Madrid',
      location: { name: 'Centro social', address: 'Calle Mayor 1' },
    },
  }),
  slug: 'asamblea',
};
const catalog = catalogFrom([...campaigns, asamblea]);

const closing: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of closing.splice(0)) await thing.close();
});

async function setup(options: { refuse?: string } = {}) {
  const smtp = await smtpServer(options);
  const store = await openSqliteStore(tempDb());
  closing.push(smtp, store);
  const app = createApp({ store, catalog });
  const sink = emailSink({ smtpUrl: smtp.url, from: 'Ladder <hello@campaign.example>', siteUrl: SITE }, catalog);
  const act = (path: string, body: unknown) => app.request(`http://localhost/api/campaigns/${path}`, post(body));
  const person = (email: string, givenName = 'Ella') => ({ givenName, familyName: 'Baker', email, postcode: '94110' });
  return { smtp, store, sink, act, person };
}

describe('email sink', () => {
  it('confirms an RSVP with the event details and the .ics, even without consent to further contact', async () => {
    const { smtp, store, sink, act, person } = await setup();
    await act('tenants-meeting/rsvps', { person: person('ella@example.org'), guests: 1, consent: { contact: false } });
    expect((await dispatch(store, [sink], quiet)).email).toMatchObject({ sent: 1 });
    const [mail] = smtp.mails;
    expect(mail.subject).toBe("You're going: Tenants meeting");
    expect(mail.to).toMatchObject({ text: 'ella@example.org' });
    expect(mail.from?.value[0]).toMatchObject({ name: 'Ladder', address: 'hello@campaign.example' });
    expect(mail.text).toContain('Hi Ella,');
    expect(mail.text).toContain('When: Wednesday, February 18, 2099 at 6:30');
    expect(mail.text).toContain('(America/Chicago)');
    expect(mail.text).toContain('Where: Library, 1 Main St');
    expect(mail.text).toContain('You are bringing 1 guest.');
    expect(mail.text).toContain(`Campaign page: ${SITE}/act/tenants-meeting/`);
    expect(mail.html).toContain(`<a href="${SITE}/act/tenants-meeting/">`);
    expect(mail.headers.get('ladder-event-id')).toMatch(/\S+/);
    expect(mail.messageId).toBe(`<${mail.headers.get('ladder-event-id')}@ladder>`);
    const [ics] = mail.attachments;
    expect(ics).toMatchObject({ filename: 'event.ics', contentType: 'text/calendar' });
    expect(ics.content.toString()).toContain('DTSTART:20990219T003000Z');
  });

  it('sends the manage link, then the three contacts: the day before, on the day, and "did you come?" after', async () => {
    const { smtp, store, sink, act, person } = await setup();
    await act('tenants-meeting/rsvps', { person: person('ella@example.org'), consent: { contact: false } });
    await dispatch(store, [sink], quiet);
    // Each message carries a link of its own, minted as it is sent (only its hash is stored); all open the RSVP.
    const link = (text = '', label = 'Change or cancel your RSVP') => new RegExp(`${label}: (\\S+)`).exec(text)?.[1];
    const opens = async (url: string | undefined) =>
      (await store.rsvpByToken(new URL(url ?? 'http://x/').searchParams.get('t') ?? ''))?.id;
    const manage = link(smtp.mails[0].text);
    expect(manage).toMatch(new RegExp(`^${SITE}/rsvp/\\?t=[a-z0-9]{24}$`));
    const rsvpId = await opens(manage);
    expect(rsvpId).toBeDefined();
    for (const kind of ['day_before', 'day_of', 'after']) await store.remind('tenants-meeting', kind);
    expect((await dispatch(store, [sink], quiet)).email).toMatchObject({ sent: 3 });
    const [dayBefore, dayOf, after] = smtp.mails.slice(1);
    expect(dayBefore.subject).toBe('Tomorrow: Tenants meeting. Still coming?');
    expect(link(dayBefore.text)).not.toBe(manage);
    expect(await opens(link(dayBefore.text))).toBe(rsvpId);
    expect(dayBefore.attachments).toEqual([]);
    expect(dayOf.subject).toBe('Today: Tenants meeting');
    expect(dayOf.text).toContain('When: Wednesday, February 18, 2099 at 6:30');
    expect(after.subject).toBe('Did you make it to Tenants meeting?');
    expect(await opens(link(after.text, 'Yes, I came'))).toBe(rsvpId);
  });

  it('writes in the campaign language, and says "waitlist" without a calendar file when full', async () => {
    const { smtp, store, sink, act, person } = await setup();
    await act('asamblea/rsvps', { person: person('ana@example.org'), consent: { contact: false } });
    for (const email of ['a@example.org', 'b@example.org', 'c@example.org'])
      await act('tenants-meeting/rsvps', { person: person(email), consent: { contact: false } });
    await act('tenants-meeting/rsvps', { person: person('late@example.org'), consent: { contact: false } });
    expect((await dispatch(store, [sink], quiet)).email).toMatchObject({ sent: 5 });
    const spanish = smtp.mails.find((m) => m.subject?.startsWith('Vas a ir'))!;
    expect(spanish.subject).toBe('Vas a ir: Asamblea de inquilinas');
    expect(spanish.text).toContain('Hola, Ella:');
    expect(spanish.text).toContain('Cuándo: jueves, 5 de marzo de 2099, 19:00 (Europe/Madrid)');
    expect(spanish.text).toContain('Dónde: Centro social, Calle Mayor 1');
    const waitlisted = smtp.mails.find((m) => m.subject?.includes('waitlist'))!;
    expect(waitlisted.subject).toBe("You're on the waitlist: Tenants meeting");
    expect(waitlisted.attachments).toHaveLength(0);
  });

  it('thanks signers only when they agreed to be contacted, and escapes what they typed in the HTML', async () => {
    const { smtp, store, sink, act, person } = await setup();
    await act('library/signatures', { person: person('no@example.org'), consent: { contact: false } });
    await act('library/signatures', { person: person('yes@example.org', '<b>Jo</b>'), consent: { contact: true } });
    expect((await dispatch(store, [sink], quiet)).email).toMatchObject({ sent: 1, skipped: 1 });
    expect(smtp.mails.map((m) => m.subject)).toEqual(['Thank you for signing: Petition library']);
    expect(smtp.mails[0].to).toMatchObject({ text: 'yes@example.org' });
    expect(smtp.mails[0].text).toContain('Hi <b>Jo</b>,');
    expect(smtp.mails[0].html).toContain('<p>Hi &lt;b&gt;Jo&lt;/b&gt;,</p>');
  });

  it('dead-letters a refused mailbox with the server reason, and retries when the server is down', async () => {
    const { store, sink, act, person, smtp } = await setup({ refuse: 'gone@example.org' });
    await act('tenants-meeting/rsvps', { person: person('gone@example.org'), consent: { contact: false } });
    expect((await dispatch(store, [sink], quiet)).email).toMatchObject({ dead: 1 });
    expect((await store.deadLetters(1))[0].error).toMatch(/^SMTP 550: 550 Mailbox unavailable/);
    await act('tenants-meeting/rsvps', { person: person('ok@example.org'), consent: { contact: false } });
    await smtp.close();
    const down = emailSink({ smtpUrl: smtp.url, from: 'x@campaign.example', siteUrl: SITE, timeoutMs: 300 }, catalog);
    expect((await dispatch(store, [down], quiet)).email).toMatchObject({ retried: 1 });
  });
});
