/** The campaigns the browser tests sign: small, our own, validated by the real schema. */
import type { CampaignEntry } from '../../schema/campaign.ts';
import { callCampaigns } from './call-fixtures.ts';
import { confirmCampaigns } from './confirm-fixtures.ts';
import { guardCampaigns } from './guard-fixtures.ts';
import { letterCampaigns } from './letter-fixtures.ts';
import { petition, petitionCampaigns } from './petition-fixtures.ts';
import { rsvpCampaigns } from './rsvp-fixtures.ts';
import { surveyCampaigns } from './survey-fixtures.ts';

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
  ...letterCampaigns,
  ...rsvpCampaigns,
  ...surveyCampaigns,
  ...confirmCampaigns,
  ...guardCampaigns,
];
