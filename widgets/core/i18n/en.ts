/**
 * English, the fallback language; every other dictionary has the same keys (the type says so).
 * Plurals are functions of the count and its formatted text. Campaign `strings` can override any key; in an
 * override of a function, `{n}` stands for the formatted number.
 */
export const en = {
  givenName: 'First name',
  familyName: 'Last name',
  email: 'Email',
  postcode: 'Postcode',
  comment: 'Comment (optional)',
  remember: 'Remember me on this device',
  submit: 'Sign the petition',
  sending: 'Sending…',
  loadFailed: 'This petition could not be loaded. Please reload the page.',
  to: 'To:',
  signatures: (count: number, n: string): string => (count === 1 ? `${n} signature` : `${n} signatures`),
  goal: (_count: number, n: string): string => `Goal: ${n}`,
  fix: 'Please correct the highlighted fields.',
  thanks: 'Thank you for signing!',
  duplicate: 'You have already signed this petition. Thank you!',
  queued: 'You seem to be offline. Your signature is saved on this device and will be sent automatically.',
  share: 'Ask your friends to sign too:',
  next: 'Next step:',
  required: 'This field is required.',
  invalid_email: 'Enter an email address like name@example.org.',
  invalid_postcode: 'Enter a valid postcode.',
  too_long: 'This is too long.',
  invalid_characters: 'This contains characters that are not allowed.',
  invalid: 'This value is not valid.',
  campaign_closed: 'This petition is closed.',
  forbidden_origin: 'This petition cannot be signed on this page.',
  rate_limited: 'Too many attempts. Please wait a minute and try again.',
  error: 'Something went wrong. Please try again.',
};

export type Messages = typeof en;
