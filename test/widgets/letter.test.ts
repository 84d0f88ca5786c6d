/** `<ladder-letter>`: postcode, district, the suggested letter filled in and edited, the form-only office's letter. */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LadderSuccessEvent } from '../../widgets/core/events.ts';
import { en as core } from '../../widgets/core/i18n/en.ts';
import { en } from '../../widgets/letter/i18n/en.ts';
import { click, part, recordEvents } from './helpers.ts';
import { details, focused, has, letterWidget, send, text, until, value } from './letter-helpers.ts';
import { SUGGESTION } from './letter-fixtures.ts';
import { letterPosts, restore } from './letter-posts.ts';

const targets = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part=targets] li')].map((li) => li.textContent);

describe('<ladder-letter>', () => {
  afterEach(() => restore?.());

  it('finds the targets of a postcode, fills the letter in, and sends the edited letter for each target', async () => {
    const events = recordEvents();
    const posts = letterPosts();
    const el = await letterWidget('write');
    expect(text(el, '[part=title]')).to.equal('Write write');
    const who = await details(el);
    await until(el, 'write');
    expect(targets(el)).to.deep.equal(['Mayor Ruiz, Mayor', 'Ana Soto, Council member']);
    expect(focused(el) === part(el, '[part=targets]'), 'focus').to.equal(true);
    expect(value(el, 'subject')).to.equal('Repairs, Mayor Ruiz');
    expect(value(el, 'text')).to.equal(SUGGESTION.replace('{target}', 'Mayor Ruiz').replace('{title}', 'Mayor'));
    // Editing optional: no hint, the text is the supporter's to change.
    expect(has(el, '#text-hint')).to.equal(false);
    await click(part(el, '[name=text]'));
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' My roof leaked all of last winter.' });
    await send(el);
    await until(el, 'done');
    expect(text(el, '[part=thanks] h3')).to.equal(en.checkEmail);
    expect(focused(el) === part(el, '[part=thanks] h3'), 'focus').to.equal(true);
    expect(part<HTMLProgressElement>(el, '[part=progress]').max).to.equal(100);
    // Waiting for its link to leave, the letter is written: the share link and the next ask, as after the others.
    expect(text(el, '[part=share]')).to.equal(`${location.origin}/act/write/`);
    expect(text(el, '[part=next]')).to.equal(`${core.next} Fund the buses`);
    expect(part<HTMLAnchorElement>(el, '[part=next] a').href).to.equal(`${location.origin}/act/buses/`);
    // Both targets take email: nothing to hand over.
    expect(has(el, '[part=handed]')).to.equal(false);

    expect(posts).to.have.length(1);
    const { token: _token, device: _device, ...body } = posts[0];
    expect(body).to.deep.equal({
      person: who,
      subject: 'Repairs, {target}',
      text: `${SUGGESTION} My roof leaked all of last winter.`,
      consent: { contact: false },
    });
    expect(events.map((event) => event.type)).to.deep.equal(['ladder-submit', 'ladder-success']);
    expect(Object.keys((events[1] as LadderSuccessEvent).detail)).to.deep.equal([
      'campaign',
      'id',
      'count',
      'duplicate',
    ]);
  });

  it('asks which district, and hands the letter of a form-only office to the supporter with the form', async () => {
    const posts = letterPosts();
    const el = await letterWidget('write');
    await details(el, { postcode: '94111' });
    await until(el, 'choose');
    await click(part(el, '[part=submit]'));
    await waitUntil(() => text(el, '#area-error'), 'area error');
    expect(text(el, '#area-error')).to.equal('This field is required.');
    const radios = el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part=choose] input[type=radio]');
    await click(radios[1]);
    await click(part(el, '[part=submit]'));
    await until(el, 'write');
    expect(targets(el)).to.deep.equal(['Mayor Ruiz, Mayor', 'Ben Ode, Council member']);
    await send(el);
    await until(el, 'done');
    expect(posts[0]).to.include({ area: 'W2', subject: 'Repairs, {target}', text: SUGGESTION });

    const handed = part(el, '[part=handed]');
    expect(text(el, '[part=handed] h4')).to.equal('Ben Ode, Council member');
    expect(handed.querySelector('textarea')!.value).to.equal(
      `Repairs, Ben Ode\n\n${SUGGESTION.replace('{target}', 'Ben Ode').replace('{title}', 'Council member')}`,
    );
    const link = handed.querySelector('a')!;
    expect([link.href, link.target, link.rel, link.textContent]).to.deep.equal([
      'https://city.example/contact/ode',
      '_blank',
      'noopener',
      en.form,
    ]);
    expect(text(el, '[part=copy]')).to.equal(en.copy);
  });
});
