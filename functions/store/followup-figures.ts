/**
 * What a follow-up gave back, counted by the database: states, outcomes, texts, replies, opt-outs, and what the
 * people reached did within 14 days of their first contact (RSVPs, attendance, rung moves); per worker too.
 */
import type { SupporterRecord } from '../../schema/admin.ts';
import type { FollowupFigures, VolunteerFigures } from '../../schema/followup.ts';
import { type Db, readJson, readTime } from './db.ts';

const n = (value: unknown) => Number(value ?? 0);

/** Opted out on the list's channel after they were first contacted. */
const OPTED_OUT = `EXISTS (SELECT 1 FROM consent_withdrawals w WHERE w.supporter_id = c.supporter_id
  AND w.channel = (CASE WHEN f.channel = 'text' THEN 'sms' ELSE 'call' END) AND w.created_at >= c.first_contact_at)`;
const REPLIED = `EXISTS (SELECT 1 FROM followup_messages m WHERE m.contact_id = c.id AND m.direction = 'in')`;
const SENT = `(SELECT COUNT(*) FROM followup_messages m WHERE m.contact_id = c.id AND m.direction = 'out'
  AND m.status NOT IN ('sending', 'failed', 'undelivered'))`;

export async function followupFigures(db: Db, id: string): Promise<FollowupFigures> {
  const row = await db.get(
    `SELECT MAX(f.unreachable) AS unreachable,
       SUM(CASE WHEN c.left_at IS NULL AND c.id IS NOT NULL THEN 1 ELSE 0 END) AS eligible,
       SUM(CASE WHEN c.left_at IS NULL AND c.state = 'queued' THEN 1 ELSE 0 END) AS queued,
       SUM(CASE WHEN c.state = 'messaged' THEN 1 ELSE 0 END) AS messaged,
       SUM(CASE WHEN c.state = 'needs-reply' THEN 1 ELSE 0 END) AS needs_reply,
       SUM(CASE WHEN c.state = 'conversation' THEN 1 ELSE 0 END) AS conversation,
       SUM(CASE WHEN c.state = 'closed' THEN 1 ELSE 0 END) AS closed,
       SUM(CASE WHEN c.outcome = 'talked' THEN 1 ELSE 0 END) AS talked,
       SUM(CASE WHEN c.outcome = 'left-message' THEN 1 ELSE 0 END) AS left_message,
       SUM(CASE WHEN c.outcome = 'no-answer' THEN 1 ELSE 0 END) AS no_answer,
       SUM(CASE WHEN c.outcome = 'wrong-number' THEN 1 ELSE 0 END) AS wrong_number,
       SUM(CASE WHEN c.outcome = 'do-not-call' THEN 1 ELSE 0 END) AS do_not_call,
       SUM(CASE WHEN c.id IS NULL THEN 0 ELSE ${SENT} END) AS texts_sent,
       SUM(CASE WHEN c.id IS NOT NULL AND ${REPLIED} THEN 1 ELSE 0 END) AS replied,
       SUM(CASE WHEN c.first_contact_at IS NOT NULL AND ${OPTED_OUT} THEN 1 ELSE 0 END) AS opted_out,
       SUM(CASE WHEN c.first_contact_at IS NOT NULL AND EXISTS (SELECT 1 FROM rsvps r WHERE
         r.supporter_id = c.supporter_id AND r.created_at >= c.first_contact_at AND r.created_at <= c.convert_until)
         THEN 1 ELSE 0 END) AS rsvps,
       SUM(CASE WHEN c.first_contact_at IS NOT NULL AND EXISTS (SELECT 1 FROM rsvps r WHERE
         r.supporter_id = c.supporter_id AND r.attended_at >= c.first_contact_at AND r.attended_at <= c.convert_until)
         THEN 1 ELSE 0 END) AS attended,
       SUM(CASE WHEN c.first_contact_at IS NOT NULL AND EXISTS (SELECT 1 FROM supporter_rungs g WHERE
         g.supporter_id = c.supporter_id AND g.at >= c.first_contact_at AND g.at <= c.convert_until)
         THEN 1 ELSE 0 END) AS rung_moves
     FROM followups f LEFT JOIN followup_contacts c ON c.followup_id = f.id WHERE f.id = ?`,
    id,
  );
  return {
    eligible: n(row?.eligible),
    unreachable: n(row?.unreachable),
    queued: n(row?.queued),
    messaged: n(row?.messaged),
    needsReply: n(row?.needs_reply),
    conversation: n(row?.conversation),
    closed: n(row?.closed),
    outcomes: {
      talked: n(row?.talked),
      leftMessage: n(row?.left_message),
      noAnswer: n(row?.no_answer),
      wrongNumber: n(row?.wrong_number),
      doNotCall: n(row?.do_not_call),
    },
    textsSent: n(row?.texts_sent),
    replied: n(row?.replied),
    optedOut: n(row?.opted_out),
    conversions: { rsvps: n(row?.rsvps), attended: n(row?.attended), rungMoves: n(row?.rung_moves) },
  };
}

/** Per worker (an account's id, or `token:<name>`): `names` gives what to show for each. */
export async function volunteerFigures(
  db: Db,
  id: string,
  names: (worker: string) => string,
): Promise<VolunteerFigures[]> {
  const rows = await db.all(
    `SELECT c.worker,
       SUM(CASE WHEN c.first_contact_at IS NOT NULL THEN 1 ELSE 0 END) AS reached,
       SUM(CASE WHEN c.outcome = 'talked' THEN 1 ELSE 0 END) AS talked,
       SUM(${SENT}) AS texts_sent,
       SUM(CASE WHEN ${REPLIED} THEN 1 ELSE 0 END) AS replied,
       SUM(CASE WHEN c.first_contact_at IS NOT NULL AND ${OPTED_OUT} THEN 1 ELSE 0 END) AS opted_out
     FROM followup_contacts c JOIN followups f ON f.id = c.followup_id
     WHERE c.followup_id = ? AND c.worker IS NOT NULL GROUP BY c.worker ORDER BY c.worker`,
    id,
  );
  return rows.map((row) => ({
    accountId: String(row.worker),
    name: names(String(row.worker)),
    reached: n(row.reached),
    talked: n(row.talked),
    textsSent: n(row.texts_sent),
    replied: n(row.replied),
    optedOut: n(row.opted_out),
  }));
}

/** Follow-up outcomes (issue 12) in a supporter's timeline: kind `followup`, under the list's event, if any. */
export async function followupTimeline(db: Db, supporterId: string): Promise<SupporterRecord['timeline']> {
  const rows = await db.all(
    `SELECT o.id, o.outcome, o.details, o.created_at, f.name, f.channel, f.rule FROM followup_outcomes o
     JOIN followup_contacts c ON c.id = o.contact_id JOIN followups f ON f.id = c.followup_id
     WHERE c.supporter_id = ?`,
    supporterId,
  );
  return rows.map((row) => {
    const details = readJson(row.details) as { note?: string | null };
    return {
      id: String(row.id),
      campaign: (readJson(row.rule) as { campaign?: string }).campaign ?? '',
      kind: 'followup',
      at: readTime(row.created_at),
      comment: details.note ?? null,
      details: { followup: String(row.name), channel: String(row.channel), outcome: String(row.outcome), ...details },
      source: null,
      origin: null,
      rsvp: null,
    };
  });
}
