/** Driving `<ladder-letter>` in the browser tests: real typing and clicks, its state. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../widgets/letter/letter.ts';
import type { LadderLetter } from '../../widgets/letter/letter.component.ts';
import { click, type Person, part, person, type } from './helpers.ts';

export const text = (el: Element, selector: string) => part(el, selector).textContent!.replace(/\s+/g, ' ').trim();

export const state = (el: LadderLetter) => part(el, '[part=base]').className.replace('-state', '');

export const until = (el: LadderLetter, wanted: string) =>
  waitUntil(() => state(el) === wanted, `state ${wanted}, is ${state(el)}`, { timeout: 8000 });

export const has = (el: Element, selector: string) => !!el.shadowRoot!.querySelector(selector);

export const focused = (el: LadderLetter) => el.shadowRoot!.activeElement;

export const value = (el: LadderLetter, name: string) => part<HTMLInputElement>(el, `[name=${name}]`).value;

/** A letter widget for the campaign, inside `<main>` as on a page, once the campaign has loaded. */
export async function letterWidget(slug: string, lang?: string): Promise<LadderLetter> {
  const page = await fixture(
    html`<main><ladder-letter campaign=${slug} lang=${ifDefined(lang)}></ladder-letter></main>`,
  );
  const el = page.querySelector('ladder-letter')!;
  await waitUntil(() => el.data && text(el, '[part=count]'), 'campaign loaded', { timeout: 5000 });
  return el;
}

/** Types the supporter's details key by key and presses Enter, as a supporter would. */
export async function details(el: LadderLetter, who: Partial<Person> = {}): Promise<Person> {
  const supporter = person({ postcode: '94110', ...who });
  for (const [name, typed] of Object.entries(supporter)) {
    if (typed) await type(part(el, `[name=${name}]`), typed);
  }
  await sendKeys({ press: 'Enter' });
  return supporter;
}

export const send = (el: LadderLetter) => click(part(el, '[part=letter] [part=submit]'));
