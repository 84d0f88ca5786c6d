import { adoptStyles, html, nothing, type TemplateResult } from 'lit';
import type { LetterResult } from '../../schema/actions.ts';
import { LIMITS, POSTCODE_PATTERN } from '../../schema/limits.ts';
import { LadderElement } from '../core/base.ts';
import { SubmitController } from '../core/controllers.ts';
import { $supporter, loadSupporter, type Supporter } from '../core/supporter.ts';
import { letterMessages, type LetterMessages } from './i18n/index.ts';
import { styles } from './letter.styles.ts';
import type { Flow } from './letter.views.ts';

/** The supporter's details, asked first: name, autocomplete token, longest value. */
export const PERSON: [keyof Supporter, string, number][] = [
  ['givenName', 'given-name', LIMITS.name],
  ['familyName', 'family-name', LIMITS.name],
  ['email', 'email', LIMITS.email],
  ['postcode', 'postal-code', LIMITS.postcode],
];

/**
 * Write to the people with power: the supporter gives their name, email and postcode, sees whom they write to
 * (asked which district when the postcode straddles several), reads or writes the letter (the campaign decides
 * whether it may, or must, be changed) and sends it. The server delivers it to each target's email once the
 * supporter confirms it by the link emailed to them; a target with only a web form gets the letter from the
 * supporter, who copies it there (counted "handed to the supporter", never "delivered").
 *
 * @summary Write a letter to the targets for a postcode: suggested text, delivered by email or handed over.
 *
 * @event ladder-submit - Before sending the letter; cancelable. `detail: { campaign }`.
 * @event ladder-success - The letter was recorded. `detail: { campaign, id, count, duplicate }`.
 * @event ladder-error - Refused or failed. `detail: { campaign, code }`.
 * @event ladder-queued - Offline: the letter is stored on this device, sent later. `detail: { campaign }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The campaign's title.
 * @csspart count - How many letters the campaign has had.
 * @csspart form - The details and postcode form.
 * @csspart error - A field's error message.
 * @csspart consent - The consent checkbox with its text.
 * @csspart submit - A form's button ("Find who to write to", "Continue", "Send my letter").
 * @csspart choose - The district question (a radio group).
 * @csspart targets - Whom the letter goes to.
 * @csspart letter - The letter's form: subject and text.
 * @csspart status - The live region with the widget's state.
 * @csspart thanks - What replaces the letter once it is sent.
 * @csspart progress - The thermometer: letters against the goal.
 * @csspart handed - A target the supporter sends the letter to themselves (its official form).
 * @csspart copy - The button that copies the letter.
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
 * @cssproperty --ladder-border - Input borders and the letter's frame.
 * @cssproperty --ladder-error - Error text and invalid inputs.
 * @cssproperty --ladder-success - The thank-you heading.
 * @cssproperty --ladder-focus - The focus ring.
 * @cssproperty --ladder-radius - Corner radius.
 * @cssproperty --ladder-gap - Space between parts.
 */
export class LadderLetter extends LadderElement<LetterMessages> {
  static override styles = styles;
  static override messages = letterMessages;

  readonly submitter = new SubmitController<LetterResult>(
    this,
    ['postcode', 'email', 'givenName', 'familyName', 'subject', 'text', 'area'],
    'letter',
    (answer) => this.flow?.settled(answer),
  );
  /**
   * Everything after the first form (letter.views.ts): loaded on the first focus in the form, so a partner page
   * that only shows the widget downloads the form alone.
   */
  flow?: Flow;
  #loading?: Promise<Flow | undefined>;
  /** The steps could not be fetched (offline since the page loaded). */
  #failed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    loadSupporter(this.apiBase);
  }

  /** The shared parts for the steps (protected members are not theirs to reach). */
  get shared() {
    return { t: this.t, data: this.data!, api: this.apiBase, format: (n: number) => this.format(n) };
  }

  override render(): TemplateResult {
    const { t, data, flow } = this;
    const count = this.submitter.result?.count ?? data?.count;
    const phase = flow?.phase ?? 'form';
    return html`<div part="base" class="${flow?.busy() ?? phase}-state" dir=${this.direction}>
      <h2 part="title" dir="auto">${data?.title}</h2>
      <p part="count" class="muted">${count === undefined ? '' : t.letters(count, this.format(count))}</p>
      ${data?.status === 'closed' ? html`<p>${t.campaign_closed}</p>` : phase === 'form' ? this.#form() : flow!.render()}
      <p part="status" role="status">
        ${flow?.status() ?? (this.#failed ? t.lookupFailed : !data && this.loader.status === 'error' ? t.loadFailed : '')}
      </p>
    </div>`;
  }

  #form(): TemplateResult {
    const { t, data, flow } = this;
    const remembered = $supporter.get();
    return html`<form part="form" method="post" novalidate @submit=${this.#onLookup} @focusin=${this.#load}>
      ${PERSON.map(([name, autocomplete, max]) => {
        const error = flow?.issue(name);
        return html`<div class="field">
          <label for=${name}>${t[name]}</label>
          <input
            id=${name}
            name=${name}
            type=${name === 'email' ? 'email' : 'text'}
            autocomplete=${autocomplete}
            required
            maxlength=${max}
            pattern=${name === 'postcode' ? POSTCODE_PATTERN : nothing}
            .defaultValue=${remembered?.[name] ?? ''}
            dir="auto"
            aria-invalid=${!!error}
            aria-describedby=${error ? `${name}-error` : nothing}
          />
          <p id="${name}-error" part="error" class="error">${error ?? ''}</p>
        </div>`;
      })}
      <label part="consent" class="check">
        <input type="checkbox" name="contact" />
        <span dir="auto">${data?.consent.text}</span>
      </label>
      <div>${flow ? flow.button(t.find) : html`<button part="submit" type="submit">${t.find}</button>`}</div>
    </form>`;
  }

  async #onLookup(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const flow = await this.#load();
    this.#failed = !flow;
    this.requestUpdate();
    await flow?.lookUp(form);
  }

  /** The steps, with their styles (a failed load, offline, is tried again at the next press). */
  #load(): Promise<Flow | undefined> {
    return (this.#loading ??= import('./letter.views.ts').then(
      (views) => {
        const { elementStyles } = this.constructor as typeof LadderLetter;
        adoptStyles(this.renderRoot as ShadowRoot, [...elementStyles, ...views.styles]);
        return (this.flow = new views.Flow(this));
      },
      () => (this.#loading = undefined),
    ));
  }
}
