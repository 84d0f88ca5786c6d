/** The steps every action's transaction is made of, shared by the engine and the RSVPs. */
import type { Row, Tx } from './db.ts';
import { marks, readJson } from './db.ts';
import { isRung, rungFor } from '../../schema/funnel.ts';
import { newId, referralCode } from './ids.ts';
import type { RecordResult, Respond, SignatureRecord } from './records.ts';

export type ActionRecord = Pick<
  SignatureRecord,
  'campaign' | 'consent' | 'origin' | 'idempotency' | 'nextAskCandidates' | 'doubleOptIn' | 'deviceHash' | 'guardPass'
>;

export interface Person {
  email: string;
  givenName?: string;
  familyName?: string;
  postcode?: string;
  phone?: string;
}

/**
 * Runs `work` after the idempotency check and stores its outcome under the key. The key's row is taken first (a
 * placeholder, filled in at the end): a second request with the same key waits for this transaction at the unique
 * index, then is answered from the outcome it stored (or, if this one rolled back, takes the key itself).
 */
export async function idempotent<O>(
  tx: Tx,
  record: ActionRecord,
  work: () => Promise<O>,
  respond: Respond<O>,
): Promise<RecordResult> {
  const { campaign, idempotency } = record;
  if (idempotency) {
    const taken = await tx.get(
      `INSERT INTO idempotency (campaign, key, request_hash, status, body, created_at) VALUES (?, ?, ?, 0, 'null', ?)
       ON CONFLICT DO NOTHING RETURNING key`,
      campaign,
      idempotency.key,
      idempotency.requestHash,
      new Date().toISOString(),
    );
    const seen =
      !taken &&
      (await tx.get(
        'SELECT request_hash, status, body FROM idempotency WHERE campaign = ? AND key = ?',
        campaign,
        idempotency.key,
      ));
    if (seen) {
      if (seen.request_hash !== idempotency.requestHash) return { mismatch: true };
      return replayed(Number(seen.status), readJson(seen.body), respond);
    }
  }
  const outcome = await work();
  if (idempotency) {
    await tx.run(
      'UPDATE idempotency SET status = ?, body = ? WHERE campaign = ? AND key = ?',
      OUTCOME_STORED,
      JSON.stringify(outcome, (_key, value: unknown) => (value instanceof Set ? [...value] : value)),
      campaign,
      idempotency.key,
    );
  }
  return { ...respond(outcome), replay: false };
}

/**
 * An idempotency record's status when its body is the outcome (migration 15), answered again by the route's
 * `respond`: a function of the outcome, the campaign and the site, the same for a resend. Records written before
 * kept the response itself, with its status.
 */
export const OUTCOME_STORED = 1;

/** The answer to a resend of what is recorded under its key: 200, with the first answer's body. */
export function replayed<O>(status: number, body: unknown, respond: Respond<O>): RecordResult {
  if (status !== OUTCOME_STORED) return { status: 200, body, replay: true };
  return { status: 200, body: respond(revive<O>(body)).body, replay: true };
}

/** An outcome read back from JSON: `done` is a set again. */
export const revive = <O>(body: unknown): O => {
  const outcome = body as { done?: string[] };
  return { ...outcome, done: new Set(outcome.done ?? []) } as O;
};

/** A supporter as stored: what messages and events about their actions carry, whatever a request said. */
export interface Supporter {
  id: string;
  /** Theirs for a new supporter; for a known one, a fresh code that credits them (`referralAlias`). */
  referralCode: string;
  referrerId: string | null;
  /** On file before this request, which did not prove the email: nothing of theirs was changed. */
  known: boolean;
  person: Person;
}

/**
 * Finds the supporter by email, or creates them. Knowing an email proves nothing, so a request never changes a
 * known supporter's name, postcode or phone (README, "Security and privacy"), and never gets their own referral code.
 */
