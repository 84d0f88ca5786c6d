/**
 * The words of the results pages (the public report and the organizer's page) in en, es, fr and ar. Numbers are
 * formatted by the callers with `Intl.NumberFormat(lang)`: Arabic pages show Arabic digits.
 */
import type { Lang } from '../../../schema/limits.ts';

export interface ResultsStrings {
  title: string;
  loading: string;
  failed: string;
  noscript: string;
  /** "{n} people answered this survey." */
  responses: (n: string) => string;
  tooFew: string;
  /** The summary sentence of a chart: answered, the most chosen and its share. */
  summary: (answered: string, top: string, share: string) => string;
  median: (value: string) => string;
  answer: string;
  yes: string;
  no: string;
  people: string;
  share: string;
  themes: string;
  /** "{n} answers" under a theme. */
  themeCount: (n: string) => string;
  help: string;
  print: string;
  /** For the organizer page: a filter refused because it could single someone out. */
  tooFewFilter: string;
  organizer: OrganizerStrings;
}

/** The organizer's results page (`/organize/results/<slug>/`). */
export interface OrganizerStrings {
  back: string;
  filters: string;
  postcode: string;
  canvasser: string;
  turf: string;
  partner: string;
  /** A link's name: the follow-up list of who gave this answer ("{answer}"). */
  followUp: (answer: string) => string;
  source: string;
  from: string;
  to: string;
  answerIs: string;
  any: string;
  apply: string;
  csv: string;
  crossTab: string;
  rows: string;
  columns: string;
  show: string;
  openAnswers: string;
  search: string;
  /** "12 answers" found. */
  found: (n: string) => string;
  question: string;
  area: string;
  date: string;
  suggestions: string;
  accept: string;
  themeName: string;
  yourThemes: string;
  rename: string;
  mergeInto: string;
  merge: string;
  quote: string;
  /** "People who offered to help got the tag {tag}." */
  helpTag: (tag: string) => string;
  saved: string;
}

const en: ResultsStrings = {
  title: 'What the community said',
  loading: 'Loading the results…',
  failed: 'The results could not be loaded. Please try again later.',
  noscript: 'The figures need JavaScript.',
  responses: (n) => `${n} people answered this survey.`,
  tooFew: 'Too few to show',
  summary: (answered, top, share) => `${answered} people answered. Most chose “${top}” (${share}).`,
  median: (value) => `Median: ${value}.`,
  answer: 'Answer',
  yes: 'Yes',
  no: 'No',
  people: 'People',
  share: 'Share',
  themes: 'What people told us',
  themeCount: (n) => `${n} answers`,
  help: 'Would you help?',
  print: 'Print this report',
  tooFewFilter: 'Too few to show: fewer than 5 people, or a group that could single someone out.',
  organizer: {
    back: 'All surveys',
    filters: 'Filters',
    postcode: 'Postcode',
    canvasser: 'Canvasser',
    turf: 'Turf',
    partner: 'Partner page (origin)',
    followUp: (answer) => `Follow-up list: who answered “${answer}”`,
    source: 'Source',
    from: 'From',
    to: 'To',
    answerIs: 'Only people who answered',
    any: 'Anyone',
    apply: 'Apply the filters',
    csv: 'Download these figures (CSV)',
    crossTab: 'Cross-tab',
    rows: 'Rows',
    columns: 'Columns',
    show: 'Show',
    openAnswers: 'Open answers',
    search: 'Search the answers',
    found: (n) => `${n} answers`,
    question: 'Question',
    area: 'Area',
    date: 'Date',
    suggestions: 'Suggested themes',
    accept: 'Accept',
    themeName: 'Theme name',
    yourThemes: 'Themes',
    rename: 'Rename',
    mergeInto: 'Merge into',
    merge: 'Merge',
    quote: 'Quote it on the public page',
    helpTag: (tag) => `People who offered to help got the tag “${tag}”.`,
    saved: 'Saved.',
  },
};

const es: ResultsStrings = {
  title: 'Lo que dijo la comunidad',
  loading: 'Cargando los resultados…',
  failed: 'No se pudieron cargar los resultados. Inténtalo más tarde.',
  noscript: 'Las cifras necesitan JavaScript.',
  responses: (n) => `${n} personas respondieron a esta encuesta.`,
  tooFew: 'Demasiado pocas para mostrar',
  summary: (answered, top, share) => `Respondieron ${answered} personas. La mayoría eligió «${top}» (${share}).`,
  median: (value) => `Mediana: ${value}.`,
  answer: 'Respuesta',
  yes: 'Sí',
  no: 'No',
  people: 'Personas',
  share: 'Porcentaje',
  themes: 'Lo que nos dijeron',
  themeCount: (n) => `${n} respuestas`,
  help: '¿Ayudarías?',
  print: 'Imprimir este informe',
  tooFewFilter: 'Demasiado pocas para mostrar: menos de 5 personas, o un grupo que podría identificar a alguien.',
  organizer: {
    back: 'Todas las encuestas',
    filters: 'Filtros',
    postcode: 'Código postal',
    canvasser: 'Encuestador',
    turf: 'Zona',
    partner: 'Página aliada (origen)',
    followUp: (answer) => `Lista de seguimiento: quienes respondieron «${answer}»`,
    source: 'Fuente',
    from: 'Desde',
    to: 'Hasta',
    answerIs: 'Solo quienes respondieron',
    any: 'Cualquiera',
    apply: 'Aplicar los filtros',
    csv: 'Descargar estas cifras (CSV)',
    crossTab: 'Tabla cruzada',
    rows: 'Filas',
    columns: 'Columnas',
    show: 'Mostrar',
    openAnswers: 'Respuestas abiertas',
    search: 'Buscar en las respuestas',
    found: (n) => `${n} respuestas`,
    question: 'Pregunta',
    area: 'Zona',
    date: 'Fecha',
    suggestions: 'Temas sugeridos',
    accept: 'Aceptar',
    themeName: 'Nombre del tema',
    yourThemes: 'Temas',
    rename: 'Renombrar',
    mergeInto: 'Fusionar con',
    merge: 'Fusionar',
    quote: 'Citarla en la página pública',
    helpTag: (tag) => `Quienes se ofrecieron a ayudar recibieron la etiqueta «${tag}».`,
    saved: 'Guardado.',
  },
};

