/**
 * The few words the site itself says around a campaign, in the campaign's language. The widgets carry their own
 * dictionaries; this covers only page chrome (headings, dates, labels). Words that depend on the kind of campaign
 * (petition, survey, event, call) are records by kind, so a new kind fails to typecheck until it is translated.
 */
import type { KIND_TAGS } from '../../schema/kinds.ts';
import { LANGS, type Lang } from '../../schema/limits.ts';

export type Kind = keyof typeof KIND_TAGS;

export interface PageStrings {
  skipToContent: string;
  /** The label of the site's navigation landmark. */
  site: string;
  campaigns: string;
  organize: string;
  /** The label of the language switcher on pages built in every language (the dashboard, the guide). */
  language: string;
  footer: string;
  deadline: string;
  closed: string;
  /** What a card says a campaign is: "Petition". */
  kind: Record<Kind, string>;
  /** The heading over the widget on an action page: "Sign the petition". */
  act: Record<Kind, string>;
  /** The heading over the campaign's text: a petition's letter, a survey's or a call's background. */
  about: Record<Kind, string>;
  /** The link to the partner embed page. */
  embedThis: Record<Kind, string>;
}

const en: PageStrings = {
  skipToContent: 'Skip to content',
  site: 'Site',
  campaigns: 'Campaigns',
  organize: 'Organize',
  language: 'Language',
  footer: 'Made with Ladder, an open-source kit for community organizers.',
  deadline: 'Deadline',
  closed: 'This campaign has closed. Thank you to everyone who took part.',
  kind: { petition: 'Petition', survey: 'Survey', event: 'Event', call: 'Call', letter: 'Letter' },
  act: {
    petition: 'Sign the petition',
    survey: 'Answer the survey',
    event: 'RSVP',
    call: 'Make the call',
    letter: 'Write the letter',
  },
  about: {
    petition: 'The letter',
    survey: 'Why we ask',
    event: 'About the event',
    call: 'Why we call',
    letter: 'Why we write',
  },
  embedThis: {
    petition: 'Put this petition on your own website',
    survey: 'Put this survey on your own website',
    event: 'Put this event on your own website',
    call: 'Put this call on your own website',
    letter: 'Put this letter on your own website',
  },
};

const es: PageStrings = {
  skipToContent: 'Saltar al contenido',
  site: 'Sitio',
  campaigns: 'Campañas',
  organize: 'Organizar',
  language: 'Idioma',
  footer: 'Hecho con Ladder, un kit de código abierto para organizar comunidades.',
  deadline: 'Fecha límite',
  closed: 'Esta campaña ha terminado. Gracias a quienes participaron.',
  kind: { petition: 'Petición', survey: 'Encuesta', event: 'Evento', call: 'Llamada', letter: 'Carta' },
  act: {
    petition: 'Firma la petición',
    survey: 'Responde la encuesta',
    event: 'Confirma tu asistencia',
    call: 'Haz la llamada',
    letter: 'Escribe la carta',
  },
  about: {
    petition: 'La carta',
    survey: 'Por qué preguntamos',
    event: 'Sobre el evento',
    call: 'Por qué llamamos',
    letter: 'Por qué escribimos',
  },
  embedThis: {
    petition: 'Pon esta petición en tu propia web',
    survey: 'Pon esta encuesta en tu propia web',
    event: 'Pon este evento en tu propia web',
    call: 'Pon esta llamada en tu propia web',
    letter: 'Pon esta carta en tu propia web',
  },
};

const fr: PageStrings = {
  skipToContent: 'Aller au contenu',
  site: 'Site',
  campaigns: 'Campagnes',
  organize: 'Organiser',
  language: 'Langue',
  footer: 'Fait avec Ladder, une boîte à outils libre pour l’organisation collective.',
  deadline: 'Date limite',
  closed: 'Cette campagne est terminée. Merci à toutes celles et ceux qui y ont participé.',
  kind: { petition: 'Pétition', survey: 'Enquête', event: 'Événement', call: 'Appel', letter: 'Lettre' },
  act: {
    petition: 'Signez la pétition',
    survey: 'Répondez à l’enquête',
    event: 'Inscrivez-vous',
    call: 'Passez l’appel',
    letter: 'Écrivez la lettre',
  },
  about: {
    petition: 'La lettre',
    survey: 'Pourquoi cette enquête',
    event: 'L’événement',
    call: 'Pourquoi appeler',
    letter: 'Pourquoi écrire',
  },
  embedThis: {
    petition: 'Mettez cette pétition sur votre site',
    survey: 'Mettez cette enquête sur votre site',
    event: 'Mettez cet événement sur votre site',
    call: 'Mettez cet appel sur votre site',
    letter: 'Mettez cette lettre sur votre site',
  },
};

const ar: PageStrings = {
  skipToContent: 'انتقل إلى المحتوى',
  site: 'الموقع',
  campaigns: 'الحملات',
  organize: 'التنظيم',
  language: 'اللغة',
  footer: 'صُنع باستخدام Ladder، أدوات مفتوحة المصدر لتنظيم المجتمعات.',
  deadline: 'الموعد النهائي',
  closed: 'انتهت هذه الحملة. شكرًا لكل من شارك فيها.',
  kind: { petition: 'عريضة', survey: 'استبيان', event: 'فعالية', call: 'اتصال', letter: 'رسالة' },
  act: {
    petition: 'وقّع العريضة',
    survey: 'أجب عن الاستبيان',
    event: 'سجّل حضورك',
    call: 'اتصل الآن',
    letter: 'اكتب الرسالة',
  },
  about: {
    petition: 'نص الرسالة',
    survey: 'لماذا نسأل',
    event: 'عن الفعالية',
    call: 'لماذا نتصل',
    letter: 'لماذا نكتب',
  },
  embedThis: {
    petition: 'ضع هذه العريضة على موقعك',
    survey: 'ضع هذا الاستبيان على موقعك',
    event: 'ضع هذه الفعالية على موقعك',
    call: 'ضع هذا الاتصال على موقعك',
    letter: 'ضع هذه الرسالة على موقعك',
  },
};

const dictionaries: Record<Lang, PageStrings> = { en, es, fr, ar };

export const pageStrings = (lang: Lang): PageStrings => dictionaries[lang];

/** Each language in its own words, for the language switcher. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', es: 'Español', fr: 'Français', ar: 'العربية' };

/**
 * Pages that are not a campaign's (the dashboard, the guide) are built once per language: English at the page's
 * own path (`/organize/`), the others under it (`/organize/es/`). For a `[...lang].astro` page's getStaticPaths.
 */
export const languagePaths = () => LANGS.map((lang) => ({ params: { lang: lang === 'en' ? undefined : lang } }));

/** Where such a page is in `lang`: `localPath('/organize/', 'es')` is `/organize/es/`. */
export const localPath = (base: string, lang: Lang): string => (lang === 'en' ? base : `${base}${lang}/`);

/** Right-to-left languages: the page sets `dir="rtl"` on `<html>`. */
export const pageDir = (lang: Lang): 'ltr' | 'rtl' => (lang === 'ar' ? 'rtl' : 'ltr');

/** A deadline as people in that language write dates, e.g. "March 15, 2027" or "15 de marzo de 2027". */
export const formatDate = (date: Date, lang: Lang): string =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
