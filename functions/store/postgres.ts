/**
 * The store at scale: PostgreSQL through node-postgres (`pg`), as a `Db` for the engine. Transactions run in
 * parallel here: the engine takes advisory locks where order matters (an idempotency key, an event's places),
 * upserts supporters and relies on unique indexes for duplicates.
 *
 * A transaction holds one pooled connection from BEGIN to COMMIT and every statement of it goes to that
 * connection, or fails: once the transaction has ended (committed, rolled back, or its connection lost) its `Tx`
 * refuses statements, and a connection that failed is destroyed, never reused. postgres.js let statements of a
 * transaction whose connection died run on the next connection, outside any transaction (porsager/postgres#1155,
 * #1216), and threw an uncatchable exception when a backend died inside `begin()` (#1208, #1133). Here a lost
 * connection is an error of the statement that was running (or of the next one), a pool `error` event when it
 * was idle, and never an uncaught exception (test/faults/postgres.test.ts).
 */
import pg from 'pg';
import type { Db, Param, Row, Tx } from './db.ts';
import { SqlStore } from './engine.ts';
import { migrations } from './migrations/postgres.ts';
import type { Store } from './types.ts';

/**
 * Set on every connection (milliseconds; 0 turns one off). A statement waiting longer than `lockMs` for a lock,
 * running longer than `statementMs`, or a transaction left idle longer than `idleInTransactionMs` (a stalled
 * process holding its locks) is ended by the server: the transaction rolls back and the API answers 503 with
 * Retry-After (store/transient.ts), so nothing of it is kept and the resend is counted once.
 */
export interface PostgresTimeouts {
  lockMs: number;
  statementMs: number;
  idleInTransactionMs: number;
}

/** The defaults (docs/deploy/postgres.md): well above what any statement of a healthy store needs. */
export const TIMEOUTS: PostgresTimeouts = { lockMs: 5_000, statementMs: 30_000, idleInTransactionMs: 10_000 };

export interface PostgresOptions {
  /** A schema of its own (created if missing): tests use one per run. */
  schema?: string;
  max?: number;
  timeouts?: Partial<PostgresTimeouts>;
  /** Where a connection that fails while idle in the pool is reported (it is then dropped). */
  onError?: (error: Error) => void;
}

