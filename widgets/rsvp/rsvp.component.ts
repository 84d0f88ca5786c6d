import { html, nothing, type TemplateResult } from 'lit';
import type { RsvpResult } from '../../schema/actions.ts';
import type { FieldIssue } from '../../schema/errors.ts';
import type { PublicEvent } from '../../schema/event.ts';
import { LIMITS } from '../../schema/limits.ts';
import { campaignUrl, type Answer } from '../core/api.ts';
import { LadderElement } from '../core/base.ts';
import { SubmitController } from '../core/controllers.ts';
import { LadderSubmitEvent } from '../core/events.ts';
import { honeypot } from '../core/honeypot.ts';
import { webUrl } from './links.ts';
import { rsvpMessages, type RsvpMessages } from './i18n/index.ts';
import { styles } from './rsvp.styles.ts';
import type { thanks } from './thanks.ts';
import { browserZone, SHIFT, SHORT, when, zoneName } from './when.ts';

/** The person's fields, their autocomplete tokens and native constraints (from schema/limits.ts). */
const PERSON = [
  ['givenName', 'given-name', 'text', LIMITS.name],
  ['familyName', 'family-name', 'text', LIMITS.name],
  ['email', 'email', 'email', LIMITS.email],
  // Optional; the server reads it with the campaign's region and answers `invalid_phone` if it cannot.
  ['phone', 'tel', 'tel', LIMITS.phone],
] as const;

type Shift = PublicEvent['shifts'][number];
type Thanks = typeof thanks;

/**
 * An event: when (in the supporter's time zone, and the event's when they differ), where, who hosts it, places
 * left, optional shifts, and the form to RSVP. When it is full, the RSVP goes on the waitlist. RSVPing again with
 * the same email changes nothing: the person's private link (emailed to them) does. The confirmation offers the calendar file, Google and Outlook links, and the
 * private link to change or cancel.
 *
 * Server-rendered, it shows the event's own time zone; once hydrated, it switches to the supporter's in the same
 * number of lines.
 *
 * @summary RSVP to an event: name, email, optional phone (with separate SMS consent), guests, shift.
 *
 * @event ladder-submit - Before sending; cancelable. `detail: { campaign }`.
 * @event ladder-success - RSVP stored (or changed: `duplicate` when nothing new was counted). `detail: { campaign, id, count, duplicate }`.
 * @event ladder-error - Refused or failed. `detail: { campaign, code }`.
 * @event ladder-queued - Offline: stored on this device, sent later. `detail: { campaign }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The event's title.
 * @csspart summary - The event's summary.
 * @csspart when - Date and time, with the time zone (two lines).
 * @csspart where - The place's name and address, or the online link.
 * @csspart host - Who hosts the event.
 * @csspart spots - Places left, or that the event is full.
 * @csspart form - The form.
 * @csspart shifts - The group of shifts (radio buttons).
 * @csspart error - A field's error message.
 * @csspart sms - The SMS consent checkbox (shown once a phone number is typed).
 * @csspart consent - The email consent checkbox with its text.
 * @csspart submit - The submit button ("RSVP", or "Join the waitlist" when full).
 * @csspart status - The live region with the form's state.
 * @csspart thanks - What replaces the form after the RSVP.
 * @csspart calendar - The calendar links (.ics, Google, Outlook).
 * @csspart manage - The link to change or cancel the RSVP.
 * @csspart share - The share link.
 * @csspart next - The next ask.
 *
 * @cssproperty --ladder-font-size - The base size; everything scales with it. Default 16px.
 * @cssproperty --ladder-font-family - The font.
 * @cssproperty --ladder-color - Text color.
 * @cssproperty --ladder-muted - Secondary text color.
 * @cssproperty --ladder-background - Background color.
 * @cssproperty --ladder-accent - Buttons and links.
 * @cssproperty --ladder-accent-contrast - Text on the accent color.
 * @cssproperty --ladder-border - Input borders.
 * @cssproperty --ladder-error - Error text and invalid inputs.
 * @cssproperty --ladder-success - The confirmation heading.
 * @cssproperty --ladder-focus - The focus ring.
 * @cssproperty --ladder-radius - Corner radius.
 * @cssproperty --ladder-gap - Space between parts.
 */
export class LadderRsvp extends LadderElement<RsvpMessages> {
  static override styles = styles;
  static override messages = rsvpMessages;

  protected readonly submitter = new SubmitController<RsvpResult>(
    this,
    [...PERSON.map(([name]) => name), 'guests', 'shift'],
    'rsvp',
    (answer) => void this.#settled(answer),
  );
  /** The zone times are shown in: the event's until hydrated (as on the server), then the supporter's. */
  #zone?: string;
  /** Whether a phone number is typed: the SMS consent is offered only then. */
  #phone = false;
  /** The chosen shift's id. */
  #shift?: string;
  #confirm?: Thanks;
  #thanksLoading?: Promise<unknown>;

