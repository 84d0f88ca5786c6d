/** The organizer pages in French. */
import { plural } from '../../../../widgets/core/i18n/plural.ts';
import type { DashboardStrings } from './types.ts';

const deliveries = plural('fr', { one: '{n} envoi', other: '{n} envois' });

const fr: DashboardStrings = {
  comma: ', ',
  listSeparator: ' ; ',
  title: 'Organiser',
  description: 'Le tableau de bord des campagnes Ladder, pour les organisatrices et organisateurs.',
  noscript: 'Le tableau de bord a besoin de JavaScript.',
  dashboard: 'Tableau de bord',
  refresh: 'Actualiser',
  signOut: 'Se déconnecter',
  sectionsNav: 'Sections du tableau de bord',
  sections: {
    ladder: { title: 'L’échelle', intro: 'Combien de personnes sont sur chaque échelon, et depuis quand.' },
    campaigns: {
      title: 'Campagnes',
      intro:
        'Les actions à ce jour face à l’objectif de chaque campagne (ligne pointillée) et à sa date limite (ligne rouge). Les exports sont en CSV.',
    },
    partners: { title: 'Partenaires et sources', intro: 'Quelles pages et quels liens ont amené du monde.' },
    events: {
      title: 'Événements',
      intro: 'Inscriptions confirmées face aux présences. Taux d’absence = 1 − présents / confirmés.',
    },
    calls: { title: 'Appels', intro: 'Ce qu’ont rapporté les personnes qui ont appelé, par personne appelée.' },
    letters: {
      title: 'Lettres',
      intro: 'Les lettres par destinataire : livrées, en attente, et le choix de chaque bureau.',
    },
    recruiters: { title: 'Recruteurs', intro: 'Les personnes dont les liens de partage en ont amené d’autres.' },
    delivery: { title: 'Envois', intro: 'Si les actions ont atteint les outils auxquels elles sont envoyées.' },
    people: {
      title: 'Trouver une personne',
      intro: 'Cherchez quelqu’un par e-mail, voyez son historique, ou effacez ses données.',
    },
  },

  signIn: {
    title: (opens) => `Se connecter ${opens}`,
    dashboard: 'au tableau de bord',
    help: [
      'Collez le jeton d’administration : la valeur de',
      'sur le serveur. Il reste dans cet onglet seulement et il est oublié à sa fermeture.',
    ],
    label: 'Jeton d’administration',
    button: 'Se connecter',
    checking: 'Vérification…',
    pasteFirst: 'Collez d’abord le jeton d’administration.',
    savedTokenGone: 'Le jeton enregistré ne fonctionne plus.',
  },

  api: {
    unauthorized:
      'Le serveur n’a pas accepté ce jeton. Collez le jeton d’administration exactement comme dans LADDER_ADMIN_TOKEN sur le serveur.',
    notFound: 'Introuvable.',
    tooMany: 'Trop de requêtes : attendez une minute et réessayez.',
    status: (status) => `Le serveur a répondu ${status}. Réessayez dans un instant.`,
    offline: 'Impossible de joindre le serveur. Vérifiez la connexion et réessayez.',
  },

  loading: 'Chargement…',
  updatedAt: (time) => `Mis à jour à ${time}.`,
  couldNotShow: (reason) => `Impossible d’afficher le tableau de bord : ${reason}`,
  downloadCsv: 'Télécharger le CSV',
  ofCampaign: (name) => ` de ${name}`,
  preparingCsv: 'Préparation du CSV…',
  downloaded: (file) => `${file} téléchargé.`,

  showNumbers: 'Voir les chiffres',
  note: 'Remarque',
  day: 'Jour',
  goal: 'Objectif',
  deadline: 'Date limite',

  rungs: {
    contact: 'Contact',
    supporter: 'Sympathisant·e',
    participant: 'Participant·e',
    volunteer: 'Bénévole',
    leader: 'Responsable',
  },
  rungsChart: 'Personnes sur chaque échelon aujourd’hui',
  rungsSummary: (total, top, topCount, each) =>
    `${total} personnes en tout ; le plus grand nombre est sur « ${top} » (${topCount}). ${each}.`,
  rungHeader: 'Échelon',
  peopleHeader: 'Personnes',
  rungsEmpty: 'Personne pour l’instant : l’échelle se remplit à mesure que les gens agissent.',
  movementChart: 'Arrivées sur chaque échelon, par jour',
  movementSummary: (days, from, to, reached) => `Sur ${days} jours (du ${from} au ${to}) : ${reached}.`,
  reachedRung: (n, rung) => `${n} ont atteint « ${rung} »`,
  movementEmpty: 'Aucun mouvement pour l’instant.',

  actionsBy: (actions, people) => `${actions} actions de ${people} personnes`,
  ofGoal: (percent, goal) => `${percent} de l’objectif de ${goal}`,
  daysLeft: (deadline, days) => `date limite ${deadline}, encore ${days} jours`,
  deadlinePassed: (deadline) => `la date limite (${deadline}) est passée`,
  lastWeek: (n) => `${n} ces 7 derniers jours`,
  actionsThatDay: 'Actions ce jour-là',
  actionsSoFar: 'Actions à ce jour',

  partnersChart: 'Actions par page partenaire',
  partnersSummary: (actions, pages, top, topCount) =>
    `${actions} actions depuis ${pages} pages ; le plus depuis ${top} (${topCount}).`,
  partnerHeader: 'Page (origine)',
  actionsHeader: 'Actions',
  noActions: 'Aucune action pour l’instant.',
  noPage: 'Aucune page (depuis un serveur ou une appli)',
  others: (n) => `${n} autres`,
  sourcesChart: 'Actions par source (?source= dans le lien)',
  sourcesSummary: (top, topCount) => `Le plus depuis « ${top} » (${topCount}).`,
  sourceHeader: 'Source',
  noSource: 'Sans source',

  eventsChart: 'Inscriptions et présences par événement',
  eventsSummary: (confirmed, came, flake) =>
    `${confirmed} inscriptions confirmées, ${came} présents${flake === null ? '' : ` : un taux d’absence de ${flake}`}.`,
  eventCame: (event, came, confirmed, note) => `${event} : ${came} présents sur ${confirmed} (${note})`,
  eventHeader: 'Événement',
  confirmedHeader: 'Inscriptions confirmées',
  eventsEmpty: 'Aucune inscription pour l’instant.',
  came: 'Présents',
  notCome: 'Absents (pour l’instant)',
  noRsvps: 'aucune inscription',
  flakeRate: (percent) => `taux d’absence ${percent}`,
  checkInFor: (event) => `Accueil pour ${event}`,

  callsChart: 'Résultats des appels par cible',
  callsSummary: (calls, reached) => `${calls} appels ; quelqu’un a répondu ${reached} fois.`,
  targetHeader: 'Cible',
  callsHeader: 'Appels',
  callsEmpty: 'Aucun appel pour l’instant.',
  outcomes: {
    contact: 'A parlé à quelqu’un',
    voicemail: 'Messagerie',
    unavailable: 'Indisponible',
    skipped: 'Passé',
  },

  recruitersChart: 'Qui a amené le plus de monde',
  recruitersSummary: (people, top, topCount) =>
    `${people} personnes en ont recruté d’autres ; ${top} en a amené le plus (${topCount}).`,
  supporterHeader: 'Personne',
  recruitedHeader: 'Personnes recrutées',
  recruitersEmpty: 'Personne n’a encore recruté quelqu’un avec un lien de partage.',
  erasedSupporter: 'Personne effacée',

  letters: {
    caption: (campaign) => `Lettres par destinataire : ${campaign}`,
    target: 'Destinataire',
    delivered: 'Livrées',
    waiting: 'En attente (plafond ou horaires)',
    bounced: 'Rejetées',
    handed: 'Remises à la personne',
    stopped: 'Arrêtées',
    choice: 'Choix du bureau',
    digest: 'Un résumé par jour',
    stop: 'Ne plus envoyer',
    noChoice: 'Aucun',
    bouncedOn: (at) => `adresse rejetée le ${at}`,
    none: 'Aucune campagne de lettres.',
  },
  delivery: {
    chart: 'Envois par destination',
    summary: (sinks, waiting, dead) =>
      `${sinks} destinations ; ${waiting} envois en attente, ${dead} en échec définitif.`,
    destination: 'Destination',
    events: 'Événements',
    nothingYet: 'Rien à envoyer pour l’instant.',
    noSinks: 'Aucune destination n’est configurée (webhooks, Action Network, e-mail, SMS) : rien ne quitte le serveur.',
    delivered: 'Livrés',
    waiting: 'En attente',
    dead: 'En échec définitif',
    oldest: (at) => `le plus ancien attend depuis le ${at}`,
    failedTitle: 'Envois en échec',
    failed: (attempts, at) => `${attempts} échecs, le dernier le ${at}.`,
    to: 'vers',
    none: 'Aucun : chaque envoi est passé ou est encore tenté.',
    redeliver: 'Renvoyer',
    redelivered: (id, n, count) => `L’événement ${id} sera renvoyé (${deliveries(n, count)}).`,
  },

  people: {
    email: 'Adresse e-mail',
    lookUp: 'Chercher',
    typeEmail: 'Saisissez d’abord une adresse e-mail.',
    nobody: (email) => `Personne avec l’adresse ${email}.`,
    erased: (name, email) => `${name} (${email}) a été effacé·e.`,
    phone: 'Téléphone',
    postcode: 'Code postal',
    rung: 'Échelon',
    setByOrganizer: ' (fixé par un·e organisateur·rice)',
    recruited: 'A recruté',
    tags: 'Étiquettes',
    none: 'aucune',
    firstSeen: 'Première fois',
    timeline: 'Historique',
    kinds: { signature: 'A signé', response: 'A répondu à l’enquête', rsvp: 'S’est inscrit·e', call: 'A appelé' },
    rsvpStatus: { confirmed: 'confirmée', waitlisted: 'en liste d’attente', cancelled: 'annulée' },
    cameToo: ', présent·e',
    from: (origin) => `depuis ${origin}`,
    via: (source) => `via ${source}`,
    reachedRung: (rung) => `A atteint l’échelon « ${rung} »`,
    eraseTitle: (name) => `Effacer ${name} définitivement ?`,
    eraseWarning:
      'Son nom, ses coordonnées, ses inscriptions et son historique sont supprimés et ne seront plus jamais envoyés. Les totaux restent. C’est irréversible.',
    eraseYes: (email) => `Oui, effacer ${email}`,
    cancel: 'Annuler',
    eraseStart: 'Effacer cette personne…',
  },
};

export default fr;
