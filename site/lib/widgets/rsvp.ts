/**
 * `<ladder-rsvp>` as the site's islands import it (see ../widgets.ts for why a module both defines the tag and
 * exports the class). Every language's dictionary is registered, so the server renders the campaign's language
 * and hydration renders the same words.
 */
import { core, registerMessages } from '../../../widgets/core/i18n.ts';
import coreAr from '../../../widgets/core/i18n/ar.ts';
import coreEs from '../../../widgets/core/i18n/es.ts';
import coreFr from '../../../widgets/core/i18n/fr.ts';
import { rsvpMessages } from '../../../widgets/rsvp/i18n/index.ts';
import rsvpAr from '../../../widgets/rsvp/i18n/ar.ts';
import rsvpEs from '../../../widgets/rsvp/i18n/es.ts';
import rsvpFr from '../../../widgets/rsvp/i18n/fr.ts';

for (const [lang, shared, own] of [
  ['es', coreEs, rsvpEs],
  ['fr', coreFr, rsvpFr],
  ['ar', coreAr, rsvpAr],
] as const) {
  registerMessages(core, lang, shared);
  registerMessages(rsvpMessages, lang, own);
}

export { LadderRsvp } from '../../../widgets/rsvp/rsvp.ts';
