/**
 * The embedded store: SQLite through Node's built-in `node:sqlite`.
 *
 * node:sqlite is synchronous, so a transaction never yields to another request: `BEGIN IMMEDIATE` plus the unique
 * index make "same email at the same moment" count once. WAL with synchronous=NORMAL survives a killed process
 * (not a power cut, which could lose the last commits: set LADDER_SQLITE_SYNC=FULL where that matters).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { signatureEvent } from './events.ts';
import { newId, referralCode } from './ids.ts';
import { migrations } from './migrations/sqlite.ts';
import type { OutboxEvent, RecordResult, SignatureOutcome, SignatureRecord, Store, StoredResponse } from './types.ts';

type Row = Record<string, unknown>;

export interface SqliteOptions {
  /** `FULL` survives power loss too, at about a tenth of the write rate here (STACK.md). */
  synchronous?: 'NORMAL' | 'FULL';
}

export async function openSqliteStore(path: string, options: SqliteOptions = {}): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${options.synchronous ?? 'NORMAL'};
    PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;`);
  migrate(db);
  return new SqliteStore(db);
}

function migrate(db: DatabaseSync): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    db
      .prepare('SELECT id FROM migrations')
      .all()
      .map((row) => Number(row.id)),
  );
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    transaction(db, () => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)').run(
        migration.id,
        migration.name,
        new Date().toISOString(),
      );
    });
  }
}

function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

class SqliteStore implements Store {
  readonly dialect = 'sqlite';
  #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  #get(sql: string, ...params: (string | number | null)[]): Row | undefined {
    return this.#db.prepare(sql).get(...params);
  }

  #all(sql: string, ...params: (string | number | null)[]): Row[] {
    return this.#db.prepare(sql).all(...params);
  }

  #run(sql: string, ...params: (string | number | null)[]): void {
    this.#db.prepare(sql).run(...params);
  }

  async recordSignature(
    record: SignatureRecord,
    respond: (outcome: SignatureOutcome) => StoredResponse,
  ): Promise<RecordResult> {
    return transaction(this.#db, () => {
      const { campaign, input, idempotency } = record;
      if (idempotency) {
        const seen = this.#get(
          'SELECT request_hash, body FROM idempotency WHERE campaign = ? AND key = ?',
          campaign,
          idempotency.key,
        );
        if (seen) {
          if (seen.request_hash !== idempotency.requestHash) return { mismatch: true } as const;
          return { status: 200, body: JSON.parse(String(seen.body)), replay: true };
        }
      }
      const now = new Date().toISOString();
      const supporter = this.#upsertSupporter(record, now);
      const signatureId = newId();
      const inserted = this.#get(
        `INSERT INTO actions (id, campaign, kind, supporter_id, comment, referrer_id, source, origin, created_at)
         VALUES (?, ?, 'signature', ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
        signatureId,
        campaign,
        supporter.id,
        input.comment ?? null,
        supporter.referrerId,
        input.source ?? null,
        record.origin,
        now,
      );
      const duplicate = !inserted;
      const id = duplicate
        ? String(
            this.#get(
              `SELECT id FROM actions WHERE campaign = ? AND supporter_id = ? AND kind = 'signature'`,
              campaign,
              supporter.id,
            )?.id,
          )
        : signatureId;
      if (!duplicate) {
        this.#run(
          'INSERT INTO consents (action_id, contact, text_version, text_hash, origin, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          id,
          input.consent.contact ? 1 : 0,
          record.consent.version,
          record.consent.textHash,
          record.origin,
          now,
        );
        this.#run(
          `INSERT INTO counts (campaign, kind, count) VALUES (?, 'signature', 1)
           ON CONFLICT (campaign, kind) DO UPDATE SET count = count + 1`,
          campaign,
        );
        const event = signatureEvent(record, { signatureId: id, supporterId: supporter.id, now });
        this.#run(
          'INSERT INTO outbox (id, type, campaign, payload, created_at) VALUES (?, ?, ?, ?, ?)',
          event.id,
          event.type,
          event.campaign,
          JSON.stringify(event.payload),
          event.createdAt,
        );
      }
      const count = Number(
        this.#get(`SELECT count FROM counts WHERE campaign = ? AND kind = 'signature'`, campaign)?.count ?? 0,
      );
      const done = this.#done(supporter.id, record.nextAskCandidates);
      const response = respond({
        signatureId: id,
        supporterId: supporter.id,
        duplicate,
        count,
        referralCode: supporter.referralCode,
        done,
      });
      if (idempotency) {
        this.#run(
          'INSERT INTO idempotency (campaign, key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          campaign,
          idempotency.key,
          idempotency.requestHash,
          response.status,
          JSON.stringify(response.body),
          now,
        );
      }
      return { ...response, replay: false };
    });
  }

  /** Finds the supporter by normalized email, or creates them; the latest name and postcode win. */
  #upsertSupporter(
    record: SignatureRecord,
    now: string,
  ): { id: string; referralCode: string; referrerId: string | null } {
    const { person, referrer } = record.input;
    const referrerRow = referrer
      ? this.#get('SELECT id, email FROM supporters WHERE referral_code = ?', referrer)
      : undefined;
    // Nobody refers themselves.
    const referrerId = referrerRow && referrerRow.email !== person.email ? String(referrerRow.id) : null;
    const existing = this.#get('SELECT id, referral_code FROM supporters WHERE email = ?', person.email);
    if (existing) {
      this.#run(
        'UPDATE supporters SET given_name = ?, family_name = ?, postcode = ?, updated_at = ? WHERE id = ?',
        person.givenName,
        person.familyName,
        person.postcode,
        now,
        String(existing.id),
      );
      return { id: String(existing.id), referralCode: String(existing.referral_code), referrerId };
    }
    const id = newId();
    for (let attempt = 0; ; attempt++) {
      const code = referralCode();
      const row = this.#get(
        `INSERT INTO supporters (id, email, given_name, family_name, postcode, referral_code, referred_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (referral_code) DO NOTHING RETURNING id`,
        id,
        person.email,
        person.givenName,
        person.familyName,
        person.postcode,
        code,
        referrerId,
        now,
        now,
      );
      if (row) return { id, referralCode: code, referrerId };
      if (attempt > 5) throw new Error('could not allocate a unique referral code');
    }
  }

  #done(supporterId: string, campaigns: string[]): Set<string> {
    if (!campaigns.length) return new Set();
    const marks = campaigns.map(() => '?').join(', ');
    const rows = this.#all(
      `SELECT DISTINCT campaign FROM actions WHERE supporter_id = ? AND campaign IN (${marks})`,
      supporterId,
      ...campaigns,
    );
    return new Set(rows.map((row) => String(row.campaign)));
  }

  async counts(): Promise<Map<string, number>> {
    const rows = this.#all(`SELECT campaign, count FROM counts WHERE kind = 'signature'`);
    return new Map(rows.map((row) => [String(row.campaign), Number(row.count)]));
  }

  async count(campaign: string): Promise<number> {
    return Number(
      this.#get(`SELECT count FROM counts WHERE campaign = ? AND kind = 'signature'`, campaign)?.count ?? 0,
    );
  }

  async pendingEvents(limit: number): Promise<OutboxEvent[]> {
    return this.#all(
      'SELECT id, type, campaign, payload, created_at FROM outbox WHERE delivered_at IS NULL ORDER BY created_at LIMIT ?',
      limit,
    ).map((row) => ({
      id: String(row.id),
      type: String(row.type),
      campaign: String(row.campaign),
      payload: JSON.parse(String(row.payload)),
      createdAt: String(row.created_at),
    }));
  }

  async close(): Promise<void> {
    this.#db.close();
  }
}
