/**
 * The markup every widget's form and thank-you share, written once (it was written in each widget): the
 * supporter's fields, a labelled control with its error, the browser's verdict on an input, the share link and the
 * next ask, and where the focus goes after an answer.
 */
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import type { ActionResult } from '../../schema/actions.ts';
import type { FieldIssue } from '../../schema/errors.ts';
import { LIMITS, POSTCODE_PATTERN } from '../../schema/limits.ts';
import type { Supporter } from './supporter.ts';

/** The supporter's details in the order the forms ask them: name, autocomplete token, longest value. */
export const PERSON: [name: keyof Supporter, autocomplete: string, max: number][] = [
  ['givenName', 'given-name', LIMITS.name],
  ['familyName', 'family-name', LIMITS.name],
  ['email', 'email', LIMITS.email],
  ['postcode', 'postal-code', LIMITS.postcode],
];

/** The issue a native input reports, as the API would name it (only the postcode has a pattern). */
export function issueOf(input: HTMLInputElement | HTMLTextAreaElement): FieldIssue | undefined {
  const { validity } = input;
  if (validity.valid) return;
  if (validity.valueMissing) return 'required';
  if (validity.typeMismatch) return 'invalid_email';
  if (validity.patternMismatch) return input.name === 'postcode' ? 'invalid_postcode' : 'invalid';
  return validity.tooLong ? 'too_long' : 'invalid';
}

/** Only web links from the API are rendered as links, resolved against it (never `javascript:`). */
export function webUrl(url: string | undefined, base: string): string | undefined {
  if (!url) return;
  try {
    const resolved = new URL(url, base);
    return /^https?:$/.test(resolved.protocol) ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

/** A labelled control and its error, which the control names in `aria-describedby` (`<name>-error`). */
export const field = (name: string, label: unknown, control: unknown, error?: string): TemplateResult =>
  html`<div class="field">
    <label for=${name}>${label}</label>
    ${control}
    <p id="${name}-error" part="error" class="error">${error ?? ''}</p>
  </div>`;

/** One of PERSON's inputs, constrained as the API checks it; `value`: what the supporter gave before. */
export const personInput = (
  [name, autocomplete, max]: (typeof PERSON)[number],
  invalid: boolean,
  required = true,
  value?: string,
): TemplateResult =>
  html`<input
    id=${name}
    name=${name}
    type=${name === 'email' ? 'email' : 'text'}
    autocomplete=${autocomplete}
    ?required=${required}
    maxlength=${max}
    pattern=${name === 'postcode' ? POSTCODE_PATTERN : nothing}
    .defaultValue=${value ?? ''}
    dir="auto"
    aria-invalid=${invalid}
    aria-describedby=${invalid ? `${name}-error` : nothing}
  />`;

/** After an action: the share link and the next ask, when the API gave them. */
export function shareNext(t: { share: string; next: string }, result: ActionResult | undefined, api: string) {
  const share = webUrl(result?.shareUrl, api);
  const next = result?.nextAsk;
  const nextUrl = webUrl(next?.url, api);
  return html`${
    share
      ? html`<p>${t.share}</p>
          <p><a part="share" href=${share} dir="ltr">${share}</a></p>`
      : nothing
  }
  ${next && nextUrl ? html`<p part="next">${t.next} <a href=${nextUrl} dir="auto">${next.title}</a></p>` : nothing}`;
}

/** After an answer, once rendered: focuses the first invalid field, else what `then` finds (a heading). */
export async function focusFirst(host: ReactiveElement, then: string): Promise<void> {
  await host.updateComplete;
  const root = host.renderRoot;
  (root.querySelector<HTMLElement>('[aria-invalid=true]') ?? root.querySelector<HTMLElement>(then))?.focus();
}
