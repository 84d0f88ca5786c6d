/**
 * What the check-in page says, in each language it is built in (`/checkin/`, `/checkin/es/`, `/checkin/fr/`,
 * `/checkin/ar/`): the page's own text at build time and what its script writes. Sentences with numbers are
 * functions of the numbers already formatted for the language, plural forms chosen by `Intl.PluralRules`.
 */
import type { Lang } from '../../../schema/limits.ts';
import { plural } from '../../../widgets/core/i18n/plural.ts';

export interface CheckInStrings {
  title: string;
  /** What signing in opens, as the sign-in form's title names it. */
  opens: string;
  description: string;
  noscript: string;
  whichEvent: string;
  /** Before and after `kind: event` in "There are no events…". */
  noEvents: [string, string];
  walkIns: string;
  walkInIntro: string;
  selfCheckIn: string;
  /** Before and after the event page's link in the QR code's caption. */
  qrCaption: [string, string];
  qrFailed: string;
  checkedInOf: (checkedIn: number, confirmed: number, fmt: (n: number) => string) => string;
  savedOnDevice: (n: number, fmt: (n: number) => string) => string;
  waitingForConnection: string;
  sending: string;
  refresh: string;
  signOut: string;
  offline: string;
  search: string;
  shown: (shown: number, all: number, fmt: (n: number) => string) => string;
  rsvps: (n: number, fmt: (n: number) => string) => string;
  checkedIn: string;
  checkedInPending: string;
  checkIn: string;
  nobodyMatches: (query: string) => string;
  givenName: string;
  familyName: string;
  email: string;
  guestsWith: string;
  addAndCheckIn: string;
  guests: (n: number, fmt: (n: number) => string) => string;
  status: { waitlisted: string; cancelled: string };
  checkedInName: (name: string) => string;
  walkInAdded: (name: string) => string;
  checkField: (label: string) => string;
  backOnline: (n: number, fmt: (n: number) => string) => string;
  notSaved: string;
  unsentAtSignOut: (n: number, fmt: (n: number) => string) => string;
}

const forms = (lang: Lang, f: Parameters<typeof plural>[1]) => {
  const say = plural(lang, f);
  return (n: number, fmt: (n: number) => string) => say(n, fmt(n));
};

const en: CheckInStrings = {
  title: 'Check-in',
  opens: 'check-in',
  description: 'Check people in at an event, with or without a connection.',
  noscript: 'Check-in needs JavaScript.',
  whichEvent: 'Which event?',
  noEvents: ['There are no events. An event is a campaign file with', '.'],
  walkIns: 'Walk-ins',
  walkInIntro: 'Someone came without an RSVP: add them, and they are checked in.',
  selfCheckIn: 'Self check-in',
  qrCaption: [
    'This QR code opens the event’s page,',
    '. Print it or show it at the door. People who RSVP’d check themselves in with the link in their confirmation email (the “Check in” button on their RSVP page); people who did not can RSVP on the event’s page.',
  ],
  qrFailed: 'The QR code could not be drawn.',
  checkedInOf: (done, all, fmt) => `${fmt(done)} checked in of ${fmt(all)} confirmed.`,
  savedOnDevice: (n, fmt) => `${fmt(n)} saved on this device,`,
  waitingForConnection: 'waiting for the connection.',
  sending: 'sending.',
  refresh: 'Refresh the list',
  signOut: 'Sign out',
  offline: 'Offline: check-ins are kept on this device and sent when the connection is back.',
  search: 'Find a name or email',
  shown: (shown, all, fmt) => `${fmt(shown)} of ${fmt(all)} shown.`,
  rsvps: forms('en', { one: '{n} RSVP.', other: '{n} RSVPs.' }),
  checkedIn: 'Checked in',
  checkedInPending: 'Checked in (saved, not sent yet)',
  checkIn: 'Check in',
  nobodyMatches: (q) => `Nobody matches “${q}”. Add them as a walk-in below.`,
  givenName: 'Given name',
  familyName: 'Family name',
  email: 'Email',
  guestsWith: 'Guests with them',
  addAndCheckIn: 'Add and check in',
  guests: forms('en', { one: '{n} guest', other: '{n} guests' }),
  status: { waitlisted: 'waitlisted', cancelled: 'cancelled' },
  checkedInName: (name) => `${name} checked in.`,
  walkInAdded: (name) => `${name} added as a walk-in and checked in.`,
  checkField: (label) => `Check the field “${label}”.`,
  backOnline: forms('en', {
    one: 'Back online: sent {n} saved check-in.',
    other: 'Back online: sent {n} saved check-ins.',
  }),
  notSaved: 'No list for this token is saved on this device: open this page once with a connection.',
  unsentAtSignOut: forms('en', {
    one: '{n} saved check-in not sent yet: signing out now loses it. Sign out anyway?',
    other: '{n} saved check-ins not sent yet: signing out now loses them. Sign out anyway?',
  }),
};

