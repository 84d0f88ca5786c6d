/**
 * Follow-ups as the pages read them: the contract of `docs/followups-api.md` (the server's routes). Kept here, as
 * plain types, until the pages import them from `schema/followup.ts`.
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
export const CHANNELS = ['call', 'text'] as const;
export type Channel = (typeof CHANNELS)[number];
export const OUTCOMES = ['talked', 'left-message', 'no-answer', 'wrong-number', 'do-not-call'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const CONTACT_STATES = ['queued', 'messaged', 'needs-reply', 'conversation', 'closed'] as const;
export type ContactState = (typeof CONTACT_STATES)[number];
export const RUNGS = ['contact', 'supporter', 'participant', 'volunteer', 'leader'] as const;

export interface Rule {
  kind: RuleKind;
  campaign?: string;
  days?: number;
  question?: string;
  value?: string;
  tag?: string;
  partner?: string;
}

export interface ScriptQuestion {
  id: string;
  label: string;
  options: { value: string; label: string; tag?: string }[];
}

export interface Script {
  text: string;
  questions: ScriptQuestion[];
  replies: { label: string; text: string }[];
}

export interface FollowupInput {
  name: string;
  channel: Channel;
  rule: Rule;
  script: Script;
  assignees: 'volunteers' | 'team';
  batchSize?: number;
  closesAt?: string;
}

export interface Followup extends FollowupInput {
  id: string;
  createdAt?: string;
  closed?: boolean;
  closedAt?: string | null;
}

export interface Figures {
  eligible: number;
  unreachable: number;
  queued: number;
  messaged: number;
  needsReply: number;
  conversation: number;
  closed: number;
  outcomes: { talked: number; leftMessage: number; noAnswer: number; wrongNumber: number; doNotCall: number };
  textsSent: number;
  replied: number;
  optedOut: number;
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

export interface FollowupReport {
  followup: Followup;
  figures: Figures;
  volunteers: VolunteerFigures[];
}

export interface Message {
  direction: 'out' | 'in';
  body: string;
  at: string;
}

export interface Contact {
  id: string;
  firstName: string;
  summary: string;
  script: string;
  phone: string;
  state: ContactState;
  suggestedRung?: string;
  messages?: Message[];
}

/** One of `GET /api/admin/assignments`: a follow-up this account may work. */
export interface Assignment {
  id: string;
  name: string;
  channel: Channel;
  script?: Script;
  /** Contacts left to take, when the server says. */
  remaining?: number;
  held?: number;
}
