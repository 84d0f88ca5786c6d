/** What the RSVP browser tests share: the element's parts and state, real typing, and axe-core on the page. */
import { expect, waitUntil } from '@open-wc/testing';
import type * as Axe from 'axe-core';
import type { LadderRsvp } from '../../widgets/rsvp/rsvp.component.ts';
import { part, type } from './helpers.ts';

export const field = (el: LadderRsvp, name: string) => part<HTMLInputElement>(el, `[name=${name}]`);

/** The text of a part, with every kind of space (Intl uses thin and narrow no-break ones) as one plain space. */
export const text = (el: Element, selector: string) => part(el, selector).textContent!.replace(/\s+/g, ' ').trim();

export const norm = (value: string) => value.replace(/\s+/g, ' ').trim();

export const view = (el: LadderRsvp) => part(el, '[part=base]').className.replace('-state', '');

export const until = (el: LadderRsvp, wanted: string) =>
  waitUntil(() => view(el) === wanted, `state ${wanted}, is ${view(el)}`, { timeout: 8000 });

export const loaded = (el: LadderRsvp) =>
  waitUntil(() => el.data?.event && el.shadowRoot?.querySelector('[part=when] span')?.textContent, 'event loaded', {
    timeout: 5000,
  });

/** The confirmation is a chunk of its own, loaded when the form is first used: wait for its heading. */
export const confirmed = (el: LadderRsvp) =>
  waitUntil(() => el.shadowRoot!.querySelector('[part=thanks] h2')?.textContent, 'confirmation', { timeout: 8000 });

let counter = 0;
/** A new supporter each time: the API keeps every RSVP for the whole run. */
export const person = (overrides: Record<string, string> = {}) => ({
  givenName: 'Ada',
  familyName: 'Lovelace',
  email: `ada.${Date.now().toString(36)}.${counter++}@example.org`,
  ...overrides,
});

export async function fill(el: LadderRsvp, who: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(who)) await type(field(el, name), value);
}

declare global {
  interface Window {
    axe?: typeof Axe;
  }
}

/** Runs axe-core (the copy in node_modules) on the element, shadow root included: no violations allowed. */
export async function accessible(el: Element): Promise<void> {
  if (!window.axe) {
    await new Promise((resolve, reject) => {
      const script = Object.assign(document.createElement('script'), { src: '/node_modules/axe-core/axe.min.js' });
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  }
  const { violations } = await window.axe!.run(el, { resultTypes: ['violations'] });
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`),
    'axe violations',
  ).to.deep.equal([]);
}

/** Records the JSON bodies the page sends (to check what the widget asked for, e.g. SMS consent). */
export function recordRequests(): { bodies: { url: string; body: Record<string, unknown> }[]; stop: () => void } {
  const original = window.fetch;
  const bodies: { url: string; body: Record<string, unknown> }[] = [];
  window.fetch = (input, init) => {
    if (typeof init?.body === 'string') bodies.push({ url: String(input), body: JSON.parse(init.body) });
    return original(input, init);
  };
  return { bodies, stop: () => void (window.fetch = original) };
}
