/**
 * The organizing team in the store: accounts with one role each (and a host's events), sign-in links, sessions,
 * WebAuthn challenges and passkeys, API tokens. Secrets are kept as their SHA-256 only: a link's token lives in
 * the email, a session's in the cookie, an API token with whoever it was shown to once.
 */
import { ROLES, type Role, signInPage, type TeamAccount, type TeamToken } from '../../schema/team.ts';
import { type Db, readTime } from './db.ts';
import { newId, sha256, token } from './ids.ts';
import { audit, auditLog } from './audit.ts';
import { writeMessage } from './events.ts';

export type { Role, TeamAccount, TeamToken };

/** A sign-in link works this long: enough to open the email, too short to wait in an inbox. */
export const LINK_TTL_MS = 15 * 60_000;
/** A session ends this long after sign-in, whatever happens. */
export const SESSION_TTL_MS = 14 * 24 * 3600_000;
/** A passkey challenge must be answered within this. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

/** Who is acting: an account (by session or passkey) or an API token; `label` is what the audit log shows. */
export interface Actor {
  role: Role;
  label: string;
  accountId: string | null;
  /** An account's name, when it has one. */
  name?: string | null;
}

export interface Passkey {
  id: string;
  accountId: string;
  publicKey: string;
  counter: number;
  transports: string[];
}

