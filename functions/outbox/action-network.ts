/**
 * Action Network, through its OSDI API (v2): each Ladder action becomes the matching record in Action Network,
 * which creates or updates the person on the way (its "record … helpers"):
 *
 * | event                                   | campaign mapped to      | request                                            |
 * | --------------------------------------- | ----------------------- | -------------------------------------------------- |
 * | `signature.created`                     | `petition: <id>`        | `POST /api/v2/petitions/<id>/signatures`           |
 * | `response.created`                      | `form: <id>`            | `POST /api/v2/forms/<id>/submissions`              |
 * | `rsvp.created`, `rsvp.updated` (person) | `event: <id>`           | `POST /api/v2/events/<id>/attendances`             |
 * | `call.created` (with a person)          | `advocacy_campaign: <id>` | `POST /api/v2/advocacy_campaigns/<id>/outreaches` |
 * | `followup.outcome` (a call list's)      | `advocacy_campaign: <id>` | the same, with the outcome's tags as `add_tags`   |
 * | any of these, no resource for its kind  | (listed, e.g. `{}`)     | `POST /api/v2/people` (person signup helper)       |
 * | `consent.withdrawn` (unsubscribe, STOP) | (listed)                | `POST /api/v2/people`, email (or phone) `unsubscribed` |
 *
 * Only campaigns listed in the configuration are sent, and only people who agreed to be contacted
 * (`consent.contact`) and have not withdrawn it since: Action Network subscribes the people it receives to the
 * organization's list. A withdrawal reaches it when the person consented on any campaign listed. Their phone
 * goes along only with `consent.sms`. Action Network answers the same person on the same petition with an update,
 * not a second signature, so a redelivery does no harm. Requests leave at most 4 a second (its documented limit).
 */
import type { CatalogLike } from './messages.ts';
import type { OutboxEvent } from '../store/types.ts';
import { type HttpOptions, send } from './http.ts';
import { type Delivered, DeliveryError, type EventPayload, ladderIdentifier, payloadOf, type Sink } from './sink.ts';
import { Throttle } from './throttle.ts';

export interface ActionNetworkCampaign {
  petition?: string;
  form?: string;
  event?: string;
  advocacy_campaign?: string;
  /** Tags added to the person with every record from this campaign. */
  tags?: string[];
}

export interface ActionNetworkConfig {
  apiKey: string;
  /** Default https://actionnetwork.org (tests point it at a local server). */
  baseUrl?: string;
  /** Ladder campaign slug -> Action Network resource ids. Campaigns not listed are not sent. */
  campaigns: Record<string, ActionNetworkCampaign>;
  /** Requests per second; default 4, Action Network's limit. */
  perSecond?: number;
}

type Resource = 'petition' | 'form' | 'event' | 'advocacy_campaign';

const RECORDS: Record<string, { resource: Resource; path: string } | undefined> = {
  'signature.created': { resource: 'petition', path: 'petitions/{id}/signatures' },
  'response.created': { resource: 'form', path: 'forms/{id}/submissions' },
  'rsvp.created': { resource: 'event', path: 'events/{id}/attendances' },
  'rsvp.updated': { resource: 'event', path: 'events/{id}/attendances' },
  'call.created': { resource: 'advocacy_campaign', path: 'advocacy_campaigns/{id}/outreaches' },
  'followup.outcome': { resource: 'advocacy_campaign', path: 'advocacy_campaigns/{id}/outreaches' },
};

/**
 * The OSDI person: what Action Network matches on (email), Ladder's identifier for them (`ladder:<supporterId>`,
 * as in the webhooks and the OSDI export, kept by Action Network beside its own) and what Ladder knows.
 */
export function osdiPerson(payload: EventPayload): Record<string, unknown> {
  const person = payload.person!;
  return {
    ...(payload.supporterId ? { identifiers: [ladderIdentifier(payload.supporterId)] } : {}),
    ...(person.givenName ? { given_name: person.givenName } : {}),
    ...(person.familyName ? { family_name: person.familyName } : {}),
    email_addresses: [{ address: person.email, status: 'subscribed' }],
    ...(person.postcode ? { postal_addresses: [{ postal_code: person.postcode }] } : {}),
    ...(person.phone && payload.consent?.sms
      ? { phone_numbers: [{ number: person.phone, number_type: 'Mobile', status: 'subscribed' }] }
      : {}),
  };
}

