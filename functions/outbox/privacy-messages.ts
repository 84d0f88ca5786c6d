/**
 * The two messages a supporter asks for themselves: the double opt-in link and the link to their own data. In the
 * four languages of the widgets, since a supporter who cannot read the link's message cannot confirm anything.
 */

export interface PrivacyWords {
  confirm: (title: string, kind: string) => [subject: string, body: string, link: string];
  access: [subject: string, body: string, link: string];
  notYou: string;
  /** Under every message sent on the supporter's consent: why they get it, and the link to stop. */
  unsubscribe: [why: string, link: string];
}

const en: PrivacyWords = {
  confirm: (t, kind) => [
    `Please confirm your email: ${t}`,
    kind === 'letter'
      ? `Confirm your email address so that your letter for "${t}" is sent in your name. The link works for 7 days.`
      : `Confirm your email address so that your ${kind === 'response' ? 'answers to' : 'signature on'} "${t}" count. The link works for 7 days.`,
    'Confirm my email',
  ],
  access: [
    'The data we hold about you',
    'You asked to see the data we hold about this email address. The link works for one hour.',
    'See and download my data',
  ],
  notYou: 'If this was not you, ignore this email: nothing more will happen.',
  unsubscribe: ['You get this email because you agreed to hear from this campaign.', 'Unsubscribe'],
};

const es: PrivacyWords = {
  confirm: (t, kind) => [
    `Confirma tu correo: ${t}`,
    kind === 'letter'
      ? `Confirma tu dirección de correo para que tu carta de «${t}» se envíe en tu nombre. El enlace funciona durante 7 días.`
      : `Confirma tu dirección de correo para que ${kind === 'response' ? 'tus respuestas a' : 'tu firma en'} «${t}» cuenten. El enlace funciona durante 7 días.`,
    'Confirmar mi correo',
  ],
  access: [
    'Los datos que tenemos sobre ti',
    'Pediste ver los datos que tenemos sobre esta dirección de correo. El enlace funciona durante una hora.',
    'Ver y descargar mis datos',
  ],
  notYou: 'Si no fuiste tú, ignora este correo: no pasará nada más.',
  unsubscribe: ['Recibes este correo porque aceptaste tener noticias de esta campaña.', 'Darme de baja'],
};

const fr: PrivacyWords = {
  confirm: (t, kind) => [
    `Confirmez votre e-mail : ${t}`,
    kind === 'letter'
      ? `Confirmez votre adresse e-mail pour que votre lettre de « ${t} » parte en votre nom. Le lien est valable 7 jours.`
      : `Confirmez votre adresse e-mail pour que ${kind === 'response' ? 'vos réponses à' : 'votre signature pour'} « ${t} » comptent. Le lien est valable 7 jours.`,
    'Confirmer mon e-mail',
  ],
  access: [
    'Les données que nous avons sur vous',
    'Vous avez demandé à voir les données que nous avons sur cette adresse e-mail. Le lien est valable une heure.',
    'Voir et télécharger mes données',
  ],
  notYou: 'Si ce n’était pas vous, ignorez cet e-mail : rien de plus ne se passera.',
  unsubscribe: [
    'Vous recevez cet e-mail car vous avez accepté d’avoir des nouvelles de cette campagne.',
    'Me désabonner',
  ],
};

const ar: PrivacyWords = {
  confirm: (t, kind) => [
    `يرجى تأكيد بريدك الإلكتروني: ${t}`,
    kind === 'letter'
      ? `أكّد عنوان بريدك الإلكتروني حتى تُرسل رسالتك في حملة «${t}» باسمك. الرابط صالح لمدة 7 أيام.`
      : `أكّد عنوان بريدك الإلكتروني حتى ${kind === 'response' ? 'تُحتسب إجاباتك على' : 'يُحتسب توقيعك على'} «${t}». الرابط صالح لمدة 7 أيام.`,
    'تأكيد بريدي الإلكتروني',
  ],
  access: [
    'البيانات التي نحتفظ بها عنك',
    'طلبت الاطلاع على البيانات التي نحتفظ بها عن عنوان البريد الإلكتروني هذا. الرابط صالح لمدة ساعة واحدة.',
    'عرض بياناتي وتنزيلها',
  ],
  notYou: 'إن لم تكن أنت من طلب ذلك، فتجاهل هذه الرسالة: لن يحدث شيء آخر.',
  unsubscribe: ['تصلك هذه الرسالة لأنك وافقت على تلقّي أخبار هذه الحملة.', 'إلغاء الاشتراك'],
};

const WORDS: Record<string, PrivacyWords> = { en, es, fr, ar };

export const privacyWordsFor = (lang: string): { lang: string; words: PrivacyWords } =>
  WORDS[lang] ? { lang, words: WORDS[lang] } : { lang: 'en', words: en };
