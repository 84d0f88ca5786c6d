/**
 * For `/api/campaigns/:slug/*`: finds the campaign (404) and enforces its partner allow-list (403).
 *
 * A request with no `Origin` (a server, curl) is accepted; the site's own origin always is. Refused responses
 * still carry `Access-Control-Allow-Origin` so the widget can read the `forbidden_origin` code and say what is
 * wrong instead of queueing the submission as if offline; preflights are answered for any origin for the same
 * reason (they grant nothing: the real request is checked here).
 */
import { createMiddleware } from 'hono/factory';
import type { CampaignEntry } from '../../schema/campaign.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';

const ALLOW_HEADERS = 'Content-Type, Idempotency-Key';

export const campaignRoute = createMiddleware<AppEnv>(async (c, next) => {
  const origin = c.req.header('Origin');
  if (origin) {
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Vary', 'Origin');
  }
  if (c.req.method === 'OPTIONS') {
    c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    c.header('Access-Control-Allow-Headers', ALLOW_HEADERS);
    c.header('Access-Control-Max-Age', '86400');
    return c.body(null, 204);
  }
  const slug = c.req.param('slug') ?? '';
  const campaign = c.get('options').catalog.get(slug);
  if (!campaign) throw new ApiError('not_found', `No campaign "${slug}".`);
  if (origin && !originAllowed(origin, campaign, c.req.url, c.get('siteOrigin'))) {
    throw new ApiError(
      'forbidden_origin',
      `${origin} is not a partner of "${slug}". Add it to partners: in the campaign file.`,
    );
  }
  c.set('campaign', campaign);
  await next();
});

export function originAllowed(
  origin: string,
  campaign: CampaignEntry,
  requestUrl: string,
  siteOrigin: string,
): boolean {
  if (origin === siteOrigin || campaign.partners.includes('*') || campaign.partners.includes(origin)) return true;
  if (campaign.coalition.some((partner) => partner.origin === origin)) return true;
  // The site itself, seen through a TLS-terminating proxy: same host, the scheme may differ.
  try {
    return new URL(origin).host === new URL(requestUrl).host;
  } catch {
    return false;
  }
}
