/**
 * Organizer work done on a device with no signal, kept in IndexedDB until the server has it: the host's check-ins
 * and walk-ins (`CheckInQueue`), a volunteer's call outcomes (site/lib/followups/queue.ts). The queue empties
 * itself when the connection comes back (the `online` event, and a retry timer for connections that come back
 * without one), oldest first. Each entry is sent so that a retry after a lost answer counts once (check-in is
 * idempotent on the server, a walk-in RSVPs by email, an outcome carries its idempotency key).
 *
 * Not the widgets' `Outbox` (widgets/core/outbox.ts): that one posts without credentials by design (it runs on
 * partner pages); these requests carry the organizer's session or token, read at send time and never stored here.
 */
import { AdminError, adminFetch, jsonBody } from './api.ts';

export interface Entry {
  /** Unique per entry: the same key queued twice is one entry. */
  key: string;
  created: number;
}

export type QueueListener<T extends Entry> = (entries: T[], sent: T[], problem?: AdminError) => void;

const RETRY = 15_000;

export const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

export class AdminQueue<T extends Entry> {
  #db: Promise<IDBDatabase | null>;
  #storeName: string;
  #sendOne: (entry: T) => Promise<unknown>;
  #memory = new Map<string, T>();
  #listeners = new Set<QueueListener<T>>();
  #flushing?: Promise<void>;
  #timer?: ReturnType<typeof setTimeout>;

  /** `send` makes the entry's request; it throws an `AdminError` when the server does not take it. */
  constructor(database: string, storeName: string, send: (entry: T) => Promise<unknown>) {
    this.#storeName = storeName;
    this.#sendOne = send;
    this.#db = (async () => {
      try {
        const open = indexedDB.open(database, 1);
        open.onupgradeneeded = () => open.result.createObjectStore(storeName, { keyPath: 'key' });
        return await request(open);
      } catch {
        return null; // Storage blocked: the queue lasts as long as the page.
      }
    })();
    addEventListener('online', () => void this.flush());
  }

  async #store(mode: IDBTransactionMode): Promise<IDBObjectStore | null> {
    const db = await this.#db;
    return db ? db.transaction(this.#storeName, mode).objectStore(this.#storeName) : null;
  }

  async entries(): Promise<T[]> {
    const store = await this.#store('readonly');
    const all = store ? await request(store.getAll() as IDBRequest<T[]>) : [...this.#memory.values()];
    return all.sort((a, b) => a.created - b.created);
  }

  listen(listener: QueueListener<T>): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async add(entry: Omit<T, 'created'>): Promise<void> {
    const full = { ...entry, created: Date.now() } as T;
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

  /** Forgets everything queued on this device (at sign-out: nothing of the account's work outlives the session). */
  async clear(): Promise<void> {
    const store = await this.#store('readwrite');
    if (store) await request(store.clear());
    this.#memory.clear();
  }

  /**
   * At sign-out: sends what waits, then forgets the rest only if `lose(n)` agrees to lose the n entries that could
   * not go (offline); true when the session may end.
   */
  async leave(lose: (left: number) => boolean): Promise<boolean> {
    await this.flush();
    const left = (await this.entries()).length;
    if (left && !lose(left)) return false;
    await this.clear();
    return true;
  }

  /** Sends what is queued, oldest first, one request at a time; a second call waits for the running one. */
  flush(): Promise<void> {
    this.#flushing ??= this.#send().finally(() => (this.#flushing = undefined));
    return this.#flushing;
  }

  async #send(): Promise<void> {
    clearTimeout(this.#timer);
    const sent: T[] = [];
    let problem: AdminError | undefined;
    for (const entry of await this.entries()) {
      // The browser knows it is offline: do not send (behind a service worker a request could even slip through
      // while the device says offline); the `online` event flushes again.
      if (!navigator.onLine) {
        problem = new AdminError(0, 'offline', 'offline');
        break;
      }
      try {
        await this.#sendOne(entry);
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

export interface Queued extends Entry {
  /** A check-in's key is `check-in:<rsvp id>`, so tapping twice queues once. */
  event: string;
  kind: 'check-in' | 'walk-in';
  /** The RSVP to check in. */
  rsvpId?: string;
  /** A walk-in's details, as `POST /api/admin/campaigns/<slug>/walk-ins` takes them. */
  walkIn?: { person: { givenName: string; familyName: string; email: string }; guests: number };
}

/** The host's check-ins and walk-ins. */
export class CheckInQueue extends AdminQueue<Queued> {
  constructor(name = 'ladder-checkin') {
    super(name, 'queue', (entry) =>
      entry.kind === 'check-in'
        ? adminFetch(`/api/admin/rsvps/${encodeURIComponent(entry.rsvpId ?? '')}/check-in`, { method: 'POST' })
        : adminFetch(`/api/admin/campaigns/${encodeURIComponent(entry.event)}/walk-ins`, jsonBody(entry.walkIn)),
    );
  }

  /** What waits, for one event or all. */
  override async entries(event?: string): Promise<Queued[]> {
    return (await super.entries()).filter((e) => !event || e.event === event);
  }
}
