/**
 * The store speaks the domain, not rows. One contract suite (test/functions/store.contract.ts) runs against every
 * implementation; an adapter is done when it passes.
 */
import type { SignatureInput } from '../../schema/actions.ts';

/** What the route has decided before the store records a signature. */
export interface SignatureRecord {
  campaign: string;
  input: SignatureInput;
  /** The consent text the supporter saw: its version and SHA-256. */
  consent: { version: string; textHash: string };
  /** The `Origin` of the page the signature came from; null from a server. */
  origin: string | null;
  /** Present when the client sent `Idempotency-Key`. */
  idempotency: { key: string; requestHash: string } | null;
  /** Campaigns the route may offer next; the store says which of them the supporter has done. */
  nextAskCandidates: string[];
}

/** What happened, for the route to build its response from (inside the transaction). */
export interface SignatureOutcome {
  signatureId: string;
  supporterId: string;
  /** The email had already signed this campaign: nothing was counted. */
  duplicate: boolean;
  count: number;
  referralCode: string;
  /** Which of `nextAskCandidates` the supporter has already acted on. */
  done: Set<string>;
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type RecordResult =
  | (StoredResponse & { replay: boolean })
  /** The idempotency key was used before with a different body. */
  | { mismatch: true };

/** An event for the outbox, written in the same transaction as the action it reports. */
export interface OutboxEvent {
  id: string;
  type: string;
  campaign: string;
  payload: unknown;
  createdAt: string;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Records a signature exactly once: upserts the supporter, inserts the signature (a second one by the same
   * email is a duplicate), records consent, writes an outbox event and stores the response for the idempotency
   * key, all in one transaction. `respond` builds the response from the outcome.
   */
  recordSignature(
    record: SignatureRecord,
    respond: (outcome: SignatureOutcome) => StoredResponse,
  ): Promise<RecordResult>;
  /** Signatures per campaign (campaigns with none are absent). */
  counts(): Promise<Map<string, number>>;
  count(campaign: string): Promise<number>;
  /** Undelivered outbox events, oldest first. */
  pendingEvents(limit: number): Promise<OutboxEvent[]>;
  close(): Promise<void>;
}
