/**
 * The store contract: ONE suite that every store must pass (STYLE.md). `open()` gives a fresh, empty store;
 * `reopen()` opens the same data again, as after a restart.
 */
import { describe, expect, it } from 'vitest';
import { CallInput, Contact, ResponseInput, SignatureInput } from '../../schema/actions.ts';
import type { SignatureRecord, Store, StoredResponse } from '../../functions/store/types.ts';
/** For tests that race many transactions: their time grows with the machine's load (a limit, not a timed assertion). */
const CONCURRENT = 30_000;

export interface StoreFactory {
  open(): Promise<{ store: Store; reopen: () => Promise<Store> }>;
}

const record = (overrides: Partial<SignatureRecord> & { email?: string; referrer?: string } = {}): SignatureRecord => ({
  campaign: 'library',
  input: SignatureInput.parse({
    person: {
      givenName: 'Ada',
      familyName: 'Lovelace',
      email: overrides.email ?? 'ada@example.org',
      postcode: '94110',
    },
    consent: { contact: true },
    referrer: overrides.referrer,
  }),
  consent: { version: 'v1', textHash: 'abc' },
  origin: null,
  idempotency: null,
  nextAskCandidates: [],
  ...overrides,
});

const base = () => ({
  consent: { version: 'v1', textHash: 'abc' },
  origin: null,
  idempotency: null,
  nextAskCandidates: [],
});

const echo = (outcome: { duplicate: boolean; done: Set<string> }): StoredResponse => ({
  status: outcome.duplicate ? 200 : 201,
  body: { ...outcome, done: [...outcome.done] },
});

type Body = {
  actionId: string;
  supporterId: string;
  duplicate: boolean;
  count: number;
  referralCode: string;
  done: string[];
};
async function sign(store: Store, overrides: Parameters<typeof record>[0] = {}) {
  const result = await store.recordSignature(record(overrides), echo);
  if ('mismatch' in result) throw new Error('unexpected mismatch');
  return { ...result, body: result.body as Body };
}

