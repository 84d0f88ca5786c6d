/**
 * The abuse defenses every action's POST goes through (called by routes/action.ts `actionBase`, after the body and
 * the ask's own rules were checked, right before the store records it). In order:
 *
 * 1. Honeypot filled: a decoy success (`decoy.ts`); nothing is stored, and the bot learns nothing. A resend of a
 *    submission already recorded (same idempotency key) passes: the store answers it from its record.
 * 2. Render token: missing, too old or used up: 403 `token_expired` (the widget fetches a fresh one and resends
 *    by itself); not ours: 403 `token_invalid`; sooner than the min fill time after it was issued: 429 `too_fast`
 *    with `Retry-After` (a person never sees it: the widget waits the remainder; if clocks disagree, the outbox
 *    simply resends).
 * 3. Disposable email: by policy, refused with a field error, or a CAPTCHA.
 * 4. Token reuse: a few submissions per token (a family on one page), paced like people; a canvasser's page many.
 *    Looked at again once the submission's claim is recorded, so that requests fired at once on one token do not
 *    all pass.
 * 5. Rate limits per campaign, per client IP and per email (429, `Retry-After`: the outbox retries, so a school
 *    behind one address is slowed, never lost); requests with no `Origin` (not a browser) count as one address.
 *    Counted in the round trip of the look at 1 and 4 (on PostgreSQL three in all with the claim and the pass).
 *    A burst from one IP, or no `Origin`, is a risk.
 * 6. A risk asks for a CAPTCHA when a provider is configured (see `captcha.ts`, `challenge`).
 */
import type { Context } from 'hono';
import { HONEYPOT } from '../../schema/errors.ts';
import type { CampaignEntry } from '../../schema/campaign.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { sha256 } from '../store/ids.ts';
import type { Hits, Store, TokenUse, TokenUses } from '../store/types.ts';
import { challenge, type Risk } from './challenge.ts';
import type { GuardOptions } from './config.ts';
import { decoy } from './decoy.ts';
import { isDisposable } from './disposable.ts';
import { issueToken, keyedHash, macKey, type VerifiedToken, verifyToken } from './token.ts';

type Ctx = Context<AppEnv>;

/** The fields of an action's body the guard reads (schema/actions.ts `guardFields`, and who is acting). */
export interface Guarded {
  token?: string;
  [HONEYPOT]?: string;
  captcha?: string;
  device?: string;
  person?: { email?: string };
  canvass?: unknown;
}

const keys = new WeakMap<GuardOptions, Promise<CryptoKey>>();
/** The guard's HMAC key, imported once per configuration. */
export const guardKey = (guard: GuardOptions): Promise<CryptoKey> => {
  let key = keys.get(guard);
  if (!key) keys.set(guard, (key = macKey(guard.secret)));
  return key;
};

export const guardNow = (guard: GuardOptions): number => guard.now?.() ?? Date.now();

/** The body without the guard's own fields: what an idempotency key's request hash covers. */
export function withoutGuardFields<T>(input: T): T {
  if (typeof input !== 'object' || input === null) return input;
  const { token: _token, [HONEYPOT]: _honeypot, captcha: _captcha, device: _device, ...rest } = input as Guarded;
  return rest as T;
}

/** The client's address, as configured (`GuardOptions.trustProxy`); null when nothing says. */
export function clientIp(c: Ctx, trustProxy: GuardOptions['trustProxy']): string | null {
  if (trustProxy === true) {
    const hops = c.req.header('X-Forwarded-For')?.split(',');
    const last = hops?.[hops.length - 1]?.trim();
    if (last) return last;
  } else if (trustProxy) {
    const value = c.req.header(trustProxy)?.trim();
    if (value) return value;
  }
  return (c.env as { ip?: string } | undefined)?.ip ?? null;
}

const retryAfter = (ms: number) => ({ 'Retry-After': String(Math.max(Math.ceil(ms / 1000), 1)) });

const tooFast = (waitMs: number) =>
  new ApiError('too_fast', 'Sent sooner than a person fills the form: send it again after Retry-After.', {
    headers: retryAfter(waitMs),
  });

