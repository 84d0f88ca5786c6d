/**
 * The letter's steps as markup (`Flow` in letter.views.ts keeps their state): the letter to read or write, and the
 * thank-you with the thermometer, the letters the supporter hands over themselves, the share link and the next ask;
 * their styles. In the views' lazy chunk.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { TargetLookup } from '../../schema/call.ts';
import type { FieldIssue } from '../../schema/errors.ts';
import { ownWords } from '../../schema/letter-text.ts';
import { LIMITS } from '../../schema/limits.ts';
import { honeypot } from '../core/honeypot.ts';
import type { Supporter } from '../core/supporter.ts';
import { steps, webUrl } from '../call/call.views.ts';
import type { LadderLetter } from './letter.component.ts';
import type { Flow } from './letter.views.ts';

type LookupTarget = TargetLookup['targets'][number];
export type Issue = FieldIssue | 'unknown' | 'none' | 'too_similar';
export type View = LadderLetter['shared'] & { lookup: TargetLookup; flow: Flow };

/** The issue a native input reports, as the API would name it. */
export function issueOf(input: HTMLInputElement): FieldIssue | undefined {
  const { validity } = input;
  if (validity.valid) return;
  if (validity.valueMissing) return 'required';
  if (validity.typeMismatch) return 'invalid_email';
  if (validity.patternMismatch) return 'invalid_postcode';
  return validity.tooLong ? 'too_long' : 'invalid';
}

/** The longest subject and letter (schema/letter.ts's LETTER_LIMITS, which imports zod). */
const MAX = { subject: 200, text: 10000 };

/** The suggestion with the target filled in: `{target}` and `{title}`. */
const fill = (text: string, target: LookupTarget) =>
  text.replaceAll('{target}', target.name).replaceAll('{title}', target.title);

/**
 * The supporter's text back to the campaign's form: the first target's name and title, shown filled in, become
 * `{target}` and `{title}` again, so each target gets the letter with their own name. (A known limit: the title
 * written elsewhere in the letter, in the supporter's own words, is replaced too; it reads the same to that target.)
 */
const unfill = (text: string, target: LookupTarget) => {
  const named = text.replaceAll(target.name, '{target}');
  return target.title ? named.replaceAll(target.title, '{title}') : named;
};

/** The letter's body for `POST <campaign>/letters`, or the issues that keep it from being sent. */
export function letterBody(v: View, form: HTMLFormElement, person: Supporter, contact: boolean, area?: string) {
  const [first] = v.lookup.targets;
  const { editing, text: suggestion, ownWords: needed } = v.data.letter!;
  const fields: Record<string, Issue> = {};
  const read = (name: string) => {
    const input = form.elements.namedItem(name) as HTMLInputElement;
    input.value = input.value.trim();
    const issue = issueOf(input);
    if (issue) fields[name] = issue;
    return unfill(input.value, first);
  };
  const subject = read('subject');
  const text = read('text');
  if (!fields.text && editing === 'required' && ownWords(text, suggestion) < needed) fields.text = 'too_similar';
  const params = new URLSearchParams(location.search);
  const own = editing !== 'none';
  return {
    fields,
    sent: { subject, text },
    body: {
      person,
      area,
      subject: own ? subject : undefined,
      text: own ? text : undefined,
      consent: { contact },
      referrer: params.get('ref')?.slice(0, LIMITS.referrer) || undefined,
      source: params.get('source')?.slice(0, LIMITS.source) || undefined,
    },
  };
}

