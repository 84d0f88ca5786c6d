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

const campaign = async (call: Call, slug: string) => (await call(`/api/campaigns/${slug}`)).json();
const count = async (call: Call, slug: string): Promise<number> => (await campaign(call, slug)).count;

/** What a widget does on load: the campaign's render token, which every POST carries (functions/guard/). */
export async function withToken<T extends object>(call: Call, slug: string, body: T): Promise<T & { token: string }> {
  const { token } = await campaign(call, slug);
  expect(token).toBeTypeOf('string');
  return { ...body, token };
}

/** New 201, same person again 200 duplicate, same key replayed 200; the count moves once. */
export async function signatureOnce(call: Call, email: string): Promise<void> {
  const path = `/api/campaigns/${PETITION}/signatures`;
  const before = await count(call, PETITION);
  const submission = await withToken(call, PETITION, signature(email));
  const first = await call(path, postJson(submission, `key-${email}`));
  expect(first.status).toBe(201);
  const body = await first.json();
  expect(body).toMatchObject({ duplicate: false, count: before + 1 });
  const again = await call(path, postJson(await withToken(call, PETITION, signature(email))));
  expect(again.status).toBe(200);
  expect(await again.json()).toMatchObject({ duplicate: true, count: before + 1 });
  // The phone's outbox resends what it stored, token and all.
  const replay = await call(path, postJson(submission, `key-${email}`));
  expect(replay.status).toBe(200);
  expect(await replay.json()).toEqual(body);
  expect(await count(call, PETITION)).toBe(before + 1);
}

/** The same submission sent `n` times at once with one key (a phone's outbox retrying): counted once. */
export async function concurrentOnce(call: Call, email: string, n: number): Promise<void> {
  const before = await count(call, PETITION);
  const submission = await withToken(call, PETITION, signature(email));
  const answers = await Promise.all(
    Array.from({ length: n }, () =>
      call(`/api/campaigns/${PETITION}/signatures`, postJson(submission, `key-${email}`)),
    ),
  );
  const statuses = answers.map((res) => res.status).sort();
  expect(statuses).toEqual([...Array(n - 1).fill(200), 201].sort());
  const ids = new Set(await Promise.all(answers.map(async (res) => (await res.json()).signature?.id)));
  expect(ids.size).toBe(1);
  expect(await count(call, PETITION)).toBe(before + 1);
}

export async function surveyAnswered(call: Call, email: string): Promise<void> {
  const res = await call(
    `/api/campaigns/${SURVEY}/responses`,
    postJson(await withToken(call, SURVEY, surveyResponse(email))),
  );
  expect(res.status).toBe(201);
  expect(await res.json()).toMatchObject({ duplicate: false, count: 1 });
}

export async function adminNeedsToken(call: Call): Promise<void> {
  expect((await call('/api/admin/funnel')).status).toBe(401);
  const res = await call('/api/admin/funnel', { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(res.status).toBe(200);
  expect(await res.json()).toBeTypeOf('object');
}

/** A bad body changes nothing: 422 with the field named; so does one without a render token (403). */
export async function badInputRefused(call: Call): Promise<void> {
  const path = `/api/campaigns/${PETITION}/signatures`;
  const before = await count(call, PETITION);
  const res = await call(
    path,
    postJson(await withToken(call, PETITION, { person: { givenName: 'Ada' }, consent: { contact: true } })),
  );
  expect(res.status).toBe(422);
  expect((await res.json()).error.fields).toHaveProperty(['person.email']);
  const tokenless = await call(path, postJson(signature('no-token@example.org')));
  expect(tokenless.status).toBe(403);
  expect((await tokenless.json()).error.code).toBe('token_expired');
  expect(await count(call, PETITION)).toBe(before);
}

/**
 * The abuse defenses' settings for the tests: no wait before submitting, and limits no test reaches (the same
 * client sends everything here, 20 at once).
 */
export const GUARD_ENV = {
  LADDER_MIN_FILL_MS: '0',
  LADDER_RATE_IP: '1000/600',
  LADDER_RATE_BURST: '1000/10',
  LADDER_RATE_EMAIL: '100/3600',
};
