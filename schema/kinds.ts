/** Each kind of campaign and the element that takes its ask. Widget-safe: no imports. */
export const KIND_TAGS = {
  petition: 'ladder-petition',
  survey: 'ladder-survey',
  event: 'ladder-rsvp',
  call: 'ladder-call',
  letter: 'ladder-letter',
} as const;
