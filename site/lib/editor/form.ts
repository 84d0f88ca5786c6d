/**
 * The campaign form, generated from the campaign schema's JSON Schema (`GET /api/admin/editor/schema`, zod 4's
 * `z.toJSONSchema`): a new schema field appears here without hand work. Each control edits one value of `state` in
 * place, so a field the organizer does not touch keeps its value exactly as the file wrote it (and the file stays
 * the same bytes). Controls are named by the file's own field paths, so the build's error for `petition.ask` lands
 * beside it, in the organizer's language (issues.ts); labels are in that language too, with the file's field name.
 */
import type { Lang } from '../../../schema/limits.ts';
import { localizeIssue } from './issues.ts';
import { labelOf } from './labels.ts';
import type { EditorStrings } from './strings.ts';

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: string[];
  const?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
}

type Value = Record<string, unknown>;
type Path = (string | number)[];

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
): HTMLElementTagNameMap[K] => Object.assign(document.createElement(tag), props);

const idOf = (path: Path) => `f-${path.join('-')}`;

function setAt(root: Value, path: Path, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const [i, key] of path.slice(0, -1).entries()) {
    node[key] ??= typeof path[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = value;
}

const getAt = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], root);

/** A lines field (`allies: one line, or a list`): a textarea with one line per item. */
const isLines = (s: JsonSchema) =>
  !!s.anyOf?.some((b) => b.type === 'string') && !!s.anyOf?.some((b) => b.type === 'array');
/** A choice written as text or as `{ value, label }`. */
const isTextOrObject = (s: JsonSchema) =>
  !!s.anyOf?.some((b) => b.type === 'string') && !!s.anyOf?.some((b) => b.type === 'object');

export class CampaignForm {
  private readonly root: HTMLElement;
  private readonly schema: JsonSchema;
  readonly state: Value;
  private readonly t: EditorStrings;
  private readonly lang: Lang;
  private readonly onChange: () => void;

  constructor(
    root: HTMLElement,
    schema: JsonSchema,
    state: Value,
    t: EditorStrings & { lang: Lang },
    onChange: () => void,
  ) {
    this.root = root;
    this.schema = schema;
    this.state = state;
    this.t = t;
    this.lang = t.lang;
    this.onChange = onChange;
  }

  /** A field's name in the organizer's words (`Ask`), for buttons; the file's own name when unknown. */
  private word(key: string): string {
    return labelOf(key, this.lang) ?? key;
  }

  /** A label or legend's content: the organizer's words and the file's field name (`Ask ask`), and an item's number. */
  private caption(key: string, n?: number): Node[] {
    const word = labelOf(key, this.lang);
    const suffix = n === undefined ? '' : ` ${n}`;
    if (!word) return [document.createTextNode(`${key}${suffix}`)];
    const code = el('code', { textContent: key });
    code.dir = 'ltr';
    return [document.createTextNode(`${word}${suffix} `), code];
  }

  /** The schema of the state's kind: one branch of the campaign's `oneOf`. */
  private kindSchema(): JsonSchema {
    return this.schema.oneOf?.find((s) => s.properties?.kind?.const === this.state.kind) ?? this.schema;
  }

  render(): void {
    const focused = document.activeElement?.id;
    this.root.replaceChildren(...this.fields(this.kindSchema(), []));
    if (focused) document.getElementById(focused)?.focus();
  }

  private fields(schema: JsonSchema, path: Path): HTMLElement[] {
    const required = new Set(schema.required ?? []);
    return Object.entries(schema.properties ?? {})
      .filter(([, s]) => s.const === undefined)
      .map(([key, s]) => this.field(s, [...path, key], key, required.has(key)));
  }

  private field(schema: JsonSchema, path: Path, label: string, required: boolean): HTMLElement {
    const value = getAt(this.state, path);
    if (schema.type === 'object' && schema.properties) {
      const set = el('fieldset');
      set.append(el('legend'), ...this.fields(schema, path));
      set.firstElementChild!.append(...this.caption(label));
      return set;
    }
    if (schema.type === 'array' && schema.items && (schema.items.type === 'object' || schema.items.anyOf)) {
      return this.list(schema, path, label);
    }
    if (schema.type === 'object' && typeof schema.additionalProperties === 'object')
      return this.pairs(schema, path, label);
    return this.control(schema, path, label, required, value);
  }

