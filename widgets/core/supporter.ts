/**
 * Who the supporter is, shared by the widgets on one page so that someone who signed one petition is not asked
 * to type their name again in the next. Only with their consent (the "remember me on this device" box), and only
 * on their device.
 *
 * The store lives in module scope, never on `window`: the host page is not ours and its scripts should not read
 * the supporter's details. It is written to localStorage only when the page is the campaign's own site (page
 * origin = API origin); on a partner's page, localStorage belongs to the partner, so the store lasts for the page.
 */
import { atom } from 'nanostores';

export interface Supporter {
  givenName: string;
  familyName: string;
  email: string;
  postcode: string;
}

const KEY = 'ladder:supporter';

export const $supporter = atom<Supporter | null>(null);

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
