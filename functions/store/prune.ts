/**
 * Pruning: the outbox, its deliveries and the idempotency records shrink back to what is still needed, so the
 * tables do not grow with every action ever taken. Runs with the retention pass (the Node server's hourly timer,
 * `npm run retention`, a hosted cron), in short batches that never hold up a submission for long.
 */
import { type Db, marks } from './db.ts';
import { position } from './outbox.ts';

export interface PruneOptions {
  /** Events delivered to every sink, and erased ones, are deleted this many days after they were written. */
  keepDays: number;
  /** Dead letters (and events no dispatcher ever took) stay this long, for the admin API's redelivery. */
  deadDays: number;
}

export interface PruneCounts {
  events: number;
  idempotency: number;
}

const PRUNE_BATCH = 1000;
const DAY_MS = 24 * 3600_000;

/**
 * Deletes what the outbox no longer needs, in short batches: events older than `keepDays` that every sink active
 * in that time has passed (its cursor is beyond them) and that are delivered everywhere they were tried, or
 * erased (never sent again, whatever was waiting); dead letters after `deadDays`; idempotency records after `keepDays` (a resend after that is taken as a
 * new submission: a petition then answers `duplicate` for the known email). Never an event still waiting for a
 * delivery. Erasure needs nothing of what goes (it empties what is left); the audit log is its own table.
 */
export async function pruneOutbox(db: Db, options: PruneOptions, at: Date): Promise<PruneCounts> {
  const keep = new Date(at.getTime() - options.keepDays * DAY_MS).toISOString();
  const dead = new Date(at.getTime() - options.deadDays * DAY_MS).toISOString();
  const counts: PruneCounts = { events: 0, idempotency: 0 };
  // A sink that claimed nothing for as long as events are kept is no longer configured: it holds nothing back.
  const active = await db.get(
    `SELECT MIN(position) AS position, COUNT(*) AS n FROM sink_cursors WHERE claimed_at >= ?`,
    keep,
  );
  const passed = Number(active?.n) ? `${position(db)} < ${Number(active?.position)}` : '1 = 1';
  const waiting =
    'EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = o.id AND d.delivered_at IS NULL AND d.dead_at IS NULL)';
  const failed = 'EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = o.id AND d.dead_at IS NOT NULL)';
  const tried = 'EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = o.id)';
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const rows = await tx.all(
        `SELECT o.id FROM outbox o WHERE o.created_at < ? AND (o.erased_at IS NOT NULL
           OR NOT ${waiting} AND (o.created_at < ? OR ${passed} AND ${tried} AND NOT ${failed}))
         ORDER BY o.created_at LIMIT ?`,
        keep,
        dead,
        PRUNE_BATCH,
      );
      const ids = rows.map((row) => String(row.id));
      if (!ids.length) return 0;
      await tx.run(`DELETE FROM deliveries WHERE event_id IN (${marks(ids)})`, ...ids);
      await tx.run(`DELETE FROM outbox WHERE id IN (${marks(ids)})`, ...ids);
      return ids.length;
    });
    counts.events += n;
    if (n < PRUNE_BATCH) break;
  }
  for (;;) {
    const rows = await db.all(
      `DELETE FROM idempotency WHERE (campaign, key) IN (
         SELECT campaign, key FROM idempotency WHERE created_at < ? LIMIT ?) RETURNING key`,
      keep,
      PRUNE_BATCH,
    );
    counts.idempotency += rows.length;
    if (rows.length < PRUNE_BATCH) break;
  }
  return counts;
}

/**
 * `LADDER_OUTBOX_KEEP_DAYS` (default 30, at least 7: reminders and retries run for 3 days) and
 * `LADDER_DEAD_LETTER_DAYS` (default 90, at least as long).
 */
export function pruneOptionsFromEnv(env: Record<string, string | undefined>): PruneOptions {
  const days = (name: string, fallback: number, least: number) => {
    const raw = env[name]?.trim();
    if (!raw) return Math.max(fallback, least);
    if (!/^\d+$/.test(raw) || Number(raw) < least) {
      throw new Error(`${name} must be a whole number of days, at least ${least} (it is "${raw}").`);
    }
    return Number(raw);
  };
  const keepDays = days('LADDER_OUTBOX_KEEP_DAYS', 30, 7);
  return { keepDays, deadDays: days('LADDER_DEAD_LETTER_DAYS', 90, keepDays) };
}

/** One pruning pass, logged by counts only; a failure is logged by name and left for the next pass. */
export async function prune(
  store: { pruneOutbox(options: PruneOptions, at: Date): Promise<PruneCounts> },
  options: PruneOptions,
  { now = new Date(), log = (line: string) => console.log(line) }: { now?: Date; log?: (line: string) => void } = {},
): Promise<PruneCounts | null> {
  try {
    const counts = await store.pruneOutbox(options, now);
    if (counts.events || counts.idempotency) {
      log(`[ladder] pruning: ${counts.events} outbox events, ${counts.idempotency} idempotency records deleted`);
    }
    return counts;
  } catch (error) {
    log(`[ladder] pruning failed: ${(error as Error)?.name}`);
    return null;
  }
}
