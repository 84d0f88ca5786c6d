/**
 * The build's messages about a campaign file (schema/*.ts, functions/catalog.ts), in the organizer's language: the
 * same sentences `npm run build` prints, translated. Field names, examples and values stay as the file writes them
 * (`ask:`, `2027-03-01`): the organizer types those. A message without a translation here (zod's own, YAML's) is
 * shown as the build says it, in English; test/site/editor-issues.test.ts checks that every message the schema
 * gives for its fixtures has its three translations.
 */
import type { Lang } from '../../../schema/limits.ts';

type Words = [es: string, fr: string, ar: string];

const EXACT: Record<string, Words> = {
  'is missing: add it to the frontmatter': [
    'falta: añádelo al frontmatter',
    'manque : ajoutez-le au frontmatter',
    'مفقود: أضفه إلى frontmatter',
  ],
  'give the campaign a title': ['ponle un título a la campaña', 'donnez un titre à la campagne', 'أعطِ الحملة عنوانًا'],
  'keep the title under 200 characters': [
    'el título debe tener menos de 200 caracteres',
    'le titre doit faire moins de 200 caractères',
    'اجعل العنوان أقل من 200 حرف',
  ],
  'write a one-sentence summary': [
    'escribe un resumen de una frase',
    'écrivez un résumé d’une phrase',
    'اكتب ملخصًا من جملة واحدة',
  ],
  'keep the summary under 500 characters': [
    'el resumen debe tener menos de 500 caracteres',
    'le résumé doit faire moins de 500 caractères',
    'اجعل الملخص أقل من 500 حرف',
  ],
  'add a consent: section with text: (the checkbox sentence) and version:': [
    'añade una sección consent: con text: (la frase de la casilla) y version:',
    'ajoutez une section consent: avec text: (la phrase de la case à cocher) et version:',
    'أضف قسم consent: فيه text: (جملة خانة الاختيار) وversion:',
  ],
  'write the sentence shown beside the consent checkbox': [
    'escribe la frase que aparece junto a la casilla de consentimiento',
    'écrivez la phrase affichée à côté de la case de consentement',
    'اكتب الجملة التي تظهر بجانب خانة الموافقة',
  ],
  'give the consent text a version, e.g. version: "2026-11-01"': [
    'dale una versión al texto de consentimiento, p. ej. version: "2026-11-01"',
    'donnez une version au texte de consentement, p. ex. version: "2026-11-01"',
    'أعطِ نص الموافقة رقم إصدار، مثل version: "2026-11-01"',
  ],
  'add a petition: section with to: and ask:': [
    'añade una sección petition: con to: y ask:',
    'ajoutez une section petition: avec to: et ask:',
    'أضف قسم petition: فيه to: وask:',
  ],
  'say who the petition is addressed to': [
    'di a quién va dirigida la petición',
    'dites à qui la pétition s’adresse',
    'اذكر الجهة الموجهة إليها العريضة',
  ],
  'write the demand in one sentence': [
    'escribe la demanda en una frase',
    'écrivez la revendication en une phrase',
    'اكتب المطلب في جملة واحدة',
  ],
  'add a survey: section with pages: of questions:': [
    'añade una sección survey: con pages: de questions:',
    'ajoutez une section survey: avec des pages: de questions:',
    'أضف قسم survey: فيه pages: من questions:',
  ],
  'add at least one page with questions': [
    'añade al menos una página con preguntas',
    'ajoutez au moins une page de questions',
    'أضف صفحة واحدة على الأقل فيها أسئلة',
  ],
  'a page needs questions:': [
    'una página necesita questions:',
    'une page a besoin de questions:',
    'الصفحة تحتاج إلى questions:',
  ],
  'write the question as label:': [
    'escribe la pregunta como label:',
    'écrivez la question dans label:',
    'اكتب السؤال في label:',
  ],
  'write the question, e.g. "Would you help?"': [
    'escribe la pregunta, p. ej. "¿Ayudarías?"',
    'écrivez la question, p. ex. "Aideriez-vous ?"',
    'اكتب السؤال، مثل "هل ستساعد؟"',
  ],
  'showIf must name an earlier question': [
    'showIf debe nombrar una pregunta anterior',
    'showIf doit nommer une question précédente',
    'يجب أن يذكر showIf سؤالًا سابقًا',
  ],
  'an option is a text, or value: and label:': [
    'una opción es un texto, o value: y label:',
    'une option est un texte, ou value: et label:',
    'الخيار نص، أو value: وlabel:',
  ],
  'give the option a label': ['ponle una etiqueta a la opción', 'donnez une étiquette à l’option', 'أعطِ الخيار تسمية'],
  'list the ways to help as options:': [
    'enumera las formas de ayudar como options:',
    'listez les façons d’aider dans options:',
    'اذكر طرق المساعدة في options:',
  ],
  'max must be above min, by 10 at most': [
    'max debe ser mayor que min, por 10 como mucho',
    'max doit dépasser min, de 10 au plus',
    'يجب أن يكون max أكبر من min بعشرة على الأكثر',
  ],
  'add an event: section with start:, end:, timezone: and location:': [
    'añade una sección event: con start:, end:, timezone: y location:',
    'ajoutez une section event: avec start:, end:, timezone: et location:',
    'أضف قسم event: فيه start: وend: وtimezone: وlocation:',
  ],
  'write the time like 2027-01-15 18:00 (local time at the event)': [
    'escribe la hora como 2027-01-15 18:00 (hora local del evento)',
    'écrivez l’heure comme 2027-01-15 18:00 (heure locale de l’événement)',
    'اكتب الوقت مثل 2027-01-15 18:00 (بالتوقيت المحلي للفعالية)',
  ],
  'must be after start': ['debe ser posterior a start', 'doit être après start', 'يجب أن يكون بعد start'],
  'must be a time zone like America/New_York or Europe/Madrid': [
    'debe ser una zona horaria como America/New_York o Europe/Madrid',
    'doit être un fuseau horaire comme America/New_York ou Europe/Madrid',
    'يجب أن تكون منطقة زمنية مثل America/New_York أو Europe/Madrid',
  ],
  'give a name:, an address: or an online: link': [
    'da un name:, una address: o un enlace online:',
    'donnez un name:, une address: ou un lien online:',
    'أعطِ name: أو address: أو رابط online:',
  ],
  'shift ids must differ': [
    'los id de los turnos deben ser distintos',
    'les id des créneaux doivent être différents',
    'يجب أن تختلف معرّفات المناوبات',
  ],
  'add a call: section with script: and targets: (or targetsFile:)': [
    'añade una sección call: con script: y targets: (o targetsFile:)',
    'ajoutez une section call: avec script: et targets: (ou targetsFile:)',
    'أضف قسم call: فيه script: وtargets: (أو targetsFile:)',
  ],
  'write the call script:': [
    'escribe el guion de la llamada (script:)',
    'écrivez le script de l’appel (script:)',
    'اكتب نص المكالمة (script:)',
  ],
  'list targets: or give a targetsFile:': [
    'enumera targets: o da un targetsFile:',
    'listez targets: ou donnez un targetsFile:',
    'اذكر targets: أو أعطِ targetsFile:',
  ],
  'give the target a name:': [
    'ponle un name: al destinatario',
    'donnez un name: à la cible',
    'أعطِ الجهة المستهدفة name:',
  ],
  'give the target a title: (their role)': [
    'ponle un title: al destinatario (su cargo)',
    'donnez un title: à la cible (sa fonction)',
    'أعطِ الجهة المستهدفة title: (منصبها)',
  ],
  'give at least one phone: to call': [
    'da al menos un phone: al que llamar',
    'donnez au moins un phone: à appeler',
    'أعطِ رقم phone: واحدًا على الأقل للاتصال',
  ],
  'give the phone number:': [
    'da el número del teléfono (number:)',
    'donnez le numéro (number:)',
    'أعطِ رقم الهاتف (number:)',
  ],
  'name the office': ['nombra la oficina', 'nommez le bureau', 'سمِّ المكتب'],
  'add a letter: section with subject:, text:, sending: { from: } and targets: (or targetsFile:)': [
    'añade una sección letter: con subject:, text:, sending: { from: } y targets: (o targetsFile:)',
    'ajoutez une section letter: avec subject:, text:, sending: { from: } et targets: (ou targetsFile:)',
    'أضف قسم letter: فيه subject: وtext: وsending: { from: } وtargets: (أو targetsFile:)',
  ],
  'write the suggested subject:': [
    'escribe el asunto sugerido (subject:)',
    'écrivez l’objet suggéré (subject:)',
    'اكتب الموضوع المقترح (subject:)',
  ],
  'write the suggested letter as text:': [
    'escribe la carta sugerida en text:',
    'écrivez la lettre suggérée dans text:',
    'اكتب الرسالة المقترحة في text:',
  ],
  'give the target an email: (delivered by the server) or a contactForm: (the official web form)': [
    'da al destinatario un email: (lo entrega el servidor) o un contactForm: (el formulario web oficial)',
    'donnez à la cible un email: (remis par le serveur) ou un contactForm: (le formulaire web officiel)',
    'أعطِ الجهة المستهدفة email: (يسلّمه الخادم) أو contactForm: (النموذج الرسمي على الويب)',
  ],
  'email: must be an email address': [
    'email: debe ser una dirección de correo',
    'email: doit être une adresse e-mail',
    'email: يجب أن يكون عنوان بريد إلكتروني',
  ],
  'contactForm: must be a web address (https://…)': [
    'contactForm: debe ser una dirección web (https://…)',
    'contactForm: doit être une adresse web (https://…)',
    'contactForm: يجب أن يكون عنوان ويب (https://…)',
  ],
  'from: must be an email address, like letters@campaign.example': [
    'from: debe ser una dirección de correo, como letters@campaign.example',
    'from: doit être une adresse e-mail, comme letters@campaign.example',
    'from: يجب أن يكون عنوان بريد إلكتروني، مثل letters@campaign.example',
  ],
  'a coalition partner needs its own origin': [
    'cada socio de la coalición necesita su propio origen',
    'chaque partenaire de la coalition a besoin de sa propre origine',
    'كل شريك في التحالف يحتاج إلى أصل (origin) خاص به',
  ],
  'give the partner organization a name': [
    'ponle un nombre a la organización socia',
    'donnez un nom à l’organisation partenaire',
    'أعطِ المنظمة الشريكة اسمًا',
  ],
  'give the benchmark a label, like "People recruited"': [
    'ponle una etiqueta al hito, como "Personas reclutadas"',
    'donnez une étiquette au jalon, comme "Personnes recrutées"',
    'أعطِ المعلم تسمية، مثل "أشخاص تم استقطابهم"',
  ],
  'must be internal (our own strength) or external (the change sought)': [
    'debe ser internal (nuestra propia fuerza) o external (el cambio buscado)',
    'doit être internal (notre propre force) ou external (le changement recherché)',
    'يجب أن يكون internal (قوتنا الذاتية) أو external (التغيير المنشود)',
  ],
  'write one line of text, or a list of lines (each starting with "- ")': [
    'escribe una línea de texto, o una lista de líneas (cada una empieza por "- ")',
    'écrivez une ligne de texte, ou une liste de lignes (chacune commençant par "- ")',
    'اكتب سطرًا واحدًا، أو قائمة أسطر (يبدأ كل منها بـ "- ")',
  ],
  'must be a campaign slug: lower-case letters, digits and dashes, like save-the-library': [
    'debe ser un slug de campaña: minúsculas, cifras y guiones, como save-the-library',
    'doit être un slug de campagne : minuscules, chiffres et tirets, comme save-the-library',
    'يجب أن يكون slug حملة: أحرف صغيرة وأرقام وشرطات، مثل save-the-library',
  ],
  'must be an origin like https://partner.example (no path, no trailing slash), or "*" to allow any page': [
    'debe ser un origen como https://partner.example (sin ruta ni barra final), o "*" para permitir cualquier página',
    'doit être une origine comme https://partner.example (sans chemin ni barre finale), ou "*" pour autoriser toute page',
    'يجب أن يكون أصلًا مثل https://partner.example (بلا مسار ولا شرطة مائلة في النهاية)، أو "*" للسماح بأي صفحة',
  ],
  'must be a date like 2027-03-01': [
    'debe ser una fecha como 2027-03-01',
    'doit être une date comme 2027-03-01',
    'يجب أن يكون تاريخًا مثل 2027-03-01',
  ],
  'must be a number, like 500': [
    'debe ser un número, como 500',
    'doit être un nombre, comme 500',
    'يجب أن يكون رقمًا، مثل 500',
  ],
  'must be a whole number, like 1000': [
    'debe ser un número entero, como 1000',
    'doit être un nombre entier, comme 1000',
    'يجب أن يكون عددًا صحيحًا، مثل 1000',
  ],
  'must be a whole number of days, like 365': [
    'debe ser un número entero de días, como 365',
    'doit être un nombre entier de jours, comme 365',
    'يجب أن يكون عددًا صحيحًا من الأيام، مثل 365',
  ],
  'must be at least 1 day': ['debe ser al menos 1 día', 'doit être d’au moins 1 jour', 'يجب ألا يقل عن يوم واحد'],
  'must be above 0': ['debe ser mayor que 0', 'doit être supérieur à 0', 'يجب أن يكون أكبر من 0'],
  'must be 0 or more': ['debe ser 0 o más', 'doit être 0 ou plus', 'يجب أن يكون 0 أو أكثر'],
  'must be open or closed': ['debe ser open o closed', 'doit être open ou closed', 'يجب أن يكون open أو closed'],
  'must be private or public': [
    'debe ser private o public',
    'doit être private ou public',
    'يجب أن يكون private أو public',
  ],
  'must be true or false': ['debe ser true o false', 'doit être true ou false', 'يجب أن يكون true أو false'],
  'must be a two-letter country code like US or ES': [
    'debe ser un código de país de dos letras como US o ES',
    'doit être un code pays à deux lettres comme US ou ES',
    'يجب أن يكون رمز بلد من حرفين مثل US أو ES',
  ],
  'must be a web link (https://…)': [
    'debe ser un enlace web (https://…)',
    'doit être un lien web (https://…)',
    'يجب أن يكون رابط ويب (https://…)',
  ],
};