/** The submission's pass when it went through every check (none: a resend, or the guard is off), for the store. */
export async function guardAction(
  c: Ctx,
  campaign: CampaignEntry,
  input: Guarded,
  key: string | null,
): Promise<TokenUse | undefined> {
  const guard = c.get('options').guard;
  if (!guard) return;
  if (input[HONEYPOT]) throw await decoy(c, campaign, input);
  const store = c.get('options').store;
  const now = guardNow(guard);
  const mac = await guardKey(guard);
  const verified = input.token ? await verifyToken(mac, campaign.slug, input.token) : null;
  const email = input.person?.email?.trim().toLowerCase() || null;
  const canvass = input.canvass !== undefined;
  const emailHash = email && (await keyedHash(mac, `email\n${campaign.slug}\n${email}`));
  const use: TokenUse | null = verified && {
    nonce: verified.nonce,
    key: key ?? (await sha256(JSON.stringify(withoutGuardFields(input)))),
    email: emailHash,
    at: now,
    expiresAt: verified.issued + guard.maxAgeMs,
  };
  const risks: Risk[] = [];
  // The checks that need no database, first: their verdict is thrown after the look, since the resend of a
  // recorded key passes whatever its token's age (and a refused submission is not counted against the limits).
  let token: VerifiedToken | undefined;
  let refusal: unknown;
  try {
    token = checkToken(guard, verified, input.token, now);
    if (email && guard.disposable !== 'allow' && (await isDisposable(email))) {
      if (guard.disposable === 'refuse' || !guard.captcha) {
        throw new ApiError('invalid_input', 'Use an email address you keep, not a disposable one.', {
          codes: { 'person.email': 'disposable_email' },
        });
      }
      risks.push('strong');
    }
  } catch (error) {
    refusal = error;
  }
  const ip = clientIp(c, guard.trustProxy);
  // Every browser sends an Origin with a POST: without one, it is a server relaying its own form, or a script.
  // They share one address per campaign, so that a script spread over many addresses gets no more than one
  // server does (without a CAPTCHA provider, nothing else would tell it from as many people).
  const browser = !!c.req.header('Origin');
  const ipHash = await keyedHash(mac, `ip\n${campaign.slug}\n${browser ? (ip ?? 'unknown') : 'no Origin'}`);
  const buckets = limited(guard, ipHash, emailHash, canvass);
  // One round trip for the look and the rate limits (issue 14): whether the key was recorded, how the token was
  // used before, and the windows' hits. The store counts the submission only when the look lets it on to the
  // limits, by the same rules as here: its key not recorded, no resend of the same token and key, and the token's
  // reuse rules pass (`checkReuse`; in SQL, store/guard.ts `counts`); and it is asked to count only when the checks
  // above passed. So no refusal counts that did not when the limits were a round trip of their own after the look
  // (none before the limits: no token, forged, expired, too young, disposable, same person under a new key, token
  // used up, next person too soon); the ones after them count as before (a 429 itself, a CAPTCHA asked or failed,
  // a refusal on the look after the claim: concurrent submissions on one token).
  const count = refusal
    ? undefined
    : { buckets, now, cap: reuseCap(guard, canvass), minFillMs: canvass ? 0 : token!.minFillMs };
  const seen = await store.guardLook(campaign.slug, key, use, count);
  // A resend of what was recorded (its answer was lost) gets the stored answer, whatever its token's age: the
  // outbox's retries never meet a defense, and a bot replaying a key only learns what it already knew.
  if (key && seen.recorded) return;
  if (refusal) throw refusal;

  // The same submission again (same token, same key) after a failure before it was stored (a 503, a lost
  // connection): it passed every check the first time, and its retries must not use up the person's limits.
  if (await checkReuse(store, guard, token!, use!, canvass, seen.uses!)) return;

  // Counted with the look, unless the store's rules and checkReuse disagreed (then counted now).
  if (rateLimit(guard, seen.hits ?? (await store.hit(buckets, now)), canvass, now)) risks.push('soft');
  if (!browser) risks.push('soft');
  if (risks.length) await challenge(guard, risks, input.captcha, ip);
  // Claimed first, then looked at again: of submissions sharing the token at the same moment, each sees the
  // others' claims (20 requests fired at once on one token passed the look above together, all of them).
  await checkReuse(store, guard, token!, use!, canvass, await store.claimToken(use!), true);
  // The pass: recorded by the store with the action, in its round trip (store/records.ts `guardPass`).
  return use!;
}

