/**
 * What `<ladder-call>` shows after the postcode: the district question, a target's card, the thank-you, and their
 * styles. Pure templates, loaded while the first lookup is on its way: a supporter who never gets past the
 * postcode (or a partner page that only shows the widget) does not download them.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { CallResult } from '../../schema/actions.ts';
import type { Outcome, TargetLookup } from '../../schema/call.ts';
import { LIMITS } from '../../schema/limits.ts';
import { honeypot } from '../core/honeypot.ts';
import type { CoreMessages } from '../core/i18n.ts';
import type { CallMessages } from './i18n/index.ts';
import type { LookupTarget } from './lookup.ts';

type Messages = CoreMessages & CallMessages;

/**
 * Whether numbers are `tel:` links: on phones (a coarse pointer or a narrow screen). Elsewhere a `tel:` link opens
 * whatever app claims it, or nothing, so the number is plain text to read or copy. Browser only.
 */
export const canDial = (matches = (query: string) => matchMedia(query).matches): boolean =>
  matches('(pointer: coarse)') || matches('(max-width: 30em)');

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

export interface CallInput {
  target: string;
  outcome: Outcome;
  postcode: string;
  /** Given only with an email. */
  person?: { givenName?: string; email: string };
  contact: boolean;
}

/** What `POST <campaign>/calls` takes: the call, the supporter if they gave an email, where they came from. */
export function callBody({ target, outcome, postcode, person, contact }: CallInput) {
  const params = new URLSearchParams(location.search);
  return {
    target,
    outcome,
    postcode,
    person,
    consent: person && { contact },
    referrer: params.get('ref')?.slice(0, LIMITS.referrer) || undefined,
    source: params.get('source')?.slice(0, LIMITS.source) || undefined,
  };
}

/**
 * The calls still to make after one: the first target is done, except after "unavailable", when it goes to the end
 * of the list to be offered again later (not counted as done).
 */
export function afterCall(queue: readonly string[], outcome: Outcome): string[] {
  const [current, ...rest] = queue;
  return outcome === 'unavailable' ? [...rest, current] : rest;
}

export const OUTCOMES: readonly Outcome[] = ['contact', 'voicemail', 'unavailable', 'skipped'];

/** A number: always readable as text (left to right, even in Arabic), a `tel:` link on phones. */
const phone = (number: string, dial: boolean) =>
  dial
    ? html`<a part="phone" href="tel:${number.replace(/[^\d+]/g, '')}" dir="ltr">${number}</a>`
    : html`<span part="phone" dir="ltr">${number}</span>`;

const hours = (text?: string) => (text ? html` <span class="muted" dir="auto">${text}</span>` : nothing);

export interface CardOptions {
  /** 1-based: calls done so far + 1. */
  n: number;
  total: number;
  /** Offered again after "unavailable". */
  again: boolean;
  /** The postcode was not known: these are the targets for everyone. */
  unknown: boolean;
  dial: boolean;
  sending: boolean;
  onOutcome: (outcome: Outcome) => void;
}

/** The district question: one radio per area the postcode lies in. */
export function choose(
  t: Pick<Messages, 'choose'>,
  areas: TargetLookup['areas'],
  error: string | undefined,
  button: TemplateResult,
  onSubmit: (event: SubmitEvent) => void,
): TemplateResult {
  return html`<form method="post" novalidate @submit=${onSubmit}>
    <fieldset part="choose" aria-describedby=${error ? 'area-error' : nothing}>
      <legend>${t.choose}</legend>
      ${areas.map(
        (area) =>
          html`<label class="check">
            <input type="radio" name="area" value=${area.id} required aria-invalid=${!!error} />
            <span dir="auto">${area.name}</span>
          </label>`,
      )}
    </fieldset>
    <p id="area-error" part="error" class="error">${error ?? ''}</p>
    <div>${button}</div>
  </form>`;
}

