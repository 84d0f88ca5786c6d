/** `<ladder-letter>` offline: the letter is kept in the outbox, the supporter is told, it is sent once back online. */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { LadderSuccessEvent } from '../../widgets/core/events.ts';
import { Outbox } from '../../widgets/core/outbox.ts';
import { en } from '../../widgets/letter/i18n/en.ts';
import { click, network, part } from './helpers.ts';
import { details, letterWidget, send, text, until } from './letter-helpers.ts';

const pendingLetters = async () =>
  (await new Outbox().entries()).filter((entry) => entry.url.endsWith('/campaigns/write-offline/letters'));

describe('<ladder-letter> offline', () => {
  afterEach(() => network('up'));

  it('queues the letter on the device, says so, and sends it once (same key) back online', async () => {
    const el = await letterWidget('write-offline');
    await details(el, { postcode: '94112' });
    await until(el, 'write');
    await network('down');
    const queued = oneEvent(el, 'ladder-queued');
    await send(el);
    expect((await queued).detail).to.deep.equal({ campaign: 'write-offline' });
    await until(el, 'done');
    expect(text(el, '[part=thanks] h3')).to.equal(en.queued);
    // The form-only office's letter is ready to hand over even offline.
    expect(text(el, '[part=handed] h4')).to.equal('Ben Ode, Council member');
    const entries = await pendingLetters();
    expect(entries).to.have.length(1);
    const { token, ...body } = JSON.parse(entries[0].body);
    expect(token).to.be.a('string');
    expect(body.person.postcode).to.equal('94112');

    await network('up');
    const success = oneEvent(el, 'ladder-success') as Promise<LadderSuccessEvent>;
    window.dispatchEvent(new Event('online'));
    expect((await success).detail.campaign).to.equal('write-offline');
    await waitUntil(async () => !(await pendingLetters()).length, 'sent');
    await waitUntil(() => text(el, '[part=thanks] h3') === en.checkEmail, 'waiting for its link');
  });

  it('says so when the lookup cannot reach the API, and finds the targets once back', async () => {
    const el = await letterWidget('write-offline');
    await network('down');
    await details(el);
    await waitUntil(() => text(el, '[part=status]') === en.lookupFailed, 'lookup failed');
    expect(part(el, '[part=base]').className).to.equal('form-state');
    await network('up');
    await click(part(el, '[part=submit]'));
    await until(el, 'write');
  });
});