export async function upsertSupporter(
  tx: Tx,
  person: Person,
  referrer: string | undefined,
  now: string,
): Promise<Supporter> {
  const by = referrer
    ? await tx.get(
        `SELECT id, email FROM supporters WHERE referral_code = ?
         UNION ALL SELECT s.id, s.email FROM referral_codes r JOIN supporters s ON s.id = r.supporter_id WHERE r.code = ?`,
        referrer,
        referrer,
      )
    : undefined;
  // Nobody refers themselves.
  const referrerId = by && by.email !== person.email ? String(by.id) : null;
  for (let attempt = 0; attempt < 8; attempt++) {
    // A new supporter first (most are, in a spike). No conflict target: the email known already (a concurrent insert
    // of it: PostgreSQL waits for it) or a referral code collision both end here with no row, and we look them up.
    const id = newId();
    const code = referralCode();
    // Their first rung (contact) is recorded by a trigger (migration 13), in the same round trip.
    const row = await tx.get(
      `INSERT INTO supporters (id, email, given_name, family_name, postcode, phone, referral_code, referred_by,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
      id,
      person.email,
      person.givenName ?? '',
      person.familyName ?? '',
      person.postcode ?? null,
      person.phone ?? null,
      code,
      referrerId,
      now,
      now,
    );
    if (row) {
      // Recruiting someone moves the recruiter up.
      if (referrerId) await updateRung(tx, referrerId, now);
      return { id, referralCode: code, referrerId, known: false, person };
    }
    const existing = await tx.get(
      'SELECT id, email, given_name, family_name, postcode, phone FROM supporters WHERE email = ?',
      person.email,
    );
    if (existing) {
      const id = String(existing.id);
      // Holds the row till the end. No row: the retention sweep deleted this supporter meanwhile (PostgreSQL
      // waited for it); look again.
      const held = await tx.get('UPDATE supporters SET updated_at = ? WHERE id = ? RETURNING id', now, id);
      if (!held) continue;
      const alias = await referralAlias(tx, id, now);
      return { id, referralCode: alias, referrerId, known: true, person: stored(existing) };
    }
  }
  throw new Error('could not create the supporter');
}

/** A supporter row as the person events carry; no key for what is not on file. */
const stored = (row: Row): Person => ({
  email: String(row.email),
  givenName: String(row.given_name),
  familyName: String(row.family_name),
  ...(row.postcode == null ? {} : { postcode: String(row.postcode) }),
  ...(row.phone == null ? {} : { phone: String(row.phone) }),
});

/**
 * A new referral code crediting a known supporter, for an answer to a request that did not prove their email: the
 * share link works, and their own code stays theirs. A code already in use (someone's own, another alias) is drawn
 * again.
 */
async function referralAlias(tx: Tx, supporterId: string, now: string): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = referralCode();
    if (await tx.get('SELECT id FROM supporters WHERE referral_code = ?', code)) continue;
    const row = await tx.get(
      'INSERT INTO referral_codes (code, supporter_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING code',
      code,
      supporterId,
      now,
    );
    if (row) return code;
  }
  throw new Error('could not draw a referral code');
}

export async function bump(tx: Tx, campaign: string, kind: string, by: number, shards: number): Promise<void> {
  await tx.run(
    `INSERT INTO counts (campaign, kind, shard, count) VALUES (?, ?, ?, ?)
     ON CONFLICT (campaign, kind, shard) DO UPDATE SET count = counts.count + excluded.count`,
    campaign,
    kind,
    Math.floor(Math.random() * shards),
    by,
  );
}

export async function counter(tx: Tx, campaign: string, kind: string): Promise<number> {
  const row = await tx.get('SELECT SUM(count) AS n FROM counts WHERE campaign = ? AND kind = ?', campaign, kind);
  return Number(row?.n ?? 0);
}

/** Counter kinds by prefix: a call's outcome (`call:<outcome>`), an action's page origin (migration 4). */
export const OUTCOME = 'call:';
export const ORIGIN = 'origin:';

/**
 * The campaign's counters whose kind starts with one of `prefixes`, most first. An action without an origin is
 * counted under `origin`, the prefix without its colon.
 */
export async function kinds(tx: Tx, campaign: string, prefixes: string[]): Promise<Row[]> {
  const like = prefixes.map((prefix) => `kind LIKE '${prefix}%'${prefix === ORIGIN ? " OR kind = 'origin'" : ''}`);
  return tx.all(
    `SELECT kind, SUM(count) AS n FROM counts WHERE campaign = ? AND (${like.join(' OR ')}) GROUP BY kind ORDER BY n DESC`,
    campaign,
  );
}

/** A call campaign's calls by outcome, from `kinds`. */
export const outcomes = (rows: Row[]): Record<string, number> =>
  Object.fromEntries(
    rows
      .filter((row) => String(row.kind).startsWith(OUTCOME))
      .map((row) => [String(row.kind).slice(OUTCOME.length), Number(row.n)]),
  );

/** Actions per page origin (null: none), most first, from `kinds`: counters, not a count of the actions. */
export const shares = (rows: Row[]): { origin: string | null; count: number }[] =>
  rows
    .filter((row) => row.kind === 'origin' || String(row.kind).startsWith(ORIGIN))
    .map((row) => ({
      origin: row.kind === 'origin' ? null : String(row.kind).slice(ORIGIN.length),
      count: Number(row.n),
    }));

/** Which of the campaigns the supporter has acted on. */
export async function doneAmong(tx: Tx, supporterId: string | null, campaigns: string[]): Promise<Set<string>> {
  if (!supporterId || !campaigns.length) return new Set();
  const rows = await tx.all(
    `SELECT DISTINCT campaign FROM actions WHERE supporter_id = ? AND campaign IN (${marks(campaigns)})`,
    supporterId,
    ...campaigns,
  );
  return new Set(rows.map((row) => String(row.campaign)));
}

export async function recordConsent(
  tx: Tx,
  actionId: string,
  record: ActionRecord,
  contact: boolean,
  sms: boolean,
  now: string,
): Promise<void> {
  // One consent per action: RSVPing again replaces it with what the person agreed to this time.
  await tx.run(
    `INSERT INTO consents (action_id, contact, sms, text_version, text_hash, origin, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (action_id) DO UPDATE SET contact = excluded.contact,
     sms = excluded.sms, text_version = excluded.text_version, text_hash = excluded.text_hash,
     origin = excluded.origin, created_at = excluded.created_at`,
    actionId,
    contact,
    sms,
    record.consent.version,
    record.consent.textHash,
    record.origin,
    now,
  );
}

export async function addTags(tx: Tx, supporterId: string, tags: string[], source: string, now: string) {
  for (const tag of new Set(tags)) {
    await tx.run(
      'INSERT INTO supporter_tags (supporter_id, tag, source, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      supporterId,
      tag,
      source,
      now,
    );
  }
}

/** Recomputes a supporter's rung from their actions and records the change, if any. */
export async function updateRung(tx: Tx, supporterId: string, now: string): Promise<void> {
  const row = await tx.get(
    `SELECT s.rung, s.rung_override,
       (SELECT COUNT(*) FROM actions a WHERE a.supporter_id = s.id) AS actions,
       (SELECT COUNT(*) FROM rsvps r WHERE r.supporter_id = s.id AND r.attended_at IS NOT NULL) AS attended,
       (SELECT COUNT(*) FROM supporter_tags t WHERE t.supporter_id = s.id
          AND t.tag IN ('volunteer', 'volunteer-prospect')) AS volunteered,
       (SELECT COUNT(*) FROM supporter_tags t WHERE t.supporter_id = s.id AND t.tag = 'leader') AS leads,
       (SELECT COUNT(*) FROM supporters r WHERE r.referred_by = s.id) AS recruits
     FROM supporters s WHERE s.id = ?`,
    supporterId,
  );
  if (!row) return;
  const rung = rungFor({
    actions: Number(row.actions),
    attended: Number(row.attended) > 0,
    volunteered: Number(row.volunteered) > 0,
    recruits: Number(row.recruits),
    leads: Number(row.leads) > 0,
    override: isRung(row.rung_override) ? row.rung_override : null,
  });
  if (rung === row.rung) return;
  // The history row is written by a trigger (migration 13), in the same round trip.
  await tx.run('UPDATE supporters SET rung = ?, updated_at = ? WHERE id = ?', rung, now, supporterId);
}
