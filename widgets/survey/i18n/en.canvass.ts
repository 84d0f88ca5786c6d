/** The survey's English for canvasser mode: loaded with it (see en.ts). */
export const en = {
  record: 'Record this response',
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
