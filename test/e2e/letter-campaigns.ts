/**
 * The letter campaigns of test/e2e/letters.test.ts, written as an organizer writes them: one to a city council
 * (hand-written targets with emails) and one to Congress, whose targets `npm run import-targets` builds from data
 * in the formats of unitedstates/congress-legislators and the Census ZCTA-to-district table (made-up members, each
 * with the `contact_form` the real data has). Added to a copy of the built content, as partner-csp.test.ts does.
 * And the partner's page they are written from.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESERVE_STYLE } from '../../widgets/reserve.ts';
import { HOSTILE_CSS } from '../widgets/hostile.css.ts';

export const COUNCIL = 'write-the-council';
export const CONGRESS = 'write-to-congress';
export const FROM = 'letters@campaign.example';
/** The council member's address the mail server refuses: a hard bounce. */
export const REFUSED = 'mayor@council.example';
export const CONTACT_FORM = 'https://lovelace.house.example/contact';
/** Letters in the writers' own words (edited: never counted as copies of the suggestion). */
export const OWN = {
  ella: 'Dear Ana Soto, my building on Mission Street has had no heating since October and my son sleeps in his coat. Please fund the repairs this year.',
  grace:
    'Dear Ben Ode, the roof of our block leaked through three floors this autumn; we have buckets in the hallway. Please fund the repairs.',
  hana: 'Dear Ana Soto, I wrote to you last year about the mould in our flats. It is worse now. Please put the repairs in this budget.',
};

const consent = `consent:
  text: Keep me updated about this campaign by email.
  version: "2026-11-01"`;

const council = (partner: string) => `---
kind: letter
title: Fund the repairs of our homes
summary: Write to your council member before the budget vote.
partners: ["${partner}"]
goal: 20
${consent}
letter:
  subject: 'Repairs, {target}'
  text: 'Dear {target}, as {title} you decide the budget. Please fund the repairs of our homes this year: the roofs leak and the heating fails every winter. Thank you.'
  editing: optional
  sending: { from: ${FROM}, timezone: America/Los_Angeles, digestMin: 3 }
  targets:
    - { id: mayor, name: Mayor Ruiz, title: Mayor, email: ${REFUSED} }
    - { id: ward-1, name: Ana Soto, title: Council member, email: soto@council.example, areas: [W-1] }
    - { id: ward-2, name: Ben Ode, title: Council member, email: ode@council.example, areas: [W-2] }
  postcodes: { '94110': [W-1], '94112': [W-1, W-2], '94114': [W-2] }
  areaNames: { W-1: Ward 1 (Mission), W-2: Ward 2 (Castro) }
---
The council votes on the budget in spring.
`;

const congress = (partner: string) => `---
kind: letter
title: Ask Congress to fund public housing repairs
summary: Write to your representative and senators.
partners: ["${partner}"]
${consent}
letter:
  subject: 'Fund public housing repairs'
  text: 'Dear {target}, as {title} you can fund the repairs of public housing. Please vote for it this year. Thank you.'
  sending: { from: ${FROM}, timezone: America/New_York }
  targetsFile: congress.json
---
Most offices take letters only through their own web form.
`;

const LEGISLATORS = `
- id: { bioguide: A000001 }
  name: { first: Ada, last: Lovelace, official_full: Ada King Lovelace }
  terms:
    - { type: rep, start: '2025-01-03', end: '2027-01-03', state: CA, district: 12, phone: 202-225-0001,
        contact_form: '${CONTACT_FORM}' }
- id: { bioguide: S000002 }
  name: { first: Grace, last: Hopper }
  terms:
    - { type: sen, start: '2023-01-03', end: '2029-01-03', state: CA, phone: 202-224-0002,
        contact_form: 'https://www.hopper.senate.example/contact' }
`;

const ZIPS = 'state_fips,state_abbr,zcta,cd\n06,CA,94612,12\n';

/** A copy of the built content with both campaigns and the imported `congress.json`. */
export function letterContent(builtContent: string, partner: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-e2e-letters-'));
  cpSync(builtContent, dir, { recursive: true });
  writeFileSync(join(dir, `${COUNCIL}.md`), council(partner));
  writeFileSync(join(dir, `${CONGRESS}.md`), congress(partner));
  const data = mkdtempSync(join(tmpdir(), 'ladder-e2e-congress-'));
  writeFileSync(join(data, 'legislators-current.yaml'), LEGISLATORS);
  writeFileSync(join(data, 'zccd.csv'), ZIPS);
  // As the README tells organizers: `npm run import-targets -- --legislators … --zips … --out …`.
  execFileSync(process.execPath, [
    'scripts/import-targets.ts',
    ...['--legislators', join(data, 'legislators-current.yaml'), '--zips', join(data, 'zccd.csv')],
    ...['--out', join(dir, 'congress.json')],
  ]);
  return dir;
}

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The partner's page, in a language, with a WordPress theme's and Bootstrap's global CSS, under a strict policy of
 * its own plus exactly the lines the embed page prints (partner-csp.test.ts shows each of them is needed).
 */
export const partnerPage = (origin: string, slug: string, lang: string) => {
  const policy = `default-src 'none'; script-src ${origin}; connect-src ${origin}; style-src ${hash(HOSTILE_CSS)} ${hash(RESERVE_STYLE)}; img-src 'self'; base-uri 'none'; form-action 'self'`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Partner</title>
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${HOSTILE_CSS}</style>
<script type="module" src="${origin}/embed.js"></script></head>
<body><main><h1>Our partner's page</h1><ladder-letter campaign="${slug}" lang="${lang}"></ladder-letter></main></body></html>`;
};
