/**
 * The right of access, inside the store: everything held about one supporter, for the admin API and for the
 * supporter's own short-lived link (whose token, like a confirmation link's, exists only in the email).
 */
import { type Db, readJson, readTime } from './db.ts';
import { sha256, token } from './ids.ts';
import { writeMessage } from './events.ts';

/** How long a link to one's own data works: enough to open the email, short enough to go stale in an inbox. */
export const ACCESS_TTL_MS = 3600_000;

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
  /**
   * Who brought them (a referral code), how many they brought (a number: recruits are other people), and the
   * codes besides their own that credit them (one per answer to a request with their email: store/steps.ts).
   */
  referrals: { referredBy: string | null; recruits: number; codes: string[] };
  /** Consent withdrawn since it was given (an unsubscribe link, SMS STOP): the consents above stay as given. */
  withdrawals: { channel: string; source: string; at: string }[];
  /** Actions waiting for their email to be confirmed, with what was sent. */
  pending: { campaign: string; kind: string; createdAt: string; expiresAt: string; held: unknown }[];
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
  const codes = await db.all('SELECT code FROM referral_codes WHERE supporter_id = ? ORDER BY created_at, code', id);
  const withdrawals = await db.all(
    'SELECT channel, source, created_at FROM consent_withdrawals WHERE supporter_id = ? ORDER BY created_at',
    id,
  );
  const pending = s.email
    ? await db.all(
        `SELECT campaign, kind, record, created_at, expires_at FROM pending_actions WHERE email = ? AND confirmed_at IS NULL
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
    referrals: {
      referredBy: (s.referred_by_code as string | null) ?? null,
      recruits: Number(recruits?.n ?? 0),
      codes: codes.map((row) => String(row.code)),
    },
    withdrawals: withdrawals.map((row) => ({
      channel: String(row.channel),
      source: String(row.source),
      at: readTime(row.created_at),
    })),
    pending: pending.map((row) => ({
      campaign: String(row.campaign),
      kind: String(row.kind),
      createdAt: readTime(row.created_at),
      expiresAt: readTime(row.expires_at),
      // What was sent, as it will be recorded: the person, a comment or answers.
      held: (readJson(row.record) as { spec?: { payload?: unknown } }).spec?.payload ?? null,
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
