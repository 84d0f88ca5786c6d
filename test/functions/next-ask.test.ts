import { describe, expect, it } from 'vitest';
import { Campaign, type CampaignEntry } from '../../schema/campaign.ts';
import { createApp } from '../../functions/app.ts';
import { catalogFrom } from '../../functions/catalog.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import { post, signature, tempDb } from './fixtures.ts';

const consent = { text: 'Keep me updated.', version: '1' };
const entry = (slug: string, fields: Record<string, unknown>): CampaignEntry => ({
  ...Campaign.parse({ consent, summary: 's', ...fields }),
  slug,
});
const event = (slug: string, day: string) =>
  entry(slug, {
    kind: 'event',
    title: slug,
    event: { start: `${day} 18:00`, end: `${day} 20:00`, timezone: 'UTC', location: { name: 'Hall' } },
  });

describe('the next ask', () => {
  it("is the organizer's first ask not yet done, with the nearest upcoming event first among events", async () => {
    const petition = entry('petition', {
      kind: 'petition',
      title: 'Petition',
      petition: { to: 'Council', ask: 'Fund it' },
      nextAsks: ['later-meeting', 'past-meeting', 'soon-meeting', 'call'],
    });
    const call = entry('call', {
      kind: 'call',
      title: 'Call',
      call: { script: 'Hi {target}', targets: [{ id: 't', name: 'T', title: 'Mayor', phones: [{ number: '1' }] }] },
    });
    const campaigns = [
      petition,
      call,
      event('later-meeting', '2099-06-01'),
      event('soon-meeting', '2099-01-01'),
      event('past-meeting', '2001-01-01'),
    ];
    const app = createApp({ store: await openSqliteStore(tempDb()), catalog: catalogFrom(campaigns) });
    const sign = async () =>
      (await app.request('http://localhost/api/campaigns/petition/signatures', post(signature()))).json();
    expect((await sign()).nextAsk).toMatchObject({ slug: 'soon-meeting', kind: 'event' });
    await app.request(
      'http://localhost/api/campaigns/soon-meeting/rsvps',
      post({ person: { givenName: 'Ada', familyName: 'L', email: 'ada@example.org' }, consent: { contact: true } }),
    );
    expect((await sign()).nextAsk).toMatchObject({ slug: 'later-meeting' });
    await app.request(
      'http://localhost/api/campaigns/later-meeting/rsvps',
      post({ person: { givenName: 'Ada', familyName: 'L', email: 'ada@example.org' }, consent: { contact: true } }),
    );
    // The past meeting is no ask; the call is next.
    expect((await sign()).nextAsk).toMatchObject({ slug: 'call', url: 'http://localhost/act/call/' });
  });
});
