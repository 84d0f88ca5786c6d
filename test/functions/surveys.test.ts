import { describe, expect, it } from 'vitest';
import { post, testApp } from './fixtures.ts';

const URL_ = 'http://localhost/api/campaigns/block-survey/responses';
const person = { givenName: 'Rosa', familyName: 'Parks', email: 'rosa@example.org' };
const response = (fields: Record<string, unknown> = {}) => ({
  person,
  answers: { housing: 'rent', landlord: 'no', issues: ['repairs', 'rent'], urgency: 5, story: '  Heat is out.  ' },
  help: ['host'],
  consent: { contact: true },
  ...fields,
});

describe('POST /api/campaigns/:slug/responses', () => {
  it('records a response with normalized answers, tags the respondent and marks a volunteer prospect', async () => {
    const { app, store } = await testApp();
    const res = await app.request(URL_, post(response()));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ duplicate: false, count: 1, response: { id: expect.any(String) } });
    expect(body.shareUrl).toMatch(/\/act\/block-survey\/\?ref=/);
    const [event] = await store.outboxEvents(5);
    expect(event).toMatchObject({
      type: 'response.created',
      payload: {
        answers: { housing: 'rent', landlord: 'no', urgency: 5, story: 'Heat is out.' },
        tags: ['renter', 'volunteer-prospect'],
        help: ['host'],
      },
    });
  });

  it('counts one response per email; anonymous responses each count', async () => {
    const { app, store } = await testApp();
    expect((await app.request(URL_, post(response()))).status).toBe(201);
    const again = await app.request(URL_, post(response({ person: { ...person, email: 'ROSA@example.org ' } })));
    expect(again.status).toBe(200);
    expect((await again.json()).duplicate).toBe(true);
    const anonymous = response({ person: undefined, consent: { contact: false } });
    expect((await app.request(URL_, post(anonymous))).status).toBe(201);
    expect((await app.request(URL_, post(anonymous))).status).toBe(201);
    expect(await store.count('block-survey')).toBe(3);
  });

  it('checks answers against the questions: required, options, scale, and only questions that were shown', async () => {
    const { app, store } = await testApp();
    const bad = await app.request(
      URL_,
      post(
        response({
          answers: { housing: 'rent', issues: ['rent', 'aliens'], urgency: 9, story: 'x'.repeat(600) },
          help: ['fly'],
        }),
      ),
    );
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.codes).toEqual({
      'answers.landlord': 'required',
      'answers.issues': 'invalid',
      'answers.urgency': 'invalid',
      'answers.story': 'too_long',
      help: 'invalid',
    });
    // An owner is never asked about the landlord: that answer is dropped, not refused.
    const owner = await app.request(URL_, post(response({ answers: { housing: 'own', landlord: 'yes' } })));
    expect(owner.status).toBe(201);
    const [event] = await store.outboxEvents(1);
    expect((event.payload as { answers: object }).answers).toEqual({ housing: 'own' });
  });

  it('takes canvassers batches: each response counted once, however often the batch is sent', async () => {
    const { app, store } = await testApp();
    const canvass = { canvasser: 'Dolores', turf: 'Block 4', collectedAt: '2026-11-28T18:00:00Z' };
    const batch = {
      responses: [
        { key: 'k1', response: response({ person: undefined, canvass }) },
        { key: 'k2', response: response({ person: { ...person, email: 'b@example.org' }, canvass }) },
        { key: 'k3', response: { answers: { housing: 'castle' }, consent: { contact: false } } },
      ],
    };
    const first = await app.request(`${URL_}/batch`, post(batch));
    expect(first.status).toBe(200);
    const { results } = await first.json();
    expect(results.map((r: { key: string; status: number }) => [r.key, r.status])).toEqual([
      ['k1', 201],
      ['k2', 201],
      ['k3', 422],
    ]);
    expect(results[2].body.error.codes).toEqual({ 'answers.housing': 'invalid' });
    const again = await (await app.request(`${URL_}/batch`, post(batch))).json();
    expect(again.results.map((r: { status: number }) => r.status)).toEqual([200, 200, 422]);
    expect(again.results[0].body).toEqual(results[0].body);
    expect(await store.count('block-survey')).toBe(2);
  });

  it('refuses a named response to a survey without a person when anonymous is off, and unknown campaigns', async () => {
    const { app } = await testApp();
    const wrongKind = await app.request('http://localhost/api/campaigns/library/responses', post(response()));
    expect(wrongKind.status).toBe(404);
    const batchTooBig = { responses: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, response: response() })) };
    expect((await app.request(`${URL_}/batch`, post(batchTooBig))).status).toBe(422);
  });
});
