import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LadderSuccessEvent } from '../../widgets/core/events.ts';
import '../../widgets/survey/survey.ts';
import type { LadderSurvey } from '../../widgets/survey/survey.component.ts';
import { click, getCampaign, network, part, person, recordEvents, type } from './helpers.ts';
import {
  choose,
  describeNode,
  expectAccessible,
  focused,
  forward,
  input,
  loaded,
  progress,
  state,
  text,
  until,
} from './survey-helpers.ts';

const survey = async (slug = 'block', lang = '') => {
  const el = await fixture<LadderSurvey>(html`<ladder-survey campaign=${slug} lang=${lang}></ladder-survey>`);
  await loaded(el);
  return el;
};

const press = async (...keys: string[]) => {
  for (const key of keys) await sendKeys({ press: key });
};

/** Answers the two question pages with the mouse (a renter, so the follow-up question is asked). */
async function answerPages(el: LadderSurvey): Promise<void> {
  await choose(el, 'q-housing', 'rent');
  await choose(el, 'q-repairs', 'no');
  await forward(el);
  await choose(el, 'q-issues', 'Rent');
  await forward(el);
  await waitUntil(() => progress(el) === 'Page 3 of 3', 'on the last page');
}

async function fillContact(el: LadderSurvey, who = person()): Promise<void> {
  for (const [name, value] of Object.entries(who)) await type(input(el, name), value);
}

