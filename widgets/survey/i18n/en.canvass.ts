/** The survey's English for canvasser mode: loaded with it (see en.ts). */
import { plural } from '../../core/i18n/plural.ts';

const waiting = plural('en', { one: '{n} response waiting to sync', other: '{n} responses waiting to sync' });

export const en = {
  record: 'Record this response',
  canvasser: 'Your name (canvasser)',
  turf: 'Turf or area',
  start: 'Start canvassing',
  canvassing: 'Canvassing as {name}',
  change: 'Change',
  recorded: 'Response recorded. Ready for the next respondent.',
  pending: (count: number, n: string): string => (count ? waiting(count, n) : 'All responses are synced.'),
  failed: plural('en', {
    one: '{n} response was refused by the server.',
    other: '{n} responses were refused by the server.',
  }),
};
