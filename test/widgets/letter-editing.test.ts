/** `<ladder-letter>` when the campaign does not allow editing, or requires a letter of one's own. */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { en } from '../../widgets/letter/i18n/en.ts';
import { part } from './helpers.ts';
import { details, focused, letterWidget, send, text, until } from './letter-helpers.ts';
import { letterPosts, restore } from './letter-posts.ts';

describe('<ladder-letter> editing', () => {
  afterEach(() => restore?.());

  it('sends the letter as written when editing is not allowed', async () => {
    const posts = letterPosts();
    const el = await letterWidget('write-fixed');
    await details(el);
    await until(el, 'write');
    expect(part<HTMLInputElement>(el, '[name=subject]').readOnly).to.equal(true);
    expect(part<HTMLTextAreaElement>(el, '[name=text]').readOnly).to.equal(true);
    expect(text(el, '#text-hint')).to.equal(en.fixed);
    await send(el);
    await until(el, 'done');
    expect(posts[0].subject).to.equal(undefined);
    expect(posts[0].text).to.equal(undefined);
  });

  it('asks for a letter of their own when editing is required, and sends it once it differs enough', async () => {
    const posts = letterPosts();
    const el = await letterWidget('write-own');
    await details(el);
    await until(el, 'write');
    expect(text(el, '#text-hint')).to.equal(en.own(20));
    await send(el);
    await waitUntil(() => text(el, '#text-error'), 'too similar');
    expect(text(el, '#text-error')).to.equal(en.too_similar);
    expect(focused(el) === part(el, '[name=text]'), 'focus').to.equal(true);
    expect(part(el, '[name=text]').getAttribute('aria-describedby')).to.equal('text-hint text-error');
    expect(posts).to.have.length(0);
    await sendKeys({ press: 'End' });
    await sendKeys({
      type:
        ' Our building on Valencia Street has had buckets in the hallway since October and three families ' +
        'moved out because the boiler broke twice in January.',
    });
    await send(el);
    await until(el, 'done');
    expect(posts).to.have.length(1);
  });
});
