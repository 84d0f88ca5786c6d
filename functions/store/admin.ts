/**
 * What organizers read and do through the admin API: the funnel, one supporter's record, erasure, rung overrides,
 * exports. Aggregated in the database, so the dashboard gets numbers, not rows.
 */
import { isRung, type Rung, RUNGS } from '../../schema/funnel.ts';
import { followupTimeline } from './followup-figures.ts';
import { type Db, marks, readJson, readTime, type Row } from './db.ts';
import { anonymizeActions, forgetSupporters, pendingIdOf, scrubEvents } from './retention.ts';
import { lockEvent, promote, rsvpByToken } from './rsvps.ts';
import { addTags, updateRung } from './steps.ts';
import type {
  EventRsvp,
  EventRules,
  ExportPerson,
  ExportRow,
  Funnel,
  RecruitNode,
  SupporterRecord,
} from './records.ts';

const num = (value: unknown) => Number(value ?? 0);

export async function funnel(db: Db): Promise<Funnel> {
  const rungs = Object.fromEntries(RUNGS.map((r) => [r, 0])) as Record<Rung, number>;
  for (const row of await db.all('SELECT rung, COUNT(*) AS n FROM supporters GROUP BY rung')) {
    if (isRung(row.rung)) rungs[row.rung] = num(row.n);
  }
  const movement = await db.all(
    `SELECT ${db.day('at')} AS day, rung, COUNT(*) AS n FROM supporter_rungs GROUP BY ${db.day('at')}, rung ORDER BY day`,
  );
  const campaigns = await db.all(
    `SELECT campaign, COUNT(*) AS actions, COUNT(DISTINCT supporter_id) AS supporters FROM actions GROUP BY campaign`,
  );
  const daily = await db.all(
    `SELECT campaign, ${db.day('created_at')} AS day, COUNT(*) AS n FROM actions
     GROUP BY campaign, ${db.day('created_at')} ORDER BY day`,
  );
  const partners = await db.all(
    `SELECT campaign, origin, source, COUNT(*) AS n FROM actions GROUP BY campaign, origin, source ORDER BY n DESC`,
  );
  const target = db.jsonText('details', 'target');
  const outcome = db.jsonText('details', 'outcome');
  const calls = await db.all(
    `SELECT campaign, ${target} AS target, ${outcome} AS outcome, COUNT(*) AS n FROM actions
     WHERE kind = 'call' AND details IS NOT NULL GROUP BY campaign, ${target}, ${outcome}`,
  );
  const events = await db.all(
    `SELECT campaign, status, COUNT(*) AS n, SUM(1 + guests) AS people, COUNT(attended_at) AS attended
     FROM rsvps GROUP BY campaign, status`,
  );
  const recruiters = await db.all(
    `SELECT r.id, r.given_name, r.family_name, COUNT(*) AS n FROM supporters s JOIN supporters r ON r.id = s.referred_by
     GROUP BY r.id, r.given_name, r.family_name ORDER BY n DESC, r.id LIMIT 20`,
  );
  const byEvent = new Map<string, Funnel['events'][number]>();
  for (const row of events) {
    const campaign = String(row.campaign);
    const entry = byEvent.get(campaign) ?? {
      campaign,
      confirmed: 0,
      waitlisted: 0,
      cancelled: 0,
      people: 0,
      attended: 0,
    };
    const status = String(row.status) as 'confirmed' | 'waitlisted' | 'cancelled';
    entry[status] = num(row.n);
    if (status === 'confirmed') entry.people = num(row.people);
    entry.attended += num(row.attended);
    byEvent.set(campaign, entry);
  }
  return {
    rungs,
    movement: movement.map((row) => ({ day: String(row.day), rung: String(row.rung) as Rung, n: num(row.n) })),
    campaigns: campaigns.map((row) => ({
      campaign: String(row.campaign),
      actions: num(row.actions),
      supporters: num(row.supporters),
      daily: daily.filter((d) => d.campaign === row.campaign).map((d) => ({ day: String(d.day), n: num(d.n) })),
    })),
    partners: partners.map((row) => ({
      campaign: String(row.campaign),
      origin: (row.origin as string | null) ?? null,
      source: (row.source as string | null) ?? null,
      actions: num(row.n),
    })),
    calls: calls.map((row) => ({
      campaign: String(row.campaign),
      target: String(row.target),
      outcome: String(row.outcome),
      n: num(row.n),
    })),
    events: [...byEvent.values()],
    recruiters: recruiters.map((row) => ({
      supporterId: String(row.id),
      name: `${row.given_name} ${row.family_name}`.trim(),
      recruits: num(row.n),
    })),
  };
}

