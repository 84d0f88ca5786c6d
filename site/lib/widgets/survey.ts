/**
 * `<ladder-survey>` as the site's islands import it (see ../widgets.ts for why a module both defines the tag and
 * exports the class). Every language's dictionary is registered, so the server renders the campaign's language
 * and hydration renders the same words. The steps' code (last page, checks, thank-you), which the embed loads on
 * first use, is given up front: the server renders the last page too. Canvasser mode's module still loads on first
 * use (only with the `canvasser` attribute, which the site's pages do not set).
 */
import { core, registerMessages } from '../../../widgets/core/i18n.ts';
import coreAr from '../../../widgets/core/i18n/ar.ts';
import coreEs from '../../../widgets/core/i18n/es.ts';
import coreFr from '../../../widgets/core/i18n/fr.ts';
import { surveyMessages } from '../../../widgets/survey/i18n/index.ts';
import surveyAr from '../../../widgets/survey/i18n/ar.ts';
import surveyEs from '../../../widgets/survey/i18n/es.ts';
import surveyFr from '../../../widgets/survey/i18n/fr.ts';
import * as steps from '../../../widgets/survey/survey.steps.ts';
import { LadderSurvey } from '../../../widgets/survey/survey.ts';

for (const [lang, shared, own] of [
  ['es', coreEs, surveyEs],
  ['fr', coreFr, surveyFr],
  ['ar', coreAr, surveyAr],
] as const) {
  registerMessages(core, lang, shared);
  registerMessages(surveyMessages, lang, own);
}

LadderSurvey.useSteps(steps);

export { LadderSurvey };
