/**
 * A supporter's client in plain fetch, with the widget outbox's rules (widgets/core/outbox.ts `post`): one
 * idempotency key for every attempt; no answer, 408, 429 and 5xx decide nothing and are sent again (after
 * `Retry-After` when given); a stale render token is renewed and the same submission resent; anything else is
 * the answer. The waits are short (the widget's start at 2 s): the server under test restarts in about a second.
 */
import { randomUUID } from 'node:crypto';
import { post, signature } from '../functions/fixtures.ts';
import { SLUG } from './harness.ts';

export interface Server {
  url: string;
  /** Resolves when the server listens (again, after a restart). */
  ready(): Promise<void>;
}

export interface Signed {
  key: string;
  email: string;
  /** The answer that settled it: 201 when this attempt stored it, 200 when a retry got the stored answer back. */
  status: number;
  actionId: string;
  /** Every attempt's status, `network` for none. */
  attempts: (number | 'network')[];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DEADLINE_MS = 30_000;

/** A render token, as the widget reads it from the campaign (undefined when the guard is off). */
export async function token(server: Server, slug = SLUG): Promise<string | undefined> {
  const until = Date.now() + DEADLINE_MS;
  for (;;) {
    try {
      const res = await fetch(`${server.url}/api/campaigns/${slug}`);
      if (res.ok) return ((await res.json()) as { token?: string }).token;
    } catch {
      if (Date.now() > until) throw new Error(`no campaign from ${server.url} for ${DEADLINE_MS} ms`);
    }
    await server.ready();
    await pause(50);
  }
}

/** Signs the petition once, however many attempts that takes; throws on a refusal or after 30 s. */
export async function sign(server: Server, email: string, key: string = randomUUID()): Promise<Signed> {
  const person = { givenName: 'Grace', familyName: 'Hopper', email, postcode: '94110' };
  return submit(server, `/api/campaigns/${SLUG}/signatures`, signature({ person }), { email, key });
}

/**
 * Sends one submission (`body` gets the render token) to `path` under one idempotency key until it is answered;
 * throws on a refusal or after 30 s. `actionId` is the id of the signature, response or RSVP answered.
 */
export async function submit(
  server: Server,
  path: string,
  first: Record<string, unknown>,
  { email, key = randomUUID() }: { email: string; key?: string },
): Promise<Signed> {
  const attempts: Signed['attempts'] = [];
  const slug = path.split('/')[3];
  let body: Record<string, unknown> = { ...first, token: await token(server, slug) };
  const until = Date.now() + DEADLINE_MS;
  while (Date.now() < until) {
    let res: Response;
    try {
      res = await fetch(`${server.url}${path}`, post(body, { 'Idempotency-Key': key }));
    } catch {
      attempts.push('network');
      await server.ready();
      await pause(50);
      continue;
    }
    attempts.push(res.status);
    const answer = (await res.json().catch(() => null)) as {
      signature?: { id: string };
      rsvp?: { id: string };
      error?: { code: string };
    } | null;
    const answered = answer?.signature ?? answer?.rsvp;
    if (res.status === 408 || res.status === 429 || res.status >= 500) {
      const retryAfter = Number(res.headers.get('Retry-After'));
      await pause(retryAfter > 0 ? retryAfter * 1000 : 50);
    } else if (answer?.error?.code === 'token_expired') {
      body = { ...body, token: await token(server, slug) };
    } else if (res.ok && answered) {
      return { key, email, status: res.status, actionId: answered.id, attempts };
    } else {
      throw new Error(`${email} was refused: ${res.status} ${JSON.stringify(answer)}`);
    }
  }
  throw new Error(`${email} was not acknowledged within ${DEADLINE_MS} ms: ${attempts.join(', ')}`);
}

/** `count` supporters signing, `parallel` at a time (as on a busy evening); resolves with every answer. */
export async function signMany(server: Server, prefix: string, count: number, parallel = 4): Promise<Signed[]> {
  const signed: Signed[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) signed.push(await sign(server, `${prefix}-${next++}@example.org`));
    }),
  );
  return signed;
}

/** Attempts beyond the first, over all signatures. */
export const retries = (signed: Signed[]) => signed.reduce((n, s) => n + s.attempts.length - 1, 0);
