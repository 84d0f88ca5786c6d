/**
 * The embedded store: SQLite through Node's built-in `node:sqlite`, as a `Db` for the engine.
 *
 * One connection, and transactions queued one after another: node:sqlite is synchronous, but the engine awaits
 * between statements, and another request's statements must not land inside our transaction. WAL with
 * synchronous=NORMAL survives a killed process (not a power cut, which could lose the last commits: set
 * LADDER_SQLITE_SYNC=FULL where that matters).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { Db, Param, Row, Tx } from './db.ts';
import { SqlStore } from './engine.ts';
import { migrations } from './migrations/sqlite.ts';
import type { Store } from './types.ts';

export interface SqliteOptions {
  /** `FULL` survives power loss too, at about a tenth of the write rate here (STACK.md). */
  synchronous?: 'NORMAL' | 'FULL';
}

export async function openSqliteStore(path: string, options: SqliteOptions = {}): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new SqliteDb(new DatabaseSync(path));
  db.raw.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${options.synchronous ?? 'NORMAL'};
    PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;`);
  await db.transaction(async (tx) => {
    await tx.run(
      'CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const applied = new Set((await tx.all('SELECT id FROM migrations')).map((row) => Number(row.id)));
    for (const migration of migrations.filter((m) => !applied.has(m.id))) {
      db.raw.exec(migration.sql);
      migration.after?.({
        all: (sql) => db.raw.prepare(sql).all() as Row[],
        run: (sql, ...params) => void db.raw.prepare(sql).run(...params),
      });
      await tx.run(
        'INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)',
        migration.id,
        migration.name,
        new Date().toISOString(),
      );
    }
  });
  return new SqlStore(db);
}

/** Compiled statements kept (sqlite.ts #prepared): the engine has some 130, a few more with lists. */
const STATEMENTS = 500;

const bind = (params: Param[]): SQLInputValue[] => params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));

class SqliteDb implements Db {
  readonly dialect = 'sqlite';
  readonly raw: DatabaseSync;
  /** The tail of the queue of transactions and statements. */
  #queue: Promise<unknown> = Promise.resolve();
  #direct: Tx;
  /**
   * Compiling a statement costs about 20 µs and a signature runs some 27 of them on the only thread, so each SQL
   * text is compiled once and its statement reused (a statement resets itself on each call). Bounded, because
   * `IN (?, ?, …)` lists make one text per length: the oldest compiled is dropped first.
   */
  #statements = new Map<string, StatementSync>();

  constructor(raw: DatabaseSync) {
    this.raw = raw;
    this.#direct = {
      get: async (sql, ...params) => this.#prepared(sql).get(...bind(params)) as Row | undefined,
      all: async (sql, ...params) => this.#prepared(sql).all(...bind(params)) as Row[],
      run: async (sql, ...params) => void this.#prepared(sql).run(...bind(params)),
      lock: async () => {},
    };
  }

  #prepared(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.raw.prepare(sql);
      if (this.#statements.size >= STATEMENTS) this.#statements.delete(this.#statements.keys().next().value!);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(work);
    this.#queue = result.catch(() => {});
    return result;
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#serial(async () => {
      this.raw.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.#direct);
        this.raw.exec('COMMIT');
        return result;
      } catch (error) {
        this.raw.exec('ROLLBACK');
        throw error;
      }
    });
  }

  get(sql: string, ...params: Param[]) {
    return this.#serial(() => this.#direct.get(sql, ...params));
  }

  all(sql: string, ...params: Param[]) {
    return this.#serial(() => this.#direct.all(sql, ...params));
  }

  run(sql: string, ...params: Param[]) {
    return this.#serial(() => this.#direct.run(sql, ...params));
  }

  async lock(): Promise<void> {}

  day(column: string): string {
    return `substr(${column}, 1, 10)`;
  }

  jsonText(column: string, field: string): string {
    return `json_extract(${column}, '$.${field}')`;
  }

  async close(): Promise<void> {
    await this.#serial(async () => this.raw.close());
  }
}
