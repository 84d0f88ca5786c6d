/** The call widget's dictionary: English at hand, the others on first use. */
import { translations } from '../../core/i18n.ts';
import { en, type CallMessages } from './en.ts';

export type { CallMessages };

export const callMessages = translations<CallMessages>(en, {
  es: () => import('./es.ts'),
  fr: () => import('./fr.ts'),
  ar: () => import('./ar.ts'),
});
