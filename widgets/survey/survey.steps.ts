/**
 * The survey's steps after the first touch: the last page (help, contact details, consent: only reachable
 * through "Next"), reading and checking the answers, the response to send, and the thank-you. A chunk of its own, loaded when the respondent first focuses the form (see `LadderSurvey`), so the
 * bytes every visitor downloads before the form is usable stay within the budget.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { ResponseResult } from '../../schema/actions.ts';
import type { FieldIssue } from '../../schema/errors.ts';
import { LIMITS } from '../../schema/limits.ts';
import type { PublicSurvey } from '../../schema/survey.ts';
import type { SubmitState } from '../core/controllers.ts';
import type { CoreMessages } from '../core/i18n.ts';
import type { SurveyMessages } from './i18n/index.ts';
import { lastPage, PERSON_FIELDS } from './last-page.ts';
import type { Answers, Question } from './questions.ts';

/**
 * This chunk imports nothing from the survey's own chunk (a chunk importing back from the one that loads it costs a
 * module-namespace shim there): `isShown` comes as an argument, limits and fields are read from the form.
 */
type Shown = (question: Question, answers: Answers) => boolean;

export { lastPage, PERSON_FIELDS };
export { en } from './i18n/en.steps.ts';

/** The issue with a question's answer, before sending: a required question left empty, text too long. */
export function checkQuestion(form: HTMLFormElement, q: Question, answers: Answers): FieldIssue | undefined {
  if (q.required && answers[q.id] === undefined) return 'required';
  const text = form.querySelector<HTMLInputElement>(`[name="q-${q.id}"]`);
  if ((q.type === 'text' || q.type === 'longtext') && text!.value.trim().length > text!.maxLength) return 'too_long';
}

/** The contact fields' issues, as the API names them. Trims them first, as the server does. */
export function checkContact(form: HTMLFormElement): Record<string, FieldIssue> {
  const fields: Record<string, FieldIssue> = {};
  const inputs = PERSON_FIELDS.map((name) => form.elements.namedItem(name) as HTMLInputElement);
  // Anonymous answers may leave every contact field empty; once any is given, the person must be complete.
  const given = inputs.some((input) => (input.value = input.value.trim()));
  for (const { name, value, validity } of inputs) {
    const issue: FieldIssue | undefined =
      (given && name !== 'postcode' && !value) || validity.valueMissing
        ? 'required'
        : validity.typeMismatch
          ? 'invalid_email'
          : validity.patternMismatch
            ? 'invalid_postcode'
            : validity.valid
              ? undefined
              : 'invalid';
    if (issue) fields[name] = issue;
  }
  return fields;
}

/** What the respondent gave on the last page, as `ResponseInput` wants it (no person when they gave nothing). */
export function lastAnswers(form: HTMLFormElement) {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '');
  return {
    person: PERSON_FIELDS.some(value)
      ? {
          givenName: value('givenName'),
          familyName: value('familyName'),
          email: value('email'),
          postcode: value('postcode') || undefined,
        }
      : undefined,
    help: data.getAll('help'),
    consent: { contact: data.has('contact') },
  };
}

/** The issues of one page (the last one: the contact fields), keyed as the API names them. */
export function check(form: HTMLFormElement, survey: PublicSurvey, page: number, answers: Answers, isShown: Shown) {
  const fields: Record<string, FieldIssue> = {};
  const questions = survey.pages[page]?.questions;
  for (const q of questions ?? []) {
    const issue = isShown(q, answers) && checkQuestion(form, q, answers);
    if (issue) fields[q.id] = issue;
  }
  return questions ? fields : checkContact(form);
}

/** The response to send: the last page's fields, the answers, and where the respondent came from. */
export function response(form: HTMLFormElement, answers: Answers, canvassing: boolean) {
  const params = new URLSearchParams(location.search);
  return {
    ...lastAnswers(form),
    answers,
    referrer: params.get('ref')?.slice(0, LIMITS.referrer) || undefined,
    source: params.get('source')?.slice(0, LIMITS.source) || (canvassing ? 'canvass' : undefined),
  };
}

/** Only web links from the API are rendered as links, resolved against it (never `javascript:`). */
function webUrl(url: string | undefined, base: string): string | undefined {
  if (!url) return;
  try {
    const resolved = new URL(url, base);
    return /^https?:$/.test(resolved.protocol) ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

/** What replaces the form once answered (or stored on the device): thanks, the share link, the next ask. */
export function thanks(
  t: CoreMessages & SurveyMessages,
  state: SubmitState,
  result: ResponseResult | undefined,
  api: string,
): TemplateResult {
  const share = webUrl(result?.shareUrl, api);
  const next = result?.nextAsk;
  const nextUrl = webUrl(next?.url, api);
  // `results: public`: the community's results, linked from here (this chunk is lazy: no static byte).
  const results = webUrl(result?.resultsUrl, api);
  // Double opt-in: nothing counts until the emailed link is followed; the hint is read with the focused heading.
  const pending = state === 'success' && result?.pending;
  const heading = pending
    ? t.checkEmail
    : state === 'queued'
      ? t.queued
      : state === 'duplicate'
        ? t.duplicate
        : t.thanks;
  return html`<div part="thanks">
    <h2 tabindex="-1" aria-describedby=${pending ? 'pending' : nothing}>${heading}</h2>
    ${pending ? html`<p id="pending">${t.checkEmailHint}</p>` : nothing}
    ${
      share
        ? html`<p>${t.share}</p>
            <p><a part="share" href=${share} dir="ltr">${share}</a></p>`
        : nothing
    }
    ${results ? html`<p><a part="results" href=${results}>${t.results}</a></p>` : nothing}
    ${next && nextUrl ? html`<p part="next">${t.next} <a href=${nextUrl} dir="auto">${next.title}</a></p>` : nothing}
  </div>`;
}

/** The last page's and the thank-you's styles, adopted when this chunk loads (survey.styles.ts has the rest). */
export const styles = css`
  [part~='thanks'] {
    display: grid;
    gap: var(--ladder-gap);
  }
  .names {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: var(--ladder-gap);
  }
  .field {
    display: grid;
    gap: 0.25em;
    align-content: start;
  }
  [part~='thanks'] h2 {
    color: var(--ladder-success);
  }
  [part~='share'] {
    overflow-wrap: anywhere;
  }
`;
