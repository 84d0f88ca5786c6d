/** `POST /api/campaigns/:slug/signatures`: the path every ask follows (DESIGN.md, "The journey of one signature"). */
import { Hono } from 'hono';
import { type NextAsk, SignatureInput, type SignatureResult } from '../../schema/actions.ts';
import type { CampaignEntry } from '../../schema/campaign.ts';
import type { Catalog } from '../catalog.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { campaignRoute } from '../middleware/campaign.ts';
import { idempotencyKey, limitBody, readJson } from '../middleware/json-body.ts';
import { sha256 } from '../store/ids.ts';

export const signatures = new Hono<AppEnv>();

signatures.use('/:slug/signatures', campaignRoute);
signatures.post('/:slug/signatures', limitBody, async (c) => {
  const campaign = c.get('campaign');
  const { catalog, store } = c.get('options');
  if (campaign.kind !== 'petition') throw new ApiError('not_found', `"${campaign.slug}" is not a petition.`);
  if (campaign.status === 'closed') throw new ApiError('campaign_closed', `"${campaign.slug}" is closed.`);
  const key = idempotencyKey(c);
  const input = await readJson(c, SignatureInput);
  const candidates = nextAskCandidates(campaign, catalog);
  const siteOrigin = c.get('siteOrigin');

  const result = await store.recordSignature(
    {
      campaign: campaign.slug,
      input,
      consent: { version: campaign.consent.version, textHash: await sha256(campaign.consent.text) },
      origin: c.req.header('Origin') ?? null,
      idempotency: key ? { key, requestHash: await sha256(JSON.stringify(input)) } : null,
      nextAskCandidates: candidates.map((entry) => entry.slug),
    },
    (outcome) => {
      const next = candidates.find((entry) => !outcome.done.has(entry.slug));
      const body: SignatureResult = {
        signature: { id: outcome.signatureId },
        duplicate: outcome.duplicate,
        count: outcome.count,
        referralCode: outcome.referralCode,
        shareUrl: `${siteOrigin}/act/${campaign.slug}/?ref=${outcome.referralCode}`,
        nextAsk: next ? nextAsk(next, siteOrigin) : null,
      };
      return { status: outcome.duplicate ? 200 : 201, body };
    },
  );
  if ('mismatch' in result) {
    throw new ApiError('idempotency_mismatch', 'This Idempotency-Key was already used with a different body.', {
      codes: { 'Idempotency-Key': 'invalid' },
    });
  }
  return c.json(result.body as SignatureResult, result.status as 200 | 201);
});

/** The campaign's next asks that exist and are open, in the organizer's order. */
function nextAskCandidates(campaign: CampaignEntry, catalog: Catalog): CampaignEntry[] {
  return campaign.nextAsks
    .map((slug) => catalog.get(slug))
    .filter(
      (entry): entry is CampaignEntry => entry !== undefined && entry.status === 'open' && entry.slug !== campaign.slug,
    );
}

const nextAsk = (entry: CampaignEntry, siteOrigin: string): NextAsk => ({
  slug: entry.slug,
  kind: entry.kind,
  title: entry.title,
  url: `${siteOrigin}/act/${entry.slug}/`,
});
