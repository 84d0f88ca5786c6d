/**
 * Listening results: a survey's answers counted by the database (GROUP BY over the answers exploded from each
 * response's `details` JSON, never every response loaded here), the open answers page by page, and the themes an
 * organizer codes them with. The figures are raw here; functions/listening/privacy.ts decides what may be shown.
 */
import { type Db, marks, type Param, readTime } from './db.ts';
import { newId } from './ids.ts';

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

export interface OpenAnswer {
  response: string;
  question: string;
  text: string;
  postcode: string | null;
  canvasser: string | null;
  turf: string | null;
  createdAt: string;
  themes: string[];
}

export interface Theme {
  id: string;
  label: string;
  count: number;
  quotes: { response: string; question: string; text: string }[];
}

/** The answers of response `r` as rows `(key, value)`: one per option of a multiple choice, text for all. */
function explode(db: Db, a: string, e: string) {
  return db.dialect === 'postgres'
    ? {
        from: `jsonb_each(r.details -> 'answers') ${a} LEFT JOIN LATERAL jsonb_array_elements_text(
          CASE WHEN jsonb_typeof(${a}.value) = 'array' THEN ${a}.value ELSE '[]'::jsonb END) ${e}(value) ON true`,
        value: `COALESCE(${e}.value, ${a}.value #>> '{}')`,
      }
    : {
        from: `json_each(r.details, '$.answers') ${a}
          LEFT JOIN json_each(CASE WHEN ${a}.type = 'array' THEN ${a}.value ELSE '[]' END) ${e}`,
        value: `CAST(COALESCE(${e}.value, ${a}.value) AS TEXT)`,
      };
}

/** A text field of the details' `canvass` object. */
const canvass = (db: Db, field: 'canvasser' | 'turf') =>
  db.dialect === 'postgres' ? `(r.details #>> '{canvass,${field}}')` : `json_extract(r.details, '$.canvass.${field}')`;

/** The filtered responses as a CTE `r (id, details, created_at, supporter_id)`, with its parameters. */
export function responsesOf(db: Db, campaign: string, filter: ResultsFilter): { sql: string; params: Param[] } {
  const where = [`r.campaign = ?`, `r.kind = 'response'`, `r.details IS NOT NULL`];
  const params: Param[] = [campaign];
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
  for (const { question, values } of filter.answers ?? []) {
    const x = explode(db, 'fa', 'fe');
    add(`EXISTS (SELECT 1 FROM ${x.from} WHERE fa.key = ? AND ${x.value} IN (${marks(values)}))`, question, ...values);
  }
  return {
    sql: `r AS (SELECT r.id, r.details, r.created_at, r.supporter_id FROM actions r
      LEFT JOIN supporters s ON s.id = r.supporter_id WHERE ${where.join(' AND ')})`,
    params,
  };
}

/** Every figure of the results in one statement: responses, answered per question, counts per value, help. */
export async function tally(db: Db, campaign: string, filter: ResultsFilter, counted: string[]): Promise<Tally> {
  const base = responsesOf(db, campaign, filter);
  const x = explode(db, 'a', 'e');
  const help =
    db.dialect === 'postgres'
      ? `jsonb_array_elements_text(r.details -> 'help') h(value)`
      : `json_each(r.details, '$.help') h`;
  const rows = await db.all(
    `WITH ${base.sql}
     SELECT 'responses' AS part, '' AS question, '' AS value, COUNT(*) AS n FROM r
     UNION ALL SELECT 'answered', a.key, '', COUNT(*) FROM r CROSS JOIN ${
       db.dialect === 'postgres' ? `jsonb_each(r.details -> 'answers') a` : `json_each(r.details, '$.answers') a`
     } GROUP BY a.key
     UNION ALL SELECT 'value', a.key, ${x.value}, COUNT(*) FROM r CROSS JOIN ${x.from}
       WHERE a.key IN (${counted.length ? marks(counted) : 'NULL'}) GROUP BY a.key, ${x.value}
     UNION ALL SELECT 'help', '', ${db.dialect === 'postgres' ? 'h.value' : 'CAST(h.value AS TEXT)'}, COUNT(*)
       FROM r CROSS JOIN ${help} GROUP BY 3
     UNION ALL SELECT 'theme', CAST(c.theme_id AS TEXT), '', COUNT(*) FROM r JOIN answer_codes c ON c.action_id = r.id
       GROUP BY c.theme_id`,
    ...base.params,
    ...counted,
  );
  const result: Tally = { responses: 0, answered: new Map(), counts: new Map(), help: new Map(), themes: new Map() };
  for (const row of rows) {
    const n = Number(row.n);
    const question = String(row.question);
    if (row.part === 'responses') result.responses = n;
    else if (row.part === 'answered') result.answered.set(question, n);
    else if (row.part === 'help') result.help.set(String(row.value), n);
    else if (row.part === 'theme') result.themes.set(question, n);
    else {
      const counts = result.counts.get(question) ?? new Map<string, number>();
      counts.set(String(row.value), n);
      result.counts.set(question, counts);
    }
  }
  return result;
}

