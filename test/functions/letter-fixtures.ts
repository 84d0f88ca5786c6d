/** A letter campaign to a city council: two members by email, one by contact form, by ward. */
import type { Store } from '../../functions/store/types.ts';
import { Campaign, type CampaignEntry } from '../../schema/campaign.ts';

export const SUGGESTION =
  'Dear {target}, as {title} you decide the budget. Please fund the repairs of our homes this year: the roofs leak ' +
  'and the heating fails every winter. Thank you.';

export const letterCampaign = (slug: string, letter: Record<string, unknown> = {}): CampaignEntry => ({
  ...Campaign.parse({
    kind: 'letter',
    title: 'Write to the council',
    summary: 'Ask your council member to fund repairs.',
    consent: { text: 'Keep me updated about this campaign.', version: '2026-11-01' },
    letter: {
      subject: 'Repairs, {target}',
      text: SUGGESTION,
      sending: { from: 'letters@campaign.example', timezone: 'America/Los_Angeles' },
      targets: [
        { id: 'mayor', name: 'Mayor Ruiz', title: 'Mayor', email: 'mayor@city.example' },
        { id: 'ward-1', name: 'Ana Soto', title: 'Council member', email: 'soto@city.example', areas: ['W-1'] },
        {
          id: 'ward-2',
          name: 'Ben Ode',
          title: 'Council member',
          contactForm: 'https://city.example/contact/ode',
          areas: ['W-2'],
        },
      ],
      postcodes: { '94110': ['W-1'], '94112': ['W-1', 'W-2'] },
      ...letter,
    },
  }),
  slug,
});

/** Follows every confirmation link the store has queued, as each writer would: their letters then leave. */
export async function confirmLetters(store: Store): Promise<void> {
  for (const event of await store.outboxEvents(10_000)) {
    if (event.type === 'confirmation.requested')
      await store.confirmAction((event.payload as { token: string }).token, []);
  }
}
