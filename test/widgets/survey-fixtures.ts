/** The surveys the browser tests answer: every question type, a `showIf`, anonymous and canvasser variants. */
import { Campaign, type CampaignEntry } from '../../schema/campaign.ts';

const survey = (slug: string, fields: Record<string, unknown> = {}, section: Record<string, unknown> = {}) =>
  ({
    ...Campaign.parse({
      kind: 'survey',
      title: `Survey ${slug}`,
      summary: 'Tell us what matters most on your block.',
      consent: { text: 'Keep me updated about the tenants association.', version: '2026-11-01' },
      ...fields,
      survey: {
        pages: [
          {
            title: 'Your home',
            questions: [
              {
                id: 'housing',
                type: 'single',
                label: 'Do you rent or own your home?',
                required: true,
                options: [{ value: 'rent', label: 'I rent' }, { value: 'own', label: 'I own' }, 'Other'],
                tags: { rent: 'renter' },
              },
              {
                id: 'repairs',
                type: 'yesno',
                label: 'Has your landlord ignored a repair request?',
                required: true,
                showIf: { question: 'housing', equals: 'rent' },
              },
              {
                id: 'safety',
                type: 'scale',
                label: 'How safe do you feel on your block at night?',
                min: 1,
                max: 5,
                minLabel: 'Not at all',
                maxLabel: 'Very safe',
              },
            ],
          },
          {
            title: 'Your block',
            questions: [
              {
                id: 'issues',
                type: 'multiple',
                label: 'What should we work on first?',
                required: true,
                help: 'Pick as many as you like.',
                options: ['Rent', 'Repairs', { value: 'traffic', label: 'Traffic' }],
              },
              // Named like the consent checkbox on purpose: the two must not mix.
              { id: 'contact', type: 'text', label: 'Which street do you live on?' },
              { id: 'story', type: 'longtext', label: 'Anything else you want us to know?' },
            ],
          },
        ],
        help: {
          question: 'Would you help?',
          options: [
            { value: 'meeting', label: 'Come to a meeting' },
            { value: 'doors', label: 'Knock on doors' },
          ],
        },
        ...section,
      },
    }),
    slug,
  }) as CampaignEntry;

const short = {
  pages: [
    { questions: [{ id: 'priority', type: 'yesno', label: 'Should we fight the rent increase?', required: true }] },
  ],
};

export const surveyCampaigns: CampaignEntry[] = [
  survey('block', { nextAsks: ['library'] }),
  survey('block-anon', {}, { anonymous: true }),
  survey('doors', {}, { ...short, anonymous: true, canvass: true }),
  survey('doors-named', {}, { ...short, canvass: true }),
  survey('block-closed', { status: 'closed' }),
];
