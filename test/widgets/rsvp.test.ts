/**
 * `<ladder-rsvp>` against the real API: real typing and clicks, time zones, guests, shifts, the waitlist, changing
 * an RSVP by RSVPing again, SMS consent, the calendar file and links, and axe-core in every state.
 * The browser runs in UTC; the events are in Chicago and Paris, so the "both zones" display is what shows.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RsvpResult } from '../../schema/actions.ts';
import type { LadderSuccessEvent } from '../../widgets/core/events.ts';
import { googleUrl, outlookUrl } from '../../widgets/rsvp/calendar.ts';
import '../../widgets/rsvp/rsvp.ts';
import type { LadderRsvp } from '../../widgets/rsvp/rsvp.component.ts';
import { browserZone, SHIFT, SHORT, when, zoneName } from '../../widgets/rsvp/when.ts';
import { click, getCampaign, part, recordEvents } from './helpers.ts';
import {
  accessible,
  confirmed,
  field,
  fill,
  loaded,
  norm,
  person,
  recordRequests,
  text,
  until,
  view,
} from './rsvp-helpers.ts';

const START = '2027-02-19T00:30:00.000Z'; // 6:30 PM in Chicago
const END = '2027-02-19T02:30:00.000Z';

const mount = async (slug: string, lang?: string) => {
  const el = await fixture<LadderRsvp>(html`<ladder-rsvp campaign=${slug} lang=${lang ?? ''}></ladder-rsvp>`);
  await loaded(el);
  return el;
};

const submit = (el: LadderRsvp) => click(part(el, '[part=submit]'));

async function rsvp(el: LadderRsvp, who = person()): Promise<RsvpResult> {
  await fill(el, who);
  const success = oneEvent(el, 'ladder-success');
  await submit(el);
  await success;
  await confirmed(el);
  return (el as unknown as { submitter: { result: RsvpResult } }).submitter.result;
}

describe('<ladder-rsvp> times', () => {
  it('formats a range in any zone and language, with the zone named', () => {
    expect(norm(when(START, END, 'en', 'America/Chicago'))).to.equal('Thursday, February 18, 6:30 – 8:30 PM CST');
    expect(norm(when(START, END, 'en', 'Europe/Paris'))).to.equal('Friday, February 19, 1:30 – 3:30 AM GMT+1');
    expect(norm(when(START, END, 'fr', 'Europe/Paris'))).to.equal('vendredi 19 février, 01:30 – 03:30 UTC+1');
    expect(norm(when(START, END, 'es', 'America/Chicago'))).to.equal('jueves, 18 de febrero, 18:30–20:30 GMT-6');
    expect(norm(when(START, END, 'en', 'America/Chicago', SHORT))).to.equal('Thu, 6:30 – 8:30 PM CST');
    expect(norm(when(START, END, 'en', 'America/Chicago', SHIFT))).to.equal('Thu, 6:30 – 8:30 PM');
    expect(zoneName(START, 'en', 'America/Chicago')).to.equal('Central Standard Time');
    expect(zoneName(START, 'es', 'America/Chicago')).to.equal('hora estándar central');
    // Across midnight: both dates.
    expect(norm(when(START, '2027-02-19T07:00:00.000Z', 'en', 'America/Chicago'))).to.equal(
      'Thursday, February 18 at 6:30 PM CST – Friday, February 19 at 1:00 AM CST',
    );
  });

  it('builds Google and Outlook calendar links', () => {
    const event = {
      title: 'Tenants’ assembly',
      details: 'Vote.\n\nhttps://x.example/act/a/',
      location: 'Library, 1 Elm St',
      start: START,
      end: END,
    };
    expect(googleUrl(event)).to.equal(
      'https://calendar.google.com/calendar/render?action=TEMPLATE&text=Tenants%E2%80%99%20assembly' +
        '&dates=20270219T003000Z%2F20270219T023000Z&details=Vote.%0A%0Ahttps%3A%2F%2Fx.example%2Fact%2Fa%2F' +
        '&location=Library%2C%201%20Elm%20St',
    );
    const outlook = new URL(outlookUrl(event));
    expect(outlook.origin + outlook.pathname).to.equal('https://outlook.live.com/calendar/0/deeplink/compose');
    expect(Object.fromEntries(outlook.searchParams)).to.deep.equal({
      subject: 'Tenants’ assembly',
      startdt: START,
      enddt: END,
      body: 'Vote.\n\nhttps://x.example/act/a/',
      location: 'Library, 1 Elm St',
    });
  });
});

describe('<ladder-rsvp>', () => {
  it('shows the event in the supporter’s zone and the event’s, place, host, live places left; axe-clean', async () => {
    const live = await getCampaign('rsvp-meeting');
    // Stale figures from the page (as built): the widget shows them at once, then the API's.
    const el = await fixture<LadderRsvp>(
      html`<ladder-rsvp
        campaign="rsvp-meeting"
        .data=${{ ...live, event: { ...live.event!, spotsLeft: 7 } }}
      ></ladder-rsvp>`,
    );
    expect(browserZone()).to.equal('UTC');
    expect(text(el, '[part=title]')).to.equal('Event rsvp-meeting');
    expect(text(el, '[part=summary]')).to.equal('Tenants meet to vote on our demands.');
    const [mine, theirs] = el.shadowRoot!.querySelectorAll('[part=when] span');
    expect(norm(mine.textContent!)).to.equal('Friday, February 19, 12:30 – 2:30 AM UTC');
    expect(norm(theirs.textContent!)).to.equal('At the event: Thu, 6:30 – 8:30 PM CST');
    expect(text(el, '[part=where]')).to.equal('Eastside Branch Library, 1420 Alder Avenue, Riverton');
    expect(text(el, '[part=host]')).to.equal('Hosted by Maple Court Tenants’ Union');
    await waitUntil(() => text(el, '[part=spots]') !== '7 of 40 places left', 'live places left');
    expect(text(el, '[part=spots]')).to.equal(`${live.event!.spotsLeft} of 40 places left`);

    expect(field(el, 'givenName').autocomplete).to.equal('given-name');
    expect(field(el, 'email').type).to.equal('email');
    expect(field(el, 'email').required).to.equal(true);
    expect(field(el, 'phone').type).to.equal('tel');
    expect(field(el, 'phone').autocomplete).to.equal('tel');
    expect(field(el, 'phone').required).to.equal(false);
    expect(field(el, 'contact').required).to.equal(false);
    expect(text(el, '[part=consent]')).to.equal('Keep me updated about the tenants’ union.');
    const guests = part<HTMLSelectElement>(el, 'select[name=guests]');
    expect([...guests.options].map((o) => o.value)).to.deep.equal(['0', '1', '2', '3']);
    expect(part(el, 'label[for=guests]').textContent).to.equal('Guests you are bringing');
    expect(text(el, '[part=submit]')).to.equal('RSVP');
    await accessible(el);
  });

  it('RSVPs with real typing: going, the .ics file, calendar links, manage and share links, next ask', async () => {
    const events = recordEvents();
    const el = await mount('rsvp-meeting');
    const before = (await getCampaign('rsvp-meeting')).event!.spotsLeft!;
    const who = person({ givenName: 'Zoë', familyName: 'Ödön-Ñúñez' });
    await fill(el, who);
    const guests = part<HTMLSelectElement>(el, 'select[name=guests]');
    guests.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(guests.value).to.equal('2');
    const success = oneEvent(el, 'ladder-success') as Promise<LadderSuccessEvent>;
    await submit(el);
    const { detail } = await success;
    await confirmed(el);
    await until(el, 'confirmed');

    expect(text(el, '[part=thanks] h2')).to.equal('You’re going!');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, '[part=thanks] h2'));
    expect(text(el, '[part=spots]')).to.equal(`${before - 3} of 40 places left`);
    expect(detail).to.deep.equal({ campaign: 'rsvp-meeting', id: detail.id, count: detail.count, duplicate: false });
    for (const event of events) {
      const json = JSON.stringify((event as CustomEvent).detail);
      for (const value of Object.values(who)) expect(json).not.to.include(value);
    }

    const [ics, google, outlook] = el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part=calendar] a');
    expect(ics.textContent).to.equal('Calendar file (.ics)');
    expect(new URL(ics.href).pathname).to.equal('/api/campaigns/rsvp-meeting/event.ics');
    const file = await fetch(ics.href);
    expect(file.headers.get('content-type')).to.match(/^text\/calendar/);
    const body = await file.text();
    expect(body).to.include('BEGIN:VEVENT');
    expect(body).to.include('Event rsvp-meeting');
    const g = new URL(google.href);
    expect(g.origin + g.pathname).to.equal('https://calendar.google.com/calendar/render');
    expect(g.searchParams.get('action')).to.equal('TEMPLATE');
    expect(g.searchParams.get('text')).to.equal('Event rsvp-meeting');
    expect(g.searchParams.get('dates')).to.equal('20270219T003000Z/20270219T023000Z');
    expect(g.searchParams.get('location')).to.equal('Eastside Branch Library, 1420 Alder Avenue, Riverton');
    expect(g.searchParams.get('details')).to.match(
      /^Tenants meet to vote on our demands\.\n\nhttp:\/\/.+\/act\/rsvp-meeting\/$/,
    );
    const o = new URL(outlook.href);
    expect(o.searchParams.get('startdt')).to.equal(START);
    expect(o.searchParams.get('enddt')).to.equal(END);
    expect(o.searchParams.get('subject')).to.equal('Event rsvp-meeting');

    const manage = new URL(part<HTMLAnchorElement>(el, '[part=manage]').href);
    expect(manage.pathname).to.equal('/rsvp/');
    const mine = await (await fetch(`/api/rsvps/${manage.searchParams.get('t')}`)).json();
    expect(mine.rsvp).to.include({ status: 'confirmed', guests: 2 });
    expect(new URL(part<HTMLAnchorElement>(el, '[part=share]').href).searchParams.get('ref')).to.match(/^\w+$/);
    expect(part<HTMLAnchorElement>(el, '[part=next] a').textContent).to.equal('Petition library');
    await accessible(el);
  });

  it('changes nothing when the same email RSVPs again (the link does): thanked as anyone, counted once', async () => {
    const who = person();
    const first = await mount('rsvp-meeting');
    const { manageUrl } = (await rsvp(first, who)).rsvp;
    const spots = (await getCampaign('rsvp-meeting')).event!.spotsLeft!;

    const second = await mount('rsvp-meeting');
    await fill(second, { ...who, email: who.email.toUpperCase() });
    part<HTMLSelectElement>(second, 'select[name=guests]').value = '1';
    const success = oneEvent(second, 'ladder-success') as Promise<LadderSuccessEvent>;
    await submit(second);
    await success;
    await confirmed(second);
    // Answered as a new RSVP: nothing tells whoever typed the email that it was known.
    expect(text(second, '[part=thanks] h2')).to.equal('You’re going!');
    expect((await getCampaign('rsvp-meeting')).event!.spotsLeft).to.equal(spots);
    const mine = await (await fetch(`/api/rsvps/${new URL(manageUrl).searchParams.get('t')}`)).json();
    expect(mine.rsvp).to.include({ status: 'confirmed', guests: 0 });
    await accessible(second);
  });

  it('offers SMS consent only with a phone number, and sends it only then', async () => {
    const requests = recordRequests();
    try {
      const el = await mount('rsvp-meeting');
      const sms = part(el, '[part=sms]');
      expect(sms.hidden).to.equal(true);
      expect(field(el, 'sms').disabled).to.equal(true);
      await fill(el, { ...person(), phone: '312 555 0123' });
      expect(sms.hidden).to.equal(false);
      expect(field(el, 'sms').disabled).to.equal(false);
      expect(text(el, '[part=sms]')).to.equal('Text me reminders about this event');
      await click(field(el, 'sms'));
      await accessible(el);
      await submit(el);
      await confirmed(el);
      const sent = requests.bodies.find(({ url }) => url.endsWith('/rsvps'))!.body;
      expect(sent.consent).to.deep.equal({ contact: false, sms: true });
      expect((sent.person as Record<string, string>).phone).to.equal('312 555 0123');

      // Clearing the phone takes the SMS consent away.
      const other = await mount('rsvp-meeting');
      await fill(other, { phone: '1' });
      await click(field(other, 'sms'));
      field(other, 'phone').select();
      await sendKeys({ press: 'Backspace' });
      expect(part(other, '[part=sms]').hidden).to.equal(true);
    } finally {
      requests.stop();
    }
  });

  it('ties client and server errors to their fields, announces them and focuses the first', async () => {
    const el = await mount('rsvp-meeting');
    await fill(el, { familyName: 'Lovelace', email: 'not-an-email' });
    await submit(el);
    await until(el, 'invalid');
    const given = field(el, 'givenName');
    expect(given.getAttribute('aria-invalid')).to.equal('true');
    expect(given.getAttribute('aria-describedby')).to.equal('givenName-error');
    expect(text(el, '#givenName-error')).to.equal('This field is required.');
    expect(text(el, '#email-error')).to.equal('Enter an email address like name@example.org.');
    expect(el.shadowRoot!.activeElement).to.equal(given);
    expect(part(el, '[part=status]').getAttribute('role')).to.equal('status');
    expect(text(el, '[part=status]')).to.equal('Please correct the highlighted fields.');
    await accessible(el);

    // The server's `person.phone: invalid_phone`.
    const other = await mount('rsvp-meeting');
    const error = oneEvent(other, 'ladder-error');
    await fill(other, { ...person(), phone: '12' });
    await submit(other);
    expect((await error).detail).to.deep.equal({ campaign: 'rsvp-meeting', code: 'invalid_input' });
    await until(other, 'invalid');
    expect(field(other, 'phone').getAttribute('aria-describedby')).to.equal('phone-error');
    expect(text(other, '#phone-error')).to.equal('Enter a phone number with its area code.');
    await waitUntil(() => other.shadowRoot!.activeElement === field(other, 'phone'), 'focus on the phone');
    await accessible(other);
  });

  it('puts RSVPs on the waitlist when full, and says so before and after', async () => {
    const first = await mount('rsvp-small');
    expect(text(first, '[part=spots]')).to.equal('2 of 2 places left');
    await fill(first, person());
    part<HTMLSelectElement>(first, 'select[name=guests]').value = '1';
    await submit(first);
    await confirmed(first);
    expect(view(first)).to.equal('confirmed');
    expect(text(first, '[part=spots]')).to.equal('Full: new RSVPs join the waitlist.');

    const second = await mount('rsvp-small');
    expect(text(second, '[part=spots]')).to.equal('Full: new RSVPs join the waitlist.');
    expect(text(second, '[part=submit]')).to.equal('Join the waitlist');
    await accessible(second);
    const result = await rsvp(second);
    expect(result.rsvp.status).to.equal('waitlisted');
    await until(second, 'waitlisted');
    expect(text(second, '[part=thanks] h2')).to.equal(
      'You’re on the waitlist. We’ll let you know if a place opens up.',
    );
    await accessible(second);
  });

  it('asks for a shift (radio group) with places left per shift, and uses its times', async () => {
    const el = await mount('rsvp-shifts');
    expect(part(el, '[part=shifts] legend').textContent).to.equal('Choose a time');
    const labels = [...el.shadowRoot!.querySelectorAll('[part=shifts] label')].map((l) => norm(l.textContent!));
    expect(labels[0]).to.match(/^Morning canvass Sat, 3:00 – 6:00 PM (1 of 1 places left|Full: new RSVPs)/);
    expect(labels[1]).to.equal('Afternoon canvass Sat, 7:00 – 10:00 PM');
    expect(el.shadowRoot!.querySelector('select')).to.equal(el.shadowRoot!.querySelector('select[name=guests]'));

    await fill(el, person());
    await submit(el);
    await until(el, 'invalid');
    const radios = el.shadowRoot!.querySelectorAll<HTMLInputElement>('[name=shift]');
    expect(text(el, '#shift-error')).to.equal('This field is required.');
    expect(radios[0].getAttribute('aria-describedby')).to.equal('shift-error');
    expect(el.shadowRoot!.activeElement).to.equal(radios[0]);
    await accessible(el);

    // Arrow keys move through the group, as in any radio group.
    await sendKeys({ press: 'ArrowDown' });
    expect(radios[1].checked).to.equal(true);
    await submit(el);
    await confirmed(el);
    const result = (el as unknown as { submitter: { result: RsvpResult } }).submitter.result;
    expect(result.rsvp.shift).to.equal('afternoon');
    const google = new URL(el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part=calendar] a')[1].href);
    expect(google.searchParams.get('dates')).to.equal('20270306T190000Z/20270306T220000Z');
  });

  it('shows an online event with its link, in French, with no guests field', async () => {
    const el = await mount('rsvp-online');
    await waitUntil(() => text(el, '[part=submit]') === 'Je participe', 'French');
    const link = part<HTMLAnchorElement>(el, '[part=where] a');
    expect(link.href).to.equal('https://meet.example.org/locataires');
    expect(link.textContent).to.equal('Rejoindre en ligne');
    const [mine, theirs] = el.shadowRoot!.querySelectorAll('[part=when] span');
    expect(norm(mine.textContent!)).to.equal('jeudi 18 février, 17:30 – 19:30 UTC');
    expect(norm(theirs.textContent!)).to.equal('Sur place : jeu., 18:30 – 20:30 UTC+1');
    expect(el.shadowRoot!.querySelector('select')).to.equal(null);
    expect(text(el, '[part=spots]')).to.equal('');
    const result = await rsvp(el);
    expect(result.rsvp.guests).to.equal(0);
    const g = new URL(el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part=calendar] a')[1].href);
    expect(g.searchParams.get('location')).to.equal('https://meet.example.org/locataires');
    expect(text(el, '[part=thanks] h2')).to.equal('Vous participez !');
  });

  it('speaks Arabic right to left, with Arabic dates; axe-clean', async () => {
    const el = await mount('rsvp-meeting', 'ar');
    await waitUntil(() => part(el, 'label[for=givenName]').textContent === 'الاسم الأول', 'Arabic labels');
    expect(part(el, '[part=base]').dir).to.equal('rtl');
    expect(text(el, '[part=submit]')).to.equal('سأحضر');
    const [mine] = el.shadowRoot!.querySelectorAll('[part=when] span');
    expect(norm(mine.textContent!)).to.equal(norm(when(START, END, 'ar', 'UTC')));
    expect(mine.textContent).to.include('فبراير');
    await accessible(el);
    await submit(el);
    await until(el, 'invalid');
    expect(text(el, '#givenName-error')).to.equal('هذا الحقل مطلوب.');
    await accessible(el);
  });

  it('says a closed event is closed, with no form; axe-clean', async () => {
    const el = await mount('rsvp-closed');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.include('RSVPs for this event are closed.');
    await accessible(el);
  });
});