/** The request for an event, or null when there is nothing to send. Exported for tests and the README's table. */
export function actionNetworkRequest(
  event: OutboxEvent,
  config: ActionNetworkConfig,
  catalog?: CatalogLike,
): { path: string; body: Record<string, unknown> } | null {
  const mapping = config.campaigns[event.campaign];
  const payload = payloadOf(event);
  if (event.type === 'consent.withdrawn') {
    const { campaigns = [] } = payload as { campaigns?: string[] };
    const known = campaigns.some((slug) => config.campaigns[slug]);
    return known && payload.person?.email ? withdrawal(payload) : null;
  }
  if (!mapping || !payload.person?.email || !payload.consent?.contact) return null;
  const record = RECORDS[event.type];
  if (!record) return null;
  const tags = [...(mapping.tags ?? []), ...(payload.tags ?? [])];
  const body: Record<string, unknown> = { person: osdiPerson(payload), ...(tags.length ? { add_tags: tags } : {}) };
  const id = mapping[record.resource];
  if (!id) return { path: 'people', body };
  if (payload.source) body['action_network:referrer_data'] = { source: payload.source };
  if (event.type === 'signature.created' && payload.comment) body.comments = payload.comment;
  if (event.type === 'followup.outcome') body.type = 'phone';
  if (event.type === 'call.created') {
    body.type = 'phone';
    const target = catalog?.targets(event.campaign)?.targets.find((t) => t.id === payload.target);
    if (target) body.targets = [{ title: target.title, ...splitName(target.name) }];
  }
  return { path: record.path.replace('{id}', encodeURIComponent(id)), body };
}

/** The person, matched by email, marked unsubscribed from what they withdrew: email, or texts (their phone). */
function withdrawal(payload: EventPayload & { channel?: string }): { path: string; body: Record<string, unknown> } {
  const { email, phone } = payload.person!;
  const person =
    payload.channel === 'sms'
      ? { email_addresses: [{ address: email }], phone_numbers: [{ number: phone, status: 'unsubscribed' }] }
      : { email_addresses: [{ address: email, status: 'unsubscribed' }] };
  return { path: 'people', body: { person } };
}

/** Targets are written as one name; OSDI wants two. The last word is taken as the family name. */
function splitName(name: string): { given_name?: string; family_name: string } {
  const words = name.trim().split(/\s+/);
  const family = words.pop() ?? name;
  return words.length ? { given_name: words.join(' '), family_name: family } : { family_name: family };
}

export function actionNetworkSink(
  config: ActionNetworkConfig,
  options: { catalog?: CatalogLike; http?: Omit<HttpOptions, 'signal'> } = {},
): Sink {
  const base = `${(config.baseUrl ?? 'https://actionnetwork.org').replace(/\/+$/, '')}/api/v2/`;
  const throttle = new Throttle(config.perSecond ?? 4);
  return {
    name: 'action-network',
    async deliver(event, { signal, consent, pace }): Promise<Delivered> {
      const request = actionNetworkRequest(event, config, options.catalog);
      if (!request) return 'skipped';
      if (event.type !== 'consent.withdrawn') {
        // A record sent after the person withdrew would subscribe them again: to the list, or their phone to texts.
        if (await consent?.withdrawn('email')) return 'skipped';
        const person = request.body.person as { phone_numbers?: unknown };
        if (person.phone_numbers && (await consent?.withdrawn('sms'))) delete person.phone_numbers;
      }
      await throttle.take(signal, pace);
      const { body } = await send(
        base + request.path,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'OSDI-API-Token': config.apiKey },
          body: JSON.stringify(request.body),
        },
        { ...options.http, signal },
      );
      // Action Network refuses some records with 200 and an empty body (its "blind POST" rule) rather than a 4xx.
      if (!body.trim() || body.trim() === '{}') {
        throw new DeliveryError('Action Network accepted the request but recorded nothing (empty answer)', {
          permanent: true,
          status: 'empty',
        });
      }
      return 'sent';
    },
  };
}
