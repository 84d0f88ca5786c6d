/**
 * What every adapter checks before it serves (functions/adapters/hosted.ts for Cloudflare, Netlify and Vercel; the
 * Node server calls the same checks): a configuration that would send broken links, or none, refuses to start.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hosted } from '../../functions/adapters/hosted.ts';
import { catalogFrom } from '../../functions/catalog.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import type { Store } from '../../functions/store/types.ts';
import { campaigns, tempDb } from './fixtures.ts';
import { privacyCampaigns } from './privacy-fixtures.ts';

const EMAIL = { LADDER_SMTP_URL: 'smtp://127.0.0.1:2525', LADDER_MAIL_FROM: 'hello@campaign.example' };
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});
const start = async (env: Record<string, string>, entries = campaigns) => {
  const store = await openSqliteStore(tempDb());
  stores.push(store);
  return hosted({ LADDER_SECRET: 'a-secret-for-the-start-tests', ...env }, store, catalogFrom(entries));
};

describe('adapter start-up checks', () => {
  it('refuses email without an absolute LADDER_SITE_URL, naming it', async () => {
    await expect(start(EMAIL)).rejects.toThrow(/LADDER_SITE_URL must be the campaign site's public address/);
    await expect(start({ ...EMAIL, LADDER_SITE_URL: 'https://campaign.example' })).resolves.toBeTruthy();
  });

  it('refuses double opt-in campaigns when no email can carry their links, naming them and what to set', async () => {
    const entries = [...campaigns, ...privacyCampaigns];
    const refusal =
      /doi, doi-two, doi-survey: doubleOptIn sends each supporter a link by email.*LADDER_SMTP_URL and LADDER_MAIL_FROM/;
    await expect(start({}, entries)).rejects.toThrow(refusal);
    await expect(start({ ...EMAIL, LADDER_SITE_URL: 'https://campaign.example' }, entries)).resolves.toBeTruthy();
    // Without double opt-in nothing needs email.
    await expect(start({})).resolves.toBeTruthy();
  });
});
