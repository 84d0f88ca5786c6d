import { describe, expect, it } from 'vitest';
import { post, testApp } from './fixtures.ts';

const BASE = 'http://localhost/api/campaigns/call-council';

describe('GET /api/campaigns/:slug/targets', () => {
  it('finds the targets of a postcode with the script filled in', async () => {
    const { app } = await testApp();
    const lookup = await (await app.request(`${BASE}/targets?postcode=94110`)).json();
    expect(lookup).toMatchObject({
      postcode: '94110',
      areas: [{ id: 'W-1', name: 'Ward 1' }],
      choose: false,
      unknown: false,
    });
    expect(lookup.targets.map((t: { id: string }) => t.id)).toEqual(['mayor', 'ward-1']);
    expect(lookup.targets[1].script).toBe('Hello Ana Soto, as Council member, ward 1 please fund repairs.');
    expect(lookup.targets[1]).not.toHaveProperty('areas');
  });

  it('asks which district when a postcode straddles two, then answers for the chosen one', async () => {
    const { app } = await testApp();
    const ambiguous = await (await app.request(`${BASE}/targets?postcode=94112`)).json();
    expect(ambiguous).toMatchObject({ choose: true, areas: [{ id: 'W-1' }, { id: 'W-2' }] });
    expect(ambiguous.targets.map((t: { id: string }) => t.id)).toEqual(['mayor']);
    const chosen = await (await app.request(`${BASE}/targets?postcode=94112&area=W-2`)).json();
    expect(chosen.targets.map((t: { id: string }) => t.id)).toEqual(['mayor', 'ward-2']);
    expect((await app.request(`${BASE}/targets?postcode=94110&area=W-2`)).status).toBe(422);
  });

  it('says so for an unknown postcode, and refuses a malformed one', async () => {
    const { app } = await testApp();
    const unknown = await (await app.request(`${BASE}/targets?postcode=10001`)).json();
    expect(unknown).toMatchObject({ unknown: true, areas: [] });
    expect(unknown.targets.map((t: { id: string }) => t.id)).toEqual(['mayor']);
    const bad = await app.request(`${BASE}/targets?postcode=%3Cscript%3E`);
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.codes).toEqual({ postcode: 'invalid_postcode' });
  });
});

describe('POST /api/campaigns/:slug/calls', () => {
  it('records each call with its outcome and counts them by outcome', async () => {
    const { app, store } = await testApp();
    const call = (target: string, outcome: string) => post({ target, outcome, postcode: '94110' });
    expect((await app.request(`${BASE}/calls`, call('mayor', 'voicemail'))).status).toBe(201);
    expect((await app.request(`${BASE}/calls`, call('ward-1', 'unavailable'))).status).toBe(201);
    const last = await app.request(
      `${BASE}/calls`,
      post({
        target: 'ward-1',
        outcome: 'contact',
        postcode: '94110',
        person: { email: 'c@example.org' },
        consent: { contact: true },
      }),
    );
    const body = await last.json();
    expect(body).toMatchObject({ count: 3, outcomes: { voicemail: 1, unavailable: 1, contact: 1 } });
    expect(body.nextAsk).toMatchObject({ slug: 'tenants-meeting', kind: 'event' });
    expect(body.shareUrl).toMatch(/ref=/);
    expect(await store.count('call-council')).toBe(3);
    const campaign = await (await app.request(BASE)).json();
    expect(campaign.call.outcomes).toEqual({ voicemail: 1, unavailable: 1, contact: 1 });
  });

  it('refuses an unknown target or outcome', async () => {
    const { app } = await testApp();
    const res = await app.request(`${BASE}/calls`, post({ target: 'ceo', outcome: 'yelled', postcode: '94110' }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.codes).toEqual({ outcome: 'invalid' });
    const unknownTarget = await app.request(
      `${BASE}/calls`,
      post({ target: 'ceo', outcome: 'contact', postcode: '94110' }),
    );
    expect((await unknownTarget.json()).error.codes).toEqual({ target: 'invalid' });
  });
});
