/** `POST /api/campaigns/:slug/letters`: one letter to each of the supporter's targets. */
import { Hono } from 'hono';
import { type LetterDelivery, LetterInput, type LetterResult } from '../../schema/actions.ts';
import type { ApiFieldIssue } from '../../schema/errors.ts';
import { edited, ownWords, ownWordsNeeded } from '../../schema/letter.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { campaignRoute } from '../middleware/campaign.ts';
import { limitBody, readJson } from '../middleware/json-body.ts';
import { actionBase, actionResult, answer, openCampaign } from './action.ts';
import { targetsOf } from './calls.ts';

export const letters = new Hono<AppEnv>();

letters.use('/:slug/letters', campaignRoute);
letters.post('/:slug/letters', limitBody, async (c) => {
  const campaign = openCampaign(c, 'letter');
  const input = await readJson(c, LetterInput);
  const { letter } = campaign;
  const book = c.get('options').catalog.targets(campaign.slug)!;
  const found = targetsOf(book, input.person.postcode, input.area);
  const codes: Record<string, ApiFieldIssue> = {};
  if (found.choose) codes.area = 'required';
  else if (!found.targets.length) codes['person.postcode'] = 'invalid_postcode';
  const subject = input.subject ?? letter.subject;
  const text = input.text ?? letter.text;
  const changed = edited(subject, letter.subject) || edited(text, letter.text);
  if (letter.editing === 'none' && changed) codes[edited(text, letter.text) ? 'text' : 'subject'] = 'invalid';
  if (letter.editing === 'required' && ownWords(text, letter.text) < ownWordsNeeded(letter.text)) {
    codes.text = 'too_similar';
  }
  if (Object.keys(codes).length) throw new ApiError('invalid_input', 'Some fields need attention.', { codes });
  const deliveries: LetterDelivery[] = found.targets.map((target) =>
    target.email
      ? { target: target.id, name: target.name, via: 'email' }
      : { target: target.id, name: target.name, via: 'form', contactForm: target.contactForm },
  );
  const record = {
    ...(await actionBase(c, campaign, input)),
    input: { ...input, subject, text },
    targets: found.targets.map((target) => ({ id: target.id, address: target.email?.toLowerCase() ?? null })),
    edited: changed,
  };
  const result = await c.get('options').store.recordLetter(record, (outcome) => {
    const body: LetterResult = { letter: { id: outcome.actionId }, ...actionResult(c, campaign, outcome), deliveries };
    return { status: outcome.pending ? 202 : outcome.duplicate ? 200 : 201, body };
  });
  return answer(c, result);
});
