/**
 * `<ladder-rsvp>` server-rendered, then hydrated, as on the campaign site: the server shows the event's time zone
 * (it cannot know the supporter's); once hydrated, the widget shows the supporter's, in the same space.
 * Hydration support must load before Lit.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect, waitUntil } from '@open-wc/testing';
import type { PublicCampaign } from '../../schema/campaign.ts';
import type { LadderRsvp } from '../../widgets/rsvp/rsvp.component.ts';
import { getCampaign } from './helpers.ts';
import { accessible, confirmed, field, fill, norm, person } from './rsvp-helpers.ts';

async function serverRendered(slug: string, lang = ''): Promise<LadderRsvp> {
  const markup = await (await fetch(`/__test/ssr?widget=rsvp&slug=${slug}&lang=${lang}`)).text();
  const host = document.createElement('div');
  host.style.inlineSize = '36em';
  host.setHTMLUnsafe(markup);
  document.body.replaceChildren(host);
  return host.firstElementChild as LadderRsvp;
}

async function hydrate(el: LadderRsvp, data: PublicCampaign): Promise<void> {
  await import('../../widgets/rsvp/rsvp.ts');
  el.data = data;
  el.removeAttribute('defer-hydration');
  await el.updateComplete;
}

const lines = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part=when] span')].map((s) => norm(s.textContent!));
const box = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)!.getBoundingClientRect();

describe('<ladder-rsvp> server rendering', () => {
  it('renders the event zone on the server, then the supporter’s once hydrated, without moving the form', async () => {
    const data = await getCampaign('rsvp-meeting');
    const el = await serverRendered('rsvp-meeting');
    expect(customElements.get('ladder-rsvp')).to.equal(undefined);
    expect(lines(el)).to.deep.equal(['Thursday, February 18, 6:30 – 8:30 PM CST', 'Central Standard Time']);
    expect(el.shadowRoot!.querySelectorAll('form input[required]')).to.have.length(3);
    expect(el.shadowRoot!.querySelector('[part=submit]')!.textContent!.trim()).to.equal('RSVP');
    const input = el.shadowRoot!.querySelector('input')!;
    const when = box(el, '[part=when]').height;
    const form = box(el, 'form').top;

    await hydrate(el, data);
    await waitUntil(() => lines(el)[1].startsWith('At the event'), 'the supporter’s zone');
    expect(lines(el)).to.deep.equal([
      'Friday, February 19, 12:30 – 2:30 AM UTC',
      'At the event: Thu, 6:30 – 8:30 PM CST',
    ]);
    expect(box(el, '[part=when]').height).to.equal(when);
    expect(box(el, 'form').top).to.equal(form);
    // Hydrated in place: the same nodes, now live.
    expect(field(el, 'givenName')).to.equal(input);
    await accessible(el);
    await fill(el, person());
    el.shadowRoot!.querySelector<HTMLElement>('[part=submit]')!.click();
    await confirmed(el);
    expect(el.shadowRoot!.querySelector('[part=thanks] h2')!.textContent).to.equal('You’re going!');
  });

  it('renders Arabic on the server, right to left', async () => {
    const data = await getCampaign('rsvp-meeting');
    const el = await serverRendered('rsvp-meeting', 'ar');
    expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('dir')).to.equal('rtl');
    expect(el.shadowRoot!.querySelector('label[for=givenName]')!.textContent).to.equal('الاسم الأول');
    await hydrate(el, data);
    await waitUntil(() => lines(el)[1].startsWith('بتوقيت'), 'the supporter’s zone, in Arabic');
    expect(el.shadowRoot!.querySelector('label[for=givenName]')!.textContent).to.equal('الاسم الأول');
  });
});
