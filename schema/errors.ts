/**
 * Error codes: the only thing clients branch on. The widget maps each code to text in the supporter's language;
 * nothing parses `message`, which is English for people reading API responses by hand.
 */

/**
 * The honeypot field of every action's body (schema/actions.ts `guardFields`), here because the widgets render
 * it and may import this module (it imports nothing). Bots fill fields called `website`; browsers have no
 * autofill type for it, and the widget also marks it `autocomplete="off"`.
 */
export const HONEYPOT = 'website';

/** Request-level error codes and the HTTP status each one answers with. */
export const ERRORS = {
  /** The body failed validation; `fields` says where. */
  invalid_input: 422,
  /** The body is not JSON, or not an object. */
  invalid_json: 400,
  /** The request is not `Content-Type: application/json`. */
  unsupported_media_type: 415,
  /** The body is larger than `BODY_LIMITS.body`. */
  payload_too_large: 413,
  /** No campaign with this slug. */
  not_found: 404,
  /** The campaign no longer accepts actions. */
  campaign_closed: 409,
  /** The page's origin is not on the campaign's partner allow-list. */
  forbidden_origin: 403,
  /** The same idempotency key was sent with a different body. */
  idempotency_mismatch: 422,
  /** Missing or wrong admin token. */
  unauthorized: 401,
  /** Redelivery to a sink that is not configured (a typo would otherwise do nothing); `message` lists those that are. */
  unknown_sink: 404,
  /** Signed in, but this role may not do this (functions/middleware/admin.ts), or a cross-site request. */
  forbidden: 403,
  /** Too many requests; see `Retry-After`. */
  rate_limited: 429,
  /** Sent sooner after the form was shown than a person can fill it; see `Retry-After` (functions/guard/). */
  too_fast: 429,
  /** The render token is missing, too old or used up: fetch the campaign again for a fresh `token` and resend. */
  token_expired: 403,
  /** The render token was not issued by this server for this campaign: reload the page. */
  token_invalid: 403,
  /** Prove a person is there: `captcha` says with which provider; resend with the provider's answer. */
  captcha_required: 403,
  /** The CAPTCHA provider could not be reached; see `Retry-After`. Nothing was recorded. */
  captcha_unavailable: 503,
  /** This server sends no email, so it cannot send the link asked for (`POST /api/me/export`). Nothing was kept. */
  email_unavailable: 503,
  /** The database is busy or its connection dropped; nothing was kept. Resend after `Retry-After`, same key. */
  unavailable: 503,
  /** A follow-up text outside 09:00-21:00 in the contact's time zone; `message` is in the caller's language. */
  outside_texting_hours: 409,
  /** The person opted out of this channel (STOP, "do not call"): they are never contacted on it again. */
  opted_out: 409,
  /** Our fault. The submission may be retried with the same idempotency key. */
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERRORS;

/**
 * Field-level issue codes. Schemas attach them as the zod issue message (`{ error: 'required' }`), the API returns
 * them in `error.codes`, and the widget translates them.
 */
export const FIELD_ISSUES = {
  required: 'This field is required.',
  invalid_email: 'Enter an email address like name@example.org.',
  invalid_postcode: 'Enter a valid postcode.',
  invalid_phone: 'Enter a phone number with its area code, like +1 415 555 0100.',
  too_long: 'This is too long.',
  invalid_characters: 'This contains characters that are not allowed.',
  invalid: 'This value is not valid.',
  disposable_email: 'Use an email address you keep, not a disposable one.',
} as const;

export type FieldIssue = keyof typeof FIELD_ISSUES;

export const isFieldIssue = (value: string): value is FieldIssue => Object.hasOwn(FIELD_ISSUES, value);

/**
 * Issues of one kind of ask only: its own widget carries their words, so the others (and their byte budgets) need
 * not. `too_similar`: a letter that must be the supporter's own is too close to the suggestion.
 */
export const KIND_ISSUES = {
  too_similar: 'Write the letter in your own words: change more of the suggested text.',
} as const;

/** Every issue the API may name. */
export type ApiFieldIssue = FieldIssue | keyof typeof KIND_ISSUES;

/** The body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    /** English, for people; clients use `code`. */
    message: string;
    /** Field path (`person.email`) to an English message. Present for `invalid_input`. */
    fields?: Record<string, string>;
    /**
     * Field path to a `FieldIssue` code, for clients to translate; a kind's own widget may also get its kind's
     * `KIND_ISSUES`, which it knows.
     */
    codes?: Record<string, FieldIssue>;
    /** With `captcha_required`: the challenge to show; `script` when not the provider's own (tests, a proxy). */
    captcha?: { provider: 'turnstile' | 'hcaptcha'; siteKey: string; script?: string };
  };
}