export function write(v: View): TemplateResult {
  const { t, data, lookup } = v;
  const { editing, ownWords: needed } = data.letter!;
  const [first] = lookup.targets;
  const fixed = editing === 'none';
  const box = (
    name: 'subject' | 'text',
    control: (attrs: { invalid: boolean; described: string }) => TemplateResult,
  ) => {
    const error = v.flow.issue(name);
    const hint = name === 'text' && editing !== 'optional';
    return html`<div class="field">
      <label for=${name}>${t[name]}</label>
      ${hint ? html`<p id="text-hint" class="muted">${fixed ? t.fixed : t.own(needed)}</p>` : nothing}
      ${control({ invalid: !!error, described: `${hint ? 'text-hint ' : ''}${name}-error` })}
      <p id="${name}-error" part="error" class="error">${error ?? ''}</p>
    </div>`;
  };
  return html`<form part="letter" method="post" novalidate @submit=${(e: SubmitEvent) => v.flow.send(e)}>
    <div part="targets" tabindex="-1">
      <p>${t.to}</p>
      <ul>
        ${lookup.targets.map((target) => html`<li dir="auto">${target.name}, ${target.title}</li>`)}
      </ul>
    </div>
    ${box(
      'subject',
      (a) =>
        html`<input
          id="subject"
          name="subject"
          required
          maxlength=${MAX.subject}
          ?readonly=${fixed}
          .defaultValue=${fill(data.letter!.subject, first)}
          dir="auto"
          aria-invalid=${a.invalid}
          aria-describedby=${a.described}
        />`,
    )}
    ${box(
      'text',
      (a) =>
        html`<textarea
          id="text"
          name="text"
          rows="12"
          required
          maxlength=${MAX.text}
          ?readonly=${fixed}
          .defaultValue=${fill(data.letter!.text, first)}
          dir="auto"
          aria-invalid=${a.invalid}
          aria-describedby=${a.described}
        ></textarea>`,
    )}
    ${honeypot(t.honeypot)}
    <div>${v.flow.button(t.submit)}</div>
  </form>`;
}

export function thanks(v: View): TemplateResult {
  const { t, data } = v;
  const { state, result } = v.flow.host.submitter;
  const count = result?.count ?? data.count;
  // The thermometer: against the goal, or (past it, or without one) full.
  const goal = data.goal && count < data.goal ? data.goal : count;
  const share = webUrl(result?.shareUrl, v.api);
  const next = result?.nextAsk;
  const nextUrl = webUrl(next?.url, v.api);
  const heading =
    state === 'queued' ? t.queued : state === 'duplicate' ? t.duplicate : result?.pending ? t.checkEmail : t.thanks;
  // Targets with only a web form: the supporter takes the letter there (the server records it as handed over).
  const handed = v.lookup.targets.filter((target) => !target.email && webUrl(target.contactForm, v.api));
  return html`<div part="thanks">
    <h3 tabindex="-1">${heading}</h3>
    <progress part="progress" max=${goal} value=${count} aria-label=${t.letters(count, v.format(count))}></progress>
    ${handed.map((target) => {
      const { subject, text } = v.flow.sent;
      const letter = `${fill(subject, target)}\n\n${fill(text, target)}`;
      return html`<section part="handed" aria-labelledby="h-${target.id}">
        <h4 id="h-${target.id}" dir="auto">${target.name}, ${target.title}</h4>
        <p>${t.byHand}</p>
        <textarea readonly rows="6" dir="auto" aria-labelledby="h-${target.id}" .value=${letter}></textarea>
        <p>
          <button
            type="button"
            part="copy"
            @click=${(e: Event) => {
              // Read now: once the click is dispatched, an event from a shadow tree has no target any more.
              const button = e.target as HTMLElement;
              void navigator.clipboard.writeText(letter).then(() => (button.textContent = t.copied));
            }}
          >
            ${t.copy}
          </button>
          <a href=${webUrl(target.contactForm, v.api)!} target="_blank" rel="noopener">${t.form}</a>
        </p>
      </section>`;
    })}
    ${
      share
        ? html`<p>${t.share}</p>
            <p><a part="share" href=${share} dir="ltr">${share}</a></p>`
        : nothing
    }
    ${next && nextUrl ? html`<p part="next">${t.next} <a href=${nextUrl} dir="auto">${next.title}</a></p>` : nothing}
  </div>`;
}

export const styles = [
  steps,
  css`
    [part~='letter'] textarea,
    [part~='handed'] textarea {
      font: inherit;
      resize: vertical;
    }
    [part~='targets'] {
      display: grid;
      gap: 0.25em;
    }
    [part~='handed'] {
      display: grid;
      gap: 0.5em;
      padding: var(--ladder-gap);
      border: 1px solid var(--ladder-border);
      border-radius: var(--ladder-radius);
    }
    [part~='progress'] {
      inline-size: 100%;
      accent-color: var(--ladder-accent);
    }
  `,
];
