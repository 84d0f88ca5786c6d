/**
 * The organizing team (issue 11) on SQLite and PostgreSQL: who may call which admin route (a table over every
 * route the app registers, so a new route without an entry fails here), sessions and their cookie, CSRF, sign-out,
 * API tokens, the first owner, and the audit log.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { catalogFrom } from '../../functions/catalog.ts';
import { openPostgresStore } from '../../functions/store/postgres.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import type { Store } from '../../functions/store/types.ts';
import { ADMIN_TOKEN, campaigns, event, post, shifted, tempDb } from './fixtures.ts';

const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const SITE = 'http://localhost';
const schemas: string[] = [];

const dialects: [string, () => Promise<Store>][] = [
  ['SQLite', () => openSqliteStore(tempDb())],
  [
    'PostgreSQL',
    async () => {
      const schema = `ladder_team_${process.pid}_${schemas.length}`;
      schemas.push(schema);
      return openPostgresStore(PG_URL, { schema });
    },
  ],
];

afterAll(async () => {
  const admin = new pg.Pool({ connectionString: PG_URL });
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

/** Signs in through the real link flow: the link's secret, exchanged once for the session cookie. */
async function signIn(app: ReturnType<typeof createApp>, store: Store, email: string): Promise<string> {
  const secret = (await store.team.signInLink(email, 'en'))!.split('#signin=')[1];
  const res = await app.request(`${SITE}/api/auth/link/verify`, post({ token: secret }, { Origin: SITE }));
  expect(res.status).toBe(200);
  const cookie = res.headers.get('Set-Cookie')!;
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return cookie.split(';')[0];
}

async function setup(open: () => Promise<Store>) {
  const store = await open();
  const app = createApp({ store, catalog: catalogFrom(campaigns), adminToken: ADMIN_TOKEN });
  const team = {
    owner: await store.team.invite('owner@team.example', 'owner'),
    organizer: await store.team.invite('organizer@team.example', 'organizer'),
    host: await store.team.invite('host@team.example', 'host', [event.slug]),
    otherHost: await store.team.invite('other-host@team.example', 'host', [shifted.slug]),
    volunteer: await store.team.invite('volunteer@team.example', 'volunteer'),
  };
  const cookies: Record<string, string> = {};
  for (const [who, email] of Object.entries({
    owner: 'owner@team.example',
    organizer: 'organizer@team.example',
    host: 'host@team.example',
    otherHost: 'other-host@team.example',
    volunteer: 'volunteer@team.example',
  })) {
    cookies[who] = await signIn(app, store, email);
  }
  const as = (who: string | null, init: RequestInit = {}) => ({
    ...init,
    headers: { Origin: SITE, ...(who ? { Cookie: cookies[who] } : {}), ...(init.headers as object) },
  });
  return { store, app, team, cookies, as };
}

type Who = 'owner' | 'organizer' | 'host' | 'otherHost' | 'volunteer' | 'nobody';
const STAFF: Who[] = ['owner', 'organizer'];
const HOSTS: Who[] = ['owner', 'organizer', 'host'];
const OWNER: Who[] = ['owner'];
const WORKERS: Who[] = ['owner', 'organizer', 'volunteer'];

/** Every admin route and who may call it; the others get 403, and nobody signed in 401. */
const TABLE: Record<string, Who[]> = {
  'GET /funnel': STAFF,
  'GET /supporters': STAFF,
  'DELETE /supporters': STAFF,
  'GET /supporters/:id/export': STAFF,
  'PUT /supporters/:id/rung': STAFF,
  'PUT /supporters/:id/tags': STAFF,
  'GET /campaigns/:slug/export.csv': STAFF,
  'GET /campaigns/:slug/export.osdi.json': STAFF,
  'GET /campaigns/:slug/people/:id': STAFF,
  'GET /referrals': STAFF,
  'GET /campaigns/:slug/rsvps': HOSTS,
  'POST /campaigns/:slug/walk-ins': HOSTS,
  'POST /rsvps/:id/check-in': HOSTS,
  'GET /outbox': STAFF,
  'POST /outbox/:id/redeliver': STAFF,
  'GET /team': OWNER,
  'POST /team': OWNER,
  'PUT /team/:id': OWNER,
  'DELETE /team/:id': OWNER,
  'GET /tokens': OWNER,
  'POST /tokens': OWNER,
  'DELETE /tokens/:id': OWNER,
  'GET /audit': OWNER,
  'GET /audit.csv': OWNER,
  'GET /campaigns/:slug/results': STAFF,
  'GET /campaigns/:slug/results.csv': STAFF,
  'GET /campaigns/:slug/results/answers': STAFF,
  'GET /campaigns/:slug/results/suggestions': STAFF,
  'POST /campaigns/:slug/themes': STAFF,
  'PATCH /campaigns/:slug/themes/:id': STAFF,
  'DELETE /campaigns/:slug/themes/:id': STAFF,
  'POST /campaigns/:slug/themes/:id/merge': STAFF,
  'PUT /campaigns/:slug/codes': STAFF,
  'GET /editor/schema': STAFF,
  'GET /editor/campaigns': STAFF,
  'GET /editor/campaigns/:slug': STAFF,
  'PUT /editor/campaigns/:slug': STAFF,
  'POST /editor/campaigns/:slug/preview': STAFF,
  'POST /editor/campaigns/:slug/close': STAFF,
  'GET /editor/build': STAFF,
  'GET /campaigns/:slug/letters': STAFF,
  'POST /letters/bounces': STAFF,
  'GET /followups': STAFF,
  'POST /followups': STAFF,
  'GET /followups/:id': STAFF,
  'PATCH /followups/:id': STAFF,
  'GET /assignments': WORKERS,
  'POST /followups/:id/batch': WORKERS,
  'GET /followups/:id/batch': WORKERS,
  'POST /followups/:id/release': WORKERS,
  'POST /contacts/:id/outcome': WORKERS,
  'GET /contacts/:id/messages': WORKERS,
  'POST /contacts/:id/messages': WORKERS,
  'POST /contacts/:id/close': WORKERS,
};

