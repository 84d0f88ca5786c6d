/**
 * Email to supporters over SMTP (nodemailer): the confirmation of what they just did, in the campaign's language.
 * RSVP confirmations are transactional and always sent (with the event's `.ics` attached); the other thank-you
 * notes only to people who agreed to be contacted (`consent.contact`).
 */
import nodemailer from 'nodemailer';
import { eventIcs } from '../ics.ts';
import type { OutboxEvent } from '../store/types.ts';
import { type CatalogLike, confirmation } from './messages.ts';
import { type Delivered, DeliveryError, payloadOf, type Sink, takes } from './sink.ts';

export interface EmailConfig {
  /** `smtp://user:pass@host:587` or `smtps://…:465`. */
  smtpUrl: string;
  /** `Campaign name <hello@campaign.example>`. */
  from: string;
  /** The campaign site's public origin, for links. */
  siteUrl: string;
  /** Only these campaigns; default all. */
  campaigns?: string[];
  /** Connection, greeting and socket timeouts. Default 10 s. */
  timeoutMs?: number;
}

/** RSVP confirmations tell people what they signed up for: sent whatever they said about further contact. */
/** About the supporter's own RSVP: sent whatever their consent to hear more from the campaign. */
const TRANSACTIONAL = new Set([
  'rsvp.created',
  'rsvp.updated',
  'rsvp.confirmed',
  'rsvp.cancelled',
  'rsvp.reminder',
  // Links the supporter asked for: a double opt-in confirmation, access to their data.
  'confirmation.requested',
  'access.requested',
]);

/** An SMTP connection with every wait bounded (10 s by default); `dkim` signs what it sends (letters to targets). */
export function smtpTransport(
  url: string,
  timeout = 10_000,
  dkim?: { domainName: string; keySelector: string; privateKey: string },
) {
  return nodemailer.createTransport({
    url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dkim,
  });
}

export function emailSink(config: EmailConfig, catalog: CatalogLike): Sink {
  const transport = smtpTransport(config.smtpUrl, config.timeoutMs);
  return {
    name: 'email',
    async deliver(event: OutboxEvent): Promise<Delivered> {
      if (!takes(config, event)) return 'skipped';
      const payload = payloadOf(event);
      if (!TRANSACTIONAL.has(event.type) && !payload.consent?.contact) return 'skipped';
      const campaign = catalog.get(event.campaign);
      const message = confirmation(event, campaign, config.siteUrl);
      if (!message || !payload.person) return 'skipped';
      const ics =
        campaign?.kind === 'event' && payload.status === 'confirmed'
          ? [
              {
                filename: 'event.ics',
                content: eventIcs(campaign, config.siteUrl, payload.shift),
                contentType: 'text/calendar',
              },
            ]
          : [];
      try {
        await transport.sendMail({
          from: config.from,
          to: payload.person.email,
          subject: message.subject,
          text: message.text,
          html: message.html,
          attachments: ics,
          // The event's id in the Message-ID lets a mail log show a redelivery for what it is.
          messageId: `<${event.id}@ladder>`,
          headers: { 'Ladder-Event-Id': event.id },
        });
      } catch (error) {
        throw smtpError(error);
      }
      return 'sent';
    },
  };
}

/**
 * A 5xx reply to the message or the recipient (no such mailbox, refused) will not change: dead-letter it. A
 * refused login is our configuration, fixable: retried. Everything else (4xx, timeouts, no connection) is retried.
 */
function smtpError(error: unknown): DeliveryError {
  const { code, responseCode, response } = error as { code?: string; responseCode?: number; response?: string };
  const permanent = code !== 'EAUTH' && typeof responseCode === 'number' && responseCode >= 500;
  return new DeliveryError(`SMTP ${responseCode ?? code ?? 'error'}${response ? `: ${response.slice(0, 300)}` : ''}`, {
    permanent,
    status: responseCode ?? code,
    cause: error,
  });
}
