/**
 * `<ladder-letter>` on a 320 px phone and on a host page whose global CSS is hostile (as layout-all.test.ts does
 * for the other widgets): no sideways scrolling, legible labels, buttons and inputs, the letter's box included.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { LadderLetter } from '../../widgets/letter/letter.component.ts';
import { part } from './helpers.ts';
import { HOSTILE_CSS } from './hostile.css.ts';
import { details, text, until } from './letter-helpers.ts';

async function mount(): Promise<LadderLetter> {
  const host = await fixture(html`<div><ladder-letter campaign="write-hostile"></ladder-letter></div>`);
  const el = host.querySelector<LadderLetter>('ladder-letter')!;
  await waitUntil(() => el.data && text(el, '[part=count]'), 'campaign loaded', { timeout: 5000 });
  return el;
}

const css = (target: Element) => getComputedStyle(target);

function expectUsable(el: LadderLetter): void {
  const width = document.documentElement.clientWidth;
  expect(document.documentElement.scrollWidth, 'page scrolls sideways').to.be.at.most(width);
  for (const input of el.shadowRoot!.querySelectorAll('input:not([type=checkbox], [aria-hidden] *), textarea')) {
    const name = input.getAttribute('name');
    expect(input.getBoundingClientRect().right, `${name} cut off`).to.be.at.most(width + 0.5);
    expect(css(input).borderTopStyle, `${name} border`).to.equal('solid');
    expect(parseFloat(css(input).fontSize), `${name} font size`).to.be.at.least(14);
  }
  const button = part(el, '[part=submit]');
  expect(button.getBoundingClientRect().height, 'button height').to.be.at.least(30);
  expect(css(button).color, 'button text on its background').to.not.equal(css(button).backgroundColor);
}

describe('<ladder-letter> layout', () => {
  let style: HTMLStyleElement | undefined;
  afterEach(async () => {
    style?.remove();
    await setViewport({ width: 800, height: 600 });
  });

  it('fits a 320 px phone, the letter included, on a hostile host page', async () => {
    style = document.createElement('style');
    style.textContent = HOSTILE_CSS;
    document.head.append(style);
    expect(getComputedStyle(document.documentElement).fontSize).to.equal('10px');
    await setViewport({ width: 320, height: 640 });
    const el = await mount();
    expect(parseFloat(css(part(el, 'label[for=postcode]')).fontSize), 'label font size').to.be.at.least(14);
    expectUsable(el);
    await details(el);
    await until(el, 'write');
    expectUsable(el);
  });
});
