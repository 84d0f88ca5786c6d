/**
 * Follow-ups (issue 12): call and text lists built from the ladder, worked by volunteers in leased batches.
 * Shared by the functions (validation of every body) and the site (the builder form, the volunteer's screen).
 * The API is described in README.md, "Follow-ups", and docs/followups-api.md.
 */
import * as z from 'zod';
import { RUNGS, type Rung } from './funnel.ts';
import { optionalLine, optionalText, requiredLine, typeError } from './text.ts';

export const CHANNELS = ['call', 'text'] as const;
export type FollowupChannel = (typeof CHANNELS)[number];

/**
 * Who is on the list. `rsvp-unconfirmed`: RSVP'd to `campaign` and did not confirm (no confirmed RSVP and no
 * attendance); `no-show`: RSVP'd to `campaign` (an event) and was not checked in; `came-twice`: attended two events
 * or more and stands below `volunteer`; `inactive`: no action in `days` days; `answer`: answered `question` with
 * `value` in survey `campaign` (the "Would you help?" question is `help`); `tag`: tagged `tag`; `partner`: came
 * through `partner` (an action's source).
 */
export const RULE_KINDS = [
  'rsvp-unconfirmed',
  'no-show',
  'came-twice',
  'inactive',
  'answer',
  'tag',
  'partner',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

const slug = z.string({ error: typeError }).trim().min(1, 'required').max(120, 'too_long');
const word = (max: number) => requiredLine(max);

export const Rule = z
  .object({
    kind: z.enum(RULE_KINDS, { error: 'invalid' }),
    campaign: slug.optional(),
    days: z.number({ error: 'invalid' }).int('invalid').min(1, 'invalid').max(3650, 'invalid').optional(),
    question: word(120).optional(),
    value: word(200).optional(),
    tag: word(80).optional(),
    partner: word(200).optional(),
  })
  .superRefine((rule, ctx) => {
    const needs: Record<RuleKind, (keyof typeof rule)[]> = {
      'rsvp-unconfirmed': ['campaign'],
      'no-show': ['campaign'],
      'came-twice': [],
      inactive: ['days'],
      answer: ['campaign', 'question', 'value'],
      tag: ['tag'],
      partner: ['partner'],
    };
    for (const field of needs[rule.kind]) {
      if (rule[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'required' });
    }
  });
export type Rule = z.infer<typeof Rule>;

export const Question = z.object({
  id: z
    .string({ error: typeError })
    .trim()
    .min(1, 'required')
    .max(60, 'too_long')
    .regex(/^[a-z0-9][a-z0-9_-]*$/i, 'invalid_characters'),
  label: word(200),
  options: z
    .array(z.object({ value: word(80), label: word(120), tag: optionalLine(80) }))
    .min(1, 'required')
    .max(12, 'too_long'),
});

/** Placeholders filled for each contact: `{firstName}`, `{event}`, `{sender}`, `{organization}`. */
export const PLACEHOLDERS = ['firstName', 'event', 'sender', 'organization'] as const;

export const Script = z.object({
  text: optionalText(1600).refine((s) => s !== undefined, 'required'),
  questions: z.array(Question).max(10, 'too_long').default([]),
  replies: z
    .array(z.object({ label: word(80), text: word(1600) }))
    .max(20, 'too_long')
    .default([]),
});

/** A time zone name the runtime knows (IANA, as `Intl` reads it: `America/Chicago`, `Europe/Madrid`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const NewFollowup = z.object({
  name: word(120),
  channel: z.enum(CHANNELS, { error: 'invalid' }),
  rule: Rule,
  script: Script,
  assignees: z.enum(['volunteers', 'team'], { error: 'invalid' }),
  batchSize: z.number({ error: 'invalid' }).int('invalid').min(1, 'invalid').max(100, 'invalid').default(25),
  closesAt: z.iso.datetime({ offset: true, error: 'invalid' }).optional(),
  /**
   * Texting hours (09:00-21:00) are kept in each contact's zone: a US contact's from their ZIP code (unless
   * `zoneByPostcode` is false), everyone else's this one; absent, the event's zone, else the site's.
   */
  timezone: z.string({ error: typeError }).trim().max(64, 'too_long').refine(isTimeZone, 'invalid').optional(),
  zoneByPostcode: z.boolean({ error: 'invalid' }).default(true),
});
export type NewFollowup = z.infer<typeof NewFollowup>;