describe.each(dialects)('the organizing team on %s', (_name, open) => {
  it('checks every admin route for every role: owner, organizer, host (own event, other event), volunteer, nobody', async () => {
    const { store, app, team, as } = await setup(open);
    const registered = app.routes
      .filter((r) => r.path.startsWith('/api/admin/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace('/api/admin', '')}`);
    expect(new Set(registered)).toEqual(new Set(Object.keys(TABLE)));
    const rsvp = await app.request(
      `${SITE}/api/campaigns/${event.slug}/rsvps`,
      post({
        person: { givenName: 'Rosa', familyName: 'Parks', email: 'rosa@example.org' },
        consent: { contact: false },
      }),
    );
    const rsvpId = ((await rsvp.json()) as { rsvp: { id: string } }).rsvp.id;
    const bodies: Record<string, unknown> = {
      'POST /campaigns/:slug/walk-ins': { person: { givenName: 'Walk', familyName: 'In', email: 'walk@example.org' } },
      'PUT /supporters/:id/rung': { rung: 'leader' },
      'PUT /supporters/:id/tags': { add: ['x'] },
      'POST /team': { email: 'new@team.example', role: 'volunteer' },
      'PUT /team/:id': { role: 'volunteer' },
      'POST /tokens': { name: 'crm', role: 'organizer' },
    };
    for (const [route, allowed] of Object.entries(TABLE)) {
      const [method, path] = route.split(' ');
      const url = `${SITE}/api/admin${path
        .replace(':slug', event.slug)
        .replace(
          ':id',
          route.includes('/team/') ? team.volunteer : rsvpId,
        )}${path === '/supporters' ? '?email=rosa@example.org' : ''}`;
      for (const who of ['owner', 'organizer', 'host', 'otherHost', 'volunteer', 'nobody'] as Who[]) {
        // Changes are tried by the denied roles only: an allowed erasure or removal would change the next rows.
        if (allowed.includes(who) && method !== 'GET') continue;
        const body = bodies[route];
        const init = as(who === 'nobody' ? null : who, {
          method,
          ...(body ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {}),
        });
        const status = (await app.request(url, init)).status;
        const expected = who === 'nobody' ? 401 : allowed.includes(who) ? 'allowed' : 403;
        expect(expected === 'allowed' ? [401, 403].includes(status) : status, `${route} as ${who}: ${status}`).toBe(
          expected === 'allowed' ? false : expected,
        );
      }
    }
    // The host's allowed changes, done once: a walk-in and a check-in at their own event.
    const walkIn = await app.request(
      `${SITE}/api/admin/campaigns/${event.slug}/walk-ins`,
      as('host', post(bodies['POST /campaigns/:slug/walk-ins'])),
    );
    expect(walkIn.status).toBe(201);
    expect(
      (await app.request(`${SITE}/api/admin/rsvps/${rsvpId}/check-in`, as('host', { method: 'POST' }))).status,
    ).toBe(200);
    // Both are in the audit log: the host, the event or the RSVP's id, never the person.
    const { entries } = (await (await app.request(`${SITE}/api/admin/audit`, as('owner'))).json()) as {
      entries: { actor: string; action: string; target: string }[];
    };
    expect(entries.filter((e) => e.actor === 'host@team.example').map((e) => [e.actor, e.action, e.target])).toEqual([
      ['host@team.example', 'rsvp.check-in', rsvpId],
      ['host@team.example', 'rsvp.walk-in', event.slug],
    ]);
    await store.close();
    // Some 60 routes, six callers each: more than the default 5 s on a loaded machine.
  }, 60_000);

  it('keeps LADDER_ADMIN_TOKEN as an owner token, makes the first owner with it once, and no second', async () => {
    const store = await open();
    const app = createApp({ store, catalog: catalogFrom(campaigns), adminToken: ADMIN_TOKEN });
    const bearer = { Authorization: `Bearer ${ADMIN_TOKEN}` };
    expect((await app.request(`${SITE}/api/admin/team`, { headers: bearer })).status).toBe(200);
    const first = await app.request(`${SITE}/api/auth/token`, post({ email: 'First@Team.example' }, bearer));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ email: 'first@team.example', name: null, role: 'owner', events: [] });
    const cookie = first.headers.get('Set-Cookie')!.split(';')[0];
    expect((await app.request(`${SITE}/api/admin/audit`, { headers: { Cookie: cookie } })).status).toBe(200);
    const second = await app.request(`${SITE}/api/auth/token`, post({ email: 'second@team.example' }, bearer));
    expect(second.status).toBe(403);
    expect((await store.team.accounts()).map((a) => a.email)).toEqual(['first@team.example']);
    expect(
      (await app.request(`${SITE}/api/auth/token`, post({ email: 'x@team.example' }, { Origin: SITE }))).status,
    ).toBe(401);
    await store.close();
  });

  it('refuses a state-changing request with the session cookie from another site or without an Origin', async () => {
    const { app, as, cookies, store } = await setup(open);
    const body = post({ email: 'csrf@team.example', role: 'owner' });
    const foreign = { ...body, headers: { ...body.headers, Cookie: cookies.owner, Origin: 'https://evil.example' } };
    expect((await app.request(`${SITE}/api/admin/team`, foreign)).status).toBe(403);
    const none = { ...body, headers: { ...body.headers, Cookie: cookies.owner } };
    expect((await app.request(`${SITE}/api/admin/team`, none)).status).toBe(403);
    expect((await store.team.accounts()).some((a) => a.email === 'csrf@team.example')).toBe(false);
    expect((await app.request(`${SITE}/api/admin/team`, as('owner', body))).status).toBe(201);
    await store.close();
  });

  it('ends the session on the server at sign-out and tells the browser to clear what it cached', async () => {
    const { app, as, store } = await setup(open);
    expect((await app.request(`${SITE}/api/auth/me`, as('host'))).status).toBe(200);
    const out = await app.request(`${SITE}/api/auth/sign-out`, as('host', { method: 'POST' }));
    expect(out.status).toBe(200);
    expect(out.headers.get('Clear-Site-Data')).toBe('"cache", "storage"');
    expect(out.headers.get('Set-Cookie')).toMatch(/ladder_session=;.*Max-Age=0/);
    // The old cookie, replayed, is worth nothing.
    expect((await app.request(`${SITE}/api/auth/me`, as('host'))).status).toBe(401);
    await store.close();
  });

  it('uses a sign-in link once, and not after it expired', async () => {
    const { app, store } = await setup(open);
    const link = (await store.team.signInLink('host@team.example', 'en'))!;
    // A host's link opens check-in, where their events are.
    expect(link).toMatch(/^\/checkin\/#signin=[2-9a-z]{24}$/);
    const secret = link.split('#signin=')[1];
    const verify = () => app.request(`${SITE}/api/auth/link/verify`, post({ token: secret }, { Origin: SITE }));
    expect((await verify()).status).toBe(200);
    expect((await verify()).status).toBe(404);
    expect(await store.team.signInLink('stranger@example.org', 'en')).toBeNull();
    const asked = await app.request(`${SITE}/api/auth/link`, post({ email: 'stranger@example.org' }, { Origin: SITE }));
    expect(asked.status).toBe(202);
    await store.close();
  });

  it('makes API tokens scoped to a role, shown once, stored hashed, with a last-used time, revocable', async () => {
    const { app, as, store } = await setup(open);
    const made = await app.request(
      `${SITE}/api/admin/tokens`,
      as('owner', post({ name: 'CRM sync', role: 'organizer' })),
    );
    expect(made.status).toBe(201);
    const { id, token } = (await made.json()) as { id: string; token: string };
    const bearer = { headers: { Authorization: `Bearer ${token}` } };
    expect((await app.request(`${SITE}/api/admin/funnel`, bearer)).status).toBe(200);
    expect((await app.request(`${SITE}/api/admin/team`, bearer)).status).toBe(403);
    const listed = await (await app.request(`${SITE}/api/admin/tokens`, as('owner'))).text();
    expect(listed).not.toContain(token);
    expect(JSON.parse(listed).tokens[0]).toMatchObject({ id, name: 'CRM sync', role: 'organizer', revokedAt: null });
    expect(JSON.parse(listed).tokens[0].lastUsedAt).toEqual(expect.any(String));
    expect((await app.request(`${SITE}/api/admin/tokens/${id}`, as('owner', { method: 'DELETE' }))).status).toBe(200);
    expect((await app.request(`${SITE}/api/admin/funnel`, bearer)).status).toBe(401);
    await store.close();
  });

  it('never lets the team lose its last owner', async () => {
    const { app, as, team, store } = await setup(open);
    const demote = as('owner', { ...post({ role: 'organizer' }), method: 'PUT' });
    expect((await app.request(`${SITE}/api/admin/team/${team.owner}`, demote)).status).toBe(403);
    expect((await app.request(`${SITE}/api/admin/team/${team.owner}`, as('owner', { method: 'DELETE' }))).status).toBe(
      403,
    );
    expect((await store.team.account(team.owner))?.role).toBe('owner');
    await store.close();
  });

  it('logs exports, erasures, lookups, rung, tag and role changes: who, what, from where; ids, not emails', async () => {
    const { app, as, team, store } = await setup(open);
    const signed = await app.request(
      `${SITE}/api/campaigns/library/signatures`,
      post({
        person: { givenName: 'Ada', familyName: 'L', email: 'ada@example.org', postcode: '94110' },
        consent: { contact: true },
      }),
    );
    expect(signed.status).toBe(201);
    const ada = (await store.supporterByEmail('ada@example.org'))!;
    const call = (who: string, method: string, path: string, body?: unknown) =>
      app.request(`${SITE}/api/admin${path}`, as(who, body ? { ...post(body), method } : { method }));
    expect((await call('organizer', 'GET', '/supporters?email=nobody@example.org')).status).toBe(404);
    expect((await call('organizer', 'GET', '/supporters?email=ada@example.org')).status).toBe(200);
    expect((await call('organizer', 'PUT', `/supporters/${ada.id}/rung`, { rung: 'leader' })).status).toBe(200);
    expect((await call('organizer', 'PUT', `/supporters/${ada.id}/tags`, { add: ['door'] })).status).toBe(200);
    expect((await call('organizer', 'GET', '/campaigns/library/export.csv')).status).toBe(200);
    expect((await call('owner', 'PUT', `/team/${team.volunteer}`, { role: 'host', events: [event.slug] })).status).toBe(
      200,
    );
    expect((await call('organizer', 'DELETE', '/supporters?email=ada@example.org')).status).toBe(200);
    const { entries } = (await (await call('owner', 'GET', '/audit')).json()) as {
      entries: { actor: string; action: string; target: string | null }[];
    };
    expect(entries.map((e) => [e.actor, e.action, e.target]).reverse()).toEqual([
      ['organizer@team.example', 'supporter.lookup', null],
      ['organizer@team.example', 'supporter.lookup', ada.id],
      ['organizer@team.example', 'supporter.rung', ada.id],
      ['organizer@team.example', 'supporter.tags', ada.id],
      ['organizer@team.example', 'campaign.export.csv', 'library'],
      ['owner@team.example', 'team.role:host', team.volunteer],
      ['organizer@team.example', 'supporter.erase', ada.id],
    ]);
    const csv = await (await call('owner', 'GET', '/audit.csv')).text();
    expect(csv).toContain('at,actor,action,target,address');
    expect(csv).toContain(`organizer@team.example,supporter.erase,${ada.id}`);
    expect(csv).not.toContain('ada@example.org');
    expect((await call('organizer', 'GET', '/audit')).status).toBe(403);
    await store.close();
  });

  it('keeps passkeys and their counters, and answers a WebAuthn challenge once, for its own account only', async () => {
    const { store, team } = await setup(open);
    await store.team.saveChallenge('challenge-1', team.host);
    expect(await store.team.takeChallenge('challenge-1', team.owner)).toBe(false);
    await store.team.saveChallenge('challenge-2', team.host);
    expect(await store.team.takeChallenge('challenge-2', team.host)).toBe(true);
    expect(await store.team.takeChallenge('challenge-2', team.host)).toBe(false);
    await store.team.addPasskey({
      id: 'cred-1',
      accountId: team.host,
      publicKey: 'pk',
      counter: 0,
      transports: ['internal'],
    });
    await store.team.usePasskey('cred-1', 7);
    expect(await store.team.passkey('cred-1')).toEqual({
      id: 'cred-1',
      accountId: team.host,
      publicKey: 'pk',
      counter: 7,
      transports: ['internal'],
    });
    expect((await store.team.passkeysOf(team.host)).map((k) => k.id)).toEqual(['cred-1']);
    // Removing the person takes their passkeys with them.
    await store.team.remove(team.host);
    expect(await store.team.passkey('cred-1')).toBeNull();
    await store.close();
  });
});