  /** Once the first render (which hydrates server-rendered markup) is done: switch to the supporter's zone. */
  protected override firstUpdated(): void {
    void this.updateComplete.then(() => {
      this.#zone = browserZone();
      this.requestUpdate();
    });
  }

  override render(): TemplateResult {
    const { t, data } = this;
    const { state, result } = this.submitter;
    const done = state === 'success' || state === 'duplicate';
    const view = done ? result!.rsvp.status : state;
    return html`<div part="base" class="${view}-state" dir=${this.direction}>
      <h2 part="title" dir="auto">${data?.title}</h2>
      <p part="summary" dir="auto">${data?.summary}</p>
      ${this.#details(data?.event)}
      ${
        done && this.#confirm
          ? this.#confirm(t, data as Parameters<Thanks>[1], result!, (url) => webUrl(url, this.apiBase))
          : done || state === 'queued'
            ? // Queued, or the confirmation's chunk could not be fetched (offline since the form was started).
              html`<div part="thanks">
                <h2 tabindex="-1">${done ? (view === 'waitlisted' ? t.waitlisted : t.going) : t.queued}</h2>
              </div>`
            : data?.status === 'closed'
              ? html`<p>${t.campaign_closed}</p>`
              : this.#form(data?.event)
      }
      <p part="status" role="status">${this.#status()}</p>
    </div>`;
  }

