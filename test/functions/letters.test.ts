/** `POST /api/campaigns/:slug/letters`: a letter per supporter, to each of their targets, by email or by hand. */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { catalogFrom } from '../../functions/catalog.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import { TargetsFile } from '../../schema/call.ts';
import type { CampaignEntry } from '../../schema/campaign.ts';
import { ADMIN_TOKEN, post, tempDb, testApp } from './fixtures.ts';
import { confirmLetters, letterCampaign, SUGGESTION } from './letter-fixtures.ts';

const writer = (overrides: Record<string, unknown> = {}) => ({
  person: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', postcode: '94110' },
  consent: { contact: false },
  ...overrides,
});

const URL_OF = (slug: string) => `http://localhost/api/campaigns/${slug}/letters`;

describe('POST /api/campaigns/:slug/letters', () => {
  it('looks up whom a postcode writes to, as for calls: email or contact form, the letter left for the widget', async () => {
    const { app } = await testApp(undefined, [letterCampaign('write-council')]);
    const res = await app.request('http://localhost/api/campaigns/write-council/targets?postcode=94112');
    expect(res.status).toBe(200);
    const lookup = await res.json();
    expect(lookup).toMatchObject({ choose: true, unknown: false, areas: [{ id: 'W-1' }, { id: 'W-2' }] });
    const chosen = await (
      await app.request('http://localhost/api/campaigns/write-council/targets?postcode=94112&area=W-2')
    ).json();
    expect(chosen.targets.map((t: { id: string }) => t.id)).toEqual(['mayor', 'ward-2']);
    expect(chosen.targets[1]).toMatchObject({ contactForm: 'https://city.example/contact/ode', script: '' });
    expect(chosen.targets[0]).toMatchObject({ email: 'mayor@city.example' });
  });

  it('records one letter to each target of the postcode, and a second one from the same person counts once', async () => {
    const { app, store } = await testApp(undefined, [letterCampaign('write-council')]);
    const res = await app.request(URL_OF('write-council'), post(writer(), { 'Idempotency-Key': 'k-1' }));
    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body).toMatchObject({ count: 0, duplicate: false, pending: true });
    expect(body.deliveries).toEqual([
      { target: 'mayor', name: 'Mayor Ruiz', via: 'email' },
      { target: 'ward-1', name: 'Ana Soto', via: 'email' },
    ]);
    const replay = await app.request(URL_OF('write-council'), post(writer(), { 'Idempotency-Key': 'k-1' }));
    expect((await replay.json()).letter.id).toBe(body.letter.id);
    await confirmLetters(store);
    expect(await store.count('write-council')).toBe(1);
    // The same person again: held for its own link, and when followed, nothing is counted or sent twice.
    expect((await app.request(URL_OF('write-council'), post(writer()))).status).toBe(202);
    await confirmLetters(store);
    expect(await store.count('write-council')).toBe(1);
    const totals = await store.letterTotals('write-council');
    expect(totals).toEqual([
      expect.objectContaining({ target: 'mayor', waiting: 1, delivered: 0, handed: 0 }),
      expect.objectContaining({ target: 'ward-1', waiting: 1, delivered: 0, handed: 0 }),
    ]);
  });

  it('asks which area for a postcode in two, and hands a contact-form target to the supporter', async () => {
    const { app, store } = await testApp(undefined, [letterCampaign('write-council')]);
    const ambiguous = await app.request(
      URL_OF('write-council'),
      post(writer({ person: { ...writer().person, postcode: '94112' } })),
    );
    expect(ambiguous.status).toBe(422);
    expect((await ambiguous.json()).error.codes).toEqual({ area: 'required' });
    const res = await app.request(
      URL_OF('write-council'),
      post(writer({ person: { ...writer().person, postcode: '94112' }, area: 'W-2' })),
    );
    expect(res.status).toBe(202);
    const { deliveries } = await res.json();
    await confirmLetters(store);
    expect(deliveries).toEqual([
      { target: 'mayor', name: 'Mayor Ruiz', via: 'email' },
      { target: 'ward-2', name: 'Ben Ode', via: 'form', contactForm: 'https://city.example/contact/ode' },
    ]);
    const totals = await store.letterTotals('write-council');
    expect(totals.find((t) => t.target === 'ward-2')).toMatchObject({ handed: 1, waiting: 0, delivered: 0 });
  });

  it('leaves out an imported member with neither email nor form: nobody is sent to them, nothing is counted', async () => {
    const campaign = letterCampaign('congress', { targets: [], postcodes: {}, targetsFile: 'congress.json' });
    const member = (id: string, name: string, more: object = {}) => ({
      id,
      name,
      title: 'Representative, CA-12',
      phones: [{ number: '202-225-0001' }],
      areas: ['CA-12'],
      ...more,
    });
    const file = TargetsFile.parse({
      // The data has no form yet for a member sworn in last week.
      targets: [
        member('A1', 'Ada Lovelace', { contactForm: 'https://lovelace.house.example/contact' }),
        member('N2', 'Nia New'),
      ],
      postcodes: { '94612': ['CA-12'] },
    });
    const store = await openSqliteStore(tempDb());
    const app = createApp({ store, catalog: catalogFrom([campaign], { congress: file }) });
    const lookup = await (await app.request('http://localhost/api/campaigns/congress/targets?postcode=94612')).json();
    expect(lookup.targets.map((t: { id: string }) => t.id)).toEqual(['A1']);
    const res = await app.request(
      URL_OF('congress'),
      post(writer({ person: { ...writer().person, postcode: '94612' } })),
    );
    expect(res.status).toBe(202);
    expect((await res.json()).deliveries).toEqual([
      { target: 'A1', name: 'Ada Lovelace', via: 'form', contactForm: 'https://lovelace.house.example/contact' },
    ]);
    await confirmLetters(store);
    expect(await store.letterTotals('congress')).toEqual([expect.objectContaining({ target: 'A1', handed: 1 })]);
    await store.close();
  });

  it('refuses a copy of the suggestion when the campaign requires a letter of their own, and changes nothing', async () => {
    const { app, store } = await testApp(undefined, [letterCampaign('own-words', { editing: 'required' })]);
    const copy = await app.request(
      URL_OF('own-words'),
      post(writer({ text: SUGGESTION.replace('Thank you.', 'Thanks!') })),
    );
    expect(copy.status).toBe(422);
    expect((await copy.json()).error.codes).toEqual({ text: 'too_similar' });
    expect(await store.count('own-words')).toBe(0);
    const own = `${SUGGESTION} I am a nurse on Mission Street; my daughter has asthma and the mould in our flat has made her ill twice this winter, and three of our neighbours have had to leave their homes already.`;
    expect((await app.request(URL_OF('own-words'), post(writer({ text: own })))).status).toBe(202);
  });

  it('refuses a changed letter when editing is not allowed, and bad fields with their codes', async () => {
    const { app, store } = await testApp(undefined, [letterCampaign('as-written', { editing: 'none' })]);
    const changed = await app.request(URL_OF('as-written'), post(writer({ text: 'Something else entirely.' })));
    expect(changed.status).toBe(422);
    expect((await changed.json()).error.codes).toEqual({ text: 'invalid' });
    const bad = await app.request(
      URL_OF('as-written'),
      post(writer({ person: { givenName: '', familyName: 'L', email: 'nope', postcode: '94110' } })),
    );
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.codes).toMatchObject({
      'person.givenName': 'required',
      'person.email': 'invalid_email',
    });
    expect(await store.count('as-written')).toBe(0);
  });

  it('sends nothing in a person’s name until this letter is confirmed, even from an email confirmed before', async () => {
    const held = { ...letterCampaign('confirm-first'), doubleOptIn: true } as CampaignEntry;
    const { app, store } = await testApp(undefined, [letterCampaign('write-council'), held]);
    expect((await app.request(URL_OF('confirm-first'), post(writer()))).status).toBe(202);
    await confirmLetters(store);
    expect(await store.letterTotals('confirm-first')).toEqual([
      expect.objectContaining({ target: 'mayor', waiting: 1 }),
      expect.objectContaining({ target: 'ward-1', waiting: 1 }),
    ]);
    // Ada's email is confirmed now; someone else typing it writes nothing in her name until she says so.
    const res = await app.request(URL_OF('write-council'), post(writer({ text: `${SUGGESTION} Signed, not Ada.` })));
    expect(res.status).toBe(202);
    expect((await res.json()).pending).toBe(true);
    expect(await store.letterTotals('write-council')).toEqual([]);
    expect(await store.count('write-council')).toBe(0);
  });
});

