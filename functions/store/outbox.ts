/**
 * Deliveries: each outbox event goes to each sink at least once. A claim leases events for a while so that two
 * dispatchers (a timer and a cron, two instances) do not send the same event at the same time; a failure sets
 * the next attempt or dead-letters; erased supporters' events are never handed out.
 */
import { type Db, marks, readJson, readTime, type Row } from './db.ts';
import type { DeadLetter, Delivery, DeliveryHealth, OutboxEvent } from './records.ts';

const event = (row: Row): OutboxEvent => ({
  id: String(row.id),
  type: String(row.type),
  campaign: String(row.campaign),
  payload: readJson(row.payload),
  createdAt: readTime(row.created_at),
});

/**
 * Where an event stands in the order the claim reads new events in. SQLite has one writer at a time, so events
 * appear in `seq` order. PostgreSQL takes sequence numbers before commit (a later one can be seen first), so it
 * goes by the writing transaction's id instead, and moves a cursor no further than the oldest transaction still
 * running (`horizon`): an event below it is visible or never will be.
 */
export const position = (db: Pick<Db, 'dialect'>) => (db.dialect === 'postgres' ? 'o.xid' : 'o.seq');
const horizon = (db: Pick<Db, 'dialect'>) =>
  db.dialect === 'postgres'
    ? 'pg_snapshot_xmin(pg_current_snapshot())::text::bigint'
    : '(SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox)';
const least = (db: Pick<Db, 'dialect'>) => (db.dialect === 'postgres' ? 'LEAST' : 'MIN');
const forSink = 'o.erased_at IS NULL AND (o.only_sink IS NULL OR o.only_sink = ?)';
const unclaimed = 'NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = o.id AND d.sink = ?)';

/** Positions one claim reads at most (a transaction each): the first pass after upgrading holds nobody up long. */
const SPAN = 10_000;

/**
 * Hands out what is due for a sink: events it has not seen yet (past its cursor, `sink_cursors`) and deliveries
 * whose retry or lease has come (a partial index holds only those). Delivered events are never read again, so a
 * pass costs the same with a million of them behind it. The cursor moves up to the first event left unclaimed,
 * `SPAN` positions at a time, each in its own short transaction.
 */
export async function claimDeliveries(db: Db, sink: string, limit: number, leaseMs: number): Promise<Delivery[]> {
  const claimed: Delivery[] = [];
  for (;;) {
    const { rows, more } = await claimSpan(db, sink, limit - claimed.length, leaseMs);
    claimed.push(...rows);
    if (!more || claimed.length >= limit) return claimed;
  }
}

async function claimSpan(db: Db, sink: string, limit: number, leaseMs: number) {
  return db.transaction(async (tx) => {
    await tx.lock(`dispatch\n${sink}`);
    const now = new Date();
    const stored = Number((await tx.get('SELECT position FROM sink_cursors WHERE sink = ?', sink))?.position ?? 0);
    // Where the next event is, if the cursor stands in a gap (PostgreSQL's positions are every transaction's).
    const next = await tx.get(`SELECT MIN(${position(db)}) AS p FROM outbox o WHERE ${position(db)} >= ?`, stored);
    const cursor = Math.max(stored, Number(next?.p ?? 0));
    const columns = 'o.id, o.type, o.campaign, o.payload, o.created_at, o.seq';
    const fresh = `${position(db)} >= ? AND ${position(db)} < ? AND ${forSink} AND ${unclaimed}`;
    const rows = await tx.all(
      `SELECT ${columns}, 0 AS attempts FROM outbox o WHERE ${fresh}
       UNION ALL
       SELECT ${columns}, d.attempts FROM deliveries d JOIN outbox o ON o.id = d.event_id
       WHERE d.sink = ? AND d.delivered_at IS NULL AND d.dead_at IS NULL AND d.next_attempt_at <= ? AND ${forSink}
       ORDER BY seq LIMIT ?`,
      cursor,
      cursor + SPAN,
      sink,
      sink,
      sink,
      now.toISOString(),
      sink,
      limit,
    );
    const lease = new Date(now.getTime() + leaseMs).toISOString();
    for (const row of rows) {
      await tx.run(
        `INSERT INTO deliveries (event_id, sink, attempts, next_attempt_at) VALUES (?, ?, 0, ?)
         ON CONFLICT (event_id, sink) DO UPDATE SET next_attempt_at = excluded.next_attempt_at`,
        String(row.id),
        sink,
        lease,
      );
    }
    // From the stored cursor, not the gap's end: an event of the gap committed since is seen here (PostgreSQL's
    // horizon may have passed it meanwhile), and the cursor stops at it.
    const moved = await tx.get(
      `INSERT INTO sink_cursors (sink, position, claimed_at)
       SELECT ?, ${least(db)}(COALESCE(MIN(${position(db)}), ?), ${horizon(db)}), ? FROM outbox o WHERE ${fresh}
       ON CONFLICT (sink) DO UPDATE SET position = excluded.position, claimed_at = excluded.claimed_at
       RETURNING position`,
      sink,
      cursor + SPAN,
      now.toISOString(),
      stored,
      cursor + SPAN,
      sink,
      sink,
    );
    // The whole span was behind: there may be more beyond it.
    const more = rows.length < limit && Number(moved?.position) === cursor + SPAN;
    return { rows: rows.map((row) => ({ event: event(row), sink, attempts: Number(row.attempts) })), more };
  });
}

export async function markDelivered(db: Db, sink: string, eventId: string): Promise<void> {
  await db.run(
    `UPDATE deliveries SET delivered_at = ?, next_attempt_at = NULL, attempts = attempts + 1
     WHERE event_id = ? AND sink = ?`,
    new Date().toISOString(),
    eventId,
    sink,
  );
}

