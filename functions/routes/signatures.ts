/** `POST /api/campaigns/:slug/signatures`. */
import { Hono } from 'hono';
import { SignatureInput, type SignatureResult } from '../../schema/actions.ts';
import type { AppEnv } from '../context.ts';
import { campaignRoute } from '../middleware/campaign.ts';
import { limitBody, readJson } from '../middleware/json-body.ts';
import { actionBase, actionResult, answer, openCampaign } from './action.ts';

export const signatures = new Hono<AppEnv>();

signatures.use('/:slug/signatures', campaignRoute);
signatures.post('/:slug/signatures', limitBody, async (c) => {
  const campaign = openCampaign(c, 'petition');
  const input = await readJson(c, SignatureInput);
  const result = await c
    .get('options')
    .store.recordSignature({ ...(await actionBase(c, campaign, input)), input }, (outcome) => {
      const body: SignatureResult = {
        signature: { id: outcome.actionId },
        ...actionResult(c, campaign, outcome),
      } as SignatureResult;
      return { status: outcome.pending ? 202 : outcome.duplicate ? 200 : 201, body };
    });
  return answer(c, result);
});
