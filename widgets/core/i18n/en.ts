/**
 * English strings every widget shares (fields, errors, states); each widget adds its own in `<widget>/i18n/`.
 * English is the fallback and ships with every widget; other languages load on first use. Plurals are functions
 * of the count and its formatted text. Campaign `strings` can override any key; in an override of a function,
 * `{n}` stands for the formatted number.
 */
export const en = {
  givenName: 'First name',
  familyName: 'Last name',
  email: 'Email',
  postcode: 'Postcode',
  remember: 'Remember me on this device',
  sending: 'Sending…',
  fix: 'Please correct the highlighted fields.',
  share: 'Ask your friends to sign too:',
  next: 'Next step:',
  required: 'This field is required.',
  invalid_email: 'Enter an email address like name@example.org.',
  invalid_postcode: 'Enter a valid postcode.',
  invalid_phone: 'Enter a phone number with its area code.',
  too_long: 'This is too long.',
  invalid_characters: 'This contains characters that are not allowed.',
  invalid: 'This value is not valid.',
  rate_limited: 'Too many attempts. Please wait a minute and try again.',
  disposable_email: 'Use a permanent email address.',
  honeypot: 'Leave this empty',
  error: 'Something went wrong. Please try again.',
};

export type CoreMessages = typeof en;