export async function supporterByEmail(db: Db, email: string): Promise<SupporterRecord | null> {
  const s = await db.get('SELECT * FROM supporters WHERE email = ?', email);
  if (!s) return null;
  const id = String(s.id);
  const tags = await db.all('SELECT tag FROM supporter_tags WHERE supporter_id = ? ORDER BY tag', id);
  const actions = await db.all(
    `SELECT a.id, a.campaign, a.kind, a.comment, a.details, a.source, a.origin, a.created_at, r.status, r.attended_at
     FROM actions a LEFT JOIN rsvps r ON r.action_id = a.id WHERE a.supporter_id = ? ORDER BY a.created_at, a.id`,
    id,
  );
  const recruits = await db.get('SELECT COUNT(*) AS n FROM supporters WHERE referred_by = ?', id);
  const rungs = await db.all('SELECT rung, at FROM supporter_rungs WHERE supporter_id = ? ORDER BY at', id);
  return {
    id,
    email: String(s.email),
    givenName: String(s.given_name),
    familyName: String(s.family_name),
    postcode: (s.postcode as string | null) ?? null,
    phone: (s.phone as string | null) ?? null,
    referralCode: String(s.referral_code),
    rung: String(s.rung) as Rung,
    rungOverride: isRung(s.rung_override) ? s.rung_override : null,
    tags: tags.map((row) => String(row.tag)),
    recruits: num(recruits?.n),
    createdAt: readTime(s.created_at),
    rungs: rungs.map((row) => ({ rung: String(row.rung) as Rung, at: readTime(row.at) })),
    timeline: [
      ...actions.map((row: Row) => ({
        id: String(row.id),
        campaign: String(row.campaign),
        kind: String(row.kind),
        at: readTime(row.created_at),
        comment: (row.comment as string | null) ?? null,
        details: row.details ? readJson(row.details) : null,
        source: (row.source as string | null) ?? null,
        origin: (row.origin as string | null) ?? null,
        rsvp: row.status ? { status: String(row.status), attended: !!row.attended_at } : null,
      })),
      ...(await followupTimeline(db, id)),
      // A stable sort: the actions keep the database's order, follow-up outcomes fall in by time.
    ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
  };
}

/**
 * Erases a person: their supporter record, tags, rung history, RSVPs and access links; their actions stay as
 * anonymous counts (no comment, no answers); actions held for double opt-in are deleted; their outbox events lose
 * their payload and are never sent; stored API responses that carried one of their referral codes are dropped. The
 * places their RSVPs held go to the waitlists, as a cancellation's would. True when there was someone (or something
 * held) to erase.
 */
export function eraseSupporter(
  db: Db,
  email: string,
  rulesOf: (campaign: string) => EventRules | null,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const now = new Date().toISOString();
    const held = (await tx.all('SELECT id FROM pending_actions WHERE email = ?', email)).map((row) => String(row.id));
    await tx.run('DELETE FROM confirmed_devices WHERE email = ?', email);
    if (held.length) {
      await scrubEvents(tx, `${pendingIdOf(db)} IN (${marks(held)})`, held, now);
      await tx.run(`DELETE FROM pending_actions WHERE id IN (${marks(held)})`, ...held);
    }
    const s = await tx.get('SELECT id, referral_code FROM supporters WHERE email = ?', email);
    if (!s) return held.length > 0;
    const id = String(s.id);
    // The events they held places at, locked before anything changes (in one order: two erasures never deadlock).
    const events = await tx.all(
      "SELECT DISTINCT campaign FROM rsvps WHERE supporter_id = ? AND status = 'confirmed' ORDER BY campaign",
      id,
    );
    for (const row of events) await lockEvent(tx, String(row.campaign));
    const actions = await tx.all('SELECT id FROM actions WHERE supporter_id = ?', id);
    await anonymizeActions(
      db,
      tx,
      actions.map((row) => String(row.id)),
      now,
      false,
    );
    // Their own code and those answers to requests with their email got (store/steps.ts referralAlias).
    const aliases = await tx.all('SELECT code FROM referral_codes WHERE supporter_id = ?', id);
    for (const code of [String(s.referral_code), ...aliases.map((row) => String(row.code))]) {
      await tx.run('DELETE FROM idempotency WHERE CAST(body AS TEXT) LIKE ?', `%${code}%`);
    }
    await forgetSupporters(tx, [id], now);
    for (const row of events) {
      const rules = rulesOf(String(row.campaign));
      if (rules) await promote(tx, String(row.campaign), rules, now);
    }
    return true;
  });
}

