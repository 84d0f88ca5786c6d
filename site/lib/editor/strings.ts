/**
 * The campaign editor's own words, per language. Field names are the campaign file's own (`title`, `petition.ask`),
 * as the guide and the build's errors name them; the errors are the build's sentences.
 */
import type { Lang } from '../../../schema/limits.ts';

export interface EditorStrings {
  title: string;
  description: string;
  campaigns: string;
  open: string;
  newCampaign: string;
  slug: string;
  slugHelp: string;
  kind: string;
  create: string;
  body: string;
  bodyHelp: string;
  saveDraft: string;
  publish: string;
  close: string;
  add: string;
  remove: string;
  linesHelp: string;
  pairsHelp: string;
  csv: string;
  csvHelp: string;
  /** A CSV row's error: its line in the file. */
  csvRow: (line: number) => string;
  csvUnreadable: (line: number) => string;
  csvUnknown: (columns: string) => string;
  csvEmpty: string;
  csvNothingChanged: string;
  csvDone: (n: number) => string;
  noWidget: string;
  preview: string;
  published: string;
  draft: string;
  saved: string;
  fix: (n: number) => string;
  building: (step: number, steps: number) => string;
  live: string;
  failed: string;
}

const en: EditorStrings = {
  title: 'Campaign editor',
  description: 'Create, edit and publish campaigns in the browser.',
  campaigns: 'Campaigns',
  open: 'Open',
  newCampaign: 'New campaign',
  slug: 'Address (slug)',
  slugHelp: 'Lower-case letters, digits and dashes, like save-the-library: the page will be /act/save-the-library/.',
  kind: 'Kind',
  create: 'Start',
  body: 'Text (Markdown)',
  bodyHelp: 'The letter, or the background shown on the page.',
  saveDraft: 'Save draft',
  publish: 'Publish',
  close: 'Close the campaign',
  add: 'Add',
  remove: 'Remove',
  linesHelp: 'One per line.',
  pairsHelp: 'One per line: name: text.',
  csv: 'Targets from a CSV file',
  csvHelp:
    'First line: the column names id, name, title, phone, areas, email, contactForm, photo, timezone (id, name and title are needed; several phones separated by ;, areas by spaces).',
  csvRow: (line) => `Line ${line}`,
  csvUnreadable: (line) =>
    `The file is not a CSV table this editor can read (line ${line}): every row needs as many fields as the first.`,
  csvUnknown: (columns) => `Unknown columns: ${columns}. Use the columns named above.`,
  csvEmpty: 'The file has no targets: a first line of column names, then one target per line.',
  csvNothingChanged: 'Nothing was changed: fix the file and choose it again.',
  csvDone: (n) => (n === 1 ? 'One target read from the file.' : `${n} targets read from the file.`),
  noWidget: 'This build has no widget for this kind yet: the preview shows its texts only.',
  preview: 'Preview',
  published: 'Published',
  draft: 'Draft',
  saved: 'Draft saved.',
  fix: (n) => (n === 1 ? 'One field needs fixing.' : `${n} fields need fixing.`),
  building: (step, steps) =>
    `Published. The site is rebuilding (step ${step} of ${steps}); visitors see the old pages until it is done.`,
  live: 'Published: the new pages are live.',
  failed: 'The site could not be rebuilt; the live site is unchanged. The build said:',
};

