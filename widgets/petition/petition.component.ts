import { html, nothing, type TemplateResult } from 'lit';
import type { NextAsk, SignatureResult } from '../../schema/actions.ts';
import type { FieldIssue } from '../../schema/errors.ts';
import { currentGoal } from '../../schema/goal.ts';
import { LIMITS, POSTCODE_PATTERN } from '../../schema/limits.ts';
import { campaignUrl, type Answer } from '../core/api.ts';
import { LadderElement } from '../core/base.ts';
import { SubmitController } from '../core/controllers.ts';
import { LadderSubmitEvent } from '../core/events.ts';
import { honeypot } from '../core/honeypot.ts';
import { $supporter, loadSupporter, rememberSupporter, type Supporter } from '../core/supporter.ts';
import { petitionMessages, type PetitionMessages } from './i18n/index.ts';
import { styles } from './petition.styles.ts';

type PersonField = keyof Supporter;

/** The person's fields, their autocomplete tokens and native constraints (from schema/limits.ts). */
const PERSON: { name: PersonField; autocomplete: string; type?: string; max: number; pattern?: string }[] = [
  { name: 'givenName', autocomplete: 'given-name', max: LIMITS.name },
  { name: 'familyName', autocomplete: 'family-name', max: LIMITS.name },
  { name: 'email', autocomplete: 'email', type: 'email', max: LIMITS.email },
  { name: 'postcode', autocomplete: 'postal-code', max: LIMITS.postcode, pattern: POSTCODE_PATTERN },
];

/** The issue a native input reports, as the API would name it. */
function issueOf(input: HTMLInputElement | HTMLTextAreaElement): FieldIssue | undefined {
  const { validity } = input;
  if (validity.valid) return;
  if (validity.valueMissing) return 'required';
  if (validity.typeMismatch) return 'invalid_email';
  if (validity.patternMismatch) return input.name === 'postcode' ? 'invalid_postcode' : 'invalid';
  if (validity.tooLong) return 'too_long';
  return 'invalid';
}