  private wrap(path: Path, label: string, control: HTMLElement, help?: string, n?: number): HTMLElement {
    const box = el('div', { className: 'field' });
    const id = idOf(path);
    control.id = id;
    control.dataset.path = path.join('.');
    const error = el('p', { className: 'error', id: `${id}-error`, hidden: true });
    const described = [`${id}-error`];
    const caption = el('label', { htmlFor: id });
    caption.append(...this.caption(label, n));
    box.append(caption);
    if (help) {
      box.append(el('p', { className: 'help', id: `${id}-help`, textContent: help }));
      described.push(`${id}-help`);
    }
    control.setAttribute('aria-describedby', described.join(' '));
    box.append(control, error);
    return box;
  }

  private control(
    schema: JsonSchema,
    path: Path,
    label: string,
    required: boolean,
    value: unknown,
    n?: number,
  ): HTMLElement {
    const set = (next: unknown) => {
      setAt(this.state, path, next);
      this.onChange();
    };
    if (schema.enum) {
      const select = el('select', { required });
      if (!required) select.append(el('option', { value: '', textContent: '' }));
      for (const option of schema.enum) select.append(el('option', { value: option, textContent: option }));
      select.value = String(value ?? (required ? (schema.default ?? schema.enum[0]) : ''));
      select.addEventListener('change', () => set(select.value || undefined));
      return this.wrap(path, label, select, undefined, n);
    }
    if (schema.type === 'boolean') {
      const box = el('input', { type: 'checkbox', checked: value === true });
      box.addEventListener('change', () => set(box.checked ? true : value === undefined ? undefined : false));
      return this.wrap(path, label, box, undefined, n);
    }
    if (isLines(schema) || (schema.type === 'array' && schema.items?.type === 'string')) {
      const area = el('textarea', {
        rows: 3,
        value: value === undefined ? '' : ([] as unknown[]).concat(value).join('\n'),
      });
      area.addEventListener('input', () => {
        const lines = area.value
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean);
        set(!lines.length ? undefined : isLines(schema) && lines.length === 1 ? lines[0] : lines);
      });
      return this.wrap(path, label, area, this.t.linesHelp, n);
    }
    if (schema.type === 'integer' || schema.type === 'number') {
      const input = el('input', {
        type: 'text',
        inputMode: 'decimal',
        required,
        value: value === undefined ? '' : String(value),
      });
      input.addEventListener('input', () => {
        const text = input.value.trim();
        set(text === '' ? undefined : Number.isFinite(Number(text)) ? Number(text) : text);
      });
      return this.wrap(path, label, input, undefined, n);
    }
    const long = (schema.maxLength ?? 0) > 200 || ['text', 'script', 'ask', 'summary'].includes(label);
    const input = long ? el('textarea', { rows: 3 }) : el('input', { type: 'text' });
    input.required = required;
    input.value = value === undefined || typeof value === 'object' ? '' : String(value);
    if (isTextOrObject(schema) && typeof value === 'object' && value) input.value = JSON.stringify(value);
    input.addEventListener('input', () => set(input.value === '' ? undefined : input.value));
    return this.wrap(path, label, input, undefined, n);
  }

  /** A list of objects (questions, shifts, targets, benchmarks): one fieldset each, with add and remove. */
  private list(schema: JsonSchema, path: Path, label: string): HTMLElement {
    const set = el('fieldset');
    set.append(el('legend'));
    set.firstElementChild!.append(...this.caption(label));
    const items = (getAt(this.state, path) as unknown[] | undefined) ?? [];
    items.forEach((_, i) => {
      const item = el('div', { className: 'item' });
      const itemSchema = schema.items!.anyOf?.find((s) => s.type === 'object') ?? schema.items!;
      if (itemSchema.type === 'object') item.append(...this.fields(itemSchema, [...path, i]));
      else item.append(this.control(itemSchema, [...path, i], label, true, items[i], i + 1));
      const remove = el('button', { type: 'button', textContent: `${this.t.remove}: ${this.word(label)} ${i + 1}` });
      remove.addEventListener('click', () => {
        items.splice(i, 1);
        setAt(this.state, path, items.length ? items : undefined);
        this.onChange();
        this.render();
      });
      item.append(remove);
      set.append(item);
    });
    const add = el('button', { type: 'button', textContent: `${this.t.add}: ${this.word(label)}` });
    add.addEventListener('click', () => {
      setAt(this.state, path, [...items, schema.items!.type === 'object' ? {} : '']);
      this.onChange();
      this.render();
    });
    set.append(add);
    return set;
  }

  /** A map of texts (`strings` per language, a call's `areaNames`): `name: text` lines, per key if keys are few. */
  private pairs(schema: JsonSchema, path: Path, label: string): HTMLElement {
    const inner = schema.additionalProperties as JsonSchema;
    const keys = schema.propertyNames?.enum;
    if (keys && inner.type === 'object') {
      const set = el('fieldset');
      set.append(el('legend'));
      set.firstElementChild!.append(...this.caption(label));
      for (const key of keys) set.append(this.pairs(inner, [...path, key], key));
      return set;
    }
    const value = (getAt(this.state, path) as Record<string, unknown> | undefined) ?? {};
    // A list per name (a call's `postcodes`: `94110: CA-12 CA`): the items separated by spaces.
    const lists = inner.type === 'array';
    const area = el('textarea', {
      rows: 3,
      value: Object.entries(value)
        .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : Array.isArray(v) ? v.join(' ') : JSON.stringify(v)}`)
        .join('\n'),
    });
    area.addEventListener('input', () => {
      const next: Record<string, string | string[]> = {};
      for (const line of area.value.split('\n')) {
        const at = line.indexOf(':');
        const text = line.slice(at + 1).trim();
        if (at > 0) next[line.slice(0, at).trim()] = lists ? text.split(/[\s,]+/).filter(Boolean) : text;
      }
      setAt(this.state, path, Object.keys(next).length ? next : undefined);
      this.onChange();
    });
    return this.wrap(path, label, area, this.t.pairsHelp);
  }

  /**
   * The build's errors beside their fields, in the organizer's language, each after the field's path as the build
   * names it; the first one gets the focus. Returns how many there were, and those no field shows.
   */
  showErrors(fields: Record<string, string>): { count: number; unplaced: string[] } {
    const unplaced: string[] = [];
    for (const error of this.root.querySelectorAll<HTMLElement>('.error')) error.hidden = true;
    for (const control of this.root.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
    let first: HTMLElement | null = null;
    for (const [path, message] of Object.entries(fields)) {
      // `petition` missing as a whole, or an item's field: the nearest control that exists.
      const parts = path.split('.');
      let control: HTMLElement | null = null;
      while (parts.length && !control) {
        control = this.root.querySelector<HTMLElement>(`[data-path="${CSS.escape(parts.join('.'))}"]`);
        if (!control) control = this.root.querySelector<HTMLElement>(`[data-path^="${CSS.escape(parts.join('.'))}."]`);
        parts.pop();
      }
      if (!control) {
        // The file as a whole (`(file)`: a targetsFile that cannot be read): said in the editor's status.
        unplaced.push(`${path}: ${localizeIssue(message, this.lang)}`);
        continue;
      }
      const error = document.getElementById(`${control.id}-error`)!;
      const said = `${path}: ${localizeIssue(message, this.lang)}`;
      error.textContent = error.hidden ? said : `${error.textContent} ${said}`;
      error.hidden = false;
      control.setAttribute('aria-invalid', 'true');
      first ??= control;
    }
    first?.focus();
    return { count: Object.keys(fields).length, unplaced };
  }
}
