/**
 * The letter campaigns the browser tests use (spread into campaigns.ts): a city council by ward with members
 * reached by email, one only through a contact form, and a postcode that straddles two wards.
 */
import { Campaign, type CampaignEntry } from '../../schema/campaign.ts';

export const SUGGESTION =
  'Dear {target}, as {title} you decide the budget. Please fund the repairs of our homes this year: the roofs leak ' +
  'and the heating fails every winter. Thank you.';

export const letter = (slug: string, fields: Record<string, unknown> = {}, section: Record<string, unknown> = {}) =>
  ({
    ...Campaign.parse({
      kind: 'letter',
      title: `Write ${slug}`,
      summary: 'Ask your council member to fund repairs.',
      consent: { text: 'Keep me updated about this campaign.', version: '2026-11-01' },
      goal: 100,
      nextAsks: ['buses'],
      letter: {
        subject: 'Repairs, {target}',
        text: SUGGESTION,
        sending: { from: 'letters@campaign.example' },
        targets: [
          { id: 'mayor', name: 'Mayor Ruiz', title: 'Mayor', email: 'mayor@city.example' },
          { id: 'ward-1', name: 'Ana Soto', title: 'Council member', email: 'soto@city.example', areas: ['W1'] },
          {
            id: 'ward-2',
            name: 'Ben Ode',
            title: 'Council member',
            contactForm: 'https://city.example/contact/ode',
            areas: ['W2'],
          },
        ],
        postcodes: { '94110': ['W1'], '94111': ['W1', 'W2'], '94112': ['W2'] },
        areaNames: { W1: 'Ward 1 (Mission)', W2: 'Ward 2 (Bernal Heights)' },
        ...section,
      },
      ...fields,
    }),
    slug,
  }) as CampaignEntry;

export const letterCampaigns: CampaignEntry[] = [
  letter('write'),
  letter('write-ar', { lang: 'ar' }),
  letter('write-fixed', {}, { editing: 'none' }),
  letter('write-own', {}, { editing: 'required' }),
  letter('write-offline'),
  letter('write-a11y'),
  letter('write-hostile'),
];
