/**
 * Listening results as the API answers them (`GET /api/admin/campaigns/<slug>/results`, the public
 * `GET /api/campaigns/<slug>/results`), shared by the functions and the pages. `null` is a figure hidden because
 * it is about fewer than 5 people: the pages say "too few to show".
 */
import type { Lang } from './limits.ts';
import type { Question } from './survey.ts';

export interface QuestionFigures {
  /** Responses that were asked this question (`showIf` hides some). */
  shown: number | null;
  answered: number | null;
  /** By option value (or scale value); absent for text. */
  counts?: Record<string, number | null>;
  median?: number | null;
}

export interface ResultsFigures {
  responses: number | null;
  /** Too few responses under this filter (or it could single someone out): no figure is shown. */
  tooFew: boolean;
  questions: Record<string, QuestionFigures>;
  /** The "Would you help?" options chosen. */
  help: Record<string, number | null>;
}

/** A theme as the organizer sees it (the public page has no id, and the quotes the organizer picked). */
export interface ThemeFigure {
  id?: string;
  label: string;
  count: number | null;
  quotes?: string[];
}

export interface ResultsView extends ResultsFigures {
  themes: ThemeFigure[];
  /** With `?rows=&columns=`: responses by the answers to two questions. */
  crossTab?: { rows: string; columns: string; cells: Record<string, Record<string, number | null>> | null };
}

/** An open answer, to read and code (`…/results/answers`). */
export interface OpenAnswer {
  response: string;
  question: string;
  text: string;
  postcode: string | null;
  canvasser: string | null;
  turf: string | null;
  createdAt: string;
  /** The ids of the themes it is coded with. */
  themes: string[];
}

/** A theme Ladder suggests from the open answers (`…/results/suggestions`). */
export interface ThemeSuggestion {
  /** What accepting it matches: `lang:stem` or `lang:stem stem`. */
  key: string;
  lang: Lang;
  /** The words as people wrote them most often. */
  label: string;
  /** Answers that hold it. */
  count: number;
  /** A few answers that hold it. */
  quotes: string[];
}

export const isOpen = (q: Question): boolean => q.type === 'text' || q.type === 'longtext';

/** The values a question can take, in the survey's order. */
export function valuesOf(q: Question): string[] {
  if (q.type === 'yesno') return ['yes', 'no'];
  if (q.type === 'scale') return Array.from({ length: q.max - q.min + 1 }, (_, i) => String(q.min + i));
  return q.options?.map((o) => o.value) ?? [];
}
