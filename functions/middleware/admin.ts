/**
 * Who may do what under `/api/admin/*`, checked here for every route (issue 11; README, "The organizing team").
 *
 * Who: `Authorization: Bearer <LADDER_ADMIN_TOKEN>` is an owner (for scripts and CI; kept only as its SHA-256,
 * compared in the same time whatever the input); `Bearer ladder_…` is an API token with its role; otherwise the
 * session cookie of a signed-in account. Nobody: 401.
 * What: owners everything; organizers everything but the team, API tokens and the audit log; hosts only the
 * attendee list, walk-ins and check-in of their own events; volunteers only the follow-up work (their assignments,
 * batches and the contacts they hold: routes/followup-work.ts checks which lists and contacts). A route added to
 * the admin API is thus open to owners and organizers only until it is listed for hosts or volunteers.
 * And the audit log gets every export, erasure, supporter lookup, rung or tag change that succeeded.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { clientIp } from '../guard/check.ts';
import { sha256 } from '../store/ids.ts';
import type { Actor } from '../store/team.ts';

/** Equal-length hex digests, compared without an early exit. */
function sameDigest(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

type Ctx = Context<AppEnv>;

/** `__Host-` over https (Secure, Path=/, no Domain: no other site or subdomain can set or read it). */
export const sessionCookie = (c: Ctx) =>
  c.get('siteOrigin').startsWith('https:') ? '__Host-ladder_session' : 'ladder_session';

/**
 * A state-changing request carrying the session cookie must come from the site itself: its `Origin` (or, without
 * one, `Sec-Fetch-Site: same-origin`). A request with `Authorization` needs no check: no other site can make a
 * browser send that header (it takes a CORS preflight), and the cookie is not read then.
 */
export function checkSameOrigin(c: Ctx): void {
  if (/^(GET|HEAD|OPTIONS)$/.test(c.req.method) || c.req.header('Authorization') !== undefined) return;
  const origin = c.req.header('Origin');
  const ok = origin
    ? origin === c.get('siteOrigin') || origin === new URL(c.req.url).origin
    : c.req.header('Sec-Fetch-Site') === 'same-origin';
  if (!ok) throw new ApiError('forbidden', 'Send this from the organizing pages of this site.');
}

const unauthorized = () =>
  new ApiError('unauthorized', 'Sign in, or send the admin token as Authorization: Bearer <token>.', {
    headers: { 'WWW-Authenticate': 'Bearer' },
  });

export type SignedIn = Actor & { events: string[] };

/** The actor of this request, or null. */
export async function actorOf(c: Ctx): Promise<SignedIn | null> {
  const { store } = c.get('options');
  const header = c.req.header('Authorization');
  if (header !== undefined) {
    const given = /^Bearer (.+)$/.exec(header)?.[1];
    if (!given) return null;
    const expected = c.get('adminTokenHash');
    if (expected && sameDigest(await sha256(given), expected)) {
      return { role: 'owner', label: 'token:LADDER_ADMIN_TOKEN', accountId: null, events: [] };
    }
    const actor = given.startsWith('ladder_') ? await store.team.tokenActor(given) : null;
    return actor && { ...actor, events: [] };
  }
  const secret = getCookie(c, sessionCookie(c));
  if (!secret) return null;
  const session = await store.team.session(secret);
  if (session) checkSameOrigin(c);
  return session;
}

/** Owner-only paths (under /api/admin). */
const OWNERS_ONLY = /^\/(team|tokens|audit)(\/|\.|$)/;

type Params = Record<string, string>;

/** What hosts may do, with how to find the event it concerns. */
const FOR_HOSTS: Record<string, (c: Ctx, p: Params) => Promise<string | null> | string | null> = {
  'GET /campaigns/:slug/rsvps': (_c, p) => p.slug,
  'POST /campaigns/:slug/walk-ins': (_c, p) => p.slug,
  'POST /rsvps/:id/check-in': (c, p) => c.get('options').store.team.rsvpCampaign(p.id),
};

/** What volunteers may do: work follow-ups open to volunteers (checked per list and contact by the routes). */
const FOR_VOLUNTEERS = new Set([
  'GET /assignments',
  'POST /followups/:id/batch',
  'GET /followups/:id/batch',
  'POST /followups/:id/release',
  'POST /contacts/:id/outcome',
  'GET /contacts/:id/messages',
  'POST /contacts/:id/messages',
  'POST /contacts/:id/close',
]);

/** Audited routes: the action's name, and its target (never personal data: an id or a slug). */
const bySupporterEmail = async (c: Ctx) =>
  c.get('options').store.team.supporterId(c.req.query('email')?.trim().toLowerCase() ?? '');
const AUDITED: Record<string, [action: string, target: (c: Ctx, p: Params) => Promise<string | null> | string]> = {
  'GET /supporters': ['supporter.lookup', bySupporterEmail],
  'DELETE /supporters': ['supporter.erase', bySupporterEmail],
  'GET /supporters/:id/export': ['supporter.export', (_c, p) => p.id],
  'PUT /supporters/:id/rung': ['supporter.rung', (_c, p) => p.id],
  'PUT /supporters/:id/tags': ['supporter.tags', (_c, p) => p.id],
  'GET /campaigns/:slug/export.csv': ['campaign.export.csv', (_c, p) => p.slug],
  'GET /campaigns/:slug/export.osdi.json': ['campaign.export.osdi', (_c, p) => p.slug],
};

/**
 * The route as registered (e.g. `GET /campaigns/:slug/rsvps`: the handler's, not a middleware's, whose method is
 * ALL) and its parameters, which a middleware's own `c.req.param()` does not have.
 */
function routeOf(c: Ctx): [route: string, params: Params] {
  const pattern = matchedRoutes(c).findLast((route) => route.method !== 'ALL')?.path ?? '';
  const names: string[] = [];
  const regex = pattern.replace(/[.]/g, '\\.').replace(/:(\w+)/g, (_, name: string) => (names.push(name), '([^/]+)'));
  const values = new RegExp(`^${regex}$`).exec(c.req.path)?.slice(1) ?? [];
  const params = Object.fromEntries(names.map((name, i) => [name, values[i] ?? '']));
  return [`${c.req.method === 'HEAD' ? 'GET' : c.req.method} ${pattern.replace(/^\/api\/admin/, '')}`, params];
}

async function allowed(c: Ctx, actor: SignedIn, [route, params]: [string, Params]): Promise<boolean> {
  const path = route.slice(route.indexOf(' ') + 1);
  if (actor.role === 'owner') return true;
  if (actor.role === 'organizer') return !OWNERS_ONLY.test(path);
  if (actor.role === 'volunteer') return FOR_VOLUNTEERS.has(route);
  if (actor.role === 'host' && route in FOR_HOSTS) {
    const event = await FOR_HOSTS[route](c, params);
    return event !== null && actor.events.includes(event);
  }
  return false;
}

/** Records one thing done, by this request's actor, from its address. */
export async function audit(c: Ctx, action: string, target: string | null): Promise<void> {
  const actor = c.get('actor');
  await c.get('options').store.team.audit({
    actor: actor.label,
    action,
    target,
    address: clientIp(c, c.get('options').guard?.trustProxy ?? false),
  });
}

/** Idempotent: the team's routes and the admin routes share `/api/admin`, and so this middleware. */
export const adminOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('actor')) return next();
  const actor = await actorOf(c);
  if (!actor) throw unauthorized();
  const [route, params] = routeOf(c);
  if (!(await allowed(c, actor, [route, params]))) {
    throw new ApiError('forbidden', `Your role (${actor.role}) may not do this.`);
  }
  c.set('actor', actor);
  c.header('Cache-Control', 'no-store');
  const audited = AUDITED[route];
  // Before the work: an erasure leaves no email to find the id by.
  const target = audited ? await audited[1](c, params) : null;
  await next();
  if (audited && c.res.ok) await audit(c, audited[0], target);
});