const fr: ResultsStrings = {
  title: 'Ce que le quartier a dit',
  loading: 'Chargement des résultats…',
  failed: 'Les résultats n’ont pas pu être chargés. Réessayez plus tard.',
  noscript: 'Les chiffres ont besoin de JavaScript.',
  responses: (n) => `${n} personnes ont répondu à ce questionnaire.`,
  tooFew: 'Trop peu pour être montré',
  summary: (answered, top, share) => `${answered} personnes ont répondu. La plupart ont choisi « ${top} » (${share}).`,
  median: (value) => `Médiane : ${value}.`,
  answer: 'Réponse',
  yes: 'Oui',
  no: 'Non',
  people: 'Personnes',
  share: 'Part',
  themes: 'Ce que les gens nous ont dit',
  themeCount: (n) => `${n} réponses`,
  help: 'Aideriez-vous ?',
  print: 'Imprimer ce rapport',
  tooFewFilter: 'Trop peu pour être montré : moins de 5 personnes, ou un groupe qui pourrait désigner quelqu’un.',
  organizer: {
    back: 'Tous les questionnaires',
    filters: 'Filtres',
    postcode: 'Code postal',
    canvasser: 'Enquêteur',
    turf: 'Secteur',
    partner: 'Page partenaire (origine)',
    followUp: (answer) => `Liste de suivi : qui a répondu « ${answer} »`,
    source: 'Source',
    from: 'Du',
    to: 'Au',
    answerIs: 'Seulement les personnes qui ont répondu',
    any: 'Tout le monde',
    apply: 'Appliquer les filtres',
    csv: 'Télécharger ces chiffres (CSV)',
    crossTab: 'Tableau croisé',
    rows: 'Lignes',
    columns: 'Colonnes',
    show: 'Afficher',
    openAnswers: 'Réponses libres',
    search: 'Chercher dans les réponses',
    found: (n) => `${n} réponses`,
    question: 'Question',
    area: 'Secteur',
    date: 'Date',
    suggestions: 'Thèmes suggérés',
    accept: 'Accepter',
    themeName: 'Nom du thème',
    yourThemes: 'Thèmes',
    rename: 'Renommer',
    mergeInto: 'Fusionner avec',
    merge: 'Fusionner',
    quote: 'La citer sur la page publique',
    helpTag: (tag) => `Les personnes prêtes à aider ont reçu l’étiquette « ${tag} ».`,
    saved: 'Enregistré.',
  },
};

const ar: ResultsStrings = {
  title: 'ما قاله المجتمع',
  loading: 'جارٍ تحميل النتائج…',
  failed: 'تعذّر تحميل النتائج. يُرجى المحاولة لاحقًا.',
  noscript: 'تحتاج الأرقام إلى جافاسكريبت.',
  responses: (n) => `أجاب ${n} شخصًا عن هذا الاستبيان.`,
  tooFew: 'العدد أقل من أن يُعرض',
  summary: (answered, top, share) => `أجاب ${answered} شخصًا. اختار معظمهم «${top}» (${share}).`,
  median: (value) => `الوسيط: ${value}.`,
  answer: 'الإجابة',
  yes: 'نعم',
  no: 'لا',
  people: 'الأشخاص',
  share: 'النسبة',
  themes: 'ما قاله الناس لنا',
  themeCount: (n) => `${n} إجابات`,
  help: 'هل ستساعد؟',
  print: 'اطبع هذا التقرير',
  tooFewFilter: 'العدد أقل من أن يُعرض: أقل من 5 أشخاص، أو مجموعة قد تكشف هوية شخص ما.',
  organizer: {
    back: 'كل الاستبيانات',
    filters: 'عوامل التصفية',
    postcode: 'الرمز البريدي',
    canvasser: 'جامع الاستبيان',
    turf: 'المنطقة',
    partner: 'صفحة الشريك (المصدر)',
    followUp: (answer) => `قائمة المتابعة: من أجاب «${answer}»`,
    source: 'المصدر',
    from: 'من',
    to: 'إلى',
    answerIs: 'فقط من أجابوا',
    any: 'الجميع',
    apply: 'طبّق عوامل التصفية',
    csv: 'نزّل هذه الأرقام (CSV)',
    crossTab: 'جدول متقاطع',
    rows: 'الصفوف',
    columns: 'الأعمدة',
    show: 'اعرض',
    openAnswers: 'الإجابات المفتوحة',
    search: 'ابحث في الإجابات',
    found: (n) => `${n} إجابات`,
    question: 'السؤال',
    area: 'المنطقة',
    date: 'التاريخ',
    suggestions: 'مواضيع مقترحة',
    accept: 'اقبل',
    themeName: 'اسم الموضوع',
    yourThemes: 'المواضيع',
    rename: 'أعد التسمية',
    mergeInto: 'ادمج في',
    merge: 'ادمج',
    quote: 'اقتبسها في الصفحة العامة',
    helpTag: (tag) => `حصل من عرضوا المساعدة على الوسم «${tag}».`,
    saved: 'تم الحفظ.',
  },
};

export const resultsStrings: Record<Lang, ResultsStrings> = { en, es, fr, ar };
