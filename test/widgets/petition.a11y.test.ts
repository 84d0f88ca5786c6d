/**
 * Accessibility of <ladder-petition>: axe-core finds nothing in any state, and the whole journey works with the
 * keyboard alone (Tab, Shift+Tab, Space, Enter: real key presses), with errors and success announced.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/petition/petition.ts';
import type { LadderPetition } from '../../widgets/petition/petition.component.ts';
import { focused, press, shiftTab, tab, violations } from './axe.ts';
import { campaignData, field, fill, network, part, person, submit, until } from './helpers.ts';

const petition = async (campaign = 'a11y'): Promise<LadderPetition> => {
  const el = await fixture<LadderPetition>(html`<ladder-petition campaign=${campaign}></ladder-petition>`);
  await waitUntil(() => el.data && part(el, '[part=meter] strong').textContent, 'campaign loaded', { timeout: 5000 });
  return el;
};

const expectNoViolations = async (el: Element, when: string) =>
  expect(await violations(el), `axe violations when ${when}`).to.deep.equal([]);

describe('<ladder-petition> accessibility', () => {
  afterEach(() => network('up'));

  it('has no axe violations when idle, invalid, sending, then signed', async () => {
    const el = await petition();
    await expectNoViolations(el, 'idle');

    await submit(el);
    await until(el, 'invalid');
    await expectNoViolations(el, 'invalid');

    // Hold the POST until axe has looked at the "sending" state.
    const realFetch = window.fetch;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    window.fetch = async (input, init) => {
      if (init?.method === 'POST') await held;
      return realFetch(input, init);
    };
    try {
      await fill(el, person());
      await submit(el);
      await until(el, 'sending');
      expect(part(el, '[part=submit]').getAttribute('aria-disabled')).to.equal('true');
      await expectNoViolations(el, 'sending');
      release();
      await until(el, 'success');
    } finally {
      window.fetch = realFetch;
    }
    await expectNoViolations(el, 'signed');
  });

  it('has no axe violations when queued offline, and for a duplicate', async () => {
    const who = person();
    const offline = await petition();
    await fill(offline, person());
    await network('down');
    await submit(offline);
    await until(offline, 'queued');
    await expectNoViolations(offline, 'queued');
    await network('up');
    // One widget on the page at a time: a neighbour re-rendering (its queued signature going out) moves the fields
    // under the next real clicks.
    offline.remove();

    const first = await petition();
    await fill(first, who);
    await submit(first);
    await until(first, 'success');
    first.remove();
    const second = await petition();
    await fill(second, who);
    await submit(second);
    await until(second, 'duplicate');
    await expectNoViolations(second, 'duplicate');
  });

  it('has no axe violations for an error, and for a closed petition', async () => {
    // The page thinks the petition is open; the API knows it is closed and refuses (409 campaign_closed).
    const el = await fixture<LadderPetition>(
      html`<ladder-petition
        campaign="closed-one"
        .data=${campaignData({ slug: 'closed-one', status: 'open' })}
      ></ladder-petition>`,
    );
    await fill(el, person());
    await submit(el);
    await until(el, 'error');
    expect(part(el, '[part=status]').textContent).to.equal('This petition is closed.');
    await expectNoViolations(el, 'error');

    const closed = await petition('closed-one');
    expect(closed.shadowRoot!.querySelector('form')).to.equal(null);
    await expectNoViolations(closed, 'closed');
  });

  it('signs with the keyboard alone: Tab and Shift+Tab through every control, Space, Enter', async () => {
    const page = await fixture(
      html`<div><button id="start">Before the widget</button><ladder-petition campaign="a11y"></ladder-petition></div>`,
    );
    const el = page.querySelector('ladder-petition')!;
    await waitUntil(() => el.data, 'campaign loaded', { timeout: 5000 });
    page.querySelector<HTMLButtonElement>('#start')!.focus();

    // Enter in an empty form: the errors are announced, and the focus goes to the first field to fix.
    await tab();
    expect(focused()).to.equal(field(el, 'givenName'));
    await press('Enter');
    await until(el, 'invalid');
    expect(part(el, '[part=status]').textContent).to.equal('Please correct the highlighted fields.');
    expect(part(el, '[part=status]').getAttribute('role')).to.equal('status');
    expect(focused()).to.equal(field(el, 'givenName'));

    const who = person();
    for (const name of ['givenName', 'familyName', 'email', 'postcode'] as const) {
      expect(focused(), `focus on ${name}`).to.equal(field(el, name));
      await sendKeys({ type: who[name] });
      await tab();
    }
    expect(focused()).to.equal(part(el, 'textarea'));
    await sendKeys({ type: 'Typed without a mouse.' });
    await tab();
    expect(focused()).to.equal(field(el, 'contact'));
    await press('Space');
    expect(field(el, 'contact').checked).to.equal(true);
    await tab();
    expect(focused()).to.equal(field(el, 'remember'));
    await tab();
    expect(focused()).to.equal(part(el, '[part=submit]'));
    // And back, and forth again.
    await shiftTab();
    expect(focused()).to.equal(field(el, 'remember'));
    await tab();
    await press('Enter');
    await until(el, 'success');

    // Success is announced: the focus moves to the thank-you heading, then on to the share link and the next ask.
    const heading = part(el, '[part=thanks] h2');
    expect(focused()).to.equal(heading);
    expect(heading.textContent).to.equal('Thank you for signing!');
    await tab();
    expect(focused()).to.equal(part(el, '[part=share]'));
    await tab();
    expect(focused()).to.equal(part(el, '[part=next] a'));
  });
});
