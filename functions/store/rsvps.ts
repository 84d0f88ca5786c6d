/**
 * RSVPs: one per person and event, changed only through its manage link (RSVPing again with the same email emails
 * the person their link: knowing an email proves nothing). Places are counted in people (guests too) per event
 * and per shift; whoever does not fit goes on the waitlist, and is confirmed, first come first served, when places
 * free up. Every change takes the event's lock, so capacity holds under concurrent RSVPs.
 *
 * A manage link's token exists only where it was handed out (the RSVP's answer, a message); the store keeps its
 * SHA-256: `rsvps.token` for the answer's, `rsvp_links` for those minted as each message is sent (`manageToken`).
 */
import type { Db, Tx } from './db.ts';
import { writeEvent, writeMessage } from './events.ts';
import { newId, sha256, token as newToken } from './ids.ts';
import { doneAmong, recordConsent, updateRung, upsertSupporter } from './steps.ts';
import type { EventRules, RsvpOutcome, RsvpRecord, RsvpView } from './records.ts';

type Status = RsvpView['status'];

const view = (row: Record<string, unknown>, token: string): RsvpView => ({
  id: String(row.action_id),
  campaign: String(row.campaign),
  status: String(row.status) as Status,
  guests: Number(row.guests),
  shift: String(row.shift),
  token,
});

const COLUMNS = 'action_id, campaign, supporter_id, status, guests, shift, token, created_at';

/** People confirmed per shift; `''` is the whole event. */
export async function takenPlaces(
  tx: Pick<Tx, 'all'>,
  campaign: string,
  except?: string,
): Promise<Record<string, number>> {
  const rows = await tx.all(
    `SELECT shift, SUM(1 + guests) AS n FROM rsvps WHERE campaign = ? AND status = 'confirmed'
     ${except ? 'AND action_id <> ?' : ''} GROUP BY shift`,
    campaign,
    ...(except ? [except] : []),
  );
  const taken: Record<string, number> = { '': 0 };
  for (const row of rows) {
    const n = Number(row.n);
    taken[''] += n;
    if (row.shift) taken[String(row.shift)] = n;
  }
  return taken;
}

function fits(rules: EventRules, taken: Record<string, number>, shift: string, people: number): boolean {
  const room = (key: string) => {
    const capacity = rules.capacity[key];
    return capacity == null || (taken[key] ?? 0) + people <= capacity;
  };
  return room('') && (shift === '' || room(shift));
}

/** What a message about an RSVP needs: the person and their consent (its manage link is minted as it is sent). */
async function about(tx: Tx, actionId: string): Promise<Record<string, unknown>> {
  const row = await tx.get(
    `SELECT r.action_id, r.supporter_id, r.status, r.guests, r.shift, s.given_name, s.family_name, s.email,
       s.phone, c.contact, c.sms, c.text_version, c.text_hash
     FROM rsvps r JOIN supporters s ON s.id = r.supporter_id LEFT JOIN consents c ON c.action_id = r.action_id
     WHERE r.action_id = ?`,
    actionId,
  );
  if (!row) return { rsvpId: actionId };
  const yes = (value: unknown) => value === true || Number(value) === 1;
  return {
    rsvpId: row.action_id,
    supporterId: row.supporter_id,
    person: { givenName: row.given_name, familyName: row.family_name, email: row.email, phone: row.phone ?? undefined },
    status: row.status,
    guests: Number(row.guests),
    shift: row.shift || null,
    consent: { contact: yes(row.contact), sms: yes(row.sms), version: row.text_version, textHash: row.text_hash },
  };
}

/** Every change to an event's places takes its lock first, so capacity holds under concurrency. */
export const lockEvent = (tx: Pick<Tx, 'lock'>, campaign: string): Promise<void> => tx.lock(`rsvp\n${campaign}`);

/**
 * Confirms waitlisted people, oldest first, while they fit; each is told (`rsvp.confirmed` carries what their
 * message needs, as every message about an RSVP does). The caller holds the event's lock.
 */
