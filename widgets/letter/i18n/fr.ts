/** The letter widget's French strings. */
import { plural } from '../../core/i18n/plural.ts';
import type { LetterMessages } from './en.ts';

export const fr: LetterMessages = {
  letters: plural('fr', { one: '{n} lettre écrite', other: '{n} lettres écrites' }),
  find: 'Trouver à qui écrire',
  looking: 'Recherche…',
  unknownPostcode: 'Nous ne connaissons pas ce code postal. Vérifiez-le et réessayez.',
  noTargets: 'Personne à qui écrire pour ce code postal.',
  lookupFailed: 'Impossible de rechercher ce code postal. Vérifiez votre connexion et réessayez.',
  choose: 'Votre code postal couvre plusieurs circonscriptions. Dans laquelle habitez-vous ?',
  go: 'Continuer',
  to: 'Votre lettre est adressée à :',
  subject: 'Objet',
  text: 'Votre lettre',
  fixed: 'La lettre est envoyée telle quelle.',
  own: (n) =>
    `Écrivez-la avec vos propres mots : au moins ${n} mots à vous. Les bureaux lisent les lettres personnelles.`,
  too_similar: 'Écrivez la lettre avec vos propres mots : changez davantage le texte proposé.',
  submit: 'Envoyer ma lettre',
  checkEmail: 'Consultez vos e-mails : votre lettre part quand vous la confirmez avec le lien envoyé.',
  queued: 'Vous semblez hors ligne. Votre lettre est gardée sur cet appareil et sera envoyée automatiquement.',
  thanks: 'Merci d’avoir écrit !',
  duplicate: 'Vous avez déjà écrit : merci !',
  byHand: 'Ce bureau ne reçoit les lettres que par son propre formulaire. Copiez votre lettre et envoyez-la là :',
  copy: 'Copier la lettre',
  copied: 'Copiée.',
  form: 'Ouvrir le formulaire officiel',
  share: 'Invitez vos proches à écrire aussi :',
  loadFailed: 'Impossible de charger cette campagne. Rechargez la page.',
  campaign_closed: 'Cette campagne est close.',
  forbidden_origin: 'Impossible d’envoyer des lettres depuis cette page.',
};

export default fr;