const es: CheckInStrings = {
  title: 'Registro de asistencia',
  opens: 'el registro de asistencia',
  description: 'Registra la llegada de las personas a un evento, con o sin conexión.',
  noscript: 'El registro de asistencia necesita JavaScript.',
  whichEvent: '¿Qué evento?',
  noEvents: ['No hay eventos. Un evento es un archivo de campaña con', '.'],
  walkIns: 'Sin inscripción',
  walkInIntro: 'Alguien vino sin inscribirse: añádelo y quedará registrado.',
  selfCheckIn: 'Registro por cuenta propia',
  qrCaption: [
    'Este código QR abre la página del evento,',
    '. Imprímelo o muéstralo en la puerta. Quienes se inscribieron se registran con el enlace de su correo de confirmación (el botón «Registrar llegada» de su página de inscripción); quienes no, pueden inscribirse en la página del evento.',
  ],
  qrFailed: 'No se pudo dibujar el código QR.',
  checkedInOf: (done, all, fmt) => `${fmt(done)} registrados de ${fmt(all)} confirmados.`,
  savedOnDevice: (n, fmt) => `${fmt(n)} guardados en este dispositivo,`,
  waitingForConnection: 'esperando la conexión.',
  sending: 'enviando.',
  refresh: 'Actualizar la lista',
  signOut: 'Cerrar sesión',
  offline: 'Sin conexión: los registros se guardan en este dispositivo y se envían cuando vuelva la conexión.',
  search: 'Buscar un nombre o correo',
  shown: (shown, all, fmt) => `Se muestran ${fmt(shown)} de ${fmt(all)}.`,
  rsvps: forms('es', { one: '{n} inscripción.', other: '{n} inscripciones.' }),
  checkedIn: 'Registrado',
  checkedInPending: 'Registrado (guardado, aún sin enviar)',
  checkIn: 'Registrar',
  nobodyMatches: (q) => `Nadie coincide con «${q}». Añádelo abajo como persona sin inscripción.`,
  givenName: 'Nombre',
  familyName: 'Apellidos',
  email: 'Correo electrónico',
  guestsWith: 'Acompañantes',
  addAndCheckIn: 'Añadir y registrar',
  guests: forms('es', { one: '{n} acompañante', other: '{n} acompañantes' }),
  status: { waitlisted: 'en lista de espera', cancelled: 'cancelada' },
  checkedInName: (name) => `${name}: llegada registrada.`,
  walkInAdded: (name) => `${name} añadido sin inscripción y registrado.`,
  checkField: (label) => `Revisa el campo «${label}».`,
  backOnline: forms('es', {
    one: 'Conexión recuperada: se envió {n} registro guardado.',
    other: 'Conexión recuperada: se enviaron {n} registros guardados.',
  }),
  notSaved: 'No hay ninguna lista guardada en este dispositivo para esta clave: abre esta página una vez con conexión.',
  unsentAtSignOut: forms('es', {
    one: '{n} registro guardado aún no se ha enviado: si cierras la sesión ahora se perderá. ¿Cerrar sesión de todos modos?',
    other:
      '{n} registros guardados aún no se han enviado: si cierras la sesión ahora se perderán. ¿Cerrar sesión de todos modos?',
  }),
};

