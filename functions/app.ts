/**
 * The Ladder API: a Hono app of web-standard handlers, `app.fetch(Request) -> Response`.
 * No platform imports and no environment here: each adapter in `adapters/` builds the options and serves it.
 */
import { Hono } from 'hono';
import type { AppEnv, AppOptions } from './context.ts';
import { errorResponse, notFound } from './middleware/errors.ts';
import { campaigns } from './routes/campaigns.ts';
import { admin } from './routes/admin.ts';
import { auth } from './routes/auth.ts';
import { calls } from './routes/calls.ts';
import { letterAdmin, letterChoice, letters } from './routes/letters.ts';
import { confirm } from './routes/confirm.ts';
import { editor } from './routes/editor.ts';
import { me } from './routes/me.ts';
import { responses } from './routes/responses.ts';
import { adminResults, publicResults } from './routes/results.ts';
import { manage, rsvps } from './routes/rsvps.ts';
import { signatures } from './routes/signatures.ts';
import { sms } from './routes/sms.ts';
import { unsubscribe } from './routes/unsubscribe.ts';
import { team } from './routes/team.ts';
import { followups } from './routes/followups.ts';
import { followupWork } from './routes/followup-work.ts';
import { API_HEADERS } from './security/headers.ts';
import { sha256 } from './store/ids.ts';

export type { AppOptions } from './context.ts';

export function createApp({ adminToken, ...options }: AppOptions): Hono<AppEnv> {
  const tokenHash = adminToken ? sha256(adminToken) : Promise.resolve(undefined);
  const siteOrigin = options.siteUrl ? new URL(options.siteUrl).origin : undefined;
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('options', options);
    c.set('siteOrigin', siteOrigin ?? new URL(c.req.url).origin);
    c.set('adminTokenHash', await tokenHash);
    for (const [name, value] of Object.entries(API_HEADERS)) c.header(name, value);
    await next();
  });
  app.route('/api/campaigns', campaigns);
  app.route('/api/campaigns', signatures);
  app.route('/api/campaigns', responses);
  app.route('/api/campaigns', rsvps);
  app.route('/api/campaigns', calls);
  app.route('/api/campaigns', letters);
  app.route('/api/rsvps', manage);
  app.route('/api/campaigns', publicResults);
  app.route('/api/admin', team);
  app.route('/api/admin/editor', editor);
  app.route('/api/admin', letterAdmin);
  app.route('/api/admin', admin);
  app.route('/api/admin', adminResults);
  app.route('/api/admin', followups);
  app.route('/api/admin', followupWork);
  app.route('/api/auth', auth);
  app.route('/api/confirm', confirm);
  app.route('/api/letters', letterChoice);
  app.route('/api/me', me);
  app.route('/api/unsubscribe', unsubscribe);
  app.route('/api/sms', sms);
  app.onError(errorResponse);
  app.notFound(notFound);
  return app;
}
