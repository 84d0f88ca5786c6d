/**
 * Petitions for the accessibility, layout, hostile-host and React tests. Their own slugs: a submission these
 * tests leave queued (offline) or hold (sending) is sent later, and must not change another test's counts.
 */
import { Campaign, type CampaignEntry } from '../../schema/campaign.ts';

/** A petition of our own, validated by the real schema. */
export const petition = (slug: string, fields: Record<string, unknown> = {}): CampaignEntry => ({
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

export const petitionCampaigns: CampaignEntry[] = [
  petition('a11y', { nextAsks: ['library'] }),
  petition('hostile'),
  petition('react'),
  petition('rtl', { lang: 'ar', title: 'أنقذوا المكتبة' }),
];
