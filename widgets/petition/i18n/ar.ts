/** The petition's Arabic strings. Plurals follow Arabic's six forms (zero, one, two, few, many, other). */
import { plural } from '../../core/i18n/plural.ts';
import type { PetitionMessages } from './en.ts';

const signatures = plural('ar', {
  zero: 'لا توقيعات',
  one: 'توقيع واحد',
  two: 'توقيعان',
  few: '{n} توقيعات',
  many: '{n} توقيعًا',
  other: '{n} توقيع',
});

export const ar: PetitionMessages = {
  comment: 'تعليق (اختياري)',
  submit: 'وقّع العريضة',
  loadFailed: 'تعذّر تحميل هذه العريضة. يرجى إعادة تحميل الصفحة.',
  to: 'إلى:',
  signatures,
  goal: (_count, n) => `الهدف: ${n}`,
  thanks: 'شكرًا لتوقيعك!',
  checkEmail: 'اقتربت من النهاية: تحقّق من بريدك الإلكتروني',
  checkEmailHint: 'أرسلنا إليك رابطًا. يُحتسب توقيعك عند فتحه (خلال 7 أيام).',
  duplicate: 'لقد وقّعت هذه العريضة من قبل. شكرًا لك!',
  queued: 'يبدو أنك غير متصل. تم حفظ توقيعك على هذا الجهاز وسيُرسل تلقائيًا.',
  campaign_closed: 'هذه العريضة مغلقة.',
  forbidden_origin: 'لا يمكن توقيع هذه العريضة على هذه الصفحة.',
};

export default ar;
