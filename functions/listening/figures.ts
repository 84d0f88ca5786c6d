/**
 * What of a survey's raw figures may be shown: no figure for a group of fewer than 5 people, on the dashboard
 * (under every filter) and on the public page alike. A hidden figure is `null`, which the pages show as
 * "too few to show".
 *
 * Three rules:
 * 1. A filtered group of fewer than 5 responses shows nothing at all (`tooFew`).
 * 2. Differencing: a filter is refused (`tooFew`) when dropping any one of its parts would add 1 to 4 responses,
 *    because the figures with and without it would then differ by the answers of those 1 to 4 people.
 * 3. Small cells: a count of 1 to 4 is hidden; when that leaves a single hidden count among options that add up to
 *    the question's total (single choice, yes/no, scale), the next smallest is hidden too, or the total minus the
 *    others would give it away.
 * Known limit: two different date ranges can still be compared with each other (rule 2 only compares with the
 *    ranges' absence); the dashboard is for organizers, who can export the answers anyway.
 */
import { isOpen, type QuestionFigures, type ResultsFigures, valuesOf } from '../../schema/results.ts';
import type { Question, SurveySection } from '../../schema/survey.ts';
import type { ResultsFilter, Tally } from '../store/results.ts';

export const MIN_GROUP = 5;

/** The figures, and coded answers per theme id (the route names the themes). */
export interface Figures extends ResultsFigures {
  themes: Record<string, number | null>;
}

/** A count of 1 to 4 people is hidden; 0 is not a group. */
export const small = (n: number) => n > 0 && n < MIN_GROUP;
export const hide = (n: number): number | null => (small(n) ? null : n);

export { isOpen, valuesOf };
export const allQuestions = (survey: SurveySection): Question[] => survey.pages.flatMap((page) => page.questions);
/** Hides small cells, and one more when a single hidden cell could be worked out from the total (rule 3). */
export function hideCells(values: string[], counts: Map<string, number>, exclusive: boolean) {
  const shown: Record<string, number | null> = {};
  for (const value of values) shown[value] = hide(counts.get(value) ?? 0);
  const hidden = values.filter((v) => shown[v] === null);
  if (exclusive && hidden.length === 1) {
    const next = values.filter((v) => shown[v] !== null && shown[v]! > 0).sort((a, b) => shown[a]! - shown[b]!)[0];
    if (next) shown[next] = null;
  }
  return shown;
}

function median(values: string[], counts: Map<string, number>, answered: number): number | null {
  let seen = 0;
  for (const value of values) {
    seen += counts.get(value) ?? 0;
    if (seen * 2 >= answered) return Number(value);
  }
  return null;
}

const empty = (tooFew: boolean, responses: number | null): Figures => ({
  responses,
  tooFew,
  questions: {},
  help: {},
  themes: {},
});

/**
 * The figures to show. `shownBy` has, per question with `showIf`, how many responses were asked it; `dropped`,
 * the response counts with each part of the filter left out (rule 2).
 */
export function figures(survey: SurveySection, tally: Tally, shownBy: Map<string, number>, dropped: number[]): Figures {
  if (tally.responses < MIN_GROUP) return empty(true, null);
  if (dropped.some((n) => small(n - tally.responses))) return empty(true, null);
  const result = empty(false, tally.responses);
  for (const q of allQuestions(survey)) {
    const answered = tally.answered.get(q.id) ?? 0;
    const shown = q.showIf ? (shownBy.get(q.id) ?? 0) : tally.responses;
    const entry: QuestionFigures = { shown: hide(shown), answered: hide(answered) };
    if (!isOpen(q)) {
      const counts = tally.counts.get(q.id) ?? new Map<string, number>();
      entry.counts = hideCells(valuesOf(q), counts, q.type !== 'multiple');
      if (q.type === 'scale') entry.median = small(answered) ? null : median(valuesOf(q), counts, answered);
    }
    result.questions[q.id] = entry;
  }
  const helpValues = survey.help?.options.map((o) => o.value) ?? [];
  result.help = hideCells(helpValues, tally.help, false);
  for (const [theme, n] of tally.themes) result.themes[theme] = hide(n);
  return result;
}

/** The filter without each of its parts in turn: the groups rule 2 compares with. */
export function withoutEachPart(filter: ResultsFilter): ResultsFilter[] {
  const parts: ResultsFilter[] = [];
  for (const key of ['postcode', 'canvasser', 'turf', 'origin', 'source'] as const) {
    if (filter[key]) parts.push({ ...filter, [key]: undefined });
  }
  if (filter.from || filter.to) parts.push({ ...filter, from: undefined, to: undefined });
  (filter.answers ?? []).forEach((_, i) =>
    parts.push({ ...filter, answers: filter.answers!.filter((__, j) => j !== i) }),
  );
  return parts;
}