const fr: CheckInStrings = {
  title: 'Accueil',
  opens: 'à l’accueil',
  description: 'Pointer les arrivées à un événement, avec ou sans connexion.',
  noscript: 'L’accueil a besoin de JavaScript.',
  whichEvent: 'Quel événement ?',
  noEvents: ['Il n’y a aucun événement. Un événement est un fichier de campagne avec', '.'],
  walkIns: 'Sans inscription',
  walkInIntro: 'Quelqu’un est venu sans s’inscrire : ajoutez cette personne, son arrivée est pointée.',
  selfCheckIn: 'Pointage en autonomie',
  qrCaption: [
    'Ce QR code ouvre la page de l’événement,',
    '. Imprimez-le ou montrez-le à l’entrée. Les personnes inscrites pointent leur arrivée avec le lien de leur e-mail de confirmation (le bouton « Je suis arrivé·e » de leur page d’inscription) ; les autres peuvent s’inscrire sur la page de l’événement.',
  ],
  qrFailed: 'Le QR code n’a pas pu être dessiné.',
  checkedInOf: (done, all, fmt) => `${fmt(done)} arrivées pointées sur ${fmt(all)} confirmées.`,
  savedOnDevice: (n, fmt) => `${fmt(n)} enregistrées sur cet appareil,`,
  waitingForConnection: 'en attente de la connexion.',
  sending: 'envoi en cours.',
  refresh: 'Actualiser la liste',
  signOut: 'Se déconnecter',
  offline: 'Hors ligne : les arrivées sont gardées sur cet appareil et envoyées au retour de la connexion.',
  search: 'Chercher un nom ou un e-mail',
  shown: (shown, all, fmt) => `${fmt(shown)} sur ${fmt(all)} affichées.`,
  rsvps: forms('fr', { one: '{n} inscription.', other: '{n} inscriptions.' }),
  checkedIn: 'Arrivée pointée',
  checkedInPending: 'Arrivée pointée (enregistrée, pas encore envoyée)',
  checkIn: 'Pointer',
  nobodyMatches: (q) => `Personne ne correspond à « ${q} ». Ajoutez la personne ci-dessous, sans inscription.`,
  givenName: 'Prénom',
  familyName: 'Nom',
  email: 'E-mail',
  guestsWith: 'Personnes qui l’accompagnent',
  addAndCheckIn: 'Ajouter et pointer',
  guests: forms('fr', { one: '{n} invité', other: '{n} invités' }),
  status: { waitlisted: 'liste d’attente', cancelled: 'annulée' },
  checkedInName: (name) => `Arrivée de ${name} pointée.`,
  walkInAdded: (name) => `${name} ajouté·e sans inscription, arrivée pointée.`,
  checkField: (label) => `Vérifiez le champ « ${label} ».`,
  backOnline: forms('fr', {
    one: 'De retour en ligne : {n} arrivée enregistrée envoyée.',
    other: 'De retour en ligne : {n} arrivées enregistrées envoyées.',
  }),
  notSaved:
    'Aucune liste pour ce jeton n’est enregistrée sur cet appareil : ouvrez cette page une fois avec une connexion.',
  unsentAtSignOut: forms('fr', {
    one: '{n} arrivée enregistrée n’est pas encore envoyée : elle sera perdue si vous vous déconnectez. Se déconnecter quand même ?',
    other:
      '{n} arrivées enregistrées ne sont pas encore envoyées : elles seront perdues si vous vous déconnectez. Se déconnecter quand même ?',
  }),
};