export function storeContract(name: string, factory: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    it('records a signature, counts it and writes one outbox event', async () => {
      const { store } = await factory.open();
      const { status, body } = await sign(store);
      expect(status).toBe(201);
      expect(body).toMatchObject({ duplicate: false, count: 1 });
      expect(body.referralCode).toMatch(/^[2-9a-z]{8}$/);
      expect(await store.count('library')).toBe(1);
      expect(await store.counts()).toEqual(new Map([['library', 1]]));
      const events = await store.outboxEvents(10);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: 'signature.created',
        campaign: 'library',
        payload: { actionId: body.actionId },
      });
      await store.close();
    });

    it('treats a second signature by the same email as a duplicate, and one person across campaigns', async () => {
      const { store } = await factory.open();
      const first = await sign(store);
      const again = await sign(store);
      expect(again.body).toMatchObject({
        duplicate: true,
        count: 1,
        actionId: first.body.actionId,
        supporterId: first.body.supporterId,
      });
      // Knowing the email does not give the person's own referral code: a fresh one that credits them.
      expect(again.body.referralCode).not.toBe(first.body.referralCode);
      const other = await sign(store, { campaign: 'crossing', nextAskCandidates: ['library', 'zoo'] });
      expect(other.body).toMatchObject({
        duplicate: false,
        count: 1,
        supporterId: first.body.supporterId,
        done: ['library'],
      });
      expect(await store.outboxEvents(10)).toHaveLength(2);
      await store.close();
    });

    it(
      'counts once when the same email signs many times at the same moment',
      async () => {
        const { store } = await factory.open();
        const results = await Promise.all(Array.from({ length: 25 }, () => sign(store)));
        expect(results.filter((r) => !r.body.duplicate)).toHaveLength(1);
        expect(new Set(results.map((r) => r.body.actionId)).size).toBe(1);
        expect(await store.count('library')).toBe(1);
        await store.close();
      },
      CONCURRENT,
    );

    it('counts every distinct person under concurrency', async () => {
      const { store } = await factory.open();
      await Promise.all(Array.from({ length: 50 }, (_, i) => sign(store, { email: `p${i}@example.org` })));
      expect(await store.count('library')).toBe(50);
      expect(await store.outboxEvents(100)).toHaveLength(50);
      await store.close();
    });

    it('replays an idempotency key, even when both requests arrive together, and refuses it for another body', async () => {
      const { store } = await factory.open();
      const idempotency = { key: 'k-1', requestHash: 'h-1' };
      const results = await Promise.all(
        Array.from({ length: 10 }, () => store.recordSignature(record({ idempotency }), echo)),
      );
      const fresh = results.filter((r) => 'replay' in r && !r.replay);
      expect(fresh).toHaveLength(1);
      for (const r of results) expect(r).toMatchObject({ body: (fresh[0] as StoredResponse).body });
      const mismatch = await store.recordSignature(record({ idempotency: { key: 'k-1', requestHash: 'h-2' } }), echo);
      expect(mismatch).toEqual({ mismatch: true });
      expect(await store.count('library')).toBe(1);
      await store.close();
    });

    it('remembers who referred whom, but nobody refers themselves', async () => {
      const { store } = await factory.open();
      const ada = await sign(store);
      await sign(store, { email: 'grace@example.org', referrer: ada.body.referralCode });
      await sign(store, { campaign: 'crossing', referrer: ada.body.referralCode });
      const events = await store.outboxEvents(10);
      expect(events.map((e) => (e.payload as { referrer: string | null }).referrer)).toEqual([
        null,
        ada.body.referralCode,
        ada.body.referralCode,
      ]);
      await store.close();
    });

    it('counts one response per email, every anonymous one, and tags respondents', async () => {
      const { store } = await factory.open();
      const response = (email?: string) => ({
        ...base(),
        campaign: 'survey',
        tags: ['renter'],
        input: ResponseInput.parse({
          person: email ? { givenName: 'R', familyName: 'P', email } : undefined,
          answers: { housing: 'rent' },
          consent: { contact: !!email },
        }),
      });
      const results = await Promise.all([
        store.recordResponse(response('r@example.org'), echo),
        store.recordResponse(response('r@example.org'), echo),
        store.recordResponse(response(), echo),
        store.recordResponse(response(), echo),
      ]);
      expect(results.map((r) => ('status' in r ? r.status : 0)).sort()).toEqual([200, 201, 201, 201]);
      expect(await store.count('survey')).toBe(3);
      await store.close();
    });

    it('counts calls, by outcome too', async () => {
      const { store } = await factory.open();
      const call = (outcome: string) => ({
        ...base(),
        campaign: 'calls',
        input: CallInput.parse({ target: 't', outcome, postcode: '94110' }),
      });
      await Promise.all(['contact', 'voicemail', 'contact', 'unavailable'].map((o) => store.recordCall(call(o), echo)));
      expect(await store.count('calls')).toBe(4);
      expect((await store.figures('calls')).outcomes).toEqual({ contact: 2, voicemail: 1, unavailable: 1 });
      // The dashboard reads fields inside the stored JSON: they must be JSON objects, not JSON text, on every dialect.
      const calls = (await store.funnel()).calls.filter((row) => row.campaign === 'calls');
      expect(calls.map((row) => [row.target, row.outcome, row.n]).sort()).toEqual([
        ['t', 'contact', 2],
        ['t', 'unavailable', 1],
        ['t', 'voicemail', 1],
      ]);
      await store.close();
    });

    it(
      'never overbooks an event under concurrent RSVPs, and fills freed places from the waitlist in order',
      async () => {
        const { store } = await factory.open();
        const rules = { capacity: { '': 4 } };
        const rsvp = (email: string, guests = 0) => ({
          ...base(),
          campaign: 'event',
          rules,
          input: {
            person: Contact.parse({ givenName: 'E', familyName: 'B', email }),
            guests,
            consent: { contact: true, sms: false },
          },
        });
        const views: { status: string; token: string }[] = [];
        const respond = (o: { rsvp: { status: string; token: string } }) => {
          views.push(o.rsvp);
          return { status: 201, body: o.rsvp };
        };
        await Promise.all(
          Array.from({ length: 10 }, (_, i) => store.recordRsvp(rsvp(`p${i}@example.org`, i % 2), respond)),
        );
        const taken = (await store.figures('event')).taken!;
        expect(taken['']).toBeLessThanOrEqual(4);
        expect(await store.count('event')).toBe(taken['']);
        const confirmed = views.filter((v) => v.status === 'confirmed');
        const waiting = views.filter((v) => v.status === 'waitlisted');
        expect(confirmed.length + waiting.length).toBe(10);
        expect(await store.remind('event', 'day_before')).toBe(confirmed.length);
        expect(await store.remind('event', 'day_before')).toBe(0);
        await store.cancelRsvp(confirmed[0].token, rules);
        expect((await store.rsvpByToken(confirmed[0].token))?.status).toBe('cancelled');
        expect((await store.figures('event')).taken!['']).toBeGreaterThan(taken[''] - 2);
        expect((await store.figures('event')).taken!['']).toBeLessThanOrEqual(4);
        await store.close();
      },
      CONCURRENT,
    );

    it('hands each event to each sink once at a time, retries failures when due, dead-letters and redelivers', async () => {
      const { store } = await factory.open();
      await Promise.all(Array.from({ length: 5 }, (_, i) => sign(store, { email: `d${i}@example.org` })));
      // Two dispatchers claiming together share the events, never both get one.
      const [a, b] = await Promise.all([
        store.claimDeliveries('hook', 3, 60_000),
        store.claimDeliveries('hook', 3, 60_000),
      ]);
      const ids = [...a, ...b].map((d) => d.event.id);
      expect(new Set(ids).size).toBe(5);
      expect(await store.claimDeliveries('hook', 10, 60_000)).toEqual([]);
      // Another sink gets everything, independently.
      expect(await store.claimDeliveries('crm', 10, 60_000)).toHaveLength(5);
      await store.markDelivered('hook', ids[0]);
      await store.markFailed('hook', ids[1], 'HTTP 500', new Date(Date.now() - 1));
      await store.markFailed('hook', ids[2], 'HTTP 422: email invalid', null);
      const again = await store.claimDeliveries('hook', 10, 0);
      expect(again.map((d) => [d.event.id, d.attempts])).toEqual([[ids[1], 1]]);
      const dead = await store.deadLetters(10);
      expect(dead).toMatchObject([
        { sink: 'hook', attempts: 1, error: 'HTTP 422: email invalid', event: { id: ids[2] } },
      ]);
      const health = await store.deliveryHealth(['hook', 'crm']);
      expect(health[0]).toMatchObject({ sink: 'hook', delivered: 1, dead: 1, pending: 3 });
      expect(health[1]).toMatchObject({ sink: 'crm', delivered: 0, dead: 0, pending: 5 });
      expect(await store.redeliver(ids[2], 'hook')).toBe(1);
      expect((await store.claimDeliveries('hook', 10, 60_000)).map((d) => d.event.id)).toContain(ids[2]);
      expect(await store.deadLetters(10)).toEqual([]);
      await store.close();
    });

    it('keeps everything across a restart', async () => {
      const { store, reopen } = await factory.open();
      const first = await sign(store);
      await store.close();
      const again = await reopen();
      expect(await again.count('library')).toBe(1);
      const second = await sign(again);
      expect(second.body).toMatchObject({ duplicate: true, supporterId: first.body.supporterId });
      await again.close();
    });
  });
}
