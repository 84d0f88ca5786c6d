/**
 * A volunteer's call outcomes, kept on the phone until the server has them (the shared `AdminQueue`,
 * site/lib/dashboard/queue.ts, as check-in's): a call made on a bus with no signal is recorded at once and sent when
 * the connection is back. Each entry carries the idempotency key it was made with, and every retry sends that same
 * key, so an outcome whose answer was lost counts once. Signing out sends it first, and empties it (`clear`) when the
 * volunteer agrees to lose what could not go.
 */
import { adminFetch, jsonBody } from '../dashboard/api.ts';
import { AdminQueue, type Entry } from '../dashboard/queue.ts';

export interface QueuedOutcome extends Entry {
  /** The idempotency key, also the entry's key. */
  key: string;
  contactId: string;
  path: string;
  body: Record<string, unknown>;
}

export const QUEUE_DB = 'ladder-followup-outcomes';

export class OutcomeQueue extends AdminQueue<QueuedOutcome> {
  constructor() {
    super(QUEUE_DB, 'outcomes', (entry) =>
      adminFetch(entry.path, {
        ...jsonBody(entry.body),
        headers: { 'content-type': 'application/json', 'idempotency-key': entry.key },
      }),
    );
  }
}
