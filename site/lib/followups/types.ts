/**
 * Follow-ups as the pages read them: the API's own types (schema/followup.ts, shared with the functions), under
 * the names the pages use. Types and constant lists only: no zod reaches the browser.
 */
import type {
  Assignments,
  Batch,
  ContactState,
  FollowupChannel,
  FollowupContact,
  FollowupDetail,
  NewFollowup,
  Outcome,
  RuleKind,
} from '../../../schema/followup.ts';

export type { ContactState, Outcome, RuleKind };
export type Channel = FollowupChannel;
export type { Followup } from '../../../schema/followup.ts';
export { RUNGS } from '../../../schema/funnel.ts';

// The lists again, checked against the schema's types: importing schema/followup.ts's values would bring zod
// into the page's script.
export const RULE_KINDS = [
  'rsvp-unconfirmed',
  'no-show',
  'came-twice',
  'inactive',
  'answer',
  'tag',
  'partner',
] as const satisfies readonly RuleKind[];
export const CHANNELS = ['call', 'text'] as const satisfies readonly Channel[];
export const OUTCOMES = [
  'talked',
  'left-message',
  'no-answer',
  'wrong-number',
  'do-not-call',
] as const satisfies readonly Outcome[];
export const CONTACT_STATES = [
  'queued',
  'messaged',
  'needs-reply',
  'conversation',
  'closed',
] as const satisfies readonly ContactState[];

/** The body of `POST /api/admin/followups`, as the form sends it (defaults filled). */
export type FollowupInput = Omit<NewFollowup, 'closesAt'> & { closesAt?: string };
export type Rule = NewFollowup['rule'];
export type Script = NewFollowup['script'];
export type ScriptQuestion = Script['questions'][number];
export type FollowupReport = FollowupDetail;
export type Contact = FollowupContact;
export type Assignment = Assignments['assignments'][number];
export type BatchView = Batch;
