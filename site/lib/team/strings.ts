/**
 * The words of signing in with an account and of the team page (`/organize/team/`), in the four languages of the
 * organizer pages. Plain strings only: a page writes its language's dictionary into `data-strings`, so the browser
 * carries one language and no code for the others.
 */
import type { Lang } from '../../../schema/limits.ts';
import type { Role } from '../../../schema/team.ts';

export interface TeamStrings {
  signIn: {
    emailTitle: string;
    emailLabel: string;
    emailButton: string;
    emailSent: string;
    emailFirst: string;
    passkeyButton: string;
    passkeyFailed: string;
    linkExpired: string;
    tokenInstead: string;
    notForRole: string;
  };
  title: string;
  description: string;
  dashboard: string;
  roles: Record<Role, string>;
  account: string;
  signedInAs: string;
  addPasskey: string;
  passkeyAdded: string;
  passkeyUnsupported: string;
  signOut: string;
  people: string;
  email: string;
  role: string;
  events: string;
  eventsHelp: string;
  invite: string;
  invited: string;
  save: string;
  saved: string;
  remove: string;
  removed: string;
  tokens: string;
  tokensHelp: string;
  tokenName: string;
  createToken: string;
  shownOnce: string;
  created: string;
  lastUsed: string;
  never: string;
  revoke: string;
  revoked: string;
  audit: string;
  auditHelp: string;
  when: string;
  who: string;
  what: string;
  target: string;
  address: string;
  downloadCsv: string;
  empty: string;
  ownersOnly: string;
  failed: string;
}

const en: TeamStrings = {
  signIn: {
    emailTitle: 'Sign in with your email',
    emailLabel: 'Your email',
    emailButton: 'Email me a sign-in link',
    emailSent: 'If this address is on the team, a sign-in link is on its way. It works once, for 15 minutes.',
    emailFirst: 'Enter your email address first.',
    passkeyButton: 'Use a passkey',
    passkeyFailed: 'That passkey did not work here. Sign in by email instead.',
    linkExpired: 'This sign-in link has expired or was used: ask for a new one below.',
    tokenInstead: 'Or, for the first owner and scripts:',
    notForRole: 'You are signed in, but your role does not open this page.',
  },
  title: 'The team',
  description: 'Who organizes with you, their roles, API tokens and the audit log.',
  dashboard: 'Dashboard',
  roles: { owner: 'Owner', organizer: 'Organizer', host: 'Host', volunteer: 'Volunteer' },
  account: 'Your account',
  signedInAs: 'Signed in as',
  addPasskey: 'Add a passkey',
  passkeyAdded: 'Passkey added: next time, sign in with it.',
  passkeyUnsupported: 'This browser cannot make passkeys: sign in by email.',
  signOut: 'Sign out',
  people: 'People and roles',
  email: 'Email',
  role: 'Role',
  events: 'Their events (hosts)',
  eventsHelp: 'A host sees and checks in only the events ticked here.',
  invite: 'Invite',
  invited: 'Invitation sent by email.',
  save: 'Save',
  saved: 'Saved.',
  remove: 'Remove',
  removed: 'Removed from the team.',
  tokens: 'API tokens',
  tokensHelp: 'For integrations and scripts: each token has a role, and can be revoked at any time.',
  tokenName: 'Name',
  createToken: 'Create a token',
  shownOnce: 'Copy this token now: it will not be shown again.',
  created: 'Created',
  lastUsed: 'Last used',
  never: 'never',
  revoke: 'Revoke',
  revoked: 'Revoked',
  audit: 'Audit log',
  auditHelp:
    'Every export, erasure, supporter lookup, rung or tag change and role change: who, what, when, from where.',
  when: 'When',
  who: 'Who',
  what: 'What',
  target: 'On',
  address: 'From',
  downloadCsv: 'Download the audit log (CSV)',
  empty: 'Nothing yet.',
  ownersOnly: 'Only owners see the team, the API tokens and the audit log.',
  failed: 'That did not work:',
};

