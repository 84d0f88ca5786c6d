/**
 * What every ask's POST route shares (DESIGN.md, "The journey of one signature"): the campaign must be of the
 * right kind and open; the idempotency key, consent text and next-ask candidates go to the store; the response
 * carries the count, the share link and the next ask.
 */
import type { Context } from 'hono';
import type { ActionResult, NextAsk } from '../../schema/actions.ts';
import type { CampaignEntry, CampaignKind } from '../../schema/campaign.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { type Guarded, guardAction, withoutGuardFields } from '../guard/check.ts';
import { idempotencyKey } from '../middleware/json-body.ts';
import { sha256 } from '../store/ids.ts';
import type { ActionOutcome, RecordResult } from '../store/types.ts';

type Ctx = Context<AppEnv>;

/** The campaign of the route, checked to be of `kind` and open. */
export function openCampaign<K extends CampaignKind>(c: Ctx, kind: K): Extract<CampaignEntry, { kind: K }> {
  const campaign = c.get('campaign');
  if (campaign.kind !== kind) throw new ApiError('not_found', `"${campaign.slug}" is not a ${kind} campaign.`);
  if (campaign.status === 'closed') throw new ApiError('campaign_closed', `"${campaign.slug}" is closed.`);
  return campaign as Extract<CampaignEntry, { kind: K }>;
}

/** The parts of a store record every action has, for a validated input. */
export async function actionBase(c: Ctx, campaign: CampaignEntry, input: unknown, key = idempotencyKey(c)) {
  // The last check before the store: a refusal here leaves nothing behind (functions/guard/check.ts).
  const guardPass = await guardAction(c, campaign, input as Guarded, key);
  return {
    campaign: campaign.slug,
    consent: { version: campaign.consent.version, textHash: await consentHash(campaign.consent) },
    origin: c.req.header('Origin') ?? null,
    // A resend with a fresh token or a CAPTCHA answer is the same submission.
    idempotency: key ? { key, requestHash: await sha256(JSON.stringify(withoutGuardFields(input))) } : null,
    nextAskCandidates: nextAskCandidates(campaign, c.get('options').catalog.list()).map((entry) => entry.slug),
    doubleOptIn: campaign.doubleOptIn,
    // Kept hashed: the key is the browser's proof that it once followed this person's link.
    deviceHash: await deviceHash(input as Guarded),
    // Recorded by the store with the action, in the same round trip on PostgreSQL.
    guardPass: guardPass ?? null,
  };
}

/** The device key's SHA-256 (schema/actions.ts `device`), or null when the widget sent none. */
const deviceHash = ({ device }: Guarded) => (device ? sha256(device) : null);

/**
 * The consent text's hash, once per campaign entry rather than on every submission: the catalog hands out the same
 * entry until it reloads the campaign, whose new entry (and its consent) is hashed afresh; the old one is collected.
 */
const consentHashes = new WeakMap<CampaignEntry['consent'], Promise<string>>();
function consentHash(consent: CampaignEntry['consent']): Promise<string> {
  let hash = consentHashes.get(consent);
  if (!hash) consentHashes.set(consent, (hash = sha256(consent.text)));
  return hash;
}

/** The campaign's next asks that exist and are open, in the organizer's order; events soonest first. */
function nextAskCandidates(campaign: CampaignEntry, all: CampaignEntry[]): CampaignEntry[] {
  const now = new Date().toISOString();
  const bySlug = new Map(all.map((entry) => [entry.slug, entry]));
  const candidates = campaign.nextAsks
    .map((slug) => bySlug.get(slug))
    .filter((entry): entry is CampaignEntry => !!entry && entry.status === 'open' && entry.slug !== campaign.slug)
    // An event that has ended is no longer an ask.
    .filter((entry) => entry.kind !== 'event' || entry.event.endsAt > now);
  // Among the events on the list, the nearest comes first; the others keep the organizer's order.
  const events = candidates
    .filter((entry) => entry.kind === 'event')
    .sort((a, b) => (a.kind === 'event' && b.kind === 'event' ? a.event.startsAt.localeCompare(b.event.startsAt) : 0));
  return candidates.map((entry) => (entry.kind === 'event' ? events.shift()! : entry));
}

/** Count, share link and next ask, from the store's outcome. */
export function actionResult(c: Ctx, campaign: CampaignEntry, outcome: ActionOutcome): ActionResult {
  const siteOrigin = c.get('siteOrigin');
  // Held for double opt-in: nothing to share or ask yet; the confirmation page gives both.
  if (outcome.pending)
    return {
      duplicate: false,
      count: outcome.count,
      shareUrl: `${siteOrigin}/act/${campaign.slug}/`,
      nextAsk: null,
      pending: true,
    };
  const next = nextAskCandidates(campaign, c.get('options').catalog.list()).find((e) => !outcome.done.has(e.slug));
  const nextAsk: NextAsk | null = next
    ? { slug: next.slug, kind: next.kind, title: next.title, url: `${siteOrigin}/act/${next.slug}/` }
    : null;
  return {
    duplicate: outcome.duplicate,
    count: outcome.count,
    ...(outcome.referralCode
      ? {
          referralCode: outcome.referralCode,
          shareUrl: `${siteOrigin}/act/${campaign.slug}/?ref=${outcome.referralCode}`,
        }
      : {}),
    nextAsk,
  };
}

/** The route's answer: the stored response, or 422 for a key reused with another body. */
export function answer(c: Ctx, result: RecordResult): Response {
  if ('mismatch' in result) {
    throw new ApiError('idempotency_mismatch', 'This Idempotency-Key was already used with a different body.', {
      codes: { 'Idempotency-Key': 'invalid' },
    });
  }
  return c.json(result.body as object, result.status as 200 | 201);
}
