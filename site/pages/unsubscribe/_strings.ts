/**
 * The unsubscribe page's words (`/unsubscribe/`, `/unsubscribe/es/`…): the email links to the page in the
 * campaign's language.
 */
import type { Lang } from '../../../schema/limits.ts';

export interface UnsubscribeStrings {
  title: string;
  intro: string;
  unsubscribe: string;
  sending: string;
  noScript: string;
  missing: string;
  done: string;
  doneIntro: string;
  notFound: string;
  failed: string;
}

const en: UnsubscribeStrings = {
  title: 'Unsubscribe',
  intro: 'Press the button and this campaign will stop sending you emails about it.',
  unsubscribe: 'Unsubscribe me',
  sending: 'Unsubscribing…',
  noScript: 'This page needs JavaScript. Turn it on, or use your email app’s unsubscribe button instead.',
  missing: 'This link is incomplete. Open the link from the email again, or copy all of it into the address bar.',
  done: 'You are unsubscribed',
  doneIntro: 'You will get no more emails of this kind. Messages about an event you signed up for still reach you.',
  notFound: 'This unsubscribe link is not valid. Open the link from the email again.',
  failed: 'That did not work just now. Check your connection and press the button again.',
};

const es: UnsubscribeStrings = {
  title: 'Darse de baja',
  intro: 'Pulsa el botón y esta campaña dejará de enviarte correos sobre ella.',
  unsubscribe: 'Darme de baja',
  sending: 'Dándote de baja…',
  noScript: 'Esta página necesita JavaScript. Actívalo o usa el botón para darte de baja de tu aplicación de correo.',
  missing:
    'Este enlace está incompleto. Vuelve a abrir el enlace del correo o cópialo entero en la barra de direcciones.',
  done: 'Te has dado de baja',
  doneIntro:
    'No recibirás más correos de este tipo. Los mensajes sobre un evento al que te apuntaste te seguirán llegando.',
  notFound: 'Este enlace para darte de baja no es válido. Vuelve a abrir el enlace del correo.',
  failed: 'No ha funcionado ahora. Revisa tu conexión y vuelve a pulsar el botón.',
};

const fr: UnsubscribeStrings = {
  title: 'Se désabonner',
  intro: 'Appuyez sur le bouton et cette campagne cessera de vous envoyer des e-mails à son sujet.',
  unsubscribe: 'Me désabonner',
  sending: 'Désabonnement…',
  noScript:
    'Cette page a besoin de JavaScript. Activez-le, ou utilisez le bouton de désabonnement de votre messagerie.',
  missing: 'Ce lien est incomplet. Rouvrez le lien de l’e-mail, ou copiez-le en entier dans la barre d’adresse.',
  done: 'Vous êtes désabonné·e',
  doneIntro:
    'Vous ne recevrez plus d’e-mails de ce type. Les messages sur un événement auquel vous êtes inscrit·e vous parviendront toujours.',
  notFound: 'Ce lien de désabonnement n’est pas valable. Rouvrez le lien de l’e-mail.',
  failed: 'Cela n’a pas fonctionné pour le moment. Vérifiez votre connexion et appuyez de nouveau sur le bouton.',
};

const ar: UnsubscribeStrings = {
  title: 'إلغاء الاشتراك',
  intro: 'اضغط الزر وستتوقف هذه الحملة عن إرسال رسائل البريد الإلكتروني إليك بشأنها.',
  unsubscribe: 'ألغِ اشتراكي',
  sending: 'جارٍ إلغاء الاشتراك…',
  noScript: 'تحتاج هذه الصفحة إلى JavaScript. فعّلها، أو استخدم زر إلغاء الاشتراك في تطبيق البريد لديك.',
  missing: 'هذا الرابط غير مكتمل. افتح الرابط من الرسالة مرة أخرى، أو انسخه كاملًا في شريط العنوان.',
  done: 'تم إلغاء اشتراكك',
  doneIntro: 'لن تصلك رسائل أخرى من هذا النوع. أما الرسائل المتعلقة بفعالية سجّلت فيها فستظل تصلك.',
  notFound: 'رابط إلغاء الاشتراك هذا غير صالح. افتح الرابط من الرسالة مرة أخرى.',
  failed: 'لم ينجح ذلك الآن. تحقّق من اتصالك واضغط الزر مرة أخرى.',
};

export const unsubscribeStrings = (lang: Lang): UnsubscribeStrings => ({ en, es, fr, ar })[lang];
