/**
 * The store at scale: PostgreSQL through `postgres` (porsager). Same domain verbs, same contract suite as SQLite.
 *
 * Concurrency: transactions run in parallel here, so an idempotency key takes a transaction-scoped advisory lock
 * (two requests with one key: the second waits and replays), the supporter is an `ON CONFLICT (email)` upsert and
 * the signature an `ON CONFLICT DO NOTHING` on the unique index.
 */
import postgres from 'postgres';
import { signatureEvent } from './events.ts';
import { newId, referralCode } from './ids.ts';
import { migrations } from './migrations/postgres.ts';
import type { OutboxEvent, RecordResult, SignatureOutcome, SignatureRecord, Store, StoredResponse } from './types.ts';

type Sql = postgres.Sql | postgres.TransactionSql;

export interface PostgresOptions {
  /** A schema of its own (created if missing): tests use one per run. */
  schema?: string;
  max?: number;
}

export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: options.schema ? { search_path: options.schema } : {},
  });
  if (options.schema) await sql.unsafe(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replaceAll('"', '')}"`);
  await migrate(sql);
  return new PostgresStore(sql);
}

async function migrate(sql: postgres.Sql): Promise<void> {
  await sql.begin(async (tx) => {
    // One migrator at a time, when several instances start together.
    await tx`SELECT pg_advisory_xact_lock(hashtext('ladder:migrations'))`;
    await tx`CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`;
    const applied = new Set((await tx`SELECT id FROM migrations`).map((row) => Number(row.id)));
    for (const migration of migrations) {
      if (applied.has(migration.id)) continue;
      await tx.unsafe(migration.sql);
      await tx`INSERT INTO migrations (id, name, applied_at) VALUES (${migration.id}, ${migration.name}, now())`;
    }
  });
}

const UNIQUE_VIOLATION = '23505';
/** Counter rows per campaign: enough that a spike's transactions rarely wait on each other's row lock. */
const SHARDS = 16;
const shard = () => Math.floor(Math.random() * SHARDS);

class PostgresStore implements Store {
  readonly dialect = 'postgres';
  #sql: postgres.Sql;

  constructor(sql: postgres.Sql) {
    this.#sql = sql;
  }

