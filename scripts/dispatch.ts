/**
 * `npm run dispatch`: one delivery pass over every configured sink, for a cron job or a scheduled function where no
 * server runs all the time. The same environment as `npm start` (DATABASE_URL or LADDER_DB, LADDER_CONTENT, the
 * sinks' variables). Prints the counts per sink; exits 0 when the pass ran, even if some deliveries failed (they
 * are retried or dead-lettered, which is normal), and 1 only when it could not run.
 */
import { resolve } from 'node:path';
import { loadCatalog } from '../functions/catalog.ts';
import { sinksFromEnv } from '../functions/outbox/config.ts';
import { dispatch } from '../functions/outbox/dispatcher.ts';
import { lettersFromEnv, sendLetters } from '../functions/outbox/letters.ts';
import { openStore } from '../functions/store/open.ts';

const env = process.env;

async function main(): Promise<number> {
  const catalog = await loadCatalog(resolve(env.LADDER_CONTENT ?? 'site/content/campaigns'));
  const sinks = sinksFromEnv(env, catalog);
  if (!sinks.length) {
    console.log('No sinks configured (see "Delivery" in the README): nothing to do.');
    return 0;
  }
  const store = await openStore(env);
  try {
    // Letters to targets (kind: letter), over the same SMTP server: windows, caps and digests per target.
    const letters = await lettersFromEnv(env, store);
    if (letters) {
      const run = await sendLetters(store, catalog, letters);
      console.log(`letters: ${run.sent} sent, ${run.digests} digests, ${run.bounced} bounced, ${run.stopped} stopped`);
    }
    const result = await dispatch(store, sinks, { catalog });
    let failed = false;
    for (const [sink, counts] of Object.entries(result)) {
      const { sent, skipped, retried, dead, error } = counts;
      console.log(
        `${sink}: ${sent} sent, ${skipped} skipped, ${retried} to retry, ${dead} dead${error ? `, could not run: ${error}` : ''}`,
      );
      failed ||= !!error;
    }
    return failed ? 1 : 0;
  } finally {
    await store.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`dispatch could not run: ${(error as Error).message}`);
  process.exitCode = 1;
}
