/**
 * What the store is handed and hands back for one action, and the other records of its interface: plain data,
 * importing nothing of the store's own (store/types.ts adds the `Store` interface over them), so that no store file
 * imports another in a circle (test/functions/store-imports.test.ts).
 */
import type { CallInput, Contact, LetterInput, ResponseInput, SignatureInput } from '../../schema/actions.ts';
import type {
  DeadLetter,
  DeliveryHealth,
  EventRsvp,
  Funnel,
  OutboxEvent,
  RecruitNode,
  SupporterRecord,
} from '../../schema/admin.ts';

export type { DeadLetter, DeliveryHealth, EventRsvp, Funnel, OutboxEvent, RecruitNode, SupporterRecord };
/** What every recorded action carries, decided by the route before the store is called. */
interface ActionBase {
  campaign: string;
  /** The consent text the supporter saw: its version and SHA-256. */
  consent: { version: string; textHash: string };
  /** The `Origin` of the page the action came from; null from a server. */
  origin: string | null;
  /** Present when the client sent `Idempotency-Key`. */
  idempotency: { key: string; requestHash: string } | null;
  /** Campaigns the route may offer next; the store says which of them the supporter has done. */
  nextAskCandidates: string[];
  /**
   * The campaign asks for double opt-in: an action with a never-confirmed email is held until confirmed.
   * `always`: held until this very action is confirmed, whatever the email or the browser confirmed before (a
   * letter goes out in the person's name, and knowing an email proves nothing).
   */
  doubleOptIn?: boolean | 'always';
  /** SHA-256 of the key the widget keeps in its browser: a confirmed link lets that browser's later actions pass. */
  deviceHash?: string | null;
  /**
   * The abuse guard's pass for this submission (functions/guard/check.ts), recorded by the store before the action,
   * and kept whatever becomes of it: a resend after a failure is not checked (and counted) again.
   */
  guardPass?: TokenUse | null;
}

export interface SignatureRecord extends ActionBase {
  input: SignatureInput;
}

export interface ResponseRecord extends ActionBase {
  /** With answers already checked against the survey (`checkAnswers`). */
  input: ResponseInput;
  /** Tags earned by the answers and the "Would you help?" ask. */
  tags: string[];
}

export interface CallRecord extends ActionBase {
  input: CallInput;
}

export interface LetterRecord extends ActionBase {
  input: LetterInput;
  /** The supporter's targets, each with its email (null: a contact form, handed to the supporter). */
  targets: { id: string; address: string | null }[];
  /** Whether the supporter changed the suggestion (else `subject` and `text` are not stored: the campaign has them). */
  edited: boolean;
}

/** One target's letters, by state, and what its office chose. */
export interface LetterTotal {
  target: string;
  address: string | null;
  /** Sent on their own or in a digest. */
  delivered: number;
  /** For the sending window, the hourly cap or the day's digest. */
  waiting: number;
  bounced: number;
  /** Contact forms: given to the supporter to send, never counted delivered. */
  handed: number;
  /** Not sent: the office chose "stop", or the writer was erased first. */
  stopped: number;
  choice: 'digest' | 'stop' | null;
  bouncedAt: string | null;
}

/** A letter waiting for one target, as the sender needs it. */
export interface WaitingLetter {
  actionId: string;
  campaign: string;
  target: string;
  address: string;
  edited: boolean;
  createdAt: string;
  /** Null: erased (or past retention) before it left. `subject`/`text` null: the campaign's suggestion. */
  letter: {
    subject: string | null;
    text: string | null;
    givenName: string;
    familyName: string;
    email: string;
    postcode: string | null;
  } | null;
  choice: 'digest' | 'stop' | null;
  bounced: boolean;
}

/** The event's rules, for the store to decide confirmed or waitlisted. `''` is the whole event. */
export interface EventRules {
  capacity: Record<string, number | null>;
}

export interface RsvpRecord extends ActionBase {
  /** With the phone normalized to E.164. */
  input: {
    person: Contact;
    guests: number;
    shift?: string;
    consent: { contact: boolean; sms: boolean };
    referrer?: string;
    source?: string;
  };
  rules: EventRules;
  /** A host's walk-in: confirmed whatever the capacity; consent already given stays as it was. */
  walkIn?: boolean;
}

