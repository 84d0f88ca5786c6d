/**
 * Withdrawing consent, inside the store. A withdrawal is a record of its own (`consent_withdrawals`): the consents
 * given with actions stay as they were, and a consent given after a withdrawal opts the person in again. Messages
 * of a channel go out only while the person's latest word on it is a consent.
 *
 * The unsubscribe link's token is a keyed hash (HMAC-SHA-256, a key kept in the database) of the supporter and the
 * channel: the same link in every message, stored only as its SHA-256, and nothing in it says who it is for.
 */
import { type Db, readTime, type Tx } from './db.ts';
import { writeEvent } from './events.ts';
import { macKey } from '../guard/token.ts';
import { guardSecret } from './guard.ts';
import { newId, sha256 } from './ids.ts';

export type Channel = 'email' | 'sms';
/** How the withdrawal came: the page behind the link, a mail client's one-click POST (RFC 8058), an SMS STOP. */
export type WithdrawalSource = 'link' | 'one-click' | 'sms-stop';

const CONSENTED: Record<Channel, string> = { email: 'c.contact', sms: 'c.sms' };

/** The campaigns the person consented on for `channel`, latest first, and when they last did. */
async function consents(tx: Tx | Db, supporterId: string, channel: Channel) {
  const rows = await tx.all(
    `SELECT a.campaign, MAX(c.created_at) AS at FROM consents c JOIN actions a ON a.id = c.action_id
     WHERE a.supporter_id = ? AND ${CONSENTED[channel]} = ? GROUP BY a.campaign ORDER BY at DESC`,
    supporterId,
    // SQLite keeps booleans as 1, PostgreSQL as true: both compare equal to a bound true.
    true,
  );
  return rows.length ? { campaigns: rows.map((row) => String(row.campaign)), at: readTime(rows[0].at) } : null;
}

async function latestWithdrawal(tx: Tx | Db, supporterId: string, channel: Channel): Promise<string | null> {
  const row = await tx.get(
    'SELECT created_at FROM consent_withdrawals WHERE supporter_id = ? AND channel = ? ORDER BY created_at DESC LIMIT 1',
    supporterId,
    channel,
  );
  return row ? readTime(row.created_at) : null;
}

/** True when the person's latest word on `channel` is a withdrawal. */
export async function consentWithdrawn(db: Db, supporterId: string, channel: Channel): Promise<boolean> {
  const withdrawn = await latestWithdrawal(db, supporterId, channel);
  if (!withdrawn) return false;
  const consent = await consents(db, supporterId, channel);
  return !consent || consent.at <= withdrawn;
}

/** The token of the supporter's unsubscribe link for `channel` (the same each time). */
export async function unsubscribeToken(db: Db, supporterId: string, channel: Channel): Promise<string> {
  const secret = await guardSecret(
    db,
    'unsubscribe',
    Array.from(crypto.getRandomValues(new Uint8Array(32)), hex).join(''),
  );
  const mac = await crypto.subtle.sign(
    'HMAC',
    await macKey(secret),
    new TextEncoder().encode(`${channel}\n${supporterId}`),
  );
  const token = Array.from(new Uint8Array(mac).slice(0, 16), hex).join('');
  await db.run(
    'INSERT INTO unsubscribe_links (token_hash, supporter_id, channel) VALUES (?, ?, ?) ON CONFLICT (token_hash) DO NOTHING',
    await sha256(token),
    supporterId,
    channel,
  );
  return token;
}

const hex = (byte: number) => byte.toString(16).padStart(2, '0');

/**
 * Records a withdrawal for the person behind an unsubscribe link's token, or for everyone with this phone number
 * (an SMS STOP), and tells the sinks (`consent.withdrawn`: webhooks, Action Network). Withdrawing again what is
 * already withdrawn records nothing more. False: no such link, or nobody with this number.
 */
export function withdrawConsent(
  db: Db,
  by: { token: string } | { phone: string },
  source: WithdrawalSource,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const people =
      'token' in by
        ? await tx.all(
            `SELECT l.supporter_id AS id, l.channel, s.email, s.phone FROM unsubscribe_links l
             JOIN supporters s ON s.id = l.supporter_id WHERE l.token_hash = ?`,
            await sha256(by.token),
          )
        : await tx.all(`SELECT id, 'sms' AS channel, email, phone FROM supporters WHERE phone = ?`, by.phone);
    for (const person of people) {
      const id = String(person.id);
      const channel = String(person.channel) as Channel;
      await tx.lock(`consent\n${id}`);
      const withdrawn = await latestWithdrawal(tx, id, channel);
      const consent = await consents(tx, id, channel);
      if (withdrawn && (!consent || consent.at <= withdrawn)) continue;
      const now = new Date().toISOString();
      await tx.run(
        'INSERT INTO consent_withdrawals (id, supporter_id, channel, source, created_at) VALUES (?, ?, ?, ?, ?)',
        newId(),
        id,
        channel,
        source,
        now,
      );
      // Under the latest campaign they consented on, naming them all: a sink that took the person from any of them
      // (Action Network) hears of it.
      if (consent) {
        await writeEvent(
          tx,
          'consent.withdrawn',
          consent.campaigns[0],
          {
            supporterId: id,
            campaigns: consent.campaigns,
            person: { email: person.email ?? undefined, ...(person.phone ? { phone: String(person.phone) } : {}) },
            channel,
            source,
          },
          now,
        );
      }
    }
    return people.length > 0;
  });
}
