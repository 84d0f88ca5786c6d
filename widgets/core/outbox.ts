/**
 * The offline outbox: every submission is written to IndexedDB with its idempotency key before it is sent, and
 * removed only when the server has answered with a decision (stored, duplicate, or refused). Until then it is
 * retried with backoff, after a reload too, and at once when the browser says it is back online (outbox-retry.ts, a
 * chunk loaded only when something is left to send again). The key makes retries safe: the server counts a
 * submission once however often it arrives (from this page or another tab).
 *
 * Known limit: on a partner's page, IndexedDB belongs to the partner's origin, so the pending submission (with
 * the supporter's details) sits there until it is sent. A script on a page cannot store anything elsewhere.
 */
import type { FieldIssue } from '../../schema/errors.ts';
import type { Answer } from './api.ts';
import { LadderErrorEvent, LadderQueuedEvent, LadderSuccessEvent } from './events.ts';
import { renew, stale, withToken } from '../guard/submission.ts';
import { post } from './outbox-post.ts';
import type * as RetryModule from './outbox-retry.ts';

export { prepare } from '../guard/submission.ts';
export { newKey } from './outbox-post.ts';

export interface OutboxEntry {
  /** The idempotency key, also the record's key. */
  key: string;
  url: string;
  /** The JSON body, as it will be sent. */
  body: string;
  created: number;
  attempts: number;
  /** When to try next (ms since the epoch). */
  due: number;
  /**
   * A batch endpoint: the entry goes out with the others tagged alike, up to 50 per request, as
   * `{ responses: [{ key, response }] }` (canvasser mode). Without it the entry is POSTed alone to `url`.
   */
  batch?: string;
}

/** Told when the server has decided on an entry (`ok` or `refused`); the entry is gone from the outbox then. */
export type OutboxListener = (key: string, answer: Answer<unknown>) => void;

const STORE = 'outbox';

/**
 * The second tries (outbox-retry.ts). Offline, or with our server down, its chunk may not load: the entry is stored
 * all the same, and the load is tried again every 2 s until it comes (then it sends what waits). Not only on
 * `online`: a server killed mid-send leaves the browser online (test/faults/browser.e2e.test.ts).
 */
let retrying: Promise<typeof RetryModule> | undefined;
const resume = () => void retry().then((m) => m.flush(outbox, true));
const retry = (): Promise<typeof RetryModule> =>
  (retrying ??= import('./outbox-retry.ts').catch((error: unknown) => {
    retrying = undefined;
    setTimeout(resume, 2e3);
    throw error;
  }));

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

async function openDb(name: string): Promise<IDBDatabase | null> {
  try {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'key' });
    return await request(open);
  } catch {
    // Blocked storage (some private modes, sandboxed iframes): fall back to memory for this page.
    return null;
  }
}

export class Outbox {
  readonly name: string;
  #db?: Promise<IDBDatabase | null>;
  #memory = new Map<string, OutboxEntry>();
  #listeners = new Set<OutboxListener>();
  /** Keys on their way (outbox-batch.ts adds its own). */
  readonly inflight = new Set<string>();
  #started?: boolean;

  constructor(name = 'ladder') {
    this.name = name;
  }

  async #store(mode: IDBTransactionMode): Promise<IDBObjectStore | null> {
    const db = await (this.#db ??= openDb(this.name));
    return db ? db.transaction(STORE, mode).objectStore(STORE) : null;
  }

  /** Stores an entry; where storage is full or failing, for this page only (it will not survive a reload). */
  async put(entry: OutboxEntry): Promise<void> {
    try {
      const store = await this.#store('readwrite');
      if (store) return void (await request(store.put(entry)));
    } catch {
      // Kept in memory below.
    }
    this.#memory.set(entry.key, entry);
  }

