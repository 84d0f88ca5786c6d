/**
 * A supporter's own data (the right of access), without an account: `POST /api/me/export` `{ email }` sends a link
 * valid for an hour to that address, and answers the same whether or not we know it; the link's page sends
 * `POST /api/me/export/download` `{ token }` and gets the JSON. POST, not GET: the token stays out of server logs,
 * and a mail scanner fetching the link gets a page, not the data.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import { email } from '../../schema/text.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { limitBody, readJson } from '../middleware/json-body.ts';
import { sha256 } from '../store/ids.ts';
import { LinkToken } from './confirm.ts';

export const me = new Hono<AppEnv>();

/** Links sent to one address per hour at most: the form must not become a way to flood someone's inbox. */
const LINKS_PER_HOUR = 3;

me.post('/export', limitBody, async (c) => {
  const input = await readJson(c, z.object({ email }));
  const { store, sinks } = c.get('options');
  // Without email the link could reach nobody: say so rather than promise one.
  if (!sinks?.includes('email')) {
    throw new ApiError(
      'email_unavailable',
      'This site sends no email, so it cannot send you a link to your data: ask the campaign organizers for it.',
    );
  }
  // Past the limit the answer stays the same (it must not tell whether the address is known); no email goes out.
  const [{ hits }] = await store.hit([{ key: `access\n${await sha256(input.email)}`, windowMs: 3600_000 }], Date.now());
  if (hits <= LINKS_PER_HOUR) await store.requestAccess(input.email);
  return c.json(
    {
      requested: true,
      message: 'If we hold data about this address, a link to it is on its way by email. The link works for an hour.',
    },
    202,
  );
});

me.post('/export/download', limitBody, async (c) => {
  const { token } = await readJson(c, LinkToken);
  const data = await c.get('options').store.exportByToken(token);
  if (!data) throw new ApiError('not_found', 'This link has expired or is not valid: ask for a new one.');
  c.header('Cache-Control', 'no-store');
  c.header('Content-Disposition', 'attachment; filename="my-data.json"');
  return c.json(data);
});
