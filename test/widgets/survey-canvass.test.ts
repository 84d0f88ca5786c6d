/**
 * Canvasser mode: one phone records many respondents while offline, then syncs them in batches, each counted once.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { Outbox, type OutboxEntry } from '../../widgets/core/outbox.ts';
import { enqueue, flush } from '../../widgets/core/outbox-retry.ts';
import '../../widgets/survey/survey.ts';
import type { LadderSurvey } from '../../widgets/survey/survey.component.ts';
import { click, getCampaign, network, part, recordEvents, type } from './helpers.ts';
import {
  choose,
  describeNode,
  expectAccessible,
  focused,
  forward,
  input,
  loaded,
  progress,
  text,
} from './survey-helpers.ts';

const BATCH = /\/api\/campaigns\/doors\/responses\/batch$/;

/** The outbox's batch entries, oldest first (the order they are sent in; `entries()` gives them in no order). */
const pending = async (): Promise<OutboxEntry[]> =>
  (await new Outbox().entries()).filter((entry) => BATCH.test(entry.batch ?? '')).sort((a, b) => a.created - b.created);

/** Counts the requests the page makes to the batch endpoint. */
function countBatches(): { count: () => number; restore: () => void } {
  const original = window.fetch;
  let count = 0;
  window.fetch = (url, init) => {
    if (BATCH.test(String(url))) count++;
    return original(url, init);
  };
  return { count: () => count, restore: () => (window.fetch = original) };
}

async function canvasser(slug = 'doors'): Promise<LadderSurvey> {
  const el = await fixture<LadderSurvey>(html`<ladder-survey campaign=${slug} canvasser></ladder-survey>`);
  await loaded(el);
  await waitUntil(() => el.shadowRoot!.querySelector('form'), 'a form');
  return el;
}

const status = (el: LadderSurvey) => text(el, '[part=canvass] [aria-live]');

