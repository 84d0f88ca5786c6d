/**
 * The follow-up form in the browser: the rule's own fields shown for its kind, questions added by hand, the body
 * read from the fields, and errors shown next to their fields (the browser's own checks first, then the server's
 * 422 `fields`, both localized), the first one focused.
 */
import type { FollowupInput, RuleKind, Script, ScriptQuestion } from './types.ts';
import type { FollowupStrings } from './strings.ts';

export class FollowupForm {
  readonly form: HTMLFormElement;
  #t: FollowupStrings['create'];
  #questions = 0;

  constructor(form: HTMLFormElement, t: FollowupStrings['create']) {
    this.form = form;
    this.#t = t;
    for (const field of form.querySelectorAll<HTMLElement>('.field')) this.#describe(field);
    const rule = this.#control<HTMLSelectElement>('kind');
    rule.addEventListener('change', () => this.#showRule());
    this.#prefill(new URLSearchParams(location.search));
    this.#showRule();
    form.querySelector('#fu-add-question')!.addEventListener('click', () => this.#addQuestion(true));
    this.#addQuestion(false);
  }

  #control<E extends HTMLElement>(name: string): E {
    return this.form.querySelector<E>(`[name="${name}"]`)!;
  }

  #describe(field: HTMLElement) {
    field.querySelector('input, select, textarea')?.setAttribute('aria-describedby', field.dataset.described ?? '');
  }

