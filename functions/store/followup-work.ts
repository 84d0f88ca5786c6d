/**
 * What a worker does with a contact they hold: record an outcome (once per idempotency key), text them (each text
 * reserved under its key before it goes to the provider, so a retry never sends twice), close the conversation.
 * And what comes back: replies matched to the open conversation, revocations, delivery statuses.
 */
import type { Outcome, OutcomeInput } from '../../schema/followup.ts';
import { type Db, readJson, readTime, type Row, type Tx } from './db.ts';
import { writeEvent } from './events.ts';
import { newId } from './ids.ts';
import { addTags, updateRung } from './steps.ts';
import { withdrawConsent } from './consent.ts';

/** What conversions are counted over, after the first contact. */
export const CONVERSION_MS = 14 * 86_400_000;

/**
 * The contact, when `worker` may act on it: they hold it, or held it last and nobody took it since (a phone that
 * was offline past its lease still gets its results in).
 */
export async function workable(db: Db | Tx, contactId: string, worker: string, now: Date): Promise<Row | null> {
  const row = await db.get(
    `SELECT c.*, f.channel, f.name AS followup_name, f.script, f.rule, f.closed_at, s.phone, s.email, s.given_name,
       s.postcode
     FROM followup_contacts c JOIN followups f ON f.id = c.followup_id JOIN supporters s ON s.id = c.supporter_id
     WHERE c.id = ?`,
    contactId,
  );
  if (!row) return null;
  const leased = row.holder === worker && row.lease_until != null && readTime(row.lease_until) > now.toISOString();
  const lapsed = row.worker === worker && (row.holder == null || readTime(row.lease_until ?? '') <= now.toISOString());
  return leased || lapsed ? row : null;
}

const TAGS: Record<Outcome, string> = {
  talked: 'followup:talked',
  'left-message': 'followup:left-message',
  'no-answer': 'followup:no-answer',
  'wrong-number': 'followup:wrong-number',
  'do-not-call': 'do-not-call',
};

export interface OutcomeResult {
  replay: boolean;
  contactId: string;
  outcome: Outcome;
  tags: string[];
}

/**
 * Records an outcome once per key: the contact closes, its answers become tags (the script's option tags, and the
 * tags given), a rung given becomes the organizer's say, "do not call" withdraws call consent everywhere, and an
 * OSDI-shaped outreach event goes out through the outbox.
 */
