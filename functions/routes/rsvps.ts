/**
 * Events: `POST /api/campaigns/:slug/rsvps` (RSVPing again with the same email changes nothing: the person gets
 * their manage link by email, and the answer is a new RSVP's),
 * `GET /api/campaigns/:slug/event.ics[?shift=]`, and the private manage link: `GET|PATCH /api/rsvps/:token`,
 * `POST /api/rsvps/:token/cancel`.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { RsvpChange, RsvpInput, type RsvpResult } from '../../schema/actions.ts';
import { type CampaignEntry, toPublicCampaign } from '../../schema/campaign.ts';
import type { FieldIssue } from '../../schema/errors.ts';
import type { Catalog } from '../catalog.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { eventIcs } from '../ics.ts';
import { campaignRoute } from '../middleware/campaign.ts';
import { limitBody, readJson } from '../middleware/json-body.ts';
import { e164 } from '../phone.ts';
import type { EventRules, RsvpView } from '../store/types.ts';
import { actionBase, actionResult, answer, openCampaign } from './action.ts';

type EventCampaign = Extract<CampaignEntry, { kind: 'event' }>;
type Ctx = Context<AppEnv>;

export const rsvps = new Hono<AppEnv>();
export const manage = new Hono<AppEnv>();

export const rules = ({ event }: EventCampaign): EventRules => ({
  capacity: Object.fromEntries([['', event.capacity ?? null], ...event.shifts.map((s) => [s.id, s.capacity ?? null])]),
});

/** For what frees places anywhere (an erasure): the rules of events still to come. Over, nobody is promoted. */
export const upcomingRules =
  (catalog: Pick<Catalog, 'get'>, now = new Date().toISOString()) =>
  (slug: string): EventRules | null => {
    const campaign = catalog.get(slug);
    return campaign?.kind === 'event' && campaign.event.endsAt > now ? rules(campaign) : null;
  };

const spotsLeft = (campaign: EventCampaign, taken: Record<string, number>, shift: string): number | null => {
  const left = (capacity: number | undefined, key: string) =>
    capacity === undefined ? null : Math.max(capacity - (taken[key] ?? 0), 0);
  const whole = left(campaign.event.capacity, '');
  const own = shift ? left(campaign.event.shifts.find((s) => s.id === shift)?.capacity, shift) : null;
  return whole === null ? own : own === null ? whole : Math.min(whole, own);
};

/** Guests within the event's limit; a shift that exists when the event has shifts (and none otherwise). */
function checkPlace(campaign: EventCampaign, guests: number | undefined, shift: string | undefined) {
  const codes: Record<string, FieldIssue> = {};
  const { shifts, maxGuests } = campaign.event;
  if (guests !== undefined && guests > maxGuests) codes.guests = 'invalid';
  if (shifts.length && shift !== undefined && !shifts.some((s) => s.id === shift)) codes.shift = 'invalid';
  return codes;
}

const manageUrl = (c: Ctx, view: RsvpView) => `${c.get('siteOrigin')}/rsvp/?t=${view.token}`;

rsvps.use('/:slug/rsvps', campaignRoute);
rsvps.post('/:slug/rsvps', limitBody, async (c) => {
  const campaign = openCampaign(c, 'event');
  if (campaign.event.endsAt < new Date().toISOString()) throw new ApiError('campaign_closed', 'This event is over.');
  const input = await readJson(c, RsvpInput);
  const codes = checkPlace(campaign, input.guests, input.shift);
  if (campaign.event.shifts.length && !input.shift) codes.shift = 'required';
  const phone = input.person.phone ? e164(input.person.phone, campaign.region) : undefined;
  if (phone === null) codes['person.phone'] = 'invalid_phone';
  if (Object.keys(codes).length) throw new ApiError('invalid_input', 'Some fields need attention.', { codes });
  const shift = campaign.event.shifts.length ? input.shift : undefined;
  const normalized = {
    ...input,
    shift,
    person: { ...input.person, phone: phone ?? undefined },
    // Text messages need a number to go to.
    consent: { ...input.consent, sms: input.consent.sms && !!phone },
  };
  const result = await c
    .get('options')
    .store.recordRsvp(
      { ...(await actionBase(c, campaign, normalized)), input: normalized, rules: rules(campaign) },
      (outcome) => {
        const { rsvp } = outcome;
        const body: RsvpResult = {
          rsvp: {
            id: rsvp.id,
            status: rsvp.status,
            guests: rsvp.guests,
            shift: rsvp.shift || null,
            manageUrl: manageUrl(c, rsvp),
          },
          // Always false: an RSVP changes only through its link (the field stays for clients that read it).
          updated: false,
          icsUrl: `${new URL(c.req.url).origin}/api/campaigns/${campaign.slug}/event.ics${rsvp.shift ? `?shift=${rsvp.shift}` : ''}`,
          spotsLeft: spotsLeft(campaign, outcome.taken, rsvp.shift),
          ...actionResult(c, campaign, outcome),
        };
        return { status: 201, body };
      },
    );
  return answer(c, result);
});

