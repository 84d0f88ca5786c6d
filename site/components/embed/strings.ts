/**
 * The partner embed page's words, in the campaign's language (the page speaks to the partner organizations of
 * that campaign). Words that name the kind of action come from site/lib/i18n.ts.
 */
import type { Lang } from '../../../schema/limits.ts';

export interface EmbedStrings {
  lede: string;
  codeTitle: string;
  codeHelp: string;
  copyCode: string;
  copyCss: string;
  copyCsp: string;
  copyFrame: string;
  copied: string;
  copyFailed: string;
  allowedTitle: string;
  anyPage: string;
  onlyThese: string;
  none: string;
  addingTitle: string;
  /** `{file}` is the campaign file; `{example}` an origin. */
  adding: string;
  themeTitle: string;
  themeHelp: string;
  accent: string;
  accentContrast: string;
  color: string;
  background: string;
  radius: string;
  font: string;
  fonts: { sans: string; serif: string; humanist: string; mono: string };
  css: string;
  reset: string;
  /** `{ratio}` is the measured contrast, like 3.2. */
  lowContrast: string;
  cspTitle: string;
  cspHelp: string;
  cspScript: string;
  cspConnect: string;
  cspStyle: string;
  cspImg: string;
  cspCaptcha: string;
  cspFrame: string;
  cspFrameStyle: string;
  frameTitle: string;
  frameHelp: string;
  previewTitle: string;
  previewHelp: string;
}

const en: EmbedStrings = {
  lede: 'Partner organizations can show this action on their own websites. Everything your web person needs is on this page.',
  codeTitle: '1. Paste this code',
  codeHelp:
    'Paste these three lines where the action should appear, on any page of an allowed website. Actions taken there count towards the same goal as on this site.',
  copyCode: 'Copy the code',
  copyCss: 'Copy the CSS',
  copyCsp: 'Copy the policy',
  copyFrame: 'Copy the iframe code',
  copied: 'Copied.',
  copyFailed: 'Could not copy: select the text and copy it by hand.',
  allowedTitle: '2. Check that your website is allowed',
  anyPage: 'Any website may embed it.',
  onlyThese: 'Actions are accepted from this site and from these websites only:',
  none: 'No partner websites yet.',
  addingTitle: 'Adding a website',
  adding:
    'Ask the campaign’s organizers to add your website’s origin (scheme, host and port, without a path, like {example}) to partners: in {file}, then rebuild and publish the site. On any other website the action still appears, but what people send is refused.',
  themeTitle: '3. Match your colours (optional)',
  themeHelp:
    'Pick colours, corners and a font: the preview changes as you go. Then add the CSS to your page’s stylesheet. The rest of your CSS cannot break the widget.',
  accent: 'Accent (buttons, progress bar)',
  accentContrast: 'Text on the accent',
  color: 'Text',
  background: 'Background',
  radius: 'Corner radius (pixels)',
  font: 'Font',
  fonts: { sans: 'Sans-serif (default)', serif: 'Serif', humanist: 'Humanist sans-serif', mono: 'Monospace' },
  css: 'Your CSS',
  reset: 'Reset',
  lowContrast:
    'Low contrast ({ratio}:1): text on the accent and text on the background need at least 4.5:1 to be readable by everyone.',
  cspTitle: '4. If your website sends a Content-Security-Policy',
  cspHelp: 'Most websites do not: then skip this step. If yours does, add these sources to its directives:',
  cspScript: 'script-src: embed.js and the widget’s code, loaded from this site.',
  cspConnect: 'connect-src: the API that receives actions and gives the live count.',
  cspStyle:
    "style-src: the hash allows the small <style> element in the code above (embed.js adds the same one) that reserves the widget’s space before it loads, so your page does not jump. The widget’s own styles are constructed style sheets (adoptedStyleSheets), which a Content-Security-Policy does not restrict: no 'unsafe-inline' and no stylesheet link are needed. Without the hash the widget still works; only the reserved space is lost.",
  cspImg: 'img-src: the photos of the people to call.',
  cspCaptcha:
    'The CAPTCHA provider’s address, in script-src, frame-src and the others listed: the widget loads its challenge only when a submission looks automated.',
  cspFrame: 'With the iframe (step 5) instead, the only source to add is frame-src:',
  cspFrameStyle:
    'The frame’s style attribute (its width, no border) is allowed by this hash in style-src; without it the frame still works, with the browser’s default border:',
  frameTitle: '5. No scripts on your website? Use an iframe',
  frameHelp:
    'Some website builders do not allow scripts. This code shows the same action in a frame of a fixed height (it scrolls inside when the content is taller). It cannot take your colours, and the actions taken in it count as this site’s, not your website’s.',
  previewTitle: 'Live preview',
  previewHelp: 'As it will look on your page, with the colours you picked.',
};

