/** `<ladder-call>` for everyone: axe-core in every state, the whole journey by keyboard, Arabic right to left. */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  answer,
  callWidget,
  focused,
  heading,
  lookUp,
  outcomes,
  state,
  text,
  until,
  violations,
} from './call-helpers.ts';
import { click, part } from './helpers.ts';

const press = (key: string) => sendKeys({ press: key });

describe('<ladder-call> accessibility', () => {
  // One test per step or two: axe takes a second or more on this machine.
  it('has no axe violations in the postcode form, blank and with errors', async () => {
    const el = await callWidget('council-a11y');
    expect(await violations(el), 'form').to.deep.equal([]);
    await click(part(el, '[name=contact]'));
    await click(part(el, '[part=submit]'));
    await waitUntil(() => text(el, '#postcode-error'), 'errors');
    expect(await violations(el), 'invalid form').to.deep.equal([]);
  });

  it('has no axe violations in the district question, blank and with its error', async () => {
    const el = await callWidget('council-a11y');
    await lookUp(el, '94111');
    await until(el, 'choose');
    expect(await violations(el), 'choose').to.deep.equal([]);
    await click(part(el, '[part=submit]'));
    await waitUntil(() => text(el, '#area-error'), 'area error');
    expect(await violations(el), 'choose, invalid').to.deep.equal([]);
  });

  it('has no axe violations while calling (offices open, a target offered again) and when done', async () => {
    const el = await callWidget('council-a11y');
    await lookUp(el, '94112');
    await until(el, 'calling');
    await click(part(el, '[part=offices] summary'));
    expect(await violations(el), 'calling, offices open').to.deep.equal([]);
    await answer(el, 'unavailable');
    await answer(el, 'contact');
    expect(text(el, '[part=target] .note')).to.include('unavailable earlier');
    expect(await violations(el), 'calling again').to.deep.equal([]);
    await answer(el, 'voicemail');
    await until(el, 'done');
    expect(await violations(el), 'done').to.deep.equal([]);
  });

  it('has no axe violations for an unknown postcode', async () => {
    const el = await callWidget('council-a11y');
    await lookUp(el, '10001');
    await until(el, 'calling');
    expect(await violations(el), 'unknown postcode').to.deep.equal([]);
  });

  it('can be used with the keyboard alone, focus following each step', async () => {
    const before = await outcomes('council-a11y');
    const el = await callWidget('council-a11y');
    // From the top of the page: Tab reaches the postcode first.
    await press('Tab');
    expect(focused(el)).to.equal(part(el, '[name=postcode]'));
    await sendKeys({ type: '94111' });
    await press('Enter');
    await until(el, 'choose');
    // The first choice has focus; the arrow picks the second; Enter continues.
    await press('ArrowDown');
    await press('Enter');
    await until(el, 'calling');
    expect(focused(el)).to.equal(part(el, '[part=target] h3'));
    expect(heading(el)).to.equal('Call 1 of 2: Ben Okafor');

    // Tab: the offices (a disclosure), then the outcomes in order.
    await press('Tab');
    expect(focused(el)).to.equal(part(el, '[part=offices] summary'));
    await press('Enter');
    expect(part<HTMLDetailsElement>(el, '[part=offices]').open).to.equal(true);
    await press('Tab');
    expect(focused(el)).to.equal(part(el, '[data-outcome=contact]'));
    await press('Enter');
    await waitUntil(() => heading(el).endsWith('Dana Whitfield'), 'the next target');
    expect(focused(el)).to.equal(part(el, '[part=target] h3'));
    expect(heading(el)).to.equal('Call 2 of 2: Dana Whitfield');

    await press('Tab');
    await press('Tab');
    expect(focused(el)).to.equal(part(el, '[data-outcome=voicemail]'));
    await press(' ');
    await until(el, 'done');
    expect(focused(el)).to.equal(part(el, '[part=thanks] h3'));
    const after = await outcomes('council-a11y');
    expect(after.contact).to.equal((before.contact ?? 0) + 1);
    expect(after.voicemail).to.equal((before.voicemail ?? 0) + 1);
  });

  it('speaks Arabic right to left, numbers kept left to right', async () => {
    const el = await callWidget('council-ar');
    await waitUntil(() => text(el, 'label[for=postcode]') === 'الرمز البريدي', 'Arabic labels');
    expect(part(el, '[part=base]').dir).to.equal('rtl');
    expect(text(el, '[part=submit]')).to.equal('ابحث عمّن تتصل به');
    expect(getComputedStyle(part(el, '[part=base]')).direction).to.equal('rtl');

    await lookUp(el, '94110');
    await until(el, 'calling');
    expect(heading(el)).to.equal('المكالمة 1 من 2: Ana Ruiz');
    expect(part(el, '[part=phone]').dir).to.equal('ltr');
    expect(text(el, '[part=outcomes] #outcome')).to.equal('كيف جرت المكالمة؟');
    expect(await violations(el)).to.deep.equal([]);
    await answer(el, 'skipped');
    await answer(el, 'skipped');
    await until(el, 'done');
    expect(text(el, '[part=thanks] h3')).to.equal('شكرًا لاتصالك!');
    expect(state(el)).to.equal('done');
  });
});
