/**
 * The widget's side of the abuse defenses (functions/guard/), in the outbox's lazy chunk: nothing here is needed
 * before someone submits.
 *
 * - The render token (fetched with the campaign, `core/api.ts` `tokens`) goes with every submission. A person who
 *   submits sooner than its min fill time (autofill, then Enter) is held for the remainder, as "sending": the
 *   server would refuse it, and the person must never see that.
 * - When the server says the token is stale (`token_expired`: too old, used up; `token_invalid`: the site's secret
 *   changed), a fresh one is fetched and the same submission (same idempotency key) is sent again. A submission
 *   queued offline for days therefore keeps its place: its token is renewed when it finally goes out.
 */
import { HONEYPOT } from '../../schema/errors.ts';
import { type Answer, tokens } from '../core/api.ts';

/** A negative wait (the token is ripe already) is no wait: setTimeout takes it as 0. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The campaign's URL, from an action's (`…/campaigns/<slug>/signatures`, `…/responses/batch`). */
export const campaignOf = (url: string): string =>
  url.replace(/\/(signatures|responses|rsvps|calls|letters)(\/batch)?$/, '');

/** The min fill time a token carries (`<issued>.<min fill ms>.<nonce>.<mac>`). */
const minFill = (token: string): number => Number(token.split('.')[1]) || 0;

/** Waits until the campaign's token is old enough to be accepted. */
export async function ripe(campaign: string): Promise<string | undefined> {
  const [token, at] = tokens[campaign] ?? [];
  if (token) await pause(minFill(token) - (performance.now() - at!));
  return token;
}

/** The body to send for a submission from `host`'s form: with the token and the honeypot, once the token is ripe. */
export async function prepare(host: HTMLElement, url: string, body: unknown): Promise<string> {
  const trap = host.shadowRoot?.querySelector<HTMLInputElement>(`[name=${HONEYPOT}]`)?.value;
  return JSON.stringify({ ...(body as object), token: await ripe(campaignOf(url)), [HONEYPOT]: trap || undefined });
}

/** A body as stored in the outbox, given the page's token if it has none (canvasser mode, older entries). */
export function withToken(url: string, body: string): string {
  const token = tokens[campaignOf(url)]?.[0];
  return token && !body.includes('"token":') ? `${body.slice(0, -1)},"token":${JSON.stringify(token)}}` : body;
}

/** True when the server refused a submission only because of its token. */
export const stale = (answer: Answer<unknown>): boolean =>
  answer.kind === 'refused' && (answer.error.code === 'token_expired' || answer.error.code === 'token_invalid');

/** Fetches a fresh token for the campaign of `url`; false when it cannot (offline: the submission stays queued). */
export async function renew(url: string): Promise<boolean> {
  const campaign = campaignOf(url);
  try {
    const response = await fetch(campaign, { credentials: 'omit' });
    if (!response.ok) return false;
    const { token } = (await response.json()) as { token?: string };
    if (!token) return false;
    tokens[campaign] = [token, performance.now()];
    return true;
  } catch {
    return false;
  }
}
