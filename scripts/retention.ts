/**
 * `npm run retention`: one retention pass (functions/store/retention.ts), for a cron job where no server runs all
 * the time; `npm start` runs one every hour by itself. The same environment as `npm start` (DATABASE_URL or
 * LADDER_DB, LADDER_CONTENT) and LADDER_RETENTION_DAYS, the default for campaigns without `retentionDays`. Then it
 * prunes the outbox (functions/store/prune.ts: LADDER_OUTBOX_KEEP_DAYS, LADDER_DEAD_LETTER_DAYS).
 * Exits 1 when the pass could not run.
 */
import { resolve } from 'node:path';
import { loadCatalog } from '../functions/catalog.ts';
import { openStore } from '../functions/store/open.ts';
import { prune, pruneOptionsFromEnv } from '../functions/store/prune.ts';
import { retentionDaysFromEnv, sweepRetention } from '../functions/store/retention.ts';

const env = process.env;

async function main(): Promise<number> {
  const defaultDays = retentionDaysFromEnv(env);
  const pruning = pruneOptionsFromEnv(env);
  const catalog = await loadCatalog(resolve(env.LADDER_CONTENT ?? 'site/content/campaigns'));
  const store = await openStore(env);
  try {
    const counts = await sweepRetention(store, catalog.list(), defaultDays);
    const pruned = await prune(store, pruning);
    if (!counts || !pruned) return 1;
    if (!counts.actions && !counts.supporters && !counts.pending) console.log('retention: nothing past retention.');
    return 0;
  } finally {
    await store.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`retention could not run: ${(error as Error).message}`);
  process.exitCode = 1;
}
