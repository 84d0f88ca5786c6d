/**
 * For the privacy tests: the same app on SQLite and on PostgreSQL, each with a direct line to its database to check
 * what is stored (not only what the API shows), and campaigns of our own with double opt-in and retention.
 */
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import pg from 'pg';
import { Campaign, type CampaignEntry } from '../../schema/campaign.ts';
import { createApp } from '../../functions/app.ts';
import { catalogFrom } from '../../functions/catalog.ts';
import { openPostgresStore } from '../../functions/store/postgres.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import type { Store } from '../../functions/store/types.ts';
import { ADMIN_TOKEN, campaigns, post, tempDb } from './fixtures.ts';

const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
export const API = 'http://localhost/api';
export const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

const consent = { text: 'Keep me updated about this campaign.', version: '2026-11-01' };
const entry = (slug: string, fields: Record<string, unknown>): CampaignEntry => ({
  ...Campaign.parse({ summary: 'A campaign for the privacy tests.', consent, ...fields }),
  slug,
});
const petition = (slug: string, fields: Record<string, unknown> = {}) =>
  entry(slug, {
    kind: 'petition',
    title: `Petition ${slug}`,
    petition: { to: 'The City Council', ask: 'Fund the library.' },
    ...fields,
  });

export const privacyCampaigns: CampaignEntry[] = [
  petition('doi', { doubleOptIn: true, lang: 'fr', nextAsks: ['plain'] }),
  petition('doi-two', { doubleOptIn: true }),
  petition('plain'),
  petition('short', { retentionDays: 30 }),
  petition('ended', { retentionDays: 10, deadline: '2020-01-01' }),
  entry('doi-survey', {
    kind: 'survey',
    title: 'Listening survey',
    doubleOptIn: true,
    survey: {
      anonymous: true,
      pages: [{ questions: [{ id: 'story', type: 'text', label: 'Tell us more' }] }],
    },
  }),
  entry('past-meeting', {
    kind: 'event',
    title: 'A meeting that happened',
    retentionDays: 5,
    event: {
      start: '2020-03-01 18:00',
      end: '2020-03-01 20:00',
      timezone: 'Europe/Paris',
      location: { name: 'Hall' },
    },
  }),
];

export const catalog = catalogFrom([...campaigns, ...privacyCampaigns]);

export interface Opened {
  store: Store;
  app: ReturnType<typeof createApp>;
  /** SQL with `?` parameters, straight to the database. */
  query(sql: string, ...params: (string | number | null)[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

function withApp(store: Store, query: Opened['query'], close: () => Promise<void>): Opened {
  return { store, app: createApp({ store, catalog, adminToken: ADMIN_TOKEN, sinks: ['email'] }), query, close };
}

let schemas = 0;
export const dialects: { name: string; open(): Promise<Opened> }[] = [
  {
    name: 'SQLite',
    async open() {
      const path = tempDb();
      const store = await openSqliteStore(path);
      const db = new DatabaseSync(path);
      return withApp(
        store,
        async (sql, ...params) => db.prepare(sql).all(...(params as SQLInputValue[])) as Record<string, unknown>[],
        async () => {
          db.close();
          await store.close();
        },
      );
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const schema = `ladder_privacy_${process.pid}_${schemas++}`;
      const sql = new pg.Pool({ connectionString: PG_URL, options: `-c search_path=${schema}` });
      await sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      const store = await openPostgresStore(PG_URL, { schema });
      return withApp(
        store,
        async (text, ...params) => {
          let n = 0;
          return (
            await sql.query(
              text.replace(/\?/g, () => `$${++n}`),
              params,
            )
          ).rows;
        },
        async () => {
          await store.close();
          await sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await sql.end();
        },
      );
    },
  },
];

export const person = (email: string, givenName = 'Ada') => ({
  givenName,
  familyName: 'Lovelace',
  email,
  postcode: '94110',
});

/** Signs `slug`; the status and body. */
export async function sign(
  app: Opened['app'],
  slug: string,
  email: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const res = await app.request(
    `${API}/campaigns/${slug}/signatures`,
    post({ person: person(email), consent: { contact: true }, ...extra }, headers),
  );
  return { status: res.status, body: await res.json() };
}

/** The token of the latest confirmation (or access) link queued for `email`, as the email would carry it. */
export async function linkFor(store: Store, type: string, email: string): Promise<string> {
  const events = await store.outboxEvents(1000);
  const found = events
    .filter((event) => event.type === type)
    .map((event) => event.payload as { token: string; person: { email: string } })
    .filter((payload) => payload.person.email === email)
    .at(-1);
  if (!found) throw new Error(`no ${type} for ${email}`);
  return found.token;
}

export const confirm = (app: Opened['app'], token: string) => app.request(`${API}/confirm`, post({ token }));
