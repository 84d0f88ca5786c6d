import type { en as canvassEn } from './en.canvass.ts';
import type { en as stepsEn } from './en.steps.ts';

/**
 * The survey's own English strings (the shared ones are in core/i18n). `{n}`, `{total}` and `{name}` are filled in
 * by the widget; plurals are functions of the count and its formatted text.
 */
export const en = {
  submit: 'Send my answers',
  back: 'Back',
  forward: 'Next',
  page: 'Page {n} of {total}',
  optional: '(optional)',
  yes: 'Yes',
  no: 'No',
  lastPage: 'Last step',
  loadFailed: 'This survey could not be loaded. Please reload the page.',
  campaign_closed: 'This survey is closed.',
  forbidden_origin: 'This survey cannot be answered on this page.',
};

/**
 * English for the later steps ships with them (`en.steps.ts` with the last page and thank-you, `en.canvass.ts` with
 * canvasser mode) and joins this dictionary when they load: until then no screen shows those strings. The other
 * languages' dictionaries have every string.
 */
export type SurveyMessages = typeof en & typeof canvassEn & typeof stepsEn;
