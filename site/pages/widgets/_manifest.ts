/**
 * The widgets' public API as custom-elements.json (written by `npm run manifest` from the classes' JSDoc) lists it:
 * what the reference pages at /widgets/ show.
 */
import manifest from '../../../custom-elements.json' with { type: 'json' };
import { KIND_TAGS } from '../../../schema/kinds.ts';
import type { Kind } from '../../lib/i18n.ts';

export interface Named {
  name: string;
  description?: string;
}

export interface WidgetDoc {
  tag: string;
  className: string;
  summary: string;
  description: string;
  kind: Kind | undefined;
  attributes: (Named & { type?: string; default?: string; field?: string })[];
  properties: (Named & { type?: string; default?: string; attribute?: string; readonly?: boolean })[];
  events: Named[];
  parts: Named[];
  cssProperties: (Named & { default?: string })[];
  slots: Named[];
}

interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: { name: string; description?: string; type?: { text: string }; default?: string; fieldName?: string }[];
  members?: {
    kind: string;
    name: string;
    description?: string;
    type?: { text: string };
    default?: string;
    privacy?: string;
    static?: boolean;
    readonly?: boolean;
    attribute?: string;
  }[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: (Named & { default?: string })[];
  slots?: Named[];
}

const kindOf = (tag: string): Kind | undefined =>
  (Object.entries(KIND_TAGS) as [Kind, string][]).find(([, t]) => t === tag)?.[0];

/** Every custom element in the manifest, by tag. */
export function widgetDocs(): WidgetDoc[] {
  const declarations = (manifest as { modules: { declarations?: Declaration[] }[] }).modules.flatMap(
    (module) => module.declarations ?? [],
  );
  return declarations
    .filter((d): d is Declaration & { tagName: string } => Boolean(d.tagName))
    .map((d) => ({
      tag: d.tagName,
      className: d.name,
      summary: d.summary ?? '',
      description: d.description ?? '',
      kind: kindOf(d.tagName),
      attributes: (d.attributes ?? []).map((a) => ({
        name: a.name,
        description: a.description,
        type: a.type?.text,
        default: a.default,
        field: a.fieldName,
      })),
      properties: (d.members ?? [])
        .filter((m) => m.kind === 'field' && !m.static && !m.privacy?.match(/private|protected/) && m.description)
        .map((m) => ({
          name: m.name,
          description: m.description,
          type: m.type?.text,
          default: m.default,
          attribute: m.attribute,
          readonly: m.readonly,
        })),
      events: (d.events ?? []).filter((e) => e.name),
      parts: d.cssParts ?? [],
      cssProperties: d.cssProperties ?? [],
      slots: d.slots ?? [],
    }))
    .sort((a, b) => a.tag.localeCompare(b.tag));
}

/** Splits `code` spans out of a manifest description, for rendering without Markdown. */
export const codeSpans = (text: string | undefined): { code: boolean; text: string }[] =>
  (text ?? '').split('`').map((part, i) => ({ code: i % 2 === 1, text: part }));
