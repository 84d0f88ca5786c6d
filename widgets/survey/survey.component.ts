import { adoptStyles, html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ResponseResult } from '../../schema/actions.ts';
import type { FieldIssue } from '../../schema/errors.ts';
import { campaignUrl } from '../core/api.ts';
import { LadderElement } from '../core/base.ts';
import { SubmitController } from '../core/controllers.ts';
import { LadderSubmitEvent } from '../core/events.ts';
import type { CanvassController } from './canvass.ts';
import { surveyMessages, type SurveyMessages } from './i18n/index.ts';
import { type Answers, isShown, question, readAnswers } from './questions.ts';
import type * as Steps from './survey.steps.ts';
import { styles } from './survey.styles.ts';

/**
 * A listening survey: questions across pages (with progress), then "Would you help?", contact details and consent.
 * With the `canvasser` attribute, on a campaign that allows it, one device records many respondents in a row,
 * offline for hours, and syncs them in batches.
 *
 * @summary Answer a survey: choices, scales, yes/no and text over several pages, ending with the ask to help.
 *
 * @event ladder-submit - Before sending; cancelable. `detail: { campaign }`.
 * @event ladder-success - Answered (or already answered: `duplicate`). `detail: { campaign, id, count, duplicate }`.
 * @event ladder-error - Refused or failed. `detail: { campaign, code }`.
 * @event ladder-queued - Stored on this device, sent later (offline, and every response in canvasser mode).
 *   `detail: { campaign }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The campaign's title.
 * @csspart summary - The campaign's summary.
 * @csspart progress - "Page 2 of 3" with its bar.
 * @csspart form - The form (and the canvasser's sign-in form).
 * @csspart page-title - Each page's heading.
 * @csspart question - A question's fieldset (the help ask's too).
 * @csspart contact - The respondent's contact fields.
 * @csspart error - A question's or field's error message.
 * @csspart consent - The consent checkbox with its text.
 * @csspart back - The button to the previous page.
 * @csspart submit - The button to the next page, or to send.
 * @csspart status - The live region with the form's state.
 * @csspart thanks - What replaces the form after answering.
 * @csspart share - The share link.
 * @csspart results - The link to the survey's public results (`results: public`).
 * @csspart next - The next ask.
 * @csspart canvass - Canvasser mode: who is canvassing, and the count of responses waiting to sync.
 *
 * @cssproperty --ladder-font-size - The base size; everything scales with it. Default 16px.
 * @cssproperty --ladder-font-family - The font.
 * @cssproperty --ladder-color - Text color.
 * @cssproperty --ladder-muted - Secondary text color.
 * @cssproperty --ladder-background - Background color.
 * @cssproperty --ladder-accent - Buttons, links, the progress bar and checked choices.
 * @cssproperty --ladder-accent-contrast - Text on the accent color.
 * @cssproperty --ladder-border - Input borders.
 * @cssproperty --ladder-error - Error text and invalid inputs.
 * @cssproperty --ladder-success - The thank-you heading.
 * @cssproperty --ladder-focus - The focus ring.
 * @cssproperty --ladder-radius - Corner radius.
 * @cssproperty --ladder-gap - Space between parts.
 */
export class LadderSurvey extends LadderElement<SurveyMessages> {
  static override styles = styles;
  static override messages = surveyMessages;
  static override properties = { ...LadderElement.properties, canvasser: { type: Boolean } };

  /**
   * The steps' code up front, as server rendering needs (the last page is part of the markup): the site's islands
   * call this (site/lib/widgets/survey.ts); the embed loads the chunk on the first focus in the form.
   * @internal
   */
  static useSteps(steps: typeof Steps): void {
    this.finalize();
    Object.assign(surveyMessages.en, steps.en);
    this.steps = steps;
    this.elementStyles.push(steps.styles);
  }

  /** @internal */
  static steps?: typeof Steps;

  /** Canvasser mode, if the campaign offers it (`survey.canvass`). */
  declare canvasser: boolean;