describe('<ladder-survey>', () => {
  afterEach(() => network('up'));

  it('renders each question type as native inputs in a fieldset, the follow-up hidden until it applies', async () => {
    const el = await survey();
    expect(text(el, '[part=title]')).to.equal('Survey block');
    expect(progress(el)).to.equal('Page 1 of 3');
    expect(part<HTMLProgressElement>(el, 'progress').value).to.equal(1);
    expect(text(el, '.page:not([hidden]) h3')).to.equal('Your home');
    const housing = part(el, 'fieldset.single');
    expect(housing.querySelector('legend')!.textContent!.trim()).to.equal('Do you rent or own your home?');
    expect([...housing.querySelectorAll('input')].map((i) => [i.type, i.value, i.required])).to.deep.equal([
      ['radio', 'rent', true],
      ['radio', 'own', true],
      ['radio', 'Other', true],
    ]);
    // Scale: a radio group, the ends' meanings describing the first and last points.
    const points = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[name=q-safety]')];
    expect(points.map((p) => p.value)).to.deep.equal(['1', '2', '3', '4', '5']);
    expect(el.shadowRoot!.getElementById(points[0].getAttribute('aria-describedby')!)!.textContent).to.equal(
      'Not at all',
    );
    expect(el.shadowRoot!.getElementById(points[4].getAttribute('aria-describedby')!)!.textContent).to.equal(
      'Very safe',
    );
    expect(text(el, 'fieldset.scale legend')).to.equal('How safe do you feel on your block at night? (optional)');
    // Page 2 exists (hidden): checkboxes, a text input and a text area labelled by their legends.
    expect(input(el, 'q-issues', 'traffic').type).to.equal('checkbox');
    expect(input(el, 'q-contact').maxLength).to.equal(500);
    expect(input(el, 'q-story').localName).to.equal('textarea');
    expect(input(el, 'q-story').getAttribute('aria-labelledby')).to.equal('q-story-label');
    // The follow-up only for renters.
    expect(part(el, 'fieldset.yesno').hidden).to.equal(true);
    await choose(el, 'q-housing', 'own');
    expect(part(el, 'fieldset.yesno').hidden).to.equal(true);
    await choose(el, 'q-housing', 'rent');
    await waitUntil(() => !part(el, 'fieldset.yesno').hidden, 'follow-up shown');
    expect(text(el, 'fieldset.yesno')).to.include('Yes');
    await expectAccessible(el);
  });

  it('goes through every page with the keyboard alone, then thanks with a share link and the next ask', async () => {
    const events = recordEvents();
    const el = await survey();
    const before = (await getCampaign('block')).count;
    await click(part(el, '[part=summary]'));
    await press('Tab', 'Space'); // I rent
    await waitUntil(() => !part(el, 'fieldset.yesno').hidden, 'follow-up shown');
    await press('Tab', 'Space'); // Yes
    await press('Tab', 'ArrowRight', 'ArrowRight', 'ArrowRight'); // the scale, from 1 to 4
    expect(input(el, 'q-safety', '4').checked).to.equal(true);
    await press('Tab', 'Enter');
    await waitUntil(() => progress(el) === 'Page 2 of 3', 'page 2');
    expect(focused(el)).to.equal(describeNode(part(el, '.page:not([hidden]) h3')));
    expect(text(el, '.page:not([hidden]) h3')).to.equal('Your block');
    await press('Tab', 'Space', 'Tab', 'Tab', 'Space'); // Rent and Traffic
    await press('Tab');
    await sendKeys({ type: 'Calle Ortega' });
    await press('Tab');
    await sendKeys({ type: 'The heating <b>fails</b> weekly. 🥶' });
    await press('Tab', 'Tab', 'Enter'); // past Back, to Next
    await waitUntil(() => progress(el) === 'Page 3 of 3', 'page 3');
    expect(text(el, '.page:not([hidden]) h3')).to.equal('Last step');
    await press('Tab', 'Space', 'Tab'); // Would you help? Come to a meeting (not Knock on doors)
    const who = person({ givenName: 'Zoë' });
    for (const value of Object.values(who)) {
      await press('Tab');
      await sendKeys({ type: value });
    }
    await press('Tab', 'Space'); // consent
    const success = oneEvent(el, 'ladder-success') as Promise<LadderSuccessEvent>;
    const sent: string[] = [];
    const original = window.fetch;
    window.fetch = (url, init) => (sent.push(String(init?.body)), original(url, init));
    try {
      await press('Tab', 'Tab', 'Enter'); // past Back, to Send
      await success;
    } finally {
      window.fetch = original;
    }
    const { detail } = await success;
    expect(JSON.parse(sent[0])).to.deep.include({
      answers: {
        housing: 'rent',
        repairs: 'yes',
        safety: 4,
        issues: ['Rent', 'traffic'],
        contact: 'Calle Ortega',
        story: 'The heating <b>fails</b> weekly. 🥶',
      },
      help: ['meeting'],
      consent: { contact: true },
    });
    await until(el, 'success');

    expect(detail).to.deep.equal({ campaign: 'block', id: detail.id, count: before + 1, duplicate: false });
    expect(text(el, '[part=thanks] h2')).to.equal('Thank you for your answers!');
    expect(focused(el)).to.equal(describeNode(part(el, '[part=thanks] h2')));
    expect(new URL(part<HTMLAnchorElement>(el, '[part=share]').href).searchParams.get('ref')).to.match(/^\w+$/);
    expect(text(el, '[part=next] a')).to.equal('Petition library');
    // Events carry ids and counts, never what was typed.
    expect(events.map((e) => e.type)).to.deep.equal(['ladder-submit', 'ladder-success']);
    const details = JSON.stringify(events.map((e) => (e as CustomEvent).detail));
    for (const value of [...Object.values(who), 'Calle Ortega']) expect(details).not.to.include(value);
    await expectAccessible(el);
  });

  it('checks each page before moving on, ties errors to their questions and focuses the first', async () => {
    const el = await survey();
    await forward(el);
    await until(el, 'invalid');
    expect(progress(el)).to.equal('Page 1 of 3');
    expect(text(el, '[part=status]')).to.equal('Please correct the highlighted fields.');
    const housing = part(el, 'fieldset.single');
    expect(housing.getAttribute('aria-describedby')).to.equal('q-housing-error');
    expect(text(el, '#q-housing-error')).to.equal('This field is required.');
    expect(focused(el)).to.equal(describeNode(input(el, 'q-housing', 'rent')));
    expect(input(el, 'q-housing', 'rent').getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el);

    // An owner is not asked the renters' follow-up, so it is not required.
    await choose(el, 'q-housing', 'own');
    await forward(el);
    await waitUntil(() => progress(el) === 'Page 2 of 3', 'page 2');
    expect(state(el)).to.equal('idle');
    await forward(el);
    await until(el, 'invalid');
    expect(progress(el)).to.equal('Page 2 of 3');
    expect(text(el, '#q-issues-error')).to.equal('This field is required.');
    expect(part(el, 'fieldset.multiple').getAttribute('aria-describedby')).to.equal('q-issues-help q-issues-error');

    // Back keeps the answers given.
    await click(part(el, '[part=back]'));
    await waitUntil(() => progress(el) === 'Page 1 of 3', 'page 1');
    expect(input(el, 'q-housing', 'own').checked).to.equal(true);
    await forward(el);
    await choose(el, 'q-issues', 'traffic');
    await forward(el);
    await waitUntil(() => progress(el) === 'Page 3 of 3', 'page 3');

    // The last page: name and email required, the email checked.
    await type(input(el, 'email'), 'not an email');
    await forward(el);
    await until(el, 'invalid');
    expect(text(el, '#givenName-error')).to.equal('This field is required.');
    expect(text(el, '#email-error')).to.equal('Enter an email address like name@example.org.');
    expect(input(el, 'postcode').required).to.equal(false);
    expect(focused(el)).to.equal(describeNode(input(el, 'givenName')));
    await expectAccessible(el);
  });

  it("shows the API's issue on the page of the question it is about", async () => {
    // The page was built before the organizer made "issues" required: the API knows better.
    const data = await getCampaign('block');
    data.survey!.pages[1].questions[0].required = false;
    const el = await fixture<LadderSurvey>(html`<ladder-survey campaign="block" .data=${data}></ladder-survey>`);
    await choose(el, 'q-housing', 'own');
    await forward(el);
    await forward(el);
    await fillContact(el);
    await forward(el);
    await until(el, 'invalid');
    expect(progress(el)).to.equal('Page 2 of 3');
    expect(text(el, '#q-issues-error')).to.equal('This field is required.');
    expect(focused(el)).to.equal(describeNode(input(el, 'q-issues', 'Rent')));
  });

  it('says so when the same email answers again, counting it once', async () => {
    const who = person();
    const before = (await getCampaign('block')).count;
    let el!: LadderSurvey;
    for (const round of [1, 2]) {
      el = await survey();
      await answerPages(el);
      await fillContact(el, who);
      await forward(el);
      await until(el, round === 1 ? 'success' : 'duplicate');
    }
    expect((await getCampaign('block')).count).to.equal(before + 1);
    expect(text(el, '[part=thanks] h2')).to.equal('You have already answered this survey. Thank you!');
    await expectAccessible(el);
  });

  it('takes anonymous answers where the campaign allows them, but a started contact must be complete', async () => {
    const el = await survey('block-anon');
    await answerPages(el);
    expect(input(el, 'email').required).to.equal(false);
    expect(text(el, 'label[for=email]')).to.equal('Email (optional)');
    expect(text(el, '[part=contact] .hint')).to.include('anonymously');
    await type(input(el, 'email'), 'ana@example.org');
    await forward(el);
    await until(el, 'invalid');
    const invalid = [...el.shadowRoot!.querySelectorAll('[aria-invalid=true]')].map((node) => node.id);
    expect(invalid).to.deep.equal(['givenName', 'familyName']);
    await click(input(el, 'email'));
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'a' });
    await sendKeys({ up: 'Control' });
    await sendKeys({ press: 'Backspace' });
    await forward(el);
    await until(el, 'success');
    expect(describeNode(el.shadowRoot!.querySelector('[part=share]'))).to.equal('nothing');
  });

  it('keeps the answers on the device when offline, and says so', async () => {
    const el = await survey();
    await answerPages(el);
    await fillContact(el);
    await network('down');
    const queued = oneEvent(el, 'ladder-queued');
    await forward(el);
    await queued;
    await until(el, 'queued');
    expect(text(el, '[part=thanks] h2')).to.include('saved on this device');
    await expectAccessible(el);
    await network('up');
    window.dispatchEvent(new Event('online'));
    await until(el, 'success');
  });

  it('tells a refused answer in the status line, accessible while sending and after', async () => {
    // The page still shows the survey open; the API knows it closed.
    const data = { ...(await getCampaign('block-closed')), status: 'open' as const };
    const el = await fixture<LadderSurvey>(html`<ladder-survey campaign="block-closed" .data=${data}></ladder-survey>`);
    await answerPages(el);
    await fillContact(el);
    const error = oneEvent(el, 'ladder-error');
    await forward(el);
    expect((await error).detail).to.deep.equal({ campaign: 'block-closed', code: 'campaign_closed' });
    await until(el, 'error');
    expect(text(el, '[part=status]')).to.equal('This survey is closed.');
    await expectAccessible(el);

    el.data = await getCampaign('block-closed');
    await el.updateComplete;
    expect(describeNode(el.shadowRoot!.querySelector('form'))).to.equal('nothing');
    expect(el.shadowRoot!.textContent).to.include('This survey is closed.');
  });

  it('speaks Arabic right to left, with the question texts as the campaign wrote them', async () => {
    const el = await survey('block', 'ar');
    await waitUntil(() => progress(el) === 'الصفحة ١ من ٣' || progress(el) === 'الصفحة 1 من 3', 'Arabic');
    expect(part(el, '[part=base]').dir).to.equal('rtl');
    expect(text(el, '[part=submit]')).to.equal('التالي');
    expect(part(el, 'fieldset.single legend span').getAttribute('dir')).to.equal('auto');
    expect(text(el, 'fieldset.single legend')).to.equal('Do you rent or own your home?');
    await forward(el);
    await until(el, 'invalid');
    expect(text(el, '#q-housing-error')).to.equal('هذا الحقل مطلوب.');
    await expectAccessible(el);
  });
});
