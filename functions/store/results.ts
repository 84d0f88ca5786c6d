/**
 * Listening results: a survey's answers counted by the database (GROUP BY over the `answers` table, a row per
 * answer and per option chosen, written with each response by migration 12's triggers; never every response loaded
 * here), the open answers page by page, and the themes an organizer codes them with. The figures are raw here;
 * functions/listening/figures.ts decides what may be shown.
 */
import type { OpenAnswer } from '../../schema/results.ts';
import { type Db, marks, type Param, readTime } from './db.ts';
import { addTheme, type Coding, codeAnswers, deleteTheme, mergeThemes, renameTheme, themes } from './themes.ts';

/** Which responses count: every field optional, all of them must hold. */
export interface ResultsFilter {
  postcode?: string;
  canvasser?: string;
  turf?: string;
  /** The page origin the response came from: a partner's. */
  origin?: string;
  source?: string;
  /** UTC days, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
  /** Responses whose answer to `question` is (or, for a multiple choice, includes) one of `values`. */
  answers?: { question: string; values: string[] }[];
}

/** Which questions are counted by their answer: single, yes/no and scale (multiple choices count each option). */
export interface Counted {
  scalar: string[];
}

export interface Tally {
  responses: number;
  /** Responses with an answer, per question. */
  answered: Map<string, number>;
  /** Per question, per value (each option of a multiple choice counts on its own). */
  counts: Map<string, Map<string, number>>;
  /** The "Would you help?" options chosen. */
  help: Map<string, number>;
  /** Coded answers per theme id. */
  themes: Map<string, number>;
}

/** A time bound for `created_at` from a UTC day (YYYY-MM-DD), `days` later: an ISO instant both databases compare. */
const dayStart = (day: string, days = 0) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000).toISOString();

/**
 * The filter as SQL conditions on a response's own row `r` in `answers` (question ''), with their parameters. An
 * answer filter holds when one of the response's rows for that question has one of the values: a single choice's
 * answer, or one option of a multiple choice (its own row has no value). Choices are compared and counted by
 * `choice`, the value the indexes hold (migration 12).
 */
