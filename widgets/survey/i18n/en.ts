/**
 * The survey's own English strings (the shared ones are in core/i18n). `{n}`, `{total}` and `{name}` are filled in
 * by the widget; plurals are functions of the count and its formatted text.
 */
export const en = {
  submit: 'Send my answers',
  record: 'Record this response',
  back: 'Back',
  forward: 'Next',
  page: 'Page {n} of {total}',
  optional: '(optional)',
  yes: 'Yes',
  no: 'No',
  lastPage: 'Last step',
  aboutYou: 'About you',
  anonymous: 'You may leave these empty to answer anonymously.',
  share: 'Ask your neighbours to answer too:',
  loadFailed: 'This survey could not be loaded. Please reload the page.',
  thanks: 'Thank you for your answers!',
  duplicate: 'You have already answered this survey. Thank you!',
  queued: 'You seem to be offline. Your answers are saved on this device and will be sent automatically.',
  campaign_closed: 'This survey is closed.',
  forbidden_origin: 'This survey cannot be answered on this page.',
  canvasser: 'Your name (canvasser)',
  turf: 'Turf or area',
  start: 'Start canvassing',
  canvassing: 'Canvassing as {name}',
  change: 'Change',
  recorded: 'Response recorded. Ready for the next respondent.',
  pending: (count: number, n: string): string =>
    count === 0
      ? 'All responses are synced.'
      : count === 1
        ? '1 response waiting to sync'
        : `${n} responses waiting to sync`,
  failed: (count: number, n: string): string =>
    count === 1 ? '1 response was refused by the server.' : `${n} responses were refused by the server.`,
};

export type SurveyMessages = typeof en;
