/**
 * What the abuse defenses (functions/guard/) keep in the database, so that they hold across serverless instances:
 * fixed-window counters, the uses of each render token, and a secret the server made for itself.
 * Keys arrive already hashed (functions/guard/): no address is stored.
 */
import type { Db, Param, Row, Tx } from './db.ts';
import type { GuardCount, Hits, TokenUse, TokenUses } from './records.ts';

/** Past windows and spent tokens go about once every this many writes: cheap, and the tables stay small. */
const PRUNE_EVERY = 200;

const prune = async (db: Tx, table: 'guard_hits' | 'guard_token_uses', now: number): Promise<void> => {
  if (Math.random() * PRUNE_EVERY < 1) await db.run(`DELETE FROM ${table} WHERE expires_at < ?`, now);
};

/** The secret called `name`: the one stored, or `fresh` stored now (the first instance to start wins). */
export async function guardSecret(db: Db, name: string, fresh: string): Promise<string> {
  await db.run(
    'INSERT INTO guard_secrets (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING',
    name,
    fresh,
    new Date().toISOString(),
  );
  const row = await db.get('SELECT value FROM guard_secrets WHERE name = ?', name);
  return String(row!.value);
}

/** True when a submission under this idempotency key was recorded already (a resend after a lost answer). */
export async function recorded(db: Db, campaign: string, key: string): Promise<boolean> {
  return !!(await db.get('SELECT 1 AS one FROM idempotency WHERE campaign = ? AND key = ?', campaign, key));
}

/** The windows `buckets` fall in at `now` (`windowMs` long, aligned to the epoch). */
const windowsOf = (buckets: { key: string; windowMs: number }[], now: number) =>
  buckets.map(({ key, windowMs }) => ({ key, start: now - (now % windowMs), end: now - (now % windowMs) + windowMs }));

/** One more hit in each window, `where` it holds (with its parameters): the hits after it, by bucket. */
const HIT = (windows: unknown[], where = '1 = 1') =>
  `INSERT INTO guard_hits (bucket, window_start, hits, expires_at)
   SELECT w.bucket, w.window_start, 1, w.expires_at FROM (${windows
     .map(() => 'SELECT CAST(? AS TEXT) AS bucket, CAST(? AS BIGINT) AS window_start, CAST(? AS BIGINT) AS expires_at')
     .join(' UNION ALL ')}) AS w
   WHERE ${where}
   ON CONFLICT (bucket, window_start) DO UPDATE SET hits = guard_hits.hits + 1 RETURNING bucket, hits`;
const hitParams = (windows: ReturnType<typeof windowsOf>) =>
  windows.flatMap(({ key, start, end }) => [key, start, end]);
const hitsOf = (windows: ReturnType<typeof windowsOf>, rows: Row[]): Hits[] => {
  const hits = new Map(rows.map((row) => [String(row.bucket), Number(row.hits)]));
  return windows.map(({ key, end }) => ({ hits: hits.get(key)!, resetAt: end }));
};

/**
 * One more hit in each bucket's current window (`windowMs` long, aligned to the epoch): the hits after it. The
 * buckets (distinct keys) go in one statement: one commit instead of one each, on every submission.
 */
export async function hit(db: Db, buckets: { key: string; windowMs: number }[], now: number): Promise<Hits[]> {
  const windows = windowsOf(buckets, now);
  const rows = await db.all(HIT(windows), ...hitParams(windows));
  await prune(db, 'guard_hits', now);
  return hitsOf(windows, rows);
}

/** A claim is kept beside the pass, under its submission's key with this before it. */
const CLAIM = 'claim\n';
const submission = (key: string) => (key.startsWith(CLAIM) ? key.slice(CLAIM.length) : key);

/**
 * In one read: whether a submission under the idempotency `key` was recorded, and how the token of `use` was used
 * before (`tokenUses`). Null uses: no token to look at. With `count`, the guard's rate-limit windows get one more
 * hit, on PostgreSQL in the same statement (a data-modifying WITH: one round trip), on SQLite right after it; only
 * when `counts` holds (the same look, in SQL), so that no resend and no submission the token's rules refuse is
 * counted (functions/guard/check.ts).
 */