export async function promote(tx: Tx, campaign: string, rules: EventRules, now: string): Promise<void> {
  const waiting = await tx.all(
    `SELECT ${COLUMNS} FROM rsvps WHERE campaign = ? AND status = 'waitlisted' ORDER BY created_at, action_id`,
    campaign,
  );
  for (const row of waiting) {
    const taken = await takenPlaces(tx, campaign);
    if (!fits(rules, taken, String(row.shift), 1 + Number(row.guests))) continue;
    await tx.run(
      `UPDATE rsvps SET status = 'confirmed', updated_at = ? WHERE action_id = ?`,
      now,
      String(row.action_id),
    );
    await writeEvent(
      tx,
      'rsvp.confirmed',
      campaign,
      { ...(await about(tx, String(row.action_id))), from: 'waitlist' },
      now,
    );
  }
}

export async function recordRsvp(tx: Tx, record: RsvpRecord): Promise<RsvpOutcome> {
  const { campaign, input, rules } = record;
  await lockEvent(tx, campaign);
  const now = new Date().toISOString();
  const shift = input.shift ?? '';
  const people = 1 + input.guests;
  const supporter = await upsertSupporter(tx, input.person, input.referrer, now);
  const existing = supporter.known
    ? await tx.get('SELECT action_id FROM rsvps WHERE campaign = ? AND supporter_id = ?', campaign, supporter.id)
    : undefined;
  // A host's walk-in is there, in the room: confirmed whatever the capacity.
  const fitsIn = record.walkIn || fits(rules, await takenPlaces(tx, campaign), shift, people);
  const status: Status = fitsIn ? 'confirmed' : 'waitlisted';
  const token = newToken();
  const answer = async (id: string): Promise<RsvpOutcome> => {
    const taken = await takenPlaces(tx, campaign);
    return {
      actionId: id,
      supporterId: supporter.id,
      duplicate: false,
      count: taken[''],
      referralCode: supporter.referralCode,
      done: await doneAmong(tx, supporter.id, record.nextAskCandidates),
      rsvp: { id, campaign, status, guests: input.guests, shift, token },
      taken,
    };
  };
  if (existing) {
    // Changed only through its link, which goes to the person, not to whoever knows their email. The answer is a
    // new RSVP's (an id and a token that lead nowhere), so it does not tell whether the email was known.
    const id = String(existing.action_id);
    const { givenName, email } = supporter.person;
    const payload = { rsvpId: id, supporterId: supporter.id, person: { givenName, email } };
    await writeMessage(tx, 'rsvp.link', campaign, supporter.id, payload, now);
    return answer(newId());
  }
  const id = newId();
  await tx.run(
    `INSERT INTO actions (id, campaign, kind, supporter_id, referrer_id, source, origin, created_at)
     VALUES (?, ?, 'rsvp', ?, ?, ?, ?, ?)`,
    id,
    campaign,
    supporter.id,
    supporter.referrerId,
    input.source ?? null,
    record.origin,
    now,
  );
  await tx.run(
    `INSERT INTO rsvps (${COLUMNS}, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id,
    campaign,
    supporter.id,
    status,
    input.guests,
    shift,
    await sha256(token),
    now,
    now,
  );
  // Texts go to the phone on file: a known person's only when this request gave that same number.
  const consent = {
    ...input.consent,
    sms: input.consent.sms && (!supporter.known || supporter.person.phone === input.person.phone),
  };
  await recordConsent(tx, id, record, consent.contact, consent.sms, now);
  await writeEvent(
    tx,
    'rsvp.created',
    campaign,
    {
      rsvpId: id,
      supporterId: supporter.id,
      // A known supporter as on file: what this request said of them changed nothing (store/steps.ts).
      person: supporter.known ? supporter.person : input.person,
      status,
      guests: input.guests,
      shift: shift || null,
      consent: { ...consent, ...record.consent },
      referrer: input.referrer ?? null,
      source: input.source ?? null,
      origin: record.origin,
    },
    now,
  );
  await updateRung(tx, supporter.id, now);
  return answer(id);
}

/** The RSVP behind a manage link: its answer's token or one minted for a message. */
export async function rsvpByToken(tx: Pick<Tx, 'get'>, token: string): Promise<RsvpView | null> {
  const hash = await sha256(token);
  const row = await tx.get(
    `SELECT ${COLUMNS} FROM rsvps WHERE token = ? OR action_id = (SELECT rsvp_id FROM rsvp_links WHERE token_hash = ?)`,
    hash,
    hash,
  );
  return row ? view(row, token) : null;
}

/**
 * A new manage link's token for a message about this RSVP, as the message is sent: the store keeps its hash, and
 * the event carries none, so no webhook or CRM ever sees one. Null when the RSVP is gone.
 */
export async function manageToken(db: Pick<Db, 'get' | 'run'>, rsvpId: string): Promise<string | null> {
  if (!(await db.get('SELECT action_id FROM rsvps WHERE action_id = ?', rsvpId))) return null;
  const token = newToken();
  await db.run(
    'INSERT INTO rsvp_links (token_hash, rsvp_id, created_at) VALUES (?, ?, ?)',
    await sha256(token),
    rsvpId,
    new Date().toISOString(),
  );
  return token;
}

export async function changeRsvp(
  tx: Tx,
  token: string,
  change: { guests?: number; shift?: string },
  rules: EventRules,
): Promise<RsvpView | null> {
  const found = await rsvpByToken(tx, token);
  if (!found) return null;
  await lockEvent(tx, found.campaign);
  const now = new Date().toISOString();
  const guests = change.guests ?? found.guests;
  const shift = change.shift ?? found.shift;
  const taken = await takenPlaces(tx, found.campaign, found.id);
  const status: Status = fits(rules, taken, shift, 1 + guests) ? 'confirmed' : 'waitlisted';
  // A cancelled RSVP comes back through its link only (RSVPing again does not), at the back of the queue.
  const requeue = found.status === 'cancelled' ? ', created_at = ?' : '';
  await tx.run(
    `UPDATE rsvps SET status = ?, guests = ?, shift = ?, updated_at = ?${requeue} WHERE action_id = ?`,
    ...([status, guests, shift, now, ...(requeue ? [now] : []), found.id] as (string | number)[]),
  );
  await writeEvent(tx, 'rsvp.updated', found.campaign, await about(tx, found.id), now);
  await promote(tx, found.campaign, rules, now);
  return rsvpByToken(tx, token);
}

export async function cancelRsvp(tx: Tx, token: string, rules: EventRules): Promise<RsvpView | null> {
  const found = await rsvpByToken(tx, token);
  if (!found || found.status === 'cancelled') return found;
  await lockEvent(tx, found.campaign);
  const now = new Date().toISOString();
  await tx.run(`UPDATE rsvps SET status = 'cancelled', updated_at = ? WHERE action_id = ?`, now, found.id);
  await writeEvent(tx, 'rsvp.cancelled', found.campaign, await about(tx, found.id), now);
  await promote(tx, found.campaign, rules, now);
  return rsvpByToken(tx, token);
}

/**
 * Queues one `rsvp.reminder` event per RSVP still due this message: confirmed people (and for `after`, those who
 * did not check in). The reminders table makes it once, however often the scheduler runs.
 */
export function remind(db: Db, campaign: string, kind: string): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.lock(`remind\n${campaign}`);
    const rows = await tx.all(
      `SELECT r.action_id, r.supporter_id, r.guests, r.shift, r.attended_at, s.email, s.given_name,
         s.family_name, s.phone, c.sms
       FROM rsvps r JOIN supporters s ON s.id = r.supporter_id LEFT JOIN consents c ON c.action_id = r.action_id
       LEFT JOIN rsvp_reminders m ON m.rsvp_id = r.action_id AND m.kind = ?
       WHERE r.campaign = ? AND r.status = 'confirmed' AND m.rsvp_id IS NULL`,
      kind,
      campaign,
    );
    const now = new Date().toISOString();
    let queued = 0;
    for (const row of rows) {
      await tx.run(
        'INSERT INTO rsvp_reminders (rsvp_id, kind, created_at) VALUES (?, ?, ?)',
        String(row.action_id),
        kind,
        now,
      );
      if (kind === 'after' && row.attended_at) continue;
      await writeEvent(
        tx,
        'rsvp.reminder',
        campaign,
        {
          kind,
          rsvpId: row.action_id,
          supporterId: row.supporter_id,
          person: {
            givenName: row.given_name,
            familyName: row.family_name,
            email: row.email,
            phone: row.phone ?? undefined,
          },
          guests: Number(row.guests),
          shift: row.shift || null,
          consent: { sms: row.sms === true || Number(row.sms) === 1 },
        },
        now,
      );
      queued++;
    }
    return queued;
  });
}
