/**
 * A call's or a letter's targets from a spreadsheet saved as CSV (loaded by the editor only when a file is chosen:
 * it brings csv-parse and the schema's zod). Columns are the schema's target fields (schema/call.ts `Target`, as
 * `npm run import-targets` writes them): `id`, `name`, `title`, `phone` (several separated by `;`), `areas`
 * (separated by spaces), `email`, `contactForm`, `photo`, `timezone`, found by name in the first line. Each row is
 * checked as the build checks a target; any bad row refuses the whole file, naming each bad row's line and field
 * in the organizer's language, so the campaign keeps its targets as they were.
 */
import { parse } from 'csv-parse/browser/esm/sync';
import { Target } from '../../../schema/call.ts';
import type { Lang } from '../../../schema/limits.ts';
import { LetterTarget } from '../../../schema/letter.ts';
import { localizeIssue } from './issues.ts';
import type { EditorStrings } from './strings.ts';

export const COLUMNS = ['id', 'name', 'title', 'phone', 'areas', 'email', 'contactForm', 'photo', 'timezone'];

type Row = Record<string, string>;

/** A target as the file writes it: only what the row gives, so a saved file stays as short as a hand-written one. */
function targetOf(row: Row): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  const text = (name: string) => row[name]?.trim() ?? '';
  for (const name of ['id', 'name', 'title', 'photo', 'email', 'contactForm', 'timezone']) {
    if (text(name)) target[name] = text(name);
  }
  const phones = text('phone')
    .split(';')
    .map((number) => number.trim())
    .filter(Boolean);
  if (phones.length) target.phones = phones.map((number) => ({ number }));
  const areas = text('areas').split(/\s+/).filter(Boolean);
  if (areas.length) target.areas = areas;
  return target;
}

/** The column an issue's path names (`phones.0.number` is the `phone` column). */
const columnOf = (path: PropertyKey[]) => (path[0] === 'phones' ? 'phone' : String(path[0] ?? ''));

export function targetsFromCsv(
  text: string,
  kind: 'call' | 'letter',
  t: EditorStrings,
  lang: Lang,
): { targets: Record<string, unknown>[] } | { errors: string[] } {
  let records: { record: Row; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim()),
      skip_empty_lines: true,
      info: true,
    }) as { record: Row; info: { lines: number } }[];
  } catch (error) {
    return { errors: [t.csvUnreadable((error as { lines?: number }).lines ?? 1)] };
  }
  if (!records.length) return { errors: [t.csvEmpty] };
  const unknown = Object.keys(records[0].record).filter((name) => !COLUMNS.includes(name));
  if (unknown.length) return { errors: [t.csvUnknown(unknown.join(', '))] };
  const schema = kind === 'letter' ? LetterTarget : Target;
  const errors: string[] = [];
  const targets = records.map(({ record, info }) => {
    const target = targetOf(record);
    // Checked with no phones as an empty list (a call needs one: the build's words say so); kept without.
    const checked = schema.safeParse({ phones: [], ...target });
    if (!checked.success) {
      const said = checked.error.issues.map((issue) => {
        const column = columnOf(issue.path);
        const message = localizeIssue(issue.message, lang);
        return !column || message.startsWith(`${column}:`) ? message : `${column}: ${message}`;
      });
      errors.push(`${t.csvRow(info.lines)}: ${[...new Set(said)].join('; ')}`);
    }
    return target;
  });
  return errors.length ? { errors } : { targets };
}
