/**
 * The few words the site itself says around a campaign, in the campaign's language. The widgets carry their own
 * dictionaries; this covers only page chrome (headings, dates, labels).
 */
import type { Lang } from '../../schema/limits.ts';

export interface PageStrings {
  skipToContent: string;
  campaigns: string;
  organize: string;
  theLetter: string;
  deadline: string;
  closed: string;
  signHere: string;
  embedThis: string;
  goal: (goal: number) => string;
}

const en: PageStrings = {
  skipToContent: 'Skip to content',
  campaigns: 'Campaigns',
  organize: 'Organize',
  theLetter: 'The letter',
  deadline: 'Deadline',
  closed: 'This campaign is closed and no longer takes new signatures.',
  signHere: 'Sign the petition',
  embedThis: 'Put this petition on your own website',
  goal: (goal) => `Goal: ${goal.toLocaleString('en')} signatures`,
};

const es: PageStrings = {
  skipToContent: 'Saltar al contenido',
  campaigns: 'Campañas',
  organize: 'Organizar',
  theLetter: 'La carta',
  deadline: 'Fecha límite',
  closed: 'Esta campaña está cerrada y ya no recoge firmas.',
  signHere: 'Firma la petición',
  embedThis: 'Pon esta petición en tu propia web',
  goal: (goal) => `Meta: ${goal.toLocaleString('es')} firmas`,
};

const fr: PageStrings = {
  skipToContent: 'Aller au contenu',
  campaigns: 'Campagnes',
  organize: 'Organiser',
  theLetter: 'La lettre',
  deadline: 'Date limite',
  closed: 'Cette campagne est close et ne recueille plus de signatures.',
  signHere: 'Signez la pétition',
  embedThis: 'Mettez cette pétition sur votre site',
  goal: (goal) => `Objectif : ${goal.toLocaleString('fr')} signatures`,
};

const ar: PageStrings = {
  skipToContent: 'انتقل إلى المحتوى',
  campaigns: 'الحملات',
  organize: 'التنظيم',
  theLetter: 'نص الرسالة',
  deadline: 'الموعد النهائي',
  closed: 'هذه الحملة مغلقة ولم تعد تقبل توقيعات جديدة.',
  signHere: 'وقّع العريضة',
  embedThis: 'ضع هذه العريضة على موقعك',
  goal: (goal) => `الهدف: ${goal.toLocaleString('ar')} توقيع`,
};

const dictionaries: Record<Lang, PageStrings> = { en, es, fr, ar };

export const pageStrings = (lang: Lang): PageStrings => dictionaries[lang];

/** A deadline as people in that language write dates, e.g. "March 15, 2027" or "15 de marzo de 2027". */
export const formatDate = (date: Date, lang: Lang): string =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
