/**
 * The admin API, for the organizer dashboard and for scripts: the funnel, supporters (lookup, erasure, rung
 * overrides), exports (CSV, OSDI), host check-in, delivery health and redelivery. Every route needs the token.
 */
import { stringify } from 'csv-stringify/sync';
import { Hono } from 'hono';
import * as z from 'zod';
import { Contact } from '../../schema/actions.ts';
import { isRung, RUNGS } from '../../schema/funnel.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, invalidInput } from '../errors.ts';
import { adminOnly } from '../middleware/admin.ts';
import { limitBody, readJson } from '../middleware/json-body.ts';
import { sha256 } from '../store/ids.ts';
import type { ExportRow } from '../store/types.ts';
import { idOf } from './ids.ts';
import { HAL, OsdiPaging, osdiPeople, osdiPerson } from './osdi.ts';
import { rules, upcomingRules } from './rsvps.ts';

export const admin = new Hono<AppEnv>();
admin.use('*', adminOnly);

admin.get('/funnel', async (c) => c.json(await c.get('options').store.funnel()));

const emailOf = (c: { req: { query(name: string): string | undefined } }) => {
  const email = c.req.query('email')?.trim().toLowerCase();
  if (!email) throw new ApiError('invalid_input', 'Give ?email=.', { codes: { email: 'required' } });
  return email;
};

admin.get('/supporters', async (c) => {
  const found = await c.get('options').store.supporterByEmail(emailOf(c));
  if (!found) throw new ApiError('not_found', 'Nobody with this email.');
  return c.json(found);
});

admin.delete('/supporters', async (c) => {
  const { store, catalog } = c.get('options');
  const erased = await store.eraseSupporter(emailOf(c), upcomingRules(catalog));
  if (!erased) throw new ApiError('not_found', 'Nobody with this email.');
  return c.json({ erased: true });
});

/** Everything held about one supporter, for a request under the right of access. */
admin.get('/supporters/:id/export', async (c) => {
  const data = await c.get('options').store.supporterExport(idOf(c, 'supporter'));
  if (!data) throw new ApiError('not_found', 'No such supporter.');
  return c.json(data);
});

const RungChange = z.object({ rung: z.union([z.enum(RUNGS), z.null()], { error: 'invalid' }) });
admin.put('/supporters/:id/rung', limitBody, async (c) => {
  const { rung } = await readJson(c, RungChange);
  const done = await c.get('options').store.setRung(idOf(c, 'supporter'), isRung(rung) ? rung : null);
  if (!done) throw new ApiError('not_found', 'No such supporter.');
  return c.json({ ok: true });
});

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula: such a cell gets
 * a leading apostrophe, as OWASP advises, so a supporter named `=HYPERLINK(…)` stays text.
 */
const defuse = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const COLUMNS: (keyof ExportRow)[] = [
  'id',
  'kind',
  'createdAt',
  'givenName',
  'familyName',
  'email',
  'postcode',
  'phone',
  'rung',
  'comment',
  'details',
  'consentContact',
  'consentSms',
  'consentVersion',
  'rsvp',
  'guests',
  'shift',
  'attended',
  'source',
  'origin',
  'referrer',
];

const campaignOf = (c: {
  get(key: 'options'): AppEnv['Variables']['options'];
  req: { param(name: string): string | undefined };
}) => {
  const campaign = c.get('options').catalog.get(c.req.param('slug') ?? '');
  if (!campaign) throw new ApiError('not_found', 'No such campaign.');
  return campaign;
};

admin.get('/campaigns/:slug/export.csv', async (c) => {
  const campaign = campaignOf(c);
  const rows = await c.get('options').store.exportRows(campaign.slug);
  const csv = stringify(
    rows.map((row) => COLUMNS.map((column) => defuse(row[column]))),
    { header: true, columns: COLUMNS },
  );
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${campaign.slug}.csv"`);
  // A byte-order mark, so that spreadsheet programs read the names as UTF-8.
  return c.body(`\uFEFF${csv}`);
});

/** The campaign's people as an OSDI people collection, a page at a time (routes/osdi.ts). */
admin.get('/campaigns/:slug/export.osdi.json', async (c) => {
  const campaign = campaignOf(c);
  const paging = OsdiPaging.safeParse(c.req.query());
  if (!paging.success) throw invalidInput(paging.error);
  const { page, per_page } = paging.data;
  const found = await c
    .get('options')
    .store.exportPeople(campaign.slug, { offset: (page - 1) * per_page, limit: per_page });
  return c.json(osdiPeople(found, paging.data, campaign.slug, new URL(c.req.url)), 200, HAL);
});

