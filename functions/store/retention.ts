/**
 * Retention and erasure: taking the person out of actions while they keep their place in the counts, and forgetting
 * supporters. The sweep runs in batches, each its own short transaction, so it never holds up a signature for long;
 * what it has done it does not do again (`anonymized_at`), so a sweep cut short simply continues next time.
 */
import type { CampaignEntry } from '../../schema/campaign.ts';
import { type Db, marks, type Tx } from './db.ts';
import { bump } from './steps.ts';

/** Actions of `campaign` created before `before` (ISO time) lose their person. */
export interface RetentionCutoff {
  campaign: string;
  before: string;
}

export interface SweepCounts {
  /** Actions that lost their person. */
  actions: number;
  /** Supporters deleted: nothing of theirs was left. */
  supporters: number;
  /** Double opt-in actions never confirmed, deleted after their link expired. */
  pending: number;
}

const BATCH = 500;
const DAY_MS = 24 * 3600_000;

/**
 * Each campaign's cutoff under its `retentionDays` (or `defaultDays`): with a deadline (or, for an event, its end),
 * every action once that day is `days` behind; without one, the actions older than `days`. No days: kept. An event
 * counts from its end even when its deadline comes earlier: until it is over, its RSVPs hold places, a waitlist and
 * the people the reminders go to (taking them would free places past the waitlist).
 */
export function retentionCutoffs(
  campaigns: readonly CampaignEntry[],
  defaultDays: number | undefined,
  now: Date,
): RetentionCutoff[] {
  return campaigns.flatMap((campaign) => {
    const days = campaign.retentionDays ?? defaultDays;
    if (!days) return [];
    const deadline = campaign.deadline?.getTime() ?? null;
    const anchor =
      campaign.kind === 'event' ? Math.max(Date.parse(campaign.event.endsAt), deadline ?? -Infinity) : deadline;
    if (anchor === null)
      return [{ campaign: campaign.slug, before: new Date(now.getTime() - days * DAY_MS).toISOString() }];
    return now.getTime() >= anchor + days * DAY_MS ? [{ campaign: campaign.slug, before: now.toISOString() }] : [];
  });
}

/**
 * SQL for a text field of a JSON column. PostgreSQL: our JSON is bound as text, so a JSONB column may hold it as a
 * JSON string (`"{\"a\":1}"`); `#>> '{}'` unwraps either form before the field is read.
 */
const field = (db: Pick<Db, 'dialect'>, column: string, name: string) =>
  db.dialect === 'postgres' ? `((${column} #>> '{}')::jsonb ->> '${name}')` : `json_extract(${column}, '$.${name}')`;

/** SQL for what stays of an action's details: a call's target and outcome (the calls chart reads them). */
const keptDetails = (db: Pick<Db, 'dialect'>) =>
  `CASE WHEN kind = 'call' AND details IS NOT NULL THEN ${db.dialect === 'postgres' ? 'jsonb_build_object' : 'json_object'}(
     'target', ${field(db, 'details', 'target')}, 'outcome', ${field(db, 'details', 'outcome')}) END`;

/**
 * Takes the person out of these actions: no supporter, referrer, comment or personal details. Their consent
 * records stay (version, text hash, page origin and time: proof that each counted action was given on those
 * terms, with nothing that names anyone). `fold`: an RSVP's people move into the event's count before its row
 * goes (retention, after the event); erasure drops the RSVP and frees its place.
 */
export async function anonymizeActions(
  db: Pick<Db, 'dialect'>,
  tx: Tx,
  ids: string[],
  now: string,
  fold: boolean,
): Promise<void> {
  if (!ids.length) return;
  if (fold) {
    const rsvps = await tx.all(
      `SELECT campaign, guests FROM rsvps WHERE status = 'confirmed' AND action_id IN (${marks(ids)})`,
      ...ids,
    );
    for (const row of rsvps) await bump(tx, String(row.campaign), 'rsvp', 1 + Number(row.guests), 1);
  }
  await tx.run(`DELETE FROM rsvps WHERE action_id IN (${marks(ids)})`, ...ids);
  await tx.run(
    `UPDATE actions SET supporter_id = NULL, referrer_id = NULL, comment = NULL, details = ${keptDetails(db)},
     anonymized_at = ? WHERE id IN (${marks(ids)})`,
    now,
    ...ids,
  );
}

/** Empties outbox events (they are never sent again) and what receivers answered about them. */
export async function scrubEvents(tx: Tx, where: string, params: (string | null)[], now: string): Promise<void> {
  await tx.run(
    `UPDATE deliveries SET last_error = NULL WHERE event_id IN (SELECT id FROM outbox WHERE ${where})`,
    ...params,
  );
  await tx.run(`UPDATE outbox SET payload = '{}', erased_at = ? WHERE erased_at IS NULL AND ${where}`, now, ...params);
}

/**
 * Deletes supporters and what hangs on them: tags, rung history, RSVPs, access links, their outbox events'
 * payloads; recruits and actions they referred lose the link. The caller has taken them out of their actions.
 * Set-based: a sweep forgets a whole batch in a few statements.
 */
export async function forgetSupporters(tx: Tx, ids: string[], now: string): Promise<void> {
  if (!ids.length) return;
  const among = `IN (${marks(ids)})`;
  const tables = [
    'supporter_tags',
    'supporter_rungs',
    'rsvps',
    'access_links',
    'consent_withdrawals',
    'unsubscribe_links',
  ];
  for (const table of tables) {
    await tx.run(`DELETE FROM ${table} WHERE supporter_id ${among}`, ...ids);
  }
  await tx.run(`UPDATE actions SET referrer_id = NULL WHERE referrer_id ${among}`, ...ids);
  await tx.run(`UPDATE supporters SET referred_by = NULL WHERE referred_by ${among}`, ...ids);
  await tx.run(`DELETE FROM confirmed_devices WHERE email IN (SELECT email FROM supporters WHERE id ${among})`, ...ids);
  await scrubEvents(tx, `supporter_id ${among}`, ids, now);
  await tx.run(`DELETE FROM supporters WHERE id ${among}`, ...ids);
}

