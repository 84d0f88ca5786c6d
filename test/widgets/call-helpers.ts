/** Driving `<ladder-call>` in the browser tests: real typing and clicks, its state, axe-core in the page. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../widgets/call/call.ts';
import type { LadderCall } from '../../widgets/call/call.component.ts';
import { click, part, type } from './helpers.ts';

export const text = (el: Element, selector: string) => part(el, selector).textContent!.replace(/\s+/g, ' ').trim();

export const state = (el: LadderCall) => part(el, '[part=base]').className.replace('-state', '');

export const until = (el: LadderCall, wanted: string) =>
  waitUntil(() => state(el) === wanted, `state ${wanted}, is ${state(el)}`, { timeout: 8000 });

export const heading = (el: LadderCall) => text(el, '[part=target] h3');

/** Whether the widget shows `selector` (a boolean: a failed assertion on a DOM node stalls the runner). */
export const has = (el: Element, selector: string) => !!el.shadowRoot!.querySelector(selector);

export const focused = (el: LadderCall) => el.shadowRoot!.activeElement;

/** A call widget for the campaign, inside `<main>` as on a page, once the campaign has loaded. */
export async function callWidget(slug: string, lang?: string): Promise<LadderCall> {
  const page = await fixture(html`<main><ladder-call campaign=${slug} lang=${ifDefined(lang)}></ladder-call></main>`);
  const el = page.querySelector('ladder-call')!;
  await waitUntil(() => el.data && text(el, '[part=count]'), 'campaign loaded', { timeout: 5000 });
  return el;
}

/** Types the postcode key by key and presses Enter, as a supporter would. */
export async function lookUp(el: LadderCall, postcode: string): Promise<void> {
  await type(part(el, '[name=postcode]'), postcode);
  await sendKeys({ press: 'Enter' });
}

/** Clicks an outcome button and waits for the widget to settle on the next step. */
export async function answer(el: LadderCall, outcome: string): Promise<void> {
  await click(part(el, `[data-outcome=${outcome}]`));
  await waitUntil(() => state(el) !== 'sending', 'sent', { timeout: 8000 });
}

/** The campaign's calls by outcome, from the API. */
export const outcomes = async (slug: string): Promise<Record<string, number>> =>
  ((await (await fetch(`/api/campaigns/${slug}`)).json()) as { call: { outcomes: Record<string, number> } }).call
    .outcomes;

interface Axe {
  run(context: Element): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }>;
}

/** axe-core's violations in the element (it reaches into open shadow roots), as `id: help [targets]`. */
export async function violations(el: Element): Promise<string[]> {
  const global = window as unknown as { axe?: Axe };
  if (!global.axe) {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    document.head.append(script);
    await new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
  }
  const result = await global.axe!.run(el);
  return result.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}
