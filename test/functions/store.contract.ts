/**
 * The store contract: ONE suite that every store must pass (STYLE.md). `open()` gives a fresh, empty store;
 * `reopen()` opens the same data again, as after a restart.
 */
import { describe, expect, it } from 'vitest';
import { SignatureInput } from '../../schema/actions.ts';
import type { SignatureRecord, Store, StoredResponse } from '../../functions/store/types.ts';

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

const echo = (outcome: Parameters<Parameters<Store['recordSignature']>[1]>[0]): StoredResponse => ({
  status: outcome.duplicate ? 200 : 201,
  body: { ...outcome, done: [...outcome.done] },
});

type Body = {
  signatureId: string;
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
      const events = await store.pendingEvents(10);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: 'signature.created',
        campaign: 'library',
        payload: { signatureId: body.signatureId },
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
        signatureId: first.body.signatureId,
        referralCode: first.body.referralCode,
      });
      const other = await sign(store, { campaign: 'crossing', nextAskCandidates: ['library', 'zoo'] });
      expect(other.body).toMatchObject({
        duplicate: false,
        count: 1,
        supporterId: first.body.supporterId,
        done: ['library'],
      });
      expect(await store.pendingEvents(10)).toHaveLength(2);
      await store.close();
    });

    it('counts once when the same email signs many times at the same moment', async () => {
      const { store } = await factory.open();
      const results = await Promise.all(Array.from({ length: 25 }, () => sign(store)));
      expect(results.filter((r) => !r.body.duplicate)).toHaveLength(1);
      expect(new Set(results.map((r) => r.body.signatureId)).size).toBe(1);
      expect(await store.count('library')).toBe(1);
      await store.close();
    });

    it('counts every distinct person under concurrency', async () => {
      const { store } = await factory.open();
      await Promise.all(Array.from({ length: 50 }, (_, i) => sign(store, { email: `p${i}@example.org` })));
      expect(await store.count('library')).toBe(50);
      expect(await store.pendingEvents(100)).toHaveLength(50);
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
      const events = await store.pendingEvents(10);
      expect(events.map((e) => (e.payload as { referrer: string | null }).referrer)).toEqual([
        null,
        ada.body.referralCode,
        ada.body.referralCode,
      ]);
      await store.close();
    });

    it('keeps everything across a restart', async () => {
      const { store, reopen } = await factory.open();
      const first = await sign(store);
      await store.close();
      const again = await reopen();
      expect(await again.count('library')).toBe(1);
      const second = await sign(again);
      expect(second.body).toMatchObject({ duplicate: true, referralCode: first.body.referralCode });
      await again.close();
    });
  });
}
