/**
 * `POST /api/sms/inbound`: the SMS provider's webhook for the texts people send back (Twilio's form fields `From`,
 * `Body`). Only the provider may call it: `X-Twilio-Signature` is the base64 HMAC-SHA1, keyed by the auth token, of
 * the full URL it called followed by each POST parameter's name and value, sorted by name (Twilio's scheme; a URL
 * with and without its default port both count, as in Twilio's own library). A STOP, in any of the words Twilio
 * treats as one, or another revocation (functions/followup-text.ts: Spanish, French, Arabic, plain language like
 * "take me off this list"), withdraws consent to texts for everyone with that number (store/consent.ts): no text
 * relying on it goes out after. Twilio itself confirms its keywords to the sender (the answer is empty TwiML); the
 * other revocations are confirmed in the answer's `<Message>`, in the language they were written in. A reply to a
 * follow-up text goes on its conversation, which then needs a reply (store/followup-work.ts).
 * `POST /api/sms/status`: the provider's delivery status for a follow-up text, signed the same way.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { limitBody } from '../middleware/json-body.ts';
import { langOfText, MESSAGES, revokes } from '../followup-text.ts';

/** Twilio's default opt-out keywords. */
const STOP = /^\s*(stop|stop ?all|unsubscribe|cancel|end|quit|opt ?out|revoke)\s*[.!]?\s*$/i;

export const sms = new Hono<AppEnv>();

/** The provider's POST parameters, when its signature over them and the URL it called is right. */
async function signedParams(c: Context<AppEnv>): Promise<Record<string, string>> {
  const { sms: provider } = c.get('options');
  if (!provider) throw new ApiError('not_found', 'No SMS provider is configured.');
  const form = await c.req.parseBody();
  const params = Object.fromEntries(
    Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const { pathname, search } = new URL(c.req.url);
  const url = `${c.get('siteOrigin')}${pathname}${search}`;
  if (!(await signedByProvider(provider.authToken, url, params, c.req.header('X-Twilio-Signature') ?? ''))) {
    throw new ApiError('unauthorized', 'X-Twilio-Signature does not match this request.');
  }
  return params;
}

const twiml = (c: Context<AppEnv>, inner = '') =>
  c.body(`<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`, 200, { 'Content-Type': 'text/xml' });

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch]!);

sms.post('/inbound', limitBody, async (c) => {
  const { store } = c.get('options');
  const params = await signedParams(c);
  const body = params.Body ?? '';
  if (!params.From) return twiml(c);
  const keyword = STOP.test(body);
  const revoking = keyword || revokes(body);
  // A reply goes on the open follow-up conversation with the number; a revocation withdraws SMS consent for everyone
  // with it at once, and every texting list drops them.
  await store.followups.inbound(params.From, body, params.MessageSid ?? '', revoking);
  // One confirmation: Twilio sends its own for its keywords; for the other words, ours.
  if (revoking && !keyword) return twiml(c, `<Message>${escapeXml(MESSAGES[langOfText(body)].stopped)}</Message>`);
  return twiml(c);
});

/** Delivery status of a follow-up text (`MessageSid`, `MessageStatus`: queued, sent, delivered, undelivered, failed). */
sms.post('/status', limitBody, async (c) => {
  const { store } = c.get('options');
  const params = await signedParams(c);
  if (params.MessageSid && params.MessageStatus) {
    await store.followups.status(params.MessageSid, params.MessageStatus.slice(0, 20));
  }
  return c.body(null, 204);
});

async function signedByProvider(
  authToken: string,
  url: string,
  params: Record<string, string>,
  signature: string,
): Promise<boolean> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(authToken),
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  );
  const data = Object.keys(params)
    .sort()
    .map((name) => name + params[name])
    .join('');
  for (const candidate of withAndWithoutPort(url)) {
    const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(candidate + data));
    if (sameText(btoa(String.fromCharCode(...new Uint8Array(mac))), signature)) return true;
  }
  return false;
}

/** The URL as given, and with its default port written out or left out (Twilio signs either, by its setup). */
function withAndWithoutPort(url: string): string[] {
  const parsed = new URL(url);
  if (parsed.port) return [url];
  const port = parsed.protocol === 'https:' ? '443' : '80';
  return [url, url.replace(parsed.host, `${parsed.hostname}:${port}`)];
}

/** Compares in time that does not depend on where the strings differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
