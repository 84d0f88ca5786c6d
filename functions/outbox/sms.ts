/**
 * Text messages through a Twilio-compatible API: `POST /2010-04-01/Accounts/<AccountSid>/Messages.json`,
 * form-encoded `To`, `From`, `Body`, HTTP Basic auth AccountSid:AuthToken. Only RSVP confirmations, and only to
 * people who asked for texts (`consent.sms`), gave a phone number (normalized to E.164 by the route) and have not
 * replied STOP since (functions/routes/sms.ts). Every text says how to stop them.
 */
import type { OutboxEvent } from '../store/types.ts';
import { type HttpOptions, send } from './http.ts';
import { type CatalogLike, confirmation } from './messages.ts';
import { type Delivered, type DeliverContext, payloadOf, type Sink, takes } from './sink.ts';

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** The sending number (E.164). */
  from: string;
  /** Default https://api.twilio.com (another provider with the same API, or a test server). */
  baseUrl?: string;
  /** Only these campaigns; default all. */
  campaigns?: string[];
}

const RSVP = new Set(['rsvp.created', 'rsvp.updated', 'rsvp.confirmed', 'rsvp.reminder']);

export function smsSink(
  config: TwilioConfig,
  catalog: CatalogLike,
  siteUrl: string,
  http: Omit<HttpOptions, 'signal'> = {},
): Sink {
  const base = (config.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  return {
    name: 'sms',
    async deliver(event: OutboxEvent, { signal, consent }: DeliverContext): Promise<Delivered> {
      if (!RSVP.has(event.type) || !takes(config, event)) return 'skipped';
      const payload = payloadOf(event);
      if (!payload.consent?.sms || !payload.person?.phone || (await consent?.withdrawn('sms'))) return 'skipped';
      const message = confirmation(event, catalog.get(event.campaign), siteUrl);
      if (!message?.sms) return 'skipped';
      // Twilio answers 400 (code 21211 and kin) for a number it cannot text: dead-lettered with its reason.
      await send(
        url,
        {
          method: 'POST',
          headers: { Authorization: auth, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ To: payload.person.phone, From: config.from, Body: message.sms }),
        },
        { ...http, signal },
      );
      return 'sent';
    },
  };
}

/**
 * One text to one person, now (a follow-up's): the provider's message id. `statusCallback` is where the provider
 * reports delivery (`POST /api/sms/status`). Throws `DeliveryError` when the provider refuses or cannot be reached.
 */
export async function textOne(
  config: TwilioConfig,
  message: { to: string; body: string; statusCallback?: string },
  http: HttpOptions = {},
): Promise<string> {
  const base = (config.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const form = new URLSearchParams({ To: message.to, From: config.from, Body: message.body });
  if (message.statusCallback) form.set('StatusCallback', message.statusCallback);
  const { body } = await send(
    url,
    {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: form,
    },
    { timeoutMs: 10_000, ...http },
  );
  return String((JSON.parse(body) as { sid?: string }).sid ?? '');
}
