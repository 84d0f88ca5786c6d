/**
 * The host's check-ins and walk-ins, kept in IndexedDB until the server has them: a door with no signal still
 * checks people in, and the queue empties itself when the connection comes back (the `online` event, and a retry
 * timer for connections that come back without one). Check-in is idempotent on the server (a second one answers
 * `already: true`) and a walk-in RSVPs by email, so a retry after a lost answer never counts anyone twice.
 *
 * Not the widgets' `Outbox` (widgets/core/outbox.ts): that one posts without credentials by design (it runs on
 * partner pages); these requests carry the organizer's token, which is read at send time and never stored here.
 */
import { AdminError, adminFetch, jsonBody } from './api.ts';

export interface Queued {
  /** Unique per entry; a check-in's is `check-in:<rsvp id>`, so tapping twice queues once. */
  key: string;
  event: string;
  kind: 'check-in' | 'walk-in';
  /** The RSVP to check in. */
  rsvpId?: string;
  /** A walk-in's details, as `POST /api/admin/campaigns/<slug>/walk-ins` takes them. */
  walkIn?: { person: { givenName: string; familyName: string; email: string }; guests: number };
  created: number;
}

export type QueueListener = (entries: Queued[], sent: Queued[], problem?: AdminError) => void;

const STORE = 'queue';
const RETRY = 15_000;

export const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

export class CheckInQueue {
  #db: Promise<IDBDatabase | null>;
  #memory = new Map<string, Queued>();
  #listeners = new Set<QueueListener>();
  #flushing?: Promise<void>;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(name = 'ladder-checkin') {
    this.#db = (async () => {
      try {
        const open = indexedDB.open(name, 1);
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

  async entries(event?: string): Promise<Queued[]> {
    const store = await this.#store('readonly');
    const all = store ? await request(store.getAll() as IDBRequest<Queued[]>) : [...this.#memory.values()];
    return all.filter((e) => !event || e.event === event).sort((a, b) => a.created - b.created);
  }

  listen(listener: QueueListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async add(entry: Omit<Queued, 'created'>): Promise<void> {
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

  /** Forgets everything queued on this device (at sign-out). */
  async clear(): Promise<void> {
    const store = await this.#store('readwrite');
    if (store) await request(store.clear());
    this.#memory.clear();
  }

  /** Sends what is queued, oldest first, one request at a time; a second call waits for the running one. */
  flush(): Promise<void> {
    // The browser knows it is offline: wait for its `online` event rather than send requests bound to fail (and,
    // behind a service worker, never let one through while the device is offline).
    this.#flushing ??= this.#send().finally(() => (this.#flushing = undefined));
    return this.#flushing;
  }

  async #send(): Promise<void> {
    clearTimeout(this.#timer);
    const sent: Queued[] = [];
    let problem: AdminError | undefined;
    for (const entry of await this.entries()) {
      // The browser knows it is offline: do not send (behind a service worker a request could even slip through
      // while the device says offline); the `online` event flushes again.
      if (!navigator.onLine) {
        problem = new AdminError(0, 'offline', 'offline');
        break;
      }
      try {
        if (entry.kind === 'check-in') {
          await adminFetch(`/api/admin/rsvps/${encodeURIComponent(entry.rsvpId ?? '')}/check-in`, { method: 'POST' });
        } else {
          await adminFetch(`/api/admin/campaigns/${encodeURIComponent(entry.event)}/walk-ins`, jsonBody(entry.walkIn));
        }
        await this.#delete(entry.key);
        sent.push(entry);
      } catch (e) {
        const error = e instanceof AdminError ? e : new AdminError(0, 'offline', String(e));
        // Offline, a server error or a refused token: keep it and stop. A decided refusal (404, 422): drop it.
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
