/** A signature, a survey response or a call, inside its transaction: the steps every one of them takes. */
import type { Db, Tx } from './db.ts';
import { writeEvent } from './events.ts';
import { newId } from './ids.ts';
import {
  type ActionRecord,
  addTags,
  bump,
  counter,
  doneAmong,
  type Person,
  recordConsent,
  updateRung,
  upsertSupporter,
} from './steps.ts';
import type { ActionOutcome } from './records.ts';

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

export async function action(db: Db, tx: Tx, record: ActionRecord, spec: ActionSpec): Promise<ActionOutcome> {
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
    for (const kind of spec.counters) await bump(tx, record.campaign, kind, 1, db.dialect === 'postgres' ? 16 : 1);
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
        consent: spec.contact === null ? null : { contact: spec.contact, ...record.consent },
        referrer: spec.referrer ?? null,
        source: spec.source ?? null,
        origin: record.origin,
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
  return {
    actionId,
    supporterId,
    duplicate: !inserted,
    count: await counter(tx, record.campaign, spec.counters[0]),
    referralCode: supporter?.referralCode ?? null,
    done: await doneAmong(tx, supporterId, record.nextAskCandidates),
  };
}
