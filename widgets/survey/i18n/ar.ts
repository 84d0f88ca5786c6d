/** The survey's Arabic strings. Plurals follow Arabic's six forms (zero, one, two, few, many, other). */
import { plural } from '../../core/i18n/plural.ts';
import type { SurveyMessages } from './en.ts';

export const ar: SurveyMessages = {
  submit: 'أرسل إجاباتي',
  record: 'سجّل هذه الإجابة',
  back: 'السابق',
  forward: 'التالي',
  page: 'الصفحة {n} من {total}',
  optional: '(اختياري)',
  yes: 'نعم',
  no: 'لا',
  lastPage: 'الخطوة الأخيرة',
  aboutYou: 'معلوماتك',
  anonymous: 'يمكنك ترك هذه الحقول فارغة للإجابة دون الكشف عن هويتك.',
  share: 'ادعُ جيرانك للإجابة أيضًا:',
  loadFailed: 'تعذّر تحميل هذا الاستبيان. يرجى إعادة تحميل الصفحة.',
  thanks: 'شكرًا على إجاباتك!',
  checkEmail: 'اقتربت من النهاية: تحقّق من بريدك الإلكتروني',
  checkEmailHint: 'أرسلنا إليك رابطًا. تُحتسب إجاباتك عند فتحه (خلال 7 أيام).',
  duplicate: 'لقد أجبت على هذا الاستبيان من قبل. شكرًا لك!',
  results: 'شاهد ما قاله المجتمع',
  queued: 'يبدو أنك غير متصل. إجاباتك محفوظة على هذا الجهاز وستُرسل تلقائيًا.',
  campaign_closed: 'هذا الاستبيان مغلق.',
  forbidden_origin: 'لا يمكن الإجابة على هذا الاستبيان في هذه الصفحة.',
  canvasser: 'اسمك (جامع الاستبيان)',
  turf: 'المنطقة أو الحي',
  start: 'ابدأ جمع الإجابات',
  canvassing: 'يجمع الإجابات: {name}',
  change: 'تغيير',
  recorded: 'تم تسجيل الإجابة. جاهز للشخص التالي.',
  pending: plural('ar', {
    zero: 'تمت مزامنة كل الإجابات.',
    one: 'إجابة واحدة بانتظار المزامنة',
    two: 'إجابتان بانتظار المزامنة',
    few: '{n} إجابات بانتظار المزامنة',
    many: '{n} إجابة بانتظار المزامنة',
    other: '{n} إجابة بانتظار المزامنة',
  }),
  failed: plural('ar', {
    zero: 'لم يرفض الخادم أي إجابة.',
    one: 'رفض الخادم إجابة واحدة.',
    two: 'رفض الخادم إجابتين.',
    few: 'رفض الخادم {n} إجابات.',
    many: 'رفض الخادم {n} إجابة.',
    other: 'رفض الخادم {n} إجابة.',
  }),
};

export default ar;
