/** What offices read around the letters, in the campaign's language: the footer, the digest, the choice page. */
import type { Lang } from '../../schema/limits.ts';

const one = (lang: Lang, n: number) => new Intl.PluralRules(lang).select(n) === 'one';

export interface LetterWords {
  footer: (campaign: string) => string;
  digest: string;
  stop: string;
  digestIntro: (copies: number, own: number) => string;
  /** A digest with no copy of the suggestion in it (the office asked for digests): only letters of their own. */
  digestOwn: (own: number) => string;
  digestSubject: (subject: string, letters: number) => string;
  /** The page the office's link opens: the choice is made by its button (mail scanners open links). */
  confirm: { heading: string; digest: string; stop: string; done: string; button: string; invalid: string };
}

const en: LetterWords = {
  footer: (campaign) => `Sent by a constituent through Ladder, for the campaign "${campaign}".`,
  digest: 'Receive these letters as one daily digest',
  stop: 'Stop sending these letters to this address',
  digestIntro: (copies, own) =>
    `${copies} ${one('en', copies) ? 'constituent' : 'constituents'} sent the letter below; ${own} wrote their own, below.`,
  digestOwn: (own) =>
    `${own} ${one('en', own) ? 'constituent' : 'constituents'} wrote to you in their own words, below.`,
  digestSubject: (subject, letters) => `${subject} (${letters} ${one('en', letters) ? 'letter' : 'letters'})`,
  confirm: {
    heading: 'Letters from constituents',
    digest: 'Receive the letters of this campaign to this address as one daily digest?',
    stop: 'Stop sending the letters of this campaign to this address?',
    done: 'Done: your choice is recorded and the organizers can see it.',
    button: 'Confirm',
    invalid: 'This link is not valid.',
  },
};

const es: LetterWords = {
  footer: (campaign) =>
    `Enviada por una persona de su circunscripción a través de Ladder, para la campaña «${campaign}».`,
  digest: 'Recibir estas cartas en un solo resumen diario',
  stop: 'Dejar de enviar estas cartas a esta dirección',
  digestIntro: (copies, own) =>
    `${copies} ${one('es', copies) ? 'persona envió' : 'personas enviaron'} la carta siguiente; ${own} escribieron la suya, más abajo.`,
  digestOwn: (own) =>
    `${own} ${one('es', own) ? 'persona le escribió' : 'personas le escribieron'} con sus propias palabras, más abajo.`,
  digestSubject: (subject, letters) => `${subject} (${letters} ${one('es', letters) ? 'carta' : 'cartas'})`,
  confirm: {
    heading: 'Cartas de la ciudadanía',
    digest: '¿Recibir las cartas de esta campaña a esta dirección en un solo resumen diario?',
    stop: '¿Dejar de enviar las cartas de esta campaña a esta dirección?',
    done: 'Hecho: su elección queda registrada y el equipo organizador puede verla.',
    button: 'Confirmar',
    invalid: 'Este enlace no es válido.',
  },
};

const fr: LetterWords = {
  footer: (campaign) =>
    `Envoyée par une personne de votre circonscription via Ladder, pour la campagne « ${campaign} ».`,
  digest: 'Recevoir ces lettres en un seul récapitulatif quotidien',
  stop: 'Ne plus envoyer ces lettres à cette adresse',
  digestIntro: (copies, own) =>
    `${copies} ${one('fr', copies) ? 'personne a envoyé' : 'personnes ont envoyé'} la lettre ci-dessous ; ${own} ont écrit la leur, plus bas.`,
  digestOwn: (own) =>
    one('fr', own)
      ? `${own} personne vous a écrit avec ses propres mots, ci-dessous.`
      : `${own} personnes vous ont écrit avec leurs propres mots, ci-dessous.`,
  digestSubject: (subject, letters) => `${subject} (${letters} ${one('fr', letters) ? 'lettre' : 'lettres'})`,
  confirm: {
    heading: 'Lettres de vos administrés',
    digest: 'Recevoir les lettres de cette campagne à cette adresse en un seul récapitulatif quotidien ?',
    stop: 'Ne plus envoyer les lettres de cette campagne à cette adresse ?',
    done: 'C’est fait : votre choix est enregistré et l’équipe organisatrice peut le voir.',
    button: 'Confirmer',
    invalid: 'Ce lien n’est pas valide.',
  },
};

const ar: LetterWords = {
  footer: (campaign) => `أرسلها أحد سكان دائرتكم عبر Ladder، ضمن حملة «${campaign}».`,
  digest: 'استلام هذه الرسائل في ملخص يومي واحد',
  stop: 'إيقاف إرسال هذه الرسائل إلى هذا العنوان',
  digestIntro: (copies, own) => `أرسل ${copies} من السكان الرسالة أدناه؛ وكتب ${own} رسائلهم الخاصة، أدناه.`,
  digestOwn: (own) => `كتب إليكم ${own} من السكان بكلماتهم الخاصة، أدناه.`,
  // Arabic counts 3 to 10 with the plural, the others with the singular.
  digestSubject: (subject, letters) =>
    `${subject} (${letters} ${new Intl.PluralRules('ar').select(letters) === 'few' ? 'رسائل' : 'رسالة'})`,
  confirm: {
    heading: 'رسائل من السكان',
    digest: 'هل تريدون استلام رسائل هذه الحملة على هذا العنوان في ملخص يومي واحد؟',
    stop: 'هل تريدون إيقاف إرسال رسائل هذه الحملة إلى هذا العنوان؟',
    done: 'تم: سُجّل اختياركم ويمكن للمنظمين رؤيته.',
    button: 'تأكيد',
    invalid: 'هذا الرابط غير صالح.',
  },
};

const WORDS: Record<Lang, LetterWords> = { en, es, fr, ar };

export const letterWords = (lang: Lang): LetterWords => WORDS[lang];
