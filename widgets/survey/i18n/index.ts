/** The survey's dictionary: English at hand, the others on first use. */
import { translations } from '../../core/i18n.ts';
import { en, type SurveyMessages } from './en.ts';

export type { SurveyMessages };

export const surveyMessages = translations<SurveyMessages>(en, {
  es: () => import('./es.ts'),
  fr: () => import('./fr.ts'),
  ar: () => import('./ar.ts'),
});
