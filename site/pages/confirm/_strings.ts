/**
 * The confirmation page's words (`/confirm/`, `/confirm/es/`…): the email links to the page in the campaign's
 * language. Messages say what to do next.
 */
import type { Lang } from '../../../schema/limits.ts';

export interface ConfirmStrings {
  title: string;
  intro: string;
  confirm: string;
  sending: string;
  noScript: string;
  missing: string;
  done: string;
  already: string;
  counted: (title: string) => string;
  share: string;
  next: string;
  notFound: string;
  failed: string;
}

const en: ConfirmStrings = {
  title: 'Confirm your email',
  intro: 'Press the button to confirm your email address. Your action counts once you do.',
  confirm: 'Confirm my email',
  sending: 'Confirming…',
  noScript: 'This page needs JavaScript to confirm your email. Turn it on, then open the link from the email again.',
  missing: 'This link is incomplete. Open the link from the email again, or copy all of it into the address bar.',
  done: 'Thank you: your email is confirmed',
  already: 'Your email was already confirmed',
  counted: (title) => `Your action for “${title}” counts.`,
  share: 'Ask your friends to join you:',
  next: 'What you can do next:',
  notFound: 'This link has expired or is not valid. Take the action again to get a new link.',
  failed: 'Your email could not be confirmed just now. Check your connection and press the button again.',
};

const es: ConfirmStrings = {
  title: 'Confirma tu correo',
  intro: 'Pulsa el botón para confirmar tu dirección de correo. Tu acción cuenta en cuanto lo hagas.',
  confirm: 'Confirmar mi correo',
  sending: 'Confirmando…',
  noScript: 'Esta página necesita JavaScript para confirmar tu correo. Actívalo y vuelve a abrir el enlace del correo.',
  missing:
    'Este enlace está incompleto. Vuelve a abrir el enlace del correo o cópialo entero en la barra de direcciones.',
  done: 'Gracias: tu correo está confirmado',
  already: 'Tu correo ya estaba confirmado',
  counted: (title) => `Tu acción por «${title}» cuenta.`,
  share: 'Pide a tus amistades que se sumen:',
  next: 'Lo siguiente que puedes hacer:',
  notFound: 'Este enlace ha caducado o no es válido. Vuelve a hacer la acción para recibir un enlace nuevo.',
  failed: 'No se pudo confirmar tu correo ahora. Revisa tu conexión y vuelve a pulsar el botón.',
};

const fr: ConfirmStrings = {
  title: 'Confirmez votre e-mail',
  intro: 'Appuyez sur le bouton pour confirmer votre adresse e-mail. Votre action compte dès que c’est fait.',
  confirm: 'Confirmer mon e-mail',
  sending: 'Confirmation…',
  noScript:
    'Cette page a besoin de JavaScript pour confirmer votre e-mail. Activez-le, puis rouvrez le lien de l’e-mail.',
  missing: 'Ce lien est incomplet. Rouvrez le lien de l’e-mail, ou copiez-le en entier dans la barre d’adresse.',
  done: 'Merci : votre e-mail est confirmé',
  already: 'Votre e-mail était déjà confirmé',
  counted: (title) => `Votre action pour « ${title} » compte.`,
  share: 'Invitez vos proches à vous rejoindre :',
  next: 'Ce que vous pouvez faire ensuite :',
  notFound: 'Ce lien a expiré ou n’est pas valide. Refaites l’action pour recevoir un nouveau lien.',
  failed:
    'Votre e-mail n’a pas pu être confirmé pour le moment. Vérifiez votre connexion et appuyez à nouveau sur le bouton.',
};

const ar: ConfirmStrings = {
  title: 'أكّد بريدك الإلكتروني',
  intro: 'اضغط الزر لتأكيد عنوان بريدك الإلكتروني. يُحتسب إجراؤك بمجرد أن تفعل ذلك.',
  confirm: 'تأكيد بريدي الإلكتروني',
  sending: 'جارٍ التأكيد…',
  noScript: 'تحتاج هذه الصفحة إلى JavaScript لتأكيد بريدك الإلكتروني. فعّله ثم افتح الرابط من الرسالة مرة أخرى.',
  missing: 'هذا الرابط غير مكتمل. افتح الرابط من الرسالة مرة أخرى، أو انسخه كاملًا في شريط العنوان.',
  done: 'شكرًا: تم تأكيد بريدك الإلكتروني',
  already: 'كان بريدك الإلكتروني مؤكَّدًا من قبل',
  counted: (title) => `يُحتسب إجراؤك من أجل «${title}».`,
  share: 'ادعُ أصدقاءك للانضمام إليك:',
  next: 'ما يمكنك فعله بعد ذلك:',
  notFound: 'انتهت صلاحية هذا الرابط أو أنه غير صالح. قم بالإجراء مرة أخرى لتحصل على رابط جديد.',
  failed: 'تعذّر تأكيد بريدك الإلكتروني الآن. تحقّق من اتصالك واضغط الزر مرة أخرى.',
};

export const confirmStrings = (lang: Lang): ConfirmStrings => ({ en, es, fr, ar })[lang];
