/**
 * The guide page's own words around its text (./_content/<lang>.astro): the title, and the names of the example
 * files, which stay in English (they are real campaign files, checked by test/e2e/site.test.ts).
 */
import type { Lang } from '../../../schema/limits.ts';
import type { Kind } from '../../lib/i18n.ts';

interface GuideStrings {
  title: string;
  description: string;
  examples: Record<Kind, { title: string; note: string }>;
  copy: (kind: string) => string;
  copied: string;
  failed: string;
}

const dictionaries: Record<Lang, GuideStrings> = {
  en: {
    title: 'Publish your first action in five minutes',
    description: 'A step-by-step guide for organizers: one file, one command, one link to share.',
    examples: {
      petition: { title: 'A petition', note: 'with a strategy chart' },
      survey: { title: 'A listening survey', note: 'two pages of questions and “Would you help?”' },
      event: { title: 'An event', note: 'RSVPs with a capacity and guests' },
      call: { title: 'A call to a representative', note: 'a script and one person to call' },
      letter: { title: 'A letter to the city council', note: 'a suggested letter, delivered to each member' },
    },
    copy: (kind) => `Copy the ${kind} example`,
    copied: 'Copied.',
    failed: 'Could not copy: select the text and copy it by hand.',
  },
  es: {
    title: 'Publica tu primera acción en cinco minutos',
    description: 'Una guía paso a paso para quienes organizan: un archivo, un comando, un enlace para compartir.',
    examples: {
      petition: { title: 'Una petición', note: 'con un mapa estratégico' },
      survey: { title: 'Una encuesta para escuchar', note: 'dos páginas de preguntas y «¿Nos ayudarías?»' },
      event: { title: 'Un evento', note: 'confirmaciones con aforo e invitados' },
      call: { title: 'Una llamada a un representante', note: 'un guion y una persona a la que llamar' },
      letter: { title: 'Una carta al concejo municipal', note: 'una carta sugerida, entregada a cada concejal' },
    },
    copy: (kind) => `Copiar el ejemplo de ${kind}`,
    copied: 'Copiado.',
    failed: 'No se pudo copiar: selecciona el texto y cópialo a mano.',
  },
  fr: {
    title: 'Publiez votre première action en cinq minutes',
    description: 'Un guide pas à pas pour les organisateurs : un fichier, une commande, un lien à partager.',
    examples: {
      petition: { title: 'Une pétition', note: 'avec une carte stratégique' },
      survey: { title: 'Une enquête d’écoute', note: 'deux pages de questions et « Voulez-vous aider ? »' },
      event: { title: 'Un événement', note: 'des inscriptions avec une jauge et des invités' },
      call: { title: 'Un appel à un élu', note: 'un argumentaire et une personne à appeler' },
      letter: { title: 'Une lettre au conseil municipal', note: 'une lettre proposée, remise à chaque élu' },
    },
    copy: (kind) => `Copier l’exemple ${kind}`,
    copied: 'Copié.',
    failed: 'Copie impossible : sélectionnez le texte et copiez-le à la main.',
  },
  ar: {
    title: 'انشر أول فعل لك في خمس دقائق',
    description: 'دليل خطوة بخطوة للمنظِّمين: ملف واحد، وأمر واحد، ورابط واحد للمشاركة.',
    examples: {
      petition: { title: 'عريضة', note: 'مع مخطط استراتيجي' },
      survey: { title: 'استبيان للاستماع', note: 'صفحتان من الأسئلة و«هل تساعدنا؟»' },
      event: { title: 'فعالية', note: 'تسجيلات بسعة محددة ومرافقين' },
      call: { title: 'اتصال بممثل منتخب', note: 'نص للمكالمة وشخص واحد للاتصال به' },
      letter: { title: 'رسالة إلى المجلس البلدي', note: 'رسالة مقترحة تُسلَّم إلى كل عضو' },
    },
    copy: (kind) => `نسخ مثال ${kind}`,
    copied: 'نُسخ.',
    failed: 'تعذّر النسخ: حدّد النص وانسخه يدويًا.',
  },
};

export const guideStrings = (lang: Lang): GuideStrings => dictionaries[lang];
