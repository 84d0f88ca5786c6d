/** The "your data" page's words (`/data/`, `/data/es/`…): ask for a link, then download what we hold. */
import type { Lang } from '../../../schema/limits.ts';

export interface DataStrings {
  title: string;
  intro: string;
  email: string;
  ask: string;
  asked: string;
  invalidEmail: string;
  download: string;
  downloadIntro: string;
  downloaded: string;
  notFound: string;
  failed: string;
  /** The server sends no email (503 `email_unavailable`): no link can come. */
  noEmail: string;
  noScript: string;
  sending: string;
}

const en: DataStrings = {
  title: 'Your data',
  intro: 'Enter your email address and we will send you a link to download everything we hold about you.',
  email: 'Email',
  ask: 'Send me the link',
  asked: 'If we hold data about this address, a link to it is on its way by email. The link works for one hour.',
  invalidEmail: 'Enter an email address like name@example.org.',
  download: 'Download my data',
  downloadIntro: 'Your link is ready. Press the button to download your data as a file (JSON).',
  downloaded: 'Your data is downloaded: look for my-data.json in your downloads.',
  notFound: 'This link has expired (links work for one hour) or is not valid. Ask for a new one below.',
  failed: 'That did not work just now. Check your connection and try again.',
  noEmail: 'This site cannot send email, so no link can reach you. Ask the campaign organizers for your data.',
  noScript: 'This page needs JavaScript. Turn it on, then reload the page.',
  sending: 'Sending…',
};

const es: DataStrings = {
  title: 'Tus datos',
  intro: 'Escribe tu dirección de correo y te enviaremos un enlace para descargar todo lo que tenemos sobre ti.',
  email: 'Correo electrónico',
  ask: 'Enviarme el enlace',
  asked: 'Si tenemos datos sobre esta dirección, te llegará un enlace por correo. El enlace funciona durante una hora.',
  invalidEmail: 'Escribe una dirección de correo como nombre@ejemplo.org.',
  download: 'Descargar mis datos',
  downloadIntro: 'Tu enlace está listo. Pulsa el botón para descargar tus datos en un archivo (JSON).',
  downloaded: 'Tus datos se han descargado: busca my-data.json en tus descargas.',
  notFound: 'Este enlace ha caducado (funcionan durante una hora) o no es válido. Pide uno nuevo abajo.',
  failed: 'No ha funcionado ahora. Revisa tu conexión y vuelve a intentarlo.',
  noEmail: 'Este sitio no puede enviar correos, así que ningún enlace te llegará. Pide tus datos a quienes organizan la campaña.',
  noScript: 'Esta página necesita JavaScript. Actívalo y vuelve a cargar la página.',
  sending: 'Enviando…',
};

const fr: DataStrings = {
  title: 'Vos données',
  intro: 'Saisissez votre adresse e-mail : nous vous enverrons un lien pour télécharger tout ce que nous avons sur vous.',
  email: 'E-mail',
  ask: 'M’envoyer le lien',
  asked: 'Si nous avons des données sur cette adresse, un lien est en route par e-mail. Il est valable une heure.',
  invalidEmail: 'Saisissez une adresse e-mail comme nom@exemple.org.',
  download: 'Télécharger mes données',
  downloadIntro: 'Votre lien est prêt. Appuyez sur le bouton pour télécharger vos données dans un fichier (JSON).',
  downloaded: 'Vos données sont téléchargées : cherchez my-data.json dans vos téléchargements.',
  notFound: 'Ce lien a expiré (les liens sont valables une heure) ou n’est pas valide. Demandez-en un nouveau ci-dessous.',
  failed: 'Cela n’a pas fonctionné pour le moment. Vérifiez votre connexion et réessayez.',
  noEmail: 'Ce site ne peut pas envoyer d’e-mails : aucun lien ne vous parviendra. Demandez vos données aux organisateurs de la campagne.',
  noScript: 'Cette page a besoin de JavaScript. Activez-le, puis rechargez la page.',
  sending: 'Envoi…',
};

const ar: DataStrings = {
  title: 'بياناتك',
  intro: 'أدخل عنوان بريدك الإلكتروني وسنرسل إليك رابطًا لتنزيل كل ما نحتفظ به عنك.',
  email: 'البريد الإلكتروني',
  ask: 'أرسل إليّ الرابط',
  asked: 'إن كانت لدينا بيانات عن هذا العنوان، فسيصلك رابط إليها بالبريد الإلكتروني. الرابط صالح لمدة ساعة واحدة.',
  invalidEmail: 'أدخل عنوان بريد إلكتروني مثل name@example.org.',
  download: 'تنزيل بياناتي',
  downloadIntro: 'رابطك جاهز. اضغط الزر لتنزيل بياناتك في ملف (JSON).',
  downloaded: 'تم تنزيل بياناتك: ابحث عن my-data.json في التنزيلات.',
  notFound: 'انتهت صلاحية هذا الرابط (الروابط صالحة لساعة واحدة) أو أنه غير صالح. اطلب رابطًا جديدًا أدناه.',
  failed: 'لم ينجح ذلك الآن. تحقّق من اتصالك وحاول مرة أخرى.',
  noEmail: 'لا يستطيع هذا الموقع إرسال رسائل البريد الإلكتروني، لذلك لن يصلك أي رابط. اطلب بياناتك من منظّمي الحملة.',
  noScript: 'تحتاج هذه الصفحة إلى JavaScript. فعّله ثم أعد تحميل الصفحة.',
  sending: 'جارٍ الإرسال…',
};

export const dataStrings = (lang: Lang): DataStrings => ({ en, es, fr, ar })[lang];
