/**
 * A follow-up's ladder rule as SQL over `supporters s`, the same on SQLite and PostgreSQL, and who on it can be
 * reached by the channel: a phone number, and a consent for it (`consent.contact` for calls, `consent.sms` for
 * texts) with no withdrawal at or after it (store/consent.ts: the latest word on a channel wins).
 */
import type { FollowupChannel, Rule } from '../../schema/followup.ts';
import type { Db, Param } from './db.ts';

export interface RuleSql {
  /** A condition on `s`. */
  where: string;
  params: Param[];
}

/** An answer of response `a` equals `value`, or (a multiple choice) includes it; `help` is the "Would you help?". */
function answered(db: Db, question: string): string {
  if (db.dialect === 'postgres') {
    const path = question === 'help' ? `a.details -> 'help'` : `a.details -> 'answers' -> ?`;
    return `(${path}) @> to_jsonb(CAST(? AS TEXT))`;
  }
  const path = question === 'help' ? `'$.help'` : '?';
  return `EXISTS (SELECT 1 FROM json_each(a.details, ${path}) e WHERE CAST(e.value AS TEXT) = ?)`;
}

/** The rule, as of `now`. */
export function ruleSql(db: Db, rule: Rule, now: Date): RuleSql {
  switch (rule.kind) {
    case 'rsvp-unconfirmed':
      // Still coming (or waiting), not checked in, and silent since the day-before message (or none went yet).
      return {
        where: `EXISTS (SELECT 1 FROM rsvps r WHERE r.supporter_id = s.id AND r.campaign = ?
          AND r.status <> 'cancelled' AND r.attended_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM rsvp_reminders m WHERE m.rsvp_id = r.action_id AND m.kind = 'day_before'
            AND r.updated_at > m.created_at))`,
        params: [rule.campaign!],
      };
    case 'no-show':
      return {
        where: `EXISTS (SELECT 1 FROM rsvps r WHERE r.supporter_id = s.id AND r.campaign = ?
          AND r.status = 'confirmed' AND r.attended_at IS NULL)`,
        params: [rule.campaign!],
      };
    case 'came-twice':
      return {
        where: `s.rung IN ('contact', 'supporter', 'participant')
          AND (SELECT COUNT(*) FROM rsvps r WHERE r.supporter_id = s.id AND r.attended_at IS NOT NULL) >= 2`,
        params: [],
      };
    case 'inactive':
      return {
        where: `NOT EXISTS (SELECT 1 FROM actions a WHERE a.supporter_id = s.id AND a.created_at > ?)`,
        params: [new Date(now.getTime() - rule.days! * 86_400_000).toISOString()],
      };
    case 'answer': {
      const params: Param[] = [rule.campaign!];
      if (rule.question !== 'help') {
        params.push(db.dialect === 'postgres' ? rule.question! : `$.answers."${rule.question!}"`);
      }
      params.push(rule.value!);
      return {
        where: `EXISTS (SELECT 1 FROM actions a WHERE a.supporter_id = s.id AND a.campaign = ? AND a.kind = 'response'
          AND a.details IS NOT NULL AND ${answered(db, rule.question!)})`,
        params,
      };
    }
    case 'tag':
      return {
        where: 'EXISTS (SELECT 1 FROM supporter_tags t WHERE t.supporter_id = s.id AND t.tag = ?)',
        params: [rule.tag!],
      };
    case 'partner':
      // A partner is where people came from: the `?source=` of an action, or the page's origin.
      return {
        where: 'EXISTS (SELECT 1 FROM actions a WHERE a.supporter_id = s.id AND (a.source = ? OR a.origin = ?))',
        params: [rule.partner!, rule.partner!],
      };
  }
}

/** The consent column and the withdrawal channel each follow-up channel needs. */
export const CONSENT_OF: Record<FollowupChannel, { column: 'contact' | 'sms'; withdrawal: 'call' | 'sms' }> = {
  call: { column: 'contact', withdrawal: 'call' },
  text: { column: 'sms', withdrawal: 'sms' },
};

/** `s` can be reached by `channel`: a phone, and a standing consent for it. */
export function reachable(channel: FollowupChannel): RuleSql {
  const { column, withdrawal } = CONSENT_OF[channel];
  return {
    where: `s.phone IS NOT NULL AND EXISTS (SELECT 1 FROM consents c JOIN actions a ON a.id = c.action_id
      WHERE a.supporter_id = s.id AND c.${column} = ?
      AND NOT EXISTS (SELECT 1 FROM consent_withdrawals w WHERE w.supporter_id = s.id AND w.channel = ?
        AND w.created_at >= c.created_at))`,
    // SQLite keeps booleans as 1, PostgreSQL as true: both compare equal to a bound true.
    params: [true, withdrawal],
  };
}

/** `s` acted after `since` (the list's creation): someone who acts leaves the list. */
export const actedSince = (since: string): RuleSql => ({
  where: 'EXISTS (SELECT 1 FROM actions a2 WHERE a2.supporter_id = s.id AND a2.created_at > ?)',
  params: [since],
});