const ar: CheckInStrings = {
  title: 'تسجيل الحضور',
  opens: 'تسجيل الحضور',
  description: 'سجّل حضور الناس في فعالية، مع اتصال بالإنترنت أو بدونه.',
  noscript: 'يحتاج تسجيل الحضور إلى JavaScript.',
  whichEvent: 'أي فعالية؟',
  noEvents: ['لا توجد فعاليات. الفعالية ملف حملة فيه', '.'],
  walkIns: 'حضور بلا تسجيل مسبق',
  walkInIntro: 'جاء شخص دون تسجيل مسبق: أضِفه فيُسجَّل حضوره.',
  selfCheckIn: 'تسجيل الحضور الذاتي',
  qrCaption: [
    'يفتح رمز QR هذا صفحة الفعالية،',
    '. اطبعه أو اعرضه عند الباب. من سجّل مسبقًا يسجّل حضوره بالرابط في رسالة التأكيد (زر «تسجيل الحضور» في صفحة تسجيله)؛ ومن لم يسجّل يمكنه التسجيل في صفحة الفعالية.',
  ],
  qrFailed: 'تعذّر رسم رمز QR.',
  checkedInOf: (done, all, fmt) => `حضر ${fmt(done)} من ${fmt(all)} مؤكَّدين.`,
  savedOnDevice: (n, fmt) => `${fmt(n)} محفوظة على هذا الجهاز،`,
  waitingForConnection: 'بانتظار الاتصال.',
  sending: 'جارٍ الإرسال.',
  refresh: 'تحديث القائمة',
  signOut: 'تسجيل الخروج',
  offline: 'لا يوجد اتصال: يُحفظ الحضور على هذا الجهاز ويُرسل عند عودة الاتصال.',
  search: 'ابحث عن اسم أو بريد إلكتروني',
  shown: (shown, all, fmt) => `يظهر ${fmt(shown)} من ${fmt(all)}.`,
  rsvps: forms('ar', {
    zero: 'لا تسجيلات.',
    one: 'تسجيل واحد.',
    two: 'تسجيلان.',
    few: '{n} تسجيلات.',
    many: '{n} تسجيلًا.',
    other: '{n} تسجيل.',
  }),
  checkedIn: 'حضر',
  checkedInPending: 'حضر (محفوظ، لم يُرسل بعد)',
  checkIn: 'تسجيل الحضور',
  nobodyMatches: (q) => `لا أحد يطابق «${q}». أضِفه أدناه كحضور بلا تسجيل مسبق.`,
  givenName: 'الاسم الأول',
  familyName: 'اسم العائلة',
  email: 'البريد الإلكتروني',
  guestsWith: 'المرافقون',
  addAndCheckIn: 'أضِف وسجّل الحضور',
  guests: forms('ar', {
    zero: 'بلا مرافقين',
    one: 'مرافق واحد',
    two: 'مرافقان',
    few: '{n} مرافقين',
    many: '{n} مرافقًا',
    other: '{n} مرافق',
  }),
  status: { waitlisted: 'على قائمة الانتظار', cancelled: 'ملغى' },
  checkedInName: (name) => `سُجّل حضور ${name}.`,
  walkInAdded: (name) => `أُضيف ${name} بلا تسجيل مسبق وسُجّل حضوره.`,
  checkField: (label) => `تحقّق من الحقل «${label}».`,
  backOnline: (n, fmt) => `عاد الاتصال: أُرسل ${fmt(n)} من الحضور المحفوظ.`,
  notSaved: 'لا توجد قائمة محفوظة لهذا الرمز على هذا الجهاز: افتح هذه الصفحة مرة واحدة مع اتصال.',
  unsentAtSignOut: (n, fmt) =>
    `${fmt(n)} من الحضور المحفوظ لم يُرسل بعد: ستفقده إن سجّلت الخروج الآن. هل تريد تسجيل الخروج رغم ذلك؟`,
};

export const checkInStrings: Record<Lang, CheckInStrings> = { en, es, fr, ar };
