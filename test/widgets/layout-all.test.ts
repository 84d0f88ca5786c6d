/**
 * <ladder-survey>, <ladder-rsvp> and <ladder-call> laid out on a 320 px phone, at 200% zoom, and on host pages
 * whose global CSS is hostile, as test/widgets/petition.layout.test.ts does for the petition: no sideways
 * scrolling, nothing cut off, every control of the first step on screen, legible, and the first step still works.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../widgets/rsvp/rsvp.ts';
import type { LadderRsvp } from '../../widgets/rsvp/rsvp.component.ts';
import '../../widgets/survey/survey.ts';
import type { LadderSurvey } from '../../widgets/survey/survey.component.ts';
import type { LadderCall } from '../../widgets/call/call.component.ts';
import * as call from './call-helpers.ts';
import { click, part } from './helpers.ts';
import { HOSTILE_CSS } from './hostile.css.ts';
import * as rsvp from './rsvp-helpers.ts';
import * as survey from './survey-helpers.ts';

interface Widget {
  tag: string;
  /** The widget, in a `<div>` as on a host page, once its campaign has loaded. */
  mount(): Promise<HTMLElement>;
  /** A label of the first step. */
  label: string;
  /** The first step, done with real input; it ends on the step where the text inputs are checked. */
  journey(el: HTMLElement): Promise<void>;
}

const widgets: Widget[] = [
  {
    tag: 'ladder-survey',
    async mount() {
      const host = await fixture(html`<div><ladder-survey campaign="block"></ladder-survey></div>`);
      const el = host.querySelector<LadderSurvey>('ladder-survey')!;
      await survey.loaded(el);
      await waitUntil(() => survey.progress(el) === 'Page 1 of 3', 'first page');
      return el;
    },
    label: '.page:not([hidden]) label',
    async journey(el) {
      const form = el as LadderSurvey;
      await survey.choose(form, 'q-housing', 'own');
      await survey.forward(form);
      await waitUntil(() => survey.progress(form) === 'Page 2 of 3', `on page 2, is ${survey.progress(form)}`, {
        timeout: 8000,
      });
    },
  },
  {
    tag: 'ladder-rsvp',
    async mount() {
      const host = await fixture(html`<div><ladder-rsvp campaign="rsvp-meeting"></ladder-rsvp></div>`);
      const el = host.querySelector<LadderRsvp>('ladder-rsvp')!;
      await rsvp.loaded(el);
      return el;
    },
    label: 'label[for=email]',
    async journey(el) {
      const form = el as LadderRsvp;
      await rsvp.fill(form, rsvp.person());
      await click(part(form, '[part=submit]'));
      await rsvp.confirmed(form);
      await waitUntil(() => ['confirmed', 'waitlisted'].includes(rsvp.view(form)), `RSVPed, is ${rsvp.view(form)}`, {
        timeout: 8000,
      });
    },
  },
  {
    tag: 'ladder-call',
    async mount() {
      const host = await fixture(html`<div><ladder-call campaign="council"></ladder-call></div>`);
      const el = host.querySelector<LadderCall>('ladder-call')!;
      await waitUntil(() => el.data && call.text(el, '[part=count]'), 'campaign loaded', { timeout: 5000 });
      return el;
    },
    label: 'label[for=postcode]',
    async journey(el) {
      const widget = el as LadderCall;
      await call.lookUp(widget, '94110');
      await call.until(widget, 'calling');
      expect(call.heading(widget)).to.equal('Call 1 of 2: Ana Ruiz');
    },
  },
];

const box = (el: Element) => el.getBoundingClientRect();
const shown = (el: Element) => el.getClientRects().length > 0;
/**
 * The widget's controls that are rendered (not in a hidden page or question, not `display: none`), but the
 * honeypot (core/honeypot.ts), off-screen and out of reach on purpose.
 */
