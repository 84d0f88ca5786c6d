/** The call widget's Arabic strings (right to left). Plurals follow Arabic's six forms. */
import { plural } from '../../core/i18n/plural.ts';
import type { CallMessages } from './en.ts';

const calls = plural('ar', {
  zero: 'لا مكالمات بعد',
  one: 'مكالمة واحدة',
  two: 'مكالمتان',
  few: '{n} مكالمات',
  many: '{n} مكالمة',
  other: '{n} مكالمة',
});

export const ar: CallMessages = {
  calls,
  find: 'ابحث عمّن تتصل به',
  looking: 'جارٍ البحث…',
  optional: 'ابقَ على تواصل (اختياري)',
  unknownPostcode: 'لا نعرف هذا الرمز البريدي. تحقّق منه وحاول مجددًا.',
  unknownNote: 'لا نعرف هذا الرمز البريدي، وهؤلاء من يمكن للجميع الاتصال بهم.',
  noTargets: 'لا يوجد من تتصل به لهذا الرمز البريدي.',
  lookupFailed: 'تعذّر البحث عن هذا الرمز البريدي. تحقّق من اتصالك وحاول مجددًا.',
  choose: 'يقع رمزك البريدي في أكثر من دائرة. في أيّها تسكن؟',
  go: 'متابعة',
  progress: (done, total) => `المكالمة ${done} من ${total}`,
  again: 'لم يكن متاحًا من قبل: حاول مجددًا الآن.',
  say: 'ماذا تقول',
  offices: 'المكاتب',
  outcome: 'كيف جرت المكالمة؟',
  contact: 'تحدّثت مع شخص',
  voicemail: 'تركت رسالة صوتية',
  unavailable: 'لا رد: لاحقًا',
  skipped: 'تخطَّ',
  queuedCall: 'يبدو أنك غير متصل. تم حفظ مكالمتك على هذا الجهاز وستُرسل تلقائيًا.',
  thanks: 'شكرًا لاتصالك!',
  totals: 'مكالمات هذه الحملة حتى الآن:',
  share: 'ادعُ أصدقاءك للاتصال أيضًا:',
  total_contact: 'تحدّثوا مع شخص',
  total_voicemail: 'تركوا رسالة صوتية',
  total_unavailable: 'لا رد',
  total_skipped: 'تم تخطيها',
  loadFailed: 'تعذّر تحميل هذه الحملة. يرجى إعادة تحميل الصفحة.',
  campaign_closed: 'هذه الحملة مغلقة.',
  forbidden_origin: 'لا يمكن تسجيل المكالمات على هذه الصفحة.',
};

export default ar;
