/**
 * A volunteer's call outcomes, kept in IndexedDB until the server has them: a call made on a bus with no signal is
 * recorded at once and sent when the connection is back (the `online` event, and a retry timer), as check-in's
 * queue does (site/lib/dashboard/queue.ts). Each entry carries the idempotency key it was made with, and every
 * retry sends that same key, so an outcome whose answer was lost counts once. Signing out sends it first, and empties it (`clear`) when
 * the volunteer agrees to lose what could not go.
 */
import { AdminError, adminFetch, jsonBody } from '../dashboard/api.ts';
import { request } from '../dashboard/queue.ts';

export interface QueuedOutcome {
  /** The idempotency key, also the entry's key. */
  key: string;
  contactId: string;
  path: string;
  body: Record<string, unknown>;
  created: number;
}

export type OutcomeListener = (left: QueuedOutcome[], sent: QueuedOutcome[], problem?: AdminError) => void;

export const QUEUE_DB = 'ladder-followup-outcomes';
const STORE = 'outcomes';
const RETRY = 15_000;

export class OutcomeQueue {
  #db: Promise<IDBDatabase | null>;
  #memory = new Map<string, QueuedOutcome>();
  #listeners = new Set<OutcomeListener>();
  #flushing?: Promise<void>;
  #timer?: ReturnType<typeof setTimeout>;

  constructor() {
    this.#db = (async () => {
      try {
        const open = indexedDB.open(QUEUE_DB, 1);
        open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'key' });
        return await request(open);
      } catch {
        return null; // Storage blocked: the queue lasts as long as the page.
      }
    })();
    addEventListener('online', () => void this.flush());
  }

  async #store(mode: IDBTransactionMode): Promise<IDBObjectStore | null> {
    const db = await this.#db;
    return db ? db.transaction(STORE, mode).objectStore(STORE) : null;
  }

  async entries(): Promise<QueuedOutcome[]> {
    const store = await this.#store('readonly');
    const all = store ? await request(store.getAll() as IDBRequest<QueuedOutcome[]>) : [...this.#memory.values()];
    return all.sort((a, b) => a.created - b.created);
  }

  listen(listener: OutcomeListener): void {
    this.#listeners.add(listener);
  }

  async add(entry: Omit<QueuedOutcome, 'created'>): Promise<void> {
    const full = { ...entry, created: Date.now() };
    const store = await this.#store('readwrite');
    if (store) await request(store.put(full));
    else this.#memory.set(full.key, full);
    await this.flush();
  }

  async #delete(key: string): Promise<void> {
    const store = await this.#store('readwrite');
    if (store) await request(store.delete(key));
    this.#memory.delete(key);
  }

  /** Signing out: nothing of this account's work stays on the device. */
  async clear(): Promise<void> {
    const store = await this.#store('readwrite');
    if (store) await request(store.clear());
    this.#memory.clear();
  }

  flush(): Promise<void> {
    this.#flushing ??= this.#send().finally(() => (this.#flushing = undefined));
    return this.#flushing;
  }

  async #send(): Promise<void> {
    clearTimeout(this.#timer);
    const sent: QueuedOutcome[] = [];
    let problem: AdminError | undefined;
    for (const entry of await this.entries()) {
      if (!navigator.onLine) {
        problem = new AdminError(0, 'offline', 'offline');
        break;
      }
      try {
        await adminFetch(entry.path, {
          ...jsonBody(entry.body),
          headers: { 'content-type': 'application/json', 'idempotency-key': entry.key },
        });
        await this.#delete(entry.key);
        sent.push(entry);
      } catch (e) {
        const error = e instanceof AdminError ? e : new AdminError(0, 'offline', String(e));
        // Offline, a server error or no session: keep it and stop. A decided refusal (404, 409, 422): drop it.
        if (error.status === 0 || error.status === 401 || error.status === 429 || error.status >= 500) {
          problem = error;
          break;
        }
        await this.#delete(entry.key);
        problem = error;
      }
    }
    const left = await this.entries();
    if (left.length) this.#timer = setTimeout(() => void this.flush(), RETRY);
    for (const listener of this.#listeners) listener(left, sent, problem);
  }
}
