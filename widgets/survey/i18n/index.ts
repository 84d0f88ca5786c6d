/** The survey's dictionary: English at hand, the others on first use. */
import { translations } from '../../core/i18n.ts';
import { en, type SurveyMessages } from './en.ts';

export type { SurveyMessages };

// The later steps' English joins `en` when they load (see en.ts): until then no screen asks for it.
export const surveyMessages = translations<SurveyMessages>(en as SurveyMessages, {
  es: () => import('./es.ts'),
  fr: () => import('./fr.ts'),
  ar: () => import('./ar.ts'),
});
