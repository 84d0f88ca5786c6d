/**
 * Translations. Strings live in dictionaries: the shared ones in `core/i18n/`, each widget's own in
 * `<widget>/i18n/`, one module per language. English ships with the widget; the others are separate chunks
 * imported on first use. The language is the `lang` attribute, else the page's `<html lang>`, else the
 * campaign's, else English.
 */
import { LANGS, type Lang } from '../../schema/limits.ts';
import { en, type CoreMessages } from './i18n/en.ts';

export type { CoreMessages };

/** One dictionary in every language: English at hand, the others behind an import. */
export interface Translations<M> {
  en: M;
  load: Record<Exclude<Lang, 'en'>, () => Promise<{ default: M }>>;
  loaded: Map<Lang, M>;
}

export function translations<M>(english: M, load: Translations<M>['load']): Translations<M> {
  return { en: english, load, loaded: new Map([['en', english]]) };
}

/** The strings every widget shares. */
export const core = translations<CoreMessages>(en, {
  es: () => import('./i18n/es.ts'),
  fr: () => import('./i18n/fr.ts'),
  ar: () => import('./i18n/ar.ts'),
});

/**
 * Makes a dictionary available synchronously, as server rendering needs (the site renders every language):
 * `registerMessages(core, 'es', es)`.
 */
export function registerMessages<M>(dictionary: Translations<M>, lang: Lang, messages: M): void {
  dictionary.loaded.set(lang, messages);
}

/** The first supported language among the candidates (`es-MX` counts as `es`), else English. */
export function resolveLang(...candidates: (string | null | undefined)[]): Lang {
  for (const candidate of candidates) {
    const base = candidate?.toLowerCase().split('-')[0];
    if ((LANGS as readonly string[]).includes(base ?? '')) return base as Lang;
  }
  return 'en';
}

/** Right-to-left languages: the widget lays itself out mirrored. */
export const isRtl = (lang: Lang): boolean => (lang as string) === 'ar';

/**
 * The dictionary if it is loaded, else `undefined`; with `done`, a missing one starts loading and `done` is called
 * when it arrives (without it, as under server rendering, only registered dictionaries are used).
 */
export function messagesFor<M>(dictionary: Translations<M>, lang: Lang, done?: () => void): M | undefined {
  const messages = dictionary.loaded.get(lang);
  if (messages || lang === 'en' || !done) return messages;
  void dictionary.load[lang]().then((module) => {
    dictionary.loaded.set(lang, module.default);
    done();
  });
  return undefined;
}

/** The dictionary with a campaign's overrides applied (a string for a string, a `{n}` template for a plural). */
export function withOverrides<M extends object>(messages: M, overrides: Record<string, string> | undefined): M {
  if (!overrides) return messages;
  const result = { ...messages } as Record<string, unknown>;
  for (const [key, text] of Object.entries(overrides)) {
    if (!(key in messages)) continue;
    result[key] = typeof result[key] === 'function' ? (_count: number, n: string) => text.replaceAll('{n}', n) : text;
  }
  return result as M;
}
