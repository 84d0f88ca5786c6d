/**
 * The store at scale: PostgreSQL through `postgres` (porsager), as a `Db` for the engine. Transactions run in
 * parallel here: the engine takes advisory locks where order matters (an idempotency key, an event's places),
 * upserts supporters and relies on unique indexes for duplicates.
 */
import postgres from 'postgres';
import type { Db, Param, Row, Tx } from './db.ts';
import { SqlStore } from './engine.ts';
import { migrations } from './migrations/postgres.ts';
import type { Store } from './types.ts';

export interface PostgresOptions {
  /** A schema of its own (created if missing): tests use one per run. */
  schema?: string;
  max?: number;
}

/**
 * The engine passes JSON as text (`JSON.stringify`, as SQLite needs). postgres.js serializes a parameter the server
 * types as json/jsonb with `JSON.stringify` again, which stored a JSON *string* (`"{\"a\":1}"`) and made every
 * `->>` read null. Text is sent as it is; objects are still stringified.
 */
const json = {
  serialize: (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value)),
  parse: (text: string) => JSON.parse(text) as unknown,
};

export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    types: { jsonb: { to: 3802, from: [3802], ...json }, json: { to: 114, from: [114], ...json } },
    connection: options.schema ? { search_path: options.schema } : {},
  });
  if (options.schema) await sql.unsafe(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replaceAll('"', '')}"`);
  const db = new PostgresDb(sql);
  await db.transaction(async (tx) => {
    // One migrator at a time, when several instances start together.
    await tx.lock('ladder:migrations');
    await tx.run(
      'CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
    );
    const applied = new Set((await tx.all('SELECT id FROM migrations')).map((row) => Number(row.id)));
    for (const migration of migrations.filter((m) => !applied.has(m.id))) {
      await tx.run(migration.sql);
      await tx.run('INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, now())', migration.id, migration.name);
    }
  });
  return new SqlStore(db);
}

/** `?` to `$1, $2 …` (our statements have no `?` in literals). */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

function wrap(sql: postgres.Sql | postgres.TransactionSql): Tx {
  const query = (text: string, params: Param[]) =>
    sql.unsafe(numbered(text), params as postgres.ParameterOrJSON<never>[]);
  return {
    get: async (text, ...params) => (await query(text, params))[0] as Row | undefined,
    all: async (text, ...params) => [...(await query(text, params))] as Row[],
    run: async (text, ...params) => void (params.length ? await query(text, params) : await sql.unsafe(text)),
    lock: async (key) => void (await query('SELECT pg_advisory_xact_lock(hashtext(?))', [key])),
  };
}

class PostgresDb implements Db {
  readonly dialect = 'postgres';
  readonly #sql: postgres.Sql;
  readonly #direct: Tx;

  constructor(sql: postgres.Sql) {
    this.#sql = sql;
    this.#direct = wrap(sql);
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#sql.begin((tx) => work(wrap(tx))) as Promise<T>;
  }

  get(text: string, ...params: Param[]) {
    return this.#direct.get(text, ...params);
  }

  all(text: string, ...params: Param[]) {
    return this.#direct.all(text, ...params);
  }

  run(text: string, ...params: Param[]) {
    return this.#direct.run(text, ...params);
  }

  lock(): Promise<void> {
    throw new Error('locks are taken inside transactions');
  }

  day(column: string): string {
    return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
  }

  jsonText(column: string, field: string): string {
    return `(${column} ->> '${field}')`;
  }

  close(): Promise<void> {
    return this.#sql.end({ timeout: 5 });
  }
}
