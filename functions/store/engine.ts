/**
 * The store, written once over `Db` (db.ts) for SQLite and PostgreSQL alike. Every action is one transaction:
 * idempotency, supporter, action, consent, tags, counters, outbox event, stored outcome (action.ts); on PostgreSQL,
 * one statement (one-trip.ts).
 */
import type { CampaignFigures } from '../../schema/campaign.ts';
import type { Rung } from '../../schema/funnel.ts';
import { type Db, readJson, readTime } from './db.ts';
import { recordAction } from './action.ts';
import * as access from './access.ts';
import * as consent from './consent.ts';
import { confirmAction } from './privacy.ts';
import { oneTrip, passFirst, rsvpCall } from './one-trip.ts';
import { type PruneOptions, pruneOutbox } from './prune.ts';
import { type RetentionCutoff, sweep } from './retention.ts';
import { idempotent, kinds, ORIGIN, OUTCOME, outcomes, shares } from './steps.ts';
import * as guard from './guard.ts';
import * as admin from './admin.ts';
import * as letters from './letters.ts';
import * as outbox from './outbox.ts';
import { type Listening, listening } from './results.ts';
import { TeamStore } from './team.ts';
import { FollowupStore } from './followup-store.ts';
import { cancelRsvp, changeRsvp, manageToken, recordRsvp, remind, rsvpByToken, takenPlaces } from './rsvps.ts';
import type {
  ActionOutcome,
  CallOutcome,
  CallRecord,
  EventRules,
  LetterRecord,
  OutboxEvent,
  RecordResult,
  Respond,
  ResponseRecord,
  RsvpOutcome,
  RsvpRecord,
  RsvpView,
  SignatureRecord,
  TokenUse,
  GuardCount,
} from './records.ts';
import type { Store } from './types.ts';

export class SqlStore implements Store {
  readonly #db: Db;
  readonly team: TeamStore;
  readonly listening: Listening;
  readonly followups: FollowupStore;

  constructor(db: Db) {
    this.#db = db;
    this.team = new TeamStore(db);
    this.followups = new FollowupStore(db);
    this.listening = listening(db);
  }

  get dialect() {
    return this.#db.dialect;
  }

  // Each action's path reads top to bottom in action.ts (an RSVP's in rsvps.ts); these only say what it records.
  recordSignature(record: SignatureRecord, respond: Respond<ActionOutcome>): Promise<RecordResult> {
    const { person, comment, consent, referrer, source } = record.input;
    return recordAction(
      this.#db,
      record,
      {
        kind: 'signature',
        person,
        referrer,
        source,
        comment,
        contact: consent.contact,
        counters: ['signature'],
        payload: { person, comment: comment ?? null },
      },
      respond,
    );
  }

  recordResponse(record: ResponseRecord, respond: Respond<ActionOutcome>): Promise<RecordResult> {
    const { person, answers, help, consent, canvass, referrer, source } = record.input;
    return recordAction(
      this.#db,
      record,
      {
        kind: 'response',
        person: person ?? null,
        referrer,
        source,
        details: { answers, help, canvass: canvass ?? null },
        contact: person ? consent.contact : null,
        tags: record.tags,
        counters: ['response', ...(help.length ? ['response:help'] : [])],
        payload: { person: person ?? null, answers, help, tags: record.tags, canvass: canvass ?? null },
      },
      respond,
    );
  }

  recordCall(record: CallRecord, respond: Respond<CallOutcome>): Promise<RecordResult> {
    const { person, target, outcome, postcode, consent, referrer, source } = record.input;
    return recordAction(
      this.#db,
      record,
      {
        kind: 'call',
        person: person ?? null,
        referrer,
        source,
        details: { target, outcome, postcode },
        contact: person && consent ? consent.contact : null,
        counters: ['call', `call:${outcome}`],
        payload: { person: person ?? null, target, outcome, postcode },
      },
      respond,
    );
  }

  recordLetter(record: LetterRecord, respond: Respond<ActionOutcome>): Promise<RecordResult> {
    const { person, area, subject, text, consent, referrer, source } = record.input;
    const { targets, edited } = record;
    return recordAction(
      this.#db,
      record,
      {
        kind: 'letter',
        person,
        referrer,
        source,
        // `targets` and `edited` are read by the trigger that writes the deliveries (migration 10).
        details: { area: area ?? null, targets, edited, ...(edited ? { subject, text } : {}) },
        contact: consent.contact,
        counters: ['letter'],
        payload: { person, targets: targets.map(({ id }) => id), edited },
      },
      respond,
    );
  }