/** An organizer's say on someone's rung (null: back to what their actions say). */
export function setRung(db: Db, supporterId: string, rung: Rung | null): Promise<boolean> {
  return db.transaction(async (tx) => {
    const found = await tx.get('SELECT id FROM supporters WHERE id = ?', supporterId);
    if (!found) return false;
    await tx.run('UPDATE supporters SET rung_override = ? WHERE id = ?', rung, supporterId);
    await updateRung(tx, supporterId, new Date().toISOString());
    return true;
  });
}

/** Every action of a campaign with its person, for CSV and OSDI exports. Erased people are absent. */
export async function exportRows(db: Db, campaign: string): Promise<ExportRow[]> {
  const rows = await db.all(
    `SELECT a.id, a.kind, a.created_at, a.comment, a.details, a.source, a.origin, s.given_name, s.family_name,
       s.email, s.postcode, s.phone, s.rung, c.contact, c.sms, c.text_version, r.status, r.guests, r.shift,
       r.attended_at, ref.referral_code AS referrer
     FROM actions a JOIN supporters s ON s.id = a.supporter_id
     LEFT JOIN consents c ON c.action_id = a.id LEFT JOIN rsvps r ON r.action_id = a.id
     LEFT JOIN supporters ref ON ref.id = a.referrer_id
     WHERE a.campaign = ? ORDER BY a.created_at, a.id`,
    campaign,
  );
  const text = (value: unknown) => (value == null ? '' : String(value));
  return rows.map((row) => ({
    id: String(row.id),
    kind: String(row.kind),
    createdAt: readTime(row.created_at),
    givenName: text(row.given_name),
    familyName: text(row.family_name),
    email: text(row.email),
    postcode: text(row.postcode),
    phone: text(row.phone),
    rung: text(row.rung),
    comment: text(row.comment),
    details: row.details ? JSON.stringify(readJson(row.details)) : '',
    consentContact: row.contact == null ? '' : row.contact === true || Number(row.contact) === 1 ? 'yes' : 'no',
    consentSms: row.sms == null ? '' : row.sms === true || Number(row.sms) === 1 ? 'yes' : 'no',
    consentVersion: text(row.text_version),
    rsvp: text(row.status),
    guests: text(row.guests),
    shift: text(row.shift),
    attended: row.attended_at ? 'yes' : '',
    source: text(row.source),
    origin: text(row.origin),
    referrer: text(row.referrer),
  }));
}

/**
 * A campaign's people for the OSDI export: one each, with their latest consent in this campaign, ordered by id
 * (ids are UUIDv7: the order people came, so new people land on the last page and pages stay put).
 */
export async function exportPeople(
  db: Db,
  campaign: string,
  page: { offset: number; limit: number; supporterId?: string },
): Promise<{ total: number; people: ExportPerson[] }> {
  const acted = 's.id IN (SELECT a.supporter_id FROM actions a WHERE a.campaign = ?)';
  const only = page.supporterId ? ' AND s.id = ?' : '';
  const params = page.supporterId ? [campaign, page.supporterId] : [campaign];
  const total = await db.get(`SELECT COUNT(*) AS n FROM supporters s WHERE ${acted}${only}`, ...params);
  const latest = (column: string) =>
    `(SELECT c.${column} FROM consents c JOIN actions a ON a.id = c.action_id
      WHERE a.supporter_id = s.id AND a.campaign = ? ORDER BY c.created_at DESC, c.action_id DESC LIMIT 1)`;
  const rows = await db.all(
    `SELECT s.id, s.given_name, s.family_name, s.email, s.postcode, s.phone, s.rung, s.created_at, s.updated_at,
       ${latest('contact')} AS contact, ${latest('sms')} AS sms,
       (SELECT COUNT(*) FROM actions a WHERE a.supporter_id = s.id AND a.campaign = ?) AS actions
     FROM supporters s WHERE ${acted}${only} ORDER BY s.id LIMIT ? OFFSET ?`,
    campaign,
    campaign,
    campaign,
    ...params,
    page.limit,
    page.offset,
  );
  const yes = (value: unknown) => (value == null ? null : value === true || Number(value) === 1);
  return {
    total: num(total?.n),
    people: rows.map((row) => ({
      supporterId: String(row.id),
      givenName: String(row.given_name),
      familyName: String(row.family_name),
      email: (row.email as string | null) ?? null,
      postcode: (row.postcode as string | null) ?? null,
      phone: (row.phone as string | null) ?? null,
      rung: String(row.rung),
      createdAt: readTime(row.created_at),
      modifiedAt: readTime(row.updated_at),
      consentContact: yes(row.contact),
      consentSms: yes(row.sms),
      actions: num(row.actions),
    })),
  };
}