export const PatchFollowup = z.object({ closed: z.literal(true, { error: 'invalid' }) });

export const OUTCOMES = ['talked', 'left-message', 'no-answer', 'wrong-number', 'do-not-call'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const key = z.string({ error: typeError }).trim().min(8, 'invalid').max(100, 'too_long');

export const OutcomeInput = z.object({
  idempotencyKey: key,
  outcome: z.enum(OUTCOMES, { error: 'invalid' }),
  answers: z.record(z.string().max(60), z.string().max(80)).optional(),
  note: optionalText(2000),
  tags: z.array(word(80)).max(20, 'too_long').optional(),
  rung: z.enum(RUNGS, { error: 'invalid' }).optional(),
});
export type OutcomeInput = z.infer<typeof OutcomeInput>;

export const MessageInput = z.object({
  idempotencyKey: key,
  /** Absent: the script (the first message must be the script: it names the sender and the organization). */
  body: optionalText(1600),
});
export type MessageInput = z.infer<typeof MessageInput>;

export const CONTACT_STATES = ['queued', 'messaged', 'needs-reply', 'conversation', 'closed'] as const;
export type ContactState = (typeof CONTACT_STATES)[number];

export interface FollowupMessage {
  direction: 'out' | 'in';
  body: string;
  at: string;
}

/** A contact as a worker sees it: nothing else of the person. */
export interface FollowupContact {
  id: string;
  firstName: string;
  /** What they did, in one line. */
  summary: string;
  /** The script with the placeholders filled. */
  script: string;
  /** E.164, for `tel:` and texts. */
  phone: string;
  state: ContactState;
  suggestedRung: Rung;
  /** When the lease on this contact ends. */
  leaseEndsAt: string;
  messages?: FollowupMessage[];
}

export interface Followup {
  id: string;
  name: string;
  channel: FollowupChannel;
  rule: Rule;
  script: z.infer<typeof Script>;
  assignees: 'volunteers' | 'team';
  batchSize: number;
  closesAt: string | null;
  closedAt: string | null;
  createdAt: string;
  createdBy: string;
  /** The zone texting hours are kept in for contacts whose postcode gives none (null: the event's, else the site's). */
  timezone: string | null;
  /** A US contact's zone comes from their ZIP code. */
  zoneByPostcode: boolean;
}

export interface OutcomeCounts {
  talked: number;
  leftMessage: number;
  noAnswer: number;
  wrongNumber: number;
  doNotCall: number;
}

export interface FollowupFigures {
  /** On the list now (consented on the channel, not opted out). */
  eligible: number;
  /** Match the rule but gave no consent for the channel (or withdrew it): never contacted. */
  unreachable: number;
  queued: number;
  messaged: number;
  needsReply: number;
  conversation: number;
  closed: number;
  outcomes: OutcomeCounts;
  textsSent: number;
  replied: number;
  optedOut: number;
  /** What the contacted did within 14 days of their first contact. */
  conversions: { rsvps: number; attended: number; rungMoves: number };
}

export interface VolunteerFigures {
  accountId: string;
  name: string;
  reached: number;
  talked: number;
  textsSent: number;
  replied: number;
  optedOut: number;
}

/** `GET /api/admin/followups` */
export interface FollowupList {
  followups: (Followup & { figures: FollowupFigures })[];
}

/** `GET /api/admin/followups/:id` */
export interface FollowupDetail {
  followup: Followup;
  figures: FollowupFigures;
  volunteers: VolunteerFigures[];
}

/** `GET /api/admin/assignments`: follow-ups the caller may work, and how many contacts they hold. */
export interface Assignments {
  assignments: {
    id: string;
    name: string;
    channel: FollowupChannel;
    held: number;
    /** Contacts waiting in the pool. */
    available: number;
    batchSize: number;
    closesAt: string | null;
  }[];
}

/** Batch routes answer the caller's held contacts. */
export interface Batch {
  followup: { id: string; name: string; channel: FollowupChannel; script: z.infer<typeof Script> };
  contacts: FollowupContact[];
  leaseEndsAt: string | null;
}

/** Texting hours in the contact's time zone: from 09:00 to 21:00. */
export const TEXTING_HOURS = { from: 9, to: 21 } as const;