describe('letters for organizers', () => {
  const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

  it('shows letters by target with honest counters, and records a bounce reported for a message', async () => {
    const { app, store } = await testApp(undefined, [letterCampaign('write-council')]);
    await app.request(URL_OF('write-council'), post(writer()));
    await app.request(
      URL_OF('write-council'),
      post(writer({ person: { ...writer().person, email: 'bo@example.org', postcode: '94112' }, area: 'W-2' })),
    );
    await confirmLetters(store);
    const [mayor] = await store.waitingLetters(1);
    await store.markLetters([mayor], 'sent', '<m1@campaign.example>', null, new Date());
    const ADMIN = 'http://localhost/api/admin';
    expect((await app.request(`${ADMIN}/campaigns/write-council/letters`)).status).toBe(401);
    const bounce = (body: unknown) => app.request(`${ADMIN}/letters/bounces`, post(body, auth));
    expect((await bounce({ messageId: '<m1@campaign.example>', kind: 'later' })).status).toBe(422);
    expect((await bounce({ messageId: '<nobody@campaign.example>', kind: 'hard' })).status).toBe(404);
    expect((await bounce({ messageId: '<m1@campaign.example>', kind: 'complaint', reason: 'spam' })).status).toBe(200);
    const res = await app.request(`${ADMIN}/campaigns/write-council/letters`, { headers: auth });
    expect(res.status).toBe(200);
    const { targets } = await res.json();
    expect(targets).toEqual([
      expect.objectContaining({ target: 'mayor', name: 'Mayor Ruiz', delivered: 0, bounced: 1, waiting: 1 }),
      expect.objectContaining({ target: 'ward-1', name: 'Ana Soto', delivered: 0, waiting: 1 }),
      expect.objectContaining({ target: 'ward-2', name: 'Ben Ode', handed: 1, delivered: 0 }),
    ]);
    expect(targets[0].bouncedAt).not.toBeNull();
  });
});
