/**
 * Who the supporter is, shared by the widgets on one page so that someone who signed one petition is not asked
 * to type their name again in the next. Only with their consent (the "remember me on this device" box), and only
 * on their device.
 *
 * The store lives in module scope, never on `window`: the host page is not ours and its scripts should not read
 * the supporter's details. It is written to localStorage only when the page is the campaign's own site (page
 * origin = API origin); on a partner's page, localStorage belongs to the partner, so the store lasts for the page.
 */

export interface Supporter {
  givenName: string;
  familyName: string;
  email: string;
  postcode: string;
}

const KEY = 'ladder:supporter';

type Listener = (supporter: Supporter | null) => void;
const listeners = new Set<Listener>();
let current: Supporter | null = null;

/**
 * The remembered supporter, with a nanostores atom's `get`, `set` and `subscribe` (it was one). This is all of it
 * that widgets need; the atom's batching and lifecycle cost 0.3 KB gzip in every widget's budget.
 */
export const $supporter = {
  get: (): Supporter | null => current,
  set(supporter: Supporter | null): void {
    if (supporter === current) return;
    current = supporter;
    for (const listener of listeners) listener(supporter);
  },
  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    listener(current);
    return () => void listeners.delete(listener);
  },
};

/** True on the campaign's own site: the only place where we may use localStorage. Browser only. */
const ownSite = (api: string): boolean => new URL(api, location.href).origin === location.origin;

let loaded = false;

/** Reads a remembered supporter from localStorage, once per page, on the campaign's own site. Browser only. */
export function loadSupporter(api: string): void {
  if (loaded || !ownSite(api)) return;
  loaded = true;
  try {
    const saved = localStorage.getItem(KEY);
    if (saved && !$supporter.get()) $supporter.set(JSON.parse(saved) as Supporter);
  } catch {
    // Storage blocked or garbled: start empty.
  }
}

/** Remembers the supporter (`null`: forgets them, here and in localStorage). Browser only. */
export function rememberSupporter(supporter: Supporter | null, api: string): void {
  $supporter.set(supporter);
  if (!ownSite(api)) return;
  try {
    if (supporter) localStorage.setItem(KEY, JSON.stringify(supporter));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage full or blocked: the page-long store still works.
  }
}
