/** The survey's French strings. */
import { plural } from '../../core/i18n/plural.ts';
import type { SurveyMessages } from './en.ts';

const waiting = plural('fr', {
  one: '{n} réponse en attente de synchronisation',
  other: '{n} réponses en attente de synchronisation',
});

export const fr: SurveyMessages = {
  submit: 'Envoyer mes réponses',
  record: 'Enregistrer cette réponse',
  back: 'Retour',
  forward: 'Suivant',
  page: 'Page {n} sur {total}',
  optional: '(facultatif)',
  yes: 'Oui',
  no: 'Non',
  lastPage: 'Dernière étape',
  aboutYou: 'Vous',
  anonymous: 'Vous pouvez laisser ces champs vides pour répondre anonymement.',
  share: 'Invitez vos voisins à répondre aussi :',
  loadFailed: 'Impossible de charger ce questionnaire. Rechargez la page.',
  thanks: 'Merci pour vos réponses !',
  checkEmail: 'Presque fini : consultez vos e-mails',
  checkEmailHint: 'Nous vous avons envoyé un lien. Vos réponses comptent dès que vous l’ouvrez (sous 7 jours).',
  duplicate: 'Vous avez déjà répondu à ce questionnaire. Merci !',
  results: 'Voir ce qu’a dit le quartier',
  queued:
    'Vous semblez hors ligne. Vos réponses sont enregistrées sur cet appareil et seront envoyées automatiquement.',
  campaign_closed: 'Ce questionnaire est clos.',
  forbidden_origin: 'Ce questionnaire ne peut pas être rempli sur cette page.',
  canvasser: 'Votre nom (enquêteur ou enquêtrice)',
  turf: 'Secteur ou quartier',
  start: 'Commencer le porte-à-porte',
  canvassing: 'Enquête menée par {name}',
  change: 'Changer',
  recorded: 'Réponse enregistrée. Prêt pour la personne suivante.',
  pending: (count, n) => (count ? waiting(count, n) : 'Toutes les réponses sont synchronisées.'),
  failed: plural('fr', {
    one: '{n} réponse a été refusée par le serveur.',
    other: '{n} réponses ont été refusées par le serveur.',
  }),
};

export default fr;
