/**
 * The store on Cloudflare: SQLite inside one Durable Object, as a `Db` for the engine.
 *
 * Why not D1: the engine's transactions read, then write what the reads decided (the supporter's id, whether the
 * signature is new, the event's free places), and D1 offers no such transaction: only single statements and
 * `batch()`, whose statements cannot depend on one another's results. Statement by statement, a Worker stopped
 * between "insert the signature" and "bump the count, write the outbox event" (a deploy, a CPU limit, a phone
 * that hangs up) leaves a signature that is never counted nor delivered, and its retry is a duplicate. The
 * Durable Object's own SQLite has real transactions (`storage.transaction`: all or nothing, rolled back on a
 * throw) and one object is one writer, so every guarantee of the Node store holds. docs/deploy/cloudflare.md
 * weighs the options.
 */
import type { Db, Param, Row, Tx } from './db.ts';
import { SqlStore } from './engine.ts';
import { migrations } from './migrations/sqlite.ts';
import type { Store } from './types.ts';

/** The little of a Durable Object's `ctx.storage` used here (types from @cloudflare/workers-types, trimmed). */
export interface DurableStorage {
  sql: { exec(query: string, ...bindings: (string | number | null)[]): { toArray(): Row[] } };
  transaction<T>(work: () => Promise<T>): Promise<T>;
  transactionSync<T>(work: () => T): T;
}

/** Applies the SQLite migrations not yet applied (the same list as `npm start`), then opens the store. */
export function openDurableStore(storage: DurableStorage): Store {
  const { sql } = storage;
  storage.transactionSync(() => {
    sql.exec(
      'CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const applied = new Set(
      sql
        .exec('SELECT id FROM migrations')
        .toArray()
        .map((row) => Number(row.id)),
    );
    for (const migration of migrations.filter((m) => !applied.has(m.id))) {
      sql.exec(migration.sql);
      migration.after?.({
        all: (query) => sql.exec(query).toArray(),
        run: (query, ...params) => sql.exec(query, ...params),
      });
      sql.exec(
        'INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)',
        migration.id,
        migration.name,
        new Date().toISOString(),
      );
    }
  });
  return new SqlStore(new DurableDb(storage));
}

const bind = (params: Param[]) => params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));

class DurableDb implements Db {
  readonly dialect = 'sqlite';
  readonly #storage: DurableStorage;
  #queue: Promise<unknown> = Promise.resolve();
  #direct: Tx;

  constructor(storage: DurableStorage) {
    this.#storage = storage;
    const exec = (query: string, params: Param[]) => storage.sql.exec(query, ...bind(params)).toArray();
    this.#direct = {
      get: async (query, ...params) => exec(query, params)[0],
      all: async (query, ...params) => exec(query, params),
      run: async (query, ...params) => void exec(query, params),
      lock: async () => {},
    };
  }

  /**
   * One transaction at a time, as in sqlite.ts: a request's statements are synchronous, but the engine awaits
   * between them (hashing, for one), and the object may take the next request meanwhile; its statements must not
   * land inside our transaction.
   */
  #serial<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(work);
    this.#queue = result.catch(() => {});
    return result;
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#serial(() => this.#storage.transaction(() => work(this.#direct)));
  }

  get(query: string, ...params: Param[]) {
    return this.#serial(() => this.#direct.get(query, ...params));
  }

  all(query: string, ...params: Param[]) {
    return this.#serial(() => this.#direct.all(query, ...params));
  }

  run(query: string, ...params: Param[]) {
    return this.#serial(() => this.#direct.run(query, ...params));
  }

  async lock(): Promise<void> {}

  day(column: string): string {
    return `substr(${column}, 1, 10)`;
  }

  jsonText(column: string, field: string): string {
    return `json_extract(${column}, '$.${field}')`;
  }

  /** The object's storage lives as long as the object; nothing to close. */
  async close(): Promise<void> {}
}
