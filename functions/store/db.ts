/**
 * The little the store needs from a database: statements with `?` parameters, and transactions. One store
 * (engine.ts) runs on both SQLite and PostgreSQL through it; each dialect file is only a driver.
 */
export type Param = string | number | boolean | null;
export type Row = Record<string, unknown>;

export interface Tx {
  get(sql: string, ...params: Param[]): Promise<Row | undefined>;
  all(sql: string, ...params: Param[]): Promise<Row[]>;
  run(sql: string, ...params: Param[]): Promise<void>;
  /** Serializes transactions that take the same key (PostgreSQL advisory lock; SQLite's are serial anyway). */
  lock(key: string): Promise<void>;
}

export interface Db extends Tx {
  readonly dialect: 'sqlite' | 'postgres';
  /** SQL for the UTC day (YYYY-MM-DD) of a time column. */
  day(column: string): string;
  /** SQL for a text field of a JSON column. */
  jsonText(column: string, field: string): string;
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * `first` in a transaction of its own, committed, then `sql` (its first row) in another: both in one round trip
   * where the driver can (PostgreSQL). Nothing of `sql` can undo `first`.
   */
  afterCommit?(first: [string, ...Param[]], sql: string, ...params: Param[]): Promise<Row | undefined>;
  close(): Promise<void>;
}

/** JSON columns: TEXT in SQLite, JSONB (already parsed) in PostgreSQL. */
export const readJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/** Time columns: TEXT in SQLite, Date in PostgreSQL. */
export const readTime = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

export const marks = (values: readonly unknown[]): string => values.map(() => '?').join(', ');
