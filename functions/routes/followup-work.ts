/**
 * Working follow-ups: volunteers (on lists open to volunteers) and staff take leased batches, call or text the
 * contacts they hold, and record outcomes. A worker acts only on contacts they hold (403 otherwise). Texts go out
 * only between 09:00 and 21:00 in the contact's time zone, never to someone who opted out, and the first one is
 * the script (it names the sender and the organization).
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { type Followup, MessageInput, OutcomeInput } from '../../schema/followup.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { adminOnly } from '../middleware/admin.ts';
import { limitBody, readJson } from '../middleware/json-body.ts';
import { DeliveryError } from '../outbox/sink.ts';
import { textOne } from '../outbox/sms.ts';
import { langOf, MESSAGES } from '../followup-text.ts';
import { contactZones, withinTextingHours } from '../followup-zone.ts';
import { contactView, eventOf, fillScript, senderName, type ViewContext } from '../followup-view.ts';
import { isOpen } from '../store/followups.ts';
import { idOf } from './ids.ts';

type Ctx = Context<AppEnv>;

export const followupWork = new Hono<AppEnv>();
followupWork.use('*', adminOnly);

/** Who holds leases: the account, or an API token by its name. */
const workerOf = (c: Ctx) => c.get('actor').accountId ?? c.get('actor').label;

const mayWork = (c: Ctx, f: Followup) =>
  c.get('actor').role === 'owner' ||
  c.get('actor').role === 'organizer' ||
  (c.get('actor').role === 'volunteer' && f.assignees === 'volunteers');

function viewContext(c: Ctx): ViewContext {
  const { catalog, followups, siteUrl } = c.get('options');
  return {
    catalog,
    sender: c.get('actor').name || senderName(c.get('actor').label),
    organization: followups?.organization ?? new URL(siteUrl ?? c.get('siteOrigin')).hostname,
    lang: langOf(c.req.query('lang'), c.req.header('Accept-Language')),
  };
}

/** The list, when the caller may work it now. */
async function workableList(c: Ctx): Promise<Followup> {
  const followup = await c.get('options').store.followups.get(idOf(c, 'follow-up'));
  if (!followup) throw new ApiError('not_found', 'No such follow-up.');
  if (!mayWork(c, followup)) throw new ApiError('forbidden', 'This follow-up is not open to your role.');
  return followup;
}

async function batchOf(c: Ctx, followup: Followup) {
  const rows = await c.get('options').store.followups.held(followup.id, workerOf(c));
  const context = viewContext(c);
  const { id, name, channel, script } = followup;
  return {
    followup: { id, name, channel, script },
    contacts: rows.map((row) => contactView(row, followup, context)),
    leaseEndsAt: rows.reduce<string | null>(
      (end, row) => (!end || (row.leaseUntil ?? '') > end ? row.leaseUntil : end),
      null,
    ),
  };
}

followupWork.get('/assignments', async (c) => {
  const { store } = c.get('options');
  const now = new Date();
  const load = await store.followups.workload(workerOf(c), now);
  const lists = (await store.followups.all()).filter((f) => isOpen(f, now) && mayWork(c, f));
  return c.json({
    assignments: lists.map((f) => ({
      id: f.id,
      name: f.name,
      channel: f.channel,
      held: load.get(f.id)?.held ?? 0,
      available: load.get(f.id)?.available ?? 0,
      batchSize: f.batchSize,
      closesAt: f.closesAt,
    })),
  });
});

followupWork.post('/followups/:id/batch', async (c) => {
  const followup = await workableList(c);
  if (!isOpen(followup, new Date())) throw new ApiError('campaign_closed', 'This follow-up is closed.');
  const started = await c.get('options').store.followups.take(followup.id, workerOf(c));
  if (started) afterAnswer(c, started.rebuild);
  return c.json(await batchOf(c, followup));
});

/**
 * Work that goes on after the answer (the list's rebuild): a host that ends a request with its answer (Workers) is
 * told to wait for it; Node runs on. A failure is logged: the list is rebuilt again at the next due take.
 */
function afterAnswer(c: Ctx, work: Promise<void>): void {
  const logged = work.catch((error: unknown) => console.error('Rebuilding a follow-up list failed:', error));
  try {
    c.executionCtx.waitUntil(logged);
  } catch {
    // No execution context outside Workers: the process outlives the request.
  }
}

followupWork.get('/followups/:id/batch', async (c) => c.json(await batchOf(c, await workableList(c))));

