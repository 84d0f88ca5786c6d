/**
 * Double opt-in, inside the store. A held action waits in `pending_actions` (counted nowhere, on nobody's ladder,
 * sent to no CRM) until its link is followed; the link's token exists only in the email, the store keeps its SHA-256.
 * A link confirms the one action it was sent for, and the browser that sent it (`deviceHash`): that browser's later
 * actions with the same email are recorded at once; anyone else's, someone who merely knows the email included,
 * are held for a link of their own.
 */
import { act, type ActionSpec } from './action.ts';
import { type Db, readJson, readTime } from './db.ts';
import { sha256 } from './ids.ts';
import { type ActionRecord, counter, doneAmong } from './steps.ts';
import type { ActionOutcome, ConfirmOutcome } from './records.ts';

interface Held {
  consent: ActionRecord['consent'];
  origin: string | null;
  spec: ActionSpec;
}

/**
 * Follows a confirmation link: the action held under this link is recorded (counted once: the lock on the email
 * serializes two clicks, and a confirmed row is not recorded again), and the browser that sent it is marked
 * confirmed for this email. Other actions held for the email wait for their own links: someone else may have sent
 * them.
 */
export async function confirmAction(db: Db, secret: string, candidates: string[]): Promise<ConfirmOutcome | null> {
  const hash = await sha256(secret);
  return db.transaction(async (tx) => {
    const found = await tx.get('SELECT email FROM pending_actions WHERE token_hash = ?', hash);
    if (!found) return null;
    const email = String(found.email);
    await tx.lock(`confirm\n${email}`);
    const row = await tx.get(
      'SELECT id, campaign, kind, record, created_at, expires_at, confirmed_at, device_hash FROM pending_actions WHERE token_hash = ?',
      hash,
    );
    const now = new Date().toISOString();
    if (!row || (!row.confirmed_at && readTime(row.expires_at) <= now)) return null;
    const campaign = String(row.campaign);
    let outcome: ActionOutcome | undefined;
    if (!row.confirmed_at) {
      const { consent, origin, spec } = readJson(row.record) as Held;
      const base = { campaign, consent, origin, idempotency: null, nextAskCandidates: candidates };
      outcome = await act(db, tx, base, { ...spec, id: String(row.id), consentAt: readTime(row.created_at) });
      // The record held the person; confirmed, it is only a trace that the link was followed.
      await tx.run(`UPDATE pending_actions SET confirmed_at = ?, record = '{}' WHERE id = ?`, now, String(row.id));
      await tx.run('UPDATE supporters SET confirmed_at = ? WHERE email = ? AND confirmed_at IS NULL', now, email);
      if (row.device_hash) {
        await tx.run(
          'INSERT INTO confirmed_devices (email, device_hash, confirmed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
          email,
          String(row.device_hash),
          now,
        );
      }
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
