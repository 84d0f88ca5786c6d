/** Campaign files of our own for the end-to-end tests; the partner page's origin may embed each kind. */
export function fixtureCampaigns(partnerOrigin: string): Record<string, string> {
  const petition = (fields: string, body: string) => `---
kind: petition
${fields}
consent:
  text: Keep me updated about this campaign by email.
  version: "2026-11-01"
---
${body}
`;
  return {
    'fix-the-fountain.md': petition(
      `title: Fix the fountain in Central Square
summary: The fountain has been dry for two summers. Ask the parks department to repair it.
goal: 3
partners: ["${partnerOrigin}"]
nextAsks: [plant-more-trees]
petition:
  to: The Parks Department
  ask: Repair the Central Square fountain before June.`,
      'To the Parks Department: children and elders use this square every day. <b>Fix it.</b>',
    ),
    // The organizer dashboard and host check-in tests: an event far in the future (RSVPs stay open), a call.
    'town-hall-meeting.md': `---
kind: event
title: Town hall on the fountain
partners: ["${partnerOrigin}"]
summary: Hear the parks department and plan what comes next.
goal: 50
consent:
  text: Keep me updated about this campaign by email.
  version: "2026-11-01"
event:
  start: 2031-05-14 18:30
  end: 2031-05-14 20:30
  timezone: America/Chicago
  location:
    name: Central Square library
    address: 1 Central Square
  host: Friends of Central Square
  maxGuests: 3
---
Bring a neighbour.
`,
    'call-the-parks-director.md': `---
kind: call
title: Call the parks director
partners: ["${partnerOrigin}"]
summary: Ask the parks director to schedule the fountain repair.
consent:
  text: Keep me updated about this campaign by email.
  version: "2026-11-01"
call:
  script: Hello, I am calling to ask {target} to repair the Central Square fountain.
  targets:
    - id: director
      name: Director Pat Rivera
      title: Parks Director
      phones:
        - number: '+1 555-010-3000'
    - id: deputy
      name: Deputy Sam Okafor
      title: Deputy Parks Director
      phones:
        - number: '+1 555-010-3001'
---
The budget is set in spring.
`,
    // The site tests (test/e2e/site.test.ts): a survey, with a strategy chart on its page.
    'what-the-square-needs.md': `---
kind: survey
title: What does Central Square need?
partners: ["${partnerOrigin}"]
summary: Three questions before we plan the next step.
consent:
  text: Keep me updated about this campaign by email.
  version: "2026-11-01"
survey:
  pages:
    - questions:
        - id: visits
          type: single
          label: How often do you visit the square?
          options: [Daily, Weekly, Rarely]
        - id: wish
          type: text
          label: What would you change first?
strategy:
  goals:
    long: A square everyone uses, all year.
    short: [100 answers, A meeting with the parks director]
  constituents: Neighbours around the square
  targets: { primary: The Parks Department }
  tactics: [Survey, Town hall]
  benchmarks:
    - { label: Answers, target: 100, kind: internal, by: 2031-04-01 }
    - { label: Fountain repaired, target: 1, kind: external }
---
We listen before we act.
`,
    // Listening results (test/e2e/results.test.ts): an anonymous survey with canvassers, its results public.
    'block-listening.md': `---
kind: survey
title: What should our block fix first?
summary: Four questions for every door on the block.
results: public
consent:
  text: Keep me updated about this campaign by email.
  version: "2026-11-01"
survey:
  anonymous: true
  canvass: true
  pages:
    - questions:
        - id: building
          type: single
          label: Which building do you live in?
          options: [{ value: north, label: North tower }, { value: south, label: South tower }]
        - id: housing
          type: single
          label: Do you rent or own?
          options: [{ value: rent, label: I rent }, { value: own, label: I own }]
        - id: repairs
          type: yesno
          label: Were your repairs done this year?
          showIf: { question: housing, equals: rent }
        - id: story
          type: text
          label: What should we fix first?
  help:
    question: Would you help?
    options: [{ value: host, label: Host a meeting }]
---
We knock on every door before we choose what to fight for.
`,
    'plant-more-trees.md': petition(
      `title: Plant 500 street trees
summary: Shade for the hottest blocks in town.
lang: es
petition:
  to: City Council
  ask: Plant 500 street trees in the hottest blocks by 2028.`,
      'Dear Council, ...',
    ),
  };
}
