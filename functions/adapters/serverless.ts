/**
 * What the Netlify and Vercel functions share: the app, built from the environment on an instance's first request
 * and kept while the instance lives. PostgreSQL only (`DATABASE_URL`): a function's disk does not outlast it, and
 * many instances run at once. The campaign files travel with the function (`included_files`, `includeFiles`:
 * docs/deploy/); the delivery pass and the retention sweep run from the platform's scheduler, not from a timer.
 */
import { resolve } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../app.ts';
import { type Catalog, loadCatalog } from '../catalog.ts';
import type { AppEnv } from '../context.ts';
import { guardFromEnv } from '../guard/config.ts';
import { sinksFromEnv } from '../outbox/config.ts';
import { dispatch, type DispatchResult } from '../outbox/dispatcher.ts';
import type { Sink } from '../outbox/sink.ts';
import { openStore } from '../store/open.ts';
import { retentionDaysFromEnv, sweepRetention } from '../store/retention.ts';
import type { Store, SweepCounts } from '../store/types.ts';

export interface Serverless {
  fetch(request: Request): Promise<Response>;
  /** One delivery pass over every sink, with the reminders that are due. */
  dispatch(): Promise<DispatchResult>;
  /** One retention sweep (functions/store/retention.ts); null when it failed (logged, resumed next time). */
  retention(): Promise<SweepCounts | null>;
}

interface Built {
  app: Hono<AppEnv>;
  store: Store;
  sinks: Sink[];
  catalog: Catalog;
  retentionDays: number | undefined;
}

async function build(env: Record<string, string | undefined>): Promise<Built> {
  if (!env.DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is not set: functions keep no files between requests, so give the postgres:// URL of a PostgreSQL database (docs/deploy/).',
    );
  }
  const catalog = await loadCatalog(resolve(env.LADDER_CONTENT ?? 'site/content/campaigns'));
  const sinks = sinksFromEnv(env, catalog);
  // Few connections per instance: the platform runs many instances, and the database takes a limited number.
  const store = await openStore({ LADDER_PG_MAX: '3', ...env });
  const app = createApp({
    store,
    catalog,
    siteUrl: env.LADDER_SITE_URL,
    adminToken: env.LADDER_ADMIN_TOKEN,
    sinks: sinks.map((sink) => sink.name),
    guard: await guardFromEnv(env, store),
  });
  return { app, store, sinks, catalog, retentionDays: retentionDaysFromEnv(env) };
}

/**
 * `defaults`: the platform's own settings, which the environment may override: where the client's IP comes from
 * (`LADDER_TRUST_PROXY`: the header the platform sets and a client cannot).
 */
export function serverless(
  defaults: Record<string, string>,
  env: Record<string, string | undefined> = process.env,
): Serverless {
  let ready: Promise<Built> | undefined;
  const built = () => {
    // A failed start (the database down) is tried again on the next request, not remembered.
    ready ??= build({ ...defaults, ...env }).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  return {
    fetch: async (request) => (await built()).app.fetch(request),
    dispatch: async () => {
      const { store, sinks, catalog } = await built();
      const result = await dispatch(store, sinks, { catalog });
      console.log(`[ladder] delivery pass: ${JSON.stringify(result)}`);
      return result;
    },
    retention: async () => {
      const { store, catalog, retentionDays } = await built();
      return sweepRetention(store, catalog.list(), retentionDays);
    },
  };
}
