/**
 * A `Db` that misbehaves on purpose, for the fault scenarios: it dies just before or just after a submission's
 * commit or right before a delivery is marked, or fails statements with the error their driver would throw. It wraps the real driver,
 * so everything else is the real store on the real database. The plan comes from `LADDER_FAULTS` (JSON).
 */
import { writeSync } from 'node:fs';
import type { Db, Param, Tx } from '../../functions/store/db.ts';

/** One planned statement failure (`FaultPlan.fail`). */
export interface Failure {
  /** A piece of the statement's SQL, e.g. `INSERT INTO counts`. */
  match: string;
  nth: number;
  times?: number;
  error: keyof typeof DRIVER_ERRORS;
}

export interface FaultPlan {
  /** SIGKILL the process right after the Nth commit that stored an idempotency key (a submission), 1-based. */
  killAfterCommit?: number;
  /** SIGKILL the process inside the Nth submission's transaction, all its statements run but not committed. */
  killBeforeCommit?: number;
  /** SIGKILL the process right before the Nth delivery is marked delivered (the receiver already has it). */
  killBeforeDelivered?: number;
  /**
   * For each: instead of running the Nth statement whose SQL contains `match` (and the `times - 1` such statements
   * after it), throw the driver's error for `error`.
   */
  fail?: Failure[];
  /** How long a statement waits for a lock: PostgreSQL `SET LOCAL lock_timeout`, SQLite `busy_timeout`. */
  lockTimeoutMs?: number;
  /**
   * Inside a transaction, before the first statement whose SQL contains `match`: report `paused in transaction,
   * backend <pid>` (PostgreSQL), then for `ms` either run `pg_sleep` (`sleep`: a statement in flight) or wait
   * with the transaction idle. The test breaks the connection meanwhile.
   */
  pause?: { match: string; ms: number; sleep?: boolean };
}

/** Shaped as node:sqlite and the PostgreSQL store (pg, store/postgres.ts) throw them (seen on these machines). */
export const DRIVER_ERRORS = {
  busy: () =>
    Object.assign(new Error('database is locked'), {
      code: 'ERR_SQLITE_ERROR',
      errcode: 5,
      errstr: 'database is locked',
    }),
  lock_timeout: () =>
    Object.assign(new Error('canceling statement due to lock timeout'), { name: 'DatabaseError', code: '55P03' }),
  reset: () =>
    Object.assign(new Error('PostgreSQL connection lost: Connection terminated unexpectedly'), { code: '08006' }),
};

/** A line on stderr, written at once: the next thing may be a SIGKILL. The tests read these. */
export const report = (line: string) => writeSync(2, `fault: ${line}\n`);

export function faultyDb(db: Db, plan: FaultPlan): Db {
  let commits = 0;
  let uncommitted = 0;
  let marked = 0;
  const matched = (plan.fail ?? []).map(() => 0);
  let paused = false;
  const die = (why: string) => {
    report(why);
    process.kill(process.pid, 'SIGKILL');
  };
  /** Before each statement: throws the planned error on the planned one. */
  const check = (sql: string) => {
    for (const [i, fail] of (plan.fail ?? []).entries()) {
      if (!sql.includes(fail.match) || ++matched[i] < fail.nth || matched[i] >= fail.nth + (fail.times ?? 1)) continue;
      report(`${fail.error} on ${fail.match}`);
      throw DRIVER_ERRORS[fail.error]();
    }
  };
  const watched = (tx: Tx, seen: (sql: string) => void | Promise<void>): Tx => ({
    get: async (sql: string, ...params: Param[]) => (await seen(sql), tx.get(sql, ...params)),
    all: async (sql: string, ...params: Param[]) => (await seen(sql), tx.all(sql, ...params)),
    run: async (sql: string, ...params: Param[]) => (await seen(sql), tx.run(sql, ...params)),
    lock: (key: string) => tx.lock(key),
  });
  if (plan.lockTimeoutMs && db.dialect === 'sqlite')
    void db.run(`PRAGMA busy_timeout = ${Math.round(plan.lockTimeoutMs)}`);
  /** A transaction whose statements go through `seen` (which pauses, fails and marks submissions as planned). */
  async function transaction<T>(work: (tx: Tx, seen: (sql: string) => Promise<void>) => Promise<T>): Promise<T> {
    let submission = false;
    const result = await db.transaction(async (tx) => {
      if (plan.lockTimeoutMs && db.dialect === 'postgres') {
        await tx.run(`SET LOCAL lock_timeout = ${Math.round(plan.lockTimeoutMs)}`);
      }
      const seen = async (sql: string) => {
        if (plan.pause && !paused && sql.includes(plan.pause.match)) {
          paused = true;
          await pauseIn(tx, plan.pause);
        }
        check(sql);
        if (sql.startsWith('INSERT INTO idempotency')) submission = true;
      };
      const done = await work(watched(tx, seen), seen);
      if (submission && ++uncommitted === plan.killBeforeCommit) die(`killed before commit ${uncommitted}`);
      return done;
    });
    if (submission && ++commits === plan.killAfterCommit) die(`killed after commit ${commits}`);
    return result;
  }
  /**
   * PostgreSQL's action in one statement (store/one-trip.ts, `ladder_action`): run here inside a transaction of
   * ours, so that the faults planned for the statements it runs in the database fire after them, before its commit.
   */
  const oneTrip = (sql: string, params: Param[]) =>
    transaction(async (tx, seen) => {
      const row = await tx.get(sql, ...params);
      const keyed = String(params[0]).includes('"idempotency":{');
      for (const inner of [...(keyed ? ['INSERT INTO idempotency'] : []), ...ONE_TRIP]) await seen(inner);
      return row;
    });
  const plain = watched(db, (sql) => {
    if (sql.startsWith('UPDATE deliveries SET delivered_at') && ++marked === plan.killBeforeDelivered) {
      die(`killed before marking delivery ${marked}`);
    }
    check(sql);
  });
  return {
    ...plain,
    get: (sql: string, ...params: Param[]) =>
      sql.includes('ladder_action(') ? oneTrip(sql, params) : plain.get(sql, ...params),
    dialect: db.dialect,
    day: (column) => db.day(column),
    jsonText: (column, field) => db.jsonText(column, field),
    close: () => db.close(),
    transaction: (work) => transaction((tx) => work(tx)),
  };
}

/** The statements `ladder_action` runs for a new signature, in its order (migrations/postgres-action.ts). */
const ONE_TRIP = [
  'INSERT INTO supporters',
  'INSERT INTO actions',
  'INSERT INTO consents',
  'INSERT INTO counts',
  'INSERT INTO outbox',
];

async function pauseIn(tx: Tx, pause: NonNullable<FaultPlan['pause']>): Promise<void> {
  const row = await tx.get('SELECT pg_backend_pid() AS pid');
  report(`paused in transaction, backend ${String(row?.pid)}`);
  if (pause.sleep) await tx.run('SELECT pg_sleep(?)', pause.ms / 1000);
  else await new Promise((resolve) => setTimeout(resolve, pause.ms));
}

export const planFrom = (json: string | undefined): FaultPlan => (json ? (JSON.parse(json) as FaultPlan) : {});
