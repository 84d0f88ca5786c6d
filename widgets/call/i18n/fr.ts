/** The call widget's French strings. */
import { plural } from '../../core/i18n/plural.ts';
import type { CallMessages } from './en.ts';

export const fr: CallMessages = {
  calls: plural('fr', { one: '{n} appel passé', other: '{n} appels passés' }),
  find: 'Trouver qui appeler',
  looking: 'Recherche…',
  optional: 'Rester en contact (facultatif)',
  unknownPostcode: 'Nous ne connaissons pas ce code postal. Vérifiez-le et réessayez.',
  unknownNote: 'Nous ne connaissons pas ce code postal : voici qui tout le monde peut appeler.',
  noTargets: 'Personne à appeler pour ce code postal.',
  lookupFailed: 'Impossible de rechercher ce code postal. Vérifiez votre connexion et réessayez.',
  choose: 'Votre code postal couvre plusieurs circonscriptions. Dans laquelle habitez-vous ?',
  go: 'Continuer',
  progress: (done, total) => `Appel ${done} sur ${total}`,
  again: 'Indisponible tout à l’heure : réessayez maintenant.',
  say: 'Quoi dire',
  offices: 'Bureaux',
  outcome: 'Comment ça s’est passé ?',
  contact: 'J’ai parlé à quelqu’un',
  voicemail: 'J’ai laissé un message',
  unavailable: 'Pas de réponse : plus tard',
  skipped: 'Passer',
  queuedCall: 'Vous semblez hors ligne. Votre appel est enregistré sur cet appareil et sera envoyé automatiquement.',
  thanks: 'Merci d’avoir appelé !',
  totals: 'Appels pour cette campagne jusqu’ici :',
  share: 'Demandez à vos proches d’appeler aussi :',
  total_contact: 'Ont parlé à quelqu’un',
  total_voicemail: 'Ont laissé un message',
  total_unavailable: 'Pas de réponse',
  total_skipped: 'Passés',
  loadFailed: 'Impossible de charger cette campagne. Rechargez la page.',
  campaign_closed: 'Cette campagne est close.',
  forbidden_origin: 'Les appels ne peuvent pas être enregistrés sur cette page.',
};

export default fr;
