import { adoptStyles, html, type TemplateResult } from 'lit';
import type { CallResult } from '../../schema/actions.ts';
import type { Outcome } from '../../schema/call.ts';
import type { FieldIssue } from '../../schema/errors.ts';
import { LIMITS } from '../../schema/limits.ts';
import { campaignUrl, type Answer } from '../core/api.ts';
import { LadderElement } from '../core/base.ts';
import { SubmitController } from '../core/controllers.ts';
import { LadderSubmitEvent } from '../core/events.ts';
import { $supporter, loadSupporter } from '../core/supporter.ts';
import { field, type FieldName, issueOf } from './call.form.ts';
import { styles } from './call.styles.ts';
import type * as Views from './call.views.ts';
import { callMessages, type CallMessages } from './i18n/index.ts';
import { LookupController } from './lookup.ts';

/** Where the supporter is: the postcode form, the district question, a call, or done. */
type Phase = 'form' | 'choose' | 'calling' | 'done';
/** `unknown`: a postcode in no known area; `none`: nobody to call there. */
type Issue = FieldIssue | 'unknown' | 'none';

/**
 * Call your representative: the supporter gives a postcode, sees whom to call (asked which district when the
 * postcode straddles several), calls each target with a script in front of them, and says how each call went.
 *
 * @summary Call the targets for a postcode with a script, recording each call's outcome.
 *
 * @event ladder-submit - Before recording a call; cancelable. `detail: { campaign }`.
 * @event ladder-success - A call was recorded. `detail: { campaign, id, count, duplicate }`.
 * @event ladder-error - Refused or failed. `detail: { campaign, code }`.
 * @event ladder-queued - Offline: the call is stored on this device, sent later. `detail: { campaign }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The campaign's title.
 * @csspart count - How many calls the campaign has had.
 * @csspart form - The postcode form.
 * @csspart error - A field's error message.
 * @csspart contact - The optional name, email and consent.
 * @csspart consent - The consent checkbox with its text.
 * @csspart submit - The form's button ("Find who to call", "Continue").
 * @csspart choose - The district question (a radio group).
 * @csspart target - The target being called: name, role, numbers, script, offices, outcomes.
 * @csspart photo - The target's photo.
 * @csspart phones - The target's numbers.
 * @csspart phone - A number: a `tel:` link on phones, text elsewhere.
 * @csspart script - What to say.
 * @csspart offices - The target's local offices.
 * @csspart outcomes - The outcome buttons.
 * @csspart outcome - One outcome button (`[data-outcome=contact|voicemail|unavailable|skipped]`).
 * @csspart status - The live region with the widget's state.
 * @csspart thanks - What replaces the calls when all are done.
 * @csspart totals - The campaign's calls by outcome.
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
 * @cssproperty --ladder-border - Input borders and the target's card.
 * @cssproperty --ladder-error - Error text and invalid inputs.
 * @cssproperty --ladder-success - The thank-you heading.
 * @cssproperty --ladder-focus - The focus ring.
 * @cssproperty --ladder-radius - Corner radius.
 * @cssproperty --ladder-gap - Space between parts.
 */
export class LadderCall extends LadderElement<CallMessages> {
  static override styles = styles;
  static override messages = callMessages;

  protected readonly lookup = new LookupController(this);
  protected readonly submitter = new SubmitController<CallResult>(
    this,
    ['postcode', 'email', 'givenName'],
    'call',
    (a) => this.#settled(a),
  );
  protected phase: Phase = 'form';
  /** Target ids still to call, the current one first. */
  protected queue: string[] = [];
  /** Field errors: the browser's or the API's issues, or the lookup's news about the postcode. */
  #fields: Record<string, Issue> = {};
  #postcode = '';
  #person?: { givenName?: string; email: string };
  #contact = false;
  /** Calls done (any outcome but "unavailable"), and targets that were unavailable once. */
  #done = new Set<string>();
  #tried = new Set<string>();
  /** The outcome on its way: its answer moves to the next target (a late answer from the outbox does not). */
  #calling?: Outcome;
  #queued = false;
  /** The steps after the postcode (call.views.ts), loaded with the first lookup. */
  #views?: typeof Views;
  #loading?: Promise<boolean>;

