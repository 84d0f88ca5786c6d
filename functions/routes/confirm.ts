/**
 * `POST /api/confirm` `{ token }`: double opt-in. The link in the email opens a page (/confirm/?t=…) that sends
 * this; a GET of the link itself changes nothing, since mail scanners fetch every link in a message. Confirming
 * counts the held action once, however often and however concurrently the link is followed.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { limitBody, readJson } from '../middleware/json-body.ts';
import { actionResult } from './action.ts';

/** A link's token (store/ids.ts `token`): 24 characters of its alphabet. */
export const LinkToken = z.object({ token: z.string({ error: 'required' }).regex(/^[2-9a-z]{24}$/, 'invalid') });

export const confirm = new Hono<AppEnv>();

confirm.post('/', limitBody, async (c) => {
  const { token } = await readJson(c, LinkToken);
  const { store, catalog } = c.get('options');
  const outcome = await store.confirmAction(
    token,
    catalog.list().map((entry) => entry.slug),
  );
  const campaign = outcome && catalog.get(outcome.campaign);
  if (!outcome || !campaign) {
    throw new ApiError(
      'not_found',
      'This confirmation link has expired or is not valid: take the action again to get a new one.',
    );
  }
  c.header('Cache-Control', 'no-store');
  return c.json({
    confirmed: true,
    already: outcome.already,
    campaign: { slug: campaign.slug, kind: campaign.kind, title: campaign.title, lang: campaign.lang },
    ...actionResult(c, campaign, outcome),
  });
});