  /** Before the event is known: empty lines in the same space. */
  #details(event: PublicEvent | undefined): TemplateResult {
    const { t, language } = this;
    const zone = this.#zone ?? event?.timezone;
    let main = '';
    let other = '';
    if (event && zone) {
      const { startsAt: start, endsAt: end, timezone } = event;
      main = when(start, end, language, zone);
      other =
        zone === timezone
          ? zoneName(start, language, zone)
          : `${t.atEvent} ${when(start, end, language, timezone, SHORT)}`;
    }
    const { name, address, online } = event?.location ?? {};
    const link = webUrl(online, this.apiBase);
    const result = this.submitter.result;
    // The result's places left are the chosen shift's when there is one.
    const left = result && !result.rsvp.shift ? result.spotsLeft : event?.spotsLeft;
    return html`<p part="when"><span class="l">${main}</span><span class="l muted">${other}</span></p>
      <p part="where" dir="auto">
        ${[name, address].filter(Boolean).join(', ')}
        ${link ? html`<a href=${link} target="_blank" rel="noopener">${t.online}</a>` : nothing}
      </p>
      ${event?.host ? html`<p part="host">${t.host} <span dir="auto">${event.host}</span></p>` : nothing}
      <p part="spots">${event?.capacity ? this.#left(left ?? 0, event.capacity) : nothing}</p>`;
  }

  #left(left: number, capacity: number): string {
    return left ? this.t.left(left, this.format(left), this.format(capacity)) : this.t.full;
  }

  #form(event: PublicEvent | undefined): TemplateResult {
    const { t, data } = this;
    const sending = this.submitter.state === 'sending';
    const full = (event?.shifts.find(({ id }) => id === this.#shift) ?? event)?.spotsLeft === 0;
    const guests = event?.maxGuests;
    const [given, family, ...rest] = PERSON.map(([name, autocomplete, type, max]) =>
      this.#field(
        name,
        html`<input
          id=${name}
          name=${name}
          type=${type}
          autocomplete=${autocomplete}
          ?required=${name !== 'phone'}
          maxlength=${max}
          dir="auto"
          aria-invalid=${!!this.#issue(name)}
          aria-describedby=${this.#issue(name) ? `${name}-error` : nothing}
        />`,
      ),
    );
    return html`<form part="form" method="post" novalidate @submit=${this.#onSubmit} @input=${this.#onInput}>
      ${event?.shifts.length ? this.#shifts(event.shifts) : nothing}
      <div class="names">${given}${family}</div>
      ${rest}
      <label part="sms" class="check" ?hidden=${!this.#phone}>
        <input type="checkbox" name="sms" ?disabled=${!this.#phone} />
        <span>${t.sms}</span>
      </label>
      ${
        guests
          ? this.#field(
              'guests',
              html`<select id="guests" name="guests">
                ${Array.from({ length: guests + 1 }, (_, n) => html`<option value=${n}>${this.format(n)}</option>`)}
              </select>`,
            )
          : nothing
      }
      <label part="consent" class="check">
        <input type="checkbox" name="contact" />
        <span dir="auto">${data?.consent.text}</span>
      </label>
      ${honeypot(t.honeypot)}
      <div>
        <button part="submit" type="submit" aria-disabled=${sending}>
          ${sending ? t.sending : full ? t.waitlist : t.submit}
        </button>
      </div>
    </form>`;
  }

  #shifts(shifts: Shift[]): TemplateResult {
    const { t, language } = this;
    const issue = this.#issue('shift');
    const zone = this.#zone ?? this.data!.event!.timezone;
    return html`<fieldset part="shifts">
      <legend>${t.shift}</legend>
      ${shifts.map(
        (shift) =>
          html`<label class="check">
            <input
              type="radio"
              name="shift"
              value=${shift.id}
              required
              aria-invalid=${!!issue}
              aria-describedby=${issue ? 'shift-error' : nothing}
            />
            <span>
              <strong class="l" dir="auto">${shift.label}</strong>
              <span class="l">${when(shift.startsAt, shift.endsAt, language, zone, SHIFT)}</span>
              <span class="l muted"
                >${shift.capacity ? this.#left(shift.spotsLeft ?? 0, shift.capacity) : nothing}</span
              >
            </span>
          </label>`,
      )}
      <p id="shift-error" part="error" class="error">${issue ? t[issue] : ''}</p>
    </fieldset>`;
  }

  #field(name: string, input: TemplateResult): TemplateResult {
    const issue = this.#issue(name);
    return html`<div class="field">
      <label for=${name}>${this.t[name as 'email']}</label>
      ${input}
      <p id="${name}-error" part="error" class="error">${issue ? this.t[issue] : ''}</p>
    </div>`;
  }

  #issue(name: string): FieldIssue | undefined {
    return this.submitter.state === 'invalid' ? this.submitter.fields[name] : undefined;
  }

  /**
   * The confirmation is a chunk of its own (thanks.ts), loaded once, when the supporter starts the form (or at the
   * latest on success): the bytes everyone downloads first stay within the budget.
   */
  #loadThanks(): Promise<unknown> {
    return (this.#thanksLoading ??= import('./thanks.ts').then(
      (module) => {
        this.#confirm = module.thanks;
        this.requestUpdate();
      },
      () => (this.#thanksLoading = undefined),
    ));
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

  /** The SMS consent follows the phone field; the button says "Join the waitlist" for a full shift. */
  #onInput(event: Event): void {
    const form = event.currentTarget as HTMLFormElement;
    this.#phone = !!(form.elements.namedItem('phone') as HTMLInputElement).value.trim();
    this.#shift = new FormData(form).get('shift') as string;
    void this.#loadThanks();
    this.requestUpdate();
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (this.submitter.state === 'sending') return;
    const fields: Record<string, FieldIssue> = {};
    for (const [name] of PERSON) {
      const input = form.elements.namedItem(name) as HTMLInputElement;
      // The server trims; so do we.
      input.value = input.value.trim();
      const { valueMissing, typeMismatch, tooLong } = input.validity;
      const issue = valueMissing ? 'required' : typeMismatch ? 'invalid_email' : tooLong ? 'too_long' : undefined;
      if (issue) fields[name] = issue;
    }
    const values = new FormData(form);
    const value = (name: string) => (values.get(name) as string | null) || undefined;
    if (form.querySelector('[name=shift]') && !value('shift')) fields.shift = 'required';
    if (Object.keys(fields).length) {
      this.submitter.invalid(fields);
      return this.#focus();
    }
    if (!this.dispatchEvent(new LadderSubmitEvent({ campaign: this.campaign }))) return;
    const params = new URLSearchParams(location.search);
    await this.submitter.send(`${campaignUrl(this.apiBase, this.campaign)}/rsvps`, {
      person: Object.fromEntries(PERSON.map(([name]) => [name, value(name)])),
      guests: Number(value('guests') ?? 0),
      shift: value('shift'),
      // A disabled box (no phone) is not in the form data: no SMS consent without a number.
      consent: { contact: values.has('contact'), sms: values.has('sms') },
      referrer: params.get('ref')?.slice(0, LIMITS.referrer) || undefined,
      source: params.get('source')?.slice(0, LIMITS.source) || undefined,
    });
  }

  async #settled(answer: Answer<RsvpResult>): Promise<void> {
    if (answer.kind === 'ok') await this.#loadThanks();
    void this.#focus();
  }

  /** After an answer: focus the first invalid field, or the confirmation's heading. */
  async #focus(): Promise<void> {
    await this.updateComplete;
    const root = this.renderRoot;
    (
      root.querySelector<HTMLElement>('[aria-invalid=true]') ?? root.querySelector<HTMLElement>('[part=thanks] h2')
    )?.focus();
  }
}