const es: EditorStrings = {
  title: 'Editor de campañas',
  description: 'Crea, edita y publica campañas en el navegador.',
  campaigns: 'Campañas',
  open: 'Abrir',
  newCampaign: 'Nueva campaña',
  slug: 'Dirección (slug)',
  slugHelp: 'Minúsculas, cifras y guiones, como salvar-la-biblioteca: la página será /act/salvar-la-biblioteca/.',
  kind: 'Tipo',
  create: 'Empezar',
  body: 'Texto (Markdown)',
  bodyHelp: 'La carta, o el contexto que muestra la página.',
  saveDraft: 'Guardar borrador',
  publish: 'Publicar',
  close: 'Cerrar la campaña',
  add: 'Añadir',
  remove: 'Quitar',
  linesHelp: 'Uno por línea.',
  pairsHelp: 'Uno por línea: nombre: texto.',
  csv: 'Destinatarios desde un archivo CSV',
  csvHelp:
    'Primera línea: los nombres de columna id, name, title, phone, areas, email, contactForm, photo, timezone (id, name y title son necesarios; varios teléfonos separados por ;, zonas por espacios).',
  csvRow: (line) => `Línea ${line}`,
  csvUnreadable: (line) =>
    `El archivo no es una tabla CSV que este editor pueda leer (línea ${line}): cada fila necesita tantos campos como la primera.`,
  csvUnknown: (columns) => `Columnas desconocidas: ${columns}. Usa las columnas indicadas arriba.`,
  csvEmpty:
    'El archivo no tiene destinatarios: una primera línea con los nombres de las columnas y luego uno por línea.',
  csvNothingChanged: 'No se cambió nada: corrige el archivo y elígelo de nuevo.',
  csvDone: (n) => (n === 1 ? 'Se leyó un destinatario del archivo.' : `Se leyeron ${n} destinatarios del archivo.`),
  noWidget: 'Esta compilación aún no tiene widget para este tipo: la vista previa muestra solo sus textos.',
  preview: 'Vista previa',
  published: 'Publicada',
  draft: 'Borrador',
  saved: 'Borrador guardado.',
  fix: (n) => (n === 1 ? 'Hay un campo por corregir.' : `Hay ${n} campos por corregir.`),
  building: (step, steps) =>
    `Publicada. El sitio se está reconstruyendo (paso ${step} de ${steps}); las visitas ven las páginas anteriores hasta que termine.`,
  live: 'Publicada: las páginas nuevas ya están en línea.',
  failed: 'No se pudo reconstruir el sitio; el sitio en línea no cambió. La compilación dijo:',
};

const fr: EditorStrings = {
  title: 'Éditeur de campagnes',
  description: 'Créer, modifier et publier des campagnes dans le navigateur.',
  campaigns: 'Campagnes',
  open: 'Ouvrir',
  newCampaign: 'Nouvelle campagne',
  slug: 'Adresse (slug)',
  slugHelp: 'Minuscules, chiffres et tirets, comme sauver-la-bibliotheque : la page sera /act/sauver-la-bibliotheque/.',
  kind: 'Type',
  create: 'Commencer',
  body: 'Texte (Markdown)',
  bodyHelp: 'La lettre, ou le contexte affiché sur la page.',
  saveDraft: 'Enregistrer le brouillon',
  publish: 'Publier',
  close: 'Clore la campagne',
  add: 'Ajouter',
  remove: 'Retirer',
  linesHelp: 'Un par ligne.',
  pairsHelp: 'Un par ligne : nom: texte.',
  csv: 'Cibles depuis un fichier CSV',
  csvHelp:
    'Première ligne : les noms de colonnes id, name, title, phone, areas, email, contactForm, photo, timezone (id, name et title sont requis ; plusieurs téléphones séparés par ;, zones par des espaces).',
  csvRow: (line) => `Ligne ${line}`,
  csvUnreadable: (line) =>
    `Le fichier n’est pas un tableau CSV que cet éditeur sait lire (ligne ${line}) : chaque ligne doit avoir autant de champs que la première.`,
  csvUnknown: (columns) => `Colonnes inconnues : ${columns}. Utilisez les colonnes indiquées ci-dessus.`,
  csvEmpty: 'Le fichier ne contient aucune cible : une première ligne de noms de colonnes, puis une cible par ligne.',
  csvNothingChanged: 'Rien n’a été modifié : corrigez le fichier et choisissez-le à nouveau.',
  csvDone: (n) => (n === 1 ? 'Une cible lue dans le fichier.' : `${n} cibles lues dans le fichier.`),
  noWidget: 'Cette version n’a pas encore de widget pour ce type : l’aperçu ne montre que ses textes.',
  preview: 'Aperçu',
  published: 'Publiée',
  draft: 'Brouillon',
  saved: 'Brouillon enregistré.',
  fix: (n) => (n === 1 ? 'Un champ est à corriger.' : `${n} champs sont à corriger.`),
  building: (step, steps) =>
    `Publiée. Le site se reconstruit (étape ${step} sur ${steps}) ; les visiteurs voient les anciennes pages jusqu’à la fin.`,
  live: 'Publiée : les nouvelles pages sont en ligne.',
  failed: 'Le site n’a pas pu être reconstruit ; le site en ligne n’a pas changé. La construction a dit :',
};

