/**
 * Double opt-in and the right of access, inside the store. A held action waits in `pending_actions` (counted
 * nowhere, on nobody's ladder, sent to no CRM) until its link is followed; the link's token exists only in the
 * email, the store keeps its SHA-256. An access link works the same way, for an hour.
 */
import { action, type ActionSpec } from './action.ts';
import { type Db, readJson, readTime, type Tx } from './db.ts';
import { newId, sha256, token } from './ids.ts';
import { type ActionRecord, counter, doneAmong } from './steps.ts';
import type { ActionOutcome, ConfirmOutcome } from './types.ts';

/** How long a confirmation link works; after it the held action is deleted by the retention sweep. */
export const CONFIRM_TTL_MS = 7 * 24 * 3600_000;
/** How long a link to one's own data works: enough to open the email, short enough to go stale in an inbox. */
export const ACCESS_TTL_MS = 3600_000;

/** A message for one sink only (email): the link's token never goes to a CRM's webhook. */
async function writeMessage(
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

/** Records the action, or holds it when the campaign asks for double opt-in and the email was never confirmed. */
export async function actOrHold(db: Db, tx: Tx, record: ActionRecord, spec: ActionSpec): Promise<ActionOutcome> {
  if (!record.doubleOptIn || !spec.person) return action(db, tx, record, spec);
  const { email, givenName } = spec.person;
  const known = await tx.get('SELECT confirmed_at FROM supporters WHERE email = ?', email);
  if (known?.confirmed_at) return action(db, tx, record, spec);
  const now = new Date();
  const id = newId();
  const secret = token();
  const held = { consent: record.consent, origin: record.origin, spec };
  await tx.run(
    `INSERT INTO pending_actions (id, token_hash, campaign, kind, email, record, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    id,
    await sha256(secret),
    record.campaign,
    spec.kind,
    email,
    JSON.stringify(held),
    now.toISOString(),
    new Date(now.getTime() + CONFIRM_TTL_MS).toISOString(),
  );
  await writeMessage(
    tx,
    'confirmation.requested',
    record.campaign,
    null,
    { pendingId: id, action: spec.kind, person: { givenName: givenName ?? '', email }, token: secret },
    now.toISOString(),
  );
  return {
    actionId: id,
    supporterId: null,
    duplicate: false,
    pending: true,
    count: await counter(tx, record.campaign, spec.counters[0]),
    referralCode: null,
    done: new Set(),
  };
}

interface Held {
  consent: ActionRecord['consent'];
  origin: string | null;
  spec: ActionSpec;
}

/**
 * Follows a confirmation link: every action held for this email is recorded (each counted once: the lock on the
 * email serializes two clicks, and a confirmed row is not recorded again), and the email is marked confirmed.
 */
export async function confirmAction(db: Db, secret: string, candidates: string[]): Promise<ConfirmOutcome | null> {
  const hash = await sha256(secret);
  return db.transaction(async (tx) => {
    const found = await tx.get('SELECT email FROM pending_actions WHERE token_hash = ?', hash);
    if (!found) return null;
    const email = String(found.email);
    await tx.lock(`confirm\n${email}`);
    const row = await tx.get(
      'SELECT id, campaign, kind, expires_at, confirmed_at FROM pending_actions WHERE token_hash = ?',
      hash,
    );
    const now = new Date().toISOString();
    if (!row || (!row.confirmed_at && readTime(row.expires_at) <= now)) return null;
    const campaign = String(row.campaign);
    let outcome: ActionOutcome | undefined;
    if (!row.confirmed_at) {
      const held = await tx.all(
        `SELECT id, campaign, record FROM pending_actions WHERE email = ? AND confirmed_at IS NULL AND expires_at > ?
         ORDER BY created_at, id`,
        email,
        now,
      );
      for (const h of held) {
        const { consent, origin, spec } = readJson(h.record) as Held;
        const base = {
          campaign: String(h.campaign),
          consent,
          origin,
          idempotency: null,
          nextAskCandidates: candidates,
        };
        const result = await action(db, tx, base, { ...spec, id: String(h.id) });
        // The record held the person; confirmed, it is only a trace that the link was followed.
        await tx.run(`UPDATE pending_actions SET confirmed_at = ?, record = '{}' WHERE id = ?`, now, String(h.id));
        if (h.id === row.id) outcome = result;
      }
      await tx.run('UPDATE supporters SET confirmed_at = ? WHERE email = ? AND confirmed_at IS NULL', now, email);
    }
    if (outcome) return { ...outcome, campaign, already: false };
    const supporter = await tx.get('SELECT id, referral_code FROM supporters WHERE email = ?', email);
    const supporterId = supporter ? String(supporter.id) : null;
    return {
      actionId: String(row.id),
      supporterId,
      duplicate: true,
      count: await counter(tx, campaign, String(row.kind)),
      referralCode: supporter ? String(supporter.referral_code) : null,
      done: await doneAmong(tx, supporterId, candidates),
      campaign,
      already: true,
    };
  });
}

const bool = (value: unknown) => value === true || Number(value) === 1;
const time = (value: unknown) => (value == null ? null : readTime(value));

/** What `GET /api/admin/supporters/:id/export` and a supporter's own access link give: everything about them. */
export interface SupporterExport {
  exportedAt: string;
  profile: {
    id: string;
    email: string | null;
    givenName: string;
    familyName: string;
    postcode: string | null;
    phone: string | null;
    referralCode: string;
    rung: string;
    rungOverride: string | null;
    createdAt: string;
    emailConfirmedAt: string | null;
  };
  actions: {
    id: string;
    campaign: string;
    kind: string;
    createdAt: string;
    comment: string | null;
    details: unknown;
    source: string | null;
    origin: string | null;
    consent: {
      contact: boolean;
      sms: boolean;
      textVersion: string;
      textHash: string;
      origin: string | null;
      at: string;
    } | null;
  }[];
  rsvps: {
    actionId: string;
    campaign: string;
    status: string;
    guests: number;
    shift: string;
    attendedAt: string | null;
  }[];
  calls: { actionId: string; campaign: string; target: unknown; outcome: unknown; createdAt: string }[];
  tags: { tag: string; source: string; at: string }[];
  rungs: { rung: string; previous: string | null; at: string }[];
  /** Who brought them (a referral code) and how many they brought (a number: recruits are other people). */
  referrals: { referredBy: string | null; recruits: number };
  /** Actions waiting for their email to be confirmed. */
  pending: { campaign: string; kind: string; createdAt: string; expiresAt: string }[];
  /** Messages about them in the outbox, with where they were delivered. */
  outbox: { id: string; type: string; campaign: string; createdAt: string; payload: unknown; deliveredTo: string[] }[];
}

export async function supporterExport(db: Db, id: string): Promise<SupporterExport | null> {
  const s = await db.get(
    'SELECT s.*, r.referral_code AS referred_by_code FROM supporters s LEFT JOIN supporters r ON r.id = s.referred_by WHERE s.id = ?',
    id,
  );
  if (!s) return null;
  const actions = await db.all(
    `SELECT a.id, a.campaign, a.kind, a.comment, a.details, a.source, a.origin, a.created_at, c.contact, c.sms,
       c.text_version, c.text_hash, c.origin AS consent_origin, c.created_at AS consent_at
     FROM actions a LEFT JOIN consents c ON c.action_id = a.id WHERE a.supporter_id = ? ORDER BY a.created_at, a.id`,
    id,
  );
  const rsvps = await db.all(
    'SELECT action_id, campaign, status, guests, shift, attended_at FROM rsvps WHERE supporter_id = ? ORDER BY created_at',
    id,
  );
  const tags = await db.all(
    'SELECT tag, source, created_at FROM supporter_tags WHERE supporter_id = ? ORDER BY tag',
    id,
  );
  const rungs = await db.all('SELECT rung, previous, at FROM supporter_rungs WHERE supporter_id = ? ORDER BY at', id);
  const recruits = await db.get('SELECT COUNT(*) AS n FROM supporters WHERE referred_by = ?', id);
  const pending = s.email
    ? await db.all(
        `SELECT campaign, kind, created_at, expires_at FROM pending_actions WHERE email = ? AND confirmed_at IS NULL
         ORDER BY created_at`,
        String(s.email),
      )
    : [];
  const events = await db.all(
    `SELECT o.id, o.type, o.campaign, o.payload, o.created_at, d.sink FROM outbox o
     LEFT JOIN deliveries d ON d.event_id = o.id AND d.delivered_at IS NOT NULL
     WHERE o.supporter_id = ? AND o.erased_at IS NULL ORDER BY o.seq`,
    id,
  );
  const outbox = new Map<string, SupporterExport['outbox'][number]>();
  for (const row of events) {
    const entry = outbox.get(String(row.id)) ?? {
      id: String(row.id),
      type: String(row.type),
      campaign: String(row.campaign),
      createdAt: readTime(row.created_at),
      payload: readJson(row.payload),
      deliveredTo: [],
    };
    if (row.sink) entry.deliveredTo.push(String(row.sink));
    outbox.set(entry.id, entry);
  }
  const details = (row: { details?: unknown }) => (row.details ? readJson(row.details) : null);
  return {
    exportedAt: new Date().toISOString(),
    profile: {
      id,
      email: (s.email as string | null) ?? null,
      givenName: String(s.given_name),
      familyName: String(s.family_name),
      postcode: (s.postcode as string | null) ?? null,
      phone: (s.phone as string | null) ?? null,
      referralCode: String(s.referral_code),
      rung: String(s.rung),
      rungOverride: (s.rung_override as string | null) ?? null,
      createdAt: readTime(s.created_at),
      emailConfirmedAt: time(s.confirmed_at),
    },
    actions: actions.map((row) => ({
      id: String(row.id),
      campaign: String(row.campaign),
      kind: String(row.kind),
      createdAt: readTime(row.created_at),
      comment: (row.comment as string | null) ?? null,
      details: details(row),
      source: (row.source as string | null) ?? null,
      origin: (row.origin as string | null) ?? null,
      consent:
        row.text_version == null
          ? null
          : {
              contact: bool(row.contact),
              sms: bool(row.sms),
              textVersion: String(row.text_version),
              textHash: String(row.text_hash),
              origin: (row.consent_origin as string | null) ?? null,
              at: readTime(row.consent_at),
            },
    })),
    rsvps: rsvps.map((row) => ({
      actionId: String(row.action_id),
      campaign: String(row.campaign),
      status: String(row.status),
      guests: Number(row.guests),
      shift: String(row.shift),
      attendedAt: time(row.attended_at),
    })),
    calls: actions
      .filter((row) => row.kind === 'call')
      .map((row) => {
        const call = (details(row) ?? {}) as { target?: unknown; outcome?: unknown };
        return {
          actionId: String(row.id),
          campaign: String(row.campaign),
          target: call.target ?? null,
          outcome: call.outcome ?? null,
          createdAt: readTime(row.created_at),
        };
      }),
    tags: tags.map((row) => ({ tag: String(row.tag), source: String(row.source), at: readTime(row.created_at) })),
    rungs: rungs.map((row) => ({
      rung: String(row.rung),
      previous: (row.previous as string | null) ?? null,
      at: readTime(row.at),
    })),
    referrals: { referredBy: (s.referred_by_code as string | null) ?? null, recruits: Number(recruits?.n ?? 0) },
    pending: pending.map((row) => ({
      campaign: String(row.campaign),
      kind: String(row.kind),
      createdAt: readTime(row.created_at),
      expiresAt: readTime(row.expires_at),
    })),
    outbox: [...outbox.values()],
  };
}

/**
 * For a known email, an access link by email (in the language of their latest campaign); for an unknown one,
 * nothing. The caller answers the same either way, so the answer does not tell whether someone is on file.
 */
export function requestAccess(db: Db, email: string): Promise<void> {
  return db.transaction(async (tx) => {
    const s = await tx.get('SELECT id, given_name FROM supporters WHERE email = ?', email);
    const latest = s
      ? await tx.get(
          'SELECT campaign FROM actions WHERE supporter_id = ? ORDER BY created_at DESC LIMIT 1',
          s.id as string,
        )
      : undefined;
    if (!s || !latest) return;
    const now = new Date();
    const secret = token();
    await tx.run(
      'INSERT INTO access_links (token_hash, supporter_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      await sha256(secret),
      String(s.id),
      now.toISOString(),
      new Date(now.getTime() + ACCESS_TTL_MS).toISOString(),
    );
    await writeMessage(
      tx,
      'access.requested',
      String(latest.campaign),
      String(s.id),
      { person: { givenName: String(s.given_name), email }, token: secret },
      now.toISOString(),
    );
  });
}

export async function exportByToken(db: Db, secret: string): Promise<SupporterExport | null> {
  const row = await db.get(
    'SELECT supporter_id FROM access_links WHERE token_hash = ? AND expires_at > ?',
    await sha256(secret),
    new Date().toISOString(),
  );
  return row ? supporterExport(db, String(row.supporter_id)) : null;
}
