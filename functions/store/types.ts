/**
 * The store speaks the domain, not rows. One contract suite (test/functions/store.contract.ts) runs against every
 * implementation; an adapter is done when it passes. The records it takes and gives are in records.ts.
 */
import type { CampaignFigures } from '../../schema/campaign.ts';
import type { Rung } from '../../schema/funnel.ts';
import type { SupporterExport } from './access.ts';
import type { RetentionCutoff, SweepCounts } from './retention.ts';
import type { PruneCounts, PruneOptions } from './prune.ts';
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
  ActionOutcome,
  CallOutcome,
  ConfirmOutcome,
  CallRecord,
  Delivery,
  EventRules,
  ExportPerson,
  ExportRow,
  LetterRecord,
  LetterTotal,
  RecordResult,
  Respond,
  ResponseRecord,
  RsvpOutcome,
  RsvpRecord,
  RsvpView,
  SignatureRecord,
  TokenUse,
  TokenUses,
  GuardCount,
  Hits,
  WaitingLetter,
} from './records.ts';

export type * from './records.ts';
export type { DeadLetter, DeliveryHealth, EventRsvp, Funnel, OutboxEvent, RecruitNode, SupporterRecord };
export type { RetentionCutoff, SupporterExport, SweepCounts };

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
  /** Deletes delivered (or erased) events, old dead letters and idempotency records past their days (store/prune.ts). */
  pruneOutbox(options: PruneOptions, at: Date): Promise<PruneCounts>;
  /**
   * A lease on a job that must not run twice at once across instances (the letters' sender): true when `holder`
   * now holds `name` until `now + ms` (it was free, ran out, or was already `holder`'s: renewed).
   */
  takeLease(name: string, holder: string, now: number, ms: number): Promise<boolean>;
  /** Ends `holder`'s lease on `name` (nothing if another holds it). */
  releaseLease(name: string, holder: string): Promise<void>;
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
  hit(buckets: { key: string; windowMs: number }[], now: number): Promise<Hits[]>;
  /** How a render token was used before this submission. */
  tokenUses(use: TokenUse): Promise<TokenUses>;
  /** Records a render token's use by a submission that passed every check (or its claim, `use.claim`). */
  useToken(use: TokenUse): Promise<void>;
  /** Records the submission's claim (`useToken` with `claim`), then how the token was used, the claim included. */
  claimToken(use: TokenUse): Promise<TokenUses>;
  /**
   * `recorded` and `tokenUses` in one read (null uses: no token); with `count`, one more `hit` in its windows in
   * the same round trip, only when the key was not recorded, it is not a resend and the token's reuse rules pass
   * (`hits`; null: not counted).
   */
  guardLook(
    campaign: string,
    key: string | null,
    use: TokenUse | null,
    count?: GuardCount,
  ): Promise<{ recorded: boolean; uses: TokenUses | null; hits: Hits[] | null }>;
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
