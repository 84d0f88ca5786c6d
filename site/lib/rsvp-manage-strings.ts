/**
 * The manage-my-RSVP page's own words, per language (the page speaks the campaign's). Field labels and calendar
 * words come from the RSVP widget's dictionaries.
 */
import type { Lang } from '../../schema/limits.ts';

export interface ManageStrings {
  title: string;
  loading: string;
  missing: string;
  notFound: string;
  loadFailed: string;
  going: string;
  waitlisted: string;
  cancelled: string;
  change: string;
  save: string;
  saved: string;
  cancelAsk: string;
  cancel: string;
  confirmCancel: string;
  keep: string;
  cancelDone: string;
  again: string;
  event: string;
}

const en: ManageStrings = {
  title: 'Your RSVP',
  loading: 'Loading your RSVP…',
  missing: 'This link is incomplete. Open the link from your confirmation again.',
  notFound: 'This link is not valid (any more). Open the link from your latest confirmation.',
  loadFailed: 'Your RSVP could not be loaded. Check your connection and reload the page.',
  going: 'You’re going.',
  waitlisted: 'You’re on the waitlist. We’ll let you know if a place opens up.',
  cancelled: 'This RSVP is cancelled.',
  change: 'Change your RSVP',
  save: 'Save changes',
  saved: 'Your changes are saved.',
  cancelAsk: 'Can’t make it?',
  cancel: 'Cancel my RSVP',
  confirmCancel: 'Cancel your RSVP? Your place goes to someone on the waitlist.',
  keep: 'Keep my RSVP',
  cancelDone: 'Your RSVP is cancelled. Thank you for letting us know.',
  again: 'RSVP again',
  event: 'About the event',
};

const es: ManageStrings = {
  title: 'Tu confirmación',
  loading: 'Cargando tu confirmación…',
  missing: 'Este enlace está incompleto. Vuelve a abrir el enlace de tu confirmación.',
  notFound: 'Este enlace ya no es válido. Abre el enlace de tu última confirmación.',
  loadFailed: 'No se pudo cargar tu confirmación. Revisa tu conexión y vuelve a cargar la página.',
  going: 'Vas a ir.',
  waitlisted: 'Estás en la lista de espera. Te avisaremos si se libera una plaza.',
  cancelled: 'Esta confirmación está cancelada.',
  change: 'Cambia tu confirmación',
  save: 'Guardar cambios',
  saved: 'Tus cambios se han guardado.',
  cancelAsk: '¿No puedes ir?',
  cancel: 'Cancelar mi confirmación',
  confirmCancel: '¿Cancelar tu confirmación? Tu plaza pasará a alguien de la lista de espera.',
  keep: 'Mantener mi confirmación',
  cancelDone: 'Tu confirmación está cancelada. Gracias por avisarnos.',
  again: 'Confirmar de nuevo',
  event: 'Sobre el evento',
};

const fr: ManageStrings = {
  title: 'Votre inscription',
  loading: 'Chargement de votre inscription…',
  missing: 'Ce lien est incomplet. Rouvrez le lien de votre confirmation.',
  notFound: 'Ce lien n’est plus valable. Ouvrez le lien de votre dernière confirmation.',
  loadFailed: 'Impossible de charger votre inscription. Vérifiez votre connexion et rechargez la page.',
  going: 'Vous participez.',
  waitlisted: 'Vous êtes sur la liste d’attente. Nous vous préviendrons si une place se libère.',
  cancelled: 'Cette inscription est annulée.',
  change: 'Modifier votre inscription',
  save: 'Enregistrer',
  saved: 'Vos modifications sont enregistrées.',
  cancelAsk: 'Vous ne pouvez pas venir ?',
  cancel: 'Annuler mon inscription',
  confirmCancel: 'Annuler votre inscription ? Votre place ira à une personne de la liste d’attente.',
  keep: 'Garder mon inscription',
  cancelDone: 'Votre inscription est annulée. Merci de nous avoir prévenus.',
  again: 'M’inscrire à nouveau',
  event: 'L’événement',
};

const ar: ManageStrings = {
  title: 'تسجيلك',
  loading: 'جارٍ تحميل تسجيلك…',
  missing: 'هذا الرابط غير مكتمل. افتح الرابط من رسالة التأكيد مرة أخرى.',
  notFound: 'هذا الرابط لم يعد صالحًا. افتح الرابط من آخر رسالة تأكيد.',
  loadFailed: 'تعذّر تحميل تسجيلك. تحقق من اتصالك وأعد تحميل الصفحة.',
  going: 'أنت من الحضور.',
  waitlisted: 'أنت على قائمة الانتظار. سنخبرك إذا توفر مكان.',
  cancelled: 'تم إلغاء هذا التسجيل.',
  change: 'عدّل تسجيلك',
  save: 'احفظ التغييرات',
  saved: 'تم حفظ تغييراتك.',
  cancelAsk: 'لا تستطيع الحضور؟',
  cancel: 'ألغِ تسجيلي',
  confirmCancel: 'هل تريد إلغاء تسجيلك؟ سيذهب مكانك إلى شخص على قائمة الانتظار.',
  keep: 'أبقِ تسجيلي',
  cancelDone: 'تم إلغاء تسجيلك. شكرًا لإبلاغنا.',
  again: 'سجّل مرة أخرى',
  event: 'عن الفعالية',
};

const dictionaries: Record<Lang, ManageStrings> = { en, es, fr, ar };

export const manageStrings = (lang: Lang): ManageStrings => dictionaries[lang] ?? en;