const ar: EditorStrings = {
  title: 'محرر الحملات',
  description: 'أنشئ الحملات وعدّلها وانشرها من المتصفح.',
  campaigns: 'الحملات',
  open: 'افتح',
  newCampaign: 'حملة جديدة',
  slug: 'العنوان (slug)',
  slugHelp: 'أحرف لاتينية صغيرة وأرقام وشرطات، مثل save-the-library: ستكون الصفحة ‎/act/save-the-library/‎.',
  kind: 'النوع',
  create: 'ابدأ',
  body: 'النص (Markdown)',
  bodyHelp: 'الرسالة، أو الخلفية المعروضة في الصفحة.',
  saveDraft: 'احفظ المسودة',
  publish: 'انشر',
  close: 'أغلق الحملة',
  add: 'أضف',
  remove: 'احذف',
  linesHelp: 'واحد في كل سطر.',
  pairsHelp: 'واحد في كل سطر: الاسم: النص.',
  csv: 'الجهات المستهدفة من ملف CSV',
  csvHelp:
    'السطر الأول: أسماء الأعمدة id وname وtitle وphone وareas وemail وcontactForm وphoto وtimezone (id وname وtitle مطلوبة؛ الهواتف مفصولة بـ ; والمناطق بمسافات).',
  csvRow: (line) => `السطر ${line}`,
  csvUnreadable: (line) =>
    `الملف ليس جدول CSV يستطيع المحرر قراءته (السطر ${line}): يحتاج كل صف إلى عدد الحقول نفسه في الصف الأول.`,
  csvUnknown: (columns) => `أعمدة غير معروفة: ${columns}. استخدم الأعمدة المذكورة أعلاه.`,
  csvEmpty: 'لا يحتوي الملف على جهات مستهدفة: سطر أول بأسماء الأعمدة، ثم جهة واحدة في كل سطر.',
  csvNothingChanged: 'لم يتغير شيء: صحّح الملف واختره من جديد.',
  csvDone: (n) => (n === 1 ? 'قُرئت جهة واحدة من الملف.' : `قُرئت ${n} جهات من الملف.`),
  noWidget: 'لا يحتوي هذا البناء بعد على أداة لهذا النوع: تعرض المعاينة نصوصه فقط.',
  preview: 'معاينة',
  published: 'منشورة',
  draft: 'مسودة',
  saved: 'حُفظت المسودة.',
  fix: (n) => (n === 1 ? 'حقل واحد يحتاج إلى تصحيح.' : `${n} حقول تحتاج إلى تصحيح.`),
  building: (step, steps) =>
    `نُشرت. يُعاد بناء الموقع (الخطوة ${step} من ${steps})؛ يرى الزوار الصفحات القديمة حتى ينتهي.`,
  live: 'نُشرت: الصفحات الجديدة متاحة الآن.',
  failed: 'تعذّرت إعادة بناء الموقع؛ لم يتغير الموقع المنشور. قالت عملية البناء:',
};

export const editorStrings: Record<Lang, EditorStrings> = { en, es, fr, ar };