  /** The fields the form shows, for the API's 422 issues; the questions join when the campaign arrives. */
  readonly #known: string[] = [];
  protected readonly submitter = new SubmitController<ResponseResult>(this, this.#known, 'response', () =>
    this.#settled(),
  );
  /** Canvasser mode, once its module has loaded. */
  protected canvass?: CanvassController;
  #canvassLoading = false;
  #page = 0;
  #answers: Answers = {};
  #recorded = false;
  /** The steps' code (survey.steps.ts), once loaded. */
  #steps?: typeof Steps;
  #loading?: Promise<typeof Steps | undefined>;

  get #questions() {
    return this.data?.survey?.pages.flatMap((page) => page.questions) ?? [];
  }

  get #canvassing(): boolean {
    return !!(this.canvasser && this.data?.survey?.canvass);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Given up front (`useSteps`) maybe after this element was upgraded, but before it hydrates.
    this.#steps ??= LadderSurvey.steps;
    // The API's issues come after a submission, so after the steps' code (with the contact fields) has loaded.
    this.#known.splice(0, Infinity, ...(this.#steps?.PERSON_FIELDS ?? []), ...this.#questions.map((q) => q.id));
    if (this.#canvassing && !this.#canvassLoading && !isServer) {
      this.#canvassLoading = true;
      void import('./canvass.ts').then(({ CanvassController, en }) => {
        Object.assign(surveyMessages.en, en);
        this.canvass = new CanvassController(this);
        this.requestUpdate();
      });
    }
  }

  override render(): TemplateResult {
    const { t, data } = this;
    const { state } = this.submitter;
    const done = state === 'success' || state === 'duplicate' || state === 'queued';
    const canvass = this.#canvassing ? this.canvass : undefined;
    return html`<div part="base" class="${state}-state" dir=${this.direction}>
      <h2 part="title" dir="auto">${data?.title}</h2>
      <p part="summary" dir="auto">${data?.summary}</p>
      ${canvass?.who ? canvass.bar(t, (n) => this.format(n)) : nothing}
      ${
        done
          ? this.#steps?.thanks(t, state, this.submitter.result, this.apiBase)
          : data?.status === 'closed'
            ? html`<p>${t.campaign_closed}</p>`
            : !this.#canvassing
              ? this.#form()
              : canvass?.who
                ? this.#form()
                : canvass?.signIn(t)
      }
      <p part="status" role="status">${this.#status()}</p>
    </div>`;
  }

  #form(): TemplateResult | typeof nothing {
    const { t } = this;
    const survey = this.data?.survey;
    if (!survey) return nothing;
    const { pages } = survey;
    const last = this.#page === pages.length;
    const sending = this.submitter.state === 'sending';
    const where = t.page.replace('{n}', this.format(this.#page + 1)).replace('{total}', this.format(pages.length + 1));
    const page = (i: number, title: string | undefined, body: unknown) =>
      html`<div class="page" ?hidden=${i !== this.#page}>
        <h3 part="page-title" tabindex="-1" dir="auto">${title ?? where}</h3>
        ${body}
      </div>`;
    return html`<form
      part="form"
      method="post"
      novalidate
      @submit=${this.#onSubmit}
      @change=${this.#onChange}
      @focusin=${this.#load}
    >
      <div part="progress">
        <p aria-live="polite">${where}</p>
        <progress aria-hidden="true" max=${pages.length + 1} value=${this.#page + 1}></progress>
      </div>
      ${pages.map((p, i) =>
        page(
          i,
          p.title,
          p.questions.map((q) => question(q, t, this.#issue(q.id), isShown(q, this.#answers))),
        ),
      )}
      ${page(
        pages.length,
        t.lastPage,
        this.#steps?.lastPage(survey, this.data?.consent.text, t, (name) => this.#issue(name)),
      )}
      <div class="nav">
        ${
          this.#page
            ? html`<button part="back" type="button" class="secondary" @click=${() => this.#go(this.#page - 1)}>
                ${t.back}
              </button>`
            : nothing
        }
        <button part="submit" type="submit" aria-disabled=${sending}>
          ${!last ? t.forward : sending ? t.sending : this.#canvassing ? t.record : t.submit}
        </button>
      </div>
    </form>`;
  }

  #issue(name: string): FieldIssue | undefined {
    return this.submitter.state === 'invalid' ? this.submitter.fields[name] : undefined;
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
    return this.#recorded ? t.recorded : '';
  }

  /** To another page: no errors shown, focus on its heading (announced with "Page 2 of 3"). */
  #go(page: number): void {
    this.#page = page;
    this.submitter.state = 'idle';
    this.requestUpdate();
    void this.#focus();
  }

  /**
   * The steps' code is a chunk of its own, loaded on the first focus in the form (before any answer can change
   * or the form be sent); a failed load (offline since the page loaded) is tried again on the next use.
   */
  #load(): Promise<typeof Steps | undefined> {
    return (this.#loading ??= (this.#steps ? Promise.resolve(this.#steps) : import('./survey.steps.ts')).then(
      (steps) => {
        const { elementStyles } = this.constructor as typeof LadderSurvey;
        if (!this.#steps) adoptStyles(this.renderRoot as ShadowRoot, [...elementStyles, steps.styles]);
        Object.assign(surveyMessages.en, steps.en);
        this.requestUpdate();
        return (this.#steps = steps);
      },
      () => (this.#loading = undefined),
    ));
  }

  #onChange(event: Event): void {
    this.#answers = readAnswers(event.currentTarget as HTMLFormElement, this.#questions);
    this.requestUpdate();
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const survey = this.data!.survey!;
    if (this.submitter.state === 'sending') return;
    this.#recorded = false;
    const steps = await this.#load();
    if (!steps) {
      // Offline since the page loaded, and the steps' code never came: say so, rather than do nothing.
      Object.assign(this.submitter, { state: 'error', error: 'network' });
      return this.requestUpdate();
    }
    this.#answers = readAnswers(form, this.#questions);
    const last = this.#page === survey.pages.length;
    // The last page checks every page again: an earlier answer may have been changed by going back.
    for (let page = last ? 0 : this.#page; page <= this.#page; page++) {
      const fields = steps.check(form, survey, page, this.#answers, isShown);
      if (Object.keys(fields).length) {
        this.#page = page;
        this.submitter.invalid(fields);
        return this.#focus();
      }
    }
    if (!last) return this.#go(this.#page + 1);
    if (!this.dispatchEvent(new LadderSubmitEvent({ campaign: this.campaign }))) return;
    const response = steps.response(form, this.#answers, this.#canvassing);
    if (!this.#canvassing)
      return this.submitter.send(`${campaignUrl(this.apiBase, this.campaign)}/responses`, response);
    await this.canvass!.record(response);
    // Ready for the next respondent: nothing of this one stays on screen.
    form.reset();
    this.#answers = {};
    this.#recorded = true;
    this.#go(0);
  }

  #settled(): void {
    // The API's issues may be about an earlier page: show the first page that has one.
    const pages = this.data?.survey?.pages ?? [];
    const fields = Object.keys(this.submitter.fields);
    const page = pages.findIndex((p) => p.questions.some((q) => fields.includes(q.id)));
    if (fields.length) this.#page = page < 0 ? pages.length : page;
    // A plain error stays where it is: the status line announces it.
    if (this.submitter.state !== 'error') void this.#focus();
  }

  /** After a step: focus the first invalid field, or the thank-you heading, or the page's heading. */
  async #focus(): Promise<void> {
    await this.updateComplete;
    const find = (selector: string) => this.renderRoot.querySelector<HTMLElement>(selector);
    (
      find('.page:not([hidden]) [aria-invalid=true]') ??
      find('form [aria-invalid=true]') ??
      find('[part=thanks] h2') ??
      find('.page:not([hidden]) h3')
    )?.focus();
  }
}
