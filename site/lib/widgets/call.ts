/**
 * `<ladder-call>` as the site's islands import it (see ../widgets.ts for why a module both defines the tag and
 * exports the class). Every language's dictionary is registered, so the server renders the campaign's language
 * and hydration renders the same words.
 */
import { callMessages } from '../../../widgets/call/i18n/index.ts';
import callAr from '../../../widgets/call/i18n/ar.ts';
import callEs from '../../../widgets/call/i18n/es.ts';
import callFr from '../../../widgets/call/i18n/fr.ts';
import { core, registerMessages } from '../../../widgets/core/i18n.ts';
import coreAr from '../../../widgets/core/i18n/ar.ts';
import coreEs from '../../../widgets/core/i18n/es.ts';
import coreFr from '../../../widgets/core/i18n/fr.ts';

for (const [lang, shared, own] of [
  ['es', coreEs, callEs],
  ['fr', coreFr, callFr],
  ['ar', coreAr, callAr],
] as const) {
  registerMessages(core, lang, shared);
  registerMessages(callMessages, lang, own);
}

export { LadderCall } from '../../../widgets/call/call.ts';
