/**
 * The survey's questions: which are shown (`showIf`), how each type renders as native inputs in a `<fieldset>`,
 * and how the answers are read back from the form (checking them is in survey.steps.ts, loaded on first use). Question texts come from the campaign: rendered escaped
 * (Lit text bindings), with `dir="auto"` so a right-to-left question reads right in a left-to-right widget.
 *
 * In the DOM a question's inputs are named `q-<id>` (and its elements' ids start so): a question may well be called
 * `contact`, `help` or `email`, which must not mix with the widget's own fields of those names.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldIssue } from '../../schema/errors.ts';
import type { PublicSurvey } from '../../schema/survey.ts';
import type { CoreMessages } from '../core/i18n.ts';
import type { SurveyMessages } from './i18n/index.ts';

export type Question = PublicSurvey['pages'][number]['questions'][number];
export type Answers = Record<string, string | string[] | number>;
type Messages = CoreMessages & SurveyMessages;

/** The server's limits on text answers (`TEXT_MAX` in schema/survey.ts, which imports zod). */
const TEXT_MAX = { text: 500, longtext: 5000 };

/**
 * Whether a question is asked, given the answers so far: `isShown` in schema/survey.ts, which the widget cannot
 * import (zod). The two must agree: the server checks required questions only where it would show them.
 */
export function isShown(question: Question, answers: Answers): boolean {
  const { showIf } = question;
  if (!showIf) return true;
  const wanted = [showIf.equals].flat();
  return [answers[showIf.question]].flat().some((value) => wanted.includes(String(value)));
}

/** The answers of the questions shown, in order (so that a `showIf` on a hidden question hides in turn). */
export function readAnswers(form: HTMLFormElement, questions: Question[]): Answers {
  const answers: Answers = {};
  for (const q of questions) {
    if (!isShown(q, answers)) continue;
    const inputs = [...form.querySelectorAll<HTMLInputElement>(`[name="q-${q.id}"]`)];
    const checked = inputs.filter((input) => input.checked).map((input) => input.value);
    const value =
      q.type === 'text' || q.type === 'longtext'
        ? inputs[0]?.value.trim()
        : q.type === 'multiple'
          ? checked
          : q.type === 'scale' && checked[0]
            ? Number(checked[0])
            : checked[0];
    if (value !== undefined && value !== '' && !(Array.isArray(value) && !value.length)) answers[q.id] = value;
  }
  return answers;
}

/** One question: a `<fieldset>` whose `<legend>` is the question, its hint and error tied to it. */
export function question(q: Question, t: Messages, issue: FieldIssue | undefined, shown: boolean): TemplateResult {
  const id = `q-${q.id}`;
  const described = [q.help ? `${id}-help` : '', issue ? `${id}-error` : ''].join(' ').trim();
  return html`<fieldset part="question" class=${q.type} ?hidden=${!shown} aria-describedby=${described || nothing}>
    <legend id="${id}-label">
      <span dir="auto">${q.label}</span> ${q.required ? nothing : html`<span class="optional">${t.optional}</span>`}
    </legend>
    ${q.help ? html`<p id="${id}-help" class="hint" dir="auto">${q.help}</p>` : nothing} ${control(q, t, !!issue)}
    <p id="${id}-error" part="error" class="error">${issue ? t[issue] : ''}</p>
  </fieldset>`;
}

function control(q: Question, t: Messages, invalid: boolean): TemplateResult | TemplateResult[] {
  const { type } = q;
  const id = `q-${q.id}`;
  const choice = (value: string, label: string, described?: string) =>
    html`<label class="check">
      <input
        type=${type === 'multiple' ? 'checkbox' : 'radio'}
        name=${id}
        value=${value}
        ?required=${q.required && type !== 'multiple'}
        aria-invalid=${invalid}
        aria-describedby=${described ?? nothing}
      />
      <span dir="auto">${label}</span>
    </label>`;
  switch (type) {
    case 'single':
    case 'multiple':
      return (q.options ?? []).map((o) => choice(o.value, o.label));
    case 'yesno':
      return [choice('yes', t.yes), choice('no', t.no)];
    case 'scale': {
      const points = Array.from({ length: q.max - q.min + 1 }, (_, i) => String(q.min + i));
      const end = (which: 'min' | 'max', label?: string) =>
        label ? html`<span id="${id}-${which}" dir="auto">${label}</span>` : nothing;
      // The ends' meanings describe the first and last points: "1, Not at all".
      const described = (value: string) =>
        value === points[0] && q.minLabel
          ? `${id}-min`
          : value === points.at(-1) && q.maxLabel
            ? `${id}-max`
            : undefined;
      return html`<div class="ends" aria-hidden="true">${end('min', q.minLabel)} ${end('max', q.maxLabel)}</div>
        <div class="points">${points.map((value) => choice(value, value, described(value)))}</div>`;
    }
    default:
      return type === 'text'
        ? html`<input
            id=${id}
            name=${id}
            aria-labelledby="${id}-label"
            maxlength=${TEXT_MAX.text}
            dir="auto"
            ?required=${q.required}
            aria-invalid=${invalid}
          />`
        : html`<textarea
            id=${id}
            name=${id}
            rows="4"
            aria-labelledby="${id}-label"
            maxlength=${TEXT_MAX.longtext}
            dir="auto"
            ?required=${q.required}
            aria-invalid=${invalid}
          ></textarea>`;
  }
}