/** How many responses the filter keeps. */
export async function countResponses(db: Db, campaign: string, filter: ResultsFilter): Promise<number> {
  const base = responsesOf(db, campaign, filter);
  const row = await db.get(`WITH ${base.sql} SELECT COUNT(*) AS n FROM r`, ...base.params);
  return Number(row?.n ?? 0);
}

/** Responses by their answers to two questions: `[valueOfA, valueOfB, n]`. */
export async function crossTab(
  db: Db,
  campaign: string,
  filter: ResultsFilter,
  questions: [string, string],
): Promise<[string, string, number][]> {
  const base = responsesOf(db, campaign, filter);
  const x = explode(db, 'a', 'e');
  const y = explode(db, 'b', 'f');
  const rows = await db.all(
    `WITH ${base.sql} SELECT ${x.value} AS va, ${y.value} AS vb, COUNT(*) AS n
     FROM r CROSS JOIN ${x.from} CROSS JOIN ${y.from}
     WHERE a.key = ? AND b.key = ? GROUP BY ${x.value}, ${y.value}`,
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

/** The campaign's themes with their counts and their quotes (the coded answers the organizer picked). */
export async function themes(db: Db, campaign: string): Promise<Theme[]> {
  const text =
    db.dialect === 'postgres'
      ? `(r.details -> 'answers' ->> c.question)`
      : `json_extract(r.details, '$.answers.' || json_quote(c.question))`;
  const rows = await db.all(
    `SELECT t.id, t.label, COUNT(${text}) AS n FROM themes t
     LEFT JOIN answer_codes c ON c.theme_id = t.id LEFT JOIN actions r ON r.id = c.action_id
     WHERE t.campaign = ? GROUP BY t.id, t.label, t.created_at ORDER BY COUNT(${text}) DESC, t.created_at`,
    campaign,
  );
  const quotes = await db.all(
    `SELECT c.theme_id, c.action_id, c.question, ${text} AS text FROM answer_codes c
     JOIN themes t ON t.id = c.theme_id JOIN actions r ON r.id = c.action_id
     WHERE t.campaign = ? AND c.quote = ? AND ${text} IS NOT NULL ORDER BY c.created_at`,
    campaign,
    true,
  );
  return rows.map((row) => ({
    id: String(row.id),
    label: String(row.label),
    count: Number(row.n),
    quotes: quotes
      .filter((q) => String(q.theme_id) === String(row.id))
      .map((q) => ({ response: String(q.action_id), question: String(q.question), text: String(q.text) })),
  }));
}

export async function addTheme(db: Db, campaign: string, label: string): Promise<string> {
  const id = newId();
  await db.run(
    'INSERT INTO themes (id, campaign, label, created_at) VALUES (?, ?, ?, ?)',
    id,
    campaign,
    label,
    new Date().toISOString(),
  );
  return id;
}

const ownTheme = async (db: Db, campaign: string, id: string) =>
  /^[0-9a-f-]{36}$/i.test(id) &&
  !!(await db.get('SELECT 1 AS ok FROM themes WHERE id = ? AND campaign = ?', id, campaign));

export async function renameTheme(db: Db, campaign: string, id: string, label: string): Promise<boolean> {
  if (!(await ownTheme(db, campaign, id))) return false;
  await db.run('UPDATE themes SET label = ? WHERE id = ?', label, id);
  return true;
}

/** Moves every coding of `from` to `into` (an answer coded with both keeps one), then drops `from`. */
export async function mergeThemes(db: Db, campaign: string, from: string, into: string): Promise<boolean> {
  if (from === into || !(await ownTheme(db, campaign, from)) || !(await ownTheme(db, campaign, into))) return false;
  await db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO answer_codes (theme_id, action_id, question, quote, created_at)
       SELECT ?, action_id, question, quote, created_at FROM answer_codes WHERE theme_id = ?
       ON CONFLICT (theme_id, action_id, question) DO NOTHING`,
      into,
      from,
    );
    await tx.run('DELETE FROM answer_codes WHERE theme_id = ?', from);
    await tx.run('DELETE FROM themes WHERE id = ?', from);
  });
  return true;
}

export async function deleteTheme(db: Db, campaign: string, id: string): Promise<boolean> {
  if (!(await ownTheme(db, campaign, id))) return false;
  await db.transaction(async (tx) => {
    await tx.run('DELETE FROM answer_codes WHERE theme_id = ?', id);
    await tx.run('DELETE FROM themes WHERE id = ?', id);
  });
  return true;
}

export interface Coding {
  response: string;
  question: string;
  theme: string;
  /** Coded (true) or not (false); `quote` also picks it for the public report. */
  coded: boolean;
  quote?: boolean;
}

/** Codes (or uncodes) answers of this campaign's responses; the answers themselves are never touched. */
export async function codeAnswers(db: Db, campaign: string, codings: Coding[]): Promise<boolean> {
  return db
    .transaction(async (tx) => {
      for (const c of codings) {
        const ids = /^[0-9a-f-]{36}$/i.test(c.theme) && /^[0-9a-f-]{36}$/i.test(c.response);
        const ok =
          ids &&
          (await tx.get(
            `SELECT 1 AS ok FROM themes t JOIN actions r ON r.campaign = t.campaign
         WHERE t.id = ? AND t.campaign = ? AND r.id = ? AND r.kind = 'response'`,
            c.theme,
            campaign,
            c.response,
          ));
        if (!ok) throw new Error('unknown theme or response'); // rolls back: all or nothing
        if (!c.coded) {
          await tx.run(
            'DELETE FROM answer_codes WHERE theme_id = ? AND action_id = ? AND question = ?',
            c.theme,
            c.response,
            c.question,
          );
          continue;
        }
        await tx.run(
          `INSERT INTO answer_codes (theme_id, action_id, question, quote, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (theme_id, action_id, question) DO UPDATE SET quote = excluded.quote`,
          c.theme,
          c.response,
          c.question,
          c.quote ?? false,
          new Date().toISOString(),
        );
      }
      return true;
    })
    .catch((error: Error) => {
      if (error.message === 'unknown theme or response') return false;
      throw error;
    });
}

/** The verbs above bound to one database: the store's `listening`. */
export const listening = (db: Db) => ({
  tally: (campaign: string, filter: ResultsFilter, counted: string[]) => tally(db, campaign, filter, counted),
  countResponses: (campaign: string, filter: ResultsFilter) => countResponses(db, campaign, filter),
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
  themes: (campaign: string) => themes(db, campaign),
  addTheme: (campaign: string, label: string) => addTheme(db, campaign, label),
  renameTheme: (campaign: string, id: string, label: string) => renameTheme(db, campaign, id, label),
  mergeThemes: (campaign: string, from: string, into: string) => mergeThemes(db, campaign, from, into),
  deleteTheme: (campaign: string, id: string) => deleteTheme(db, campaign, id),
  codeAnswers: (campaign: string, codings: Coding[]) => codeAnswers(db, campaign, codings),
});
export type Listening = ReturnType<typeof listening>;
