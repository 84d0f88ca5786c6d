/**
 * Listening surveys: the questions (as organizers write them in the campaign file) and the server's check of the
 * answers against them. Widget-safe types only at the bottom; the widget never imports this module at run time.
 */
import * as z from 'zod';
import { id, option, required, strict } from './authoring.ts';
import type { FieldIssue } from './errors.ts';

export const QUESTION_TYPES = ['single', 'multiple', 'scale', 'yesno', 'text', 'longtext'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const question = strict({
  /** Names the answer in exports: `housing`, `biggest-issue`. */
  id: id('question'),
  type: z.enum(QUESTION_TYPES, `type must be one of: ${QUESTION_TYPES.join(', ')}`),
  label: required('write the question as label:'),
  /** A hint shown under the question. */
  help: z.string().optional(),
  required: z.boolean().default(false),
  /** For `single` and `multiple`. */
  options: z.array(option).optional(),
  /** For `scale`: the ends and what they mean. */
  min: z.int().default(1),
  max: z.int().default(5),
  minLabel: z.string().optional(),
  maxLabel: z.string().optional(),
  /** Ask only when an earlier answer is (one of) these values. For yes/no questions the values are yes and no. */
  showIf: strict({ question: id('question'), equals: z.union([z.string(), z.array(z.string())]) }).optional(),
  /** Tags the respondent gets for an answer: `{ rent: renter }`. Never shown to respondents. */
  tags: z.record(z.string(), z.string()).optional(),
});

export const SurveySection = strict(
  {
    /** Allow answers without name and email. */
    anonymous: z.boolean().default(false),
    /** Offer canvasser mode: one device records many respondents at doors or events, offline for hours. */
    canvass: z.boolean().default(false),
    pages: z
      .array(strict({ title: z.string().optional(), questions: z.array(question).min(1, 'a page needs questions:') }))
      .min(1, 'add at least one page with questions'),
    /** The ask that ends every survey: "Would you help?" Saying yes makes the respondent a volunteer prospect. */
    help: strict({
      question: required('write the question, e.g. "Would you help?"'),
      options: z.array(option).min(1, 'list the ways to help as options:'),
      /** The tag a helper gets. */
      tag: z.string().default('volunteer-prospect'),
    }).optional(),
  },
  'add a survey: section with pages: of questions:',
).superRefine((survey, ctx) => {
  const seen = new Map<string, QuestionType>();
  survey.pages.forEach((page, p) =>
    page.questions.forEach((q, i) => {
      const path = ['pages', p, 'questions', i];
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `${q.id} is used twice` });
      if ((q.type === 'single' || q.type === 'multiple') && !q.options?.length) {
        ctx.addIssue({ code: 'custom', path: [...path, 'options'], message: `a ${q.type} question needs options:` });
      }
      if (q.type === 'scale' && !(q.min < q.max && q.max - q.min <= 10)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'max'], message: 'max must be above min, by 10 at most' });
      }
      if (q.showIf && !seen.has(q.showIf.question)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'showIf'], message: `showIf must name an earlier question` });
      }
      seen.set(q.id, q.type);
    }),
  );
});

export type SurveySection = z.output<typeof SurveySection>;
export type Question = SurveySection['pages'][number]['questions'][number];
export type Answer = string | string[] | number;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u; // eslint-disable-line no-control-regex
const TEXT_MAX = { text: 500, longtext: 5000 } as const;

/** Whether a question is asked, given the answers so far. */
export function isShown(question: Question, answers: Record<string, unknown>): boolean {
  if (!question.showIf) return true;
  const given = answers[question.showIf.question];
  const wanted = [question.showIf.equals].flat();
  return [given].flat().some((value) => wanted.includes(String(value)));
}

export interface CheckedAnswers {
  /** The answers to questions that were asked, normalized (trimmed text, integers). */
  answers: Record<string, Answer>;
  /** `answers.<id>` to an issue. Empty when all is well. */
  codes: Record<string, FieldIssue>;
  /** Tags earned by the answers, from the questions' `tags:`. */
  tags: string[];
}

/** Checks answers against the survey: types, options, required questions that were shown. */
export function checkAnswers(survey: SurveySection, given: Record<string, unknown>): CheckedAnswers {
  const answers: Record<string, Answer> = {};
  const codes: Record<string, FieldIssue> = {};
  const tags = new Set<string>();
  const questions = survey.pages.flatMap((page) => page.questions);
  for (const q of questions) {
    if (!isShown(q, answers)) continue;
    const path = `answers.${q.id}`;
    const value = given[q.id];
    const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length);
    if (empty) {
      if (q.required) codes[path] = 'required';
      continue;
    }
    const result = checkOne(q, value);
    if (typeof result === 'object' && 'issue' in result) {
      codes[path] = result.issue;
      continue;
    }
    answers[q.id] = result;
    for (const v of [result].flat()) if (q.tags?.[String(v)]) tags.add(q.tags[String(v)]);
  }
  return { answers, codes, tags: [...tags] };
}

function checkOne(q: Question, value: unknown): Answer | { issue: FieldIssue } {
  const values = q.options?.map((o) => o.value) ?? [];
  switch (q.type) {
    case 'single':
      return typeof value === 'string' && values.includes(value) ? value : { issue: 'invalid' };
    case 'multiple':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && values.includes(v))
        ? [...new Set(value as string[])]
        : { issue: 'invalid' };
    case 'yesno':
      return value === 'yes' || value === 'no' ? value : { issue: 'invalid' };
    case 'scale': {
      const n = typeof value === 'string' ? Number(value) : value;
      return Number.isInteger(n) && (n as number) >= q.min && (n as number) <= q.max
        ? (n as number)
        : { issue: 'invalid' };
    }
    case 'text':
    case 'longtext': {
      if (typeof value !== 'string') return { issue: 'invalid' };
      const text = value.trim();
      if (text.length > TEXT_MAX[q.type]) return { issue: 'too_long' };
      if (CONTROL.test(text) || !text.isWellFormed()) return { issue: 'invalid_characters' };
      return text;
    }
  }
}

/** The survey as the public sees it: no tags. */
export function publicSurvey(survey: SurveySection) {
  return {
    anonymous: survey.anonymous,
    canvass: survey.canvass,
    pages: survey.pages.map((page) => ({
      title: page.title,
      questions: page.questions.map(({ tags: _tags, ...q }) => q),
    })),
    help: survey.help ? { question: survey.help.question, options: survey.help.options } : undefined,
  };
}
export type PublicSurvey = ReturnType<typeof publicSurvey>;
