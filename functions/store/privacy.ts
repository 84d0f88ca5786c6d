/**
 * Double opt-in, inside the store. A held action waits in `pending_actions` (counted nowhere, on nobody's ladder,
 * sent to no CRM) until its link is followed; the link's token exists only in the email, the store keeps its SHA-256.
 */
import { action, type ActionSpec } from './action.ts';
import { type Db, readJson, readTime, type Tx } from './db.ts';
import { newId, sha256, token } from './ids.ts';
import { type ActionRecord, counter, doneAmong } from './steps.ts';
import type { ActionOutcome, ConfirmOutcome } from './types.ts';

/** How long a confirmation link works; after it the held action is deleted by the retention sweep. */
export const CONFIRM_TTL_MS = 7 * 24 * 3600_000;

/** A message for one sink only (email): the link's token never goes to a CRM's webhook. */
export async function writeMessage(
  tx: Tx,
  type: string,
  campaign: string,
  supporterId: string | null,
  payload: Record<string, unknown>,
  now: string,
) {
  await tx.run(
    `INSERT INTO outbox (id, type, campaign, supporter_id, payload, created_at, only_sink) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    newId(),
    type,
    campaign,
    supporterId,
    JSON.stringify({ ...payload, createdAt: now }),
    now,
    'email',
  );
}

/** Records the action, or holds it when the campaign asks for double opt-in and the email was never confirmed. */
export async function actOrHold(db: Db, tx: Tx, record: ActionRecord, spec: ActionSpec): Promise<ActionOutcome> {
  if (!record.doubleOptIn || !spec.person) return action(db, tx, record, spec);
  const { email, givenName } = spec.person;
  const known = await tx.get('SELECT confirmed_at FROM supporters WHERE email = ?', email);
  if (known?.confirmed_at && record.doubleOptIn !== 'always') return action(db, tx, record, spec);
  const now = new Date();
  const id = newId();
  const secret = token();
  const held = { consent: record.consent, origin: record.origin, spec };
  await tx.run(
    `INSERT INTO pending_actions (id, token_hash, campaign, kind, email, record, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    id,
    await sha256(secret),
    record.campaign,
    spec.kind,
    email,
    JSON.stringify(held),
    now.toISOString(),
    new Date(now.getTime() + CONFIRM_TTL_MS).toISOString(),
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

interface Held {
  consent: ActionRecord['consent'];
  origin: string | null;
  spec: ActionSpec;
}

/**
 * Follows a confirmation link: every action held for this email is recorded (each counted once: the lock on the
 * email serializes two clicks, and a confirmed row is not recorded again), and the email is marked confirmed.
 */
export async function confirmAction(db: Db, secret: string, candidates: string[]): Promise<ConfirmOutcome | null> {
  const hash = await sha256(secret);
  return db.transaction(async (tx) => {
    const found = await tx.get('SELECT email FROM pending_actions WHERE token_hash = ?', hash);
    if (!found) return null;
    const email = String(found.email);
    await tx.lock(`confirm\n${email}`);
    const row = await tx.get(
      'SELECT id, campaign, kind, expires_at, confirmed_at FROM pending_actions WHERE token_hash = ?',
      hash,
    );
    const now = new Date().toISOString();
    if (!row || (!row.confirmed_at && readTime(row.expires_at) <= now)) return null;
    const campaign = String(row.campaign);
    let outcome: ActionOutcome | undefined;
    if (!row.confirmed_at) {
      const held = await tx.all(
        `SELECT id, campaign, record, created_at FROM pending_actions WHERE email = ? AND confirmed_at IS NULL AND expires_at > ?
         ORDER BY created_at, id`,
        email,
        now,
      );
      for (const h of held) {
        const { consent, origin, spec } = readJson(h.record) as Held;
        const base = {
          campaign: String(h.campaign),
          consent,
          origin,
          idempotency: null,
          nextAskCandidates: candidates,
        };
        const result = await action(db, tx, base, { ...spec, id: String(h.id), consentAt: readTime(h.created_at) });
        // The record held the person; confirmed, it is only a trace that the link was followed.
        await tx.run(`UPDATE pending_actions SET confirmed_at = ?, record = '{}' WHERE id = ?`, now, String(h.id));
        if (h.id === row.id) outcome = result;
      }
      await tx.run('UPDATE supporters SET confirmed_at = ? WHERE email = ? AND confirmed_at IS NULL', now, email);
    }
    if (outcome) return { ...outcome, campaign, already: false };
    const supporter = await tx.get('SELECT id, referral_code FROM supporters WHERE email = ?', email);
    const supporterId = supporter ? String(supporter.id) : null;
    return {
      actionId: String(row.id),
      supporterId,
      duplicate: true,
      count: await counter(tx, campaign, String(row.kind)),
      referralCode: supporter ? String(supporter.referral_code) : null,
      done: await doneAmong(tx, supporterId, candidates),
      campaign,
      already: true,
    };
  });
}
