/** The RSVP's French strings. */
import { plural } from '../../core/i18n/plural.ts';
import type { RsvpMessages } from './en.ts';

const places = plural('fr', { one: '{n} place restante sur {t}', other: '{n} places restantes sur {t}' });

export const fr: RsvpMessages = {
  phone: 'Téléphone (facultatif)',
  sms: 'M’envoyer des rappels de cet événement par SMS',
  guests: 'Personnes qui vous accompagnent',
  shift: 'Choisissez un créneau',
  submit: 'Je participe',
  waitlist: 'M’inscrire sur la liste d’attente',
  full: 'Complet : les nouvelles inscriptions vont sur la liste d’attente.',
  left: (count, n, total) => places(count, n).replace('{t}', total),
  host: 'Organisé par',
  online: 'Rejoindre en ligne',
  atEvent: 'Sur place :',
  loadFailed: 'Impossible de charger cet événement. Rechargez la page.',
  going: 'Vous participez !',
  waitlisted: 'Vous êtes sur la liste d’attente. Nous vous préviendrons si une place se libère.',
  queued:
    'Vous semblez hors ligne. Votre inscription est enregistrée sur cet appareil et sera envoyée automatiquement.',
  calendar: 'Ajoutez-le à votre agenda :',
  ics: 'Fichier d’agenda (.ics)',
  manage: 'Modifier ou annuler votre inscription',
  share: 'Invitez vos proches :',
  campaign_closed: 'Les inscriptions à cet événement sont closes.',
  forbidden_origin: 'Vous ne pouvez pas vous inscrire à cet événement sur cette page.',
};

export default fr;
