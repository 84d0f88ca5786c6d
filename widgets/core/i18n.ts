/**
 * Translations. English ships with every widget; other languages are separate modules imported on first use.
 * The language is the `lang` attribute, else the page's `<html lang>`, else the campaign's, else English.
 */
import { LANGS, type Lang } from '../../schema/limits.ts';
import { en, type Messages } from './i18n/en.ts';

export type { Messages };

const loaders: Record<Exclude<Lang, 'en'>, () => Promise<{ default: Messages }>> = {
  es: () => import('./i18n/es.ts'),
};

const dictionaries = new Map<Lang, Messages>([['en', en]]);

/**
 * Makes a dictionary available synchronously, e.g. for server rendering in Spanish:
 * `registerMessages('es', (await import('widgets/core/i18n/es.ts')).default)`.
 */
export function registerMessages(lang: Lang, messages: Messages): void {
  dictionaries.set(lang, messages);
}

/** The first supported language among the candidates (`es-MX` counts as `es`), else English. */
export function resolveLang(...candidates: (string | null | undefined)[]): Lang {
  for (const candidate of candidates) {
    const base = candidate?.toLowerCase().split('-')[0];
    if ((LANGS as readonly string[]).includes(base ?? '')) return base as Lang;
  }
  return 'en';
}

/**
 * The dictionary if it is loaded, else `undefined`; with `done`, a missing one starts loading and `done` is called
 * when it arrives (without it, as under server rendering, only registered dictionaries are used).
 */
export function messagesFor(lang: Lang, done?: () => void): Messages | undefined {
  const messages = dictionaries.get(lang);
  if (messages || lang === 'en' || !done) return messages;
  void loaders[lang]().then((module) => {
    dictionaries.set(lang, module.default);
    done();
  });
  return undefined;
}

/** The dictionary with a campaign's overrides applied (a string for a string, a `{n}` template for a plural). */
export function withOverrides(messages: Messages, overrides: Record<string, string> | undefined): Messages {
  if (!overrides) return messages;
  const result: Record<string, unknown> = { ...messages };
  for (const [key, text] of Object.entries(overrides)) {
    if (!(key in messages)) continue;
    result[key] = typeof result[key] === 'function' ? (_count: number, n: string) => text.replaceAll('{n}', n) : text;
  }
  return result as Messages;
}