export function recordOutcome(
  db: Db,
  contact: Row,
  input: OutcomeInput,
  worker: string,
  now: Date,
): Promise<OutcomeResult> {
  const contactId = String(contact.id);
  const supporterId = String(contact.supporter_id);
  return db.transaction(async (tx) => {
    await tx.lock(`followup-contact\n${contactId}`);
    const done = await tx.get(
      'SELECT outcome, details FROM followup_outcomes WHERE contact_id = ? AND idempotency_key = ?',
      contactId,
      input.idempotencyKey,
    );
    if (done) {
      const details = readJson(done.details) as { tags: string[] };
      return { replay: true, contactId, outcome: String(done.outcome) as Outcome, tags: details.tags };
    }
    const at = now.toISOString();
    const script = readJson(contact.script) as {
      questions: { id: string; options: { value: string; tag?: string }[] }[];
    };
    const answerTags = Object.entries(input.answers ?? {}).flatMap(([question, value]) => {
      const option = script.questions.find((q) => q.id === question)?.options.find((o) => o.value === value);
      return option?.tag ? [option.tag] : [];
    });
    const tags = [...new Set([TAGS[input.outcome], ...answerTags, ...(input.tags ?? [])])];
    const details = { answers: input.answers ?? {}, note: input.note ?? null, tags, rung: input.rung ?? null };
    await tx.run(
      `INSERT INTO followup_outcomes (id, contact_id, idempotency_key, outcome, details, worker, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      newId(),
      contactId,
      input.idempotencyKey,
      input.outcome,
      JSON.stringify(details),
      worker,
      at,
    );
    await tx.run(
      `UPDATE followup_contacts SET outcome = ?, state = 'closed', holder = NULL, lease_until = NULL,
         first_contact_at = COALESCE(first_contact_at, ?), convert_until = COALESCE(convert_until, ?) WHERE id = ?`,
      input.outcome,
      at,
      new Date(now.getTime() + CONVERSION_MS).toISOString(),
      contactId,
    );
    await addTags(tx, supporterId, tags, 'followup', at);
    if (input.rung) await tx.run('UPDATE supporters SET rung_override = ? WHERE id = ?', input.rung, supporterId);
    await updateRung(tx, supporterId, at);
    if (input.outcome === 'do-not-call') await doNotCall(tx, supporterId, at);
    const rule = readJson(contact.rule) as { campaign?: string };
    await writeEvent(
      tx,
      'followup.outcome',
      rule.campaign ?? '',
      {
        supporterId,
        person: { email: contact.email ?? undefined, phone: contact.phone ?? undefined, givenName: contact.given_name },
        // A call list holds only people with `consent.contact` (the Action Network sink sends only those); a text
        // list's people gave `consent.sms`, which says nothing of email.
        consent: { contact: contact.channel === 'call', sms: contact.channel === 'text' },
        followup: { id: String(contact.followup_id), name: String(contact.followup_name), channel: contact.channel },
        outcome: input.outcome,
        answers: input.answers ?? {},
        tags,
        rung: input.rung ?? null,
        // OSDI: an outreach (the contact made) and the taggings it produced.
        osdi: {
          outreach: { type: contact.channel === 'text' ? 'sms' : 'phone', outcome: input.outcome, created_date: at },
          taggings: tags.map((tag) => ({ tag: { name: tag }, created_date: at })),
        },
      },
      at,
    );
    return { replay: false, contactId, outcome: input.outcome, tags };
  });
}

/** "Do not call": a withdrawal of call consent, and the person leaves every call list not yet done. */
async function doNotCall(tx: Tx, supporterId: string, at: string): Promise<void> {
  await tx.run(
    `INSERT INTO consent_withdrawals (id, supporter_id, channel, source, created_at) VALUES (?, ?, 'call', 'do-not-call', ?)`,
    newId(),
    supporterId,
    at,
  );
  await tx.run(
    `UPDATE followup_contacts SET left_at = ?, holder = NULL, lease_until = NULL
     WHERE supporter_id = ? AND state <> 'closed' AND left_at IS NULL
     AND followup_id IN (SELECT id FROM followups WHERE channel = 'call')`,
    at,
    supporterId,
  );
}

/** A text about to go out: reserved under its key (null: the key was used, with the row it was used for). */
export async function reserveText(
  db: Db,
  contactId: string,
  key: string,
  body: string,
  worker: string,
  now: Date,
): Promise<{ id: string; existing: Row | null }> {
  return db.transaction(async (tx) => {
    await tx.lock(`followup-contact\n${contactId}`);
    const existing = await tx.get(
      'SELECT * FROM followup_messages WHERE contact_id = ? AND idempotency_key = ?',
      contactId,
      key,
    );
    if (existing) return { id: String(existing.id), existing };
    const id = newId();
    await tx.run(
      `INSERT INTO followup_messages (id, contact_id, direction, body, worker, idempotency_key, status, created_at)
       VALUES (?, ?, 'out', ?, ?, ?, 'sending', ?)`,
      id,
      contactId,
      body,
      worker,
      key,
      now.toISOString(),
    );
    return { id, existing: null };
  });
}

/** The text already sent (or on its way) under this key, if any. */
export async function textByKey(db: Db, contactId: string, key: string): Promise<Row | null> {
  return (
    (await db.get('SELECT * FROM followup_messages WHERE contact_id = ? AND idempotency_key = ?', contactId, key)) ??
    null
  );
}

/** How many texts went to the contact (the first one must be the script). */
export async function textsTo(db: Db, contactId: string): Promise<number> {
  const row = await db.get(
    `SELECT COUNT(*) AS n FROM followup_messages WHERE contact_id = ? AND direction = 'out' AND status <> 'sending'`,
    contactId,
  );
  return Number(row?.n ?? 0);
}

/** The provider took the text: the contact is messaged (or, answering a reply, in conversation). */
export async function textSent(db: Db, messageId: string, contactId: string, sid: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.transaction(async (tx) => {
    await tx.run(`UPDATE followup_messages SET status = 'sent', provider_sid = ? WHERE id = ?`, sid, messageId);
    await tx.run(
      `UPDATE followup_contacts SET
         state = CASE WHEN state IN ('needs-reply', 'conversation') THEN 'conversation' ELSE 'messaged' END,
         first_contact_at = COALESCE(first_contact_at, ?), convert_until = COALESCE(convert_until, ?)
       WHERE id = ? AND state <> 'closed'`,
      at,
      new Date(now.getTime() + CONVERSION_MS).toISOString(),
      contactId,
    );
  });
}

/** The provider refused or could not be reached: the reservation goes, so the same key may try again. */
export async function textFailed(db: Db, messageId: string): Promise<void> {
  await db.run(`DELETE FROM followup_messages WHERE id = ? AND status = 'sending'`, messageId);
}

export async function messagesOf(db: Db, contactId: string) {
  const rows = await db.all(
    `SELECT direction, body, status, created_at FROM followup_messages WHERE contact_id = ? AND status <> 'sending'
     ORDER BY created_at, id`,
    contactId,
  );
  return rows.map((row) => ({
    direction: row.direction === 'in' ? ('in' as const) : ('out' as const),
    body: String(row.body),
    status: String(row.status),
    at: readTime(row.created_at),
  }));
}

export async function closeContact(db: Db, contactId: string): Promise<void> {
  await db.run(
    `UPDATE followup_contacts SET state = 'closed', holder = NULL, lease_until = NULL WHERE id = ?`,
    contactId,
  );
}

/**
 * A text from `phone`: kept on the open conversation with that number (the latest texted contact not closed), which
 * then needs a reply. A revocation also withdraws SMS consent for everyone with the number and closes their texting
 * contacts. The contact it went to, if any.
 */
export async function inboundText(
  db: Db,
  phone: string,
  body: string,
  sid: string,
  revokes: boolean,
  now: Date,
): Promise<string | null> {
  const at = now.toISOString();
  const contact = await db.get(
    `SELECT c.id FROM followup_contacts c JOIN supporters s ON s.id = c.supporter_id
     JOIN followups f ON f.id = c.followup_id
     WHERE s.phone = ? AND f.channel = 'text' AND c.first_contact_at IS NOT NULL
     ORDER BY CASE WHEN c.state = 'closed' THEN 1 ELSE 0 END, c.first_contact_at DESC LIMIT 1`,
    phone,
  );
  if (contact) {
    await db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO followup_messages (id, contact_id, direction, body, provider_sid, status, created_at)
         VALUES (?, ?, 'in', ?, ?, 'received', ?)`,
        newId(),
        String(contact.id),
        body,
        sid || null,
        at,
      );
      if (!revokes) {
        await tx.run(
          `UPDATE followup_contacts SET state = 'needs-reply' WHERE id = ? AND state <> 'closed'`,
          String(contact.id),
        );
      }
    });
  }
  if (revokes) {
    await withdrawConsent(db, { phone }, 'sms-stop');
    await db.run(
      `UPDATE followup_contacts SET state = CASE WHEN first_contact_at IS NULL THEN state ELSE 'closed' END,
         left_at = CASE WHEN first_contact_at IS NULL THEN ? ELSE left_at END, holder = NULL, lease_until = NULL
       WHERE state <> 'closed' AND supporter_id IN (SELECT id FROM supporters WHERE phone = ?)
       AND followup_id IN (SELECT id FROM followups WHERE channel = 'text')`,
      at,
      phone,
    );
  }
  return contact ? String(contact.id) : null;
}

/** A delivery status from the provider, for the text it names (false: no such text of ours). */
export async function textStatus(db: Db, sid: string, status: string): Promise<boolean> {
  const row = await db.get(`SELECT id FROM followup_messages WHERE provider_sid = ? AND direction = 'out'`, sid);
  if (!row) return false;
  await db.run('UPDATE followup_messages SET status = ? WHERE id = ?', status, String(row.id));
  return true;
}
