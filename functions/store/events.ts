/** Outbox events, the same for every store. */
import { newId } from './ids.ts';
import type { OutboxEvent, SignatureRecord } from './types.ts';

/** The outbox event for a new signature: everything a CRM needs, with a stable id for receivers to de-duplicate. */
export function signatureEvent(
  record: SignatureRecord,
  ids: { signatureId: string; supporterId: string; now: string },
): OutboxEvent {
  const { input } = record;
  return {
    id: newId(),
    type: 'signature.created',
    campaign: record.campaign,
    createdAt: ids.now,
    payload: {
      signatureId: ids.signatureId,
      supporterId: ids.supporterId,
      person: input.person,
      comment: input.comment ?? null,
      consent: { contact: input.consent.contact, version: record.consent.version, textHash: record.consent.textHash },
      referrer: input.referrer ?? null,
      source: input.source ?? null,
      origin: record.origin,
      createdAt: ids.now,
    },
  };
}
