/**
 * What every deployment must answer alike, over whatever carries the request (real HTTP to workerd, or an adapter's
 * handler called in-process): one signature counted once however it is retried, and a survey response.
 */
import { expect } from 'vitest';
import { ADMIN_TOKEN, PETITION, signature, SURVEY, surveyResponse } from './campaigns.ts';

export type Call = (path: string, init?: RequestInit) => Promise<Response>;

export const postJson = (body: unknown, key?: string): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
  body: JSON.stringify(body),
});

const count = async (call: Call, slug: string) => (await (await call(`/api/campaigns/${slug}`)).json()).count;

/** New 201, same person again 200 duplicate, same key replayed 200; the count moves once. */
export async function signatureOnce(call: Call, email: string): Promise<void> {
  const before = await count(call, PETITION);
  const first = await call(`/api/campaigns/${PETITION}/signatures`, postJson(signature(email), `key-${email}`));
  expect(first.status).toBe(201);
  const body = await first.json();
  expect(body).toMatchObject({ duplicate: false, count: before + 1 });
  const again = await call(`/api/campaigns/${PETITION}/signatures`, postJson(signature(email)));
  expect(again.status).toBe(200);
  expect(await again.json()).toMatchObject({ duplicate: true, count: before + 1 });
  const replay = await call(`/api/campaigns/${PETITION}/signatures`, postJson(signature(email), `key-${email}`));
  expect(replay.status).toBe(200);
  expect(await replay.json()).toEqual(body);
  expect(await count(call, PETITION)).toBe(before + 1);
}

/** The same submission sent `n` times at once with one key (a phone's outbox retrying): counted once. */
export async function concurrentOnce(call: Call, email: string, n: number): Promise<void> {
  const before = await count(call, PETITION);
  const answers = await Promise.all(
    Array.from({ length: n }, () =>
      call(`/api/campaigns/${PETITION}/signatures`, postJson(signature(email), `key-${email}`)),
    ),
  );
  const statuses = answers.map((res) => res.status).sort();
  expect(statuses).toEqual([...Array(n - 1).fill(200), 201].sort());
  const ids = new Set(await Promise.all(answers.map(async (res) => (await res.json()).signature?.id)));
  expect(ids.size).toBe(1);
  expect(await count(call, PETITION)).toBe(before + 1);
}

export async function surveyAnswered(call: Call, email: string): Promise<void> {
  const res = await call(`/api/campaigns/${SURVEY}/responses`, postJson(surveyResponse(email)));
  expect(res.status).toBe(201);
  expect(await res.json()).toMatchObject({ duplicate: false, count: 1 });
}

export async function adminNeedsToken(call: Call): Promise<void> {
  expect((await call('/api/admin/funnel')).status).toBe(401);
  const res = await call('/api/admin/funnel', { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(res.status).toBe(200);
  expect(await res.json()).toBeTypeOf('object');
}

/** A bad body changes nothing: 422 with the field named. */
export async function badInputRefused(call: Call): Promise<void> {
  const before = await count(call, PETITION);
  const res = await call(
    `/api/campaigns/${PETITION}/signatures`,
    postJson({ person: { givenName: 'Ada' }, consent: { contact: true } }),
  );
  expect(res.status).toBe(422);
  expect((await res.json()).error.fields).toHaveProperty(['person.email']);
  expect(await count(call, PETITION)).toBe(before);
}
