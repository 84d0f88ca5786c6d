/**
 * Follow-ups in the store (issue 12): lists built from a ladder rule, refreshed as the ladder changes, and worked in
 * leased batches (followup-take.ts: two workers never hold the same contact). The rebuild from the rule is not in
 * a take: the take that finds the list due claims the rebuild, which then runs beside the takes (refreshList), and
 * every take meanwhile hands out the list as it stands.
 */
import type { ContactState, Followup, NewFollowup } from '../../schema/followup.ts';
import { type Db, marks, type Param, readJson, readTime, type Row, type Tx } from './db.ts';
import { actedSince, reachable, ruleSql } from './followup-rules.ts';
import { newId } from './ids.ts';

/** A held contact as the store knows it; routes/followup-view.ts makes the worker's view of it. */
export interface ContactRow {
  id: string;
  followupId: string;
  supporterId: string;
  firstName: string;
  phone: string;
  rung: string;
  state: ContactState;
  leaseUntil: string | null;
  /** The person's latest actions, newest first (at most 5). */
  recent: { kind: string; campaign: string; attended: boolean; at: string }[];
}

const time = (value: unknown) => (value == null ? null : readTime(value));

export function followupOf(row: Row): Followup {
  return {
    id: String(row.id),
    name: String(row.name),
    channel: row.channel === 'text' ? 'text' : 'call',
    rule: readJson(row.rule) as Followup['rule'],
    script: readJson(row.script) as Followup['script'],
    assignees: row.assignees === 'team' ? 'team' : 'volunteers',
    batchSize: Number(row.batch_size),
    closesAt: time(row.closes_at),
    closedAt: time(row.closed_at),
    createdAt: readTime(row.created_at),
    createdBy: String(row.created_by),
    timezone: row.timezone == null ? null : String(row.timezone),
    zoneByPostcode: row.zone_by_postcode === true || Number(row.zone_by_postcode) === 1,
  };
}

/** Open: not closed by hand and not past its closing time. */
export const isOpen = (f: Followup, now: Date) =>
  !f.closedAt && !(f.closesAt && Date.parse(f.closesAt) <= now.getTime());

export async function createFollowup(db: Db, input: NewFollowup, createdBy: string, now: Date): Promise<string> {
  const id = newId();
  await db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO followups (id, name, channel, rule, script, assignees, batch_size, closes_at, created_by, created_at,
         timezone, zone_by_postcode)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      input.name,
      input.channel,
      JSON.stringify(input.rule),
      JSON.stringify(input.script),
      input.assignees,
      input.batchSize,
      input.closesAt ? new Date(input.closesAt).toISOString() : null,
      createdBy,
      now.toISOString(),
      input.timezone ?? null,
      input.zoneByPostcode,
    );
    await refresh(db, tx, id, now);
  });
  return id;
}

export async function followupById(db: Db | Tx, id: string): Promise<Followup | null> {
  const row = await db.get('SELECT * FROM followups WHERE id = ?', id);
  return row ? followupOf(row) : null;
}

export async function allFollowups(db: Db): Promise<Followup[]> {
  return (await db.all('SELECT * FROM followups ORDER BY created_at DESC, id')).map(followupOf);
}

export async function closeFollowup(db: Db, id: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await tx.get('SELECT id FROM followups WHERE id = ?', id))) return false;
    await tx.run('UPDATE followups SET closed_at = COALESCE(closed_at, ?) WHERE id = ?', now.toISOString(), id);
    await tx.run('UPDATE followup_contacts SET holder = NULL, lease_until = NULL WHERE followup_id = ?', id);
    return true;
  });
}

/**
 * Rebuilds the list from its rule: people who now match and can be reached join (offered first to whoever worked
 * them on an earlier list); people not yet reached who acted since the list began, or can no longer be reached,
 * leave; the unreachable are counted. Each statement stands on its own (`tx` may be the database itself): a person
 * joins once whatever runs beside it (the list's unique key), and one who leaves while being handed out is not
 * handed out (takeBatch takes only who has not left).
 */
