/** Small campaigns of our own (tests never read ../shared) and an app on a real SQLite file. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Campaign, type CampaignEntry } from '../../schema/campaign.ts';
import { createApp } from '../../functions/app.ts';
import { catalogFrom } from '../../functions/catalog.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
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

export const campaigns: CampaignEntry[] = [
  petition('library', { partners: [PARTNER], nextAsks: ['crossing', 'closed-one', 'missing'] }),
  petition('crossing', { nextAsks: ['library'] }),
  petition('closed-one', { status: 'closed' }),
  petition('open-to-all', { partners: ['*'] }),
];

export const tempDb = (): string => join(mkdtempSync(join(tmpdir(), 'ladder-test-')), 'ladder.sqlite');

export async function testApp(store?: Store) {
  const theStore = store ?? (await openSqliteStore(tempDb()));
  const app = createApp({ store: theStore, catalog: catalogFrom(campaigns) });
  return { app, store: theStore };
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