export async function guardLook(
  db: Db,
  campaign: string,
  key: string | null,
  use: TokenUse | null,
  count?: GuardCount,
): Promise<{ recorded: boolean; uses: TokenUses | null; hits: Hits[] | null }> {
  const parts = [
    ...(key
      ? [
          `SELECT 'recorded' AS what, NULL AS key, NULL AS email, NULL AS used_at FROM idempotency WHERE campaign = ? AND key = ?`,
        ]
      : []),
    ...(use ? [`SELECT 'use' AS what, key, email, used_at FROM guard_token_uses WHERE nonce = ?`] : []),
  ];
  if (!parts.length) return { recorded: false, uses: null, hits: null };
  const look = parts.join(' UNION ALL ');
  const params = [...(key ? [campaign, key] : []), ...(use ? [use.nonce] : [])];
  const windows = use && count ? windowsOf(count.buckets, count.now) : null;
  const hitting = windows && HIT(windows, counts);
  const hittingParams = windows && [...hitParams(windows), ...countsParams(campaign, key, use!, count!)];
  let rows: Row[];
  let hitRows: Row[] = [];
  if (hitting && db.dialect === 'postgres') {
    // The hits come back as rows of their own (`bucket` as key, `hits` as used_at).
    rows = await db.all(
      `WITH counted AS (${hitting}) SELECT 'hit' AS what, bucket AS key, NULL AS email, hits AS used_at FROM counted UNION ALL ${look}`,
      ...hittingParams!,
      ...params,
    );
    hitRows = rows.filter((row) => row.what === 'hit').map((row) => ({ bucket: row.key, hits: row.used_at }));
  } else {
    rows = await db.all(look, ...params);
    if (hitting) hitRows = await db.all(hitting, ...hittingParams!);
  }
  if (hitRows.length) await prune(db, 'guard_hits', count!.now);
  const uses = rows.filter((row) => row.what === 'use');
  return {
    recorded: rows.some((row) => row.what === 'recorded'),
    uses: use && usesOf(uses, use),
    hits: windows && hitRows.length ? hitsOf(windows, hitRows) : null,
  };
}

/** A use's submission key, in SQL: a claim's without the prefix (`submission`). */
const SUBMISSION = `CASE WHEN substr(key, 1, ${CLAIM.length}) = ? THEN substr(key, ${CLAIM.length + 1}) ELSE key END`;
const OTHERS = `FROM guard_token_uses WHERE nonce = ? AND ${SUBMISSION} <> ?`;
/**
 * When the look lets a submission on to the rate limits (check.ts `guardAction`, `checkReuse` with `usesOf`), in
 * SQL: its key not recorded; not a resend (a pass of the token under the same key); no other submission on the
 * token with the same email; fewer others than the cap; the latest other at least the min fill time away.
 */
const counts = `NOT EXISTS (SELECT 1 FROM idempotency WHERE campaign = ? AND key = ?)
  AND NOT EXISTS (SELECT 1 FROM guard_token_uses WHERE nonce = ? AND key = ?)
  AND NOT EXISTS (SELECT 1 ${OTHERS} AND email = ?)
  AND (SELECT count(DISTINCT ${SUBMISSION}) ${OTHERS}) < ?
  AND COALESCE((SELECT abs(? - max(used_at)) ${OTHERS}) >= ?, 1 = 1)`;
const countsParams = (campaign: string, key: string | null, use: TokenUse, count: GuardCount): Param[] => {
  const others = [use.nonce, CLAIM, use.key];
  return [
    ...[campaign, key, use.nonce, use.key],
    ...[...others, use.email],
    ...[CLAIM, ...others, count.cap],
    ...[use.at, ...others, count.minFillMs],
  ];
};

/** How the token `nonce` was used before, as seen by the submission `key` (the same key again is a resend). */
export async function tokenUses(db: Db, use: TokenUse): Promise<TokenUses> {
  return usesOf(await db.all('SELECT key, email, used_at FROM guard_token_uses WHERE nonce = ?', use.nonce), use);
}

function usesOf(rows: Row[], use: TokenUse): TokenUses {
  const others = rows.filter((row) => submission(String(row.key)) !== use.key);
  return {
    resend: rows.some((row) => row.key === use.key),
    before: new Set(others.map((row) => submission(String(row.key)))).size,
    lastAt: others.length ? Math.max(...others.map((row) => Number(row.used_at))) : null,
    sameEmail: use.email !== null && others.some((row) => row.email === use.email),
  };
}

/**
 * Records the submission's claim on its token, then reads the token's uses, this claim among them
 * (functions/guard/check.ts): on PostgreSQL in one round trip, under the token's lock (`ladder_claim`, migration 15).
 */
export async function claimToken(db: Db, use: TokenUse): Promise<TokenUses> {
  const claim = { ...use, claim: true };
  if (db.dialect !== 'postgres') {
    await useToken(db, claim);
    return tokenUses(db, use);
  }
  const rows = await db.all(
    'SELECT use_key AS key, use_email AS email, use_at AS used_at FROM ladder_claim(?, ?, ?, ?, ?)',
    ...passParams(claim),
  );
  await prune(db, 'guard_token_uses', use.at);
  return usesOf(rows, use);
}

/** The statement recording a use of a token, and its parameters. */
export const PASS = `INSERT INTO guard_token_uses (nonce, key, email, used_at, expires_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (nonce, key) DO NOTHING`;
const passParams = (use: TokenUse) =>
  [use.nonce, use.claim ? `${CLAIM}${use.key}` : use.key, use.email, use.at, use.expiresAt] as const;

/**
 * Records that the token served the submission, once it passed every check, or its claim (`use.claim`). A claim
 * is written before the last look at the token's uses (functions/guard/check.ts), so that of submissions checked
 * at the same moment each sees the others' claims: the cap cannot be overshot by what arrives concurrently.
 */
export async function useToken(db: Db, use: TokenUse): Promise<void> {
  await db.run(PASS, ...passParams(use));
  await prune(db, 'guard_token_uses', use.at);
}

/** A pass to record with an action (store/one-trip.ts): the statement and its parameters. */
export const passStatement = (use: TokenUse): [string, ...Param[]] => [PASS, ...passParams(use)];
