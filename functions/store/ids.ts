/**
 * Identifiers and hashes. Random bytes from web-standard crypto; SHA-256 from `node:crypto`, which Node, Vercel,
 * Netlify and Workers (`nodejs_compat`, deploy/cloudflare/wrangler.jsonc) all have, as outbox/webhook.ts's HMAC does.
 */
import { createHash } from 'node:crypto';

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

let lastMs = 0;
let sequence = 0;

/**
 * A UUIDv7 (RFC 9562): the millisecond first, then a 12-bit sequence within the millisecond, then 62 random bits.
 * Ids sort in the order this process made them, so "ORDER BY created_at, id" is the order things happened even
 * when two land in the same millisecond (random v4 ids made a timeline's order a coin toss there), and PostgreSQL's
 * indexes grow at one end.
 */
export function newId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    // 4096 ids in one millisecond: borrow the next one, still in order.
    if (++sequence > 0xfff) [ms, sequence] = [ms + 1, 0];
  } else sequence = 0;
  lastMs = ms;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(ms / 2 ** (8 * (5 - i))) % 256;
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Hex SHA-256 of the text's UTF-8. `createHash` costs ~2-3 µs a call where `crypto.subtle.digest` took 24-29 µs
 * of CPU (its promise and copies): some 10% of a signature's server time went here (issue 14's profile).
 */
export async function sha256(text: string): Promise<string> {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
