/**
 * The widgets as the site's islands import them.
 *
 * @astrojs/lit renders an element from its class (it learns the tag when `customElements.define` runs), and in the
 * browser Astro re-imports the module the page imported and takes the named export: so this module must export
 * the class and define the tag. `widgets/petition/petition.ts` does both.
 *
 * Languages other than English normally load on first use. Registering them here makes them synchronous, on the
 * server (the shadow DOM is rendered in the campaign's language) and in the browser (hydration renders the same
 * words, so nothing flashes through English). The site can afford the ~5 KB; partner pages load `/embed.js`.
 */
import { core, registerMessages } from '../../widgets/core/i18n.ts';
import coreAr from '../../widgets/core/i18n/ar.ts';
import coreEs from '../../widgets/core/i18n/es.ts';
import coreFr from '../../widgets/core/i18n/fr.ts';
import { petitionMessages } from '../../widgets/petition/i18n/index.ts';
import petitionAr from '../../widgets/petition/i18n/ar.ts';
import petitionEs from '../../widgets/petition/i18n/es.ts';
import petitionFr from '../../widgets/petition/i18n/fr.ts';

registerMessages(core, 'es', coreEs);
registerMessages(core, 'fr', coreFr);
registerMessages(core, 'ar', coreAr);
registerMessages(petitionMessages, 'es', petitionEs);
registerMessages(petitionMessages, 'fr', petitionFr);
registerMessages(petitionMessages, 'ar', petitionAr);

export { LadderPetition } from '../../widgets/petition/petition.ts';
