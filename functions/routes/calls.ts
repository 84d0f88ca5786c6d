/**
 * `GET /api/campaigns/:slug/targets?postcode=&area=` (whom to call, or to write to: a letter campaign's targets)
 * and `POST /api/campaigns/:slug/calls`.
 */
import { Hono } from 'hono';
import { CallInput, type CallResult } from '../../schema/actions.ts';
import { fillScript, postcodeKey, reaches, type TargetLookup, type TargetsFile } from '../../schema/call.ts';
import { LIMITS, POSTCODE_PATTERN } from '../../schema/limits.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { campaignRoute } from '../middleware/campaign.ts';
import { limitBody, readJson } from '../middleware/json-body.ts';
import { actionBase, actionResult, answer, openCampaign } from './action.ts';

export const calls = new Hono<AppEnv>();

const POSTCODE = new RegExp(`^${POSTCODE_PATTERN}$`);

calls.use('/:slug/targets', campaignRoute);
calls.get('/:slug/targets', (c) => {
  const kind = c.get('campaign').kind === 'letter' ? 'letter' : 'call';
  const campaign = openCampaign(c, kind);
  const book = c.get('options').catalog.targets(campaign.slug)!;
  const postcode = (c.req.query('postcode') ?? '').trim();
  if (!postcode || postcode.length > LIMITS.postcode || !POSTCODE.test(postcode)) {
    throw new ApiError('invalid_input', 'Give a postcode.', {
      codes: { postcode: postcode ? 'invalid_postcode' : 'required' },
    });
  }
  const { areas, choose, unknown, targets } = targetsOf(book, postcode, c.req.query('area'));
  const lookup: TargetLookup = {
    postcode,
    areas,
    choose,
    unknown,
    targets: targets.map(({ areas: _areas, ...target }) => ({
      ...target,
      // A letter's widget fills the suggested letter in itself (it sends it back with `{target}` left in).
      script: campaign.kind === 'call' ? fillScript(campaign.call.script, target) : '',
    })),
  };
  c.header('Cache-Control', 'public, max-age=300');
  return c.json(lookup);
});

/**
 * The targets a postcode reaches (in `area`, when given: one of the postcode's). `choose`: the postcode lies in
 * several areas and none was chosen; the targets are then only those every one of them reaches (the senators of
 * the state). `unknown`: a postcode in no known area; only targets for everyone.
 */
export function targetsOf(book: TargetsFile, postcode: string, area: string | undefined) {
  const mapped = Object.keys(book.postcodes).length > 0;
  const areas = mapped ? (book.postcodes[postcodeKey(postcode)] ?? []) : [];
  if (area !== undefined && !areas.includes(area)) {
    throw new ApiError('invalid_input', `${area} is not an area of ${postcode}.`, { codes: { area: 'invalid' } });
  }
  const chosen = area !== undefined ? [area] : areas;
  const choose = area === undefined && areas.length > 1;
  const reached = (targetAreas: string[]) => {
    if (!mapped || !targetAreas.length) return true;
    const from = (a: string) => targetAreas.some((t) => reaches(t, a));
    return choose ? chosen.every(from) : chosen.some(from);
  };
  return {
    areas: areas.map((id) => ({ id, name: book.areaNames[id] ?? id })),
    choose,
    unknown: mapped && !areas.length,
    targets: book.targets.filter((target) => reached(target.areas)),
  };
}

calls.use('/:slug/calls', campaignRoute);
calls.post('/:slug/calls', limitBody, async (c) => {
  const campaign = openCampaign(c, 'call');
  const input = await readJson(c, CallInput);
  const book = c.get('options').catalog.targets(campaign.slug)!;
  if (!book.targets.some((target) => target.id === input.target)) {
    throw new ApiError('invalid_input', `No target "${input.target}" in this campaign.`, {
      codes: { target: 'invalid' },
    });
  }
  const result = await c
    .get('options')
    .store.recordCall({ ...(await actionBase(c, campaign, input)), input }, (outcome) => {
      const body: CallResult = {
        call: { id: outcome.actionId },
        ...actionResult(c, campaign, outcome),
        outcomes: outcome.outcomes,
      };
      return { status: 201, body };
    });
  return answer(c, result);
});
