/**
 * Chooses the store from the environment: `DATABASE_URL=postgres://…` (tables in `LADDER_PG_SCHEMA` if set, at most
 * `LADDER_PG_MAX` connections, 10 by default; timeouts in milliseconds from `LADDER_PG_LOCK_TIMEOUT_MS`,
 * `LADDER_PG_STATEMENT_TIMEOUT_MS`, `LADDER_PG_IDLE_TX_TIMEOUT_MS`, 0 for none, store/postgres.ts `TIMEOUTS`
 * otherwise) or SQLite at `LADDER_DB`.
 */
import { resolve } from 'node:path';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

export async function openStore(env: Record<string, string | undefined>): Promise<Store> {
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const { openPostgresStore } = await import('./postgres.ts');
    const ms = (name: string) => (env[name] && Number.isFinite(Number(env[name])) ? Number(env[name]) : undefined);
    return openPostgresStore(url, {
      schema: env.LADDER_PG_SCHEMA,
      max: Number(env.LADDER_PG_MAX) || undefined,
      timeouts: {
        lockMs: ms('LADDER_PG_LOCK_TIMEOUT_MS'),
        statementMs: ms('LADDER_PG_STATEMENT_TIMEOUT_MS'),
        idleInTransactionMs: ms('LADDER_PG_IDLE_TX_TIMEOUT_MS'),
      },
    });
  }
  if (url)
    throw new Error(`DATABASE_URL must start with postgres:// (got ${url.split(':')[0]}:…); unset it to use SQLite.`);
  return openSqliteStore(resolve(env.LADDER_DB ?? 'data/ladder.sqlite'), {
    synchronous: env.LADDER_SQLITE_SYNC === 'FULL' ? 'FULL' : 'NORMAL',
  });
}