/** What happened, for the route to build its response from (inside the transaction). */
export interface ActionOutcome {
  actionId: string;
  /** Null for anonymous actions. */
  supporterId: string | null;
  /** Already recorded for this person: nothing was counted. */
  duplicate: boolean;
  /** The campaign's count after this action. */
  count: number;
  referralCode: string | null;
  /** Which of `nextAskCandidates` the supporter has already acted on. */
  done: Set<string>;
  /** Held for double opt-in: `actionId` is the held action's, nothing was counted yet. */
  pending?: boolean;
}

/** A double opt-in link followed: the held action is counted (once), or was already. */
export interface ConfirmOutcome extends ActionOutcome {
  campaign: string;
  /** Confirmed before (a second click, a mail scanner's visit): nothing was counted now. */
  already: boolean;
}

export interface CallOutcome extends ActionOutcome {
  outcomes: Record<string, number>;
}

export interface RsvpView {
  id: string;
  campaign: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  guests: number;
  /** `''` when the event has no shifts. */
  shift: string;
  token: string;
}

export interface RsvpOutcome extends ActionOutcome {
  rsvp: RsvpView;
  /** People (guests included) confirmed, by shift (`''`: the whole event). */
  taken: Record<string, number>;
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type RecordResult =
  | (StoredResponse & { replay: boolean })
  /** The idempotency key was used before with a different body. */
  | { mismatch: true };

export type Respond<O> = (outcome: O) => StoredResponse;

/** A render token serving a submission (functions/guard/); hashes only. */
export interface TokenUse {
  nonce: string;
  /** The submission's idempotency key (or a hash of its body): the same one again is a resend, not a new use. */
  key: string;
  /** Keyed hash of the normalized email, if any. */
  email: string | null;
  /** Milliseconds since the epoch. */
  at: number;
  /** When the record may go: after the token can no longer be used. */
  expiresAt: number;
  /**
   * A claim: recorded before the submission is let through (or when it is refused for rushing), so that the
   * submissions on one token see each other, concurrent ones too. It counts as a use; a resend under its key is
   * checked again (only a pass makes a resend).
   */
  claim?: boolean;
}

/** How a render token was used before this submission. */
export interface TokenUses {
  /** This submission was seen before with this token (a resend). */
  resend: boolean;
  /** Other submissions it served. */
  before: number;
  /** When the latest of them came (ms), or null. */
  lastAt: number | null;
  /** One of them had the same email: a captured request replayed under a new key. */
  sameEmail: boolean;
}

/**
 * The guard's rate-limit windows, counted in the round trip of its look (store/guard.ts `guardLook`), with the rules
 * of the token's reuse the look applies first (functions/guard/check.ts `checkReuse`): a submission it refuses or
 * lets through as a resend is not counted.
 */
export interface GuardCount {
  buckets: { key: string; windowMs: number }[];
  now: number;
  /** Other submissions on the token that use it up. */
  cap: number;
  /** The least time between two submissions on the token (0: no pace, a canvasser's batch). */
  minFillMs: number;
}

/** A rate-limit window after a hit: its hits, and when it ends (ms). */
export interface Hits {
  hits: number;
  resetAt: number;
}

/** An outbox event on its way to one sink. */
export interface Delivery {
  event: OutboxEvent;
  sink: string;
  /** Attempts before this one. */
  attempts: number;
}

/** One line of a campaign export. */
export type ExportRow = Record<
  | 'id'
  | 'kind'
  | 'createdAt'
  | 'givenName'
  | 'familyName'
  | 'email'
  | 'postcode'
  | 'phone'
  | 'rung'
  | 'comment'
  | 'details'
  | 'consentContact'
  | 'consentSms'
  | 'consentVersion'
  | 'rsvp'
  | 'guests'
  | 'shift'
  | 'attended'
  | 'source'
  | 'origin'
  | 'referrer',
  string
>;

/** One person of a campaign export (OSDI), whatever the number of their actions in it. */
export interface ExportPerson {
  supporterId: string;
  givenName: string;
  familyName: string;
  email: string | null;
  postcode: string | null;
  phone: string | null;
  rung: string;
  createdAt: string;
  modifiedAt: string;
  /** Their latest consent record in this campaign (null: none was asked). */
  consentContact: boolean | null;
  consentSms: boolean | null;
  /** Their actions in this campaign. */
  actions: number;
}
