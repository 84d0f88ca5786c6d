/** French, shared strings. Loaded only when a widget speaks it. */
import type { CoreMessages } from './en.ts';

export const fr: CoreMessages = {
  givenName: 'Prénom',
  familyName: 'Nom',
  email: 'E-mail',
  postcode: 'Code postal',
  remember: 'Se souvenir de moi sur cet appareil',
  sending: 'Envoi…',
  fix: 'Merci de corriger les champs signalés.',
  share: 'Invitez vos proches à signer aussi :',
  next: 'Prochaine étape :',
  required: 'Ce champ est obligatoire.',
  invalid_email: 'Saisissez une adresse comme nom@exemple.org.',
  invalid_postcode: 'Saisissez un code postal valide.',
  invalid_phone: 'Saisissez un numéro de téléphone avec son indicatif.',
  too_long: 'C’est trop long.',
  invalid_characters: 'Ce texte contient des caractères non autorisés.',
  invalid: 'Cette valeur n’est pas valide.',
  rate_limited: 'Trop de tentatives. Patientez une minute puis réessayez.',
  disposable_email: 'Utilisez une adresse que vous gardez, pas une adresse jetable.',
  honeypot: 'Laissez ceci vide',
  error: 'Une erreur s’est produite. Veuillez réessayer.',
};

export default fr;
