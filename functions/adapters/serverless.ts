/**
 * What the Netlify and Vercel functions share: the app, built from the environment on an instance's first request
 * and kept while the instance lives. PostgreSQL only (`DATABASE_URL`): a function's disk does not outlast it, and
 * many instances run at once. The campaign files travel with the function (`included_files`, `includeFiles`:
 * docs/deploy/); the delivery pass and the retention sweep run from the platform's scheduler, not from a timer.
 */
import { resolve } from 'node:path';
import { loadCatalog } from '../catalog.ts';
import { openStore } from '../store/open.ts';
import { type Hosted, hosted } from './hosted.ts';

export interface Serverless extends Omit<Hosted, 'app'> {
  fetch(request: Request): Promise<Response>;
}

async function build(env: Record<string, string | undefined>): Promise<Hosted> {
  if (!env.DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is not set: functions keep no files between requests, so give the postgres:// URL of a PostgreSQL database (docs/deploy/).',
    );
  }
  const catalog = await loadCatalog(resolve(env.LADDER_CONTENT ?? 'site/content/campaigns'));
  // Few connections per instance: the platform runs many instances, and the database takes a limited number.
  const store = await openStore({ LADDER_PG_MAX: '3', ...env });
  return hosted(env, store, catalog);
}

/**
 * `defaults`: the platform's own settings, which the environment may override: where the client's IP comes from
 * (`LADDER_TRUST_PROXY`: the header the platform sets and a client cannot).
 */
export function serverless(
  defaults: Record<string, string>,
  env: Record<string, string | undefined> = process.env,
): Serverless {
  let ready: Promise<Hosted> | undefined;
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
    dispatch: async () => (await built()).dispatch(),
    retention: async () => (await built()).retention(),
  };
}
