/**
 * The widgets as the site's islands import them.
 *
 * @astrojs/lit renders an element from its class (it learns the tag when `customElements.define` runs), and in the
 * browser Astro re-imports the module the page imported and takes the named export: so this module must export
 * the class and define the tag. `widgets/petition/petition.ts` does both.
 *
 * Languages other than English normally load on first use. Registering them here makes them synchronous, on the
 * server (the shadow DOM is rendered in the campaign's language) and in the browser (hydration renders the same
 * words, so nothing flashes through English). The site can afford the ~2 KB; partner pages load `/embed.js`.
 */
import { core, registerMessages } from '../../widgets/core/i18n.ts';
import coreEs from '../../widgets/core/i18n/es.ts';
import { petitionMessages } from '../../widgets/petition/i18n/index.ts';
import petitionEs from '../../widgets/petition/i18n/es.ts';

registerMessages(core, 'es', coreEs);
registerMessages(petitionMessages, 'es', petitionEs);

export { LadderPetition } from '../../widgets/petition/petition.ts';
