/**
 * `<ladder-survey>` server-rendered, then hydrated, as on the campaign site: the first page of questions is there
 * before any script runs, and the element takes it over in place. Hydration support must load before Lit.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect, waitUntil } from '@open-wc/testing';
import type { PublicCampaign } from '../../schema/campaign.ts';
import type { LadderSurvey } from '../../widgets/survey/survey.component.ts';
import { getCampaign, person, type } from './helpers.ts';
import { choose, forward, input, progress, until } from './survey-helpers.ts';

async function serverRendered(slug: string, lang = ''): Promise<LadderSurvey> {
  const markup = await (await fetch(`/__test/ssr?widget=survey&slug=${slug}&lang=${lang}`)).text();
  const host = document.createElement('div');
  host.setHTMLUnsafe(markup);
  document.body.replaceChildren(host);
  return host.firstElementChild as LadderSurvey;
}

/** What Astro's island does in the browser: define the element, set the properties, remove defer-hydration. */
async function hydrate(el: LadderSurvey, data: PublicCampaign): Promise<void> {
  // As the site's island does: the module that registers every language, then defines the tag.
  await import('../../site/lib/widgets/survey.ts');
  el.data = data;
  el.removeAttribute('defer-hydration');
  await el.updateComplete;
}

describe('<ladder-survey> server rendering', () => {
  it('renders the questions into declarative shadow DOM, then hydrates in place and answers', async () => {
    const data = await getCampaign('block');
    const el = await serverRendered('block');
    expect(customElements.get('ladder-survey')).to.equal(undefined);
    const root = el.shadowRoot!;
    expect(root.querySelector('[part=progress] p')!.textContent).to.equal('Page 1 of 3');
    expect(root.querySelectorAll('fieldset')).to.have.length(8);
    expect(root.querySelector('legend')!.textContent).to.include('Do you rent or own your home?');
    const radio = root.querySelector('input')!;

    await hydrate(el, data);
    expect(input(el, 'q-housing', 'rent') === radio).to.equal(true);
    await choose(el, 'q-housing', 'rent');
    await waitUntil(() => !input(el, 'q-repairs', 'yes').closest('fieldset')!.hidden, 'follow-up shown');
    await choose(el, 'q-repairs', 'yes');
    await forward(el);
    await waitUntil(() => progress(el) === 'Page 2 of 3');
    await choose(el, 'q-issues', 'Rent');
    await forward(el);
    await waitUntil(() => progress(el) === 'Page 3 of 3');
    for (const [name, value] of Object.entries(person())) await type(input(el, name), value);
    await forward(el);
    await until(el, 'success');
  });

  it('renders Arabic right to left on the server, and hydrates without a flash of English', async () => {
    const data = await getCampaign('block');
    const el = await serverRendered('block', 'ar');
    const base = el.shadowRoot!.querySelector<HTMLElement>('[part=base]')!;
    expect(base.dir).to.equal('rtl');
    const label = el.shadowRoot!.querySelector('[part=submit]')!.textContent!.trim();
    expect(label).to.equal('التالي');
    await hydrate(el, data);
    expect(el.shadowRoot!.querySelector('[part=submit]')!.textContent!.trim()).to.equal(label);
  });
});
