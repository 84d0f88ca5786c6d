/**
 * The words of follow-ups the server itself says, in en, es, fr and ar: errors a volunteer sees on their phone, the
 * one-line summary of what a person did, the opt-out confirmation; and the revocation words people text back.
 */
import type { Lang } from '../schema/limits.ts';
import { LANGS } from '../schema/limits.ts';
import { TEXTING_HOURS } from '../schema/followup.ts';

/** The caller's language: `?lang=`, else the first of `Accept-Language` we speak, else English. */
export function langOf(query: string | undefined, acceptLanguage: string | undefined): Lang {
  const wanted = [query ?? '', ...(acceptLanguage ?? '').split(',').map((part) => part.split(';')[0].trim())];
  for (const tag of wanted) {
    const lang = tag.slice(0, 2).toLowerCase();
    if ((LANGS as readonly string[]).includes(lang)) return lang as Lang;
  }
  return 'en';
}

const { from, to } = TEXTING_HOURS;
export const MESSAGES: Record<
  Lang,
  { outsideHours: (zone: string) => string; optedOut: string; stopped: string; verbs: Record<string, string> }
> = {
  en: {
    outsideHours: (zone) => `Texts go out only between ${from}:00 and ${to}:00 in the person's time zone (${zone}).`,
    optedOut: 'This person opted out: they are never contacted this way again.',
    stopped: 'You will get no more texts from us. Thank you.',
    verbs: {
      signature: 'signed',
      response: 'answered',
      rsvp: "RSVP'd to",
      attended: 'came to',
      call: 'called about',
      letter: 'wrote about',
    },
  },
  es: {
    outsideHours: (zone) =>
      `Solo se envían mensajes entre las ${from}:00 y las ${to}:00 en la zona horaria de la persona (${zone}).`,
    optedOut: 'Esta persona se dio de baja: nunca más se le contacta por esta vía.',
    stopped: 'No recibirás más mensajes nuestros. Gracias.',
    verbs: {
      signature: 'firmó',
      response: 'respondió',
      rsvp: 'se apuntó a',
      attended: 'vino a',
      call: 'llamó por',
      letter: 'escribió por',
    },
  },
  fr: {
    outsideHours: (zone) =>
      `Les SMS ne partent qu'entre ${from} h et ${to} h dans le fuseau horaire de la personne (${zone}).`,
    optedOut: "Cette personne s'est désinscrite : elle n'est plus jamais contactée ainsi.",
    stopped: 'Vous ne recevrez plus de SMS de notre part. Merci.',
    verbs: {
      signature: 'a signé',
      response: 'a répondu à',
      rsvp: "s'est inscrit·e à",
      attended: 'est venu·e à',
      call: 'a appelé pour',
      letter: 'a écrit pour',
    },
  },
  ar: {
    outsideHours: (zone) => `لا تُرسل الرسائل إلا بين الساعة ${from}:00 و${to}:00 بتوقيت الشخص (${zone}).`,
    optedOut: 'ألغى هذا الشخص اشتراكه: لن يُتصل به بهذه الطريقة مرة أخرى.',
    stopped: 'لن تصلك منا رسائل بعد الآن. شكرًا لك.',
    verbs: {
      signature: 'وقّع',
      response: 'أجاب عن',
      rsvp: 'سجّل في',
      attended: 'حضر',
      call: 'اتصل بشأن',
      letter: 'كتب بشأن',
    },
  },
};

/**
 * Revocation words: the whole text is one of these words (so "see you at the end" stops nothing), or it contains
 * one of the plain-language phrases. Twilio's own keywords, then Spanish, French and Arabic ones.
 */
const WORDS = new Set([
  'stop',
  'stopall',
  'stop all',
  'unsubscribe',
  'cancel',
  'end',
  'quit',
  'opt out',
  'optout',
  'revoke',
  'alto',
  'para',
  'baja',
  'parar',
  'cancelar',
  'arret',
  'arrêt',
  'arrete',
  'arrête',
  'desabonner',
  'désabonner',
  'desinscrire',
  'désinscrire',
  'توقف',
  'إيقاف',
  'ايقاف',
  'إلغاء',
  'الغاء',
  'أوقف',
  'اوقف',
]);
const PHRASES = [
  /\btake me off\b/,
  /\bremove me\b/,
  /\b(do not|don'?t|dont) (text|message|contact|call) me\b/,
  /\bno more (texts|messages)\b/,
  /\bleave me alone\b/,
  /\bunsubscribe\b/,
  /\bopt me out\b/,
  /\bdarme de baja\b/,
  /\b(s[aá]c|quit)(a|e)me de (la|esta|su) lista\b/,
  /\bno me (escriban|escribas|manden|contacten)\b/,
  /\bretirez[- ]moi\b/,
  /\bne m'?(é|e)crivez plus\b/,
  /\bne me contactez plus\b/,
  /\bstop (texting|messaging|sending|contacting)\b/,
  /احذفني/,
  /أزلني/,
  /ازلني/,
  /إلغاء الاشتراك/,
  /لا تراسلني/,
];

export function revokes(body: string): boolean {
  const text = body
    .normalize('NFC')
    .toLowerCase()
    .replace(/[.!?,;:'"’()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (WORDS.has(text)) return true;
  const loose = body.normalize('NFC').toLowerCase().replace(/’/g, "'");
  return PHRASES.some((phrase) => phrase.test(loose));
}

/** The language a revocation was written in (for its confirmation), by its letters and words. */
export function langOfText(body: string): Lang {
  if (/[\u0600-\u06ff]/.test(body)) return 'ar';
  const text = body.toLowerCase();
  if (/\b(alto|para|baja|parar|cancelar|lista|escrib|manden|contacten)\b/.test(text)) return 'es';
  if (/(arr[eê]t|abonner|inscrire|retirez|crivez|contactez)/.test(text)) return 'fr';
  return 'en';
}
