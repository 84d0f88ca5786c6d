import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { LadderSuccessEvent } from '../../widgets/core/events.ts';
import { canDial } from '../../widgets/call/call.views.ts';
import { answer, callWidget, focused, has, heading, lookUp, outcomes, state, text, until } from './call-helpers.ts';
import { click, part, recordEvents, type } from './helpers.ts';

describe('<ladder-call>', () => {
  it('finds the targets for a postcode and calls each: script filled in, unavailable offered again, totals after', async () => {
    const events = recordEvents();
    const before = await outcomes('council-totals');
    const el = await callWidget('council-totals');
    expect(text(el, '[part=title]')).to.equal('Call council-totals');
    await lookUp(el, '94110');
    await until(el, 'calling');

    // Ward 1 and the mayor (for everyone); ward 2 is not reached from 94110.
    expect(heading(el)).to.equal('Call 1 of 2: Ana Ruiz');
    expect(focused(el)).to.equal(part(el, '[part=target] h3'));
    expect(text(el, '[part=target] .muted')).to.equal('Council member, Ward 1');
    expect(part<HTMLImageElement>(el, '[part=photo]').src).to.equal('https://photos.invalid/ana-ruiz.jpg');
    expect(text(el, '[part=script]')).to.equal(
      'Hello Ana Ruiz. As your constituent, I ask you, as Council member, Ward 1, to fund the number 7 bus.',
    );
    // A desktop: the number as text, no tel: link.
    expect(text(el, '[part=phones]')).to.equal('555-010-0101');
    expect(has(el, 'a[href^="tel:"]')).to.equal(false);

    // No answer: the next target now, Ana again at the end, and not counted as done.
    await answer(el, 'unavailable');
    expect(heading(el)).to.equal('Call 1 of 2: Dana Whitfield');
    expect(focused(el)).to.equal(part(el, '[part=target] h3'));
    expect(text(el, '[part=phones]')).to.equal('City Hall: +1 (555) 010-0100 Mon-Fri 9am-5pm');
    await answer(el, 'contact');
    expect(heading(el)).to.equal('Call 2 of 2: Ana Ruiz');
    expect(text(el, '[part=target] .note')).to.equal('They were unavailable earlier: try again now.');
    await answer(el, 'voicemail');
    await until(el, 'done');

    expect(text(el, '[part=thanks] h3')).to.equal('Thank you for calling!');
    expect(focused(el)).to.equal(part(el, '[part=thanks] h3'));
    const after = { ...before };
    for (const outcome of ['unavailable', 'contact', 'voicemail']) after[outcome] = (after[outcome] ?? 0) + 1;
    expect(await outcomes('council-totals')).to.deep.equal(after);
    const shown = [...el.shadowRoot!.querySelectorAll('[part=totals] div')].map((row) =>
      [...row.children].map((cell) => cell.textContent),
    );
    expect(shown).to.deep.equal([
      ['Talked to someone', `${after.contact}`],
      ['Left a voicemail', `${after.voicemail}`],
      ['No answer', `${after.unavailable}`],
      ['Skipped', `${after.skipped ?? 0}`],
    ]);
    expect(text(el, '[part=next]')).to.equal('Next step: Fund the buses');
    // Anonymous calls have no referral code to share.
    expect(has(el, '[part=share]')).to.equal(false);

    expect(events.map((event) => event.type)).to.deep.equal([
      ...['ladder-submit', 'ladder-success', 'ladder-submit', 'ladder-success'],
      ...['ladder-submit', 'ladder-success'],
    ]);
    expect(Object.keys((events[1] as LadderSuccessEvent).detail)).to.deep.equal([
      'campaign',
      'id',
      'count',
      'duplicate',
    ]);
  });

  it('asks which district for a postcode in two, as a radio group, then calls that district', async () => {
    const el = await callWidget('council');
    await lookUp(el, '94111');
    await until(el, 'choose');
    expect(text(el, '[part=choose] legend')).to.equal(
      'Your postcode is in more than one district. Which one do you live in?',
    );
    const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part=choose] input[type=radio]')];
    expect(radios.map((radio) => radio.parentElement!.textContent!.trim())).to.deep.equal([
      'Ward 1 (Mission)',
      'Ward 2 (Bernal Heights)',
    ]);
    expect(focused(el)).to.equal(radios[0]);

    // Continue without a choice: an error tied to the group.
    await click(part(el, '[part=submit]'));
    await waitUntil(() => text(el, '#area-error'), 'area error');
    expect(text(el, '#area-error')).to.equal('This field is required.');
    expect(part(el, '[part=choose]').getAttribute('aria-describedby')).to.equal('area-error');
    expect(text(el, '[part=status]')).to.equal('Please correct the highlighted fields.');

    // Keyboard: the arrow picks ward 2, Enter submits.
    await click(radios[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(radios[1].checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(el, 'calling');
    expect(heading(el)).to.equal('Call 1 of 2: Ben Okafor');
    expect(text(el, '[part=phones]')).to.equal('Office: 555-010-0102 Tue-Thu 10am-4pm');
    expect(text(el, '[part=offices] summary')).to.equal('Offices (1)');
    await click(part(el, '[part=offices] summary'));
    expect(part(el, '[part=offices] li').innerText.split('\n')).to.deep.equal([
      'Ward 2 office',
      '12 Elm Street',
      '555-010-0112 Sat 10am-noon',
    ]);
    await answer(el, 'skipped');
    expect(heading(el)).to.equal('Call 2 of 2: Dana Whitfield');
    await answer(el, 'skipped');
    await until(el, 'done');
  });

  it('says when a postcode is unknown, and still lists the targets for everyone', async () => {
    const el = await callWidget('council');
    await lookUp(el, '10001');
    await until(el, 'calling');
    expect(heading(el)).to.equal('Call 1 of 1: Dana Whitfield');
    expect(text(el, '[part=target] .note')).to.equal('We do not know this postcode, so here is who everyone can call.');

    // Nobody for everyone: the postcode field says so.
    const wards = await callWidget('wards-only');
    await lookUp(wards, '10001');
    await waitUntil(() => text(wards, '#postcode-error'), 'postcode error');
    const postcode = part(wards, '[name=postcode]');
    expect(text(wards, '#postcode-error')).to.equal('We do not know this postcode. Check it and try again.');
    expect(postcode.getAttribute('aria-invalid')).to.equal('true');
    expect(postcode.getAttribute('aria-describedby')).to.equal('postcode-error');
    expect(text(wards, '[part=status]')).to.equal('We do not know this postcode. Check it and try again.');
    expect(focused(wards)).to.equal(postcode);

    // A known postcode whose ward has no target.
    await click(postcode);
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '94112' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(wards, '#postcode-error').startsWith('There is'), 'no one to call');
    expect(state(wards)).to.equal('form');
  });

  it('checks the postcode and the optional email, ties each message to its field, focuses the first', async () => {
    const el = await callWidget('council');
    await type(part(el, '[name=email]'), 'not-an-email');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el, '#postcode-error'), 'errors');
    expect(text(el, '#postcode-error')).to.equal('This field is required.');
    expect(text(el, '#email-error')).to.equal('Enter an email address like name@example.org.');
    expect(part(el, '[name=givenName]').getAttribute('aria-invalid')).to.equal('false');
    expect(focused(el)).to.equal(part(el, '[name=postcode]'));

    // Agreeing to be contacted needs an email.
    const again = await callWidget('council');
    await type(part(again, '[name=postcode]'), '94110');
    await click(part(again, '[name=contact]'));
    await click(part(again, '[part=submit]'));
    await waitUntil(() => text(again, '#email-error'), 'email error');
    expect(text(again, '#email-error')).to.equal('This field is required.');
    expect(focused(again)).to.equal(part(again, '[name=email]'));
  });

  it('links calls to a supporter who gives an email: share link after, no personal data in events', async () => {
    const events = recordEvents();
    const el = await callWidget('council');
    const email = `ada.${Date.now().toString(36)}@example.org`;
    await type(part(el, '[name=givenName]'), 'Ada');
    await type(part(el, '[name=email]'), email);
    await click(part(el, '[name=contact]'));
    await lookUp(el, '94112');
    await until(el, 'calling');
    await answer(el, 'contact');
    await answer(el, 'voicemail');
    await until(el, 'done');
    const share = new URL(part<HTMLAnchorElement>(el, '[part=share]').href);
    expect(share.pathname).to.equal('/act/council/');
    expect(share.searchParams.get('ref')).to.match(/^\w+$/);
    for (const event of events) {
      const json = JSON.stringify((event as CustomEvent).detail);
      for (const value of ['Ada', email, '94112']) expect(json).not.to.include(value);
      expect(event.bubbles && event.composed).to.equal(true);
    }
  });

  it('dials with a tel: link on phones, and shows the number as text elsewhere', async () => {
    expect(canDial((query) => query === '(pointer: coarse)')).to.equal(true);
    expect(canDial((query) => query === '(max-width: 30em)')).to.equal(true);
    expect(canDial(() => false)).to.equal(false);

    await setViewport({ width: 360, height: 740 });
    try {
      const el = await callWidget('council');
      await lookUp(el, '94112');
      await until(el, 'calling');
      const link = part<HTMLAnchorElement>(el, '[part=phones] a[part=phone]');
      expect(link.getAttribute('href')).to.equal('tel:5550100102');
      expect(link.textContent).to.equal('555-010-0102');
      expect(part<HTMLAnchorElement>(el, '[part=offices] a').getAttribute('href')).to.equal('tel:5550100112');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('does not record the call when ladder-submit is cancelled', async () => {
    const before = await outcomes('council');
    const el = await callWidget('council');
    el.addEventListener('ladder-submit', (event) => event.preventDefault());
    await lookUp(el, '94110');
    await until(el, 'calling');
    await click(part(el, '[data-outcome=contact]'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heading(el)).to.equal('Call 1 of 2: Ana Ruiz');
    expect(await outcomes('council')).to.deep.equal(before);
  });
});