/** Messages with a part of the file in them (`$1`: an id, a list of values, a file name). */
const PATTERNS: [RegExp, Words][] = [
  [/^give the (\w+) an id$/, ['dale un id a: $1', 'donnez un id à : $1', 'أعطِ $1 معرّفًا (id)']],
  [
    /^the (\w+) id must be letters, digits, - or _$/,
    [
      'el id de $1 debe tener letras, cifras, - o _',
      'l’id de $1 doit contenir des lettres, des chiffres, - ou _',
      'يجب أن يتكون معرّف $1 من أحرف وأرقام و- أو _',
    ],
  ],
  [/^(\S+) is used twice$/, ['$1 se usa dos veces', '$1 est utilisé deux fois', '$1 مستخدم مرتين']],
  [
    /^a (\w+) question needs options:$/,
    ['una pregunta $1 necesita options:', 'une question $1 a besoin de options:', 'سؤال من نوع $1 يحتاج إلى options:'],
  ],
  [
    /^(?:kind|type) must be one of: (.+)$/,
    ['debe ser uno de: $1', 'doit être l’un de : $1', 'يجب أن يكون واحدًا من: $1'],
  ],
  [/^must be one of: (.+)$/, ['debe ser uno de: $1', 'doit être l’un de : $1', 'يجب أن يكون واحدًا من: $1']],
  [
    /^editing: must be one of (.+)$/,
    ['editing: debe ser uno de $1', 'editing: doit être l’un de $1', 'editing: يجب أن يكون واحدًا من $1'],
  ],
  [
    /^unknown field (.+): check the spelling \(the README lists every field\)$/,
    [
      'campo desconocido $1: revisa la ortografía (el README enumera todos los campos)',
      'champ inconnu $1 : vérifiez l’orthographe (le README liste tous les champs)',
      'حقل غير معروف $1: تحقق من الإملاء (يسرد README كل الحقول)',
    ],
  ],
  [
    /^no campaign file is named (\S+)$/,
    ['ningún archivo de campaña se llama $1', 'aucun fichier de campagne ne s’appelle $1', 'لا يوجد ملف حملة باسم $1'],
  ],
];

const AT: Record<Exclude<Lang, 'en'>, number> = { es: 0, fr: 1, ar: 2 };

/** The build's message in `lang` (the message itself in English, or when it has no translation). */
export function localizeIssue(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  const exact = EXACT[message];
  if (exact) return exact[AT[lang]];
  for (const [pattern, words] of PATTERNS) {
    if (pattern.test(message)) return message.replace(pattern, words[AT[lang]]);
  }
  return message;
}
