/**
 * The themes an organizer codes a survey's open answers with: their counts and picked quotes, and the codings
 * themselves. A coding points at an answer (response and question); the answer is never copied or changed.
 */
import type { Db } from './db.ts';
import { newId } from './ids.ts';

export interface Theme {
  id: string;
  label: string;
  count: number;
  quotes: { response: string; question: string; text: string }[];
}

/** The campaign's themes with their counts and their quotes (the coded answers the organizer picked). */
export async function themes(db: Db, campaign: string): Promise<Theme[]> {
  // A coded answer counts while it is there: erasure and retention take the answer (its row in `answers`) away.
  const rows = await db.all(
    `SELECT t.id, t.label, COUNT(a.value) AS n FROM themes t
     LEFT JOIN answer_codes c ON c.theme_id = t.id
     LEFT JOIN answers a ON a.action_id = c.action_id AND a.question = c.question AND a.item = 0
     WHERE t.campaign = ? GROUP BY t.id, t.label, t.created_at ORDER BY COUNT(a.value) DESC, t.created_at`,
    campaign,
  );
  const quotes = await db.all(
    `SELECT c.theme_id, c.action_id, c.question, a.value AS text FROM answer_codes c
     JOIN themes t ON t.id = c.theme_id JOIN answers a ON a.action_id = c.action_id AND a.question = c.question
       AND a.item = 0
     WHERE t.campaign = ? AND c.quote = ? AND a.value IS NOT NULL ORDER BY c.created_at`,
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