/** One target: who, the script with their name in it, where to call, and the outcome buttons. */
export function card(t: Messages, target: LookupTarget, o: CardOptions): TemplateResult {
  return html`<section part="target" aria-labelledby="target">
    ${o.unknown ? html`<p class="note">${t.unknownNote}</p>` : nothing}
    <div class="who">
      ${target.photo ? html`<img part="photo" src=${target.photo} alt="" width="64" height="64" />` : nothing}
      <div>
        <h3 id="target" tabindex="-1">${t.progress(o.n, o.total)}: <span dir="auto">${target.name}</span></h3>
        <p class="muted" dir="auto">${target.title}</p>
      </div>
    </div>
    ${o.again ? html`<p class="note">${t.again}</p>` : nothing}
    <ul part="phones">
      ${target.phones.map(
        (p) =>
          html`<li>
            ${p.label ? html`<span dir="auto">${p.label}</span>: ` : nothing}${phone(p.number, o.dial)}${hours(p.hours)}
          </li>`,
      )}
    </ul>
    <h4>${t.say}</h4>
    <p part="script" dir="auto">${target.script}</p>
    ${
      target.offices.length
        ? html`<details part="offices">
            <summary>${t.offices} (${target.offices.length})</summary>
            <ul>
              ${target.offices.map(
                (office) =>
                  html`<li dir="auto">
                    <strong>${office.name}</strong>${office.address ? html`<br />${office.address}` : nothing}
                    ${office.phone ? html`<br />${phone(office.phone, o.dial)}` : nothing}${hours(office.hours)}
                  </li>`,
              )}
            </ul>
          </details>`
        : nothing
    }
    ${honeypot(t.honeypot)}
    <div part="outcomes" role="group" aria-labelledby="outcome">
      <p id="outcome">${t.outcome}</p>
      ${OUTCOMES.map(
        (outcome) =>
          html`<button
            type="button"
            part="outcome"
            data-outcome=${outcome}
            aria-disabled=${o.sending}
            @click=${() => o.onOutcome(outcome)}
          >
            ${t[outcome]}
          </button>`,
      )}
    </div>
  </section>`;
}

/** All done: thanks, the campaign's calls by outcome, the share link and the next ask. */
export function thanks(t: Messages, result: CallResult | undefined, api: string, format: (n: number) => string) {
  const share = webUrl(result?.shareUrl, api);
  const next = result?.nextAsk;
  const nextUrl = webUrl(next?.url, api);
  return html`<div part="thanks">
    <h3 tabindex="-1">${t.thanks}</h3>
    ${
      result
        ? html`<p>${t.totals}</p>
            <dl part="totals">
              ${OUTCOMES.map(
                (o) =>
                  html`<div>
                    <dt>${t[`total_${o}`]}</dt>
                    <dd>${format(result.outcomes[o] ?? 0)}</dd>
                  </div>`,
              )}
            </dl>`
        : nothing
    }
    ${
      share
        ? html`<p>${t.share}</p>
            <p><a part="share" href=${share} dir="ltr">${share}</a></p>`
        : nothing
    }
    ${next && nextUrl ? html`<p part="next">${t.next} <a href=${nextUrl} dir="auto">${next.title}</a></p>` : nothing}
  </div>`;
}

export const steps = css`
  [part~='target'],
  [part~='thanks'] {
    display: grid;
    gap: var(--ladder-gap);
  }
  [part~='target'] {
    padding: var(--ladder-gap);
    border: 1px solid var(--ladder-border);
    border-radius: var(--ladder-radius);
  }
  .who {
    display: flex;
    gap: var(--ladder-gap);
    align-items: center;
  }
  [part~='photo'] {
    border-radius: 50%;
    object-fit: cover;
  }
  h3,
  h4 {
    margin: 0;
    font-size: 1.1em;
  }
  h4 {
    font-size: 1em;
  }
  ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  [part~='script'] {
    white-space: pre-line;
    padding-inline-start: var(--ladder-gap);
    border-inline-start: 4px solid var(--ladder-accent);
  }
  [part~='phone'] {
    font-weight: 700;
  }
  .note {
    font-style: italic;
  }
  [part~='outcomes'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  [part~='outcomes'] p {
    flex-basis: 100%;
    font-weight: 600;
  }
  [data-outcome='unavailable'],
  [data-outcome='skipped'] {
    background: var(--ladder-background);
    color: var(--ladder-accent);
    box-shadow: inset 0 0 0 2px var(--ladder-accent);
  }
  dl {
    display: grid;
    grid-template-columns: auto auto;
    justify-content: start;
    gap: 0.25em 1em;
    margin: 0;
  }
  dl div {
    display: contents;
  }
  dd {
    margin: 0;
    font-weight: 700;
  }
  [part~='thanks'] h3 {
    color: var(--ladder-success);
  }
  [part~='share'] {
    overflow-wrap: anywhere;
  }
`;
