/** The petition's dictionary: English at hand, the others on first use. */
import { translations } from '../../core/i18n.ts';
import { en, type PetitionMessages } from './en.ts';

export type { PetitionMessages };

export const petitionMessages = translations<PetitionMessages>(en, {
  es: () => import('./es.ts'),
  fr: () => import('./fr.ts'),
  ar: () => import('./ar.ts'),
});