export async function refresh(db: Db, tx: Tx, id: string, now: Date): Promise<void> {
  const followup = (await followupById(tx, id))!;
  const rule = ruleSql(db, followup.rule, now);
  const reach = reachable(followup.channel);
  const acted = actedSince(followup.createdAt);
  const on = `${rule.where} AND ${reach.where} AND NOT ${acted.where}`;
  const onParams: Param[] = [...rule.params, ...reach.params, ...acted.params];
  const joining = await tx.all(
    `SELECT s.id, (SELECT o.worker FROM followup_contacts o WHERE o.supporter_id = s.id AND o.worker IS NOT NULL
       ORDER BY o.created_at DESC LIMIT 1) AS preferred
     FROM supporters s WHERE ${on}
     AND NOT EXISTS (SELECT 1 FROM followup_contacts c WHERE c.followup_id = ? AND c.supporter_id = s.id)`,
    ...onParams,
    id,
  );
  const at = now.toISOString();
  for (let i = 0; i < joining.length; i += 400) {
    const rows = joining.slice(i, i + 400);
    await tx.run(
      `INSERT INTO followup_contacts (id, followup_id, supporter_id, state, preferred, created_at) VALUES ${rows
        .map(() => "(?, ?, ?, 'queued', ?, ?)")
        .join(', ')} ON CONFLICT (followup_id, supporter_id) DO NOTHING`,
      ...rows.flatMap((row): Param[] => [newId(), id, String(row.id), (row.preferred as string | null) ?? null, at]),
    );
  }
  await tx.run(
    `UPDATE followup_contacts SET left_at = ?, holder = NULL, lease_until = NULL
     WHERE followup_id = ? AND left_at IS NULL AND first_contact_at IS NULL AND state = 'queued'
     AND supporter_id NOT IN (SELECT s.id FROM supporters s WHERE ${on})`,
    at,
    id,
    ...onParams,
  );
  const unreachable = await tx.get(
    `SELECT COUNT(*) AS n FROM supporters s WHERE ${rule.where} AND NOT (${reach.where}) AND NOT ${acted.where}`,
    ...rule.params,
    ...reach.params,
    ...acted.params,
  );
  // Never back in time: a take may have claimed a later rebuild while this one ran.
  await tx.run(
    `UPDATE followups SET unreachable = ?,
       refreshed_at = CASE WHEN refreshed_at IS NULL OR refreshed_at < ? THEN ? ELSE refreshed_at END WHERE id = ?`,
    Number(unreachable?.n ?? 0),
    at,
    at,
    id,
  );
}

/**
 * Rebuilds the list beside the takes: refreshes serialize among themselves (their own lock), never with a take,
 * and each of its statements commits alone (SQLite runs one statement at a time: a take waits for one, not all).
 */
export async function refreshList(db: Db, id: string, now: Date): Promise<void> {
  if (db.dialect === 'sqlite') return refresh(db, db, id, now);
  await db.transaction(async (tx) => {
    await tx.lock(`followup-refresh\n${id}`);
    await refresh(db, tx, id, now);
  });
}

/** The worker's held contacts on the list (not closed, lease not ended), oldest first. */
export async function heldContacts(db: Db, id: string, worker: string, now: Date): Promise<ContactRow[]> {
  const rows = await db.all(
    `SELECT c.id, c.followup_id, c.supporter_id, c.state, c.lease_until, s.given_name, s.phone, s.rung
     FROM followup_contacts c JOIN supporters s ON s.id = c.supporter_id
     WHERE c.followup_id = ? AND c.holder = ? AND c.state <> 'closed' AND c.lease_until > ?
     ORDER BY c.created_at, c.id`,
    id,
    worker,
    now.toISOString(),
  );
  return withRecent(db, rows);
}

export async function withRecent(db: Db, rows: Row[]): Promise<ContactRow[]> {
  const ids = [...new Set(rows.map((row) => String(row.supporter_id)))];
  const recent = ids.length
    ? await db.all(
        `SELECT a.supporter_id, a.kind, a.campaign, a.created_at, r.attended_at FROM actions a
         LEFT JOIN rsvps r ON r.action_id = a.id WHERE a.supporter_id IN (${marks(ids)})
         ORDER BY a.created_at DESC, a.id`,
        ...ids,
      )
    : [];
  return rows.map((row) => ({
    id: String(row.id),
    followupId: String(row.followup_id),
    supporterId: String(row.supporter_id),
    firstName: String(row.given_name),
    phone: String(row.phone ?? ''),
    rung: String(row.rung),
    state: String(row.state) as ContactState,
    leaseUntil: time(row.lease_until),
    recent: recent
      .filter((a) => a.supporter_id === row.supporter_id)
      .slice(0, 5)
      .map((a) => ({
        kind: String(a.kind),
        campaign: String(a.campaign),
        attended: a.attended_at != null,
        at: readTime(a.created_at),
      })),
  }));
}

/** Gives back what the worker holds on the list: it returns to the pool at once. */
export async function releaseBatch(db: Db, id: string, worker: string): Promise<number> {
  const held = await db.get(
    `SELECT COUNT(*) AS n FROM followup_contacts WHERE followup_id = ? AND holder = ? AND state <> 'closed'`,
    id,
    worker,
  );
  await db.run(
    'UPDATE followup_contacts SET holder = NULL, lease_until = NULL WHERE followup_id = ? AND holder = ?',
    id,
    worker,
  );
  return Number(held?.n ?? 0);
}

/** Per list: how many contacts the worker holds, and how many wait in the pool. */
export async function workload(
  db: Db,
  worker: string,
  now: Date,
): Promise<Map<string, { held: number; available: number }>> {
  const rows = await db.all(
    `SELECT followup_id,
       SUM(CASE WHEN holder = ? AND lease_until > ? AND state <> 'closed' THEN 1 ELSE 0 END) AS held,
       SUM(CASE WHEN (holder IS NULL OR lease_until <= ?) AND left_at IS NULL AND state IN ('queued', 'needs-reply')
         THEN 1 ELSE 0 END) AS available
     FROM followup_contacts GROUP BY followup_id`,
    worker,
    now.toISOString(),
    now.toISOString(),
  );
  return new Map(
    rows.map((row) => [String(row.followup_id), { held: Number(row.held), available: Number(row.available) }]),
  );
}