export async function markFailed(db: Db, sink: string, eventId: string, error: string, retryAt: Date | null) {
  await db.run(
    `INSERT INTO deliveries (event_id, sink, attempts, next_attempt_at, dead_at, last_error) VALUES (?, ?, 1, ?, ?, ?)
     ON CONFLICT (event_id, sink) DO UPDATE SET attempts = deliveries.attempts + 1,
       next_attempt_at = excluded.next_attempt_at, dead_at = excluded.dead_at, last_error = excluded.last_error`,
    eventId,
    sink,
    retryAt ? retryAt.toISOString() : null,
    retryAt ? null : new Date().toISOString(),
    error.slice(0, 1000),
  );
}

/** A team member's sign-in link is theirs alone: whoever reads the dead letters sees the event, not its secret. */
const withoutSecret = (e: OutboxEvent): OutboxEvent =>
  e.type.startsWith('team.') ? { ...e, payload: { ...(e.payload as object), token: undefined } } : e;

export async function deadLetters(db: Db, limit: number): Promise<DeadLetter[]> {
  const rows = await db.all(
    `SELECT o.id, o.type, o.campaign, o.payload, o.created_at, d.sink, d.attempts, d.last_error, d.dead_at
     FROM deliveries d JOIN outbox o ON o.id = d.event_id
     WHERE d.dead_at IS NOT NULL AND o.erased_at IS NULL ORDER BY d.dead_at DESC LIMIT ?`,
    limit,
  );
  return rows.map((row) => ({
    event: withoutSecret(event(row)),
    sink: String(row.sink),
    attempts: Number(row.attempts),
    error: String(row.last_error ?? ''),
    deadAt: readTime(row.dead_at),
  }));
}

export async function redeliver(db: Db, eventId: string, sink?: string): Promise<number> {
  return db.transaction(async (tx) => {
    const where = sink ? 'event_id = ? AND sink = ?' : 'event_id = ?';
    const params = sink ? [eventId, sink] : [eventId];
    const row = await tx.get(`SELECT COUNT(*) AS n FROM deliveries WHERE ${where} AND delivered_at IS NULL`, ...params);
    await tx.run(
      `UPDATE deliveries SET dead_at = NULL, next_attempt_at = ? WHERE ${where} AND delivered_at IS NULL`,
      new Date().toISOString(),
      ...params,
    );
    return Number(row?.n ?? 0);
  });
}

export async function deliveryHealth(db: Db, sinks: string[]): Promise<DeliveryHealth[]> {
  const health: DeliveryHealth[] = [];
  for (const sink of sinks) {
    // Messages for one sink only (a confirmation link by email) are not waiting for the others.
    const mine = '(o.only_sink IS NULL OR o.only_sink = ?)';
    const all = await db.get(`SELECT COUNT(*) AS n FROM outbox o WHERE o.erased_at IS NULL AND ${mine}`, sink);
    const total = Number(all?.n ?? 0);
    const row = await db.get(
      `SELECT COUNT(d.delivered_at) AS delivered, COUNT(d.dead_at) AS dead FROM deliveries d
       JOIN outbox o ON o.id = d.event_id WHERE d.sink = ? AND o.erased_at IS NULL`,
      sink,
    );
    const oldest = await db.get(
      `SELECT MIN(o.created_at) AS at FROM outbox o LEFT JOIN deliveries d ON d.event_id = o.id AND d.sink = ?
       WHERE o.erased_at IS NULL AND d.delivered_at IS NULL AND d.dead_at IS NULL AND ${mine}`,
      sink,
      sink,
    );
    const delivered = Number(row?.delivered ?? 0);
    const dead = Number(row?.dead ?? 0);
    health.push({
      sink,
      delivered,
      dead,
      pending: total - delivered - dead,
      oldestPending: oldest?.at ? readTime(oldest.at) : null,
    });
  }
  return health;
}

/** Hands back claimed events that were not tried (a pass that stopped early): due again at once. */
export async function releaseDeliveries(db: Db, sink: string, eventIds: string[]): Promise<void> {
  if (!eventIds.length) return;
  await db.run(
    `UPDATE deliveries SET next_attempt_at = ? WHERE sink = ? AND delivered_at IS NULL AND dead_at IS NULL
       AND attempts = 0 AND event_id IN (${marks(eventIds)})`,
    new Date().toISOString(),
    sink,
    ...eventIds,
  );
}

/** One statement, so that two dispatchers never take the same moment (the row is locked by the upsert). */
export async function paceSink(db: Db, sink: string, gapMs: number, now: number): Promise<number> {
  const gap = Math.ceil(gapMs);
  const row = await db.get(
    `INSERT INTO sink_pace (sink, next_at) VALUES (?, ?)
     ON CONFLICT (sink) DO UPDATE SET next_at = (CASE WHEN sink_pace.next_at > ? THEN sink_pace.next_at ELSE ? END) + ?
     RETURNING next_at`,
    sink,
    now + gap,
    now,
    now,
    gap,
  );
  return Number(row?.next_at) - gap;
}

/**
 * Takes (or renews) the lease `name` for `holder` until `now + ms`, in one statement: the row is written only when
 * the lease is free, ran out, or is `holder`'s own. Times are epoch ms.
 */
export async function takeLease(db: Db, name: string, holder: string, now: number, ms: number): Promise<boolean> {
  const row = await db.get(
    `INSERT INTO leases (name, holder, until_ms) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until_ms = excluded.until_ms
     WHERE leases.until_ms <= ? OR leases.holder = excluded.holder
     RETURNING holder`,
    name,
    holder,
    now + ms,
    now,
  );
  return row?.holder === holder;
}

export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.run('DELETE FROM leases WHERE name = ? AND holder = ?', name, holder);
}
