/**
 * The store speaks the domain, not rows. One contract suite (test/functions/store.contract.ts) runs against every
 * implementation; an adapter is done when it passes.
 */
import type { CallInput, Contact, LetterInput, ResponseInput, SignatureInput } from '../../schema/actions.ts';
import type { CampaignFigures } from '../../schema/campaign.ts';
import type { Rung } from '../../schema/funnel.ts';
import type { SupporterExport } from './access.ts';
import type { RetentionCutoff, SweepCounts } from './retention.ts';
import type { Listening } from './results.ts';
import type { TeamStore } from './team.ts';
import type { FollowupStore } from './followup-store.ts';
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
export type { RetentionCutoff, SupporterExport, SweepCounts };

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

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** The organizing team: accounts, sessions, passkeys, API tokens, the audit log (store/team.ts). */
  readonly team: TeamStore;
  /** Follow-ups: call and text lists built from the ladder, worked in leased batches (issue 12). */
  readonly followups: FollowupStore;
  /**
   * Each `record…` runs in one transaction: replays an idempotency key or refuses it for another body; upserts the
   * supporter (by normalized email); inserts the action (a second signature or response by the same email is a
   * duplicate); records consent and tags; writes an outbox event; stores the response under the idempotency key.
   */
  recordSignature(record: SignatureRecord, respond: Respond<ActionOutcome>): Promise<RecordResult>;
  recordResponse(record: ResponseRecord, respond: Respond<ActionOutcome>): Promise<RecordResult>;
  recordCall(record: CallRecord, respond: Respond<CallOutcome>): Promise<RecordResult>;
  /** One per person and campaign (double opt-in holds it); its deliveries to each target are written with it. */
  recordLetter(record: LetterRecord, respond: Respond<ActionOutcome>): Promise<RecordResult>;
  letterTotals(campaign: string): Promise<LetterTotal[]>;
  waitingLetters(limit: number): Promise<WaitingLetter[]>;
  markLetters(
    letters: { actionId: string; target: string }[],
    status: 'sent' | 'digested' | 'bounced' | 'stopped' | 'withdrawn',
    messageId: string | null,
    error: string | null,
    now: Date,
  ): Promise<void>;
  /** Letters sent to `address` since `since`, and when its last digest went. */
  letterLog(address: string, since: Date): Promise<{ recent: number; lastDigest: string | null }>;
  setLetterChoice(address: string, choice: 'digest' | 'stop', now: Date): Promise<void>;
  /** A bounce or complaint about a letter's Message-ID; a hard one stops mail to its address. False: unknown. */
  letterBounce(messageId: string, kind: 'hard' | 'soft' | 'complaint', reason: string, now: Date): Promise<boolean>;
  /**
   * RSVPs hold capacity under concurrency; the same email again changes nothing (its manage link is emailed to the
   * person) and is answered as a new RSVP.
   */
  recordRsvp(record: RsvpRecord, respond: Respond<RsvpOutcome>): Promise<RecordResult>;
  rsvpByToken(token: string): Promise<RsvpView | null>;
  /** A fresh manage link's token for a message about the RSVP (only its hash is kept). Null: the RSVP is gone. */
  manageToken(rsvpId: string): Promise<string | null>;
  /**
   * Changes guests or shift, or reopens a cancelled RSVP (at the back of the queue); moves to the waitlist (or off
   * it) as capacity allows. Null: unknown token.
   */
  changeRsvp(token: string, change: { guests?: number; shift?: string }, rules: EventRules): Promise<RsvpView | null>;
  /** Cancels, and confirms people from the waitlist into the freed places, first come first served. */
  cancelRsvp(token: string, rules: EventRules): Promise<RsvpView | null>;
  /** Each campaign's count: signatures, responses, calls, or people confirmed for an event. */
  counts(): Promise<Map<string, number>>;
  count(campaign: string): Promise<number>;
  /** Places taken per shift, calls per outcome. */
  figures(campaign: string): Promise<CampaignFigures>;
  /** The outbox's events (but erased supporters'), oldest first. */
  outboxEvents(limit: number): Promise<OutboxEvent[]>;
  /**
   * Events due for `sink` (never delivered to it, not dead, next attempt due), oldest first, leased for `leaseMs`:
   * another dispatcher claiming meanwhile does not get them. Events of erased supporters are never handed out.
   */
  claimDeliveries(sink: string, limit: number, leaseMs: number): Promise<Delivery[]>;
  markDelivered(sink: string, eventId: string): Promise<void>;
  /** A failed attempt: try again at `retryAt`, or dead-letter it (`retryAt` null) with the reason. */
  markFailed(sink: string, eventId: string, error: string, retryAt: Date | null): Promise<void>;
  /** Claimed events that were not tried (never attempted) become due again at once. */
  releaseDeliveries(sink: string, eventIds: string[]): Promise<void>;
  /**
   * Takes the sink's next free moment to send (epoch ms, `now` or later) and moves it `gapMs` on: every dispatcher
   * on this database shares one pace per sink (outbox/throttle.ts), however many instances run.
   */
  paceSink(sink: string, gapMs: number, now: number): Promise<number>;
  deadLetters(limit: number): Promise<DeadLetter[]>;
  /** Makes dead (or pending) deliveries of the event due now again, for one sink or all. Returns how many. */
  redeliver(eventId: string, sink?: string): Promise<number>;
  deliveryHealth(sinks: string[]): Promise<DeliveryHealth[]>;
  /** Queues the `kind` reminder (`day_before`, `day_of`, `after`) for every RSVP not yet sent it; how many. */
  remind(campaign: string, kind: string): Promise<number>;
  funnel(): Promise<Funnel>;
  supporterByEmail(email: string): Promise<SupporterRecord | null>;
  /**
   * Erases a person from the store, the outbox and future exports; counts stay. False: nobody by that email. The
   * places their RSVPs held go to the waitlist, under `rulesOf` the event's rules (null: nobody is promoted).
   */
  eraseSupporter(email: string, rulesOf: (campaign: string) => EventRules | null): Promise<boolean>;
  setRung(supporterId: string, rung: Rung | null): Promise<boolean>;
  exportRows(campaign: string): Promise<ExportRow[]>;
  /** A campaign's people, one each, in the order they first came to Ladder; `supporterId`: only that person. */
  exportPeople(
    campaign: string,
    page: { offset: number; limit: number; supporterId?: string },
  ): Promise<{ total: number; people: ExportPerson[] }>;
  eventRsvps(campaign: string): Promise<EventRsvp[]>;
  recruitment(limit: number): Promise<RecruitNode[]>;
  tagSupporter(supporterId: string, add: string[], remove: string[]): Promise<boolean>;
  /** Actions per page origin: a coalition's partners and their shares. */
  shares(campaign: string): Promise<{ origin: string | null; count: number }[]>;
  /** Attendance, by the manage link's token or by the RSVP's id (host check-in). */
  checkIn(by: { token: string } | { id: string }): Promise<{ campaign: string; already: boolean } | null>;
  /** Abuse defenses (functions/store/guard.ts): the secret `name`, or `fresh` kept as it the first time. */
  guardSecret(name: string, fresh: string): Promise<string>;
  /** A submission under this idempotency key was recorded already: a resend is answered from the record. */
  recorded(campaign: string, key: string): Promise<boolean>;
  /** One more hit in each bucket's current fixed window; the hits after it and when each window ends (ms). */
  hit(buckets: { key: string; windowMs: number }[], now: number): Promise<{ hits: number; resetAt: number }[]>;
  /** How a render token was used before this submission. */
  tokenUses(use: TokenUse): Promise<TokenUses>;
  /** Records a render token's use by a submission that passed every check (or its claim, `use.claim`). */
  useToken(use: TokenUse): Promise<void>;
  /**
   * Double opt-in: counts the action held under this link's token (once, however often it is followed) and vouches
   * for the browser that sent it. Null: no such token, or it expired. `candidates`: next asks, for `done`.
   */
  confirmAction(token: string, candidates: string[]): Promise<ConfirmOutcome | null>;
  /** The person's latest word on `channel` is a withdrawal (store/consent.ts): send them nothing more on it. */
  consentWithdrawn(supporterId: string, channel: 'email' | 'sms'): Promise<boolean>;
  /** The token of the person's unsubscribe link for `channel`, the same in every message. */
  unsubscribeToken(supporterId: string, channel: 'email' | 'sms'): Promise<string>;
  /**
   * Records a withdrawal of consent (a new record; consents keep their history) and a `consent.withdrawn` event.
   * False: no such link, or nobody with this phone number.
   */
  withdrawConsent(
    by: { token: string } | { phone: string },
    source: 'link' | 'one-click' | 'sms-stop',
  ): Promise<boolean>;
  /** Everything held about one supporter (the right of access). Null: no such supporter. */
  supporterExport(supporterId: string): Promise<SupporterExport | null>;
  /** Queues an email with a short-lived link to their data for a known email; does nothing for an unknown one. */
  requestAccess(email: string): Promise<void>;
  /** The data behind an access link's token; null when unknown or expired. */
  exportByToken(token: string): Promise<SupporterExport | null>;
  /** Retention: takes the person out of actions past their cutoff, deletes who is left with none; batched. */
  sweep(cutoffs: RetentionCutoff[], now: Date): Promise<SweepCounts>;
  /** Listening results: a survey's figures, open answers and themes (store/results.ts). */
  readonly listening: Listening;
  close(): Promise<void>;
}
