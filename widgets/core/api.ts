/**
 * The API client: plain `fetch`, JSON in and out, and one answer type that tells the outbox whether the server
 * has acknowledged a submission (keep it no longer) or not (keep it and retry). Sending (`post`, `newKey`) lives in
 * the outbox's lazy chunk: nothing sends before someone submits.
 */
import type { ErrorBody } from '../../schema/errors.ts';
import type { PublicCampaign } from '../../schema/campaign.ts';

/** What a request came to. `retry` answers never reached a decision on the server; the rest did. */
export type Answer<T> =
  | { kind: 'ok'; body: T }
  /** `key`: the submission's, when the outbox keeps it for a CAPTCHA (`captcha_required`). */
  | { kind: 'refused'; error: ErrorBody['error']; key?: string }
  | { kind: 'retry'; retryAfter?: number /* seconds, as the server said (NaN or 0 when it did not) */ };

/**
 * The default API base: the origin that served this module, i.e. the campaign site that served `embed.js`.
 * Only called in the browser (under SSR, `import.meta.url` is a file URL).
 */
export const defaultApi = (): string => new URL(import.meta.url).origin;

export const campaignUrl = (api: string, slug: string): string =>
  `${api.replace(/\/$/, '')}/api/campaigns/${encodeURIComponent(slug)}`;

/**
 * Each campaign's render token (functions/guard/), by campaign URL, with when it arrived (`performance.now()`):
 * the outbox sends it with a submission, after the min fill time it carries.
 */
export const tokens: Record<string, [token: string, at: number]> = {};

export async function getCampaign(api: string, slug: string, signal?: AbortSignal): Promise<PublicCampaign> {
  const url = campaignUrl(api, slug);
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`${response.status}`);
  const campaign = (await response.json()) as PublicCampaign & { token: string };
  tokens[url] = [campaign.token, performance.now()];
  return campaign;
}
