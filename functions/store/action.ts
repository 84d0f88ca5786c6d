/**
 * A signature, a survey response, a call or a letter: its whole path through the store, top to bottom.
 *
 * 1. On PostgreSQL, unless it may be held for double opt-in, one statement does everything below, in the database
 *    (`ladder_action`, migration 15, called by one-trip.ts): one round trip instead of ~13.
 * 2. Otherwise one transaction: the idempotency key first (steps.ts `idempotent`: a replay is answered from the
 *    outcome stored under it), then the action is held for double opt-in (`hold`) or recorded (`act`): supporter,
 *    action, consent, tags, rung, counters, outbox event, the count and the next asks already done.
 *
 * A held action keeps the JS path on PostgreSQL: it is the rare case (a campaign that asks for double opt-in), and
 * the hold writes a hashed link token and a message that the confirmation (privacy.ts) reads back in Node.
 */
import type { Db, Tx } from './db.ts';
import { writeEvent, writeMessage } from './events.ts';
import { newId, sha256, token } from './ids.ts';
import { callBase, oneTrip, passFirst } from './one-trip.ts';
import type { ActionOutcome, RecordResult, Respond } from './records.ts';
import {
  type ActionRecord,
  addTags,
  bump,
  counter,
  doneAmong,
  idempotent,
  kinds,
  OUTCOME,
  outcomes,
  type Person,
  recordConsent,
  updateRung,
  upsertSupporter,
} from './steps.ts';

export interface ActionSpec {
  kind: 'signature' | 'response' | 'call' | 'letter';
  /** The id to give the action: a held (double opt-in) action keeps the id its first answer gave. */
  id?: string;
  /** When the consent was given, if before now: a held action's submission (its confirmation is `now`). */
  consentAt?: string;
  person: Person | null;
  referrer?: string;
  source?: string;
  comment?: string | null;
  details?: Record<string, unknown>;
  /** Whether they agreed to be contacted; null records no consent (an anonymous call). */
  contact: boolean | null;
  tags?: string[];
  /** Counters to bump when the action is new; the first is the campaign's count. */
  counters: string[];
  payload: Record<string, unknown>;
}

/** How long a confirmation link works; after it the held action is deleted by the retention sweep. */
export const CONFIRM_TTL_MS = 7 * 24 * 3600_000;

/** Sharded counters on PostgreSQL, so that concurrent transactions do not queue on one row; SQLite has one. */
export const shardsOf = (db: Pick<Db, 'dialect'>) => (db.dialect === 'postgres' ? 16 : 1);

/** A call is never held: it names nobody to a target, and its person is optional. */
const mayHold = (record: ActionRecord, spec: ActionSpec) =>
  !!record.doubleOptIn && !!spec.person && spec.kind !== 'call';

export async function recordAction<O extends ActionOutcome>(
  db: Db,
  record: ActionRecord,
  spec: ActionSpec,
  respond: Respond<O>,
): Promise<RecordResult> {
  if (db.dialect === 'postgres' && !mayHold(record, spec))
    return oneTrip(db, record, respond, actionCall(record, spec));
  await passFirst(db, record);
  return db.transaction((tx) =>
    idempotent(
      tx,
      record,
      async () => ((mayHold(record, spec) && (await hold(tx, record, spec))) || (await act(db, tx, record, spec))) as O,
      respond,
    ),
  );
}

/**
 * Holds the action when the campaign asks for double opt-in and this email was never confirmed from this browser;
 * null: it may be recorded now.
 */