const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);
const roleOf = (value: unknown): Role => (isRole(value) ? value : 'volunteer');
const time = (value: unknown) => (value == null ? null : readTime(value));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class TeamStore {
  readonly #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  readonly audit = (entry: Parameters<typeof audit>[1]) => audit(this.#db, entry);
  readonly auditLog = (limit: number) => auditLog(this.#db, limit);

  async accounts(): Promise<TeamAccount[]> {
    const rows = await this.#db.all(
      'SELECT id, email, name, role, created_at FROM team_accounts ORDER BY created_at, id',
    );
    const events = await this.#db.all('SELECT account_id, campaign FROM team_events ORDER BY campaign');
    return rows.map((row) => ({
      id: String(row.id),
      email: String(row.email),
      name: row.name == null ? null : String(row.name),
      role: roleOf(row.role),
      events: events.filter((e) => e.account_id === row.id).map((e) => String(e.campaign)),
      createdAt: readTime(row.created_at),
    }));
  }

  async account(id: string): Promise<TeamAccount | null> {
    if (!UUID.test(id)) return null;
    return (await this.accounts()).find((a) => a.id === id) ?? null;
  }

  /** Adds the person, or changes their role and events (and their name, when one is given); the account's id. */
  async invite(email: string, role: Role, events: string[] = [], name?: string): Promise<string> {
    return this.#db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO team_accounts (id, email, role, created_at, name) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (email) DO UPDATE SET role = excluded.role, name = COALESCE(excluded.name, team_accounts.name)`,
        newId(),
        email,
        role,
        new Date().toISOString(),
        name ?? null,
      );
      const id = String((await tx.get('SELECT id FROM team_accounts WHERE email = ?', email))!.id);
      await tx.run('DELETE FROM team_events WHERE account_id = ?', id);
      for (const campaign of new Set(events)) {
        await tx.run('INSERT INTO team_events (account_id, campaign) VALUES (?, ?)', id, campaign);
      }
      return id;
    });
  }

  /** The name the person goes by (null: none). */
  async setName(id: string, name: string | null): Promise<void> {
    await this.#db.run('UPDATE team_accounts SET name = ? WHERE id = ?', name, id);
  }

  /** Takes the person off the team: their sessions, links and passkeys go with the account. */
  async remove(id: string): Promise<boolean> {
    if (!(await this.account(id))) return false;
    await this.#db.run('DELETE FROM team_accounts WHERE id = ?', id);
    return true;
  }

  async owners(): Promise<number> {
    const row = await this.#db.get("SELECT COUNT(*) AS n FROM team_accounts WHERE role = 'owner'");
    return Number(row?.n ?? 0);
  }

  /**
   * A sign-in link for a team member, sent by email through the outbox (in `lang`); its path and secret too
   * (`/organize/#signin=…`), for `npm run invite` to print. Null for an address not on the team: nothing is sent.
   */
  async signInLink(email: string, lang: string): Promise<string | null> {
    return this.#db.transaction(async (tx) => {
      const row = await tx.get('SELECT id, role FROM team_accounts WHERE email = ?', email);
      if (!row) return null;
      const secret = token();
      const now = new Date();
      await tx.run(
        'INSERT INTO team_links (token_hash, account_id, expires_at) VALUES (?, ?, ?)',
        await sha256(secret),
        String(row.id),
        new Date(now.getTime() + LINK_TTL_MS).toISOString(),
      );
      const page = signInPage(String(row.role), lang);
      await writeMessage(
        tx,
        'team.sign-in',
        '',
        null,
        { person: { email }, token: secret, lang, page },
        now.toISOString(),
      );
      return `${page}#signin=${secret}`;
    });
  }

  /** Uses a sign-in link once: the account it was for, or null when unknown, used or expired. */
  async useLink(secret: string): Promise<string | null> {
    const hash = await sha256(secret);
    return this.#db.transaction(async (tx) => {
      const row = await tx.get(
        'SELECT account_id FROM team_links WHERE token_hash = ? AND expires_at > ?',
        hash,
        new Date().toISOString(),
      );
      await tx.run('DELETE FROM team_links WHERE token_hash = ?', hash);
      return row ? String(row.account_id) : null;
    });
  }

  /** A new session for the account: the cookie's secret. */
  async startSession(accountId: string): Promise<string> {
    const secret = token();
    const now = Date.now();
    await this.#db.run(
      'INSERT INTO team_sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      await sha256(secret),
      accountId,
      new Date(now).toISOString(),
      new Date(now + SESSION_TTL_MS).toISOString(),
    );
    return secret;
  }

  async endSession(secret: string): Promise<void> {
    await this.#db.run('DELETE FROM team_sessions WHERE token_hash = ?', await sha256(secret));
  }

  /** The session's account, or null when unknown or expired. */
  async session(secret: string): Promise<(Actor & { accountId: string; events: string[] }) | null> {
    const row = await this.#db.get(
      `SELECT a.id, a.email, a.name, a.role FROM team_sessions s JOIN team_accounts a ON a.id = s.account_id
       WHERE s.token_hash = ? AND s.expires_at > ?`,
      await sha256(secret),
      new Date().toISOString(),
    );
    if (!row) return null;
    const events = await this.#db.all('SELECT campaign FROM team_events WHERE account_id = ?', String(row.id));
    return {
      accountId: String(row.id),
      label: String(row.email),
      name: row.name == null ? null : String(row.name),
      role: roleOf(row.role),
      events: events.map((e) => String(e.campaign)),
    };
  }

  /** Creates an API token: its secret, shown once. */
  async createToken(name: string, role: Role): Promise<{ id: string; secret: string }> {
    const id = newId();
    const secret = `ladder_${token()}`;
    await this.#db.run(
      'INSERT INTO team_tokens (id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      id,
      name,
      role,
      await sha256(secret),
      new Date().toISOString(),
    );
    return { id, secret };
  }

  async tokens(): Promise<TeamToken[]> {
    const rows = await this.#db.all(
      'SELECT id, name, role, created_at, last_used_at, revoked_at FROM team_tokens ORDER BY created_at, id',
    );
    return rows.map((row) => ({
      id: String(row.id),
      name: String(row.name),
      role: roleOf(row.role),
      createdAt: readTime(row.created_at),
      lastUsedAt: time(row.last_used_at),
      revokedAt: time(row.revoked_at),
    }));
  }

  async revokeToken(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const row = await this.#db.get('SELECT id FROM team_tokens WHERE id = ? AND revoked_at IS NULL', id);
    if (!row) return false;
    await this.#db.run('UPDATE team_tokens SET revoked_at = ? WHERE id = ?', new Date().toISOString(), id);
    return true;
  }

  /** The API token's actor (and its last use is now), or null when unknown or revoked. */
  async tokenActor(secret: string): Promise<Actor | null> {
    const hash = await sha256(secret);
    const row = await this.#db.get(
      'SELECT name, role FROM team_tokens WHERE token_hash = ? AND revoked_at IS NULL',
      hash,
    );
    if (!row) return null;
    await this.#db.run('UPDATE team_tokens SET last_used_at = ? WHERE token_hash = ?', new Date().toISOString(), hash);
    return { role: roleOf(row.role), label: `token:${String(row.name)}`, accountId: null };
  }

  /** Keeps a WebAuthn challenge until it is answered (once) or expires. */
  async saveChallenge(challenge: string, accountId: string | null): Promise<void> {
    await this.#db.run(
      'INSERT INTO team_challenges (challenge, account_id, expires_at) VALUES (?, ?, ?)',
      challenge,
      accountId,
      new Date(Date.now() + CHALLENGE_TTL_MS).toISOString(),
    );
  }

  /** Takes the challenge back (it cannot be answered twice); false when unknown, expired or another account's. */
  async takeChallenge(challenge: string, accountId: string | null): Promise<boolean> {
    return this.#db.transaction(async (tx) => {
      const row = await tx.get(
        'SELECT account_id FROM team_challenges WHERE challenge = ? AND expires_at > ?',
        challenge,
        new Date().toISOString(),
      );
      await tx.run('DELETE FROM team_challenges WHERE challenge = ?', challenge);
      return !!row && (row.account_id == null ? null : String(row.account_id)) === accountId;
    });
  }

  async addPasskey(key: Passkey): Promise<void> {
    await this.#db.run(
      'INSERT INTO team_passkeys (id, account_id, public_key, counter, transports, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      key.id,
      key.accountId,
      key.publicKey,
      key.counter,
      JSON.stringify(key.transports),
      new Date().toISOString(),
    );
  }

  async passkey(id: string): Promise<Passkey | null> {
    const row = await this.#db.get('SELECT * FROM team_passkeys WHERE id = ?', id);
    if (!row) return null;
    return {
      id: String(row.id),
      accountId: String(row.account_id),
      publicKey: String(row.public_key),
      counter: Number(row.counter),
      transports: JSON.parse(String(row.transports)) as string[],
    };
  }

  async passkeysOf(accountId: string): Promise<Passkey[]> {
    const rows = await this.#db.all('SELECT id FROM team_passkeys WHERE account_id = ?', accountId);
    return (await Promise.all(rows.map((row) => this.passkey(String(row.id))))).filter((k) => k !== null);
  }

  async usePasskey(id: string, counter: number): Promise<void> {
    await this.#db.run('UPDATE team_passkeys SET counter = ? WHERE id = ?', counter, id);
  }

  /** The event an RSVP belongs to (a host may check in only at their own events); null when unknown. */
  async rsvpCampaign(id: string): Promise<string | null> {
    if (!UUID.test(id)) return null;
    const row = await this.#db.get('SELECT campaign FROM rsvps WHERE action_id = ?', id);
    return row ? String(row.campaign) : null;
  }

  /** A supporter's id, for the audit log of a lookup or erasure by email (the log keeps the id, not the email). */
  async supporterId(email: string): Promise<string | null> {
    const row = await this.#db.get('SELECT id FROM supporters WHERE email = ?', email);
    return row ? String(row.id) : null;
  }
}