  letterTotals(campaign: string) {
    return letters.letterTotals(this.#db, campaign);
  }

  waitingLetters(limit: number) {
    return letters.waitingLetters(this.#db, limit);
  }

  markLetters(
    list: { actionId: string; target: string }[],
    status: 'sent' | 'digested' | 'bounced' | 'stopped' | 'withdrawn',
    messageId: string | null,
    error: string | null,
    now: Date,
  ) {
    return letters.markLetters(this.#db, list, status, messageId, error, now);
  }

  letterLog(address: string, since: Date) {
    return letters.addressLog(this.#db, address, since);
  }

  setLetterChoice(address: string, choice: 'digest' | 'stop', now: Date) {
    return letters.setLetterChoice(this.#db, address, choice, now);
  }

  letterBounce(messageId: string, kind: 'hard' | 'soft' | 'complaint', reason: string, now: Date) {
    return letters.letterBounce(this.#db, messageId, kind, reason, now);
  }

  async recordRsvp(record: RsvpRecord, respond: Respond<RsvpOutcome>): Promise<RecordResult> {
    if (this.#db.dialect === 'postgres') return oneTrip(this.#db, record, respond, await rsvpCall(record));
    await passFirst(this.#db, record);
    return this.#db.transaction((tx) => idempotent(tx, record, () => recordRsvp(tx, record), respond));
  }

  rsvpByToken(token: string): Promise<RsvpView | null> {
    return rsvpByToken(this.#db, token);
  }

  manageToken(rsvpId: string): Promise<string | null> {
    return manageToken(this.#db, rsvpId);
  }

  changeRsvp(token: string, change: { guests?: number; shift?: string }, rules: EventRules): Promise<RsvpView | null> {
    return this.#db.transaction((tx) => changeRsvp(tx, token, change, rules));
  }

  cancelRsvp(token: string, rules: EventRules): Promise<RsvpView | null> {
    return this.#db.transaction((tx) => cancelRsvp(tx, token, rules));
  }

  async counts(): Promise<Map<string, number>> {
    const rows = await this.#db.all(`SELECT campaign, SUM(n) AS n FROM (${COUNTED}) counted GROUP BY campaign`);
    return new Map(rows.map((row) => [String(row.campaign), Number(row.n)]));
  }

  async count(campaign: string): Promise<number> {
    const row = await this.#db.get(`SELECT SUM(n) AS n FROM (${COUNTED}) counted WHERE campaign = ?`, campaign);
    return Number(row?.n ?? 0);
  }

  async figures(campaign: string): Promise<CampaignFigures> {
    // Calls by outcome and actions by origin are both counters: one statement reads them, on every page load.
    const counted = await kinds(this.#db, campaign, [OUTCOME, ORIGIN]);
    return { taken: await takenPlaces(this.#db, campaign), outcomes: outcomes(counted), shares: shares(counted) };
  }

  async outboxEvents(limit: number): Promise<OutboxEvent[]> {
    const rows = await this.#db.all(
      'SELECT id, type, campaign, payload, created_at FROM outbox WHERE erased_at IS NULL ORDER BY seq LIMIT ?',
      limit,
    );
    return rows.map((row) => ({
      id: String(row.id),
      type: String(row.type),
      campaign: String(row.campaign),
      payload: readJson(row.payload),
      createdAt: readTime(row.created_at),
    }));
  }

  claimDeliveries(sink: string, limit: number, leaseMs: number) {
    return outbox.claimDeliveries(this.#db, sink, limit, leaseMs);
  }

  markDelivered(sink: string, eventId: string) {
    return outbox.markDelivered(this.#db, sink, eventId);
  }

  markFailed(sink: string, eventId: string, error: string, retryAt: Date | null) {
    return outbox.markFailed(this.#db, sink, eventId, error, retryAt);
  }

  releaseDeliveries(sink: string, eventIds: string[]) {
    return outbox.releaseDeliveries(this.#db, sink, eventIds);
  }

  paceSink(sink: string, gapMs: number, now: number) {
    return outbox.paceSink(this.#db, sink, gapMs, now);
  }

  pruneOutbox(options: PruneOptions, at: Date) {
    return pruneOutbox(this.#db, options, at);
  }

  takeLease(name: string, holder: string, now: number, ms: number) {
    return outbox.takeLease(this.#db, name, holder, now, ms);
  }

  releaseLease(name: string, holder: string) {
    return outbox.releaseLease(this.#db, name, holder);
  }

  deadLetters(limit: number) {
    return outbox.deadLetters(this.#db, limit);
  }

  redeliver(eventId: string, sink?: string) {
    return outbox.redeliver(this.#db, eventId, sink);
  }

  deliveryHealth(sinks: string[]) {
    return outbox.deliveryHealth(this.#db, sinks);
  }

  remind(campaign: string, kind: string) {
    return remind(this.#db, campaign, kind);
  }

  funnel() {
    return admin.funnel(this.#db);
  }

  supporterByEmail(email: string) {
    return admin.supporterByEmail(this.#db, email);
  }

  eraseSupporter(email: string, rulesOf: (campaign: string) => EventRules | null) {
    return admin.eraseSupporter(this.#db, email, rulesOf);
  }

  setRung(supporterId: string, rung: Rung | null) {
    return admin.setRung(this.#db, supporterId, rung);
  }

  exportRows(campaign: string) {
    return admin.exportRows(this.#db, campaign);
  }

  exportPeople(campaign: string, page: { offset: number; limit: number; supporterId?: string }) {
    return admin.exportPeople(this.#db, campaign, page);
  }

  eventRsvps(campaign: string) {
    return admin.eventRsvps(this.#db, campaign);
  }

  recruitment(limit: number) {
    return admin.recruitment(this.#db, limit);
  }

  tagSupporter(supporterId: string, add: string[], remove: string[]) {
    return admin.tagSupporter(this.#db, supporterId, add, remove);
  }

  async shares(campaign: string) {
    return shares(await kinds(this.#db, campaign, [ORIGIN]));
  }

  checkIn(by: { token: string } | { id: string }) {
    return admin.checkIn(this.#db, by);
  }

  confirmAction(token: string, candidates: string[]) {
    return confirmAction(this.#db, token, candidates);
  }

  consentWithdrawn(supporterId: string, channel: consent.Channel) {
    return consent.consentWithdrawn(this.#db, supporterId, channel);
  }

  unsubscribeToken(supporterId: string, channel: consent.Channel) {
    return consent.unsubscribeToken(this.#db, supporterId, channel);
  }

  withdrawConsent(by: { token: string } | { phone: string }, source: consent.WithdrawalSource) {
    return consent.withdrawConsent(this.#db, by, source);
  }

  supporterExport(supporterId: string) {
    return access.supporterExport(this.#db, supporterId);
  }

  requestAccess(email: string) {
    return access.requestAccess(this.#db, email);
  }

  exportByToken(token: string) {
    return access.exportByToken(this.#db, token);
  }

  sweep(cutoffs: RetentionCutoff[], now: Date) {
    return sweep(this.#db, cutoffs, now);
  }

  guardSecret(name: string, fresh: string) {
    return guard.guardSecret(this.#db, name, fresh);
  }

  recorded(campaign: string, key: string) {
    return guard.recorded(this.#db, campaign, key);
  }

  hit(buckets: { key: string; windowMs: number }[], now: number) {
    return guard.hit(this.#db, buckets, now);
  }

  tokenUses(use: TokenUse) {
    return guard.tokenUses(this.#db, use);
  }

  useToken(use: TokenUse) {
    return guard.useToken(this.#db, use);
  }

  guardLook(campaign: string, key: string | null, use: TokenUse | null, count?: GuardCount) {
    return guard.guardLook(this.#db, campaign, key, use, count);
  }

  claimToken(use: TokenUse) {
    return guard.claimToken(this.#db, use);
  }

  async close(): Promise<void> {
    await this.followups.settled();
    return this.#db.close();
  }
}

/**
 * What a campaign's count counts: signatures, responses, calls, and people (guests too) confirmed for events,
 * the RSVPs past retention included (`rsvp`: their rows are gone, their people counted here).
 */
const COUNTED = `SELECT campaign, count AS n FROM counts WHERE kind IN ('signature', 'response', 'call', 'letter', 'rsvp')
  UNION ALL SELECT campaign, 1 + guests AS n FROM rsvps WHERE status = 'confirmed'`;
