/** Campaign files of our own for the adapters' tests (never ../shared): a petition, a survey, a capped event. */
export const PETITION = 'fund-the-library';
export const SURVEY = 'block-needs';
export const EVENT = 'tenants-meeting';
export const CAPACITY = 3;

const consent = `consent:\n  text: Keep me updated about this campaign.\n  version: '2026-11-01'\n`;

export const campaignFiles: Record<string, string> = {
  [`${PETITION}.md`]: `---
kind: petition
title: Fund the library
summary: Keep the branch library open six days a week.
goal: 100
petition:
  to: The City Council
  ask: Fund the library.
${consent}---
Our library matters.
`,
  [`${SURVEY}.md`]: `---
kind: survey
title: What matters on your block
summary: Tell us what to fix first.
${consent}survey:
  anonymous: true
  pages:
    - questions:
        - id: housing
          type: single
          label: Do you rent or own?
          required: true
          options: [rent, own]
---
`,
  [`${EVENT}.md`]: `---
kind: event
title: Tenants meeting
summary: Meet your neighbours.
region: US
${consent}event:
  start: '2099-02-18 18:30'
  end: '2099-02-18 20:00'
  timezone: America/Chicago
  location:
    name: Library
    address: 1 Main St
  capacity: ${CAPACITY}
---
`,
};

export const person = (email: string) => ({
  givenName: 'Ada',
  familyName: 'Lovelace',
  email,
  postcode: '94110',
});

export const signature = (email: string) => ({ person: person(email), consent: { contact: true } });
export const surveyResponse = (email: string) => ({
  person: person(email),
  answers: { housing: 'rent' },
  consent: { contact: true },
});
export const rsvp = (email: string) => ({ person: person(email), consent: { contact: true } });

export const ADMIN_TOKEN = 'a-long-admin-token-for-the-tests';
export const WEBHOOK_SECRET = 'a-webhook-secret-of-the-tests';
