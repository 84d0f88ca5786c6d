/**
 * The embedded store: SQLite through Node's built-in `node:sqlite`, as a `Db` for the engine.
 *
 * One connection, and its work in one queue: node:sqlite is synchronous, but the engine awaits between
 * statements, and another request's statements must not land inside our transaction. WAL with synchronous=NORMAL
 * survives a killed process (not a power cut, which could lose the last commits: set LADDER_SQLITE_SYNC=FULL where
 * that matters).
 *
 * Group commit: what waits in the queue when a transaction ends runs in the same SQLite transaction, each
 * transaction of ours in a savepoint of its own, and one COMMIT ends them all (`#batch`). The guard's writes
 * (token uses, rate windows) and the signature's transaction then share one commit instead of four, and with
 * several processes the write lock changes hands once a batch rather than once a statement. Measured in-process
 * (32 signatures at a time with the guard's statements, load 15-20): 0.49-0.62 ms of CPU a signature against
 * 0.76-0.80 before; a signature alone, about the same as before. Nothing is answered before its COMMIT: a
 * transaction's result (and a statement's) is handed back once the batch is committed, and a batch that fails to
 * commit fails every one of them (the API's 503: the widget resends, counted once). A transaction that throws is
 * rolled back to its savepoint alone.
 *
 * Several processes may share the file (`LADDER_WORKERS`, functions/adapters/cluster.ts): waiting for another
 * process's write lock (SQLITE_BUSY) is done here, a millisecond at a time between turns of the event loop, so the
 * process goes on serving while it waits, for at most `busy_timeout` (5 s; `PRAGMA busy_timeout = N` through `run`
 * sets it); past that the error goes up (503 + Retry-After).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
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
  const db = new SqliteDb(new DatabaseSync(path, { timeout: 0 }));
  // Switching to WAL needs the file to itself for a moment: another process opening it too waits its turn.
  await db.waiting(() => db.raw.exec('PRAGMA journal_mode = WAL'));
  // temp_store: each transaction's savepoint keeps the pages it changes in a sub-journal, in memory rather than a file.
  db.raw.exec(
    `PRAGMA synchronous = ${options.synchronous ?? 'NORMAL'}; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;`,
  );
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
/** A batch ends when the queue is empty, or after this many transactions and statements, or this long. */
const BATCH_JOBS = 64;
const BATCH_MS = 20;
/** SQLite's primary result code for "another connection holds the lock". */
const SQLITE_BUSY = 5;

const bind = (params: Param[]): SQLInputValue[] => params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));

const isBusy = (error: unknown) =>
  (error as { code?: string }).code === 'ERR_SQLITE_ERROR' &&
  ((error as { errcode?: number }).errcode ?? 0) % 256 === SQLITE_BUSY;

/** A read runs outside a batch when none is open; anything else needs the write lock. */
const READ = /^\s*SELECT\b/i;
const BUSY_TIMEOUT = /^\s*PRAGMA\s+busy_timeout\s*=\s*(\d+)\s*;?\s*$/i;

interface Job {
  /**
   * `read`: one SELECT; `write`: one other statement; `tx`: a transaction of ours, in a savepoint; `alone`: outside
   * any transaction (closing).
   */
  kind: 'read' | 'write' | 'tx' | 'alone';
  work: (tx: Tx) => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

class SqliteDb implements Db {
  readonly dialect = 'sqlite';
  readonly raw: DatabaseSync;
  #jobs: Job[] = [];
  /** Whether the queue's runner is at work. */
  #running = false;
  /** How long to wait for another process's write lock (`PRAGMA busy_timeout`), in ms. */
  #busyMs = 5000;
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

  #exec(sql: string): void {
    this.#prepared(sql).run();
  }

  /** Runs `work`, again a millisecond later while another process holds the lock, for at most `busy_timeout`. */
  async waiting<T>(work: () => T): Promise<T> {
    const deadline = performance.now() + this.#busyMs;
    for (;;) {
      try {
        return work();
      } catch (error) {
        if (!isBusy(error) || performance.now() >= deadline) throw error;
      }
      await sleep(1);
    }
  }

  #enqueue<T>(kind: Job['kind'], work: (tx: Tx) => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#jobs.push({ kind, work, resolve: resolve as (value: unknown) => void, reject });
      if (this.#running) return;
      this.#running = true;
      void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#jobs.length) await this.#batch();
    } finally {
      this.#running = false;
    }
  }

  /**
   * Runs what is queued: reads at once while no batch is open; the rest inside one transaction, committed once,
   * and only then answered.
   */
  async #batch(): Promise<void> {
    const held: { job: Job; value: unknown }[] = [];
    const started = performance.now();
    let open = false;
    /** The transaction is gone (an error SQLite rolls back whole, or a failed commit): fail what it held. */
    const lost = (error: unknown) => {
      for (const { job } of held.splice(0)) job.reject(error);
      open = false;
    };
    while (this.#jobs.length && held.length < BATCH_JOBS && performance.now() - started < BATCH_MS) {
      const job = this.#jobs.shift()!;
      if (open && job.kind === 'alone') {
        this.#jobs.unshift(job);
        break;
      }
      if (!open && (job.kind === 'read' || job.kind === 'alone')) {
        try {
          job.resolve(await this.waiting(() => job.work(this.#direct)));
        } catch (error) {
          job.reject(error);
        }
        continue;
      }
      if (!open) {
        try {
          await this.waiting(() => this.#exec('BEGIN IMMEDIATE'));
          open = true;
        } catch (error) {
          job.reject(error);
          continue;
        }
      }
      if (job.kind === 'tx') this.#exec('SAVEPOINT job');
      try {
        const value = await job.work(this.#direct);
        if (job.kind === 'tx') this.#exec('RELEASE job');
        held.push({ job, value });
      } catch (error) {
        job.reject(error);
        // A failed statement is undone by SQLite alone; a transaction of ours is undone to its savepoint. Some
        // errors (a full disk, an I/O error) roll the whole SQLite transaction back: the batch is lost.
        if (!this.raw.isTransaction) lost(error);
        else if (job.kind === 'tx') {
          this.#exec('ROLLBACK TO job');
          this.#exec('RELEASE job');
        }
      }
    }
    if (!open) return;
    try {
      this.#exec('COMMIT');
    } catch (error) {
      if (this.raw.isTransaction) this.#exec('ROLLBACK');
      return lost(error);
    }
    for (const { job, value } of held) job.resolve(value);
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#enqueue('tx', work);
  }

  #statement<T>(sql: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#enqueue(READ.test(sql) ? 'read' : 'write', work);
  }

  get(sql: string, ...params: Param[]) {
    return this.#statement(sql, (tx) => tx.get(sql, ...params));
  }

  all(sql: string, ...params: Param[]) {
    return this.#statement(sql, (tx) => tx.all(sql, ...params));
  }

  async run(sql: string, ...params: Param[]) {
    const timeout = BUSY_TIMEOUT.exec(sql);
    if (timeout) this.#busyMs = Number(timeout[1]);
    else await this.#statement(sql, (tx) => tx.run(sql, ...params));
  }

  async lock(): Promise<void> {}

  day(column: string): string {
    return `substr(${column}, 1, 10)`;
  }

  jsonText(column: string, field: string): string {
    return `json_extract(${column}, '$.${field}')`;
  }

  async close(): Promise<void> {
    await this.#enqueue('alone', () => this.raw.close());
  }
}
