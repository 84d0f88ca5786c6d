/**
 * The API client: plain `fetch`, JSON in and out, and one answer type that tells the outbox whether the server
 * has acknowledged a submission (keep it no longer) or not (keep it and retry). Sending (`post`, `newKey`) lives in
 * the outbox's lazy chunk: nothing sends before someone submits.
 */
import type { ErrorBody } from '../../schema/errors.ts';
import type { PublicCampaign } from '../../schema/campaign.ts';

/** What a request came to. `retry` answers never reached a decision on the server; the rest did. */
export type Answer<T> =
  { kind: 'ok'; body: T } | { kind: 'refused'; error: ErrorBody['error'] } | { kind: 'retry'; retryAfter?: number };

/**
 * The default API base: the origin that served this module, i.e. the campaign site that served `embed.js`.
 * Only called in the browser (under SSR, `import.meta.url` is a file URL).
 */
export const defaultApi = (): string => new URL(import.meta.url).origin;

export const campaignUrl = (api: string, slug: string): string =>
  `${api.replace(/\/$/, '')}/api/campaigns/${encodeURIComponent(slug)}`;

export async function getCampaign(api: string, slug: string, signal?: AbortSignal): Promise<PublicCampaign> {
  const response = await fetch(campaignUrl(api, slug), { signal });
  if (!response.ok) throw new Error(`${response.status}`);
  return (await response.json()) as PublicCampaign;
}