/** The render token (verified: ours, for this campaign), neither too young nor too old. */
function checkToken(guard: GuardOptions, token: VerifiedToken | null, raw: string | undefined, now: number) {
  if (!raw) throw new ApiError('token_expired', 'Send the token from GET /api/campaigns/<slug> with the submission.');
  // A minute of clock difference between instances is tolerated; a token from further ahead was not ours.
  if (!token || token.issued > now + 60_000) {
    throw new ApiError('token_invalid', 'This form was not served by this site for this campaign: reload it.');
  }
  if (now - token.issued > guard.maxAgeMs) {
    throw new ApiError('token_expired', 'This form is old: fetch the campaign again for a fresh token and resend.');
  }
  if (now - token.issued < token.minFillMs) throw tooFast(token.minFillMs - (now - token.issued));
  return token;
}

/**
 * A few submissions per token, paced like people; a canvasser's page many, at once. True for a resend. `before`:
 * the token's uses; `claimed`: seen with this submission's claim, where a use at the same moment (concurrent) is
 * one too many.
 */
async function checkReuse(
  store: Store,
  guard: GuardOptions,
  token: VerifiedToken,
  use: TokenUse,
  canvass: boolean,
  before: TokenUses,
  claimed = false,
): Promise<boolean> {
  if (before.resend && !claimed) return true;
  // The same person again under a new key is a captured request replayed; past the cap, a token farm.
  if (before.sameEmail || before.before >= reuseCap(guard, canvass)) {
    throw new ApiError('token_expired', 'This token is used up: fetch the campaign again for a fresh one.');
  }
  // The next person at the same page needs time to type too; a canvasser records offline and syncs at once.
  // Rushing counts against the token's cap: a script firing it in a loop uses it up in a few tries (a person's
  // widget, told to wait, has its submission resent by the outbox, with a fresh token if need be).
  // A refusal for rushing is kept as a claim, not a pass: its resend is checked again like any submission (kept as
  // a pass, the resend of what was refused skipped the rate limits and the CAPTCHA).
  const since = Math.abs(use.at - (before.lastAt ?? -Infinity));
  if (!canvass && since < token.minFillMs) {
    await store.useToken({ ...use, claim: true });
    throw tooFast(token.minFillMs - since);
  }
  return false;
}

const reuseCap = (guard: GuardOptions, canvass: boolean) => (canvass ? guard.canvassUses : guard.tokenUses);

/** A canvasser's sync is a burst by nature: its items count against a larger budget, and no burst rule. */
const perIpOf = (guard: GuardOptions, canvass: boolean) =>
  canvass ? { ...guard.perIp, limit: guard.canvassUses } : guard.perIp;

/** The windows a submission is counted in: per campaign and client IP (and its bursts), and per email. */
const limited = (guard: GuardOptions, ipHash: string, emailHash: string | null, canvass: boolean) => [
  { key: `ip:${ipHash}`, windowMs: perIpOf(guard, canvass).windowMs },
  { key: `burst:${ipHash}`, windowMs: guard.burst.windowMs },
  ...(emailHash ? [{ key: `email:${emailHash}`, windowMs: guard.perEmail.windowMs }] : []),
];

/**
 * The submission's hits in its windows (`limited`): past a limit, 429 with `Retry-After`. True for a burst from
 * one IP when a CAPTCHA can tell (without a provider, a burst is a 429 too).
 */
function rateLimit(guard: GuardOptions, [byIp, quick, byEmail]: Hits[], canvass: boolean, now: number): boolean {
  const over: [Hits | undefined, number][] = [
    [byIp, perIpOf(guard, canvass).limit],
    [byEmail, guard.perEmail.limit],
    [canvass || guard.captcha ? undefined : quick, guard.burst.limit],
  ];
  for (const [counted, limit] of over) {
    if (counted && counted.hits > limit) {
      throw new ApiError('rate_limited', 'Too many submissions for this campaign from here: retry after Retry-After.', {
        headers: retryAfter(counted.resetAt - now),
      });
    }
  }
  return !canvass && quick.hits > guard.burst.limit;
}

/** A render token for a form of `slug` (`GET /api/campaigns/:slug`, `token`); none when the guard is off. */
export async function renderToken(guard: GuardOptions | undefined, slug: string): Promise<string | undefined> {
  return guard && issueToken(await guardKey(guard), slug, guardNow(guard), guard.minFillMs);
}
