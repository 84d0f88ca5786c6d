/** The petition's French strings. */
import { plural } from '../../core/i18n/plural.ts';
import type { PetitionMessages } from './en.ts';

export const fr: PetitionMessages = {
  comment: 'Commentaire (facultatif)',
  submit: 'Signer la pétition',
  loadFailed: 'Impossible de charger cette pétition. Rechargez la page.',
  to: 'À :',
  signatures: plural('fr', { one: '{n} signature', other: '{n} signatures' }),
  goal: (_count, n) => `Objectif : ${n}`,
  thanks: 'Merci d’avoir signé !',
  checkEmail: 'Presque fini : consultez vos e-mails',
  checkEmailHint: 'Nous vous avons envoyé un lien. Votre signature compte dès que vous l’ouvrez (sous 7 jours).',
  duplicate: 'Vous avez déjà signé cette pétition. Merci !',
  queued: 'Vous semblez hors ligne. Votre signature est enregistrée sur cet appareil et sera envoyée automatiquement.',
  campaign_closed: 'Cette pétition est close.',
  forbidden_origin: 'Cette pétition ne peut pas être signée sur cette page.',
};

export default fr;
