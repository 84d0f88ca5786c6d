/** The letter widget's dictionary: English at hand, the others on first use. */
import { translations } from '../../core/i18n.ts';
import { en, type LetterMessages } from './en.ts';

export type { LetterMessages };

export const letterMessages = translations<LetterMessages>(en, {
  es: () => import('./es.ts'),
  fr: () => import('./fr.ts'),
  ar: () => import('./ar.ts'),
});
