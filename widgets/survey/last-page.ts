/**
 * The survey's last page: the ask that matters to organizers ("Would you help?"), the respondent's contact
 * details (optional where the campaign allows anonymous answers) and the consent to be contacted (never required).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldIssue } from '../../schema/errors.ts';
import { LIMITS, POSTCODE_PATTERN } from '../../schema/limits.ts';
import type { PublicSurvey } from '../../schema/survey.ts';
import { honeypot } from '../core/honeypot.ts';
import type { CoreMessages } from '../core/i18n.ts';
import type { SurveyMessages } from './i18n/index.ts';

type Messages = CoreMessages & SurveyMessages;

/** The respondent's fields, their autocomplete tokens and native constraints (from schema/limits.ts). */
const PERSON = [
  ['givenName', 'given-name', LIMITS.name],
  ['familyName', 'family-name', LIMITS.name],
  ['email', 'email', LIMITS.email],
  ['postcode', 'postal-code', LIMITS.postcode],
] as const;

export const PERSON_FIELDS = PERSON.map(([name]) => name);

export function lastPage(
  survey: PublicSurvey,
  consent: string | undefined,
  t: Messages,
  issue: (name: string) => FieldIssue | undefined,
): TemplateResult {
  const { anonymous, help } = survey;
  const fields = PERSON.map(([name, autocomplete, max]) => {
    const required = !anonymous && name !== 'postcode';
    const problem = issue(name);
    return html`<div class="field">
      <label for=${name}>${t[name]} ${required ? nothing : html`<span class="optional">${t.optional}</span>`}</label>
      <input
        id=${name}
        name=${name}
        type=${name === 'email' ? 'email' : 'text'}
        autocomplete=${autocomplete}
        ?required=${required}
        maxlength=${max}
        pattern=${name === 'postcode' ? POSTCODE_PATTERN : nothing}
        dir="auto"
        aria-invalid=${!!problem}
        aria-describedby=${problem ? `${name}-error` : nothing}
      />
      <p id="${name}-error" part="error" class="error">${problem ? t[problem] : ''}</p>
    </div>`;
  });
  return html`${
      help
        ? html`<fieldset part="question" class="multiple">
            <legend dir="auto">${help.question}</legend>
            ${help.options.map(
              (o) =>
                html`<label class="check">
                  <input type="checkbox" name="help" value=${o.value} /><span dir="auto">${o.label}</span>
                </label>`,
            )}
          </fieldset>`
        : nothing
    }
    <fieldset part="contact" aria-describedby=${anonymous ? 'anonymous' : nothing}>
      <legend>${t.aboutYou}</legend>
      ${anonymous ? html`<p id="anonymous" class="hint">${t.anonymous}</p>` : nothing}
      <div class="names">${fields[0]}${fields[1]}</div>
      ${fields[2]}${fields[3]}
    </fieldset>
    <label part="consent" class="check">
      <input type="checkbox" name="contact" />
      <span dir="auto">${consent}</span>
    </label>
    ${honeypot(t.honeypot)}`;
}
