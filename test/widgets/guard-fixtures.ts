/** Petitions of test/widgets/guard.test.ts, one per journey: each counts only its own signatures. */
import type { CampaignEntry } from '../../schema/campaign.ts';
import { petition } from './petition-fixtures.ts';

export const guardCampaigns: CampaignEntry[] = ['keyboard', 'reader', 'autofill', 'captcha', 'filler'].map((name) =>
  petition(`guard-${name}`),
);
