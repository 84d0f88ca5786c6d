/** The postcode form's pieces: a field with its label and error, and the browser's verdict on an input. */
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldIssue } from '../../schema/errors.ts';
import { POSTCODE_PATTERN } from '../../schema/limits.ts';

export type FieldName = 'postcode' | 'givenName' | 'familyName' | 'email';

/** The issue a native input reports, as the API would name it. */
export function issueOf(input: HTMLInputElement): FieldIssue | undefined {
  const { validity } = input;
  if (validity.valid) return;
  if (validity.valueMissing) return 'required';
  if (validity.typeMismatch) return 'invalid_email';
  if (validity.patternMismatch) return 'invalid_postcode';
  return validity.tooLong ? 'too_long' : 'invalid';
}

/** A labelled input; its error (when there is one) is tied to it with `aria-describedby`. */
export function field(
  label: string,
  input: { name: FieldName; autocomplete: string; max: number; value?: string; required: boolean },
  error: string | undefined,
): TemplateResult {
  const { name } = input;
  return html`<div class="field">
    <label for=${name}>${label}</label>
    <input
      id=${name}
      name=${name}
      type=${name === 'email' ? 'email' : 'text'}
      autocomplete=${input.autocomplete}
      ?required=${input.required}
      maxlength=${input.max}
      pattern=${name === 'postcode' ? POSTCODE_PATTERN : nothing}
      .defaultValue=${input.value ?? ''}
      dir="auto"
      aria-invalid=${!!error}
      aria-describedby=${error ? `${name}-error` : nothing}
    />
    <p id="${name}-error" part="error" class="error">${error ?? ''}</p>
  </div>`;
}
