/**
 * Email to supporters over SMTP (nodemailer): the confirmation of what they just did, in the campaign's language.
 * RSVP confirmations are transactional and always sent (with the event's `.ics` attached); the other thank-you
 * notes only to people who agreed to be contacted (`consent.contact`) and have not withdrawn it since. Those carry
 * an unsubscribe link in the body (a page with a button) and the RFC 8058 headers, whose one-click POST to
 * `/api/unsubscribe?t=…` withdraws at once (functions/routes/unsubscribe.ts).
 */
import nodemailer from 'nodemailer';
import { eventIcs } from '../ics.ts';
import type { OutboxEvent } from '../store/types.ts';
import { type CatalogLike, confirmation, manageTokenFor } from './messages.ts';
import { teamSignIn } from './team-messages.ts';
import { type Delivered, type DeliverContext, DeliveryError, payloadOf, type Sink, takes } from './sink.ts';

export interface EmailConfig {
  /** `smtp://user:pass@host:587` or `smtps://…:465`. */
  smtpUrl: string;
  /** `Campaign name <hello@campaign.example>`. */
  from: string;
  /** The campaign site's public origin, for links. */
  siteUrl: string;
  /** Only these campaigns' confirmations; default all. The links a supporter asks for go whatever the campaign. */
  campaigns?: string[];
  /** Connection, greeting and socket timeouts. Default 10 s. */
  timeoutMs?: number;
}

/**
 * Links a person asked for (a double opt-in confirmation, access to their data, a team member's sign-in): nothing
 * else can bring them,
 * so no campaign filter holds them back.
 */
const LINKS = ['confirmation.requested', 'access.requested', 'team.sign-in'];

/** RSVP confirmations tell people what they signed up for: sent whatever they said about further contact. */
/** About the supporter's own RSVP: sent whatever their consent to hear more from the campaign. */
const TRANSACTIONAL = new Set([
  'rsvp.created',
  'rsvp.updated',
  'rsvp.confirmed',
  'rsvp.cancelled',
  'rsvp.reminder',
  'rsvp.link',
  ...LINKS,
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
    async deliver(event: OutboxEvent, { manageToken, consent }: DeliverContext): Promise<Delivered> {
      if (!LINKS.includes(event.type) && !takes(config, event)) return 'skipped';
      const payload = payloadOf(event);
      const consented = !TRANSACTIONAL.has(event.type);
      if (consented && (!payload.consent?.contact || (await consent?.withdrawn('email')))) return 'skipped';
      const campaign = catalog.get(event.campaign);
      // No person, no message: and no manage link minted for it.
      if (!payload.person) return 'skipped';
      const unsubscribe = consented ? await consent?.unsubscribeToken('email') : undefined;
      const manage = await manageTokenFor(event, manageToken);
      const message =
        event.type === 'team.sign-in'
          ? teamSignIn(event, config.siteUrl)
          : confirmation(event, campaign, config.siteUrl, manage, unsubscribe);
      if (!message) return 'skipped';
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
          headers: {
            'Ladder-Event-Id': event.id,
            ...(unsubscribe && {
              'List-Unsubscribe': `<${config.siteUrl}/api/unsubscribe?t=${unsubscribe}>`,
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            }),
          },
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
