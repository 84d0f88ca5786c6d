/** Campaigns with double opt-in for the browser tests: a signature or answers wait for the emailed link. */
import { Campaign, type CampaignEntry } from '../../schema/campaign.ts';
import { petition } from './petition-fixtures.ts';

export const confirmCampaigns: CampaignEntry[] = [
  petition('confirm-petition', { doubleOptIn: true }),
  petition('confirm-rtl', { doubleOptIn: true, lang: 'ar', title: 'أنقذوا المكتبة' }),
  {
    ...Campaign.parse({
      kind: 'survey',
      title: 'Survey with double opt-in',
      summary: 'Tell us what matters most on your block.',
      consent: { text: 'Keep me updated about the tenants association.', version: '2026-11-01' },
      doubleOptIn: true,
      survey: { pages: [{ questions: [{ id: 'story', type: 'text', label: 'What should we fix first?' }] }] },
    }),
    slug: 'confirm-survey',
  },
];