  /**
   * The rule from the page's address: the listening results link each answer here (`?campaign=…&question=…&value=…`;
   * "Would you help?" is `@help` there, `help` in a rule).
   */
  #prefill(query: URLSearchParams) {
    const [campaign, question, value] = ['campaign', 'question', 'value'].map((name) => query.get(name) ?? '');
    if (!question || !value) return;
    this.#control<HTMLSelectElement>('kind').value = 'answer';
    this.#control<HTMLSelectElement>('campaign').value = campaign;
    this.#control<HTMLInputElement>('question').value = question === '@help' ? 'help' : question;
    this.#control<HTMLInputElement>('value').value = value;
  }

  /** Only the rule's own fields; the campaign list offers events for event rules and surveys for answers. */
  #showRule() {
    const kind = this.#control<HTMLSelectElement>('kind').value as RuleKind;
    for (const field of this.form.querySelectorAll<HTMLElement>('.field[data-kinds]')) {
      field.hidden = !field.dataset.kinds!.split(' ').includes(kind);
    }
    const wanted = kind === 'answer' ? 'survey' : kind === 'came-twice' ? null : 'event';
    const campaign = this.#control<HTMLSelectElement>('campaign');
    for (const option of campaign.options) option.hidden = wanted !== null && option.dataset.kind !== wanted;
    if (campaign.selectedOptions[0]?.hidden) campaign.value = [...campaign.options].find((o) => !o.hidden)?.value ?? '';
  }

  #addQuestion(focus: boolean) {
    const n = this.#questions++;
    const template = this.form.querySelector<HTMLTemplateElement>('#fu-question-template')!;
    const block = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
    // Unique ids per question, and the error paths the server uses (`script.questions.0.label`).
    for (const el of block.querySelectorAll<HTMLElement>('[id], [for], [data-path], [data-described]')) {
      for (const attr of ['id', 'for', 'data-path', 'data-described']) {
        const value = el.getAttribute(attr);
        if (value)
          el.setAttribute(attr, value.replace(/fu-q-(label|options)/g, `fu-q-$1-${n}`).replace('.N.', `.${n}.`));
      }
    }
    for (const field of block.querySelectorAll<HTMLElement>('.field')) this.#describe(field);
    this.form.querySelector('[data-slot=questions]')!.append(block);
    if (focus) block.querySelector<HTMLInputElement>('input')!.focus();
  }

  /** The body, or null after showing what to fix. */
  read(): FollowupInput | null {
    this.clear();
    const errors: Record<string, string> = {};
    const value = (name: string) => this.#control<HTMLInputElement>(name).value.trim();
    const kind = value('kind') as RuleKind;
    const need = (path: string, text: string) => {
      if (!text) errors[path] = this.#t.required;
      return text || undefined;
    };
    const rule: FollowupInput['rule'] = { kind };
    if (['rsvp-unconfirmed', 'no-show', 'answer'].includes(kind))
      rule.campaign = need('rule.campaign', value('campaign'));
    if (kind === 'came-twice' && value('campaign')) rule.campaign = value('campaign');
    if (kind === 'inactive') rule.days = Number(need('rule.days', value('days')));
    if (kind === 'answer') {
      rule.question = need('rule.question', value('question'));
      rule.value = need('rule.value', value('value'));
    }
    if (kind === 'tag') rule.tag = need('rule.tag', value('tag'));
    if (kind === 'partner') rule.partner = need('rule.partner', value('partner'));

    const questions: ScriptQuestion[] = [];
    this.form.querySelectorAll<HTMLElement>('.question').forEach((block, n) => {
      const label = block.querySelector<HTMLInputElement>('input')!.value.trim();
      const lines = block
        .querySelector<HTMLTextAreaElement>('textarea')!
        .value.split('\n')
        .map((l) => l.trim());
      const options = lines.filter(Boolean).map((line, i) => {
        const [text, tag] = line.split('=').map((part) => part.trim());
        return { value: `a${i + 1}`, label: text!, tag: tag || undefined };
      });
      if (!label && !options.length) return;
      if (!label) errors[`script.questions.${n}.label`] = this.#t.required;
      if (!options.length || options.some((o) => !o.label))
        errors[`script.questions.${n}.options`] = this.#t.badOptions;
      questions.push({ id: `q${n + 1}`, label, options });
    });
    const replies: Script['replies'] = [];
    for (const line of value('replies')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)) {
      const at = line.search(/[:：]/);
      if (at < 1 || !line.slice(at + 1).trim()) errors['script.replies'] = this.#t.badReplies;
      else replies.push({ label: line.slice(0, at).trim(), text: line.slice(at + 1).trim() });
    }
    const body: FollowupInput = {
      name: need('name', value('name')) ?? '',
      channel: (new FormData(this.form).get('channel') as FollowupInput['channel']) ?? 'call',
      rule,
      script: { text: need('script.text', value('script')) ?? '', questions, replies },
      assignees: value('assignees') as FollowupInput['assignees'],
      batchSize: Number(value('batchSize')) || 25,
      ...(value('closesAt') ? { closesAt: `${value('closesAt')}T23:59:59Z` } : {}),
      ...(value('timezone') ? { timezone: value('timezone') } : {}),
      zoneByPostcode: this.#control<HTMLInputElement>('zoneByPostcode').checked,
    };
    return this.show(errors) ? null : body;
  }

  /** Puts each message by its field (unknown paths by the nearest known parent); true when there were any. */
  show(errors: Record<string, string>): boolean {
    let first: HTMLElement | undefined;
    for (const [path, message] of Object.entries(errors)) {
      let field: HTMLElement | null = null;
      for (let p = path; p && !field; p = p.replace(/\.?[^.]+$/, '')) {
        field = this.form.querySelector<HTMLElement>(`.field[data-path="${p}"]:not([hidden])`);
      }
      field ??= this.form.querySelector<HTMLElement>('.field')!;
      field.querySelector('.error')!.textContent = message;
      const control = field.querySelector<HTMLElement>('input, select, textarea')!;
      control.setAttribute('aria-invalid', 'true');
      first ??= control;
    }
    first?.focus();
    return first !== undefined;
  }

  clear() {
    for (const line of this.form.querySelectorAll('.field .error')) line.textContent = '';
    for (const el of this.form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  }

  reset() {
    this.form.reset();
    this.form.querySelector('[data-slot=questions]')!.replaceChildren();
    this.#questions = 0;
    this.#addQuestion(false);
    this.#showRule();
  }
}
