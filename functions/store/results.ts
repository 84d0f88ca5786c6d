/**
 * Listening results: a survey's answers counted by the database (GROUP BY over the answers read from each
 * response's `details` JSON, never every response loaded here), the open answers page by page, and the themes an
 * organizer codes them with. The figures are raw here; functions/listening/privacy.ts decides what may be shown.
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
  answers?: { question: string; values: string[]; multiple: boolean }[];
}

/** Which questions are counted by value: single, yes/no and scale (`scalar`), multiple choices (`multiple`). */
export interface Counted {
  scalar: string[];
  multiple: string[];
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

/** A text field of the details' `canvass` object. */
const canvass = (db: Db, field: 'canvasser' | 'turf') =>
  db.dialect === 'postgres' ? `(r.details #>> '{canvass,${field}}')` : `json_extract(r.details, '$.canvass.${field}')`;

/** One answer of response `r` as text, read by its path (the parameter is `pathOf(question)`). */
const answerText = (db: Db) =>
  db.dialect === 'postgres' ? `(r.details -> 'answers' ->> ?)` : `CAST(json_extract(r.details, ?) AS TEXT)`;
/** The options chosen in a multiple choice of response `r`, as rows `${alias}.value`. */
const answerItems = (db: Db, alias: string) =>
  db.dialect === 'postgres'
    ? `jsonb_array_elements_text(r.details -> 'answers' -> ?) ${alias}(value)`
    : `json_each(r.details, ?) ${alias}`;
/** Question ids are letters, digits, - and _ (schema/authoring.ts): quoted in the JSON path for the dash. */
const pathOf = (db: Db, question: string) => (db.dialect === 'postgres' ? question : `$.answers."${question}"`);

/** The filtered responses as CTEs, `r (id, details, created_at, supporter_id)` the last, with their parameters. */
/** The filter as SQL conditions on `actions r` (and `supporters s`), with their parameters. */
function conditions(db: Db, filter: ResultsFilter): { where: string[]; params: Param[] } {
  const where: string[] = [];
  const params: Param[] = [];
  const add = (sql: string, ...values: Param[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (filter.postcode) add(`upper(s.postcode) = upper(?)`, filter.postcode);
  if (filter.canvasser) add(`${canvass(db, 'canvasser')} = ?`, filter.canvasser);
  if (filter.turf) add(`${canvass(db, 'turf')} = ?`, filter.turf);
  if (filter.origin) add(`r.origin = ?`, filter.origin);
  if (filter.source) add(`r.source = ?`, filter.source);
  if (filter.from) add(`${db.day('r.created_at')} >= ?`, filter.from);
  if (filter.to) add(`${db.day('r.created_at')} <= ?`, filter.to);
  for (const { question, values, multiple } of filter.answers ?? []) {
    const path = pathOf(db, question);
    if (multiple)
      add(`EXISTS (SELECT 1 FROM ${answerItems(db, 'fe')} WHERE fe.value IN (${marks(values)}))`, path, ...values);
    else add(`${answerText(db)} IN (${marks(values)})`, path, ...values);
  }
  return { where, params };
}

const SURVEY_RESPONSES = `FROM actions r LEFT JOIN supporters s ON s.id = r.supporter_id
  WHERE r.campaign = ? AND r.kind = 'response' AND r.details IS NOT NULL`;

/** The filtered responses as CTEs, `r (id, details, created_at, supporter_id)` the last, with their parameters. */
export function responsesOf(db: Db, campaign: string, filter: ResultsFilter): { sql: string; params: Param[] } {
  const { where, params } = conditions(db, filter);
  return {
    // The filter runs once (its ids are materialized); each pass over the answers then reads the rows by id.
    sql: `kept AS MATERIALIZED (SELECT r.id ${SURVEY_RESPONSES} ${where.map((w) => `AND ${w}`).join(' ')}),
      r AS (SELECT r.id, r.details, r.created_at, r.supporter_id FROM kept JOIN actions r ON r.id = kept.id)`,
    params: [campaign, ...params],
  };
}

/**
 * Every figure of the results in one statement: responses; answers per question and value in one pass over the
 * answers (multiple choices and text count as answered there, their options in a pass each); help; themes.
 */
export async function tally(db: Db, campaign: string, filter: ResultsFilter, counted: Counted): Promise<Tally> {
  const base = responsesOf(db, campaign, filter);
  const pg = db.dialect === 'postgres';
  const each = pg ? `jsonb_each(r.details -> 'answers') a` : `json_each(r.details, '$.answers') a`;
  const text = pg ? `a.value #>> '{}'` : `CAST(a.value AS TEXT)`;
  const scalar = counted.scalar.length ? marks(counted.scalar) : 'NULL';
  const multiple = counted.multiple.map(
    () => `UNION ALL SELECT 'value', ?, ${pg ? 'e.value' : 'CAST(e.value AS TEXT)'}, COUNT(*)
      FROM r CROSS JOIN ${answerItems(db, 'e')} GROUP BY 3`,
  );
  const help = pg ? `jsonb_array_elements_text(r.details -> 'help') h(value)` : `json_each(r.details, '$.help') h`;
  const rows = await db.all(
    `WITH ${base.sql}
     SELECT 'responses' AS part, '' AS question, '' AS value, COUNT(*) AS n FROM r
     UNION ALL SELECT 'answer', a.key, CASE WHEN a.key IN (${scalar}) THEN ${text} ELSE '' END, COUNT(*)
       FROM r CROSS JOIN ${each} GROUP BY 2, 3
     ${multiple.join('\n')}
     UNION ALL SELECT 'help', '', ${pg ? 'h.value' : 'CAST(h.value AS TEXT)'}, COUNT(*) FROM r CROSS JOIN ${help} GROUP BY 3
     UNION ALL SELECT 'theme', CAST(c.theme_id AS TEXT), '', COUNT(*) FROM r JOIN answer_codes c ON c.action_id = r.id
       GROUP BY c.theme_id`,
    ...base.params,
    ...counted.scalar,
    ...counted.multiple.flatMap((q) => [q, pathOf(db, q)]),
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
    if (row.part === 'responses') result.responses = n;
    else if (row.part === 'help') result.help.set(value, n);
    else if (row.part === 'theme') result.themes.set(question, n);
    else if (row.part === 'value') count(question, value, n);
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
  const each = filters.map((filter) => conditions(db, filter));
  const row = await db.get(
    `SELECT ${each
      .map(
        ({ where }, i) => `SUM(CASE WHEN ${where.length ? where.join(' AND ') : '1 = 1'} THEN 1 ELSE 0 END) AS n${i}`,
      )
      .join(', ')} ${SURVEY_RESPONSES}`,
    ...each.flatMap(({ params }) => params),
    campaign,
  );
  return filters.map((_, i) => Number(row?.[`n${i}`] ?? 0));
}

/** Responses by their answers to two questions: `[valueOfA, valueOfB, n]`, each option of a multiple choice apart. */
export async function crossTab(
  db: Db,
  campaign: string,
  filter: ResultsFilter,
  questions: [{ id: string; multiple: boolean }, { id: string; multiple: boolean }],
): Promise<[string, string, number][]> {
  const base = responsesOf(db, campaign, filter);
  const sides = questions.map((q, i) =>
    q.multiple
      ? {
          value: db.dialect === 'postgres' ? `x${i}.value` : `CAST(x${i}.value AS TEXT)`,
          valueParams: [],
          from: ` CROSS JOIN ${answerItems(db, `x${i}`)}`,
          fromParams: [pathOf(db, q.id)],
        }
      : { value: answerText(db), valueParams: [pathOf(db, q.id)], from: '', fromParams: [] },
  );
  const rows = await db.all(
    `WITH ${base.sql} SELECT ${sides[0].value} AS va, ${sides[1].value} AS vb, COUNT(*) AS n
     FROM r${sides[0].from}${sides[1].from} GROUP BY 1, 2`,
    ...base.params,
    ...sides.flatMap((side) => side.valueParams),
    ...sides.flatMap((side) => side.fromParams),
  );
  return rows
    .filter((row) => row.va != null && row.vb != null)
    .map((row) => [String(row.va), String(row.vb), Number(row.n)]);
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
  const base = responsesOf(db, campaign, filter);
  const text = db.dialect === 'postgres' ? `a.value #>> '{}'` : `CAST(a.value AS TEXT)`;
  const each =
    db.dialect === 'postgres' ? `jsonb_each(r.details -> 'answers') a` : `json_each(r.details, '$.answers') a`;
  const like = search ? `AND lower(${text}) LIKE ? ESCAPE '\\'` : '';
  const pattern = search ? [`%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`] : [];
  const from = `FROM r CROSS JOIN ${each} WHERE a.key IN (${marks(questions)}) ${like}`;
  const total = await db.get(`WITH ${base.sql} SELECT COUNT(*) AS n ${from}`, ...base.params, ...questions, ...pattern);
  const rows = await db.all(
    `WITH ${base.sql} SELECT r.id, a.key AS question, ${text} AS text, s.postcode, r.created_at,
       ${canvass(db, 'canvasser')} AS canvasser, ${canvass(db, 'turf')} AS turf
     ${from.replace('FROM r', 'FROM r LEFT JOIN supporters s ON s.id = r.supporter_id')}
     ORDER BY r.created_at DESC, r.id DESC, a.key LIMIT ? OFFSET ?`,
    ...base.params,
    ...questions,
    ...pattern,
    page.limit,
    page.offset,
  );
  const codes = rows.length
    ? await db.all(
        `SELECT c.action_id, c.question, c.theme_id FROM answer_codes c WHERE c.action_id IN (${marks(rows)})`,
        ...rows.map((row) => String(row.id)),
      )
    : [];
  return {
    total: Number(total?.n ?? 0),
    answers: rows.map((row) => ({
      response: String(row.id),
      question: String(row.question),
      text: String(row.text),
      postcode: row.postcode == null ? null : String(row.postcode),
      canvasser: row.canvasser == null ? null : String(row.canvasser),
      turf: row.turf == null ? null : String(row.turf),
      createdAt: readTime(row.created_at),
      themes: codes
        .filter((c) => String(c.action_id) === String(row.id) && c.question === row.question)
        .map((c) => String(c.theme_id)),
    })),
  };
}

/**
 * The text answers to `questions`, a batch at a time in the order of the responses' ids, for theme suggestion:
 * memory holds one batch, not the survey.
 */
export async function* openTexts(
  db: Db,
  campaign: string,
  questions: string[],
  batch = 2000,
): AsyncGenerator<{ response: string; question: string; text: string }[]> {
  if (!questions.length) return;
  const text = db.dialect === 'postgres' ? `a.value #>> '{}'` : `CAST(a.value AS TEXT)`;
  const each =
    db.dialect === 'postgres' ? `jsonb_each(r.details -> 'answers') a` : `json_each(r.details, '$.answers') a`;
  let after = db.dialect === 'postgres' ? '00000000-0000-0000-0000-000000000000' : '';
  for (;;) {
    const ids = await db.all(
      `SELECT id FROM actions WHERE campaign = ? AND kind = 'response' AND details IS NOT NULL AND id > ?
       ORDER BY id LIMIT ?`,
      campaign,
      after,
      batch,
    );
    if (!ids.length) return;
    const last = String(ids.at(-1)!.id);
    const rows = await db.all(
      `SELECT r.id, a.key AS question, ${text} AS text FROM actions r CROSS JOIN ${each}
       WHERE r.campaign = ? AND r.kind = 'response' AND r.details IS NOT NULL AND r.id > ? AND r.id <= ?
       AND a.key IN (${marks(questions)})`,
      campaign,
      after,
      last,
      ...questions,
    );
    yield rows.map((row) => ({ response: String(row.id), question: String(row.question), text: String(row.text) }));
    after = last;
  }
}

/** The verbs above and the themes' (themes.ts) bound to one database: the store's `listening`. */
export const listening = (db: Db) => ({
  tally: (campaign: string, filter: ResultsFilter, counted: Counted) => tally(db, campaign, filter, counted),
  countResponses: (campaign: string, filters: ResultsFilter[]) => countResponses(db, campaign, filters),
  crossTab: (
    campaign: string,
    filter: ResultsFilter,
    questions: [{ id: string; multiple: boolean }, { id: string; multiple: boolean }],
  ) => crossTab(db, campaign, filter, questions),
  openAnswers: (
    campaign: string,
    filter: ResultsFilter,
    questions: string[],
    search: string,
    page: { limit: number; offset: number },
  ) => openAnswers(db, campaign, filter, questions, search, page),
  openTexts: (campaign: string, questions: string[]) => openTexts(db, campaign, questions),
  themes: (campaign: string) => themes(db, campaign),
  addTheme: (campaign: string, label: string) => addTheme(db, campaign, label),
  renameTheme: (campaign: string, id: string, label: string) => renameTheme(db, campaign, id, label),
  mergeThemes: (campaign: string, from: string, into: string) => mergeThemes(db, campaign, from, into),
  deleteTheme: (campaign: string, id: string) => deleteTheme(db, campaign, id),
  codeAnswers: (campaign: string, codings: Coding[]) => codeAnswers(db, campaign, codings),
});
export type Listening = ReturnType<typeof listening>;
