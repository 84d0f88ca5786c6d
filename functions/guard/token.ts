/**
 * The render token: proof that a submission comes from a form this server handed out, and when.
 *
 * `<issued ms>.<min fill ms>.<nonce>.<mac>`, the MAC an HMAC-SHA256 (Web Crypto: Node and Workers alike) over the
 * campaign's slug and the rest, keyed by the server's secret. The min fill time travels in the token so that the
 * widget, which measures its own elapsed time from when it received the token (no clock to agree on), knows how
 * long to hold a submission made sooner (autofill + Enter) instead of letting the server refuse it.
 */

const encoder = new TextEncoder();

export const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

export const fromBase64url = (text: string): Uint8Array<ArrayBuffer> | null => {
  if (!/^[\w-]+$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    // Not base64 at all (a length no encoder makes): not ours.
    return null;
  }
};

/** The HMAC key for a secret, imported once. */
export const macKey = (secret: string): Promise<CryptoKey> =>
  crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);

/** A keyed hash for the counters' buckets: the same input gives the same key, and no address is stored. */
export async function keyedHash(key: CryptoKey, value: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(`bucket\n${value}`)))).slice(
    0,
    22,
  );
}

export async function issueToken(key: CryptoKey, slug: string, now: number, minFillMs: number): Promise<string> {
  const body = `${now}.${minFillMs}.${base64url(crypto.getRandomValues(new Uint8Array(12)))}`;
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${slug}\n${body}`));
  return `${body}.${base64url(new Uint8Array(mac))}`;
}

export interface VerifiedToken {
  issued: number;
  minFillMs: number;
  nonce: string;
}

/** The token's contents if this server signed it for this campaign (constant-time check); otherwise null. */
export async function verifyToken(key: CryptoKey, slug: string, token: string): Promise<VerifiedToken | null> {
  const parts = token.split('.');
  if (parts.length !== 4 || !/^\d{1,15}$/.test(parts[0]) || !/^\d{1,9}$/.test(parts[1])) return null;
  const mac = fromBase64url(parts[3]);
  if (!mac || !parts[2]) return null;
  const signed = encoder.encode(`${slug}\n${parts.slice(0, 3).join('.')}`);
  if (!(await crypto.subtle.verify('HMAC', key, mac, signed))) return null;
  return { issued: Number(parts[0]), minFillMs: Number(parts[1]), nonce: parts[2] };
}
