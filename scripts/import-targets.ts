/**
 * Builds a campaign's `targetsFile` (schema/call.ts `TargetsFile`) from the public US Congress data sets:
 *
 *   npm run import-targets -- --legislators legislators-current.yaml --offices legislators-district-offices.yaml \
 *     --zips zccd.csv --out site/content/campaigns/congress.json [--chamber house|senate|both] [--state CA] \
 *     [--photos 'https://example.org/photos/{bioguide}.jpg']
 *
 * Inputs (https://github.com/unitedstates/congress-legislators and a ZCTA-to-district table):
 * - legislators: each member's current term is the last in `terms`. A representative reaches `<ST>-<district>`
 *   (district 0, at large: `<ST>-AL`), a senator `<ST>`, which reaches every district of the state.
 * - offices: district offices by bioguide id, with address, phone and hours when known.
 * - zips: CSV `state_fips,state_abbr,zcta,cd`; a ZCTA in several districts has several rows (the supporter is
 *   asked which). `cd` 0 (at large) and 98 (the Census code for a non-voting delegate's district) become
 *   `<ST>-AL`; 99 and anything not a number (`ZZ`: water, no district) are skipped and counted. Parsed as CSV
 *   (csv-parse: quoted fields, commas and line breaks inside them, a byte-order mark), columns found by name, so
 *   a richer table works too; a row with another number of fields stops the import rather than be misread.
 *
 * Delegates of DC and the territories (and Puerto Rico's Resident Commissioner) are kept with their own titles:
 * they cannot vote on the floor but they do answer constituents' calls. Photos are left out unless `--photos`
 * gives a URL pattern: the data has no photo URLs, and the importer invents no network address.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CsvError, type InfoRecord } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import yaml from 'js-yaml';
import { postcodeKey, type Target, TargetsFile } from '../schema/call.ts';

/** State and territory names, by postal code. */
// prettier-ignore
const STATES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa',
  KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan',
  MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada',
  NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota',
  OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina',
  SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington',
  WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming', DC: 'the District of Columbia', PR: 'Puerto Rico', GU: 'Guam',
  VI: 'the U.S. Virgin Islands', AS: 'American Samoa', MP: 'the Northern Mariana Islands',
};
const TERRITORIES = new Set(['DC', 'PR', 'GU', 'VI', 'AS', 'MP']);

interface Term {
  type: 'rep' | 'sen';
  state: string;
  district?: number;
  phone?: string;
  address?: string;
  office?: string;
  /** The member's official web form (letters hand the supporter to it). */
  contact_form?: string;
}
interface Legislator {
  id: { bioguide: string };
  name: { first: string; last: string; official_full?: string };
  terms: Term[];
}
interface Office {
  address?: string;
  suite?: string;
  building?: string;
  city?: string;
  state?: string;
  zip?: string;
  phone?: string;
  hours?: string;
}

const fail = (message: string): never => {
  console.error(`import-targets: ${message}`);
  process.exit(1);
};

const { values: args } = parseArgs({
  options: {
    legislators: { type: 'string' },
    offices: { type: 'string' },
    zips: { type: 'string' },
    out: { type: 'string' },
    chamber: { type: 'string', default: 'both' },
    state: { type: 'string' },
    photos: { type: 'string' },
  },
});
for (const name of ['legislators', 'zips', 'out'] as const) if (!args[name]) fail(`--${name} <file> is required`);
const chamber = args.chamber!;
if (!['house', 'senate', 'both'].includes(chamber)) fail('--chamber must be house, senate or both');
const onlyState = args.state?.toUpperCase();
if (onlyState && !STATES[onlyState]) fail(`--state ${args.state}: not a state or territory code like CA`);
if (args.photos && !/^https?:\/\/.*\{bioguide\}/.test(args.photos))
  fail('--photos must be an http(s) URL with {bioguide}');

