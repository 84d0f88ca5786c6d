/**
 * Server-rendered, then hydrated, as on the campaign site (@astrojs/lit): the form is complete before any script
 * runs, and the element takes it over without re-rendering. Hydration support must load before Lit.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect, waitUntil } from '@open-wc/testing';
import type { PublicCampaign } from '../../schema/campaign.ts';
import type { LadderPetition } from '../../widgets/petition/petition.component.ts';
import { field, fill, getCampaign, part, person, submit, until } from './helpers.ts';

async function serverRendered(slug: string, lang = ''): Promise<LadderPetition> {
  const markup = await (await fetch(`/__test/ssr?slug=${slug}&lang=${lang}`)).text();
  const host = document.createElement('div');
  host.setHTMLUnsafe(markup);
  document.body.replaceChildren(host);
  return host.firstElementChild as LadderPetition;
}

/** What Astro's island does in the browser: define the element, set the properties, remove defer-hydration. */
async function hydrate(el: LadderPetition, data: PublicCampaign): Promise<void> {
  await import('../../widgets/petition/petition.ts');
  el.data = data;
  el.removeAttribute('defer-hydration');
  await el.updateComplete;
}

describe('server rendering', () => {
  it('renders the complete form into declarative shadow DOM, then hydrates and signs', async () => {
    const data = await getCampaign('library');
    const el = await serverRendered('library');
    expect(customElements.get('ladder-petition')).to.equal(undefined);
    const root = el.shadowRoot!;
    expect(root.querySelector('[part=title]')!.textContent).to.equal('Petition library');
    expect(root.querySelectorAll('form input[required]')).to.have.length(4);
    expect(root.querySelector('[part=consent]')!.textContent).to.include('Keep me updated');
    expect(root.querySelector('[part=submit]')!.textContent!.trim()).to.equal('Sign the petition');
    const input = root.querySelector('input')!;

    await hydrate(el, data);
    // Hydrated in place: the same nodes, now live.
    expect(field(el, 'givenName')).to.equal(input);
    await fill(el, person());
    await submit(el);
    await until(el, 'success');
    expect(part(el, '[part=share]').getAttribute('href')).to.include('ref=');
  });

  it('renders Spanish on the server when the dictionary is registered', async () => {
    const data = await getCampaign('parks');
    const el = await serverRendered('parks', 'es');
    expect(el.shadowRoot!.querySelector('label[for=givenName]')!.textContent).to.equal('Nombre');
    expect(el.shadowRoot!.querySelector('[part=submit]')!.textContent!.trim()).to.equal('¡Firmo!');
    await hydrate(el, data);
    await waitUntil(() => part(el, 'label[for=givenName]').textContent === 'Nombre');
    expect(part(el, '[part=submit]').textContent!.trim()).to.equal('¡Firmo!');
  });
});
