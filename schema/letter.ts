/**
 * Letters to the people with power (`kind: letter`): the call kind's targets (by postcode, or a fixed list), each
 * with an email address the server delivers to, or an official contact form the supporter is sent to with the
 * letter ready to paste. The suggested subject and letter, and how much the supporter may (or must) change them.
 */
import * as z from 'zod';
import { required, strict } from './authoring.ts';
import { Target } from './call.ts';

/**
 * The longest subject and letter a supporter may send. Here, not in limits.ts: that module ships in every widget's
 * shared chunk, and only the letter's widget needs these.
 */
export const LETTER_LIMITS = { subject: 200, letter: 10000 };

export const EDITING = ['none', 'optional', 'required'] as const;
export type Editing = (typeof EDITING)[number];

/**
 * A letter's target: as a call's (name, title, areas), but phones are optional and it needs an `email` (the
 * server delivers) or a `contactForm` (the supporter is sent there).
 */
export const LetterTarget = Target.extend({ phones: z.array(Target.shape.phones.element).default([]) }).refine(
  (target) => target.email || target.contactForm,
  'give the target an email: (delivered by the server) or a contactForm: (the official web form)',
);
export type LetterTarget = z.output<typeof LetterTarget>;

/** When and how fast mail goes to each target, in the target's own time zone. */
const sending = strict({
  /** The campaign's sending address (`From:`, with the supporter's name as display name). */
  from: z.email('from: must be an email address, like letters@campaign.example'),
  /** The targets' time zone when a target has none (`timezone:`), e.g. America/Chicago. */
  timezone: z.string().default('UTC'),
  /** Days mail may arrive, 1 (Monday) to 7 (Sunday). */
  days: z.array(z.int().min(1).max(7)).default([1, 2, 3, 4, 5]),
  /** Hours mail may arrive, [from, until) in the target's time: 9 to 17 is 9:00 to 16:59. */
  hours: z.tuple([z.int().min(0).max(23), z.int().min(1).max(24)]).default([9, 17]),
  /** Letters per target address per hour; the rest wait for the next hour, never dropped. */
  perHour: z.int().min(1).default(20),
  /**
   * When at least this share of a target's waiting letters are the unedited suggestion (and there are at least
   * `digestMin` of them), they go as one daily digest instead of copies. `1.01` never digests.
   */
  digestShare: z.number().min(0).default(0.5),
  digestMin: z.int().min(1).default(10),
});

export const LetterSection = strict(
  {
    /** The suggested subject; `{target}` and `{title}` become the target's name and role. */
    subject: required('write the suggested subject:'),
    /** The suggested letter, with `{target}` and `{title}` as in `subject`. */
    text: required('write the suggested letter as text:'),
    /** `none`: sent as written; `optional`: the supporter may change it; `required`: a letter of their own. */
    editing: z.enum(EDITING, { error: `editing: must be one of ${EDITING.join(', ')}` }).default('optional'),
    targets: z.array(LetterTarget).default([]),
    targetsFile: z.string().optional(),
    postcodes: z.record(z.string(), z.array(z.string())).default({}),
    areaNames: z.record(z.string(), z.string()).default({}),
    sending,
  },
  'add a letter: section with subject:, text:, sending: { from: } and targets: (or targetsFile:)',
).refine((letter) => letter.targets.length || letter.targetsFile, 'list targets: or give a targetsFile:');
export type LetterSection = z.output<typeof LetterSection>;

export { edited, fillLetter, ownWords, ownWordsNeeded } from './letter-text.ts';