const es: TeamStrings = {
  signIn: {
    emailTitle: 'Inicia sesión con tu correo',
    emailLabel: 'Tu correo electrónico',
    emailButton: 'Envíame un enlace para entrar',
    emailSent:
      'Si esta dirección está en el equipo, te llega un enlace para entrar. Funciona una vez, durante 15 minutos.',
    emailFirst: 'Escribe primero tu correo electrónico.',
    passkeyButton: 'Usar una llave de acceso',
    passkeyFailed: 'Esa llave de acceso no sirve aquí. Entra con tu correo.',
    linkExpired: 'Este enlace ha caducado o ya se usó: pide uno nuevo abajo.',
    tokenInstead: 'O, para la primera persona propietaria y los scripts:',
    notForRole: 'Has iniciado sesión, pero tu rol no abre esta página.',
  },
  title: 'El equipo',
  description: 'Quién organiza contigo, sus roles, los tokens de API y el registro de auditoría.',
  dashboard: 'Panel',
  roles: { owner: 'Propietaria', organizer: 'Organizadora', host: 'Anfitriona', volunteer: 'Voluntaria' },
  account: 'Tu cuenta',
  signedInAs: 'Sesión iniciada como',
  addPasskey: 'Añadir una llave de acceso',
  passkeyAdded: 'Llave de acceso añadida: la próxima vez, entra con ella.',
  passkeyUnsupported: 'Este navegador no puede crear llaves de acceso: entra con tu correo.',
  signOut: 'Cerrar sesión',
  people: 'Personas y roles',
  email: 'Correo electrónico',
  role: 'Rol',
  events: 'Sus eventos (anfitrionas)',
  eventsHelp: 'Una anfitriona ve y registra la llegada solo en los eventos marcados aquí.',
  invite: 'Invitar',
  invited: 'Invitación enviada por correo.',
  save: 'Guardar',
  saved: 'Guardado.',
  remove: 'Quitar',
  removed: 'Ya no está en el equipo.',
  tokens: 'Tokens de API',
  tokensHelp: 'Para integraciones y scripts: cada token tiene un rol y se puede revocar en cualquier momento.',
  tokenName: 'Nombre',
  createToken: 'Crear un token',
  shownOnce: 'Copia este token ahora: no se volverá a mostrar.',
  created: 'Creado',
  lastUsed: 'Último uso',
  never: 'nunca',
  revoke: 'Revocar',
  revoked: 'Revocado',
  audit: 'Registro de auditoría',
  auditHelp:
    'Cada exportación, borrado, consulta de una persona, cambio de peldaño, etiqueta o rol: quién, qué, cuándo y desde dónde.',
  when: 'Cuándo',
  who: 'Quién',
  what: 'Qué',
  target: 'Sobre',
  address: 'Desde',
  downloadCsv: 'Descargar el registro (CSV)',
  empty: 'Nada todavía.',
  ownersOnly: 'Solo las propietarias ven el equipo, los tokens de API y el registro de auditoría.',
  failed: 'No funcionó:',
};

const fr: TeamStrings = {
  signIn: {
    emailTitle: 'Se connecter avec son e-mail',
    emailLabel: 'Votre e-mail',
    emailButton: 'M’envoyer un lien de connexion',
    emailSent:
      'Si cette adresse fait partie de l’équipe, un lien de connexion arrive. Il fonctionne une fois, 15 minutes.',
    emailFirst: 'Saisissez d’abord votre adresse e-mail.',
    passkeyButton: 'Utiliser une clé d’accès',
    passkeyFailed: 'Cette clé d’accès ne fonctionne pas ici. Connectez-vous par e-mail.',
    linkExpired: 'Ce lien a expiré ou a déjà servi : demandez-en un nouveau ci-dessous.',
    tokenInstead: 'Ou, pour le premier propriétaire et les scripts :',
    notForRole: 'Vous êtes connecté·e, mais votre rôle n’ouvre pas cette page.',
  },
  title: 'L’équipe',
  description: 'Qui organise avec vous, leurs rôles, les jetons d’API et le journal d’audit.',
  dashboard: 'Tableau de bord',
  roles: { owner: 'Propriétaire', organizer: 'Organisateur·rice', host: 'Hôte', volunteer: 'Bénévole' },
  account: 'Votre compte',
  signedInAs: 'Connecté·e en tant que',
  addPasskey: 'Ajouter une clé d’accès',
  passkeyAdded: 'Clé d’accès ajoutée : la prochaine fois, connectez-vous avec elle.',
  passkeyUnsupported: 'Ce navigateur ne sait pas créer de clé d’accès : connectez-vous par e-mail.',
  signOut: 'Se déconnecter',
  people: 'Personnes et rôles',
  email: 'E-mail',
  role: 'Rôle',
  events: 'Ses événements (hôtes)',
  eventsHelp: 'Un·e hôte ne voit et n’enregistre les arrivées que pour les événements cochés ici.',
  invite: 'Inviter',
  invited: 'Invitation envoyée par e-mail.',
  save: 'Enregistrer',
  saved: 'Enregistré.',
  remove: 'Retirer',
  removed: 'Retiré·e de l’équipe.',
  tokens: 'Jetons d’API',
  tokensHelp: 'Pour les intégrations et les scripts : chaque jeton a un rôle et peut être révoqué à tout moment.',
  tokenName: 'Nom',
  createToken: 'Créer un jeton',
  shownOnce: 'Copiez ce jeton maintenant : il ne sera plus affiché.',
  created: 'Créé',
  lastUsed: 'Dernière utilisation',
  never: 'jamais',
  revoke: 'Révoquer',
  revoked: 'Révoqué',
  audit: 'Journal d’audit',
  auditHelp:
    'Chaque export, effacement, recherche de sympathisant·e, changement d’échelon, d’étiquette ou de rôle : qui, quoi, quand, d’où.',
  when: 'Quand',
  who: 'Qui',
  what: 'Quoi',
  target: 'Sur',
  address: 'Depuis',
  downloadCsv: 'Télécharger le journal (CSV)',
  empty: 'Rien pour l’instant.',
  ownersOnly: 'Seuls les propriétaires voient l’équipe, les jetons d’API et le journal d’audit.',
  failed: 'Cela n’a pas fonctionné :',
};