const es: EmbedStrings = {
  lede: 'Las organizaciones aliadas pueden mostrar esta acción en sus propias webs. Aquí está todo lo que necesita quien lleva vuestra web.',
  codeTitle: '1. Pega este código',
  codeHelp:
    'Pega estas tres líneas donde debe aparecer la acción, en cualquier página de una web autorizada. Lo que se haga allí cuenta para la misma meta que en este sitio.',
  copyCode: 'Copiar el código',
  copyCss: 'Copiar el CSS',
  copyCsp: 'Copiar la política',
  copyFrame: 'Copiar el código del iframe',
  copied: 'Copiado.',
  copyFailed: 'No se pudo copiar: selecciona el texto y cópialo a mano.',
  allowedTitle: '2. Comprueba que tu web está autorizada',
  anyPage: 'Cualquier web puede mostrarla.',
  onlyThese: 'Solo se aceptan acciones de este sitio y de estas webs:',
  none: 'Todavía no hay webs aliadas.',
  addingTitle: 'Añadir una web',
  adding:
    'Pide a quienes organizan la campaña que añadan el origen de tu web (esquema, dominio y puerto, sin ruta, como {example}) a partners: en {file}, y que vuelvan a construir y publicar el sitio. En cualquier otra web la acción se ve, pero lo que se envía se rechaza.',
  themeTitle: '3. Ajusta los colores (opcional)',
  themeHelp:
    'Elige colores, esquinas y tipo de letra: la vista previa cambia al momento. Después añade el CSS a la hoja de estilos de tu página. El resto de tu CSS no puede romper el widget.',
  accent: 'Color principal (botones, barra de progreso)',
  accentContrast: 'Texto sobre el color principal',
  color: 'Texto',
  background: 'Fondo',
  radius: 'Radio de las esquinas (píxeles)',
  font: 'Tipo de letra',
  fonts: { sans: 'Sans serif (por defecto)', serif: 'Serif', humanist: 'Sans serif humanista', mono: 'Monoespaciada' },
  css: 'Tu CSS',
  reset: 'Restablecer',
  lowContrast:
    'Contraste bajo ({ratio}:1): el texto sobre el color principal y sobre el fondo necesita al menos 4,5:1 para que todo el mundo lo lea.',
  cspTitle: '4. Si tu web envía una Content-Security-Policy',
  cspHelp: 'La mayoría no lo hace: entonces sáltate este paso. Si la tuya sí, añade estas fuentes a sus directivas:',
  cspScript: 'script-src: embed.js y el código del widget, que se cargan desde este sitio.',
  cspConnect: 'connect-src: la API que recibe las acciones y da el recuento en vivo.',
  cspStyle:
    "style-src: el hash permite el pequeño elemento <style> del código de arriba (embed.js añade el mismo) que reserva el espacio del widget antes de que cargue, para que tu página no salte. Los estilos del widget son hojas de estilo construidas (adoptedStyleSheets), que una Content-Security-Policy no restringe: no hace falta 'unsafe-inline' ni enlazar una hoja de estilos. Sin el hash el widget funciona igual; solo se pierde el espacio reservado.",
  cspImg: 'img-src: las fotos de las personas a las que llamar.',
  cspCaptcha:
    'La dirección del proveedor de CAPTCHA, en script-src, frame-src y las demás indicadas: el widget solo carga su desafío cuando un envío parece automático.',
  cspFrame: 'Con el iframe (paso 5), la única fuente que hay que añadir es frame-src:',
  cspFrameStyle:
    'El atributo style del marco (su anchura, sin borde) se permite con este hash en style-src; sin él el marco funciona igual, con el borde por defecto del navegador:',
  frameTitle: '5. ¿Tu web no admite scripts? Usa un iframe',
  frameHelp:
    'Algunos creadores de webs no permiten scripts. Este código muestra la misma acción en un marco de altura fija (se desplaza por dentro si el contenido es más alto). No toma tus colores, y las acciones hechas en él cuentan como de este sitio, no de tu web.',
  previewTitle: 'Vista previa en vivo',
  previewHelp: 'Así se verá en tu página, con los colores que elijas.',
};

