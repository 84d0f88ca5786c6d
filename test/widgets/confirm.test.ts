/**
 * Double opt-in in the widgets, against the real API: the answer is 202 `pending`, and the widget says to check
 * the email (in the campaign's language), with the hint read together with the focused heading.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { LadderSuccessEvent } from '../../widgets/core/events.ts';
import { $supporter } from '../../widgets/core/supporter.ts';
import '../../widgets/petition/petition.ts';
import '../../widgets/survey/survey.ts';
import type { LadderPetition } from '../../widgets/petition/petition.component.ts';
import type { LadderSurvey } from '../../widgets/survey/survey.component.ts';
import { fill, getCampaign, part, person, submit, type, until } from './helpers.ts';
import { describeNode, expectAccessible, focused, forward, input, text } from './survey-helpers.ts';

const loaded = (el: LadderPetition | LadderSurvey) => waitUntil(() => el.data, 'campaign loaded', { timeout: 5000 });

describe('double opt-in in the widgets', () => {
  beforeEach(() => {
    localStorage.clear();
    $supporter.set(null);
  });

  it('petition: "check your email", the hint read with the focused heading, nothing counted', async () => {
    const el = await fixture<LadderPetition>(html`<ladder-petition campaign="confirm-petition"></ladder-petition>`);
    await loaded(el);
    const before = (await getCampaign('confirm-petition')).count;
    await fill(el, person());
    const success = oneEvent(el, 'ladder-success') as Promise<LadderSuccessEvent>;
    await submit(el);
    const { detail } = await success;
    await until(el, 'success');
    expect(detail).to.deep.equal({ campaign: 'confirm-petition', id: detail.id, count: before, duplicate: false });
    const heading = part(el, '[part=thanks] h2');
    expect(text(el, '[part=thanks] h2')).to.equal('Almost done: check your email');
    expect(heading.getAttribute('aria-describedby')).to.equal('pending');
    expect(text(el, '#pending')).to.equal(
      'We sent you a link. Your signature counts once you open it (within 7 days).',
    );
    await waitUntil(() => el.shadowRoot!.activeElement === heading, 'focus on the heading');
    expect(text(el, '[part=meter] strong')).to.equal(`${before} signature${before === 1 ? '' : 's'}`);
    expect((await getCampaign('confirm-petition')).count).to.equal(before);
    await expectAccessible(el);
  });

  it('petition in Arabic: the same state in its language', async () => {
    const el = await fixture<LadderPetition>(html`<ladder-petition campaign="confirm-rtl"></ladder-petition>`);
    await loaded(el);
    await waitUntil(() => text(el, '[part=submit]') !== 'Sign the petition', 'Arabic strings', { timeout: 5000 });
    await fill(el, person());
    await submit(el);
    await until(el, 'success');
    expect(text(el, '[part=thanks] h2')).to.equal('اقتربت من النهاية: تحقّق من بريدك الإلكتروني');
    expect(text(el, '#pending')).to.equal('أرسلنا إليك رابطًا. يُحتسب توقيعك عند فتحه (خلال 7 أيام).');
  });

  it('survey: answers with an email wait for the link too', async () => {
    const el = await fixture<LadderSurvey>(html`<ladder-survey campaign="confirm-survey"></ladder-survey>`);
    await loaded(el);
    await type(input(el, 'q-story'), 'The heating.');
    await forward(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[name=email]'), 'the last page');
    const who = person();
    for (const name of ['givenName', 'familyName', 'email'] as const) await type(input(el, name), who[name]);
    await forward(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=thanks] h2'), 'answered', { timeout: 15000 });
    expect(text(el, '[part=thanks] h2')).to.equal('Almost done: check your email');
    expect(text(el, '#pending')).to.equal('We sent you a link. Your answers count once you open it (within 7 days).');
    await waitUntil(() => focused(el) === describeNode(part(el, '[part=thanks] h2')), 'focus on the heading');
    await expectAccessible(el);
  });
});
