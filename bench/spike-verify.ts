/**
 * After a spike, the database is read directly (not through the API under test) and compared with what the load
 * generator was told: every acknowledged signature stored exactly once, as the row the answer named; the
 * campaign's counter equal to its rows; one `signature.created` outbox event per row.
 */
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';

/** What the generator saw for one supporter: the action id of a 2xx answer, or null (never acknowledged). */
export type Ledger = Map<string, string | null>;

export interface Verification {
  acknowledged: number;
  rows: number;
  /** Acknowledged, and no row for that supporter. */
  lost: number;
  /** More than one row for a supporter, or more than one event for a row. */
  duplicated: number;
  /** Acknowledged with an action id that is not the supporter's stored row. */
  mismatched: number;
  /** Stored without a 2xx having reached the generator (it gave up waiting): neither lost nor duplicated. */
  storedUnacknowledged: number;
  /** Rows of supporters the generator never sent (must be 0). */
  strangers: number;
  counter: number;
  events: number;
  eventsMissing: number;
}

interface Row {
  email: string;
  id: string;
}

interface Tables {
  actions: Row[];
  counter: number;
  /** Each `signature.created` event's action id. */
  eventActions: string[];
}

const ACTIONS = `SELECT s.email AS email, a.id AS id FROM actions a JOIN supporters s ON s.id = a.supporter_id
  WHERE a.campaign = $1 AND a.kind = 'signature'`;
const COUNTER = `SELECT SUM(count) AS n FROM counts WHERE campaign = $1 AND kind = 'signature'`;
const EVENTS = `SELECT payload FROM outbox WHERE campaign = $1 AND type = 'signature.created'`;

const actionOf = (payload: unknown) =>
  String((typeof payload === 'string' ? JSON.parse(payload) : (payload as { actionId: string })).actionId);

export function readSqlite(file: string, campaign: string): Tables {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const q = (sql: string) => db.prepare(sql.replaceAll('$1', '?'));
    return {
      actions: q(ACTIONS).all(campaign) as unknown as Row[],
      counter: Number((q(COUNTER).get(campaign) as { n: number | null }).n ?? 0),
      eventActions: q(EVENTS)
        .all(campaign)
        .map((row) => actionOf(row.payload)),
    };
  } finally {
    db.close();
  }
}

export async function readPostgres(url: string, schema: string, campaign: string): Promise<Tables> {
  const sql = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` });
  try {
    const { rows: actions } = await sql.query(ACTIONS, [campaign]);
    const {
      rows: [counter],
    } = await sql.query(COUNTER, [campaign]);
    const { rows: events } = await sql.query(EVENTS, [campaign]);
    return {
      actions: actions.map((row) => ({ email: String(row.email), id: String(row.id) })),
      counter: Number(counter?.n ?? 0),
      eventActions: events.map((row) => actionOf(row.payload)),
    };
  } finally {
    await sql.end();
  }
}

/** `ledger`: by the supporter's (normalized) email. */
export function verify(ledger: Ledger, tables: Tables): Verification {
  const stored = new Map<string, string[]>();
  for (const row of tables.actions) stored.set(row.email, [...(stored.get(row.email) ?? []), row.id]);
  const result: Verification = {
    acknowledged: 0,
    rows: tables.actions.length,
    lost: 0,
    duplicated: 0,
    mismatched: 0,
    storedUnacknowledged: 0,
    strangers: 0,
    counter: tables.counter,
    events: tables.eventActions.length,
    eventsMissing: 0,
  };
  for (const [email, acked] of ledger) {
    const ids = stored.get(email) ?? [];
    if (ids.length > 1) result.duplicated += ids.length - 1;
    if (acked === null) {
      if (ids.length) result.storedUnacknowledged++;
      continue;
    }
    result.acknowledged++;
    if (!ids.length) result.lost++;
    else if (!ids.includes(acked)) result.mismatched++;
  }
  for (const email of stored.keys()) if (!ledger.has(email)) result.strangers++;
  const events = new Map<string, number>();
  for (const id of tables.eventActions) events.set(id, (events.get(id) ?? 0) + 1);
  for (const row of tables.actions) {
    const n = events.get(row.id) ?? 0;
    if (n === 0) result.eventsMissing++;
    if (n > 1) result.duplicated += n - 1;
  }
  return result;
}
