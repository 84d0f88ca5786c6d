/** Arabic, shared strings (right to left). Loaded only when a widget speaks it. */
import type { CoreMessages } from './en.ts';

export const ar: CoreMessages = {
  givenName: 'الاسم الأول',
  familyName: 'اسم العائلة',
  email: 'البريد الإلكتروني',
  postcode: 'الرمز البريدي',
  remember: 'تذكرني على هذا الجهاز',
  sending: 'جارٍ الإرسال…',
  fix: 'يرجى تصحيح الحقول المحددة.',
  share: 'ادعُ أصدقاءك للتوقيع أيضًا:',
  next: 'الخطوة التالية:',
  required: 'هذا الحقل مطلوب.',
  invalid_email: 'أدخل بريدًا إلكترونيًا مثل name@example.org.',
  invalid_postcode: 'أدخل رمزًا بريديًا صحيحًا.',
  invalid_phone: 'أدخل رقم هاتف مع رمز المنطقة.',
  too_long: 'هذا النص طويل جدًا.',
  invalid_characters: 'يحتوي هذا النص على أحرف غير مسموح بها.',
  invalid: 'هذه القيمة غير صالحة.',
  rate_limited: 'محاولات كثيرة جدًا. انتظر دقيقة ثم حاول مجددًا.',
  disposable_email: 'استخدم بريدًا إلكترونيًا دائمًا، لا بريدًا مؤقتًا.',
  honeypot: 'اترك هذا فارغًا',
  error: 'حدث خطأ ما. يرجى المحاولة مرة أخرى.',
};

export default ar;