const fr: EmbedStrings = {
  lede: 'Les organisations partenaires peuvent afficher cette action sur leurs propres sites. Tout ce dont votre webmestre a besoin est sur cette page.',
  codeTitle: '1. Collez ce code',
  codeHelp:
    'Collez ces trois lignes là où l’action doit apparaître, sur n’importe quelle page d’un site autorisé. Les actions faites là-bas comptent pour le même objectif que sur ce site.',
  copyCode: 'Copier le code',
  copyCss: 'Copier le CSS',
  copyCsp: 'Copier la politique',
  copyFrame: 'Copier le code de l’iframe',
  copied: 'Copié.',
  copyFailed: 'Impossible de copier : sélectionnez le texte et copiez-le à la main.',
  allowedTitle: '2. Vérifiez que votre site est autorisé',
  anyPage: 'Tous les sites peuvent l’afficher.',
  onlyThese: 'Les actions ne sont acceptées que depuis ce site et ces sites-ci :',
  none: 'Pas encore de site partenaire.',
  addingTitle: 'Ajouter un site',
  adding:
    'Demandez aux organisateurs de la campagne d’ajouter l’origine de votre site (schéma, domaine et port, sans chemin, comme {example}) à partners: dans {file}, puis de reconstruire et publier le site. Sur tout autre site, l’action s’affiche, mais les envois sont refusés.',
  themeTitle: '3. Accordez les couleurs (facultatif)',
  themeHelp:
    'Choisissez couleurs, coins et police : l’aperçu change aussitôt. Ajoutez ensuite le CSS à la feuille de style de votre page. Le reste de votre CSS ne peut pas casser le widget.',
  accent: 'Couleur principale (boutons, barre de progression)',
  accentContrast: 'Texte sur la couleur principale',
  color: 'Texte',
  background: 'Fond',
  radius: 'Arrondi des coins (pixels)',
  font: 'Police',
  fonts: {
    sans: 'Sans empattement (par défaut)',
    serif: 'Avec empattement',
    humanist: 'Humaniste',
    mono: 'Chasse fixe',
  },
  css: 'Votre CSS',
  reset: 'Réinitialiser',
  lowContrast:
    'Contraste faible ({ratio}:1) : le texte sur la couleur principale et sur le fond doit atteindre au moins 4,5:1 pour être lisible par toutes et tous.',
  cspTitle: '4. Si votre site envoie une Content-Security-Policy',
  cspHelp: 'La plupart n’en envoient pas : passez cette étape. Sinon, ajoutez ces sources à ses directives :',
  cspScript: 'script-src : embed.js et le code du widget, chargés depuis ce site.',
  cspConnect: 'connect-src : l’API qui reçoit les actions et donne le compteur en direct.',
  cspStyle:
    "style-src : le hash autorise le petit élément <style> du code ci-dessus (embed.js ajoute le même) qui réserve la place du widget avant son chargement, afin que votre page ne saute pas. Les styles du widget sont des feuilles de style construites (adoptedStyleSheets), qu’une Content-Security-Policy ne restreint pas : ni 'unsafe-inline' ni feuille de style liée ne sont nécessaires. Sans le hash le widget fonctionne ; seule la place réservée est perdue.",
  cspImg: 'img-src : les photos des personnes à appeler.',
  cspCaptcha:
    'L’adresse du fournisseur de CAPTCHA, dans script-src, frame-src et les autres indiquées : le widget ne charge son défi que lorsqu’un envoi semble automatisé.',
  cspFrame: 'Avec l’iframe (étape 5), la seule source à ajouter est frame-src :',
  cspFrameStyle:
    'L’attribut style du cadre (sa largeur, sans bordure) est autorisé par ce hash dans style-src ; sans lui le cadre fonctionne, avec la bordure par défaut du navigateur :',
  frameTitle: '5. Pas de scripts sur votre site ? Utilisez une iframe',
  frameHelp:
    'Certains outils de création de sites n’acceptent pas les scripts. Ce code affiche la même action dans un cadre de hauteur fixe (il défile à l’intérieur si le contenu est plus haut). Il ne prend pas vos couleurs, et les actions faites dedans comptent pour ce site, pas pour le vôtre.',
  previewTitle: 'Aperçu en direct',
  previewHelp: 'Tel qu’il apparaîtra sur votre page, avec les couleurs choisies.',
};

