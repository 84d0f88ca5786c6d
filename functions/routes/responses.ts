/**
 * `POST /api/campaigns/:slug/responses` and `…/responses/batch` (canvasser mode: many respondents recorded
 * offline, synced together, each with its own idempotency key so that each counts once however often it is sent).
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { ResponseBatch, ResponseInput, type ResponseResult } from '../../schema/actions.ts';
import type { CampaignEntry } from '../../schema/campaign.ts';
import type { FieldIssue } from '../../schema/errors.ts';
import { checkAnswers } from '../../schema/survey.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { campaignRoute } from '../middleware/campaign.ts';
import { errorResponse } from '../middleware/errors.ts';
import { idempotencyKey, limitBatchBody, limitBody, parseWith, readJson } from '../middleware/json-body.ts';
import { e164 } from '../phone.ts';
import type { RecordResult } from '../store/types.ts';
import { actionBase, actionResult, answer, openCampaign } from './action.ts';

type Survey = Extract<CampaignEntry, { kind: 'survey' }>;

export const responses = new Hono<AppEnv>();

responses.use('/:slug/responses', campaignRoute);
responses.use('/:slug/responses/batch', campaignRoute);

responses.post('/:slug/responses', limitBody, async (c) => {
  const campaign = openCampaign(c, 'survey');
  const input = await readJson(c, ResponseInput);
  return answer(c, await recordResponse(c, campaign, input, idempotencyKey(c)));
});

responses.post('/:slug/responses/batch', limitBatchBody, async (c) => {
  const campaign = openCampaign(c, 'survey');
  const { responses: items } = await readJson(c, ResponseBatch);
  const results = [];
  // One after another: a batch is a canvasser's evening, not a spike; order is kept.
  for (const { key, response } of items) {
    try {
      const result = await recordResponse(c, campaign, parseWith(ResponseInput, response), key);
      if ('mismatch' in result)
        throw new ApiError('idempotency_mismatch', 'This key was already used with another response.');
      results.push({ key, status: result.status, body: result.body });
    } catch (error) {
      const res = errorResponse(error as Error, c);
      results.push({ key, status: res.status, body: await res.json() });
    }
  }
  return c.json({ results });
});

async function recordResponse(
  c: Context<AppEnv>,
  campaign: Survey,
  input: ResponseInput,
  key: string | null,
): Promise<RecordResult> {
  const { survey } = campaign;
  const checked = checkAnswers(survey, input.answers);
  const codes: Record<string, FieldIssue> = { ...checked.codes };
  if (!input.person && !survey.anonymous) codes.person = 'required';
  const helpValues = survey.help?.options.map((o) => o.value) ?? [];
  if (input.help.some((value) => !helpValues.includes(value))) codes.help = 'invalid';
  if (input.canvass && !survey.canvass) codes.canvass = 'invalid';
  // E.164 as for RSVPs, so that texts can reach it (functions/phone.ts).
  const phone = input.person?.phone ? e164(input.person.phone, campaign.region) : undefined;
  if (phone === null) codes['person.phone'] = 'invalid_phone';
  if (Object.keys(codes).length) throw new ApiError('invalid_input', 'Some answers need attention.', { codes });
  const person = input.person && { ...input.person, phone: phone ?? undefined };
  const normalized = { ...input, person, answers: checked.answers, help: [...new Set(input.help)] };
  const tags = [...checked.tags, ...(normalized.help.length && survey.help ? [survey.help.tag] : [])];
  return c
    .get('options')
    .store.recordResponse(
      { ...(await actionBase(c, campaign, normalized, key)), input: normalized, tags },
      (outcome) => {
        const body: ResponseResult = { response: { id: outcome.actionId }, ...actionResult(c, campaign, outcome) };
        if (campaign.results === 'public') body.resultsUrl = `${c.get('siteOrigin')}/act/${campaign.slug}/results/`;
        return { status: outcome.pending ? 202 : outcome.duplicate ? 200 : 201, body };
      },
    );
}
