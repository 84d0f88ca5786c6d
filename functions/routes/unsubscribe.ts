/**
 * `POST /api/unsubscribe?t=<token>`: withdraws the consent an unsubscribe link was made for (store/consent.ts).
 * Mail clients send it themselves from the `List-Unsubscribe` header with the body `List-Unsubscribe=One-Click`
 * (RFC 8058: no cookie, no confirmation); the link in the email's body opens a page (/unsubscribe/?t=…) whose button
 * sends the same. A GET changes nothing, since mail scanners fetch every link. The token rides in the URL because
 * RFC 8058 puts it there; the answer says nothing about whom it was for.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { limitBody, parseWith } from '../middleware/json-body.ts';

/** store/consent.ts `unsubscribeToken`: 32 hex characters. */
const Query = z.object({ t: z.string({ error: 'required' }).regex(/^[0-9a-f]{32}$/, 'invalid') });

export const unsubscribe = new Hono<AppEnv>();

unsubscribe.post('/', limitBody, async (c) => {
  const { t } = parseWith(Query, { t: c.req.query('t') });
  // Form-encoded or multipart, as mail clients send it; the page sends no body.
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const source = form['List-Unsubscribe'] === 'One-Click' ? 'one-click' : 'link';
  if (!(await c.get('options').store.withdrawConsent({ token: t }, source))) {
    throw new ApiError('not_found', 'This unsubscribe link is not valid.');
  }
  c.header('Cache-Control', 'no-store');
  return c.json({ unsubscribed: true });
});
