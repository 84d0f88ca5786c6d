/** The RSVP's Arabic strings. Plurals follow Arabic's six forms (zero, one, two, few, many, other). */
import { plural } from '../../core/i18n/plural.ts';
import type { RsvpMessages } from './en.ts';

const places = plural('ar', {
  zero: 'لا أماكن متبقية من {t}',
  one: 'بقي مكان واحد من {t}',
  two: 'بقي مكانان من {t}',
  few: 'بقيت {n} أماكن من {t}',
  many: 'بقي {n} مكانًا من {t}',
  other: 'بقي {n} مكان من {t}',
});

export const ar: RsvpMessages = {
  phone: 'الهاتف (اختياري)',
  sms: 'أرسلوا لي تذكيرات بهذه الفعالية برسائل نصية',
  guests: 'عدد المرافقين',
  shift: 'اختر موعدًا',
  submit: 'سأحضر',
  waitlist: 'انضم إلى قائمة الانتظار',
  full: 'مكتمل: التسجيلات الجديدة تذهب إلى قائمة الانتظار.',
  left: (count, n, total) => places(count, n).replace('{t}', total),
  host: 'المنظِّم:',
  online: 'انضم عبر الإنترنت',
  atEvent: 'بتوقيت مكان الفعالية:',
  loadFailed: 'تعذّر تحميل هذه الفعالية. يرجى إعادة تحميل الصفحة.',
  going: 'أنت من الحضور!',
  waitlisted: 'أنت على قائمة الانتظار. سنخبرك إذا توفر مكان.',
  queued: 'يبدو أنك غير متصل. تم حفظ تسجيلك على هذا الجهاز وسيُرسل تلقائيًا.',
  calendar: 'أضفها إلى تقويمك:',
  ics: 'ملف التقويم (.ics)',
  manage: 'تعديل تسجيلك أو إلغاؤه',
  share: 'ادعُ أصدقاءك:',
  campaign_closed: 'التسجيل في هذه الفعالية مغلق.',
  forbidden_origin: 'لا يمكن التسجيل في هذه الفعالية من هذه الصفحة.',
};

export default ar;
