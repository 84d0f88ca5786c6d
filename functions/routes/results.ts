/**
 * Listening results. For organizers (admin token, like every admin route; guarded once, below):
 * `GET /api/admin/campaigns/<slug>/results[.csv]` (figures under filters, an optional cross-tab, themes),
 * `…/results/answers` (open answers to read and code), `…/results/suggestions` (suggested themes), and the themes
 * themselves (`POST …/themes`, `PATCH|DELETE …/themes/<id>`, `POST …/themes/<id>/merge`, `PUT …/codes`).
 * For everyone, when the campaign says `results: public`: `GET /api/campaigns/<slug>/results`, unfiltered.
 * The figures pass through listening/figures.ts: no group under 5 anywhere.
 */
import { idOf, UUID } from './ids.ts';
import { stringify } from 'csv-stringify/sync';
import type { Context } from 'hono';
import { Hono } from 'hono';
import * as z from 'zod';
import type { CampaignEntry } from '../../schema/campaign.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import {
  allQuestions,
  figures,
  type Figures,
  hide,
  hideCells,
  isOpen,
  valuesOf,
  withoutEachPart,
} from '../listening/figures.ts';
import { keysOf, suggestThemes } from '../listening/themes.ts';
import { adminOnly } from '../middleware/admin.ts';
import { limitBody, readJson } from '../middleware/json-body.ts';
import type { ResultsFilter } from '../store/results.ts';

type Survey = Extract<CampaignEntry, { kind: 'survey' }>;
type Ctx = Context<AppEnv>;

/** The organizers' routes: all behind the admin token, here in one place. */
export const adminResults = new Hono<AppEnv>();
adminResults.use('*', adminOnly);

/** Everyone's: only what a campaign made public. */
export const publicResults = new Hono<AppEnv>();