/** Only web links from the API are rendered as links, resolved against it (never `javascript:`). */
function webUrl(url: string, base: string): string | undefined {
  try {
    const resolved = new URL(url, base);
    return /^https?:$/.test(resolved.protocol) ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A petition: the demand, a goal thermometer with the live count, and the form to sign it.
 *
 * @summary Sign a petition: name, email, postcode, optional comment and consent to be contacted.
 *
 * @event ladder-submit - Before sending; cancelable. `detail: { campaign }`.
 * @event ladder-success - Signed (or already signed: `duplicate`). `detail: { campaign, id, count, duplicate }`.
 * @event ladder-error - Refused or failed. `detail: { campaign, code }`.
 * @event ladder-queued - Offline: stored on this device, sent later. `detail: { campaign }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The campaign's title.
 * @csspart ask - Who the petition is addressed to and what it demands.
 * @csspart meter - The count and goal, with the progress bar.
 * @csspart progress - The progress bar (a native `<progress>`).
 * @csspart form - The form.
 * @csspart error - A field's error message.
 * @csspart consent - The consent checkbox with its text.
 * @csspart submit - The submit button.
 * @csspart status - The live region with the form's state.
 * @csspart thanks - What replaces the form after signing.
 * @csspart share - The share link.
 * @csspart next - The next ask.
 *
 * @cssproperty --ladder-font-size - The base size; everything scales with it. Default 16px.
 * @cssproperty --ladder-font-family - The font.
 * @cssproperty --ladder-color - Text color.
 * @cssproperty --ladder-muted - Secondary text color.
 * @cssproperty --ladder-background - Background color.
 * @cssproperty --ladder-accent - Buttons, links and the progress bar.
 * @cssproperty --ladder-accent-contrast - Text on the accent color.
 * @cssproperty --ladder-border - Input borders.
 * @cssproperty --ladder-error - Error text and invalid inputs.
 * @cssproperty --ladder-success - The thank-you heading.
 * @cssproperty --ladder-focus - The focus ring.
 * @cssproperty --ladder-radius - Corner radius.
 * @cssproperty --ladder-gap - Space between parts.
 */
export class LadderPetition extends LadderElement<PetitionMessages> {
  static override styles = styles;
  static override messages = petitionMessages;

  protected readonly submitter = new SubmitController<SignatureResult>(
    this,
    [...PERSON.map(({ name }) => name), 'comment'],
    'signature',
    (answer) => this.#settled(answer),
  );
  #remember: Supporter | null = null;
  #unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    loadSupporter(this.apiBase);
    this.#unsubscribe = $supporter.subscribe((supporter) => void this.#prefill(supporter));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
  }

  override render(): TemplateResult {
    const { t, data } = this;
    const { state, result } = this.submitter;
    const count = result?.count ?? data?.count;
    const done = state === 'success' || state === 'duplicate' || state === 'queued';
    const closed = data?.status === 'closed';
    return html`<div part="base" class="${state}-state" dir=${this.direction}>
      <h2 part="title" dir="auto">${data?.title}</h2>
      <p part="ask" dir="auto">
        ${data?.petition ? html`<span class="to">${t.to} ${data.petition.to}</span> ${data.petition.ask}` : nothing}
      </p>
      <div part="meter">${this.#meter(count, currentGoal(count ?? 0, data?.goal))}</div>
      ${done ? this.#thanks() : closed ? html`<p>${t.campaign_closed}</p>` : this.#form()}
      <p part="status" role="status">${this.#status()}</p>
    </div>`;
  }

  /** Before the count is known: an empty bar and no text, in the same space. */
  #meter(count: number | undefined, goal: number): TemplateResult {
    const { t } = this;
    return html`<p>
        <strong>${count === undefined ? '' : t.signatures(count, this.format(count))}</strong>
        <span class="goal">${count === undefined ? '' : t.goal(goal, this.format(goal))}</span>
      </p>
      <progress part="progress" aria-hidden="true" max=${goal} value=${count ?? 0}></progress>`;
  }

  #form(): TemplateResult {
    const { t, data } = this;
    const sending = this.submitter.state === 'sending';
    const [given, family, ...rest] = PERSON.map((field) =>
      this.#field(
        field.name,
        html`<input
          id=${field.name}
          name=${field.name}
          type=${field.type ?? 'text'}
          autocomplete=${field.autocomplete}
          required
          maxlength=${field.max}
          pattern=${field.pattern ?? nothing}
          dir="auto"
          aria-invalid=${!!this.#issue(field.name)}
          aria-describedby=${this.#issue(field.name) ? `${field.name}-error` : nothing}
        />`,
      ),
    );
    return html`<form part="form" method="post" novalidate @submit=${this.#onSubmit}>
      <div class="names">${given}${family}</div>
      ${rest}
      ${this.#field(
        'comment',
        html`<textarea
          id="comment"
          name="comment"
          rows="3"
          maxlength=${LIMITS.comment}
          dir="auto"
          aria-invalid=${!!this.#issue('comment')}
          aria-describedby=${this.#issue('comment') ? 'comment-error' : nothing}
        ></textarea>`,
      )}
      <label part="consent" class="check">
        <input type="checkbox" name="contact" />
        <span dir="auto">${data?.consent.text}</span>
      </label>
      <label class="check"><input type="checkbox" name="remember" /> <span>${t.remember}</span></label>
      ${honeypot(t.honeypot)}
      <div>
        <button part="submit" type="submit" aria-disabled=${sending}>${sending ? t.sending : t.submit}</button>
      </div>
    </form>`;
  }

  #field(name: string, input: TemplateResult): TemplateResult {
    const issue = this.#issue(name);
    return html`<div class="field">
      <label for=${name}>${this.t[name as 'comment']}</label>
      ${input}
      <p id="${name}-error" part="error" class="error">${issue ? this.t[issue] : ''}</p>
    </div>`;
  }

  #issue(name: string): FieldIssue | undefined {
    return this.submitter.state === 'invalid' ? this.submitter.fields[name] : undefined;
  }

  #thanks(): TemplateResult {
    const { t } = this;
    const { state, result } = this.submitter;
    const share = result && webUrl(result.shareUrl, this.apiBase);
    const next: NextAsk | null | undefined = result?.nextAsk;
    const nextUrl = next && webUrl(next.url, this.apiBase);
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
      ${next && nextUrl ? html`<p part="next">${t.next} <a href=${nextUrl} dir="auto">${next.title}</a></p>` : nothing}
    </div>`;
  }

  #status(): string {
    const { t, submitter } = this;
    if (submitter.state === 'invalid') return t.fix;
    if (submitter.state === 'error') {
      const code = submitter.error;
      // The codes with words of their own (campaign_closed, forbidden_origin, rate_limited); others: the generic one.
      return t[code as 'error'] || t.error;
    }
    if (!this.data && this.loader.status === 'error') return t.loadFailed;
    return '';
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (this.submitter.state === 'sending') return;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const checked = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).checked;
    const fields: Record<string, FieldIssue> = {};
    for (const input of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[dir=auto][name]')) {
      // The server trims; so do we, or "  94110" would fail the pattern.
      input.value = input.value.trim();
      const issue = issueOf(input);
      if (issue) fields[input.name] = issue;
    }
    if (Object.keys(fields).length) {
      this.submitter.invalid(fields);
      return this.#focus();
    }
    if (!this.dispatchEvent(new LadderSubmitEvent({ campaign: this.campaign }))) return;
    const person = Object.fromEntries(PERSON.map(({ name }) => [name, value(name)])) as unknown as Supporter;
    const params = new URLSearchParams(location.search);
    this.#remember = checked('remember') ? person : null;
    await this.submitter.send(`${campaignUrl(this.apiBase, this.campaign)}/signatures`, {
      person,
      comment: value('comment') || undefined,
      consent: { contact: checked('contact') },
      referrer: params.get('ref')?.slice(0, LIMITS.referrer) || undefined,
      source: params.get('source')?.slice(0, LIMITS.source) || undefined,
    });
  }

  #settled(answer: Answer<SignatureResult>): void {
    if (answer.kind !== 'refused') rememberSupporter(this.#remember, this.apiBase);
    void this.#focus();
  }

  /** After an answer: focus the first invalid field, or the thank-you heading. */
  async #focus(): Promise<void> {
    await this.updateComplete;
    const root = this.renderRoot;
    (
      root.querySelector<HTMLElement>('[aria-invalid=true]') ?? root.querySelector<HTMLElement>('[part=thanks] h2')
    )?.focus();
  }

  /** Fills what is still empty from the remembered supporter, while the form is untouched. */
  async #prefill(supporter: Supporter | null): Promise<void> {
    if (!supporter || this.submitter.state !== 'idle') return;
    await this.updateComplete;
    const form = this.renderRoot.querySelector('form');
    if (!form) return;
    for (const { name } of PERSON) {
      const input = form.elements.namedItem(name) as HTMLInputElement;
      if (!input.value) input.value = supporter[name];
    }
    (form.elements.namedItem('remember') as HTMLInputElement).checked = true;
  }
}
