/**
 * The invariant every fault scenario ends on, read from the database itself:
 *
 * - every submission a client sent was acknowledged, and each acknowledged idempotency key is stored once;
 * - one action per acknowledged key (the action ids the clients were told), and no other;
 * - the campaign's counter equals the actions;
 * - one outbox event per action;
 * - with a sink: each event marked delivered, none dead, and the receiver saw each event id, once it
 *   de-duplicates (the raw receipts may hold repeats: delivery is at least once).
 *
 * Returns the scenario's one-line summary, which the caller prints.
 */
import { expect } from 'vitest';
import { readJson } from '../../functions/store/db.ts';
import type { Signed } from './client.ts';
import { type Probe, SLUG } from './harness.ts';

export interface Outcome {
  scenario: string;
  /** How many submissions the clients made (each with its own key). */
  submitted: number;
  signed: Signed[];
  /** The sink the receiver stands behind, and what it saw (event ids), when the scenario delivers. */
  delivery?: { sink: string; accepted: string[]; seen: Set<string>; raw: number };
  /** Anything else worth a word in the summary. */
  notes?: string[];
}

const sorted = (values: Iterable<string>) => [...values].sort();

export async function checkInvariant(probe: Probe, outcome: Outcome): Promise<string> {
  const { signed, delivery } = outcome;
  expect(signed.length, 'every submission acknowledged').toBe(outcome.submitted);
  expect(new Set(signed.map((s) => s.key)).size, 'one key per submission').toBe(signed.length);

  const keys = await probe.all('SELECT key, COUNT(*) AS n FROM idempotency WHERE campaign = ? GROUP BY key', SLUG);
  expect(
    keys.every((row) => Number(row.n) === 1),
    'each key stored once',
  ).toBe(true);
  expect(sorted(keys.map((row) => String(row.key))), 'the keys stored are the keys acknowledged').toEqual(
    sorted(signed.map((s) => s.key)),
  );

  const actions = (await probe.all("SELECT id FROM actions WHERE campaign = ? AND kind = 'signature'", SLUG)).map(
    (row) => String(row.id),
  );
  expect(sorted(actions), 'one action per acknowledged submission, as acknowledged').toEqual(
    sorted(signed.map((s) => s.actionId)),
  );

  const [counted] = await probe.all(
    "SELECT COALESCE(SUM(count), 0) AS n FROM counts WHERE campaign = ? AND kind = 'signature'",
    SLUG,
  );
  expect(Number(counted.n), 'the counter equals the actions').toBe(actions.length);

  const events = await probe.all(
    "SELECT id, payload FROM outbox WHERE campaign = ? AND type = 'signature.created'",
    SLUG,
  );
  const actionIds = events.map((row) => String((readJson(row.payload) as { actionId: string }).actionId));
  expect(sorted(actionIds), 'one event per action').toEqual(sorted(actions));
  const eventIds = events.map((row) => String(row.id));

  let delivered = '';
  if (delivery) {
    const rows = await probe.all(
      'SELECT event_id, delivered_at, dead_at FROM deliveries WHERE sink = ? AND delivered_at IS NOT NULL',
      delivery.sink,
    );
    expect(sorted(rows.map((row) => String(row.event_id))), 'every event marked delivered').toEqual(sorted(eventIds));
    expect(sorted(delivery.seen), 'the receiver saw every event, once de-duplicated').toEqual(sorted(eventIds));
    const repeats = delivery.accepted.length - delivery.seen.size;
    delivered = `, ${delivery.seen.size} delivered (${delivery.accepted.length} accepted, ${repeats} repeats, ${delivery.raw} requests)`;
  }
  const replays = signed.filter((s) => s.status === 200).length;
  const retried = signed.reduce((n, s) => n + s.attempts.length - 1, 0);
  const notes = outcome.notes?.length ? `; ${outcome.notes.join('; ')}` : '';
  return (
    `${outcome.scenario}: ${outcome.submitted} submitted, ${signed.length} acked, ${actions.length} stored` +
    `${delivered}, ${retried} client retries, ${replays} replays${notes}`
  );
}

/** Waits until every event of the campaign is marked delivered to `sink` (the dispatcher runs in the server). */
export async function settled(probe: Probe, sink: string, timeoutMs = 30_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const [row] = await probe.all(
          `SELECT COUNT(*) AS n FROM outbox o LEFT JOIN deliveries d ON d.event_id = o.id AND d.sink = ?
           WHERE o.campaign = ? AND d.delivered_at IS NULL`,
          sink,
          SLUG,
        );
        return Number(row.n);
      },
      { timeout: timeoutMs, interval: 100 },
    )
    .toBe(0);
}
