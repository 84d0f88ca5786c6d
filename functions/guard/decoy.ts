/**
 * The answer to a filled honeypot: what a real success looks like (201, an id, the count), with nothing stored,
 * no event, no email. A bot that learns it was caught adapts; one that sees success moves on. People cannot land
 * here: the field is off-screen, `aria-hidden`, out of the tab order, `autocomplete="off"`, labelled "leave this
 * empty", and named like nothing browsers autofill.
 */
import type { Context } from 'hono';
import type { CampaignEntry } from '../../schema/campaign.ts';
import type { ErrorBody } from '../../schema/errors.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { newId, token } from '../store/ids.ts';

/** The result's key for each kind of ask (schema/actions.ts). */
const RESULT = { petition: 'signature', survey: 'response', event: 'rsvp', call: 'call', letter: 'letter' } as const;

/** Thrown like an error so that it leaves through the one error path (single and batch routes alike). */
class Decoy extends ApiError {
  override readonly status: number = 201;
  readonly #body: object;

  constructor(body: object) {
    super('invalid_input', 'decoy');
    this.#body = body;
  }

  override toBody(): ErrorBody {
    return this.#body as ErrorBody;
  }
}

export async function decoy(c: Context<AppEnv>, campaign: CampaignEntry, input: object) {
  const id = newId();
  const count = await c.get('options').store.count(campaign.slug);
  const body: Record<string, unknown> = { [RESULT[campaign.kind]]: { id }, duplicate: false, count, nextAsk: null };
  if (campaign.kind === 'event') {
    const origin = c.get('siteOrigin');
    Object.assign(body, {
      rsvp: {
        id,
        status: 'confirmed',
        guests: Number((input as { guests?: unknown }).guests) || 0,
        shift: null,
        manageUrl: `${origin}/rsvp/?t=${token()}`,
      },
      updated: false,
      icsUrl: `${new URL(c.req.url).origin}/api/campaigns/${campaign.slug}/event.ics`,
      spotsLeft: null,
    });
  }
  if (campaign.kind === 'call') body.outcomes = {};
  return new Decoy(body);
}