followupWork.post('/followups/:id/release', async (c) => {
  const followup = await workableList(c);
  return c.json({ released: await c.get('options').store.followups.release(followup.id, workerOf(c)) });
});

/** The contact and its list, when the caller holds it. */
async function heldContact(c: Ctx) {
  const { store } = c.get('options');
  const id = idOf(c, 'contact');
  const row = await store.followups.workable(id, workerOf(c));
  if (!row && !(await store.followups.contactExists(id))) throw new ApiError('not_found', 'No such contact.');
  if (!row) throw new ApiError('forbidden', 'You do not hold this contact: take a batch first.');
  const followup = (await store.followups.get(String(row.followup_id)))!;
  if (!mayWork(c, followup)) throw new ApiError('forbidden', 'This follow-up is not open to your role.');
  return { row, followup };
}

followupWork.post('/contacts/:id/outcome', limitBody, async (c) => {
  const input = await readJson(c, OutcomeInput);
  const { row } = await heldContact(c);
  const result = await c.get('options').store.followups.recordOutcome(row, input, workerOf(c));
  return c.json(result, result.replay ? 200 : 201);
});

followupWork.get('/contacts/:id/messages', async (c) => {
  const { row } = await heldContact(c);
  return c.json({ messages: await c.get('options').store.followups.messages(String(row.id)) });
});

followupWork.post('/contacts/:id/close', async (c) => {
  const { row } = await heldContact(c);
  await c.get('options').store.followups.closeContact(String(row.id));
  return c.json({ closed: true });
});

followupWork.post('/contacts/:id/messages', limitBody, async (c) => {
  const input = await readJson(c, MessageInput);
  const { store, sms, catalog, followups: config } = c.get('options');
  const { row, followup } = await heldContact(c);
  const contactId = String(row.id);
  if (followup.channel !== 'text') throw new ApiError('forbidden', 'This follow-up is for calls, not texts.');
  const replay = await store.followups.textByKey(contactId, input.idempotencyKey);
  if (replay && replay.status !== 'sending') return c.json({ message: { direction: 'out', body: replay.body } }, 200);
  if (!sms?.accountSid || !sms.from) throw new ApiError('not_found', 'No SMS provider is configured.');
  const lang = viewContext(c).lang;
  if (!(await store.followups.reachable(String(row.supporter_id), 'text'))) {
    throw new ApiError('opted_out', MESSAGES[lang].optedOut);
  }
  if (row.state === 'closed') throw new ApiError('campaign_closed', 'This conversation is closed.');
  // Texting hours in the contact's zone: their ZIP code's, else the list's (functions/followup-zone.ts).
  const person = { postcode: row.postcode == null ? null : String(row.postcode), phone: String(row.phone) };
  const zones = contactZones(followup, person, catalog, config?.timezone);
  if (!withinTextingHours(zones, new Date()))
    throw new ApiError('outside_texting_hours', MESSAGES[lang].outsideHours(zones.join(', ')));
  const context = viewContext(c);
  const script = fillScript(followup.script.text, {
    firstName: String(row.given_name),
    event: eventOf(followup, catalog),
    sender: context.sender,
    organization: context.organization,
  });
  const first = (await store.followups.textsTo(contactId)) === 0;
  // The first text is the script, which names the sender and the organization; later ones are the worker's.
  if (first && input.body && input.body !== script) {
    throw new ApiError('invalid_input', 'The first text is the script.', { codes: { body: 'invalid' } });
  }
  if (!first && !input.body) throw new ApiError('invalid_input', 'Write the reply.', { codes: { body: 'required' } });
  const body = first ? script : input.body!;
  const reserved = await store.followups.reserveText(contactId, input.idempotencyKey, body, workerOf(c));
  if (reserved.existing) return c.json({ message: { direction: 'out', body: reserved.existing.body } }, 200);
  let sid: string;
  try {
    sid = await textOne(
      { accountSid: sms.accountSid, authToken: sms.authToken, from: sms.from, baseUrl: sms.baseUrl },
      {
        to: String(row.phone),
        body,
        statusCallback: `${c.get('siteOrigin')}/api/sms/status`,
      },
    );
  } catch (error) {
    await store.followups.textFailed(reserved.id);
    if (!(error instanceof DeliveryError)) throw error;
    throw new ApiError('unavailable', 'The SMS provider did not take the text: send it again with the same key.', {
      headers: { 'Retry-After': '5' },
    });
  }
  await store.followups.textSent(reserved.id, contactId, sid);
  return c.json({ message: { direction: 'out', body, at: new Date().toISOString() } }, 201);
});