/** One batch of a campaign's actions past the cutoff; how many there were. */
async function sweepBatch(db: Db, cutoff: RetentionCutoff, now: string, counts: SweepCounts): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.all(
      `SELECT id, supporter_id FROM actions WHERE campaign = ? AND created_at < ? AND anonymized_at IS NULL
       ORDER BY created_at LIMIT ?`,
      cutoff.campaign,
      cutoff.before,
      BATCH,
    );
    await anonymizeActions(
      db,
      tx,
      rows.map((row) => String(row.id)),
      now,
      true,
    );
    counts.actions += rows.length;
    const people = new Set(rows.filter((row) => row.supporter_id).map((row) => String(row.supporter_id)));
    const gone: string[] = [];
    for (const id of people) {
      // PostgreSQL: the row lock makes a signature in flight for this person finish first (and then be seen), or
      // wait and find them gone (upsertSupporter then creates them afresh).
      const locked = await tx.get(
        `SELECT id FROM supporters WHERE id = ?${db.dialect === 'postgres' ? ' FOR UPDATE' : ''}`,
        id,
      );
      if (!locked || (await tx.get('SELECT 1 AS one FROM actions WHERE supporter_id = ? LIMIT 1', id))) continue;
      gone.push(id);
    }
    await forgetSupporters(tx, gone, now);
    counts.supporters += gone.length;
    return rows.length;
  });
}

/** The sweep: each cutoff's actions in batches, then what is left of them elsewhere; expired links. */
export async function sweep(db: Db, cutoffs: RetentionCutoff[], at: Date): Promise<SweepCounts> {
  const now = at.toISOString();
  const counts: SweepCounts = { actions: 0, supporters: 0, pending: 0 };
  for (const cutoff of cutoffs) {
    let n: number;
    do n = await sweepBatch(db, cutoff, now, counts);
    while (n === BATCH);
    await db.transaction(async (tx) => {
      // Older events of the campaign (delivered or not) and stored answers hold names and referral codes.
      await scrubEvents(tx, 'campaign = ? AND created_at < ?', [cutoff.campaign, cutoff.before], now);
      await tx.run('DELETE FROM idempotency WHERE campaign = ? AND created_at < ?', cutoff.campaign, cutoff.before);
    });
  }
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const rows = await tx.all(
        'SELECT id, confirmed_at FROM pending_actions WHERE expires_at <= ? LIMIT ?',
        now,
        BATCH,
      );
      const ids = rows.map((row) => String(row.id));
      if (!ids.length) return 0;
      await scrubEvents(tx, `${pendingIdOf(db)} IN (${marks(ids)})`, ids, now);
      await tx.run(`DELETE FROM pending_actions WHERE id IN (${marks(ids)})`, ...ids);
      counts.pending += rows.filter((row) => !row.confirmed_at).length;
      return ids.length;
    });
    if (n < BATCH) break;
  }
  await db.run('DELETE FROM access_links WHERE expires_at <= ?', now);
  return counts;
}

/** SQL for the held action an outbox event is about (confirmation requests carry it). */
export const pendingIdOf = (db: Pick<Db, 'dialect'>): string => field(db, 'payload', 'pendingId');

/** `LADDER_RETENTION_DAYS`: the default for campaigns without `retentionDays`; unset keeps their data. */
export function retentionDaysFromEnv(env: Record<string, string | undefined>): number | undefined {
  const raw = env.LADDER_RETENTION_DAYS?.trim();
  if (!raw) return undefined;
  if (!/^[1-9]\d*$/.test(raw)) {
    throw new Error(`LADDER_RETENTION_DAYS must be a whole number of days, like 365 (it is "${raw}").`);
  }
  return Number(raw);
}

/**
 * One retention pass for the campaigns (the Node server's hourly timer, `npm run retention`, a serverless cron).
 * Campaigns whose file is gone keep no data forever: the default days apply to each of their actions. Logs counts
 * only; a failure is logged by name and left for the next pass (the sweep resumes where it stopped).
 */
export async function sweepRetention(
  store: { sweep(cutoffs: RetentionCutoff[], now: Date): Promise<SweepCounts>; counts(): Promise<Map<string, number>> },
  campaigns: readonly CampaignEntry[],
  defaultDays: number | undefined,
  options: { now?: Date; log?: (line: string) => void } = {},
): Promise<SweepCounts | null> {
  const now = options.now ?? new Date();
  const log = options.log ?? ((line: string) => console.log(line));
  try {
    const cutoffs = retentionCutoffs(campaigns, defaultDays, now);
    if (defaultDays) {
      const known = new Set(campaigns.map((campaign) => campaign.slug));
      const before = new Date(now.getTime() - defaultDays * DAY_MS).toISOString();
      for (const slug of (await store.counts()).keys()) {
        if (!known.has(slug)) cutoffs.push({ campaign: slug, before });
      }
    }
    const counts = await store.sweep(cutoffs, now);
    if (counts.actions || counts.supporters || counts.pending) {
      log(
        `[ladder] retention: ${counts.actions} actions anonymized, ${counts.supporters} supporters deleted, ` +
          `${counts.pending} unconfirmed actions deleted`,
      );
    }
    return counts;
  } catch (error) {
    log(`[ladder] retention pass failed: ${(error as Error)?.name}`);
    return null;
  }
}
