/**
 * What the hosted adapters (Cloudflare, Netlify, Vercel) build alike once they have a store and the campaigns: the
 * app, the sinks, and the scheduled work their platform's scheduler runs (no timers where nothing runs between
 * requests). Kept apart from serverless.ts, which opens PostgreSQL: a Worker must not import the Node drivers.
 */
import type { Hono } from 'hono';
import { createApp } from '../app.ts';
import type { Catalog } from '../catalog.ts';
import type { AppEnv } from '../context.ts';
import { guardFromEnv } from '../guard/config.ts';
import { lettersWithoutEmail, requireEmailForLinks, sinksFromEnv, twilioFromEnv } from '../outbox/config.ts';
import { dispatch, type DispatchResult } from '../outbox/dispatcher.ts';
import { prune, pruneOptionsFromEnv } from '../store/prune.ts';
import { retentionDaysFromEnv, sweepRetention } from '../store/retention.ts';
import type { Store, SweepCounts } from '../store/types.ts';

export interface Hosted {
  app: Hono<AppEnv>;
  /** One delivery pass over every sink, with the reminders that are due. */
  dispatch(): Promise<DispatchResult>;
  /** One retention sweep (functions/store/retention.ts); null when it failed (logged, resumed next time). */
  retention(): Promise<SweepCounts | null>;
}

/**
 * Throws on a mistake in the configuration, naming the variable (the sinks', the guard's, the retention's), and
 * on double opt-in campaigns that no email can serve.
 */
export async function hosted(env: Record<string, string | undefined>, store: Store, catalog: Catalog): Promise<Hosted> {
  const sinks = sinksFromEnv(env, catalog);
  requireEmailForLinks(env, catalog.list());
  const unsent = lettersWithoutEmail(env, catalog.list());
  if (unsent) console.warn(`[ladder] ${unsent}`);
  const retentionDays = retentionDaysFromEnv(env);
  const pruning = pruneOptionsFromEnv(env);
  const app = createApp({
    store,
    catalog,
    siteUrl: env.LADDER_SITE_URL,
    adminToken: env.LADDER_ADMIN_TOKEN,
    sinks: sinks.map((sink) => sink.name),
    sms: twilioFromEnv(env),
    followups: { organization: env.LADDER_ORGANIZATION, timezone: env.LADDER_TEXTING_TIMEZONE },
    guard: await guardFromEnv(env, store),
  });
  return {
    app,
    dispatch: async () => {
      const result = await dispatch(store, sinks, { catalog });
      console.log(`[ladder] delivery pass: ${JSON.stringify(result)}`);
      return result;
    },
    retention: async () => {
      const counts = await sweepRetention(store, catalog.list(), retentionDays);
      // Then what the outbox no longer needs (functions/store/prune.ts), on the same schedule.
      await prune(store, pruning);
      return counts;
    },
  };
}
