/** Outbox events: what CRMs and webhooks receive, each with a stable id for receivers to de-duplicate. */
import type { Tx } from './db.ts';
import { newId } from './ids.ts';

export async function writeEvent(
  tx: Tx,
  type: string,
  campaign: string,
  payload: Record<string, unknown>,
  now: string,
): Promise<void> {
  await tx.run(
    'INSERT INTO outbox (id, type, campaign, supporter_id, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    newId(),
    type,
    campaign,
    typeof payload.supporterId === 'string' ? payload.supporterId : null,
    JSON.stringify({ ...payload, createdAt: now }),
    now,
  );
}

/** A message for one sink only (email): a link's token never goes to a CRM's webhook. */
export async function writeMessage(
  tx: Tx,
  type: string,
  campaign: string,
  supporterId: string | null,
  payload: Record<string, unknown>,
  now: string,
) {
  await tx.run(
    `INSERT INTO outbox (id, type, campaign, supporter_id, payload, created_at, only_sink) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    newId(),
    type,
    campaign,
    supporterId,
    JSON.stringify({ ...payload, createdAt: now }),
    now,
    'email',
  );
}
