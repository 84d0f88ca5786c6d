/** The messages of messages.ts in French and Arabic (English and Spanish are there). */
import type { Words } from './messages.ts';

export const fr: Words = {
  hello: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
  signed: (t) => [`Merci d’avoir signé : ${t}`, `Merci d’avoir ajouté votre nom à « ${t} ».`],
  answered: (t) => [`Merci pour vos réponses : ${t}`, `Merci d’avoir répondu à « ${t} ». Nous lisons chaque réponse.`],
  called: (t) => [`Merci pour votre appel : ${t}`, `Merci d’avoir passé un appel pour « ${t} ».`],
  going: (t) => [`Vous venez : ${t}`, `Votre participation à « ${t} » est confirmée. À bientôt !`],
  waitlisted: (t) => [
    `Vous êtes sur la liste d’attente : ${t}`,
    `« ${t} » est complet : vous êtes sur la liste d’attente. Nous vous écrirons dès qu’une place se libère.`,
  ],
  when: 'Quand',
  where: 'Où',
  guests: (n) => (n === 1 ? 'Vous venez avec 1 invité.' : `Vous venez avec ${n} invités.`),
  shift: 'Créneau',
  page: 'Page de la campagne',
  manage: 'Modifier ou annuler votre inscription',
  calendar: 'Le fichier de calendrier (.ics) est joint.',
  smsGoing: (t, when) => `Vous venez : ${t}, ${when}.`,
  smsWaitlisted: (t) => `Vous êtes sur la liste d’attente de ${t}. Nous vous écrirons si une place se libère.`,
  offWaitlist: (t) => [
    `Une place s’est libérée : ${t}`,
    `Bonne nouvelle : une place s’est libérée et votre participation à « ${t} » est confirmée.`,
  ],
  smsOffWaitlist: (t, when) => `Une place s’est libérée : ${t}, ${when}.`,
  cancelled: (t) => [
    `Inscription annulée : ${t}`,
    `Votre inscription à « ${t} » est annulée. Vous pouvez vous réinscrire à tout moment.`,
  ],
  dayBefore: (t) => [
    `Demain : ${t}. Vous venez toujours ?`,
    `« ${t} » a lieu demain. Vous venez toujours ? Si vos projets ont changé, annulez ci-dessous pour qu’une personne de la liste d’attente prenne votre place.`,
  ],
  dayOf: (t) => [`Aujourd’hui : ${t}`, `« ${t} » a lieu aujourd’hui. À tout à l’heure !`],
  after: (t) => [
    `Étiez-vous à ${t} ?`,
    `Merci d’avoir participé à « ${t} ». Êtes-vous venu ? Dites-le-nous d’un geste ci-dessous.`,
  ],
  checkIn: 'Oui, j’y étais',
  smsStop: 'Répondez STOP pour vous désabonner.',
  again: (t) => [
    `Votre inscription : ${t}`,
    `Quelqu’un, peut-être vous, s’est de nouveau inscrit à « ${t} » avec cette adresse e-mail. Votre inscription n’a pas changé : votre lien personnel ci-dessous la montre et vous permet de la modifier, de l’annuler ou de vous réinscrire.`,
  ],
};

/** Arabic counts guests in five forms (one, two, a few, many, other): Intl.PluralRules picks. */
const arGuests: Record<string, (n: number) => string> = {
  one: () => 'ستحضر مع ضيف واحد.',
  two: () => 'ستحضر مع ضيفين.',
  few: (n) => `ستحضر مع ${n} ضيوف.`,
  many: (n) => `ستحضر مع ${n} ضيفًا.`,
  other: (n) => `ستحضر مع ${n} ضيف.`,
};

export const ar: Words = {
  hello: (name) => (name ? `مرحبًا ${name}،` : 'مرحبًا،'),
  signed: (t) => [`شكرًا لتوقيعك: ${t}`, `شكرًا لإضافة اسمك إلى «${t}».`],
  answered: (t) => [`شكرًا على إجاباتك: ${t}`, `شكرًا لإجابتك على «${t}». نقرأ كل إجابة.`],
  called: (t) => [`شكرًا على اتصالك: ${t}`, `شكرًا لإجرائك مكالمة من أجل «${t}».`],
  going: (t) => [`حضورك مؤكد: ${t}`, `تم تأكيد حضورك في «${t}». نراك هناك!`],
  waitlisted: (t) => [
    `أنت على قائمة الانتظار: ${t}`,
    `«${t}» مكتمل العدد، لذا أنت على قائمة الانتظار. سنراسلك فور توفر مكان.`,
  ],
  when: 'الموعد',
  where: 'المكان',
  guests: (n) => arGuests[new Intl.PluralRules('ar').select(n)](n),
  shift: 'الفترة',
  page: 'صفحة الحملة',
  manage: 'تعديل تسجيلك أو إلغاؤه',
  calendar: 'ملف التقويم (.ics) مرفق.',
  smsGoing: (t, when) => `حضورك مؤكد: ${t}، ${when}.`,
  smsWaitlisted: (t) => `أنت على قائمة الانتظار لـ«${t}». سنراسلك إذا توفر مكان.`,
  offWaitlist: (t) => [`توفر مكان: ${t}`, `خبر سار: توفر مكان وتم تأكيد حضورك في «${t}».`],
  smsOffWaitlist: (t, when) => `توفر مكان: ${t}، ${when}.`,
  cancelled: (t) => [`أُلغي تسجيلك: ${t}`, `تم إلغاء تسجيلك في «${t}». يمكنك التسجيل من جديد في أي وقت.`],
  dayBefore: (t) => [
    `غدًا: ${t}. هل ما زلت قادمًا؟`,
    `«${t}» غدًا. هل ما زلت قادمًا؟ إذا تغيرت خططك، ألغِ تسجيلك أدناه ليحصل شخص من قائمة الانتظار على مكانك.`,
  ],
  dayOf: (t) => [`اليوم: ${t}`, `«${t}» اليوم. نراك هناك!`],
  after: (t) => [`هل حضرت ${t}؟`, `شكرًا لمشاركتك في «${t}». هل حضرت؟ أخبرنا بنقرة واحدة أدناه.`],
  checkIn: 'نعم، حضرت',
  smsStop: 'أرسل STOP لإلغاء الاشتراك.',
  again: (t) => [
    `تسجيلك: ${t}`,
    `قام شخص ما، ربما أنت، بالتسجيل مرة أخرى في «${t}» بعنوان البريد الإلكتروني هذا. لم يتغير تسجيلك: رابطك الخاص أدناه يعرضه ويتيح لك تغييره أو إلغاءه أو التسجيل من جديد.`,
  ],
};