export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const set = options.timeouts ?? {};
  const schema = options.schema?.replaceAll('"', '');
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: 'ladder',
    options: schema ? `-c search_path="${schema}"` : undefined,
  });
  // Set by a statement, queued before any other on each new connection, rather than as startup parameters, which
  // PgBouncer-based poolers refuse ("unsupported startup parameter").
  const limits = [
    `SET lock_timeout = ${Math.round(set.lockMs ?? TIMEOUTS.lockMs)}`,
    `SET statement_timeout = ${Math.round(set.statementMs ?? TIMEOUTS.statementMs)}`,
    `SET idle_in_transaction_session_timeout = ${Math.round(set.idleInTransactionMs ?? TIMEOUTS.idleInTransactionMs)}`,
  ].join('; ');
  // Without a listener, an idle connection's failure (a restart, a terminated backend) would crash the process.
  const onError =
    options.onError ?? ((error: Error) => console.error(`PostgreSQL: an idle connection failed: ${error.message}`));
  pool.on('error', onError);
  pool.on('connect', (client) => void client.query(limits).catch(onError));
  const db = new PostgresDb(pool);
  await db.transaction(async (tx) => {
    // Migrations may build indexes over large tables and wait for other instances' transactions: no timeouts.
    await tx.run('SET LOCAL statement_timeout = 0; SET LOCAL lock_timeout = 0');
    // One migrator at a time, when several instances start together (the schema too: CREATE SCHEMA IF NOT EXISTS
    // from two at once fails on the catalog's unique index).
    await tx.lock('ladder:migrations');
    if (schema) await tx.run(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
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

/** `?` to literals, for a simple query (strings quoted by pg's \`escapeLiteral\`; our statements have no \`?\` in literals). */
const inline = (sql: string, params: Param[]): string => {
  let n = 0;
  return sql.replace(/\?/g, () => {
    const value = params[n++];
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error('a number that is not finite');
      return String(value);
    }
    return pg.escapeLiteral(value);
  });
};

/** `?` to `$1, $2 …` (our statements have no `?` in literals). */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/**
 * A lost connection, with a SQLSTATE of class 08 (connection_failure) so that store/transient.ts answers 503:
 * pg's own errors for it ("Connection terminated unexpectedly", "… not queryable") carry no code.
 */
const connectionLost = (cause: unknown) =>
  Object.assign(new Error(`PostgreSQL connection lost: ${(cause as Error)?.message}`, { cause }), { code: '08006' });

/** One checked-out connection, and what it knows of its own failure. */
interface Held {
  client: pg.PoolClient;
  /** The connection's failure, once it has one (the client's `error` event). */
  lost?: Error;
}

/** Statements on one held connection, while `open()` says they may still run. */
function statements(held: Held, open: () => boolean): Tx & { raw(text: string): Promise<pg.QueryResult> } {
  const query = async (text: string, params: Param[]) => {
    if (!open()) throw new Error('A statement after its transaction ended was refused.');
    if (held.lost) throw connectionLost(held.lost);
    try {
      return params.length ? await held.client.query(numbered(text), params) : await held.client.query(text);
    } catch (error) {
      // Errors from the server carry a SQLSTATE; pg's own for a dead socket do not.
      if (held.lost && typeof (error as { code?: unknown }).code !== 'string') throw connectionLost(error);
      throw error;
    }
  };
  return {
    raw: (text: string) => query(text, []),
    get: async (text, ...params) => (await query(text, params)).rows[0] as Row | undefined,
    all: async (text, ...params) => (await query(text, params)).rows as Row[],
    run: async (text, ...params) => void (await query(text, params)),
    lock: async (key) => void (await query('SELECT pg_advisory_xact_lock(hashtext($1))', [key])),
  };
}

class PostgresDb implements Db {
  readonly dialect = 'postgres';
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Checks a connection out for `work` and back in; one that failed is destroyed rather than reused. */
  async #held<T>(work: (held: Held) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw typeof (error as { code?: unknown }).code === 'string' ? error : connectionLost(error);
    }
    const held: Held = { client };
    // A checked-out client has no listener of the pool's: without this one its failure would be uncaught.
    const failed = (error: Error) => (held.lost ??= error);
    client.on('error', failed);
    try {
      return await work(held);
    } finally {
      client.off('error', failed);
      client.release(held.lost ?? false);
    }
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#held(async (held) => {
      let open = true;
      const tx = statements(held, () => open);
      await tx.run('BEGIN');
      try {
        const result = await work(tx);
        // COMMIT of a transaction that had failed answers ROLLBACK, not an error: it must not pass for a commit. Sent
        // as the statements are, so that a connection lost at the commit is a lost connection (503), not a 500.
        const { command } = await tx.raw('COMMIT');
        if (command !== 'COMMIT') throw new Error(`The transaction was rolled back (${command}).`);
        return result;
      } catch (error) {
        if (!held.lost) {
          await held.client.query('ROLLBACK').catch((failure: Error) => (held.lost ??= failure));
        }
        throw error;
      } finally {
        open = false;
      }
    });
  }

  get(text: string, ...params: Param[]) {
    return this.#held((held) => statements(held, () => true).get(text, ...params));
  }

  /**
   * One simple query of four statements: BEGIN, \`first\`, COMMIT, \`text\` (its own implicit transaction). The
   * simple protocol takes no parameters, so they are written in as literals (\`inline\`).
   */
  afterCommit(first: [string, ...Param[]], text: string, ...params: Param[]) {
    const [head, ...values] = first;
    const script = ['BEGIN', inline(head, values), 'COMMIT', inline(text, params)].join(';\n');
    return this.#held(async (held) => {
      const results = (await statements(held, () => true).raw(script)) as unknown as pg.QueryResult[];
      return results.at(-1)?.rows[0] as Row | undefined;
    });
  }

  all(text: string, ...params: Param[]) {
    return this.#held((held) => statements(held, () => true).all(text, ...params));
  }

  run(text: string, ...params: Param[]) {
    return this.#held((held) => statements(held, () => true).run(text, ...params));
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
    return this.#pool.end();
  }
}
