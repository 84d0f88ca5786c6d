/**
 * Building blocks for campaign files. Messages here are read by organizers in a failed build: each says what to
 * write instead.
 */
import * as z from 'zod';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Ids of questions, options, shifts and targets: what organizers type, kept URL- and CSV-safe. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** A misspelled field would otherwise vanish silently (`dealine:`): every object refuses keys it does not know. */
export const strict = <T extends z.core.$ZodLooseShape>(shape: T, missing?: string) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}: check the spelling (the README lists every field)`
        : missing,
  });

/** A required text field whose one message serves both "missing" and "empty". */
export const required = (message: string) => z.string({ error: message }).min(1, message);

export const slug = z
  .string()
  .regex(SLUG_PATTERN, 'must be a campaign slug: lower-case letters, digits and dashes, like save-the-library');

export const id = (what: string) =>
  z.string({ error: `give the ${what} an id` }).regex(ID_PATTERN, `the ${what} id must be letters, digits, - or _`);

/** A choice: `Rent` (value and label alike) or `{ value: rent, label: I rent }`. */
export const option = z
  .union([z.string().min(1), strict({ value: id('option'), label: required('give the option a label') })], {
    error: 'an option is a text, or value: and label:',
  })
  .transform((o) => (typeof o === 'string' ? { value: o, label: o } : o));
export type Option = z.output<typeof option>;

/**
 * An issue's message for an organizer: the schema's own sentence, or for a field missing where the schema has none
 * (zod's "Invalid input: expected string, received undefined", which says nothing an organizer can act on) the
 * build's sentence for a missing field (site/content.config.ts says it for every missing field).
 */
export const MISSING = 'is missing: add it to the frontmatter';
export const issueMessage = (issue: z.core.$ZodIssue): string =>
  issue.code === 'invalid_type' && issue.input === undefined && issue.message.startsWith('Invalid input')
    ? MISSING
    : issue.message;
