/** Building blocks for text fields: one place decides what a name, an email or a comment may contain. */
import * as z from 'zod';
import { LIMITS, POSTCODE_PATTERN } from './limits.ts';

/** Control characters (C0, DEL, C1). Multi-line fields allow tab and newlines. */
/* eslint-disable no-control-regex -- finding control characters is the point */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
/* eslint-enable no-control-regex */

/** `undefined` means the field was left out: "required"; anything else of the wrong type is "invalid". */
export const typeError = (iss: { input?: unknown }) => (iss.input === undefined ? 'required' : 'invalid');

/**
 * Free text stored as given (markup, emoji and right-to-left text are fine; it is always rendered escaped),
 * but never control characters or lone surrogates, which no database or CSV should receive.
 */
function text(max: number, multiline: boolean) {
  const control = multiline ? CONTROL_MULTILINE : CONTROL;
  return z
    .string({ error: typeError })
    .trim()
    .max(max, 'too_long')
    .refine((s) => !control.test(s) && s.isWellFormed(), 'invalid_characters');
}

/** A required single line of text: a name. */
export const requiredLine = (max: number) => text(max, false).refine((s) => s.length > 0, 'required');

/** An optional single line; an empty string counts as absent. */
export const optionalLine = (max: number) =>
  text(max, false)
    .optional()
    .transform((s) => s || undefined);

/** An optional multi-line text: a comment. */
export const optionalText = (max: number) =>
  text(max, true)
    .optional()
    .transform((s) => s || undefined);

/** An email address, normalized (trimmed, lower-cased) so that the same person matches across actions. */
export const email = z
  .string({ error: typeError })
  .trim()
  .toLowerCase()
  .min(1, 'required')
  .max(LIMITS.email, 'too_long')
  .check(z.email({ error: 'invalid_email' }));

/** A postcode, upper-cased with single spaces, as postal services print them. */
export const postcode = z
  .string({ error: typeError })
  .trim()
  .min(1, 'required')
  .max(LIMITS.postcode, 'too_long')
  .regex(new RegExp(`^${POSTCODE_PATTERN}$`), 'invalid_postcode')
  .transform((s) => s.toUpperCase().replace(/\s+/g, ' '));
