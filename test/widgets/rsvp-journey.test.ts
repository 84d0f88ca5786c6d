/**
 * `<ladder-rsvp>` journeys: keyboard only from the page into the widget and through the confirmation, and
 * offline (the core outbox keeps the RSVP and sends it when the API is back).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LadderSuccessEvent } from '../../widgets/core/events.ts';
import { Outbox } from '../../widgets/core/outbox.ts';
import '../../widgets/rsvp/rsvp.ts';
import type { LadderRsvp } from '../../widgets/rsvp/rsvp.component.ts';
import { network, part } from './helpers.ts';
import { accessible, confirmed, field, fill, loaded, person, text, until } from './rsvp-helpers.ts';

/** The element that has focus, through shadow roots. */
const focused = (): Element | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

const tab = () => sendKeys({ press: 'Tab' });

describe('<ladder-rsvp> journeys', () => {
  afterEach(() => network('up'));

  it('can be done with the keyboard alone, from the page to the calendar links', async () => {
    const page = await fixture(
      html`<div><button>Before</button><ladder-rsvp campaign="rsvp-shifts"></ladder-rsvp></div>`,
    );
    const el = page.querySelector('ladder-rsvp')!;
    await loaded(el);
    page.querySelector('button')!.focus();
    const who = person();

    await tab();
    expect(focused()).to.equal(el.shadowRoot!.querySelectorAll('[name=shift]')[0]);
    // Arrow keys choose within the group; Tab leaves it.
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('[name=shift]:checked')!.value).to.equal('afternoon');
    for (const name of ['givenName', 'familyName', 'email']) {
      await tab();
      expect(focused()).to.equal(field(el, name));
      await sendKeys({ type: who[name as keyof typeof who] });
    }
    await tab();
    expect(focused()).to.equal(field(el, 'phone'));
    await sendKeys({ type: '(312) 555-2368' });
    await tab();
    expect(focused()).to.equal(field(el, 'sms'));
    await sendKeys({ press: 'Space' });
    expect(field(el, 'sms').checked).to.equal(true);
    await tab();
    expect(focused()).to.equal(part(el, 'select[name=guests]'));
    await sendKeys({ press: 'ArrowDown' });
    await tab();
    expect(focused()).to.equal(field(el, 'contact'));
    await sendKeys({ press: 'Space' });
    await tab();
    expect(focused()).to.equal(part(el, '[part=submit]'));
    const success = oneEvent(el, 'ladder-success');
    await sendKeys({ press: 'Enter' });
    await success;
    await confirmed(el);
    await waitUntil(() => focused() === part(el, '[part=thanks] h2'), 'focus on the confirmation');
    expect(text(el, '[part=thanks] h2')).to.equal('You’re going!');
    await tab();
    expect(focused()).to.equal(el.shadowRoot!.querySelector('[part=calendar] a'));
    await accessible(el);
  });

  it('keeps an RSVP made offline and sends it once the API is back', async () => {
    const el = await fixture<LadderRsvp>(html`<ladder-rsvp campaign="rsvp-offline"></ladder-rsvp>`);
    await loaded(el);
    const before = el.data!.event!.spotsLeft!;
    const who = person();
    await fill(el, who);

    await network('down');
    const queued = oneEvent(el, 'ladder-queued');
    part(el, '[part=submit]').click();
    expect((await queued).detail).to.deep.equal({ campaign: 'rsvp-offline' });
    await until(el, 'queued');
    expect(text(el, '[part=thanks] h2')).to.include('saved on this device');
    await accessible(el);
    const entries = (await new Outbox().entries()).filter((entry) => entry.body.includes(who.email));
    expect(entries).to.have.length(1);
    expect(entries[0].url).to.match(/\/api\/campaigns\/rsvp-offline\/rsvps$/);

    await network('up');
    const success = oneEvent(el, 'ladder-success') as Promise<LadderSuccessEvent>;
    window.dispatchEvent(new Event('online'));
    await success;
    await confirmed(el);
    await until(el, 'confirmed');
    expect(text(el, '[part=thanks] h2')).to.equal('You’re going!');
    expect(text(el, '[part=spots]')).to.equal(`${before - 1} of 40 places left`);
  });
});
