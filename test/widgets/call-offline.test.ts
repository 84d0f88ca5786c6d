/** `<ladder-call>` offline: an outcome is kept in the outbox, the supporter goes on calling, it is sent later. */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { LadderSuccessEvent } from '../../widgets/core/events.ts';
import { Outbox } from '../../widgets/core/outbox.ts';
import { callWidget, focused, heading, lookUp, outcomes, text, until } from './call-helpers.ts';
import { click, network, part } from './helpers.ts';

const pendingCalls = async () =>
  (await new Outbox().entries()).filter((entry) => entry.url.endsWith('/campaigns/council-offline/calls'));

describe('<ladder-call> offline', () => {
  afterEach(() => network('up'));

  it('queues an outcome on the device, moves to the next target, and sends it once back online', async () => {
    const before = await outcomes('council-offline');
    const el = await callWidget('council-offline');
    await lookUp(el, '94110');
    await until(el, 'calling');

    await network('down');
    const queued = oneEvent(el, 'ladder-queued');
    await click(part(el, '[data-outcome=contact]'));
    expect((await queued).detail).to.deep.equal({ campaign: 'council-offline' });
    await waitUntil(() => heading(el).endsWith('Dana Whitfield'), 'the next target');
    expect(focused(el)).to.equal(part(el, '[part=target] h3'));
    expect(text(el, '[part=status]')).to.include('saved on this device');
    const [entry] = await pendingCalls();
    // With the page's render token (functions/guard/), sent along to the API.
    const { token, ...body } = JSON.parse(entry.body);
    expect(token).to.be.a('string');
    expect(body).to.deep.equal({ target: 'ward-1', outcome: 'contact', postcode: '94110' });

    await network('up');
    const success = oneEvent(el, 'ladder-success') as Promise<LadderSuccessEvent>;
    window.dispatchEvent(new Event('online'));
    expect((await success).detail.campaign).to.equal('council-offline');
    await waitUntil(async () => !(await pendingCalls()).length, 'sent');
    expect((await outcomes('council-offline')).contact).to.equal((before.contact ?? 0) + 1);
    // Still on the second target: the late answer does not skip anyone.
    expect(heading(el)).to.equal('Call 2 of 2: Dana Whitfield');
  });

  it('says so when the lookup cannot reach the API', async () => {
    const el = await callWidget('council-offline');
    await network('down');
    await lookUp(el, '94110');
    await waitUntil(() => text(el, '[part=status]').startsWith('We could not'), 'lookup failed');
    expect(text(el, '[part=status]')).to.equal(
      'We could not look up this postcode. Check your connection and try again.',
    );
    expect(part(el, '[part=base]').className).to.equal('form-state');
    await network('up');
    await click(part(el, '[part=submit]'));
    await until(el, 'calling');
  });
});