/** One person of the OSDI export (its `osdi:people` links). */
admin.get('/campaigns/:slug/people/:id', async (c) => {
  const campaign = campaignOf(c);
  const supporterId = idOf(c, 'person');
  const found = await c.get('options').store.exportPeople(campaign.slug, { offset: 0, limit: 1, supporterId });
  const [person] = found.people;
  if (!person) throw new ApiError('not_found', 'No such person in this campaign.');
  const url = new URL(c.req.url);
  return c.json(osdiPerson(person, campaign.slug, url.origin + url.pathname), 200, HAL);
});

const Tags = z.object({
  add: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
  remove: z.array(z.string().max(64)).max(20).default([]),
});
admin.put('/supporters/:id/tags', limitBody, async (c) => {
  const { add, remove } = await readJson(c, Tags);
  if (!(await c.get('options').store.tagSupporter(idOf(c, 'supporter'), add, remove))) {
    throw new ApiError('not_found', 'No such supporter.');
  }
  return c.json({ ok: true });
});

admin.get('/referrals', async (c) => c.json({ supporters: await c.get('options').store.recruitment(1000) }));

admin.get('/campaigns/:slug/rsvps', async (c) => {
  const campaign = campaignOf(c);
  if (campaign.kind !== 'event') throw new ApiError('not_found', 'Not an event.');
  return c.json({ rsvps: await c.get('options').store.eventRsvps(campaign.slug) });
});

const WalkIn = z.object({ person: Contact, guests: z.int().min(0).max(20).default(0), shift: z.string().optional() });
/**
 * Someone at the door: recorded as confirmed and checked in, whatever the capacity. Their RSVP if they had one
 * (consent as they gave it); the places it no longer holds go to the waitlist as the event's rules allow.
 */
admin.post('/campaigns/:slug/walk-ins', limitBody, async (c) => {
  const campaign = campaignOf(c);
  if (campaign.kind !== 'event') throw new ApiError('not_found', 'Not an event.');
  const { person, guests, shift } = await readJson(c, WalkIn);
  const { store } = c.get('options');
  // Someone with an RSVP: theirs is checked in (an RSVP with their email changes nothing: store/rsvps.ts).
  const theirs = (await store.eventRsvps(campaign.slug)).find((r) => r.email === person.email);
  if (theirs) {
    await store.checkIn({ id: theirs.id });
    return c.json({ id: theirs.id, checkedIn: true }, 201);
  }
  const result = await store.recordRsvp(
    {
      campaign: campaign.slug,
      consent: { version: campaign.consent.version, textHash: await sha256(campaign.consent.text) },
      origin: null,
      idempotency: null,
      nextAskCandidates: [],
      // Walk-ins did not see the consent text: no consent to contact is recorded for them.
      input: { person, guests, shift, consent: { contact: false, sms: false }, source: 'walk-in' },
      rules: rules(campaign),
      walkIn: true,
    },
    (outcome) => ({ status: 201, body: outcome.rsvp }),
  );
  const rsvp = 'body' in result ? (result.body as { id: string }) : null;
  if (rsvp) await store.checkIn({ id: rsvp.id });
  return c.json({ id: rsvp?.id, checkedIn: true }, 201);
});

admin.post('/rsvps/:id/check-in', async (c) => {
  const done = await c.get('options').store.checkIn({ id: idOf(c, 'RSVP') });
  if (!done) throw new ApiError('not_found', 'No such RSVP.');
  return c.json(done);
});

admin.get('/outbox', async (c) => {
  const { store, sinks = [] } = c.get('options');
  return c.json({ sinks: await store.deliveryHealth(sinks), dead: await store.deadLetters(50) });
});

admin.post('/outbox/:id/redeliver', async (c) => {
  const { store, sinks = [] } = c.get('options');
  const sink = c.req.query('sink');
  if (sink !== undefined && !sinks.includes(sink)) {
    const configured = sinks.length ? sinks.join(', ') : 'none';
    throw new ApiError('unknown_sink', `No sink is named ${sink}; the configured sinks are: ${configured}.`);
  }
  return c.json({ redelivered: await store.redeliver(idOf(c, 'event'), sink) });
});
