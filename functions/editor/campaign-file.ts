/**
 * A campaign file as the editor reads and writes it: the frontmatter as plain data, the Markdown body as text.
 *
 * Saving edits the file in place: only the values that changed are rewritten, so the organizer's comments, quotes
 * and layout stay, a git diff shows only what they changed, and a file saved without a change is the same bytes.
 * The build reads the result exactly as it reads a hand-written file (functions/catalog.ts).
 */
import jsYaml from 'js-yaml';
import { isMap, isNode, isScalar, isSeq, parseDocument, Scalar, stringify } from 'yaml';

/**
 * The build reads frontmatter with js-yaml, which takes YAML 1.1's dates (`version: 2026-11-01` is a date there):
 * written as YAML 1.1, such a text is quoted and reads back as the text it is.
 */
const WRITE = { version: '1.1', lineWidth: 0 } as const;

/** Whether the build reads `value`, written plain, as that same text. */
function readsAsText(value: string): boolean {
  try {
    return jsYaml.load(value) === value;
  } catch {
    return false;
  }
}

const FRONTMATTER = /^---(\r?\n)([\s\S]*?)\r?\n---(?:\r?\n|$)/;

export interface CampaignText {
  /** The frontmatter as JSON-ready data (dates stay the text they were written as, e.g. "2027-03-01"). */
  data: Record<string, unknown>;
  /** The Markdown after the frontmatter, as written. */
  body: string;
}

/** Splits a campaign file; a file without frontmatter (or with invalid YAML) is refused with the build's words. */
export function readCampaignText(text: string): CampaignText {
  const match = FRONTMATTER.exec(text);
  if (!match) throw new Error("(file): starts without frontmatter; begin the file with --- and the campaign's fields");
  const doc = parseDocument(match[2]);
  if (doc.errors.length) throw new Error(`(file): the frontmatter is not valid YAML: ${doc.errors[0].message}`);
  const data: unknown = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('(file): the frontmatter must be fields');
  return { data: data as Record<string, unknown>, body: text.slice(match[0].length) };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Equal as JSON values, key order aside. */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set(
      [...Object.keys(a), ...Object.keys(b)].filter((k) => a[k] !== undefined || b[k] !== undefined),
    );
    return [...keys].every((k) => same(a[k], b[k]));
  }
  return a === b;
}

/** A change the text cannot take in place (a list that grew, a field added deep inside): its top field is rewritten. */
class Rewrite extends Error {}

interface Splice {
  start: number;
  end: number;
  text: string;
}

const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} .,'’_/()+-]*$/u;

/** A scalar's new text, in the style it was written in where that style can hold it. */
function scalarText(node: Scalar, value: unknown, flow: boolean): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  if (node.type === Scalar.QUOTE_SINGLE && !value.includes('\n')) return `'${value.replaceAll("'", "''")}'`;
  const plain = node.type === Scalar.PLAIN && PLAIN.test(value) && !(flow && /[,[\]{}]/.test(value));
  return plain && readsAsText(value) ? value : JSON.stringify(value);
}

/** The splices that turn the text of `node` (read as `before`) into `next`, value by value. */
function splices(node: unknown, before: unknown, next: unknown, flow: boolean, out: Splice[]): void {
  if (same(before, next)) return;
  if (isMap(node) && isPlainObject(before) && isPlainObject(next)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(next)]);
    for (const key of keys) {
      if (before[key] === undefined || next[key] === undefined) {
        if (same(before[key], next[key])) continue;
        throw new Rewrite();
      }
      splices(node.get(key, true), before[key], next[key], flow || node.flow === true, out);
    }
    return;
  }
  if (isSeq(node) && Array.isArray(before) && Array.isArray(next) && before.length === next.length) {
    next.forEach((value, i) => splices(node.get(i, true), before[i], value, flow || node.flow === true, out));
    return;
  }
  const scalar = (value: unknown) => value === null || typeof value !== 'object';
  if (isScalar(node) && node.range && scalar(next) && scalar(before)) {
    // A block scalar (`summary: >-` and its lines) ends with its line break: the next field keeps its own line.
    const ending = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL ? '\n' : '';
    out.push({ start: node.range[0], end: node.range[1], text: scalarText(node, next, flow) + ending });
    return;
  }
  throw new Rewrite();
}

/** Top-level fields that changed, rewritten as YAML; everything else (comments too) kept as it was. */
function editFrontmatter(text: string, before: Record<string, unknown>, next: Record<string, unknown>): string {
  const doc = parseDocument(text);
  const out: Splice[] = [];
  const pairs = isMap(doc.contents) ? doc.contents.items : [];
  for (const pair of pairs) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const range = [(pair.key as Scalar).range![0], (isNode(pair.value) ? pair.value : (pair.key as Scalar)).range![2]];
    if (same(before[key], next[key])) continue;
    if (next[key] === undefined) {
      out.push({ start: range[0], end: range[1], text: '' });
      continue;
    }
    const inner: Splice[] = [];
    try {
      splices(pair.value, before[key], next[key], false, inner);
      out.push(...inner);
    } catch (error) {
      if (!(error instanceof Rewrite)) throw error;
      const yaml = stringify({ [key]: next[key] }, WRITE);
      const slice = text.slice(range[0], range[1]);
      out.push({ start: range[0], end: range[1], text: slice.endsWith('\n') ? yaml : yaml.trimEnd() });
    }
  }
  const added = Object.entries(next).filter(([key, value]) => value !== undefined && before[key] === undefined);
  if (added.length) {
    const yaml = stringify(Object.fromEntries(added), WRITE);
    out.push({
      start: text.length,
      end: text.length,
      text: (text.endsWith('\n') || !text ? '' : '\n') + yaml.trimEnd(),
    });
  }
  let result = text;
  for (const { start, end: stop, text: insert } of out.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, start) + insert + result.slice(stop);
  }
  return result;
}

/**
 * The file for `data` and `body`. With `original` (the file as it is on disk), the frontmatter is edited in place;
 * without it, written fresh. Unchanged frontmatter keeps its exact text.
 */
export function writeCampaignText(campaign: CampaignText, original?: string): string {
  const match = original === undefined ? null : FRONTMATTER.exec(original);
  if (!original || !match) return `---\n${stringify(campaign.data, WRITE)}---\n${campaign.body}`;
  const before: unknown = parseDocument(match[2]).toJS() ?? {};
  if (same(before, campaign.data)) return original.slice(0, match[0].length) + campaign.body;
  const yaml = editFrontmatter(match[2], before as Record<string, unknown>, campaign.data);
  const eol = match[1];
  return `---${eol}${yaml}${eol}---${eol}${campaign.body}`;
}