describe('<ladder-survey canvasser>', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => network('up'));

  it('records three respondents offline, then syncs them in one batch, each counted once', async () => {
    const events = recordEvents();
    const el = await canvasser();
    // Asked once: who is canvassing, and where.
    expect(describeNode(el.shadowRoot!.querySelector('[name=q-priority]'))).to.equal('nothing');
    await forward(el);
    await waitUntil(() => input(el, 'canvasser').getAttribute('aria-invalid') === 'true', 'name required');
    expect(text(el, '#canvasser-error')).to.equal('This field is required.');
    expect(focused(el)).to.equal(describeNode(input(el, 'canvasser')));
    await expectAccessible(el);
    await type(input(el, 'canvasser'), 'Sam Rivera');
    await type(input(el, 'turf'), 'Elm St 100-300');
    await forward(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=canvass]'), 'canvassing');
    expect(text(el, '[part=canvass] span')).to.equal('Canvassing as Sam Rivera · Elm St 100-300');
    expect(status(el)).to.equal('All responses are synced.');
    expect(focused(el)).to.equal(describeNode(part(el, '.page:not([hidden]) h3')));
    // Kept for the session on the campaign's own site; never on the host page's window.
    expect(JSON.parse(sessionStorage.getItem('ladder:canvasser:doors')!)).to.deep.equal({
      canvasser: 'Sam Rivera',
      turf: 'Elm St 100-300',
    });
    expect(Object.keys(window).filter((key) => /ladder|canvass/i.test(key))).to.deep.equal([]);

    const before = (await getCampaign('doors')).count;
    const already = (await pending()).length;
    await network('down');
    for (const [i, answer] of ['yes', 'no', 'yes'].entries()) {
      await choose(el, 'q-priority', answer);
      await forward(el);
      await waitUntil(() => progress(el) === 'Page 2 of 2', 'last page');
      expect(text(el, '[part=submit]')).to.equal('Record this response');
      if (i === 1) await click(input(el, 'contact'));
      await forward(el);
      const waiting = already + i + 1;
      await waitUntil(() => status(el).startsWith(`${waiting} response`), `${waiting} waiting, says ${status(el)}`);
      // Ready for the next respondent: first page, nothing of the last one left.
      expect(progress(el)).to.equal('Page 1 of 2');
      expect(input(el, 'q-priority', answer).checked).to.equal(false);
      expect(input(el, 'contact').checked).to.equal(false);
      expect(text(el, '[part=status]')).to.equal('Response recorded. Ready for the next respondent.');
      expect(focused(el)).to.equal(describeNode(part(el, '.page:not([hidden]) h3')));
    }
    expect(status(el)).to.equal(`${already + 3} responses waiting to sync`);
    expect(events.filter((e) => e.type === 'ladder-queued')).to.have.length(3);
    await expectAccessible(el);

    // Each in the outbox with its own key, stamped with who collected it, where and when.
    const entries = (await pending()).slice(-3);
    expect(new Set(entries.map((entry) => entry.key)).size).to.equal(3);
    const bodies = entries.map((entry) => JSON.parse(entry.body));
    expect(bodies.map((body) => body.answers.priority)).to.deep.equal(['yes', 'no', 'yes']);
    expect(bodies.map((body) => body.consent.contact)).to.deep.equal([false, true, false]);
    for (const { canvass } of bodies) {
      expect(canvass.canvasser).to.equal('Sam Rivera');
      expect(canvass.turf).to.equal('Elm St 100-300');
      expect(Date.now() - Date.parse(canvass.collectedAt)).to.be.within(0, 60_000);
    }

    const batches = countBatches();
    try {
      await network('up');
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => status(el) === 'All responses are synced.', 'synced', { timeout: 8000 });
      expect(batches.count()).to.equal(1);
      expect((await getCampaign('doors')).count).to.equal(before + already + 3);
      expect(events.filter((e) => e.type === 'ladder-success')).to.have.length(3);
      window.dispatchEvent(new Event('online'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(batches.count()).to.equal(1);
    } finally {
      batches.restore();
    }

    // The same batch again (as when the answer to a sync was lost): every key is known, nothing counts twice.
    const again = await fetch('/api/campaigns/doors/responses/batch', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ responses: entries.map(({ key, body }) => ({ key, response: JSON.parse(body) })) }),
    });
    const { results } = (await again.json()) as { results: { key: string; status: number }[] };
    expect(results.map((result) => result.status)).to.deep.equal([200, 200, 200]);
    expect((await getCampaign('doors')).count).to.equal(before + already + 3);
  });

  it('keeps the canvasser for the session, until another volunteer takes the phone', async () => {
    const first = await canvasser();
    // The page still remembers the last test's canvasser: hand the phone over.
    const change = first.shadowRoot!.querySelector('[part=canvass] button');
    if (change) await click(change);
    await waitUntil(() => first.shadowRoot!.querySelector('[name=canvasser]'), 'asked');
    await type(input(first, 'canvasser'), 'Ana');
    await forward(first);
    await waitUntil(() => first.shadowRoot!.querySelector('[part=canvass]'), 'canvassing');
    first.remove();

    const el = await canvasser();
    expect(text(el, '[part=canvass] span')).to.equal('Canvassing as Ana');
    await click(part(el, '[part=canvass] button'));
    await waitUntil(() => el.shadowRoot!.querySelector('[name=canvasser]'), 'asked again');
    expect(sessionStorage.getItem('ladder:canvasser:doors')).to.equal(null);
  });

  it('ignores the attribute when the campaign does not offer canvasser mode', async () => {
    const el = await canvasser('block');
    expect(describeNode(el.shadowRoot!.querySelector('[name=canvasser]'))).to.equal('nothing');
    expect(describeNode(el.shadowRoot!.querySelector('[part=canvass]'))).to.equal('nothing');
    expect(text(el, '[part=submit]')).to.equal('Next');
  });

  it('sends at most 50 responses per batch request', async () => {
    const box = new Outbox('ladder-batch-test');
    const before = (await getCampaign('doors')).count;
    const url = `${location.origin}/api/campaigns/doors/responses`;
    const sizes: number[] = [];
    const original = window.fetch;
    window.fetch = (target, init) => {
      if (BATCH.test(String(target))) sizes.push(JSON.parse(String(init!.body)).responses.length);
      return original(target, init);
    };
    try {
      await network('down');
      const response = (i: number) =>
        JSON.stringify({
          answers: { priority: 'yes' },
          consent: { contact: false },
          canvass: { canvasser: 'Lee', collectedAt: new Date(Date.now() - i * 1000).toISOString() },
        });
      for (let i = 0; i < 51; i++) await enqueue(box, url, response(i), `batch-test-${before}-${i}`, `${url}/batch`);
      await network('up');
      // Attempts started while offline may still be on their way: flush until nothing is left.
      await waitUntil(async () => (await flush(box, true), !(await box.entries()).length), 'all sent', {
        timeout: 5000,
      });
    } finally {
      window.fetch = original;
    }
    // Every attempt (those that failed offline too) carried 50 at most, and they did go together.
    expect(Math.max(...sizes)).to.be.within(2, 50);
    expect((await getCampaign('doors')).count).to.equal(before + 51);
  });
});
