/**
 * The check-in list kept on this device, for a door with no connection. The service worker caches no admin answer
 * (scripts/service-worker.ts): a cached answer served to any request would open the list to any token. The page
 * keeps the last list it fetched in IndexedDB, encrypted (AES-GCM) with a key derived from the token that fetched
 * it (PBKDF2), so only that token opens it: offline, a wrong token decrypts nothing, and nobody reads names and
 * emails from the device's storage. Signing out deletes it (`forgetSavedLists`).
 */
import { request } from './queue.ts';
import type { RsvpRow } from './types.ts';

const DB = 'ladder-checkin-lists';
const STORE = 'lists';
/** The service worker's cache of check-in lists before this module existed: emptied at start and at sign-out. */
const LEGACY_CACHE = 'ladder-checkin-lists';
// OWASP's figure for PBKDF2-HMAC-SHA256: an admin token may be a short phrase an organizer chose.
const ITERATIONS = 600_000;
const AES = { name: 'AES-GCM', length: 256 };

interface Saved {
  event: string;
  salt: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

let db: Promise<IDBDatabase | null> | undefined;
const open = async (): Promise<IDBObjectStore | null> => {
  db ??= (async () => {
    try {
      const opening = indexedDB.open(DB, 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: 'event' });
      return await request(opening);
    } catch {
      return null; // Storage blocked: nothing is kept, and the list needs the connection.
    }
  })();
  return (await db)?.transaction(STORE, 'readwrite').objectStore(STORE) ?? null;
};

/** Deriving takes a moment on a phone: once per token and salt in a page's life. */
let derived: { token: string; salt: Uint8Array; key: Promise<CryptoKey> } | undefined;
function keyFor(token: string, salt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  if (derived?.token !== token || derived.salt !== salt) {
    const key = crypto.subtle
      .importKey('raw', new TextEncoder().encode(token), 'PBKDF2', false, ['deriveKey'])
      .then((material) =>
        crypto.subtle.deriveKey(
          { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: ITERATIONS },
          material,
          AES,
          false,
          ['encrypt', 'decrypt'],
        ),
      );
    derived = { token, salt, key };
  }
  return derived.key;
}

/**
 * Keeps the list the server gave for this token (the server has just proved the token); `event` names it (an event's
 * slug, or `followup:<id>` for a volunteer's batch, site/lib/followups/).
 */
export async function saveList<T = RsvpRow[]>(token: string, event: string, rsvps: T): Promise<void> {
  const salt =
    derived?.token === token ? (derived.salt as Uint8Array<ArrayBuffer>) : crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(rsvps));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await keyFor(token, salt), plain);
  const store = await open();
  if (store) await request(store.put({ event, salt, iv, data } satisfies Saved));
}

/** The list saved for this event if this token saved it, else `null` (none saved, or another token). */
export async function savedList<T = RsvpRow[]>(token: string, event: string): Promise<T | null> {
  const store = await open();
  const saved = store && ((await request(store.get(event))) as Saved | undefined);
  if (!saved) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: saved.iv },
      await keyFor(token, saved.salt),
      saved.data,
    );
    return JSON.parse(new TextDecoder().decode(plain)) as T;
  } catch {
    return null; // Not this token's: AES-GCM refuses to decrypt with another key.
  }
}

/** Signing out: no list stays on the device, in this page's storage or in the service worker's old cache. */
export async function forgetSavedLists(): Promise<void> {
  derived = undefined;
  // The key a signed-in account's lists are kept under (checkin.ts).
  localStorage.removeItem('ladder-session-list-key');
  const store = await open();
  if (store) await request(store.clear());
  await dropLegacyCache();
}

/** Lists an older service worker cached by URL alone (served to any token): gone at the first visit. */
export async function dropLegacyCache(): Promise<void> {
  await globalThis.caches?.delete(LEGACY_CACHE).catch(() => false);
}