rsvps.use('/:slug/event.ics', campaignRoute);
rsvps.get('/:slug/event.ics', (c) => {
  const campaign = c.get('campaign');
  if (campaign.kind !== 'event') throw new ApiError('not_found', `"${campaign.slug}" is not an event.`);
  c.header('Content-Type', 'text/calendar; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${campaign.slug}.ics"`);
  return c.body(eventIcs(campaign, c.get('siteOrigin'), c.req.query('shift')));
});

/** The RSVP behind a manage link, with its event. Never readable from other origins: the token is the secret. */
async function byToken(c: Ctx): Promise<{ view: RsvpView; campaign: EventCampaign }> {
  const view = await c.get('options').store.rsvpByToken(c.req.param('token') ?? '');
  const campaign = view && c.get('options').catalog.get(view.campaign);
  if (!view || campaign?.kind !== 'event') throw new ApiError('not_found', 'This link is not valid (any more).');
  return { view, campaign };
}

async function manageAnswer(c: Ctx, view: RsvpView, campaign: EventCampaign) {
  const store = c.get('options').store;
  const figures = await store.figures(campaign.slug);
  const { token: _token, ...rsvp } = view;
  return c.json({
    rsvp: { ...rsvp, shift: rsvp.shift || null, manageUrl: manageUrl(c, view) },
    campaign: toPublicCampaign(campaign, await store.count(campaign.slug), c.get('siteOrigin'), figures),
  });
}

manage.get('/:token', async (c) => {
  const { view, campaign } = await byToken(c);
  return manageAnswer(c, view, campaign);
});

manage.patch('/:token', limitBody, async (c) => {
  const { view, campaign } = await byToken(c);
  const change = await readJson(c, RsvpChange);
  // Reopening a cancelled RSVP is RSVPing again: only while the event takes RSVPs.
  if (view.status === 'cancelled' && (campaign.status === 'closed' || campaign.event.endsAt < new Date().toISOString()))
    throw new ApiError('campaign_closed', 'This event takes no more RSVPs.');
  const codes = checkPlace(campaign, change.guests, change.shift);
  if (Object.keys(codes).length) throw new ApiError('invalid_input', 'Some fields need attention.', { codes });
  const changed = await c.get('options').store.changeRsvp(view.token, change, rules(campaign));
  return manageAnswer(c, changed ?? view, campaign);
});

/** Self check-in: the personal link, opened at the event (a QR code on the door leads to the same page). */
manage.post('/:token/check-in', async (c) => {
  const { view, campaign } = await byToken(c);
  if (view.status === 'cancelled')
    throw new ApiError('invalid_input', 'This RSVP was cancelled.', { codes: { rsvp: 'invalid' } });
  const opens = new Date(Date.parse(campaign.event.startsAt) - 2 * 3600_000).toISOString();
  const closes = new Date(Date.parse(campaign.event.endsAt) + 12 * 3600_000).toISOString();
  const now = new Date().toISOString();
  if (now < opens || now > closes) {
    throw new ApiError('campaign_closed', 'Check-in opens two hours before the event and closes twelve hours after.');
  }
  const done = await c.get('options').store.checkIn({ token: view.token });
  return c.json({ checkedIn: true, already: done?.already ?? false });
});

manage.post('/:token/cancel', async (c) => {
  const { view, campaign } = await byToken(c);
  const cancelled = await c.get('options').store.cancelRsvp(view.token, rules(campaign));
  return manageAnswer(c, cancelled ?? view, campaign);
});
