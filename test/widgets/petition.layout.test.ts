/**
 * <ladder-petition> laid out in Arabic (right to left), on a 320 px phone, at 200% zoom, and on host pages whose
 * global CSS is hostile (Bootstrap 3, WordPress theme resets: small fixtures of the same kinds of rules).
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../widgets/petition/petition.ts';
import type { LadderPetition } from '../../widgets/petition/petition.component.ts';
import { focused, tab } from './axe.ts';
import { field, fill, part, person, submit, until } from './helpers.ts';
import { HOSTILE_CSS } from './hostile.css.ts';

const petition = async (campaign: string, attributes = ''): Promise<LadderPetition> => {
  const host = await fixture(`<div><button id="start">Start</button>
    <ladder-petition campaign="${campaign}" ${attributes}></ladder-petition></div>`);
  const el = host.querySelector('ladder-petition')!;
  await waitUntil(() => el.data && part(el, '[part=meter] strong').textContent, 'campaign loaded', { timeout: 5000 });
  return el;
};

const box = (el: Element) => el.getBoundingClientRect();
/** Where a label's text is drawn (the label itself is a block as wide as the form). */
const textBox = (el: Element) => {
  const range = document.createRange();
  range.selectNodeContents(el);
  return range.getBoundingClientRect();
};

/** Tabs from the button before the widget through it, and returns every control that got the focus. */
async function tabStops(el: LadderPetition): Promise<Element[]> {
  el.parentElement!.querySelector<HTMLButtonElement>('#start')!.focus();
  const stops: Element[] = [];
  for (let i = 0; i < 12; i++) {
    await tab();
    const now = focused();
    if (!now || !el.shadowRoot!.contains(now)) break;
    stops.push(now);
  }
  return stops;
}

/** Nothing wider than the viewport, nothing cut off inside the widget, every control on screen and reachable. */
async function expectReflow(el: LadderPetition): Promise<void> {
  const width = document.documentElement.clientWidth;
  expect(document.documentElement.scrollWidth, 'page scrolls sideways').to.be.at.most(width);
  const base = part(el, '[part=base]');
  expect(base.scrollWidth, 'widget content wider than the widget').to.be.at.most(base.clientWidth);
  // Not the honeypot (core/honeypot.ts): off-screen and out of reach on purpose.
  const controls = [...el.shadowRoot!.querySelectorAll('input:not([aria-hidden] *), textarea, button')];
  expect(controls).to.have.length(8);
  for (const control of controls) {
    const { left, right } = box(control);
    expect(left, `${control.outerHTML} starts off screen`).to.be.at.least(0);
    expect(right, `${control.outerHTML} ends off screen`).to.be.at.most(width + 0.5);
  }
  expect(await tabStops(el)).to.deep.equal(controls);
}

describe('<ladder-petition> layout', () => {
  afterEach(async () => {
    document.documentElement.style.zoom = '';
    await setViewport({ width: 800, height: 600 });
  });

  it('lays out Arabic right to left, with numbers and plurals as Intl gives them', async () => {
    const el = await petition('rtl', 'lang="ar" style="width: 640px"');
    await waitUntil(() => part(el, '[part=submit]').textContent === 'وقّع العريضة', 'Arabic strings');
    const base = part(el, '[part=base]');
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(base).direction).to.equal('rtl');

    const digits = new Intl.NumberFormat('ar');
    el.data = { ...el.data!, count: 3, goal: 2500 };
    await el.updateComplete;
    expect(new Intl.PluralRules('ar').select(3)).to.equal('few');
    expect(part(el, '[part=meter] strong').textContent).to.equal(`${digits.format(3)} توقيعات`);
    expect(part(el, '.goal').textContent).to.equal(`الهدف: ${digits.format(2500)}`);
    el.data = { ...el.data!, count: 1234 };
    await el.updateComplete;
    expect(new Intl.PluralRules('ar').select(1234)).to.equal('many');
    expect(part(el, '[part=meter] strong').textContent).to.equal(`${digits.format(1234)} توقيعًا`);

    // Mirrored: labels and the button start at the right edge, the first name is the right-hand column, and
    // each checkbox stands to the right of its text.
    const email = field(el, 'email');
    expect(textBox(part(el, 'label[for=email]')).right).to.be.closeTo(box(email).right, 1);
    expect(textBox(part(el, 'label[for=email]')).left).to.be.greaterThan(box(email).left + 20);
    expect(box(field(el, 'givenName')).left).to.be.greaterThan(box(field(el, 'familyName')).right);
    expect(box(part(el, '[part=submit]')).right).to.be.closeTo(box(part(el, 'form')).right, 1);
    const consent = part(el, '[part=consent]');
    expect(box(field(el, 'contact')).left).to.be.greaterThan(box(consent.querySelector('span')!).right);
    // The progress bar fills from the right.
    expect(getComputedStyle(part(el, '[part=progress]')).direction).to.equal('rtl');
  });

  it('reflows at 320 px wide: no sideways scrolling, every control on screen and reachable', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await petition('a11y');
    await expectReflow(el);
    // The two name fields stack.
    expect(box(field(el, 'familyName')).top).to.be.greaterThan(box(field(el, 'givenName')).bottom);
  });

  it('reflows at 200% zoom (CSS zoom: 2 on the page in a 1280 px window, as the browser zoom does)', async () => {
    await setViewport({ width: 1280, height: 800 });
    const el = await petition('a11y');
    const label = part(el, 'label[for=email]');
    const normal = box(label).height;
    document.documentElement.style.zoom = '2';
    await el.updateComplete;
    expect(box(label).height).to.be.closeTo(normal * 2, 1);
    await expectReflow(el);
    await fill(el, person());
    await submit(el);
    await until(el, 'success');
  });
});

describe('<ladder-petition> on hostile host pages', () => {
  let style: HTMLStyleElement;
  beforeEach(() => {
    style = document.createElement('style');
    style.textContent = HOSTILE_CSS;
    document.head.append(style);
  });
  afterEach(() => style.remove());

  it('stays legible and usable, and signs', async () => {
    // The host's rules do apply to the page: the fixture is not fooling itself.
    expect(getComputedStyle(document.documentElement).fontSize).to.equal('10px');
    const el = await petition('hostile');
    const base = part(el, '[part=base]');
    const css = (target: Element) => getComputedStyle(target);
    expect(parseFloat(css(base).fontSize)).to.equal(16);
    expect(css(base).lineHeight).to.not.equal('10px');
    expect(css(base).letterSpacing).to.equal('normal');
    expect(css(base).color).to.equal('rgb(29, 29, 31)');

    for (const name of ['givenName', 'familyName', 'email', 'postcode']) {
      const input = css(field(el, name));
      expect(parseFloat(input.fontSize), `${name} font size`).to.be.at.least(14);
      expect(input.borderTopStyle, `${name} border`).to.equal('solid');
      expect(parseFloat(input.borderTopWidth), `${name} border`).to.be.at.least(1);
      expect(box(field(el, name)).height, `${name} height`).to.be.at.least(36);
    }
    const button = part(el, '[part=submit]');
    expect(css(button).backgroundColor).to.equal('rgb(179, 38, 30)');
    expect(css(button).color).to.equal('rgb(255, 255, 255)');
    expect(css(button).cursor).to.equal('pointer');
    expect(box(button).height).to.be.at.least(40);
    expect(box(button).width).to.be.greaterThan(100);
    expect(parseFloat(css(part(el, 'label[for=email]')).fontSize)).to.equal(16);

    await fill(el, person());
    await submit(el);
    await until(el, 'success');
  });
});