  override connectedCallback(): void {
    super.connectedCallback();
    loadSupporter(this.apiBase);
  }

  get #url(): string {
    return campaignUrl(this.apiBase, this.campaign);
  }

  override render(): TemplateResult {
    const { t, data, phase } = this;
    const count = this.submitter.result?.count ?? data?.count;
    const views = this.#views;
    const state = this.lookup.status === 'pending' ? 'looking' : this.#calling ? 'sending' : phase;
    return html`<div part="base" class="${state}-state" dir=${this.direction}>
      <h2 part="title" dir="auto">${data?.title}</h2>
      <p part="count" class="muted">${count === undefined ? '' : t.calls(count, this.format(count))}</p>
      ${
        data?.status === 'closed'
          ? html`<p>${t.campaign_closed}</p>`
          : !views || phase === 'form'
            ? this.#form()
            : phase === 'done'
              ? views.thanks(t, this.submitter.result, this.apiBase, (n) => this.format(n))
              : phase === 'calling'
                ? this.#card(views)
                : this.#choose(views)
      }
      <p part="status" role="status">${this.#status()}</p>
    </div>`;
  }

  #form(): TemplateResult {
    const { t, data } = this;
    const remembered = $supporter.get();
    return html`<form part="form" method="post" novalidate @submit=${this.#onLookup} @focusin=${this.#loadViews}>
      ${this.#field('postcode', 'postal-code', LIMITS.postcode, remembered?.postcode, true)}
      <fieldset part="contact">
        <legend>${t.optional}</legend>
        ${this.#field('givenName', 'given-name', LIMITS.name, remembered?.givenName)}
        ${this.#field('email', 'email', LIMITS.email, remembered?.email)}
        <label part="consent" class="check">
          <input type="checkbox" name="contact" />
          <span dir="auto">${data?.consent.text}</span>
        </label>
      </fieldset>
      <div>${this.#button(t.find)}</div>
    </form>`;
  }

  #field(name: FieldName, autocomplete: string, max: number, value?: string, required = false): TemplateResult {
    const issue = this.#fields[name];
    return field(this.t[name], { name, autocomplete, max, value, required }, issue && this.#issueText(issue));
  }

  #issueText(issue: Issue): string {
    const { t } = this;
    return issue === 'unknown' ? t.unknownPostcode : issue === 'none' ? t.noTargets : t[issue];
  }

  #button(label: string): TemplateResult {
    const busy = this.lookup.status === 'pending';
    return html`<button part="submit" type="submit" aria-disabled=${busy}>${busy ? this.t.looking : label}</button>`;
  }

  #choose(views: typeof Views): TemplateResult {
    const issue = this.#fields.area;
    return views.choose(
      this.t,
      this.lookup.result!.areas,
      issue && this.#issueText(issue),
      this.#button(this.t.go),
      (e) => this.#onChoose(e),
    );
  }

  #card(views: typeof Views): TemplateResult {
    const [id] = this.queue;
    const target = this.lookup.result!.targets.find((each) => each.id === id)!;
    return views.card(this.t, target, {
      n: this.#done.size + 1,
      total: this.#done.size + this.queue.length,
      again: this.#tried.has(id),
      unknown: this.lookup.result!.unknown,
      dial: views.canDial(),
      sending: !!this.#calling,
      onOutcome: (outcome) => void this.#onOutcome(outcome),
    });
  }

  #status(): string {
    const { t, submitter, lookup } = this;
    const issue = Object.values(this.#fields)[0];
    if (issue) return issue === 'unknown' || issue === 'none' ? this.#issueText(issue) : t.fix;
    if (lookup.status === 'pending') return t.looking;
    if (this.#calling) return t.sending;
    if (lookup.status === 'error' && this.phase !== 'calling') return t.lookupFailed;
    if (submitter.state === 'error') {
      const code = submitter.error;
      // The codes with words of their own (campaign_closed, forbidden_origin, rate_limited); others: the generic one.
      return t[code as 'error'] || t.error;
    }
    if (this.#queued) return t.queuedCall;
    if (!this.data && this.loader.status === 'error') return t.loadFailed;
    return '';
  }

  async #onLookup(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.lookup.status === 'pending') return;
    const form = event.currentTarget as HTMLFormElement;
    const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    this.#contact = input('contact').checked;
    const fields: Record<string, FieldIssue> = {};
    for (const name of ['postcode', 'givenName', 'email']) {
      input(name).value = input(name).value.trim();
      const issue = issueOf(input(name));
      if (issue) fields[name] = issue;
    }
    // Agreeing to be contacted needs a way to contact.
    if (this.#contact && !input('email').value) fields.email ??= 'required';
    this.#fields = fields;
    if (Object.keys(fields).length) return this.#focus();
    this.#postcode = input('postcode').value;
    const email = input('email').value;
    this.#person = email ? { givenName: input('givenName').value || undefined, email } : undefined;
    await this.#lookUp();
  }

  async #onChoose(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.lookup.status === 'pending') return;
    const area = new FormData(event.currentTarget as HTMLFormElement).get('area') as string | null;
    this.#fields = area ? {} : { area: 'required' };
    if (!area) return this.#focus();
    await this.#lookUp(area);
  }

  /** The steps after the postcode, with their styles: started on the first focus in the form, or by the lookup. */
  #loadViews(): Promise<boolean> {
    return (this.#loading ??= import('./call.views.ts').then(
      (views) => {
        const { elementStyles } = this.constructor as typeof LadderCall;
        adoptStyles(this.renderRoot as ShadowRoot, [...elementStyles, views.steps]);
        this.#views = views;
        return true;
      },
      // Offline since the page loaded: the next lookup tries again.
      () => !!(this.#loading = undefined),
    ));
  }

  /**
   * Asks whom to call (with the steps' code and styles, loaded meanwhile), then asks for the district, starts
   * calling, or says what is wrong with the postcode.
   */
  async #lookUp(area?: string): Promise<void> {
    const [loaded] = await Promise.all([this.#loadViews(), this.lookup.run(this.#url, this.#postcode, area)]);
    // The steps could not be fetched (offline since the page loaded): as if the lookup had failed.
    if (!loaded) Object.assign(this.lookup, { status: 'error', error: 'network', issue: undefined });
    const { status, result, issue } = this.lookup;
    this.phase = 'form';
    if (status !== 'complete') {
      if (issue) this.#fields = { postcode: issue };
    } else if (result!.choose) {
      this.phase = 'choose';
    } else {
      this.queue = result!.targets.map(({ id }) => id).filter((id) => !this.#done.has(id));
      if (this.queue.length) this.phase = 'calling';
      else this.#fields = { postcode: result!.unknown ? 'unknown' : 'none' };
    }
    void this.#focus();
  }

  async #onOutcome(outcome: Outcome): Promise<void> {
    if (this.#calling) return;
    if (!this.dispatchEvent(new LadderSubmitEvent({ campaign: this.campaign }))) return;
    this.#calling = outcome;
    await this.submitter.send(
      `${this.#url}/calls`,
      this.#views!.callBody({
        target: this.queue[0],
        outcome,
        postcode: this.#postcode,
        person: this.#person,
        contact: this.#contact,
      }),
    );
  }

  #settled(answer: Answer<CallResult>): void {
    const outcome = this.#calling;
    // A late answer (a queued call the outbox sent when back online) only updates the totals.
    if (!outcome) return;
    this.#calling = undefined;
    if (answer.kind === 'refused') {
      const { fields } = this.submitter;
      // The API refused the email or postcode typed at the start: back to the form, the field marked.
      if (Object.keys(fields).length) {
        this.#fields = fields;
        this.phase = 'form';
        this.#focus();
      }
      return;
    }
    this.#queued = answer.kind === 'retry';
    const [id] = this.queue;
    if (outcome === 'unavailable') this.#tried.add(id);
    else this.#done.add(id);
    this.queue = this.#views!.afterCall(this.queue, outcome);
    if (!this.queue.length) this.phase = 'done';
    this.#focus();
  }

  /** Focus the first invalid field, else the new step's heading or first choice. */
  async #focus(): Promise<void> {
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>('[aria-invalid=true], [part=choose] input, [part=target] h3, [part=thanks] h3')
      ?.focus();
  }
}