/** Records attendance (self check-in by the manage link, or by the host). Null: no such RSVP. */
export function checkIn(
  db: Db,
  by: { token: string } | { id: string },
): Promise<{ campaign: string; already: boolean } | null> {
  return db.transaction(async (tx) => {
    // A manage link's token is stored hashed, in one of two places (store/rsvps.ts).
    const id = 'token' in by ? (await rsvpByToken(tx, by.token))?.id : by.id;
    const row = id
      ? await tx.get('SELECT action_id, campaign, supporter_id, attended_at FROM rsvps WHERE action_id = ?', id)
      : undefined;
    if (!row) return null;
    if (row.attended_at) return { campaign: String(row.campaign), already: true };
    const now = new Date().toISOString();
    // A host checking someone in sees them in the room: confirmed, whatever the capacity (a walk-in who was on the
    // waitlist, or had cancelled). Nobody else is moved.
    const status = 'id' in by ? ", status = 'confirmed'" : '';
    await tx.run(`UPDATE rsvps SET attended_at = ?${status} WHERE action_id = ?`, now, String(row.action_id));
    await updateRung(tx, String(row.supporter_id), now);
    return { campaign: String(row.campaign), already: false };
  });
}

/** An event's RSVPs for the host's check-in list, in the order people signed up. */
export async function eventRsvps(db: Db, campaign: string): Promise<EventRsvp[]> {
  const rows = await db.all(
    `SELECT r.action_id, r.status, r.guests, r.shift, r.attended_at, s.given_name, s.family_name, s.email
     FROM rsvps r JOIN supporters s ON s.id = r.supporter_id WHERE r.campaign = ? ORDER BY r.created_at, r.action_id`,
    campaign,
  );
  return rows.map((row) => ({
    id: String(row.action_id),
    givenName: String(row.given_name),
    familyName: String(row.family_name),
    email: String(row.email),
    guests: num(row.guests),
    shift: row.shift ? String(row.shift) : null,
    status: String(row.status) as EventRsvp['status'],
    attended: !!row.attended_at,
  }));
}

/** Who brought whom: every supporter who recruited or was recruited, with their recruiter (at most `limit`). */
export async function recruitment(db: Db, limit: number): Promise<RecruitNode[]> {
  const rows = await db.all(
    `SELECT s.id, s.given_name, s.family_name, s.referred_by, s.rung,
       (SELECT COUNT(*) FROM supporters r WHERE r.referred_by = s.id) AS recruits
     FROM supporters s
     WHERE s.referred_by IS NOT NULL OR EXISTS (SELECT 1 FROM supporters r WHERE r.referred_by = s.id)
     ORDER BY s.created_at, s.id LIMIT ?`,
    limit,
  );
  return rows.map((row) => ({
    id: String(row.id),
    name: `${row.given_name} ${row.family_name}`.trim(),
    referredBy: (row.referred_by as string | null) ?? null,
    rung: String(row.rung) as Rung,
    recruits: num(row.recruits),
  }));
}

/** An organizer's tags on a supporter (`leader`, `volunteer` move their rung). */
export function tagSupporter(db: Db, supporterId: string, add: string[], remove: string[]): Promise<boolean> {
  return db.transaction(async (tx) => {
    const found = await tx.get('SELECT id FROM supporters WHERE id = ?', supporterId);
    if (!found) return false;
    const now = new Date().toISOString();
    await addTags(tx, supporterId, add, 'organizer', now);
    for (const tag of remove)
      await tx.run('DELETE FROM supporter_tags WHERE supporter_id = ? AND tag = ?', supporterId, tag);
    await updateRung(tx, supporterId, now);
    return true;
  });
}
