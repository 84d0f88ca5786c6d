/**
 * What every sink is: a stable name (the `sink` key in the store) and one `deliver` per outbox event. A sink
 * throws `DeliveryError` to say whether trying again can help; the dispatcher decides when, and when to give up.
 */
import type { OutboxEvent } from '../store/types.ts';

export interface DeliverContext {
  /** Attempts before this one (0 the first time). */
  attempts: number;
  /** Aborted when the dispatcher stops; sinks pass it to their requests. */
  signal: AbortSignal;
  /** A fresh RSVP manage link's token, for a message that carries the link (messages.ts `manageTokenFor`). */
  manageToken?: (rsvpId: string) => Promise<string | null>;
  /** The event's supporter's consent (store/consent.ts); absent for events without a supporter. */
  consent?: SupporterConsent;
  /** The sink's pace shared by every dispatcher on the database: resolves with the moment (epoch ms) to send. */
  pace?: (gapMs: number) => Promise<number>;
}

export interface SupporterConsent {
  /** Their latest word on the channel is a withdrawal: send nothing more that relies on their consent. */
  withdrawn(channel: 'email' | 'sms'): Promise<boolean>;
  /** The token of their unsubscribe link (the same in every message). */
  unsubscribeToken(channel: 'email' | 'sms'): Promise<string>;
}

/** `sent`: the receiver has it. `skipped`: nothing to send for this event (not its campaign, no consent, no address). */
export type Delivered = 'sent' | 'skipped';

export interface Sink {
  /** `webhook:<host>`, `action-network`, `email`, `sms`: stable, since deliveries are kept under it. */
  readonly name: string;
  deliver(event: OutboxEvent, context: DeliverContext): Promise<Delivered>;
}

export class DeliveryError extends Error {
  override name = 'DeliveryError';
  /** True when trying again cannot help (a 4xx other than 408/429): dead-letter at once. */
  readonly permanent: boolean;
  /** The HTTP status or the SMTP response code, when there was one: safe to log (no personal data). */
  readonly status: number | string | undefined;
  /** From `Retry-After`: wait at least this long before the next attempt. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    options: { permanent?: boolean; status?: number | string; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.permanent = options.permanent ?? false;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Whether a sink configured with an optional list of campaigns and event types takes this event. */
export function takes(filter: { campaigns?: string[]; events?: string[] }, event: OutboxEvent): boolean {
  if (filter.campaigns && !filter.campaigns.includes(event.campaign)) return false;
  if (filter.events && !filter.events.some((type) => type === event.type || matchesPrefix(type, event.type)))
    return false;
  return true;
}

/** `rsvp.*` takes every RSVP event. */
const matchesPrefix = (pattern: string, type: string) =>
  pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1));

/** The fields sinks read from event payloads (store/engine.ts and store/rsvps.ts write them). */
export interface EventPerson {
  givenName?: string;
  familyName?: string;
  email: string;
  postcode?: string;
  phone?: string;
}

export interface EventPayload {
  actionId?: string;
  rsvpId?: string;
  supporterId?: string | null;
  person?: EventPerson | null;
  consent?: { contact: boolean; sms?: boolean; version?: string } | null;
  status?: 'confirmed' | 'waitlisted' | 'cancelled';
  guests?: number;
  shift?: string | null;
  comment?: string | null;
  tags?: string[];
  target?: string;
  outcome?: string;
  referrer?: string | null;
  source?: string | null;
  /** `rsvp.reminder`: which of the three contacts. */
  kind?: 'day_before' | 'day_of' | 'after';
  /** `rsvp.confirmed`: where the place came from. */
  from?: string;
  createdAt?: string;
}

/**
 * A person's one identifier in everything Ladder sends (webhooks, Action Network, the OSDI export), in OSDI's
 * `<system>:<id>` form: their supporter id, the same whatever they did and in whichever campaign.
 */
export const ladderIdentifier = (supporterId: string): string => `ladder:${supporterId}`;

export const payloadOf = (event: OutboxEvent): EventPayload => (event.payload ?? {}) as EventPayload;
