/**
 * Follow-ups over real HTTP: the app on a free port, a fake Twilio that speaks the real wire format both ways (the
 * Messages API with Basic auth; status callbacks and inbound texts signed with X-Twilio-Signature by Twilio's own
 * library), team members signed in, and people seeded through the public API.
 */
import { serve } from '@hono/node-server';
import pg from 'pg';
import twilio from 'twilio';
import { afterAll } from 'vitest';
import { Campaign, type CampaignEntry } from '../../schema/campaign.ts';
import { createApp } from '../../functions/app.ts';
import { catalogFrom } from '../../functions/catalog.ts';
import { openPostgresStore } from '../../functions/store/postgres.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import type { Store } from '../../functions/store/types.ts';
import { freePort } from '../e2e/harness.ts';
import { ADMIN_TOKEN, campaigns, post, tempDb } from './fixtures.ts';
import { json, listen } from './outbox/servers.ts';

export const SID = 'AC0123456789abcdef0123456789abcdef';
export const AUTH = 'twilio-auth-token-of-the-followups';
export const FROM = '+15005550006';
const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

const schemas: string[] = [];
export const dialects: [string, () => Promise<Store>][] = [
  ['SQLite', () => openSqliteStore(tempDb())],
  [
    'PostgreSQL',
    async () => {
      const schema = `ladder_followups_${process.pid}_${schemas.length}`;
      schemas.push(schema);
      const admin = new pg.Pool({ connectionString: PG_URL });
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
      return openPostgresStore(PG_URL, { schema });
    },
  ],
];

afterAll(async () => {
  const admin = new pg.Pool({ connectionString: PG_URL });
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

/** A meeting with room for everyone, in a zone where it is daytime now or not, as a test needs. */
export function meeting(slug: string, timezone: string): CampaignEntry {
  return {
    ...Campaign.parse({
      kind: 'event',
      title: 'Neighbours meeting',
      summary: 'Meet your neighbours.',
      consent: { text: 'Keep me updated about this campaign.', version: '2026-11-01' },
      event: { start: '2099-02-18 18:30', end: '2099-02-18 20:00', timezone, location: { name: 'Library' } },
    }),
    slug,
  };
}

/** An `Etc/GMT…` zone where the hour now is `hour` (Etc zones have their sign inverted: GMT-2 is UTC+2). */
export function zoneAt(hour: number, now = new Date()): string {
  let offset = (hour - now.getUTCHours() + 24) % 24;
  if (offset > 12) offset -= 24;
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** The fake provider: takes texts, then reports each one `delivered` to its StatusCallback, signed. */
export async function fakeProvider() {
  const texts: URLSearchParams[] = [];
  const callbacks: Promise<number>[] = [];
  const server = await listen((request, res) => {
    if (request.path !== `/2010-04-01/Accounts/${SID}/Messages.json` || request.method !== 'POST')
      return json(res, 404, { code: 20404, status: 404 });
    if (request.headers.authorization !== `Basic ${Buffer.from(`${SID}:${AUTH}`).toString('base64')}`)
      return json(res, 401, { code: 20003, status: 401 });
    const form = new URLSearchParams(request.body);
    const sid = `SM${crypto.randomUUID().replace(/-/g, '')}`;
    texts.push(form);
    json(res, 201, { sid, status: 'queued', to: form.get('To'), from: form.get('From'), body: form.get('Body') });
    const callback = form.get('StatusCallback');
    if (callback) {
      const params = { MessageSid: sid, MessageStatus: 'delivered', AccountSid: SID, To: form.get('To') ?? '' };
      callbacks.push(signedPost(callback, params).then((r) => r.status));
    }
  });
  return { url: server.url, texts, callbacks, close: server.close };
}

/** A webhook as Twilio sends it: form-encoded, signed over the URL and the sorted parameters. */
export function signedPost(url: string, params: Record<string, string>, token = AUTH) {
  return fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': twilio.getExpectedTwilioSignature(token, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
}

/** The app on a real port with the provider, a team (owner, organizer, two volunteers, a host), signed in. */
export async function running(open: () => Promise<Store>, options: { timezone: string; extra?: CampaignEntry[] }) {
  const store = await open();
  const provider = await fakeProvider();
  const port = await freePort();
  const site = `http://127.0.0.1:${port}`;
  const app = createApp({
    store,
    catalog: catalogFrom([...campaigns, ...(options.extra ?? [])]),
    adminToken: ADMIN_TOKEN,
    siteUrl: site,
    sms: { accountSid: SID, authToken: AUTH, from: FROM, baseUrl: provider.url },
    followups: { organization: 'Tenants Union', timezone: options.timezone },
  });
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  for (const [who, role] of [
    ['organizer', 'organizer'],
    ['maria', 'volunteer'],
    ['sam', 'volunteer'],
    ['host', 'host'],
  ] as const) {
    ids[who] = await store.team.invite(`${who}@team.example`, role);
    const secret = (await store.team.signInLink(`${who}@team.example`, 'en'))!.split('#signin=')[1];
    const res = await fetch(`${site}/api/auth/link/verify`, post({ token: secret }, { Origin: site }));
    cookies[who] = res.headers.get('Set-Cookie')!.split(';')[0];
  }
  /** A call to the admin API as a team member. */
  const as = (who: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${site}/api/admin${path}`, {
      method,
      headers: {
        Origin: site,
        Cookie: cookies[who],
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  /** Someone RSVPs through the public API (`more`: other fields of the person, such as a postcode). */
  const rsvp = async (
    campaign: string,
    email: string,
    phone: string | null,
    consent: Record<string, boolean>,
    more: Record<string, string> = {},
  ) => {
    const person = {
      givenName: email.split('@')[0].replace(/^\w/, (l) => l.toUpperCase()),
      familyName: 'Doe',
      email,
      ...more,
    };
    const res = await fetch(
      `${site}/api/campaigns/${campaign}/rsvps`,
      post({ person: phone ? { ...person, phone } : person, consent: { contact: false, ...consent } }),
    );
    if (res.status !== 201) throw new Error(`RSVP ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { rsvp: { id: string } }).rsvp.id;
  };
  const close = async () => {
    await provider.close();
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  };
  return { store, app, site, provider, as, rsvp, ids, cookies, close };
}

/** A server, a provider, four sign-ins and a few people each: more than 5 s on a loaded machine. */
export const SLOW = 60_000;

export const DAY = zoneAt(12);
export const NIGHT = zoneAt(3);

export const script = {
  text: 'Hi {firstName}, this is {sender} from {organization}. We missed you at {event}. Can we count on you next time?',
  questions: [
    {
      id: 'next',
      label: 'Will you come next time?',
      options: [
        { value: 'yes', label: 'Yes', tag: 'coming-back' },
        { value: 'no', label: 'No' },
      ],
    },
  ],
  replies: [{ label: 'Thanks', text: 'Thank you!' }],
};

export const noShow = (slug: string, channel: 'call' | 'text', extra: Record<string, unknown> = {}) => ({
  name: `Did not come to ${slug}`,
  channel,
  rule: { kind: 'no-show', campaign: slug },
  script,
  assignees: 'volunteers',
  ...extra,
});
