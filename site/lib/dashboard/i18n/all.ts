/** Every language's dictionary at once, for the pages' build (the browser loads one: ./index.ts). */
import type { Lang } from '../../../../schema/limits.ts';
import ar from './ar.ts';
import en from './en.ts';
import es from './es.ts';
import fr from './fr.ts';
import type { DashboardStrings } from './types.ts';

const dictionaries: Record<Lang, DashboardStrings> = { en, es, fr, ar };

export const dashboardStrings = (lang: Lang): DashboardStrings => dictionaries[lang];