const ar: TeamStrings = {
  signIn: {
    emailTitle: 'سجّل الدخول ببريدك الإلكتروني',
    emailLabel: 'بريدك الإلكتروني',
    emailButton: 'أرسل لي رابط الدخول',
    emailSent: 'إذا كان هذا العنوان ضمن الفريق، فرابط الدخول في طريقه إليك. يعمل مرة واحدة، لمدة 15 دقيقة.',
    emailFirst: 'أدخل بريدك الإلكتروني أولاً.',
    passkeyButton: 'استخدام مفتاح مرور',
    passkeyFailed: 'مفتاح المرور هذا لا يعمل هنا. سجّل الدخول بالبريد الإلكتروني.',
    linkExpired: 'انتهت صلاحية رابط الدخول هذا أو استُخدم: اطلب رابطاً جديداً أدناه.',
    tokenInstead: 'أو، للمالك الأول وللبرامج النصية:',
    notForRole: 'لقد سجّلت الدخول، لكن دورك لا يفتح هذه الصفحة.',
  },
  title: 'الفريق',
  description: 'من ينظّم معك، وأدوارهم، ورموز الواجهة البرمجية، وسجل التدقيق.',
  dashboard: 'لوحة التحكم',
  roles: { owner: 'مالك', organizer: 'منظّم', host: 'مضيف', volunteer: 'متطوع' },
  account: 'حسابك',
  signedInAs: 'تم تسجيل الدخول باسم',
  addPasskey: 'إضافة مفتاح مرور',
  passkeyAdded: 'أُضيف مفتاح المرور: في المرة القادمة، سجّل الدخول به.',
  passkeyUnsupported: 'هذا المتصفح لا يستطيع إنشاء مفاتيح مرور: سجّل الدخول بالبريد الإلكتروني.',
  signOut: 'تسجيل الخروج',
  people: 'الأشخاص والأدوار',
  email: 'البريد الإلكتروني',
  role: 'الدور',
  events: 'فعالياته (للمضيفين)',
  eventsHelp: 'يرى المضيف ويسجّل الحضور فقط في الفعاليات المحددة هنا.',
  invite: 'دعوة',
  invited: 'أُرسلت الدعوة بالبريد الإلكتروني.',
  save: 'حفظ',
  saved: 'تم الحفظ.',
  remove: 'إزالة',
  removed: 'أُزيل من الفريق.',
  tokens: 'رموز الواجهة البرمجية',
  tokensHelp: 'للتكاملات والبرامج النصية: لكل رمز دور، ويمكن إلغاؤه في أي وقت.',
  tokenName: 'الاسم',
  createToken: 'إنشاء رمز',
  shownOnce: 'انسخ هذا الرمز الآن: لن يظهر مرة أخرى.',
  created: 'أُنشئ',
  lastUsed: 'آخر استخدام',
  never: 'أبداً',
  revoke: 'إلغاء',
  revoked: 'ملغى',
  audit: 'سجل التدقيق',
  auditHelp: 'كل تصدير وحذف وبحث عن مؤيد وتغيير درجة أو وسم أو دور: من، وماذا، ومتى، ومن أين.',
  when: 'متى',
  who: 'من',
  what: 'ماذا',
  target: 'على',
  address: 'من العنوان',
  downloadCsv: 'تنزيل سجل التدقيق (CSV)',
  empty: 'لا شيء بعد.',
  ownersOnly: 'يرى المالكون فقط الفريق ورموز الواجهة البرمجية وسجل التدقيق.',
  failed: 'لم ينجح ذلك:',
};

const dictionaries: Record<Lang, TeamStrings> = { en, es, fr, ar };

export const teamStrings = (lang: Lang): TeamStrings => dictionaries[lang];
