/** `POST /api/campaigns/:slug/letters`: one letter to each of the supporter's targets. */
import { type Context, Hono } from 'hono';
import * as z from 'zod';
import { type LetterDelivery, LetterInput, type LetterResult } from '../../schema/actions.ts';
import type { ApiFieldIssue } from '../../schema/errors.ts';
import { edited, ownWords, ownWordsNeeded } from '../../schema/letter.ts';
import { type Lang, LANGS, LIMITS } from '../../schema/limits.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { adminOnly } from '../middleware/admin.ts';
import { campaignRoute } from '../middleware/campaign.ts';
import { limitBody, readJson } from '../middleware/json-body.ts';
import { letterWords } from '../outbox/letter-messages.ts';
import { letterSecret, verifyChoice } from '../outbox/letters.ts';
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
    // A letter goes to the target in the writer's name, with Reply-To their address: it leaves only once the
    // address's owner followed the link sent to it for this letter, whatever the campaign's doubleOptIn.
    doubleOptIn: 'always' as const,
    input: { ...input, subject, text },
    targets: found.targets.map((target) => ({ id: target.id, address: target.email?.toLowerCase() ?? null })),
    edited: changed,
  };
  const result = await c.get('options').store.recordLetter(record, (outcome) => {
    const result = actionResult(c, campaign, outcome);
    // Held only until its writer confirms the address it goes out from: the letter is written, so the next ask is
    // offered now, as after the other kinds (an action held by the campaign's doubleOptIn gets it on confirming).
    if (outcome.pending) result.nextAsk = actionResult(c, campaign, { ...outcome, pending: false }).nextAsk;
    const body: LetterResult = { letter: { id: outcome.actionId }, ...result, deliveries };
    return { status: outcome.pending ? 202 : outcome.duplicate ? 200 : 201, body };
  });
  return answer(c, result);
});

/**
 * `GET /api/letters/choice?a=&c=&s=[&l=]`: the office's link from a letter, a page with one button (mail scanners
 * open links: nothing changes on GET); `POST` the same fields: the choice ("digest" or "stop") is kept for the
 * address, and the organizer sees it. A signature that is not ours for this address and choice: 403.
 */
export const letterChoice = new Hono<AppEnv>();

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const page = (lang: Lang, body: string) => {
  const { heading } = letterWords(lang).confirm;
  return (
    `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${heading}</title></head>` +
    `<body><main><h1>${heading}</h1>${body}</main></body></html>`
  );
};

async function readChoice(c: Context<AppEnv>, fields: Record<string, string | undefined>) {
  const { a = '', c: choice = '', s = '', l = '' } = fields;
  const lang: Lang = (LANGS as readonly string[]).includes(l) ? (l as Lang) : 'en';
  const valid =
    (choice === 'digest' || choice === 'stop') &&
    a.length <= LIMITS.email &&
    (await verifyChoice(await letterSecret(c.get('options').store), a, choice, s));
  return { address: a, choice: choice as 'digest' | 'stop', signature: s, lang, valid };
}

letterChoice.get('/choice', async (c) => {
  const found = await readChoice(c, c.req.query());
  const words = letterWords(found.lang).confirm;
  if (!found.valid) return c.html(page(found.lang, `<p>${words.invalid}</p>`), 403);
  const hidden = Object.entries({ a: found.address, c: found.choice, s: found.signature, l: found.lang })
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`)
    .join('');
  return c.html(
    page(
      found.lang,
      `<p>${escape(found.address)}</p><p>${words[found.choice]}</p>` +
        `<form method="post">${hidden}<button type="submit">${words.button}</button></form>`,
    ),
  );
});

letterChoice.post('/choice', async (c) => {
  const form = await c.req.parseBody();
  const found = await readChoice(c, Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)])));
  const words = letterWords(found.lang).confirm;
  if (!found.valid) return c.html(page(found.lang, `<p>${words.invalid}</p>`), 403);
  await c.get('options').store.setLetterChoice(found.address, found.choice, new Date());
  return c.html(page(found.lang, `<p>${words.done}</p>`));
});

/**
 * For organizers (admin token or account): `GET /api/admin/campaigns/<slug>/letters`, the letters by target
 * (delivered, waiting, bounced, handed to the supporter, stopped) with each office's choice and last hard bounce;
 * `POST /api/admin/letters/bounces` `{ messageId, kind: hard | soft | complaint, reason? }`, a bounce or complaint
 * reported for a message (by the mail provider's webhook relay or by hand).
 */
export const letterAdmin = new Hono<AppEnv>();
letterAdmin.use('/campaigns/:slug/letters', adminOnly);
letterAdmin.use('/letters/*', adminOnly);

letterAdmin.get('/campaigns/:slug/letters', async (c) => {
  const { catalog, store } = c.get('options');
  const campaign = catalog.get(c.req.param('slug'));
  if (campaign?.kind !== 'letter') throw new ApiError('not_found', 'No such letter campaign.');
  const book = catalog.targets(campaign.slug)!;
  const totals = await store.letterTotals(campaign.slug);
  const targets = totals.map((total) => ({
    ...total,
    name: book.targets.find((target) => target.id === total.target)?.name ?? total.target,
  }));
  return c.json({ targets });
});

const Bounce = z.object({
  messageId: z.string().min(3).max(500),
  kind: z.enum(['hard', 'soft', 'complaint'], { error: 'invalid' }),
  reason: z.string().max(500).default(''),
});

letterAdmin.post('/letters/bounces', limitBody, async (c) => {
  const { messageId, kind, reason } = await readJson(c, Bounce);
  const found = await c.get('options').store.letterBounce(messageId, kind, reason, new Date());
  if (!found) throw new ApiError('not_found', `No letter went with ${messageId}.`);
  return c.json({ ok: true });
});
