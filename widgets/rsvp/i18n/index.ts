/** The RSVP's dictionary: English at hand, the others on first use. */
import { translations } from '../../core/i18n.ts';
import { en, type RsvpMessages } from './en.ts';

export type { RsvpMessages };

export const rsvpMessages = translations<RsvpMessages>(en, {
  es: () => import('./es.ts'),
  fr: () => import('./fr.ts'),
  ar: () => import('./ar.ts'),
});
