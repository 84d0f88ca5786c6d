/**
 * PostgreSQL: an action in one round trip. `ladder_action(jsonb)` (migration 15, migrations/postgres-action.ts)
 * runs every step of action.ts `act` (or rsvps.ts `recordRsvp`) and the idempotency key inside the database, as one
 * statement in autocommit: a single statement is its own transaction, so there is no BEGIN or COMMIT to send
 * either. Node draws the ids and the RSVP's token; the outcome comes back as JSON, and `respond` (the route's)
 * makes the answer, now and on a replay.
 */
import { type Db, readJson } from './db.ts';
import { passStatement, useToken } from './guard.ts';
import { newId, sha256, token } from './ids.ts';
import type { RecordResult, Respond, RsvpRecord } from './records.ts';
import { type ActionRecord, replayed, revive } from './steps.ts';

interface Called {
  mismatch?: true;
  replay: boolean;
  status: number;
  body: unknown;
}

export async function oneTrip<O>(
  db: Db,
  record: ActionRecord,
  respond: Respond<O>,
  call: Record<string, unknown>,
): Promise<RecordResult> {
  const sql = 'SELECT ladder_action(?::jsonb) AS result';
  const argument = JSON.stringify(call);
  // The guard's pass goes in the same round trip, committed first (records.ts `guardPass`).
  const pass = record.guardPass && passStatement(record.guardPass);
  const row =
    pass && db.afterCommit
      ? await db.afterCommit(pass, sql, argument)
      : (await passFirst(db, record), await db.get(sql, argument));
  const result = readJson(row?.result) as Called;
  if (result.mismatch) return { mismatch: true };
  if (result.replay) return replayed(result.status, result.body, respond);
  return { ...respond(revive<O>(result.body)), replay: false };
}

/** Records the guard's pass for the submission before its transaction (records.ts `guardPass`). */
export async function passFirst(db: Db, record: ActionRecord): Promise<void> {
  if (record.guardPass) await useToken(db, record.guardPass);
}

/** What every action's call carries. */
export const callBase = (record: ActionRecord) => ({
  campaign: record.campaign,
  now: new Date().toISOString(),
  idempotency: record.idempotency,
  consent: record.consent,
  origin: record.origin,
  candidates: record.nextAskCandidates,
});

/** An RSVP's call: its manage link's token is drawn here, the store keeps its hash. */
export async function rsvpCall(record: RsvpRecord) {
  const { input } = record;
  const secret = token();
  return {
    ...callBase(record),
    kind: 'rsvp',
    id: newId(),
    // The answer to a known person's RSVP again: an id that leads nowhere (rsvps.ts).
    answerId: newId(),
    supporterId: newId(),
    eventId: newId(),
    person: input.person,
    referrer: input.referrer ?? null,
    source: input.source ?? null,
    rsvp: {
      guests: input.guests,
      shift: input.shift ?? '',
      capacity: record.rules.capacity,
      walkIn: !!record.walkIn,
      contact: input.consent.contact,
      sms: input.consent.sms,
      token: secret,
      tokenHash: await sha256(secret),
    },
  };
}
