/** Identifiers and hashes, with web-standard crypto only (the functions run on serverless platforms too). */

/** Crockford-like base32 without look-alikes, for codes people read and type. */
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** A referral code: 8 characters, ~39 bits; collisions are retried by the unique index. */
export function referralCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/** A secret link token (an RSVP's manage link): 24 characters, ~119 bits. */
export function token(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

export const newId = (): string => crypto.randomUUID();

export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
