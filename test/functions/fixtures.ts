/** Small campaigns of our own (tests never read ../shared) and an app on a real SQLite file. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Campaign, type CampaignEntry } from '../../schema/campaign.ts';
import { createApp } from '../../functions/app.ts';
import { catalogFrom } from '../../functions/catalog.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import { openPostgresStore } from '../../functions/store/postgres.ts';
import pg from 'pg';
import { afterAll } from 'vitest';
import type { Store } from '../../functions/store/types.ts';

export const PARTNER = 'https://partner.example';

const petition = (slug: string, fields: Record<string, unknown> = {}): CampaignEntry => ({
  ...Campaign.parse({
    kind: 'petition',
    title: `Petition ${slug}`,
    summary: 'Keep the branch library open six days a week.',
    goal: 100,
    consent: { text: 'Keep me updated about this campaign.', version: '2026-11-01' },
    petition: { to: 'The City Council', ask: 'Fund the library.' },
    ...fields,
  }),
  slug,
});

const consent = { text: 'Keep me updated about this campaign.', version: '2026-11-01' };
const entry = (slug: string, fields: Record<string, unknown>): CampaignEntry => ({ ...Campaign.parse(fields), slug });

export const survey = entry('block-survey', {
  kind: 'survey',
  title: 'What matters on your block',
  summary: 'Tell us what to fix first.',
  consent,
  survey: {
    anonymous: true,
    canvass: true,
    pages: [
      {
        title: 'Home',
        questions: [
          {
            id: 'housing',
            type: 'single',
            label: 'Do you rent or own?',
            required: true,
            options: ['rent', 'own'],
            tags: { rent: 'renter' },
          },
          {
            id: 'landlord',
            type: 'yesno',
            label: 'Has your landlord fixed repairs?',
            showIf: { question: 'housing', equals: 'rent' },
            required: true,
          },
        ],
      },
      {
        questions: [
          { id: 'issues', type: 'multiple', label: 'Biggest issues', options: ['rent', 'repairs', 'safety'] },
          { id: 'urgency', type: 'scale', label: 'How urgent?', min: 1, max: 5 },
          { id: 'story', type: 'text', label: 'Tell us more' },
        ],
      },
    ],
    help: { question: 'Would you help?', options: [{ value: 'host', label: 'Host a meeting' }, 'canvass'] },
  },
});

export const event = entry('tenants-meeting', {
  kind: 'event',
  title: 'Tenants meeting',
  summary: 'Meet your neighbours.',
  region: 'US',
  consent,
  event: {
    start: '2099-02-18 18:30',
    end: '2099-02-18 20:00',
    timezone: 'America/Chicago',
    location: { name: 'Library', address: '1 Main St' },
    capacity: 3,
    maxGuests: 2,
  },
});

export const shifted = entry('cleanup', {
  kind: 'event',
  title: 'Park cleanup',
  summary: 'Two shifts.',
  consent,
  event: {
    start: '2099-04-01 09:00',
    end: '2099-04-01 13:00',
    timezone: 'Europe/Madrid',
    location: { name: 'Parque' },
    shifts: [
      { id: 'morning', start: '2099-04-01 09:00', end: '2099-04-01 11:00', capacity: 1 },
      { id: 'late', start: '2099-04-01 11:00', end: '2099-04-01 13:00' },
    ],
  },
});

export const call = entry('call-council', {
  kind: 'call',
  title: 'Call the council',
  summary: 'Ask your council member to fund repairs.',
  consent,
  nextAsks: ['tenants-meeting'],
  call: {
    script: 'Hello {target}, as {title} please fund repairs.',
    targets: [
      { id: 'mayor', name: 'Mayor Ruiz', title: 'Mayor', phones: [{ number: '+1 555 0100' }] },
      {
        id: 'ward-1',
        name: 'Ana Soto',
        title: 'Council member, ward 1',
        phones: [{ number: '+1 555 0101' }],
        areas: ['W-1'],
      },
      {
        id: 'ward-2',
        name: 'Ben Ode',
        title: 'Council member, ward 2',
        phones: [{ number: '+1 555 0102' }],
        areas: ['W-2'],
      },
    ],
    postcodes: { '94110': ['W-1'], '94112': ['W-1', 'W-2'] },
    areaNames: { 'W-1': 'Ward 1', 'W-2': 'Ward 2' },
  },
});

export const campaigns: CampaignEntry[] = [
  survey,
  event,
  shifted,
  call,
  petition('library', { partners: [PARTNER], nextAsks: ['crossing', 'closed-one', 'missing'] }),
  petition('crossing', { nextAsks: ['library'] }),
  petition('closed-one', { status: 'closed' }),
  petition('open-to-all', { partners: ['*'] }),
  petition('coalition', {
    coalition: [
      { name: 'Tenants Union', origin: 'https://tenants.example' },
      { name: 'Library Friends', origin: 'https://friends.example' },
    ],
  }),
];

export const tempDb = (): string => join(mkdtempSync(join(tmpdir(), 'ladder-test-')), 'ladder.sqlite');

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const schemas: string[] = [];
let opened = 0;
// Registered as the test file loads (a hook registered inside a test never runs): drops the file's schemas. Not
// outside vitest (bench/round-trips.ts imports the fixtures: there, afterAll throws).
if (process.env.VITEST)
  afterAll(async () => {
    if (!schemas.length) return;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    for (const name of schemas.splice(0)) await admin.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
    await admin.end();
  });

/**
 * The store a test's app runs on when it brings none: SQLite, or with `LADDER_TEST_STORE=postgres` PostgreSQL (a
 * schema of its own, dropped after the file), so that the action tests run on both databases (issue 14).
 */
async function defaultStore(): Promise<Store> {
  if (process.env.LADDER_TEST_STORE !== 'postgres') return openSqliteStore(tempDb());
  const schema = `ladder_app_${process.pid}_${++opened}_${Date.now() % 100_000}`;
  schemas.push(schema);
  return openPostgresStore(PG_URL, { schema, max: 4 });
}

export async function testApp(store?: Store, extra: CampaignEntry[] = []) {
  const theStore = store ?? (await defaultStore());
  const app = createApp({ store: theStore, catalog: catalogFrom([...campaigns, ...extra]), adminToken: ADMIN_TOKEN });
  return { app, store: theStore };
}

/** An event happening now, in local time of its zone (for check-in). */
export function eventNow(slug: string): CampaignEntry {
  const local = (offsetHours: number) =>
    new Date(Date.now() + offsetHours * 3600_000).toLocaleString('sv', { timeZone: 'Europe/Paris' }).slice(0, 16);
  return entry(slug, {
    kind: 'event',
    title: 'Happening now',
    summary: 'Now.',
    consent,
    event: { start: local(-1), end: local(2), timezone: 'Europe/Paris', location: { name: 'Hall' } },
  });
}

export const signature = (overrides: Record<string, unknown> = {}) => ({
  person: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', postcode: '94110' },
  consent: { contact: true },
  ...overrides,
});

export const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
