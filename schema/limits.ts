/**
 * Field limits and patterns shared by the zod schemas (server, site) and the widgets' native constraints.
 *
 * The widgets cannot ship zod (see STACK.md: 25 KB gzip for a signature schema), so this module holds the
 * numbers both sides need and imports nothing. `test/schema/limits.test.ts` checks that the JSON Schema that
 * zod emits for the signature input agrees with these values, so they cannot drift apart.
 */

/** Languages a widget can speak, by `lang` attribute. The first is the fallback. */
export const LANGS = ['en', 'es', 'fr', 'ar'] as const;
export type Lang = (typeof LANGS)[number];

export const LIMITS = {
  /** A given or family name, after trimming. */
  name: 100,
  /** RFC 5321 caps a forward path at 254 characters. */
  email: 254,
  /** The longest postcodes in use (with spaces or dashes) are 10 characters; leave room for odd formats. */
  postcode: 16,
  /** A petition comment. */
  comment: 2000,
  /** A referral code. */
  referrer: 32,
  /** A free-form source tag (utm-like), e.g. `newsletter-june`. */
  source: 64,
  /** An idempotency key (a UUID is 36). */
  idempotencyKey: 128,
  /** A phone number as typed, before normalization to E.164. */
  phone: 32,
  /** A survey answer in text. */
  answer: 5000,
  /** Responses in one canvasser sync. */
  batch: 50,
} as const;

/**
 * Request bodies, in bytes: the server's alone, apart from `LIMITS`, which every widget carries in its shared chunk
 * (every byte there is paid by every supporter).
 */
export const BODY_LIMITS = {
  /** The whole request body of an ask. */
  body: 16 * 1024,
  /** A canvasser's batch of responses. */
  batchBody: 512 * 1024,
  /** A campaign file saved from the editor. */
  campaignBody: 1024 * 1024,
} as const;

/**
 * A postcode: letters, digits, spaces and dashes, starting with a letter or digit.
 * Country-specific checks are left to the campaign's targets (issue 3); this only keeps out garbage.
 */
export const POSTCODE_PATTERN = '[A-Za-z0-9][A-Za-z0-9 \\-]{1,15}';