async function hold(tx: Tx, record: ActionRecord, spec: ActionSpec): Promise<ActionOutcome | null> {
  const { email, givenName } = spec.person!;
  const device = record.deviceHash ?? null;
  // `always` (a letter, sent in the person's name): held until this very action is confirmed.
  const known =
    record.doubleOptIn !== 'always' &&
    device &&
    (await tx.get('SELECT 1 AS known FROM confirmed_devices WHERE email = ? AND device_hash = ?', email, device));
  if (known) return null;
  const now = new Date();
  const id = newId();
  const secret = token();
  const held = { consent: record.consent, origin: record.origin, spec };
  await tx.run(
    `INSERT INTO pending_actions (id, token_hash, campaign, kind, email, record, created_at, expires_at, device_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id,
    await sha256(secret),
    record.campaign,
    spec.kind,
    email,
    JSON.stringify(held),
    now.toISOString(),
    new Date(now.getTime() + CONFIRM_TTL_MS).toISOString(),
    device,
  );
  await writeMessage(
    tx,
    'confirmation.requested',
    record.campaign,
    null,
    { pendingId: id, action: spec.kind, person: { givenName: givenName ?? '', email }, token: secret },
    now.toISOString(),
  );
  return {
    actionId: id,
    supporterId: null,
    duplicate: false,
    pending: true,
    count: await counter(tx, record.campaign, spec.counters[0]),
    referralCode: null,
    done: new Set(),
  };
}

/** Records the action (a confirmed held one too, privacy.ts): every step, in the transaction `tx`. */
export async function act(db: Db, tx: Tx, record: ActionRecord, spec: ActionSpec): Promise<ActionOutcome> {
  const now = new Date().toISOString();
  const supporter = spec.person ? await upsertSupporter(tx, spec.person, spec.referrer, now) : null;
  const supporterId = supporter?.id ?? null;
  const inserted = await tx.get(
    `INSERT INTO actions (id, campaign, kind, supporter_id, comment, details, referrer_id, source, origin, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
    spec.id ?? newId(),
    record.campaign,
    spec.kind,
    supporterId,
    spec.comment ?? null,
    spec.details ? JSON.stringify(spec.details) : null,
    supporter?.referrerId ?? null,
    spec.source ?? null,
    record.origin,
    now,
  );
  let actionId: string;
  if (inserted) {
    actionId = String(inserted.id);
    if (spec.contact !== null) await recordConsent(tx, actionId, record, spec.contact, false, spec.consentAt ?? now);
    if (supporterId && spec.tags?.length) await addTags(tx, supporterId, spec.tags, record.campaign, now);
    if (supporterId) await updateRung(tx, supporterId, now);
    for (const kind of spec.counters) await bump(tx, record.campaign, kind, 1, shardsOf(db));
    await writeEvent(
      tx,
      `${spec.kind}.created`,
      record.campaign,
      {
        actionId,
        supporterId,
        ...spec.payload,
        // A known supporter as on file: what this request said of them changed nothing (store/steps.ts).
        ...(supporter?.known ? { person: supporter.person } : {}),
        ...eventTail(record, spec),
      },
      now,
    );
  } else {
    const existing = await tx.get(
      'SELECT id FROM actions WHERE campaign = ? AND supporter_id = ? AND kind = ?',
      record.campaign,
      supporterId,
      spec.kind,
    );
    actionId = String(existing?.id);
  }
  const outcome: ActionOutcome = {
    actionId,
    supporterId,
    duplicate: !inserted,
    count: await counter(tx, record.campaign, spec.counters[0]),
    referralCode: supporter?.referralCode ?? null,
    done: await doneAmong(tx, supporterId, record.nextAskCandidates),
  };
  // A call's answer shows the calls so far by outcome.
  if (spec.kind !== 'call') return outcome;
  return { ...outcome, outcomes: outcomes(await kinds(tx, record.campaign, [OUTCOME])) } as ActionOutcome;
}

/** What an action's `<kind>.created` event says after the action and the person. */
export const eventTail = (record: ActionRecord, spec: ActionSpec) => ({
  consent: spec.contact === null ? null : { contact: spec.contact, ...record.consent },
  referrer: spec.referrer ?? null,
  source: spec.source ?? null,
  origin: record.origin,
});

/** The argument of `ladder_action` (migration 15) for this action: ids drawn here, the rest as `act` has it. */
function actionCall(record: ActionRecord, spec: ActionSpec) {
  return {
    ...callBase(record),
    kind: spec.kind,
    id: newId(),
    supporterId: newId(),
    eventId: newId(),
    person: spec.person,
    referrer: spec.referrer ?? null,
    source: spec.source ?? null,
    comment: spec.comment ?? null,
    details: spec.details ?? null,
    contact: spec.contact,
    tags: spec.tags ?? [],
    counters: spec.counters,
    shards: 16,
    payload: spec.payload,
    event: eventTail(record, spec),
  };
}