const ar: EmbedStrings = {
  lede: 'يمكن للمنظمات الشريكة عرض هذا النشاط على مواقعها. كل ما يحتاجه المسؤول عن موقعكم موجود في هذه الصفحة.',
  codeTitle: '١. الصق هذا الرمز',
  codeHelp:
    'الصق هذه الأسطر الثلاثة حيث يجب أن يظهر النشاط، في أي صفحة من موقع مسموح له. ما يُنجز هناك يُحسب ضمن الهدف نفسه كما على هذا الموقع.',
  copyCode: 'انسخ الرمز',
  copyCss: 'انسخ CSS',
  copyCsp: 'انسخ السياسة',
  copyFrame: 'انسخ رمز الإطار',
  copied: 'تم النسخ.',
  copyFailed: 'تعذّر النسخ: حدّد النص وانسخه يدويًا.',
  allowedTitle: '٢. تحقّق من أن موقعك مسموح له',
  anyPage: 'يمكن لأي موقع عرضه.',
  onlyThese: 'تُقبل المشاركات من هذا الموقع ومن هذه المواقع فقط:',
  none: 'لا توجد مواقع شريكة بعد.',
  addingTitle: 'إضافة موقع',
  adding:
    'اطلب من منظمي الحملة إضافة أصل موقعك (البروتوكول والنطاق والمنفذ، دون مسار، مثل {example}) إلى partners: في {file}، ثم إعادة بناء الموقع ونشره. على أي موقع آخر يظهر النشاط، لكن ما يُرسل منه يُرفض.',
  themeTitle: '٣. طابِق الألوان (اختياري)',
  themeHelp:
    'اختر الألوان والزوايا والخط: تتغير المعاينة فورًا. ثم أضف CSS إلى ملف أنماط صفحتك. لا يمكن لباقي CSS في موقعك أن يُفسد الأداة.',
  accent: 'اللون الرئيسي (الأزرار وشريط التقدم)',
  accentContrast: 'النص فوق اللون الرئيسي',
  color: 'النص',
  background: 'الخلفية',
  radius: 'استدارة الزوايا (بكسل)',
  font: 'الخط',
  fonts: { sans: 'بدون تذييل (افتراضي)', serif: 'بتذييل', humanist: 'إنساني', mono: 'ثابت العرض' },
  css: 'CSS الخاص بك',
  reset: 'إعادة الضبط',
  lowContrast: 'تباين منخفض ({ratio}:1): يحتاج النص فوق اللون الرئيسي وفوق الخلفية إلى 4.5:1 على الأقل ليقرأه الجميع.',
  cspTitle: '٤. إذا كان موقعك يرسل Content-Security-Policy',
  cspHelp: 'معظم المواقع لا ترسلها: تجاوز هذه الخطوة. وإن كان موقعك يرسلها، فأضف هذه المصادر إلى توجيهاتها:',
  cspScript: 'script-src: ملف embed.js ورمز الأداة، يُحمّلان من هذا الموقع.',
  cspConnect: 'connect-src: الواجهة البرمجية التي تستقبل المشاركات وتعطي العدد المباشر.',
  cspStyle:
    "style-src: تسمح البصمة (hash) بعنصر <style> الصغير في الرمز أعلاه (ويضيف embed.js العنصر نفسه) الذي يحجز مساحة الأداة قبل تحميلها، كي لا تقفز صفحتك. أنماط الأداة نفسها أوراق أنماط مُنشأة (adoptedStyleSheets) لا تقيّدها Content-Security-Policy: لا حاجة إلى 'unsafe-inline' ولا إلى ربط ملف أنماط. من دون البصمة تعمل الأداة، وتضيع المساحة المحجوزة فقط.",
  cspImg: 'img-src: صور الأشخاص المطلوب الاتصال بهم.',
  cspCaptcha:
    'عنوان مزوّد اختبار CAPTCHA، في script-src وframe-src وغيرهما مما هو مذكور: لا تحمّل الأداة اختباره إلا حين تبدو المشاركة آلية.',
  cspFrame: 'مع الإطار (الخطوة ٥) بدلًا من ذلك، المصدر الوحيد المطلوب هو frame-src:',
  cspFrameStyle:
    'تسمح هذه البصمة (hash) في style-src بسمة style للإطار (عرضه، بلا حدود)؛ ومن دونها يعمل الإطار بالحدود الافتراضية للمتصفح:',
  frameTitle: '٥. لا يسمح موقعك بالنصوص البرمجية؟ استخدم إطارًا (iframe)',
  frameHelp:
    'بعض أدوات بناء المواقع لا تسمح بالنصوص البرمجية. يعرض هذا الرمز النشاط نفسه داخل إطار بارتفاع ثابت (يُمرَّر داخله إذا كان المحتوى أطول). لا يأخذ ألوانك، وتُحسب المشاركات فيه لهذا الموقع لا لموقعك.',
  previewTitle: 'معاينة مباشرة',
  previewHelp: 'كما ستظهر على صفحتك، بالألوان التي تختارها.',
};

const dictionaries: Record<Lang, EmbedStrings> = { en, es, fr, ar };

export const embedStrings = (lang: Lang): EmbedStrings => dictionaries[lang];
