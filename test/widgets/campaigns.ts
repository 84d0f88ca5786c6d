/** The campaigns the browser tests sign: small, our own, validated by the real schema. */
import { Campaign, type CampaignEntry } from '../../schema/campaign.ts';
import { callCampaigns } from './call-fixtures.ts';
import { petitionCampaigns } from './petition-fixtures.ts';
import { rsvpCampaigns } from './rsvp-fixtures.ts';
import { surveyCampaigns } from './survey-fixtures.ts';

const petition = (slug: string, fields: Record<string, unknown> = {}): CampaignEntry => ({
  ...Campaign.parse({
    kind: 'petition',
    title: `Petition ${slug}`,
    summary: 'Keep the branch library open six days a week.',
    goal: 100,
    consent: { text: 'Keep me updated about this campaign.', version: '2026-11-01' },
    petition: { to: 'The City Council', ask: 'Fund the library six days a week.' },
    ...fields,
  }),
  slug,
});

export const campaigns: CampaignEntry[] = [
  petition('library', { nextAsks: ['buses'] }),
  petition('buses', { title: 'Fund the buses' }),
  petition('offline'),
  petition('parks', {
    lang: 'es',
    strings: { es: { submit: '¡Firmo!' }, en: { signatures: '{n} neighbours' } },
  }),
  petition('closed-one', { status: 'closed' }),
  ...petitionCampaigns,
  ...callCampaigns,
  ...rsvpCampaigns,
  ...surveyCampaigns,
];
