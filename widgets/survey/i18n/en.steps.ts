/** The survey's English for the last page and the thank-you: loaded with them (see en.ts). */
export const en = {
  aboutYou: 'About you',
  anonymous: 'You may leave these empty to answer anonymously.',
  share: 'Ask your neighbours to answer too:',
  thanks: 'Thank you for your answers!',
  checkEmail: 'Almost done: check your email',
  checkEmailHint: 'We sent you a link. Your answers count once you open it (within 7 days).',
  duplicate: 'You have already answered this survey. Thank you!',
  results: 'See what the community said',
  queued: 'You seem to be offline. Your answers are saved on this device and will be sent automatically.',
};