const started = performance.now();
const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as Error).message}`);
  }
};
const wanted = (state: string) => !onlyState || state === onlyState;

/** "1st", "2nd", "3rd", "11th", "12th", "22nd". */
const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};
const possessive = (name: string) => (name.startsWith('the ') ? name.slice(4) : name) + "'s";

/** An area id to a name people recognize: "California's 12th district", "Alaska's at-large district", "California". */
function areaName(area: string): string {
  const [state, district] = area.split('-');
  const name = STATES[state] ?? state;
  if (!district) return name.replace(/^the /, 'The ');
  return `${possessive(name)} ${district === 'AL' ? 'at-large' : ordinal(Number(district))} district`;
}

/** One line from an office's parts: "Carl Elliott Building, 1710 Alabama Ave., 247, Jasper, AL 35501". */
const officeAddress = (o: Office) =>
  [o.building, o.address, o.suite, [o.city, [o.state, o.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ')]
    .filter(Boolean)
    .join(', ') || undefined;

const districtOffices = new Map<string, Office[]>();
if (args.offices) {
  const list = yaml.load(read(args.offices)) as { id: { bioguide: string }; offices?: Office[] }[];
  for (const entry of list) districtOffices.set(entry.id.bioguide, entry.offices ?? []);
}

const targets: Target[] = [];
const skippedMembers: string[] = [];
for (const member of yaml.load(read(args.legislators!)) as Legislator[]) {
  const term = member.terms.at(-1)!;
  const house = term.type === 'rep';
  if (!wanted(term.state) || (house ? chamber === 'senate' : chamber === 'house')) continue;
  const district = house ? (term.district ? String(term.district) : 'AL') : undefined;
  const area = district ? `${term.state}-${district}` : term.state;
  const title = !house
    ? `Senator, ${STATES[term.state]?.replace(/^the /, '') ?? term.state}`
    : TERRITORIES.has(term.state)
      ? `${term.state === 'PR' ? 'Resident Commissioner' : 'Delegate'}, ${area}`
      : `Representative, ${area}`;
  const local = (districtOffices.get(member.id.bioguide) ?? []).map((o) => ({
    name: o.city ? `${o.city} office` : 'District office',
    address: officeAddress(o),
    phone: o.phone,
    hours: o.hours,
  }));
  const phones = [
    ...(term.phone ? [{ label: 'Washington, DC office', number: term.phone }] : []),
    ...local.filter((o) => o.phone).map((o) => ({ label: o.name, number: o.phone!, hours: o.hours })),
  ];
  // A target needs a number to call: without one (a new member, not yet in the data), it is left out and listed.
  if (!phones.length) {
    skippedMembers.push(member.id.bioguide);
    continue;
  }
  const dc = term.address ?? term.office;
  targets.push({
    id: member.id.bioguide,
    name: member.name.official_full ?? `${member.name.first} ${member.name.last}`,
    title,
    photo: args.photos?.replace('{bioguide}', member.id.bioguide),
    // The DC office first, then one local office: enough to call; the rest are under `offices`.
    phones: phones.slice(0, 2),
    areas: [area],
    // Letters (kind: letter): most offices take mail only through their web form. No email is in this data.
    ...(/^https?:\/\//.test(term.contact_form ?? '') ? { contactForm: term.contact_form } : {}),
    offices: [...(dc ? [{ name: 'Washington, DC office', address: dc, phone: term.phone }] : []), ...local],
  });
}

const postcodes: Record<string, string[]> = {};
let skippedRows = 0;
/** The rows with the line each ends on (a quoted field may hold a line break). */
type Row = { record: string[]; info: InfoRecord };
const csv = (text: string): Row[] => {
  try {
    // With `info`, each row comes with where it was read (csv-parse's types do not model the option).
    const options = { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true };
    return parse(text, options) as unknown as Row[];
  } catch (error) {
    if (error instanceof CsvError) return fail(`${args.zips}: ${error.message}`);
    throw error;
  }
};
const [header, ...rows] = csv(read(args.zips!));
const columns: string[] = header?.record ?? [];
const col = (name: string) => columns.indexOf(name);
const [ST, ZCTA, CD] = [col('state_abbr'), col('zcta'), col('cd')];
if (ST < 0 || ZCTA < 0 || CD < 0)
  fail(`${args.zips}: expected the columns state_abbr, zcta and cd, found ${columns.join(',')}`);
rows.forEach(({ record: fields, info }) => {
  if (fields.length !== columns.length)
    fail(`${args.zips}:${info.lines}: ${fields.length} fields, expected ${columns.length}`);
  const state = fields[ST];
  if (!wanted(state)) return;
  const cd = /^\d+$/.test(fields[CD]) ? Number(fields[CD]) : NaN;
  if (!(cd >= 0 && cd <= 98 && cd !== 99)) return void skippedRows++;
  const area = chamber === 'senate' ? state : `${state}-${cd === 0 || cd === 98 ? 'AL' : cd}`;
  const list = (postcodes[postcodeKey(fields[ZCTA])] ??= []);
  if (!list.includes(area)) list.push(area);
});

const areaNames: Record<string, string> = {};
for (const area of [...targets.flatMap((t) => t.areas), ...Object.values(postcodes).flat()].sort())
  areaNames[area] ??= areaName(area);

const parsed = TargetsFile.safeParse({ targets, postcodes, areaNames });
if (!parsed.success) fail(`the output does not validate:\n${parsed.error.message}`);
writeFileSync(args.out!, `${JSON.stringify(parsed.data)}\n`);

const several = Object.values(postcodes).filter((areas) => areas.length > 1).length;
const summary = {
  out: args.out,
  targets: targets.length,
  house: targets.filter((t) => t.areas[0].includes('-')).length,
  senate: targets.filter((t) => !t.areas[0].includes('-')).length,
  postcodes: Object.keys(postcodes).length,
  postcodesInSeveralAreas: several,
  skippedRows,
  skippedMembers,
  ms: Math.round(performance.now() - started),
};
console.log(JSON.stringify(summary));
