/**
 * The call campaigns the browser tests use (spread into campaigns.ts): a city council by ward, written by hand
 * as organizers would, with a postcode that straddles two wards and a mayor whom everyone can call.
 */
import { Campaign, type CampaignEntry } from '../../schema/campaign.ts';

const mayor = {
  id: 'mayor',
  name: 'Dana Whitfield',
  title: 'Mayor',
  phones: [{ label: 'City Hall', number: '+1 (555) 010-0100', hours: 'Mon-Fri 9am-5pm' }],
};
const ward1 = {
  id: 'ward-1',
  name: 'Ana Ruiz',
  title: 'Council member, Ward 1',
  // `.invalid` never resolves: the image fails at once, offline, and the widget must not mind.
  photo: 'https://photos.invalid/ana-ruiz.jpg',
  phones: [{ number: '555-010-0101' }],
  areas: ['W1'],
};
const ward2 = {
  id: 'ward-2',
  name: 'Ben Okafor',
  title: 'Council member, Ward 2',
  phones: [{ label: 'Office', number: '555-010-0102', hours: 'Tue-Thu 10am-4pm' }],
  areas: ['W2'],
  offices: [{ name: 'Ward 2 office', address: '12 Elm Street', phone: '555-010-0112', hours: 'Sat 10am-noon' }],
};

export const call = (slug: string, fields: Record<string, unknown> = {}): CampaignEntry => ({
  ...Campaign.parse({
    kind: 'call',
    title: `Call ${slug}`,
    summary: 'Ask the council to fund the buses.',
    consent: { text: 'Keep me updated about this campaign.', version: '2026-11-01' },
    nextAsks: ['buses'],
    call: {
      script: 'Hello {target}. As your constituent, I ask you, as {title}, to fund the number 7 bus.',
      targets: [ward1, ward2, mayor],
      postcodes: { '94110': ['W1'], '94111': ['W1', 'W2'], '94112': ['W2'] },
      areaNames: { W1: 'Ward 1 (Mission)', W2: 'Ward 2 (Bernal Heights)' },
    },
    ...fields,
  }),
  slug,
});

export const callCampaigns: CampaignEntry[] = [
  call('council'),
  call('council-totals'),
  call('council-offline'),
  call('council-ar', { lang: 'ar' }),
  call('council-a11y'),
  call('wards-only', {
    call: {
      script: 'Hello {target}.',
      targets: [ward1],
      postcodes: { '94110': ['W1'], '94112': ['W2'] },
    },
  }),
];
