/** The petition's own English strings (the shared ones are in core/i18n). */
export const en = {
  comment: 'Comment (optional)',
  submit: 'Sign the petition',
  loadFailed: 'This petition could not be loaded. Please reload the page.',
  to: 'To:',
  // As in call/i18n/en.ts: English's one rule written out, so no plural code ships with the English widget.
  signatures: (count: number, n: string): string => (count === 1 ? `${n} signature` : `${n} signatures`),
  goal: (_count: number, n: string): string => `Goal: ${n}`,
  thanks: 'Thank you for signing!',
  checkEmail: 'Almost done: check your email',
  checkEmailHint: 'We sent you a link. Your signature counts once you open it (within 7 days).',
  duplicate: 'You have already signed this petition. Thank you!',
  queued: 'You seem to be offline. Your signature is saved on this device and will be sent automatically.',
  campaign_closed: 'This petition is closed.',
  forbidden_origin: 'This petition cannot be signed on this page.',
};

export type PetitionMessages = typeof en;
