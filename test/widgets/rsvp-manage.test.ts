/**
 * The manage-my-RSVP page's script (site/lib/rsvp-manage.ts) against the real API: read the RSVP behind the
 * private link, change guests and shift, cancel (in two presses), in the campaign's language; axe-clean.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RsvpResult } from '../../schema/actions.ts';
import { ManageRsvp } from '../../site/lib/rsvp-manage.ts';
import '../../widgets/rsvp/rsvp.ts';
import type { LadderRsvp } from '../../widgets/rsvp/rsvp.component.ts';
import { getCampaign } from './helpers.ts';
import { accessible, confirmed, fill, loaded, norm, person } from './rsvp-helpers.ts';

/** RSVPs through the widget; answers with the private token. */
async function rsvpTo(slug: string, shift?: number): Promise<string> {
  const el = await fixture<LadderRsvp>(html`<ladder-rsvp campaign=${slug}></ladder-rsvp>`);
  await loaded(el);
  if (shift !== undefined) el.shadowRoot!.querySelectorAll<HTMLInputElement>('[name=shift]')[shift].click();
  await fill(el, person());
  const success = oneEvent(el, 'ladder-success');
  el.shadowRoot!.querySelector<HTMLElement>('[part=submit]')!.click();
  await success;
  await confirmed(el);
  const { manageUrl } = (el as unknown as { submitter: { result: RsvpResult } }).submitter.result.rsvp;
  return new URL(manageUrl).searchParams.get('t')!;
}

async function page(token: string | null): Promise<HTMLElement> {
  const root = await fixture<HTMLElement>(html`<div></div>`);
  new ManageRsvp(root, token);
  await waitUntil(() => !root.textContent!.includes('Loading') && root.querySelector('h1'), 'loaded');
  return root;
}

const say = (root: HTMLElement, selector: string) => norm(root.querySelector(selector)!.textContent!);

describe('manage my RSVP (/rsvp/?t=)', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('lang');
    document.documentElement.removeAttribute('dir');
  });

  it('shows the RSVP and changes its shift and guests', async () => {
    const token = await rsvpTo('rsvp-shifts', 1);
    const root = await page(token);
    await waitUntil(() => root.querySelector('form'), 'the RSVP');
    expect(say(root, 'h1')).to.equal('Your RSVP');
    expect(say(root, '.state')).to.equal('You’re going.');
    expect(say(root, '#event-title')).to.equal('Canvass day');
    const radios = root.querySelectorAll<HTMLInputElement>('[name=shift]');
    expect(radios[1].checked).to.equal(true);
    expect(root.querySelector<HTMLSelectElement>('#guests')!.value).to.equal('0');
    // The calendar file is the shift's (its own start and end), not the whole event's.
    const ics = () => new URL(root.querySelector<HTMLAnchorElement>('a[download]')!.href);
    expect(ics().search).to.equal(`?shift=${radios[1].value}`);
    await accessible(root);

    radios[1].focus();
    await sendKeys({ press: 'ArrowUp' });
    root.querySelector<HTMLSelectElement>('#guests')!.value = '2';
    root.querySelector<HTMLButtonElement>('form button')!.click();
    await waitUntil(() => say(root, '[role=status]') === 'Your changes are saved.', 'saved');
    const saved = await (await fetch(`/api/rsvps/${token}`)).json();
    expect(saved.rsvp).to.include({ shift: 'morning', guests: 2 });
    expect(ics().search).to.equal('?shift=morning');
    await accessible(root);
  });

  it('cancels in two presses, and the place is freed; the link RSVPs again', async () => {
    const token = await rsvpTo('rsvp-meeting');
    const spots = (await getCampaign('rsvp-meeting')).event!.spotsLeft!;
    const root = await page(token);
    await waitUntil(() => root.querySelector('.cancel button'), 'the RSVP');
    root.querySelector<HTMLButtonElement>('.cancel button')!.click();
    expect(say(root, '.cancel p')).to.include('Cancel your RSVP?');
    expect(document.activeElement).to.equal(root.querySelector('.cancel .danger'));
    await accessible(root);
    root.querySelector<HTMLButtonElement>('.cancel .danger')!.click();
    await waitUntil(() => say(root, '.state') === 'This RSVP is cancelled.', 'cancelled');
    expect(say(root, '[role=status]')).to.equal('Your RSVP is cancelled. Thank you for letting us know.');
    expect(document.activeElement).to.equal(root.querySelector('h1'));
    expect(root.querySelector('form')).to.equal(null);
    expect((await getCampaign('rsvp-meeting')).event!.spotsLeft).to.equal(spots + 1);
    await accessible(root);
    // RSVPing again with the same email changes nothing: the link is how a person comes back.
    root.querySelector<HTMLButtonElement>('button.again')!.click();
    await waitUntil(() => say(root, '.state') === 'You’re going.', 'going again');
    expect((await getCampaign('rsvp-meeting')).event!.spotsLeft).to.equal(spots);
    await accessible(root);
  });

  it('speaks the campaign’s language, and says when the link is wrong', async () => {
    const token = await rsvpTo('rsvp-online');
    const root = await page(token);
    await waitUntil(() => say(root, 'h1') === 'Votre inscription', 'French');
    expect(document.documentElement.lang).to.equal('fr');
    expect(say(root, '.state')).to.equal('Vous participez.');

    const wrong = await page('not-a-token');
    await waitUntil(() => wrong.querySelector('.notice')?.textContent?.includes('not valid'), 'not found');
    const missing = await page(null);
    expect(say(missing, '.notice')).to.include('incomplete');
    await accessible(missing);
  });
});
