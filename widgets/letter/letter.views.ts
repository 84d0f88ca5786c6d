/**
 * What `<ladder-letter>` does after the postcode: the district question (the call widget's), the letter, the
 * answer. Loaded while the first lookup is on its way, as the call widget's steps are; the steps' markup and styles
 * are in letter.steps.ts.
 */
import { html, type TemplateResult } from 'lit';
import type { LetterResult } from '../../schema/actions.ts';
import type { TargetLookup } from '../../schema/call.ts';
import type { ErrorBody } from '../../schema/errors.ts';
import { campaignUrl, type Answer } from '../core/api.ts';
import { LadderSubmitEvent } from '../core/events.ts';
import type { Supporter } from '../core/supporter.ts';
import { choose } from '../call/call.views.ts';
import { type LadderLetter, PERSON } from './letter.component.ts';
import { type Issue, issueOf, letterBody, thanks, type View, write } from './letter.steps.ts';

export { styles } from './letter.steps.ts';

/** Where the supporter is after the first form: the district question, the letter, or done. */
type Phase = 'form' | 'choose' | 'write' | 'done';

/** The letter's steps and their state: the lookup, the district, the letter, the answer. */
export class Flow {
  phase: Phase = 'form';
  fields: Record<string, Issue> = {};
  lookup?: TargetLookup;
  looking = false;
  #failed = false;
  #person?: Supporter;
  #contact = false;
  #area?: string;

  readonly host: LadderLetter;
  /** The subject and letter as sent, `{target}` and `{title}` left in: handed over filled in for each target. */
  sent = { subject: '', text: '' };

  constructor(host: LadderLetter) {
    this.host = host;
  }

  get #view(): View {
    return { ...this.host.shared, lookup: this.lookup!, flow: this };
  }

  busy(): string | undefined {
    return this.looking ? 'looking' : this.host.submitter.state === 'sending' ? 'sending' : undefined;
  }

  issue(name: string): string | undefined {
    const { t } = this.host.shared;
    const issue = this.fields[name];
    return issue && (issue === 'unknown' ? t.unknownPostcode : issue === 'none' ? t.noTargets : t[issue]);
  }

  status(): string {
    const { t } = this.host.shared;
    const { submitter } = this.host;
    const [name] = Object.keys(this.fields);
    if (name) return ['unknown', 'none'].includes(this.fields[name]) ? this.issue(name)! : t.fix;
    if (this.looking) return t.looking;
    if (submitter.state === 'sending') return t.sending;
    if (this.#failed) return t.lookupFailed;
    if (submitter.state === 'error') return t[submitter.error as 'error'] || t.error;
    return '';
  }

  button(label: string): TemplateResult {
    const { t } = this.host.shared;
    const busy = this.busy();
    return html`<button part="submit" type="submit" aria-disabled=${!!busy}>
      ${busy ? (this.looking ? t.looking : t.sending) : label}
    </button>`;
  }

  render(): TemplateResult {
    const v = this.#view;
    return this.phase === 'choose'
      ? choose(v.t, this.lookup!.areas, this.issue('area'), this.button(v.t.go), (e) => void this.#choose(e))
      : this.phase === 'write'
        ? write(v)
        : thanks(v);
  }

  /** The first form: checks it, then asks whom the letter goes to. */
  async lookUp(form: HTMLFormElement): Promise<void> {
    if (this.looking) return;
    const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    this.#contact = input('contact').checked;
    const fields: Record<string, Issue> = {};
    for (const [name] of PERSON) {
      input(name).value = input(name).value.trim();
      const issue = issueOf(input(name));
      if (issue) fields[name] = issue;
    }
    this.fields = fields;
    if (Object.keys(fields).length) return this.#focus();
    this.#person = Object.fromEntries(PERSON.map(([name]) => [name, input(name).value])) as unknown as Supporter;
    await this.#find();
  }

  async #choose(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.looking) return;
    const area = new FormData(event.currentTarget as HTMLFormElement).get('area') as string | null;
    this.fields = area ? {} : { area: 'required' };
    if (area) await this.#find(area);
    else void this.#focus();
  }

  /** `GET <campaign>/targets?postcode=[&area=]`: the district question, the letter, or what is wrong. */
  async #find(area?: string): Promise<void> {
    const { host } = this;
    const query = new URLSearchParams({ postcode: this.#person!.postcode });
    if (area) query.set('area', area);
    this.looking = true;
    this.#failed = false;
    this.phase = 'form';
    host.requestUpdate();
    try {
      const response = await fetch(`${campaignUrl(host.shared.api, host.campaign)}/targets?${query}`, {
        credentials: 'omit',
      });
      const body = (await response.json()) as TargetLookup & ErrorBody;
      if (!response.ok) {
        const issue = body.error?.codes?.postcode;
        if (issue) this.fields = { postcode: issue };
        else this.#failed = true;
      } else if (body.choose) {
        this.lookup = body;
        this.phase = 'choose';
      } else if (body.targets.length) {
        this.lookup = body;
        this.#area = area;
        this.phase = 'write';
      } else {
        this.fields = { postcode: body.unknown ? 'unknown' : 'none' };
      }
    } catch {
      this.#failed = true;
    }
    this.looking = false;
    void this.#focus();
  }

  async send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { host } = this;
    if (host.submitter.state === 'sending') return;
    const form = event.currentTarget as HTMLFormElement;
    const { fields, body, sent } = letterBody(this.#view, form, this.#person!, this.#contact, this.#area);
    this.fields = fields;
    this.sent = sent;
    if (Object.keys(fields).length) return this.#focus();
    if (!host.dispatchEvent(new LadderSubmitEvent({ campaign: host.campaign }))) return;
    await host.submitter.send(`${campaignUrl(host.shared.api, host.campaign)}/letters`, body);
  }

  settled(answer: Answer<LetterResult>): void {
    if (answer.kind === 'refused') {
      const { fields } = this.host.submitter;
      this.fields = fields;
      // The API refused a detail typed at the start: back to that form, the field marked.
      if (Object.keys(fields).some((name) => name !== 'subject' && name !== 'text')) this.phase = 'form';
    } else if (this.phase === 'write') {
      this.phase = 'done';
    }
    void this.#focus();
  }

  /** Focus the first invalid field, else the new step's heading or first choice. */
  async #focus(): Promise<void> {
    const { host } = this;
    host.requestUpdate();
    await host.updateComplete;
    const root = host.renderRoot;
    (
      root.querySelector<HTMLElement>('[aria-invalid=true]') ??
      root.querySelector<HTMLElement>('[part=choose] input, [part=targets], [part=thanks] h3')
    )?.focus();
  }
}
