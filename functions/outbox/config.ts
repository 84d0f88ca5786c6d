/**
 * The sinks a deployment delivers to, built from the environment by the adapters (`npm start`, `npm run dispatch`).
 * Nothing configured: no sinks, and events wait in the outbox until some are.
 *
 * - `LADDER_WEBHOOKS`: JSON list of `{ url, secrets: [...], campaigns?: [...], events?: [...], name? }`
 * - `LADDER_ACTION_NETWORK`: JSON `{ apiKey, baseUrl?, campaigns: { <slug>: { petition|form|event|advocacy_campaign?: '<id>', tags?: [...] } } }`
 * - `LADDER_SMTP_URL` and `LADDER_MAIL_FROM` (both, for email); `LADDER_MAIL_CAMPAIGNS`: comma-separated slugs
 *   (their confirmations only: the links supporters ask for always go)
 * - `LADDER_TWILIO`: JSON `{ accountSid, authToken, from, baseUrl?, campaigns?: [...] }`
 * - `LADDER_DELIVERY_TIMEOUT`: milliseconds one request may take (default 10000)
 * - `LADDER_SITE_URL`: the campaign site's public address, for the links in emails and texts: required with either
 *   (a message is read far from the request that caused it, so no request's origin can stand in for it)
 */
import * as z from 'zod';
import { actionNetworkSink } from './action-network.ts';
import { emailSink } from './email.ts';
import type { CatalogLike } from './messages.ts';
import type { Sink } from './sink.ts';
import { smsSink } from './sms.ts';
import { standardKey, webhookName, webhookSink } from './webhook.ts';

const slugs = z.array(z.string().min(1)).optional();
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/**
 * At least 16 characters. A `whsec_` secret is read as Standard Webhooks defines it (the key's bytes in base64):
 * its key must be valid base64 of 16 bytes or more, or its `webhook-signature` would be keyed with nonsense.
 */
const Secret = z
  .string()
  .min(16, 'secrets must be at least 16 characters')
  .refine((secret) => !secret.startsWith('whsec_') || /^[A-Za-z0-9+/]+={0,2}$/.test(secret.slice(6)), {
    error: 'a whsec_ secret is whsec_ followed by base64',
  })
  .refine((secret) => !secret.startsWith('whsec_') || standardKey(secret).length >= 16, {
    error: 'the key of a whsec_ secret must be at least 16 bytes',
  });

const Webhooks = z.array(
  z.object({
    url: httpUrl,
    secrets: z.array(Secret).min(1, 'give at least one secret'),
    campaigns: slugs,
    events: slugs,
    name: z.string().min(1).optional(),
  }),
);

const ActionNetwork = z.object({
  apiKey: z.string().min(1, 'give the API key'),
  baseUrl: httpUrl.optional(),
  campaigns: z.record(
    z.string(),
    z.object({
      petition: z.string().optional(),
      form: z.string().optional(),
      event: z.string().optional(),
      advocacy_campaign: z.string().optional(),
      tags: z.array(z.string()).optional(),
    }),
  ),
  perSecond: z.number().positive().max(4).optional(),
});

const Twilio = z.object({
  accountSid: z.string().min(1),
  authToken: z.string().min(1),
  from: z.string().min(1),
  baseUrl: httpUrl.optional(),
  campaigns: slugs,
});

/** Thrown with the variable's name and what to fix; the server refuses to start on it. */
export class SinkConfigError extends Error {
  override name = 'SinkConfigError';
}

function parse<T>(variable: string, schema: z.ZodType<T>, raw: string): T {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new SinkConfigError(`${variable} is not valid JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(value)'}: ${issue.message}`);
    throw new SinkConfigError(`${variable}: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/** The site's public address for links in messages, or a refusal that says what to set. */
function siteUrlFrom(env: Record<string, string | undefined>): string {
  const raw = env.LADDER_SITE_URL?.trim() ?? '';
  if (/^https?:\/\/[^/]/.test(raw) && URL.canParse(raw)) return raw.replace(/\/+$/, '');
  throw new SinkConfigError(
    `LADDER_SITE_URL must be the campaign site's public address, like https://campaign.example: the links in emails and texts point there (${raw ? `got "${raw}"` : 'it is not set'}).`,
  );
}

