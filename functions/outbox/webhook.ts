/**
 * Signed webhooks: each event is POSTed as JSON to the organizer's URL.
 *
 * Headers:
 * - `Ladder-Event-Id`: the event's stable id. Delivery is at least once: receivers de-duplicate on it.
 * - `Ladder-Event-Type`: e.g. `signature.created`.
 * - `Ladder-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`: HMAC-SHA256, keyed with a secret, of
 *   `<t>.<raw body>`, one `v1` per configured secret (as Stripe does). Rotation: add the new secret first, move
 *   receivers to it, then drop the old one; in between, a receiver holding either secret finds a match. Receivers
 *   should refuse a `t` more than 5 minutes from their clock (replays), and compare in constant time. Stripe's
 *   `webhooks.constructEvent(body, header, secret)` checks it as is.
 * - Standard Webhooks (https://www.standardwebhooks.com), for receivers that use its libraries: `webhook-id` (the
 *   event's id), `webhook-timestamp` (the same `t`), `webhook-signature: v1,<base64>[ v1,<base64>…]`, the base64
 *   HMAC-SHA256 of `<id>.<t>.<raw body>`, one per secret. A secret written as that spec writes them,
 *   `whsec_<base64>`, is keyed with the bytes the base64 holds; any other secret with its own UTF-8 bytes (its
 *   libraries' `raw` format). So one `whsec_` secret works with both Stripe's library and theirs.
 *
 * Body: `{ id, type, campaign, createdAt, data }`, `data` being the event's payload (with the person, who carries
 * `identifiers: ["ladder:<supporterId>"]`, their one identifier everywhere Ladder sends them).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { OutboxEvent } from '../store/types.ts';
import { type HttpOptions, send } from './http.ts';
import { type Delivered, type DeliverContext, ladderIdentifier, payloadOf, type Sink, takes } from './sink.ts';

export interface WebhookConfig {
  url: string;
  /** At least one. Every delivery is signed with each. */
  secrets: string[];
  /** Only these campaigns (slugs); default all. */
  campaigns?: string[];
  /** Only these event types (`rsvp.*` for all RSVP events); default all. */
  events?: string[];
  /** The sink's key in the store; default `webhook:<host>`. Needed when two webhooks share a host. */
  name?: string;
}

export const webhookName = (config: Pick<WebhookConfig, 'url' | 'name'>) =>
  config.name ?? `webhook:${new URL(config.url).host}`;

export function webhookBody(event: OutboxEvent): string {
  const payload = payloadOf(event);
  // The person's one identifier, as the OSDI export and Action Network have it: receivers match people on it.
  const data =
    payload.person && payload.supporterId
      ? { ...payload, person: { ...payload.person, identifiers: [ladderIdentifier(payload.supporterId)] } }
      : event.payload;
  return JSON.stringify({ id: event.id, type: event.type, campaign: event.campaign, createdAt: event.createdAt, data });
}

const hmac = (secret: string, timestamp: number, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

export function signatureHeader(secrets: string[], timestamp: number, body: string): string {
  return [`t=${timestamp}`, ...secrets.map((secret) => `v1=${hmac(secret, timestamp, body)}`)].join(',');
}

/** The key Standard Webhooks derives from a secret: the bytes of a `whsec_<base64>` one, else the secret's own. */
export const standardKey = (secret: string): Buffer =>
  secret.startsWith('whsec_') ? Buffer.from(secret.slice('whsec_'.length), 'base64') : Buffer.from(secret, 'utf8');

/** `webhook-signature`: one `v1,<base64 HMAC-SHA256 of id.timestamp.body>` per secret, space-separated. */
export function standardSignature(secrets: string[], id: string, timestamp: number, body: string): string {
  return secrets
    .map(
      (secret) =>
        `v1,${createHmac('sha256', standardKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`,
    )
    .join(' ');
}

/**
 * What a receiver does (and the tests do): true when one `v1` matches one of `secrets` and `t` is recent.
 * Exported so that a receiver written in TypeScript can import it.
 */
export function verifySignature(
  header: string | null,
  body: string,
  secrets: string[],
  options: { toleranceSec?: number; now?: number } = {},
): boolean {
  if (!header) return false;
  const parts = header.split(',').map((part) => part.trim().split('='));
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1]);
  if (!Number.isInteger(timestamp)) return false;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSec ?? 300)) return false;
  const given = parts.filter(([key]) => key === 'v1').map(([, value]) => Buffer.from(value ?? '', 'hex'));
  return secrets.some((secret) => {
    const expected = Buffer.from(hmac(secret, timestamp, body), 'hex');
    return given.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected));
  });
}

export function webhookSink(config: WebhookConfig, http: Omit<HttpOptions, 'signal'> = {}): Sink {
  if (!config.secrets.length) throw new Error(`${webhookName(config)}: give at least one secret`);
  return {
    name: webhookName(config),
    async deliver(event: OutboxEvent, { signal }: DeliverContext): Promise<Delivered> {
      if (!takes(config, event)) return 'skipped';
      const body = webhookBody(event);
      // Signed at each attempt: a retry hours later must not look like a replay.
      const timestamp = Math.floor(Date.now() / 1000);
      await send(
        config.url,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': 'Ladder-Webhooks/1',
            'Ladder-Event-Id': event.id,
            'Ladder-Event-Type': event.type,
            'Ladder-Signature': signatureHeader(config.secrets, timestamp, body),
            'webhook-id': event.id,
            'webhook-timestamp': String(timestamp),
            'webhook-signature': standardSignature(config.secrets, event.id, timestamp, body),
          },
          body,
        },
        { ...http, signal },
      );
      return 'sent';
    },
  };
}