function surveyOf(c: Ctx): Survey {
  const campaign = c.get('options').catalog.get(c.req.param('slug') ?? '');
  if (!campaign || campaign.kind !== 'survey') throw new ApiError('not_found', 'No such survey.');
  return campaign;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `?postcode= &canvasser= &turf= &partner= &source= &from= &to=` and `?answer=<question>:<value>` (repeatable; one
 * question's values together mean either). Unknown questions or values are a 422, not an empty result.
 */
function filterOf(c: Ctx, survey: Survey): ResultsFilter {
  const q = (name: string) => c.req.query(name)?.trim() || undefined;
  const codes: Record<string, 'invalid'> = {};
  const filter: ResultsFilter = {
    postcode: survey.survey.anonymous ? undefined : q('postcode'),
    canvasser: q('canvasser'),
    turf: q('turf'),
    origin: q('partner'),
    source: q('source'),
    from: q('from'),
    to: q('to'),
  };
  if (survey.survey.anonymous && q('postcode')) codes.postcode = 'invalid';
  for (const key of ['from', 'to'] as const) if (filter[key] && !DAY.test(filter[key]!)) codes[key] = 'invalid';
  const questions = new Map(allQuestions(survey.survey).map((question) => [question.id, question]));
  const answers = new Map<string, string[]>();
  for (const given of c.req.queries('answer') ?? []) {
    const [id, value] = [given.slice(0, given.indexOf(':')), given.slice(given.indexOf(':') + 1)];
    const question = questions.get(id);
    if (!question || isOpen(question) || !valuesOf(question).includes(value)) codes.answer = 'invalid';
    else answers.set(id, [...(answers.get(id) ?? []), value]);
  }
  if (Object.keys(codes).length) throw new ApiError('invalid_input', 'Some filters need attention.', { codes });
  filter.answers = [...answers].map(([question, values]) => ({ question, values }));
  return filter;
}

/** The figures under `filter`, with every privacy rule applied. */
async function figuresOf(c: Ctx, survey: Survey, filter: ResultsFilter): Promise<Figures> {
  const { listening } = c.get('options').store;
  const questions = allQuestions(survey.survey);
  const ids = (keep: (q: (typeof questions)[number]) => boolean) => questions.filter(keep).map((q) => q.id);
  const counted = { scalar: ids((q) => !isOpen(q) && q.type !== 'multiple') };
  const tally = await listening.tally(survey.slug, filter, counted);
  const shownBy = new Map<string, number>();
  let dropped: number[] = [];
  if (tally.responses >= 5) {
    // Who was asked each question with `showIf`, and the groups rule 2 compares with: counted in one statement.
    const conditional = questions.filter((q) => q.showIf);
    const asked = conditional.map((question) => {
      const { question: id, equals } = question.showIf!;
      return { ...filter, answers: [...(filter.answers ?? []), { question: id, values: [equals].flat() }] };
    });
    const parts = withoutEachPart(filter);
    const counts = await listening.countResponses(survey.slug, [...asked, ...parts]);
    conditional.forEach((question, i) => shownBy.set(question.id, counts[i]));
    dropped = counts.slice(asked.length);
  }
  return figures(survey.survey, tally, shownBy, dropped);
}

/** A cross-tab of two choice questions, its small cells hidden along rows and columns. */
async function crossTabOf(c: Ctx, survey: Survey, filter: ResultsFilter, tooFew: boolean) {
  const [a, b] = [c.req.query('rows'), c.req.query('columns')];
  if (!a && !b) return undefined;
  const questions = new Map(allQuestions(survey.survey).map((question) => [question.id, question]));
  const [qa, qb] = [questions.get(a ?? ''), questions.get(b ?? '')];
  if (!qa || !qb || isOpen(qa) || isOpen(qb) || qa.id === qb.id) {
    throw new ApiError('invalid_input', 'Choose two different questions with options.', {
      codes: { [!qa || isOpen(qa) ? 'rows' : 'columns']: 'invalid' },
    });
  }
  const [rows, columns] = [valuesOf(qa), valuesOf(qb)];
  if (tooFew) return { rows: qa.id, columns: qb.id, cells: null };
  const raw = await c.get('options').store.listening.crossTab(survey.slug, filter, [qa.id, qb.id]);
  const count = new Map(raw.map(([va, vb, n]) => [`${va}\u0000${vb}`, n]));
  const cells: Record<string, Record<string, number | null>> = {};
  for (const row of rows) {
    const line = new Map(columns.map((column) => [column, count.get(`${row}\u0000${column}`) ?? 0]));
    cells[row] = hideCells(columns, line, qb.type !== 'multiple');
  }
  // A column's total is on the other question's chart: hide one more there too when one alone is hidden.
  if (qa.type !== 'multiple') {
    for (const column of columns) {
      const hidden = rows.filter((row) => cells[row][column] === null);
      if (hidden.length !== 1) continue;
      const next = rows
        .filter((row) => (cells[row][column] ?? 0) > 0)
        .sort((x, y) => cells[x][column]! - cells[y][column]!)[0];
      if (next) cells[next][column] = null;
    }
  }
  return { rows: qa.id, columns: qb.id, cells };
}

adminResults.get('/campaigns/:slug/results', async (c) => {
  const survey = surveyOf(c);
  const filter = filterOf(c, survey);
  const result = await figuresOf(c, survey, filter);
  const themes = (await c.get('options').store.listening.themes(survey.slug)).map(({ id, label }) => ({
    id,
    label,
    count: result.tooFew ? null : (result.themes[id] ?? 0),
  }));
  const crossTab = await crossTabOf(c, survey, filter, result.tooFew);
  const { themes: _counted, ...figures } = result;
  return c.json({ ...figures, themes, ...(crossTab ? { crossTab } : {}) });
});

const cell = (n: number | null | undefined) => (n === null ? 'too few to show' : String(n ?? ''));

/** The same figures for spreadsheets: one line per question and value. */
adminResults.get('/campaigns/:slug/results.csv', async (c) => {
  const survey = surveyOf(c);
  const result = await figuresOf(c, survey, filterOf(c, survey));
  const lines: string[][] = [['responses', '', '', cell(result.responses)]];
  for (const question of allQuestions(survey.survey)) {
    const f = result.questions[question.id];
    lines.push([question.id, 'shown', '', cell(f?.shown)], [question.id, 'answered', '', cell(f?.answered)]);
    for (const [value, n] of Object.entries(f?.counts ?? {})) lines.push([question.id, 'count', value, cell(n)]);
    if (f && 'median' in f) lines.push([question.id, 'median', '', cell(f.median)]);
  }
  for (const [value, n] of Object.entries(result.help)) lines.push(['help', 'count', value, cell(n)]);
  for (const theme of await c.get('options').store.listening.themes(survey.slug)) {
    lines.push(['theme', 'count', theme.label, result.tooFew ? cell(null) : cell(result.themes[theme.id] ?? 0)]);
  }
  // A value or label that starts like a formula stays text (admin.ts's export does the same).
  const safe = lines.map((line) => line.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${survey.slug}-results.csv"`);
  return c.body(`\uFEFF${stringify(safe, { header: true, columns: ['question', 'figure', 'value', 'n'] })}`);
});

const openQuestions = (survey: Survey) => allQuestions(survey.survey).filter(isOpen);

/** Open answers to read and code: the question, the answer, area, date, canvasser; 50 at a time. */
adminResults.get('/campaigns/:slug/results/answers', async (c) => {
  const survey = surveyOf(c);
  const filter = filterOf(c, survey);
  const { listening } = c.get('options').store;
  // The open answers are individual: under a filter that could single someone out, none are listed either.
  if ((await figuresOf(c, survey, filter)).tooFew) return c.json({ tooFew: true, total: null, answers: [] });
  const question = c.req.query('question');
  const questions = openQuestions(survey)
    .map((q) => q.id)
    .filter((id) => !question || id === question);
  const offset = Math.max(0, Number.parseInt(c.req.query('offset') ?? '0', 10) || 0);
  const search = (c.req.query('q') ?? '').trim().slice(0, 100);
  const found = await listening.openAnswers(survey.slug, filter, questions, search, { limit: 50, offset });
  // Anonymous surveys stay anonymous: no postcode next to an answer.
  const answers = survey.survey.anonymous ? found.answers.map((a) => ({ ...a, postcode: null })) : found.answers;
  return c.json({ tooFew: false, total: found.total, answers });
});

/** Themes Ladder suggests from the open answers, in each answer's language. */
adminResults.get('/campaigns/:slug/results/suggestions', async (c) => {
  const survey = surveyOf(c);
  const questions = openQuestions(survey).map((q) => q.id);
  const texts = c.get('options').store.listening.openTexts(survey.slug, questions);
  return c.json({ suggestions: await suggestThemes(texts, survey.lang) });
});

const Label = z.string().trim().min(1, 'required').max(80, 'too_long');
const NewTheme = z.object({ label: Label, match: z.string().max(200).optional() });

/** A theme, written by the organizer or accepted from a suggestion (`match`: its key codes every answer holding it). */
adminResults.post('/campaigns/:slug/themes', limitBody, async (c) => {
  const survey = surveyOf(c);
  const { label, match } = await readJson(c, NewTheme);
  const { listening } = c.get('options').store;
  const id = await listening.addTheme(survey.slug, label);
  let coded = 0;
  if (match) {
    // Each distinct answer is read (and its words found) once; the database codes every response that gave it.
    for await (const batch of listening.openTexts(
      survey.slug,
      openQuestions(survey).map((q) => q.id),
    )) {
      const texts = batch.filter(({ text }) => keysOf(text, survey.lang).has(match)).map(({ text }) => text);
      if (texts.length) coded += await listening.codeTexts(survey.slug, id, batch[0].question, texts);
    }
  }
  return c.json({ id, label, coded }, 201);
});

adminResults.patch('/campaigns/:slug/themes/:id', limitBody, async (c) => {
  const survey = surveyOf(c);
  const { label } = await readJson(c, z.object({ label: Label }));
  if (!(await c.get('options').store.listening.renameTheme(survey.slug, idOf(c, 'theme'), label))) {
    throw new ApiError('not_found', 'No such theme.');
  }
  return c.json({ ok: true });
});

adminResults.delete('/campaigns/:slug/themes/:id', async (c) => {
  const survey = surveyOf(c);
  if (!(await c.get('options').store.listening.deleteTheme(survey.slug, idOf(c, 'theme')))) {
    throw new ApiError('not_found', 'No such theme.');
  }
  return c.json({ ok: true });
});

adminResults.post('/campaigns/:slug/themes/:id/merge', limitBody, async (c) => {
  const survey = surveyOf(c);
  const { into } = await readJson(c, z.object({ into: z.string().regex(UUID) }));
  if (!(await c.get('options').store.listening.mergeThemes(survey.slug, idOf(c, 'theme'), into))) {
    throw new ApiError('not_found', 'No such theme.');
  }
  return c.json({ ok: true });
});

const Codes = z.object({
  codes: z
    .array(
      z.object({
        response: z.string().regex(UUID),
        question: z.string().max(64),
        theme: z.string().regex(UUID),
        coded: z.boolean(),
        quote: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(200),
});

/** Codes answers with themes (or takes a code off); `quote` picks one for the public page. Answers never change. */
adminResults.put('/campaigns/:slug/codes', limitBody, async (c) => {
  const survey = surveyOf(c);
  const { codes } = await readJson(c, Codes);
  const open = new Set(openQuestions(survey).map((q) => q.id));
  if (codes.some((code) => !open.has(code.question))) {
    throw new ApiError('invalid_input', 'Only open answers are coded.', { codes: { question: 'invalid' } });
  }
  if (!(await c.get('options').store.listening.codeAnswers(survey.slug, codes))) {
    throw new ApiError('not_found', 'No such theme or response.');
  }
  return c.json({ ok: true });
});

/** A survey's public results: unfiltered figures, themes with their counts and the quotes the organizer picked. */
publicResults.get('/:slug/results', async (c) => {
  const survey = surveyOf(c);
  if (survey.results !== 'public') throw new ApiError('not_found', 'These results are not public.');
  const result = await figuresOf(c, survey, {});
  const themes = result.tooFew
    ? []
    : (await c.get('options').store.listening.themes(survey.slug))
        .map((theme) => ({ label: theme.label, count: hide(result.themes[theme.id] ?? 0), quotes: theme.quotes }))
        .filter((theme) => theme.count !== 0);
  c.header('Cache-Control', 'public, max-age=60');
  const { themes: _counted, ...figures } = result;
  // A theme too small to count shows no quotes either.
  const shown = themes.map((t) => ({ ...t, quotes: t.count === null ? [] : t.quotes.map((q) => q.text) }));
  return c.json({ ...figures, themes: shown });
});
