/**
 * Database errors that mean "not now" rather than "never": another writer holds the lock (SQLite's BUSY and
 * LOCKED; PostgreSQL's lock_timeout, deadlock and serialization failures), or the connection went away (a
 * restart, a failover, a reset). The transaction was rolled back, so nothing of the request was kept, and the
 * same request may be sent again: with its idempotency key it is counted once. The API answers these with 503
 * and `Retry-After` (middleware/errors.ts); every other error stays a 500.
 */

/** SQLite primary result codes (the low byte of node:sqlite's `errcode`): SQLITE_BUSY, SQLITE_LOCKED. */
const SQLITE = new Set([5, 6]);

/**
 * PostgreSQL SQLSTATEs: serialization_failure, deadlock_detected, lock_not_available (lock_timeout),
 * query_canceled (statement_timeout), idle_in_transaction_session_timeout, admin_shutdown (a terminated backend),
 * crash_shutdown, cannot_connect_now, too_many_connections; and class 08 (connection exceptions: store/postgres.ts
 * gives pg's own errors for a lost connection the code 08006).
 */
const POSTGRES = new Set(['40001', '40P01', '55P03', '57014', '25P03', '57P01', '57P02', '57P03', '53300']);

/** The socket's codes for a lost or refused connection. */
const CONNECTION = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

export function isTransient(error: unknown): boolean {
  const { code, errcode } = (error ?? {}) as { code?: unknown; errcode?: unknown };
  if (code === 'ERR_SQLITE_ERROR') return typeof errcode === 'number' && SQLITE.has(errcode & 0xff);
  if (typeof code !== 'string') return false;
  return POSTGRES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || CONNECTION.has(code);
}