function conditions(campaign: string, filter: ResultsFilter): { where: string[]; params: Param[] } {
  const where: string[] = [];
  const params: Param[] = [];
  const add = (sql: string, ...values: Param[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (filter.postcode) {
    add(
      `EXISTS (SELECT 1 FROM actions x JOIN supporters s ON s.id = x.supporter_id
        WHERE x.id = r.action_id AND upper(s.postcode) = upper(?))`,
      filter.postcode,
    );
  }
  for (const key of ['canvasser', 'turf', 'origin', 'source'] as const) {
    if (filter[key]) add(`r.${key} = ?`, filter[key]);
  }
  if (filter.from) add(`r.created_at >= ?`, dayStart(filter.from));
  if (filter.to) add(`r.created_at < ?`, dayStart(filter.to, 1));
  for (const { question, values } of filter.answers ?? []) {
    // Not correlated: each database reads the few index entries once, not once per response.
    add(
      `r.action_id IN (SELECT f.action_id FROM answers f WHERE f.campaign = ? AND f.question = ?
        AND f.choice IN (${marks(values)}))`,
      campaign,
      question,
      ...values,
    );
  }
  return { where, params };
}

/** The survey's responses: their own rows in `answers`. */
const RESPONSES = `FROM answers r WHERE r.campaign = ? AND r.question = ''`;

/** The filtered responses' ids as a CTE `kept (action_id)`, with its parameters. */
export function responsesOf(campaign: string, filter: ResultsFilter): { sql: string; params: Param[] } {
  const { where, params } = conditions(campaign, filter);
  return {
    // The filter runs once (its ids are materialized); each count then reads the responses' rows by id.
    sql: `kept AS MATERIALIZED (SELECT r.action_id ${RESPONSES} ${where.map((w) => `AND ${w}`).join(' ')})`,
    params: [campaign, ...params],
  };
}

/**
 * Every figure of the results in one statement, one pass over the kept responses' rows: responses (their own
 * rows), answers per question, counts per value (questions in `counted.scalar` by their answer; multiple choices
 * and help by each option's row), and coded answers per theme.
 */
export async function tally(db: Db, campaign: string, filter: ResultsFilter, counted: Counted): Promise<Tally> {
  const base = responsesOf(campaign, filter);
  const scalar = counted.scalar.length ? marks(counted.scalar) : 'NULL';
  const rows = await db.all(
    `WITH ${base.sql}
     SELECT a.question, CASE WHEN a.item > 0 THEN 1 ELSE 0 END AS part,
       CASE WHEN a.item > 0 OR a.question IN (${scalar}) THEN a.choice END AS value, COUNT(*) AS n
     FROM kept JOIN answers a ON a.action_id = kept.action_id GROUP BY 1, 2, 3
     UNION ALL SELECT ':theme', 0, CAST(c.theme_id AS TEXT), COUNT(*) FROM kept JOIN answer_codes c
       ON c.action_id = kept.action_id GROUP BY c.theme_id`,
    ...base.params,
    ...counted.scalar,
  );
  const result: Tally = { responses: 0, answered: new Map(), counts: new Map(), help: new Map(), themes: new Map() };
  const count = (question: string, value: string, n: number) => {
    const counts = result.counts.get(question) ?? new Map<string, number>();
    counts.set(value, n);
    result.counts.set(question, counts);
  };
  for (const row of rows) {
    const n = Number(row.n);
    const [question, value] = [String(row.question), String(row.value)];
    if (question === '') result.responses = n;
    else if (question === ':theme') result.themes.set(value, n);
    else if (question === ':help') result.help.set(value, n);
    else if (Number(row.part) === 1) count(question, value, n);
    else {
      result.answered.set(question, (result.answered.get(question) ?? 0) + n);
      if (counted.scalar.includes(question)) count(question, value, n);
    }
  }
  return result;
}
/** How many responses each filter keeps, in one pass over the survey's responses. */
export async function countResponses(db: Db, campaign: string, filters: ResultsFilter[]): Promise<number[]> {
  if (!filters.length) return [];
  const each = filters.map((filter) => conditions(campaign, filter));
  const row = await db.get(
    `SELECT ${each
      .map(
        ({ where }, i) => `SUM(CASE WHEN ${where.length ? where.join(' AND ') : '1 = 1'} THEN 1 ELSE 0 END) AS n${i}`,
      )
      .join(', ')} ${RESPONSES}`,
    ...each.flatMap(({ params }) => params),
    campaign,
  );
  return filters.map((_, i) => Number(row?.[`n${i}`] ?? 0));
}

/**
 * Responses by their answers to two questions: `[valueOfA, valueOfB, n]`, each option of a multiple choice apart
 * (a row with a value is a single choice's answer or one option chosen).
 */
export async function crossTab(
  db: Db,
  campaign: string,
  filter: ResultsFilter,
  questions: [string, string],
): Promise<[string, string, number][]> {
  const base = responsesOf(campaign, filter);
  const rows = await db.all(
    `WITH ${base.sql} SELECT x0.choice AS va, x1.choice AS vb, COUNT(*) AS n FROM kept
     JOIN answers x0 ON x0.action_id = kept.action_id AND x0.question = ? AND x0.choice IS NOT NULL
     JOIN answers x1 ON x1.action_id = kept.action_id AND x1.question = ? AND x1.choice IS NOT NULL
     GROUP BY 1, 2`,
    ...base.params,
    ...questions,
  );
  return rows.map((row) => [String(row.va), String(row.vb), Number(row.n)]);
}

/** Text answers to `questions`, newest first, matching `search` (case-insensitive) if given. */
export async function openAnswers(
  db: Db,
  campaign: string,
  filter: ResultsFilter,
  questions: string[],
  search: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; answers: OpenAnswer[] }> {
  if (!questions.length) return { total: 0, answers: [] };
  const base = responsesOf(campaign, filter);
  const like = search ? `AND lower(a.value) LIKE ? ESCAPE '\\'` : '';
  const pattern = search ? [`%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`] : [];
  const from = `FROM kept JOIN answers a ON a.action_id = kept.action_id
    WHERE a.question IN (${marks(questions)}) AND a.item = 0 ${like}`;
  const params = [...base.params, ...questions, ...pattern];
  const total = await db.get(`WITH ${base.sql} SELECT COUNT(*) AS n ${from}`, ...params);
  const rows = await db.all(
    `WITH ${base.sql} SELECT a.action_id, a.question, a.value, a.created_at, a.canvasser, a.turf ${from}
     ORDER BY a.created_at DESC, a.action_id DESC, a.question LIMIT ? OFFSET ?`,
    ...params,
    page.limit,
    page.offset,
  );
  const ids = [...new Set(rows.map((row) => String(row.action_id)))];
  // The page's postcodes and codes, for its rows only.
  const [postcodes, codes] = ids.length
    ? await Promise.all([
        db.all(
          `SELECT x.id, s.postcode FROM actions x JOIN supporters s ON s.id = x.supporter_id WHERE x.id IN (${marks(ids)})`,
          ...ids,
        ),
        db.all(`SELECT action_id, question, theme_id FROM answer_codes WHERE action_id IN (${marks(ids)})`, ...ids),
      ])
    : [[], []];
  const postcode = new Map(
    postcodes.map((row) => [String(row.id), row.postcode == null ? null : String(row.postcode)]),
  );
  return {
    total: Number(total?.n ?? 0),
    answers: rows.map((row) => ({
      response: String(row.action_id),
      question: String(row.question),
      text: String(row.value),
      postcode: postcode.get(String(row.action_id)) ?? null,
      canvasser: row.canvasser == null ? null : String(row.canvasser),
      turf: row.turf == null ? null : String(row.turf),
      createdAt: readTime(row.created_at),
      themes: codes
        .filter((c) => String(c.action_id) === String(row.action_id) && c.question === row.question)
        .map((c) => String(c.theme_id)),
    })),
  };
}

/** Up to this many characters an answer is in the indexes too (`choice`, migration 12); longer ones only in `value`. */
const CHOICE_MAX = 500;
const indexed = (text: string) => [...text].length <= CHOICE_MAX;

/**
 * The text answers to `questions` as the database groups them: each distinct answer once with how many gave it,
 * most given first, a question at a time (memory holds one question's distinct answers, not the survey). Answers
 * up to 500 characters are grouped in the index alone; longer ones, rare, from the table.
 */
export async function* openTexts(
  db: Db,
  campaign: string,
  questions: string[],
): AsyncGenerator<{ question: string; text: string; n: number }[]> {
  for (const question of questions) {
    const rows = await db.all(
      `SELECT choice AS value, COUNT(*) AS n FROM answers WHERE campaign = ? AND question = ? AND choice IS NOT NULL
       GROUP BY choice
       UNION ALL SELECT value, COUNT(*) FROM answers
       WHERE campaign = ? AND question = ? AND choice IS NULL AND value IS NOT NULL GROUP BY value
       ORDER BY 2 DESC, 1`,
      campaign,
      question,
      campaign,
      question,
    );
    yield rows.map((row) => ({ question, text: String(row.value), n: Number(row.n) }));
  }
}

/**
 * Codes with `theme` every answer to `question` that is one of `texts` (a theme accepted from a suggestion), in a
 * statement per 500 texts; how many answers it coded. The answers are not touched.
 */
export async function codeTexts(
  db: Db,
  campaign: string,
  theme: string,
  question: string,
  texts: string[],
): Promise<number> {
  let coded = 0;
  // Answers up to 500 characters are found by the index (`choice`), longer ones by their whole text.
  const lists = [
    ['choice', texts.filter(indexed)],
    ['value', texts.filter((text) => !indexed(text))],
  ] as const;
  for (const [column, list] of lists) {
    for (let i = 0; i < list.length; i += 500) {
      const some = list.slice(i, i + 500);
      const rows = await db.all(
        `INSERT INTO answer_codes (theme_id, action_id, question, quote, created_at)
       SELECT t.id, a.action_id, a.question, false, ${db.dialect === 'postgres' ? 'CAST(? AS TIMESTAMPTZ)' : '?'}
       FROM themes t JOIN answers a ON a.campaign = t.campaign
       WHERE t.id = ? AND t.campaign = ? AND a.question = ? AND a.item = 0 AND a.${column} IN (${marks(some)})
       ON CONFLICT (theme_id, action_id, question) DO NOTHING RETURNING action_id`,
        new Date().toISOString(),
        theme,
        campaign,
        question,
        ...some,
      );
      coded += rows.length;
    }
  }
  return coded;
}

/** The verbs above and the themes' (themes.ts) bound to one database: the store's `listening`. */
export const listening = (db: Db) => ({
  tally: (campaign: string, filter: ResultsFilter, counted: Counted) => tally(db, campaign, filter, counted),
  countResponses: (campaign: string, filters: ResultsFilter[]) => countResponses(db, campaign, filters),
  crossTab: (campaign: string, filter: ResultsFilter, questions: [string, string]) =>
    crossTab(db, campaign, filter, questions),
  openAnswers: (
    campaign: string,
    filter: ResultsFilter,
    questions: string[],
    search: string,
    page: { limit: number; offset: number },
  ) => openAnswers(db, campaign, filter, questions, search, page),
  openTexts: (campaign: string, questions: string[]) => openTexts(db, campaign, questions),
  codeTexts: (campaign: string, theme: string, question: string, texts: string[]) =>
    codeTexts(db, campaign, theme, question, texts),
  themes: (campaign: string) => themes(db, campaign),
  addTheme: (campaign: string, label: string) => addTheme(db, campaign, label),
  renameTheme: (campaign: string, id: string, label: string) => renameTheme(db, campaign, id, label),
  mergeThemes: (campaign: string, from: string, into: string) => mergeThemes(db, campaign, from, into),
  deleteTheme: (campaign: string, id: string) => deleteTheme(db, campaign, id),
  codeAnswers: (campaign: string, codings: Coding[]) => codeAnswers(db, campaign, codings),
});
export type Listening = ReturnType<typeof listening>;