  async #delete(key: string): Promise<void> {
    const store = await this.#store('readwrite');
    if (store) await request(store.delete(key));
    this.#memory.delete(key);
  }

  /** Everything waiting to be sent (in no given order). */
  async entries(): Promise<OutboxEntry[]> {
    const store = await this.#store('readonly');
    return store ? request(store.getAll() as IDBRequest<OutboxEntry[]>) : [...this.#memory.values()];
  }

  /** Hears every answer the outbox gets; returns the unsubscribe function. */
  listen(listener: OutboxListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stores the submission, then tries to send it now. A `retry` answer means it stays queued. */
  async submit(url: string, body: string, key: string): Promise<Answer<unknown>> {
    // Not due for a flush meanwhile (what earlier pages left) while its first try is on its way.
    const entry: OutboxEntry = { key, url, body, created: Date.now(), attempts: 0, due: Date.now() + 2_000 };
    await this.put(entry);
    this.start();
    return (await this.send(entry)) ?? { kind: 'retry' };
  }

  /** Sends what earlier pages left (with outbox-retry.ts, only if they left something). Browser only; idempotent. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    void this.entries().then((left) => void (left.length && retry().then((m) => m.start(this))));
  }

  /** Sends one entry; `undefined` when it is already on its way. */
  async send(entry: OutboxEntry): Promise<Answer<unknown> | undefined> {
    if (this.inflight.has(entry.key)) return;
    this.inflight.add(entry.key);
    let answer: Answer<unknown>;
    try {
      answer = await post(entry.url, withToken(entry.url, entry.body), entry.key);
      // A stale token is renewed and the same submission sent again (outbox-retry.ts `fresh`).
      if (stale(answer))
        answer = await retry().then(
          (m) => m.fresh(entry, answer),
          () => answer,
        );
      await this.keep(entry, answer);
      // The next submission from this page gets a token of its own (held for its min fill time, not refused).
      if (answer.kind === 'ok') void renew(entry.url);
    } finally {
      this.inflight.delete(entry.key);
    }
    this.tell(entry, answer);
    return answer;
  }

  /**
   * Drops an entry the server decided on; keeps one it did not (or one waiting for a CAPTCHA), due again after a
   * backoff (outbox-retry.ts `hold`). Stored already, it is not lost if that chunk cannot load (offline).
   */
  async keep(entry: OutboxEntry, answer: Answer<unknown>): Promise<void> {
    if (answer.kind === 'ok' || (answer.kind === 'refused' && answer.error.code !== 'captcha_required')) {
      return this.#delete(entry.key);
    }
    await (await retry().catch(() => null))?.hold(this, entry, answer);
  }

  /** Tells the listeners of a decided entry (outbox-batch.ts too). */
  tell(entry: OutboxEntry, answer: Answer<unknown>): void {
    if (answer.kind !== 'retry') for (const listener of this.#listeners) listener(entry.key, answer);
  }
}

/** The outbox every widget on the page shares. */
export const outbox = new Outbox();

/**
 * What a submission's answer means for its form (`SubmitController`'s `state`, `result`, `error`, `fields`). Here,
 * in the lazy chunk: it is needed only once an answer arrives. `known`: the fields the form shows (issues about
 * others are a plain error); a field is the last part of the API's path (`person.email` -> `email`).
 */
export function verdict<R extends { duplicate: boolean }>(answer: Answer<R>, known: readonly string[]) {
  if (answer.kind === 'ok') return { result: answer.body, state: answer.body.duplicate ? 'duplicate' : 'success' };
  if (answer.kind === 'retry') return { state: 'queued' };
  // The challenge shows in the form (`announce`); the submission waits in the outbox meanwhile.
  if (answer.error.code === 'captcha_required') return { state: 'idle' };
  const fields: Record<string, FieldIssue> = {};
  for (const [path, code] of Object.entries(answer.error.codes ?? {})) {
    const name = path.split('.').pop()!;
    if (known.includes(name)) fields[name] = code;
  }
  return { error: answer.error.code, fields, state: Object.keys(fields).length ? 'invalid' : 'error' };
}

/**
 * The event for a submission's answer, fired on the widget: ids and counts only, never what the supporter typed.
 * `kind`: the result's key for the stored action (`signature`, `response`...), whose id the success event carries.
 */
export function announce<R extends { duplicate: boolean; count: number }>(
  host: HTMLElement & { campaign: string },
  kind: string,
  answer: Answer<R>,
): void {
  const { campaign } = host;
  // A submission kept for a CAPTCHA (`keep`) has its key: the challenge shows in the form (outbox-retry.ts).
  if (answer.kind === 'refused' && answer.key) void retry().then((m) => m.challenge(outbox, host, answer));
  host.dispatchEvent(
    answer.kind === 'ok'
      ? new LadderSuccessEvent({
          campaign,
          id: (answer.body as unknown as Record<string, { id: string }>)[kind].id,
          count: answer.body.count,
          duplicate: answer.body.duplicate,
        })
      : answer.kind === 'retry'
        ? new LadderQueuedEvent({ campaign })
        : new LadderErrorEvent({ campaign, code: answer.error.code }),
  );
}
