import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { LadderSuccessEvent } from '../../widgets/core/events.ts';
import { campaignUrl, tokens } from '../../widgets/core/api.ts';
import { Outbox } from '../../widgets/core/outbox.ts';
import { flush } from '../../widgets/core/outbox-retry.ts';
import '../../widgets/petition/petition.ts';
import type { LadderPetition } from '../../widgets/petition/petition.component.ts';
import { fill, getCampaign, network, part, person, state, submit, until } from './helpers.ts';

const pending = async (email: string) =>
  (await new Outbox().entries()).filter((entry) => JSON.parse(entry.body).person.email === email);

async function petition(): Promise<LadderPetition> {
  const el = await fixture<LadderPetition>(html`<ladder-petition campaign="offline"></ladder-petition>`);
  await waitUntil(() => el.data, 'campaign loaded');
  return el;
}

describe('the offline outbox', () => {
  afterEach(() => network('up'));

  it('keeps a signature made offline, across a reload, and sends it once when the browser is back online', async () => {
    const before = (await getCampaign('offline')).count;
    const el = await petition();
    const who = person();
    await fill(el, who);

    await network('down');
    const queued = oneEvent(el, 'ladder-queued');
    await submit(el);
    expect((await queued).detail).to.deep.equal({ campaign: 'offline' });
    await until(el, 'queued');
    expect(part(el, '[part=thanks] h2').textContent).to.include('saved on this device');

    // A fresh outbox on the same database, as after a reload, still holds it with its idempotency key.
    const [entry] = await pending(who.email);
    expect(entry.url).to.match(/\/api\/campaigns\/offline\/signatures$/);
    expect(entry.key).to.match(/^[0-9a-f]{32}$/);
    expect(entry.attempts).to.be.at.least(1);

    await network('up');
    const success = oneEvent(el, 'ladder-success') as Promise<LadderSuccessEvent>;
    window.dispatchEvent(new Event('online'));
    const { detail } = await success;
    await until(el, 'success');
    expect(detail.duplicate).to.equal(false);
    expect(detail.count).to.equal(before + 1);
    expect(await pending(who.email)).to.deep.equal([]);
    // Another "online" finds nothing left to send.
    window.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await getCampaign('offline')).count).to.equal(before + 1);
  });

  it('sends the key this browser keeps with each signature: the same one every time, kept in localStorage', async () => {
    // What reaches the (real) API, read on the way out.
    const sent: string[] = [];
    const real = window.fetch;
    window.fetch = (input, init) => {
      if (init?.method === 'POST' && String(input).endsWith('/signatures')) sent.push(String(init.body));
      return real(input, init);
    };
    try {
      for (let i = 0; i < 2; i++) {
        const el = await petition();
        await fill(el, person());
        await submit(el);
        await until(el, 'success');
        el.remove();
      }
    } finally {
      window.fetch = real;
    }
    const devices = sent.map((body) => (JSON.parse(body) as { device?: string }).device);
    expect(devices).to.have.length(2);
    expect(devices[0]).to.match(/^[0-9a-f]{32}$/);
    expect(devices[1]).to.equal(devices[0]);
    expect(localStorage.getItem('ladder-device')).to.equal(devices[0]);
  });

  it('renews a token the API refuses and sends the same signature again with it: counted once', async () => {
    const before = (await getCampaign('offline')).count;
    const el = await petition();
    await fill(el, person());
    // The page's token has gone bad (as when the site's secret changed): the real API refuses it.
    const url = campaignUrl(el.apiBase, 'offline');
    tokens[url] = ['bogus.0.token.mac', performance.now()];
    const sent: { token: string; key: string | null }[] = [];
    const real = window.fetch;
    window.fetch = (input, init) => {
      if (init?.method === 'POST' && String(input).endsWith('/signatures')) {
        const key = new Headers(init.headers).get('idempotency-key');
        sent.push({ token: (JSON.parse(String(init.body)) as { token: string }).token, key });
      }
      return real(input, init);
    };
    try {
      await submit(el);
      await until(el, 'success');
    } finally {
      window.fetch = real;
    }
    expect(sent).to.have.length(2);
    expect(sent[0].token).to.equal('bogus.0.token.mac');
    expect(sent[1].token).to.not.equal('bogus.0.token.mac');
    expect(sent[1].key).to.equal(sent[0].key);
    expect((await getCampaign('offline')).count).to.equal(before + 1);
  });

  it('counts once a signature the API stored but whose answer was lost, when a reloaded page sends it again', async () => {
    const before = (await getCampaign('offline')).count;
    const el = await petition();
    const who = person();
    await fill(el, who);

    await network('after');
    await submit(el);
    await until(el, 'queued');
    await network('up');
    expect((await getCampaign('offline')).count).to.equal(before + 1);
    expect(await pending(who.email)).to.have.length(1);

    // The page is gone: a new outbox (a new page on this origin) flushes what was left.
    el.remove();
    await flush(new Outbox(), true);
    expect(await pending(who.email)).to.deep.equal([]);
    expect((await getCampaign('offline')).count).to.equal(before + 1);
  });

  it('retries by itself with backoff while the API stays unreachable', async () => {
    const el = await petition();
    const who = person();
    await fill(el, who);
    await network('down');
    await submit(el);
    await until(el, 'queued');
    await waitUntil(async () => (await pending(who.email))[0]?.attempts >= 2, 'a second attempt', { timeout: 6000 });
    await network('up');
    await waitUntil(() => state(el) === 'success', 'sent by the retry timer', { timeout: 8000 });
  });
});
