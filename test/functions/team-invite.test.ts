/**
 * Inviting the team: `npm run invite` on SQLite and PostgreSQL (the first owner of a fresh install), and the
 * sign-in link an owner's invitation sends through the email sink to a real SMTP server, in the page's language.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { catalogFrom } from '../../functions/catalog.ts';
import { dispatch } from '../../functions/outbox/dispatcher.ts';
import { emailSink } from '../../functions/outbox/email.ts';
import { openStore } from '../../functions/store/open.ts';
import { ADMIN_TOKEN, campaigns, post, tempDb } from './fixtures.ts';
import { quiet } from './outbox/fixtures.ts';
import { smtpServer } from './outbox/servers.ts';

const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const SITE = 'http://localhost:4321';
const schemas: string[] = [];
const run = promisify(execFile);

afterAll(async () => {
  const admin = new pg.Pool({ connectionString: PG_URL });
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

const environments: [string, () => Record<string, string>][] = [
  ['SQLite', () => ({ LADDER_DB: tempDb() })],
  [
    'PostgreSQL',
    () => {
      const schema = `ladder_invite_${process.pid}_${schemas.length}`;
      schemas.push(schema);
      return { DATABASE_URL: PG_URL, LADDER_PG_SCHEMA: schema };
    },
  ],
];

describe.each(environments)('npm run invite on %s', (_name, makeEnv) => {
  it('makes the first owner, whose printed link signs them in once; a wrong role changes nothing', async () => {
    const env = { ...process.env, ...makeEnv(), LADDER_SITE_URL: SITE };
    const wrong = await run(process.execPath, ['scripts/invite.ts', 'lead@team.example', 'boss'], { env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(wrong).toMatchObject({ code: 1, stderr: expect.stringContaining('usage: npm run invite') });
    const { stdout } = await run(process.execPath, ['scripts/invite.ts', 'Lead@Team.example', 'owner'], { env });
    const link = /(http:\/\/\S+)/.exec(stdout)?.[1] ?? '';
    expect(link).toMatch(/^http:\/\/localhost:4321\/organize\/#signin=[2-9a-z]{24}$/);
    const store = await openStore(env);
    try {
      expect(await store.team.accounts()).toMatchObject([{ email: 'lead@team.example', role: 'owner' }]);
      const app = createApp({ store, catalog: catalogFrom(campaigns) });
      const verify = () =>
        app.request(`${SITE}/api/auth/link/verify`, post({ token: link.split('#signin=')[1] }, { Origin: SITE }));
      const first = await verify();
      expect(await first.json()).toEqual({ email: 'lead@team.example', name: null, role: 'owner', events: [] });
      expect((await verify()).status).toBe(404);
    } finally {
      await store.close();
    }
  }, 30_000);
});

describe('an invitation by email', () => {
  it('sends the invited organizer a sign-in link in the language of the owner’s page, which signs them in', async () => {
    const smtp = await smtpServer();
    const store = await openStore({ LADDER_DB: tempDb() });
    const catalog = catalogFrom(campaigns);
    const app = createApp({ store, catalog, adminToken: ADMIN_TOKEN });
    const sink = emailSink({ smtpUrl: smtp.url, from: 'Ladder <hello@campaign.example>', siteUrl: SITE }, catalog);
    try {
      const bearer = { Authorization: `Bearer ${ADMIN_TOKEN}` };
      const invited = await app.request(
        `${SITE}/api/admin/team`,
        post({ email: 'rosa@team.example', role: 'organizer', lang: 'es' }, bearer),
      );
      expect(invited.status).toBe(201);
      expect((await dispatch(store, [sink], quiet)).email).toMatchObject({ sent: 1 });
      const [mail] = smtp.mails;
      expect(mail.to).toMatchObject({ text: 'rosa@team.example' });
      expect(mail.subject).toBe('Inicia sesión para organizar con Ladder');
      const link = /(http:\/\/localhost:4321\/organize\/es\/#signin=[2-9a-z]{24})/.exec(mail.text ?? '')?.[1];
      expect(link).toBeDefined();
      const res = await app.request(
        `${SITE}/api/auth/link/verify`,
        post({ token: link!.split('#signin=')[1] }, { Origin: SITE }),
      );
      expect(await res.json()).toEqual({ email: 'rosa@team.example', name: null, role: 'organizer', events: [] });
      // Asking for a link for an address that is not on the team answers the same and sends nothing.
      const asked = await app.request(`${SITE}/api/auth/link`, post({ email: 'nobody@example.org' }, { Origin: SITE }));
      expect(asked.status).toBe(202);
      expect((await dispatch(store, [sink], quiet)).email).toMatchObject({ sent: 0 });
    } finally {
      await store.close();
      await smtp.close();
    }
  });
});

describe('a sign-in email that could not be delivered', () => {
  it('shows in the dead letters without the link’s secret, which only its addressee may have', async () => {
    const smtp = await smtpServer({ refuse: 'gone@team.example' });
    const store = await openStore({ LADDER_DB: tempDb() });
    const catalog = catalogFrom(campaigns);
    const app = createApp({ store, catalog, adminToken: ADMIN_TOKEN, sinks: ['email'] });
    const sink = emailSink({ smtpUrl: smtp.url, from: 'Ladder <hello@campaign.example>', siteUrl: SITE }, catalog);
    try {
      const bearer = { Authorization: `Bearer ${ADMIN_TOKEN}` };
      const invited = await app.request(
        `${SITE}/api/admin/team`,
        post({ email: 'gone@team.example', role: 'owner' }, bearer),
      );
      expect(invited.status).toBe(201);
      const [event] = await store.outboxEvents(10);
      const secret = (event.payload as { token: string }).token;
      expect((await dispatch(store, [sink], quiet)).email).toMatchObject({ dead: 1 });
      const outbox = await (await app.request(`${SITE}/api/admin/outbox`, { headers: bearer })).text();
      expect(outbox).toContain('team.sign-in');
      expect(outbox).not.toContain(secret);
    } finally {
      await store.close();
      await smtp.close();
    }
  });
});
