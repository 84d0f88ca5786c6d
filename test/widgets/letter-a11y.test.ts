/** `<ladder-letter>` for everyone: axe-core in every step, with errors, and in Arabic right to left. */
import { expect, waitUntil } from '@open-wc/testing';
import { click, part } from './helpers.ts';
import { violations } from './call-helpers.ts';
import { details, letterWidget, send, text, until } from './letter-helpers.ts';

describe('<ladder-letter> accessibility', () => {
  it('has no axe violations in the first form, blank and with errors', async () => {
    const el = await letterWidget('write-a11y');
    expect(await violations(el), 'form').to.deep.equal([]);
    await click(part(el, '[part=submit]'));
    await waitUntil(() => text(el, '#postcode-error'), 'errors');
    expect(await violations(el), 'invalid form').to.deep.equal([]);
  });

  it('has no axe violations in the district question and the letter', async () => {
    const el = await letterWidget('write-a11y');
    await details(el, { postcode: '94111' });
    await until(el, 'choose');
    expect(await violations(el), 'choose').to.deep.equal([]);
    await click(el.shadowRoot!.querySelectorAll<HTMLElement>('[part=choose] input')[1]);
    await click(part(el, '[part=submit]'));
    await until(el, 'write');
    expect(await violations(el), 'letter').to.deep.equal([]);
  });

  it('has no axe violations when a letter of their own is missing, and when sent with a form to hand over', async () => {
    const el = await letterWidget('write-own');
    await details(el, { postcode: '94112' });
    await until(el, 'write');
    await send(el);
    await waitUntil(() => text(el, '#text-error'), 'too similar');
    expect(await violations(el), 'letter, invalid').to.deep.equal([]);
    const a11y = await letterWidget('write-a11y');
    await details(a11y, { postcode: '94112' });
    await until(a11y, 'write');
    await send(a11y);
    await until(a11y, 'done');
    expect(!!a11y.shadowRoot!.querySelector('[part=handed]'), 'a letter to hand over').to.equal(true);
    expect(await violations(a11y), 'done').to.deep.equal([]);
  });

  it('has no axe violations in Arabic, right to left, with the letter', async () => {
    const el = await letterWidget('write-ar');
    expect(part(el, '[part=base]').dir).to.equal('rtl');
    await details(el);
    await until(el, 'write');
    expect(await violations(el), 'arabic letter').to.deep.equal([]);
  });
});