const controls = (el: HTMLElement) =>
  [...el.shadowRoot!.querySelectorAll('input:not([aria-hidden] *), select, textarea, button')].filter(shown);
const nodeName = (node: Element) =>
  `<${node.localName} ${node.getAttribute('name') ?? node.getAttribute('part') ?? ''}>`;

/** Nothing wider than the viewport, nothing cut off inside the widget, every control of the first step on screen. */
function expectReflow(el: HTMLElement): void {
  const width = document.documentElement.clientWidth;
  expect(document.documentElement.scrollWidth, 'page scrolls sideways').to.be.at.most(width);
  const base = part(el, '[part=base]');
  expect(base.scrollWidth, 'widget content wider than the widget').to.be.at.most(base.clientWidth);
  const found = controls(el);
  expect(found.length, 'controls shown').to.be.at.least(2);
  for (const control of found) {
    const { left, right } = box(control);
    expect(left, `${nodeName(control)} starts off screen`).to.be.at.least(0);
    expect(right, `${nodeName(control)} ends off screen`).to.be.at.most(width + 0.5);
  }
}

for (const widget of widgets) {
  describe(`<${widget.tag}> layout`, () => {
    afterEach(async () => {
      document.documentElement.style.zoom = '';
      await setViewport({ width: 800, height: 600 });
    });

    it('reflows at 320 px wide: no sideways scrolling, every control on screen', async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await widget.mount();
      expect(document.documentElement.clientWidth).to.equal(320);
      expectReflow(el);
    });

    it('reflows at 200% zoom (CSS zoom: 2 on the page in a 1280 px window)', async () => {
      await setViewport({ width: 1280, height: 800 });
      const el = await widget.mount();
      const label = part(el, widget.label);
      const normal = box(label).height;
      document.documentElement.style.zoom = '2';
      await waitUntil(() => Math.abs(box(label).height - normal * 2) <= 1, 'zoomed');
      expectReflow(el);
    });
  });

  describe(`<${widget.tag}> on hostile host pages`, () => {
    let style: HTMLStyleElement;
    beforeEach(() => {
      style = document.createElement('style');
      style.textContent = HOSTILE_CSS;
      document.head.append(style);
    });
    afterEach(() => style.remove());

    it('stays legible and usable, and its first step works', async () => {
      // The host's rules do apply to the page: the fixture is not fooling itself.
      expect(getComputedStyle(document.documentElement).fontSize).to.equal('10px');
      const el = await widget.mount();
      const css = (target: Element) => getComputedStyle(target);
      expect(parseFloat(css(part(el, widget.label)).fontSize), 'label font size').to.be.at.least(14);

      const button = part(el, '[part=submit]');
      expect(box(button).width, 'button width').to.be.greaterThan(40);
      expect(box(button).height, 'button height').to.be.at.least(30);
      expect(css(button).color, 'button text').to.not.match(/^(transparent|rgba\(.*, 0\))$/);
      expect(css(button).color, 'button text on its background').to.not.equal(css(button).backgroundColor);
      expect(parseFloat(css(button).fontSize), 'button font size').to.be.at.least(14);

      // Text inputs keep their border, before the first step and after it (the survey's first page has only
      // choices, its second has text; the RSVP's form gives way to its confirmation).
      const checkInputs = () => {
        const texts = [
          ...el.shadowRoot!.querySelectorAll('input:not([type=checkbox], [type=radio]), textarea, select'),
        ].filter(shown);
        for (const input of texts) {
          expect(css(input).borderTopStyle, `${nodeName(input)} border`).to.equal('solid');
          expect(parseFloat(css(input).borderTopWidth), `${nodeName(input)} border`).to.be.greaterThan(0);
          expect(parseFloat(css(input).fontSize), `${nodeName(input)} font size`).to.be.at.least(14);
        }
        return texts.length;
      };
      const before = checkInputs();
      await widget.journey(el);
      expect(before + checkInputs(), 'text inputs checked').to.be.at.least(1);
    });
  });
}
