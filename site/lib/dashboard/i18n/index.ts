/**
 * The organizer pages' language in the browser: the page says it on `<html lang>` (it is built once per language,
 * `/organize/` and `/organize/<lang>/`), `useLanguage` loads that dictionary, and every module reads the live
 * binding `t` and formats numbers and dates with the same locale. English is bundled (the default, and the
 * check-in page's language); the others are fetched on first use, so a page carries one language.
 */
import { LANGS, type Lang } from '../../../../schema/limits.ts';
import en from './en.ts';
import type { DashboardStrings } from './types.ts';

export type { DashboardStrings } from './types.ts';

const load: Record<Exclude<Lang, 'en'>, () => Promise<{ default: DashboardStrings }>> = {
  es: () => import('./es.ts'),
  fr: () => import('./fr.ts'),
  ar: () => import('./ar.ts'),
};

/** The current dictionary (an ES module live binding: it changes for every importer when `useLanguage` runs). */
export let t: DashboardStrings = en;
let locale: Lang = 'en';
let numbers = new Intl.NumberFormat(locale);
let percents = new Intl.NumberFormat(locale, { style: 'percent' });

export const isLang = (value: string): value is Lang => (LANGS as readonly string[]).includes(value);

export async function useLanguage(lang: string): Promise<void> {
  if (!isLang(lang) || lang === locale) return;
  t = lang === 'en' ? en : (await load[lang]()).default;
  locale = lang;
  numbers = new Intl.NumberFormat(lang);
  percents = new Intl.NumberFormat(lang, { style: 'percent' });
}

/** A page of the organizer pages in the current language: `localized('/checkin/')` is `/checkin/es/` in Spanish. */
export const localized = (base: string): string => (locale === 'en' ? base : `${base}${locale}/`);

/** 1234 as "1,234", "1.234", "1 234" or "١٬٢٣٤". */
export const fmt = (n: number): string => numbers.format(n);
/** A ratio (0.5) as "50%", "50 %" or "٥٠٪". */
export const percent = (ratio: number): string => percents.format(ratio);
/** A `YYYY-MM-DD` day, as people write it in the language: "Mar 15, 2027", "15 mars 2027". */
export const formatDay = (day: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
/** An ISO instant as a date and time in UTC, the zone the server logs in. */
export const formatInstant = (at: string): string =>
  // Fields, not dateStyle: Intl refuses dateStyle with timeZoneName.
  new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(new Date(at));
/** A chart's time axis label: "Mar 15" within a year, "Mar 2027" over longer spans. */
export const formatAxisDay = (seconds: number, longSpan: boolean): string =>
  new Intl.DateTimeFormat(locale, {
    ...(longSpan ? { year: 'numeric' } : { day: 'numeric' }),
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(seconds * 1000));
/** The time of day now, for "Updated at". */
export const formatTimeNow = (): string =>
  new Date().toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
