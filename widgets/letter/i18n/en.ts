/** The letter widget's own English strings (the shared ones are in core/i18n). */
export const en = {
  // English's one rule written out, as in the call widget (core/i18n/plural.ts would cost every supporter ~60 B).
  letters: (count: number, n: string): string => (count === 1 ? `${n} letter written` : `${n} letters written`),
  find: 'Find who to write to',
  looking: 'Looking up…',
  unknownPostcode: 'We do not know this postcode. Check it and try again.',
  noTargets: 'There is no one to write to for this postcode.',
  lookupFailed: 'We could not look up this postcode. Check your connection and try again.',
  choose: 'Your postcode is in more than one district. Which one do you live in?',
  go: 'Continue',
  to: 'Your letter goes to:',
  subject: 'Subject',
  text: 'Your letter',
  fixed: 'The letter is sent as written.',
  own: (n: number): string =>
    `Write it in your own words: at least ${n} words of your own. Offices read personal letters.`,
  too_similar: 'Write the letter in your own words: change more of the suggested text.',
  submit: 'Send my letter',
  checkEmail: 'Check your email: your letter leaves once you confirm it with the link we sent.',
  queued: 'You seem to be offline. Your letter is saved on this device and will be sent automatically.',
  thanks: 'Thank you for writing!',
  duplicate: 'You have already written: thank you!',
  byHand: 'This office only takes letters through its own form. Copy your letter and send it there:',
  copy: 'Copy the letter',
  copied: 'Copied.',
  form: 'Open the official form',
  share: 'Ask your friends to write too:',
  loadFailed: 'This campaign could not be loaded. Please reload the page.',
  campaign_closed: 'This campaign is closed.',
  forbidden_origin: 'Letters cannot be sent from this page.',
};

export type LetterMessages = typeof en;