  async recordSignature(
    record: SignatureRecord,
    respond: (outcome: SignatureOutcome) => StoredResponse,
  ): Promise<RecordResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#sql.begin((tx) => this.#recordSignature(tx, record, respond));
      } catch (error) {
        // A referral code collision (about one in 10^11 per new supporter): run the transaction again.
        const { code, constraint_name: constraint } = error as { code?: string; constraint_name?: string };
        if (code === UNIQUE_VIOLATION && constraint === 'supporters_referral_code_key' && attempt < 5) continue;
        throw error;
      }
    }
  }

  async #recordSignature(
    tx: Sql,
    record: SignatureRecord,
    respond: (outcome: SignatureOutcome) => StoredResponse,
  ): Promise<RecordResult> {
    const { campaign, input, idempotency } = record;
    if (idempotency) {
      await tx`SELECT pg_advisory_xact_lock(hashtext(${`${campaign}\n${idempotency.key}`}))`;
      const [seen] =
        await tx`SELECT request_hash, body FROM idempotency WHERE campaign = ${campaign} AND key = ${idempotency.key}`;
      if (seen) {
        if (seen.request_hash !== idempotency.requestHash) return { mismatch: true };
        return { status: 200, body: seen.body, replay: true };
      }
    }
    const now = new Date().toISOString();
    const { person, referrer } = input;
    const [referrerRow] = referrer ? await tx`SELECT id, email FROM supporters WHERE referral_code = ${referrer}` : [];
    const referrerId: string | null = referrerRow && referrerRow.email !== person.email ? referrerRow.id : null;
    const [supporter] = await tx`
      INSERT INTO supporters (id, email, given_name, family_name, postcode, referral_code, referred_by, created_at, updated_at)
      VALUES (${newId()}, ${person.email}, ${person.givenName}, ${person.familyName}, ${person.postcode}, ${referralCode()},
              ${referrerId}, ${now}, ${now})
      ON CONFLICT (email) DO UPDATE SET given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name,
        postcode = EXCLUDED.postcode, updated_at = EXCLUDED.updated_at
      RETURNING id, referral_code`;
    const [inserted] = await tx`
      INSERT INTO actions (id, campaign, kind, supporter_id, comment, referrer_id, source, origin, created_at)
      VALUES (${newId()}, ${campaign}, 'signature', ${supporter.id}, ${input.comment ?? null}, ${referrerId},
              ${input.source ?? null}, ${record.origin}, ${now})
      ON CONFLICT DO NOTHING RETURNING id`;
    const duplicate = !inserted;
    const id: string = inserted
      ? inserted.id
      : (
          await tx`SELECT id FROM actions WHERE campaign = ${campaign} AND supporter_id = ${supporter.id} AND kind = 'signature'`
        )[0].id;
    if (!duplicate) {
      await tx`INSERT INTO consents (action_id, contact, text_version, text_hash, origin, created_at)
               VALUES (${id}, ${input.consent.contact}, ${record.consent.version}, ${record.consent.textHash}, ${record.origin}, ${now})`;
      await tx`INSERT INTO counts (campaign, kind, shard, count) VALUES (${campaign}, 'signature', ${shard()}, 1)
               ON CONFLICT (campaign, kind, shard) DO UPDATE SET count = counts.count + 1`;
      const event = signatureEvent(record, { signatureId: id, supporterId: supporter.id, now });
      await tx`INSERT INTO outbox (id, type, campaign, payload, created_at)
               VALUES (${event.id}, ${event.type}, ${event.campaign}, ${tx.json(event.payload as postgres.JSONValue)}, ${event.createdAt})`;
    }
    const [countRow] =
      await tx`SELECT sum(count) AS count FROM counts WHERE campaign = ${campaign} AND kind = 'signature'`;
    const candidates = record.nextAskCandidates;
    const doneRows = candidates.length
      ? await tx`SELECT DISTINCT campaign FROM actions WHERE supporter_id = ${supporter.id} AND campaign IN ${tx(candidates)}`
      : [];
    const response = respond({
      signatureId: id,
      supporterId: supporter.id,
      duplicate,
      count: Number(countRow?.count ?? 0),
      referralCode: supporter.referral_code,
      done: new Set(doneRows.map((row) => String(row.campaign))),
    });
    if (idempotency) {
      await tx`INSERT INTO idempotency (campaign, key, request_hash, status, body, created_at)
               VALUES (${campaign}, ${idempotency.key}, ${idempotency.requestHash}, ${response.status},
                       ${tx.json(response.body as postgres.JSONValue)}, ${now})`;
    }
    return { ...response, replay: false };
  }

  async counts(): Promise<Map<string, number>> {
    const rows = await this
      .#sql`SELECT campaign, sum(count) AS count FROM counts WHERE kind = 'signature' GROUP BY campaign`;
    return new Map(rows.map((row) => [String(row.campaign), Number(row.count)]));
  }

  async count(campaign: string): Promise<number> {
    const [row] = await this
      .#sql`SELECT sum(count) AS count FROM counts WHERE campaign = ${campaign} AND kind = 'signature'`;
    return Number(row?.count ?? 0);
  }

  async pendingEvents(limit: number): Promise<OutboxEvent[]> {
    const rows = await this.#sql`SELECT id, type, campaign, payload, created_at FROM outbox
                                 WHERE delivered_at IS NULL ORDER BY created_at LIMIT ${limit}`;
    return rows.map((row) => ({
      id: String(row.id),
      type: String(row.type),
      campaign: String(row.campaign),
      payload: row.payload,
      createdAt: new Date(row.created_at).toISOString(),
    }));
  }

  async close(): Promise<void> {
    await this.#sql.end({ timeout: 5 });
  }
}
