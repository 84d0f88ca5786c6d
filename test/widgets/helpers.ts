/** Real input for the browser tests: clicks with the mouse, typing with the keyboard, through shadow roots. */
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { waitUntil } from '@open-wc/testing';
import type { PublicCampaign } from '../../schema/campaign.ts';
import type { LadderPetition } from '../../widgets/petition/petition.component.ts';

export const part = <T extends Element = HTMLElement>(el: Element, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <${el.localName}>`);
  return found;
};

export const field = (el: LadderPetition, name: string) => part<HTMLInputElement>(el, `[name=${name}]`);

/** A real mouse click in the middle of the element. */
export async function click(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  // Let pending renders and styles settle first: the click lands where the element is now, a moment later.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const box = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** Clicks into the field and types, key by key. */
export async function type(el: Element, text: string): Promise<void> {
  await click(el);
  await sendKeys({ type: text });
}

export interface Person {
  givenName: string;
  familyName: string;
  email: string;
  postcode: string;
}

let counter = 0;
/** A new supporter each time: the API remembers every signature for the whole run. */
export const person = (overrides: Partial<Person> = {}): Person => ({
  givenName: 'Ada',
  familyName: 'Lovelace',
  email: `ada.${Date.now().toString(36)}.${counter++}@example.org`,
  postcode: 'N1 9GU',
  ...overrides,
});

/** Types a person into the form with real key presses. */
export async function fill(el: LadderPetition, who: Person): Promise<void> {
  for (const [name, value] of Object.entries(who)) await type(field(el, name), value);
}

export const submit = (el: LadderPetition) => click(part(el, '[part=submit]'));

export const state = (el: LadderPetition) => part(el, '[part=base]').className.replace('-state', '');

export const until = (el: LadderPetition, wanted: string) =>
  waitUntil(() => state(el) === wanted, `state ${wanted}, is ${state(el)}`, { timeout: 15000 });

/** The API's switch: `down` drops every API connection, as if offline; `after` drops it after the API answered. */
export const network = async (mode: 'up' | 'down' | 'after') => {
  await fetch(`/__test/network?down=${mode === 'down' ? 1 : mode === 'after' ? 'after' : 0}`);
};

export const getCampaign = async (slug: string): Promise<PublicCampaign> =>
  (await fetch(`/api/campaigns/${slug}`)).json() as Promise<PublicCampaign>;

/** A campaign as the site would pass it as `data`, without asking the API. */
export const campaignData = (overrides: Partial<PublicCampaign> = {}): PublicCampaign => ({
  slug: 'library',
  kind: 'petition',
  title: 'Save the library',
  summary: 'Keep the branch library open.',
  lang: 'en',
  status: 'open',
  goal: 100,
  deadline: null,
  count: 42,
  consent: { text: 'Keep me updated about this campaign.', version: '2026-11-01' },
  petition: { to: 'The City Council', ask: 'Fund the library.' },
  strings: {},
  url: 'http://localhost/act/library/',
  ...overrides,
});

/** Records the widget events that reach the document. */
export function recordEvents(): Event[] {
  const events: Event[] = [];
  for (const type of ['ladder-submit', 'ladder-success', 'ladder-error', 'ladder-queued'])
    document.addEventListener(type, (event) => events.push(event));
  return events;
}