/** The campaigns `LADDER_MAIL_CAMPAIGNS` lists; undefined: all. */
const mailCampaigns = (env: Record<string, string | undefined>) =>
  env.LADDER_MAIL_CAMPAIGNS?.split(',')
    .map((slug) => slug.trim())
    .filter(Boolean);

/**
 * Double opt-in sends each supporter a link by email (whatever `LADDER_MAIL_CAMPAIGNS` lists: email.ts): a campaign
 * that asks for it with no email at all would hold every signature for a link that never comes, then delete it.
 * Every adapter refuses to start on it.
 */
export function requireEmailForLinks(
  env: Record<string, string | undefined>,
  campaigns: { slug: string; doubleOptIn: boolean }[],
): void {
  const stranded = campaigns.filter((campaign) => campaign.doubleOptIn).map((campaign) => campaign.slug);
  if (stranded.length && !(env.LADDER_SMTP_URL && env.LADDER_MAIL_FROM)) {
    throw new SinkConfigError(
      `${stranded.join(', ')}: doubleOptIn sends each supporter a link by email, and no email is configured: set LADDER_SMTP_URL and LADDER_MAIL_FROM, or turn doubleOptIn off.`,
    );
  }
}

/**
 * A letter leaves only once its writer follows the link emailed for it (routes/letters.ts): with no email, letter
 * campaigns take letters that never leave. Not refused at start, as double opt-in is (a fresh checkout's example
 * campaigns include a letter): said instead, for the adapters to print. Null: nothing to say.
 */
export function lettersWithoutEmail(
  env: Record<string, string | undefined>,
  campaigns: { slug: string; kind: string }[],
): string | null {
  const letters = campaigns.filter((campaign) => campaign.kind === 'letter').map((campaign) => campaign.slug);
  if (!letters.length || (env.LADDER_SMTP_URL && env.LADDER_MAIL_FROM)) return null;
  return `${letters.join(', ')}: a letter leaves only once its writer follows the link emailed to them, and no email is configured: set LADDER_SMTP_URL and LADDER_MAIL_FROM, or letters will wait and never be sent.`;
}

/** `LADDER_TWILIO`, checked; undefined when unset. */
export const twilioFromEnv = (env: Record<string, string | undefined>) =>
  env.LADDER_TWILIO ? parse('LADDER_TWILIO', Twilio, env.LADDER_TWILIO) : undefined;

export function sinksFromEnv(env: Record<string, string | undefined>, catalog: CatalogLike): Sink[] {
  const timeoutMs = Number(env.LADDER_DELIVERY_TIMEOUT ?? 10_000);
  const sinks: Sink[] = [];
  if (env.LADDER_WEBHOOKS) {
    for (const config of parse('LADDER_WEBHOOKS', Webhooks, env.LADDER_WEBHOOKS)) {
      sinks.push(webhookSink(config, { timeoutMs }));
    }
  }
  if (env.LADDER_ACTION_NETWORK) {
    const config = parse('LADDER_ACTION_NETWORK', ActionNetwork, env.LADDER_ACTION_NETWORK);
    sinks.push(actionNetworkSink(config, { catalog, http: { timeoutMs } }));
  }
  if (env.LADDER_SMTP_URL || env.LADDER_MAIL_FROM) {
    if (!env.LADDER_SMTP_URL || !env.LADDER_MAIL_FROM)
      throw new SinkConfigError('set both LADDER_SMTP_URL and LADDER_MAIL_FROM to send email (or neither)');
    const campaigns = mailCampaigns(env);
    sinks.push(
      emailSink(
        { smtpUrl: env.LADDER_SMTP_URL, from: env.LADDER_MAIL_FROM, siteUrl: siteUrlFrom(env), campaigns, timeoutMs },
        catalog,
      ),
    );
  }
  const twilio = twilioFromEnv(env);
  if (twilio) sinks.push(smsSink(twilio, catalog, siteUrlFrom(env), { timeoutMs }));
  const names = sinks.map((sink) => sink.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  // Deliveries are kept under the sink's name: two sinks with one name would share (and lose) them.
  if (twice) throw new SinkConfigError(`two sinks are named ${twice}: give one of the webhooks a "name"`);
  return sinks;
}

export { webhookName };
