/**
 * Taking a batch of a follow-up list (issue 12). A contact is leased to one worker at a time; what is not done when
 * the lease ends goes back to the pool. On PostgreSQL the takes run side by side: each locks the free contacts it
 * hands out (`FOR NO KEY UPDATE SKIP LOCKED`: a contact another take is handing out is passed over, never waited
 * for, never handed out twice), and only one worker's own takes serialize (their batch size holds). SQLite's
 * transactions are serial anyway. A contact whose lease ended is free as it stands (nothing has to sweep it back
 * first). The rebuild from the rule is claimed here and run beside the takes
 * (followups.ts, refreshList).
 */
import { type Db, marks, type Param, type Tx } from './db.ts';

/** A batch's lease: what is not done by then goes back to the pool. */
export const LEASE_MS = 20 * 60_000;
/** A list is rebuilt from its rule when a batch is taken, at most this often (the take does not wait for it). */
export const REFRESH_MS = 30_000;

/**
 * Claims the list's rebuild when it is due: true for the one statement that moved `refreshed_at`, false for every
 * other take (a rival claim that committed first makes the list not due any more).
 */
async function claimRebuild(db: Db | Tx, id: string, now: Date): Promise<boolean> {
  const claimed = await db.get(
    `UPDATE followups SET refreshed_at = ? WHERE id = ? AND (refreshed_at IS NULL OR refreshed_at <= ?) RETURNING id`,
    now.toISOString(),
    id,
    new Date(now.getTime() - REFRESH_MS).toISOString(),
  );
  return !!claimed;
}

/**
 * Takes up to the list's batch size (counting what the worker already holds) under a new lease, which also
 * extends the lease on what they hold. Contacts waiting for a reply to this worker come first, then people they
 * worked on earlier lists, then people nobody worked, then the rest (replies waiting for another worker included).
 * True when the list is due to be rebuilt and this take claimed it (the caller runs refreshList; the other takes
 * meanwhile see the list as rebuilt now, and claim nothing).
 */
export async function takeBatch(db: Db, id: string, worker: string, now: Date): Promise<boolean> {
  const postgres = db.dialect === 'postgres';
  // On PostgreSQL the claim commits alone: a take holding the list's row until it commits would queue the others.
  const claimed = postgres && (await claimRebuild(db, id, now));
  const skip = postgres ? ' FOR NO KEY UPDATE SKIP LOCKED' : '';
  return db.transaction(async (tx) => {
    await tx.lock(`followup\n${id}\n${worker}`);
    const due = postgres ? claimed : await claimRebuild(tx, id, now);
    const f = await tx.get('SELECT batch_size FROM followups WHERE id = ?', id);
    if (!f) return false;
    const at = now.toISOString();
    const until = new Date(now.getTime() + LEASE_MS).toISOString();
    await tx.run(
      `UPDATE followup_contacts SET lease_until = ?
       WHERE followup_id = ? AND holder = ? AND lease_until > ? AND state <> 'closed'`,
      until,
      id,
      worker,
      at,
    );
    const held = await tx.get(
      `SELECT COUNT(*) AS n FROM followup_contacts
       WHERE followup_id = ? AND holder = ? AND lease_until > ? AND state <> 'closed'`,
      id,
      worker,
      at,
    );
    let need = Number(f.batch_size) - Number(held?.n ?? 0);
    // Free: nobody holds it, or its lease ended (it is back in the pool: no sweep that the takes would queue on).
    const free = `followup_id = ? AND (holder IS NULL OR lease_until <= ?) AND left_at IS NULL`;
    const passes: [string, Param[]][] = [
      [`${free} AND state = 'needs-reply' AND worker = ?`, [id, at, worker]],
      [`${free} AND state = 'queued' AND preferred = ?`, [id, at, worker]],
      [`${free} AND state = 'queued' AND preferred IS NULL`, [id, at]],
      // Last, what others had: a reply waiting for someone whose lease ended is not stranded.
      [`${free} AND state IN ('queued', 'needs-reply')`, [id, at]],
    ];
    for (const [where, params] of passes) {
      // On PostgreSQL a pass may find fewer than it could (a contact taken as it looked is passed over): it looks
      // again until it finds none free and unlocked.
      while (need > 0) {
        const rows = await tx.all(
          `SELECT id FROM followup_contacts WHERE ${where} ORDER BY created_at, id LIMIT ?${skip}`,
          ...params,
          need,
        );
        if (!rows.length) break;
        const ids = rows.map((row) => String(row.id));
        await tx.run(
          `UPDATE followup_contacts SET holder = ?, worker = ?, lease_until = ? WHERE id IN (${marks(ids)})
           AND left_at IS NULL`,
          worker,
          worker,
          until,
          ...ids,
        );
        need -= ids.length;
        if (!postgres) break;
      }
    }
    return due;
  });
}
