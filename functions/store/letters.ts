/**
 * Letters to targets, after they are recorded: each letter's delivery to each target (rows written by the
 * `actions_letter_deliveries` trigger, migration 10, whichever path inserts the letter), the offices' choices
 * and bounces, and the counters the dashboard shows. The sender (functions/outbox/letters.ts) decides what goes when.
 */
import { type Db, readJson, readTime } from './db.ts';
import type { LetterTotal, WaitingLetter } from './records.ts';

/** Per target of a campaign: its letters by state, and the office's choice. */
export async function letterTotals(db: Db, campaign: string): Promise<LetterTotal[]> {
  const rows = await db.all(
    `SELECT d.target, d.address, d.status, COUNT(*) AS n, a.choice, a.bounced_at
     FROM letter_deliveries d LEFT JOIN letter_addresses a ON a.address = d.address
     WHERE d.campaign = ? GROUP BY d.target, d.address, d.status, a.choice, a.bounced_at ORDER BY d.target`,
    campaign,
  );
  const byTarget = new Map<string, LetterTotal>();
  for (const row of rows) {
    const target = String(row.target);
    const total = byTarget.get(target) ?? {
      target,
      address: row.address === null ? null : String(row.address),
      delivered: 0,
      waiting: 0,
      bounced: 0,
      handed: 0,
      stopped: 0,
      choice: (row.choice as LetterTotal['choice']) ?? null,
      bouncedAt: row.bounced_at ? readTime(row.bounced_at) : null,
    };
    const n = Number(row.n);
    const status = String(row.status);
    if (status === 'sent' || status === 'digested') total.delivered += n;
    else if (status === 'waiting') total.waiting += n;
    else if (status === 'bounced') total.bounced += n;
    else if (status === 'handed') total.handed += n;
    else total.stopped += n;
    byTarget.set(target, total);
  }
  return [...byTarget.values()];
}

/** Letters waiting, oldest first, with what the sender needs: the letter, its writer, the office's state. */
export async function waitingLetters(db: Db, limit: number): Promise<WaitingLetter[]> {
  const rows = await db.all(
    `SELECT d.action_id, d.campaign, d.target, d.address, d.edited, d.created_at, x.details,
       s.given_name, s.family_name, s.email, s.postcode, a.choice, a.bounced_at
     FROM letter_deliveries d
     JOIN actions x ON x.id = d.action_id
     LEFT JOIN supporters s ON s.id = x.supporter_id
     LEFT JOIN letter_addresses a ON a.address = d.address
     WHERE d.status = 'waiting' ORDER BY d.created_at, d.action_id, d.target LIMIT ?`,
    limit,
  );
  return rows.map((row) => {
    const details = row.details ? (readJson(row.details) as { subject?: string; text?: string }) : null;
    return {
      actionId: String(row.action_id),
      campaign: String(row.campaign),
      target: String(row.target),
      address: String(row.address),
      edited: !!row.edited,
      createdAt: readTime(row.created_at),
      // Erased or past retention (no details, no person): nothing left to send.
      letter:
        details && row.email
          ? {
              subject: details.subject ?? null,
              text: details.text ?? null,
              givenName: String(row.given_name),
              familyName: String(row.family_name),
              email: String(row.email),
              postcode: row.postcode === null ? null : String(row.postcode),
            }
          : null,
      choice: (row.choice as WaitingLetter['choice']) ?? null,
      bounced: !!row.bounced_at,
    };
  });
}

/** The letters' new state, with the Message-ID they went with. */
export async function markLetters(
  db: Db,
  letters: { actionId: string; target: string }[],
  status: 'sent' | 'digested' | 'bounced' | 'stopped' | 'withdrawn',
  messageId: string | null,
  error: string | null,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const { actionId, target } of letters) {
      await tx.run(
        `UPDATE letter_deliveries SET status = ?, message_id = ?, error = ?, sent_at = ?
         WHERE action_id = ? AND target = ? AND status = 'waiting'`,
        status,
        messageId,
        error,
        now.toISOString(),
        actionId,
        target,
      );
    }
  });
}

/** Letters sent to `address` after `since` (the hourly cap), and when its last digest went. */
export async function addressLog(db: Db, address: string, since: Date) {
  const row = await db.get(
    `SELECT SUM(CASE WHEN status = 'sent' AND sent_at > ? THEN 1 ELSE 0 END) AS recent,
       MAX(CASE WHEN status = 'digested' THEN sent_at END) AS digest
     FROM letter_deliveries WHERE address = ?`,
    since.toISOString(),
    address,
  );
  return { recent: Number(row?.recent ?? 0), lastDigest: row?.digest ? readTime(row.digest) : null };
}

/** The office's choice for its address: one daily digest, or no more mail. */
export async function setLetterChoice(db: Db, address: string, choice: 'digest' | 'stop', now: Date): Promise<void> {
  await db.run(
    `INSERT INTO letter_addresses (address, choice, choice_at) VALUES (?, ?, ?)
     ON CONFLICT (address) DO UPDATE SET choice = excluded.choice, choice_at = excluded.choice_at`,
    address,
    choice,
    now.toISOString(),
  );
}

/**
 * A bounce or complaint about the message `messageId`: its letters are marked bounced; a hard bounce (or a
 * complaint) stops all mail to the address, for the organizer to see. False: no such message.
 */
export async function letterBounce(
  db: Db,
  messageId: string,
  kind: 'hard' | 'soft' | 'complaint',
  reason: string,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.all(
      'SELECT DISTINCT address FROM letter_deliveries WHERE message_id = ? AND address IS NOT NULL',
      messageId,
    );
    if (!rows.length) return false;
    await tx.run(
      `UPDATE letter_deliveries SET status = 'bounced', error = ? WHERE message_id = ?`,
      `${kind}: ${reason}`.slice(0, 500),
      messageId,
    );
    if (kind === 'soft') return true;
    for (const row of rows) {
      await tx.run(
        `INSERT INTO letter_addresses (address, bounced_at, bounce) VALUES (?, ?, ?)
         ON CONFLICT (address) DO UPDATE SET bounced_at = excluded.bounced_at, bounce = excluded.bounce`,
        String(row.address),
        now.toISOString(),
        `${kind}: ${reason}`.slice(0, 500),
      );
    }
    return true;
  });
}
