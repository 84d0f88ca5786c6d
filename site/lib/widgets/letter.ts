/**
 * `<ladder-letter>` as the site's islands import it (see ../widgets.ts for why a module both defines the tag and
 * exports the class). Every language's dictionary is registered, so the server renders the campaign's language
 * and hydration renders the same words.
 */
import { core, registerMessages } from '../../../widgets/core/i18n.ts';
import coreAr from '../../../widgets/core/i18n/ar.ts';
import coreEs from '../../../widgets/core/i18n/es.ts';
import coreFr from '../../../widgets/core/i18n/fr.ts';
import { letterMessages } from '../../../widgets/letter/i18n/index.ts';
import letterAr from '../../../widgets/letter/i18n/ar.ts';
import letterEs from '../../../widgets/letter/i18n/es.ts';
import letterFr from '../../../widgets/letter/i18n/fr.ts';

for (const [lang, shared, own] of [
  ['es', coreEs, letterEs],
  ['fr', coreFr, letterFr],
  ['ar', coreAr, letterAr],
] as const) {
  registerMessages(core, lang, shared);
  registerMessages(letterMessages, lang, own);
}

export { LadderLetter } from '../../../widgets/letter/letter.ts';
