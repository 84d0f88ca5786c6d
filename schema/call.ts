/**
 * Calls to representatives: who to call (targets), where they answer (phones, offices, hours), whom each postcode
 * reaches (areas), and what to say (the script).
 *
 * Areas are ids such as `CA-12` (a district) or `CA` (a state): a target for `CA` is reached from every postcode in
 * `CA-…`. A target with no areas is for everyone (a mayor, a CEO).
 */
import * as z from 'zod';
import { id, required, strict } from './authoring.ts';

export const OUTCOMES = ['contact', 'voicemail', 'unavailable', 'skipped'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Outcomes after which a target is done; "unavailable" is offered again later. */
export const DONE_OUTCOMES: readonly Outcome[] = ['contact', 'voicemail', 'skipped'];

const phone = strict({
  label: z.string().optional(),
  number: required('give the phone number:'),
  /** e.g. "Mon-Fri 9am-5pm ET". */
  hours: z.string().optional(),
});

export const Target = strict({
  id: id('target'),
  name: required('give the target a name:'),
  /** Their role: "Representative, CA-12", "Mayor". */
  title: required('give the target a title: (their role)'),
  photo: z.url({ protocol: /^https?$/ }).optional(),
  phones: z.array(phone).min(1, 'give at least one phone: to call'),
  /** Letters (`kind: letter`): the address the server delivers to, or the official web form to send people to. */
  email: z.email('email: must be an email address').optional(),
  contactForm: z.url({ protocol: /^https?$/, error: 'contactForm: must be a web address (https://…)' }).optional(),
  /** The target's time zone for letters' sending window, e.g. America/New_York (else the campaign's). */
  timezone: z.string().optional(),
  areas: z.array(z.string()).default([]),
  offices: z
    .array(
      strict({
        name: required('name the office'),
        address: z.string().optional(),
        phone: z.string().optional(),
        hours: z.string().optional(),
      }),
    )
    .default([]),
});
export type Target = z.output<typeof Target>;

/** What `npm run import-targets` writes, and what a campaign's `targetsFile` holds. */
export const TargetsFile = z.object({
  targets: z.array(Target),
  /** Postcode to the areas it lies in (several when it straddles districts). */
  postcodes: z.record(z.string(), z.array(z.string())),
  /** Area id to a name people recognize: "California's 12th district". */
  areaNames: z.record(z.string(), z.string()).default({}),
});
export type TargetsFile = z.output<typeof TargetsFile>;

export const CallSection = strict(
  {
    /** What to say. `{target}` becomes the target's name, `{title}` their role. */
    script: required('write the call script:'),
    targets: z.array(Target).default([]),
    /** A JSON file made by `npm run import-targets`, beside the campaign file (or a path from it). */
    targetsFile: z.string().optional(),
    /** Hand-written: postcode to areas. */
    postcodes: z.record(z.string(), z.array(z.string())).default({}),
    areaNames: z.record(z.string(), z.string()).default({}),
  },
  'add a call: section with script: and targets: (or targetsFile:)',
).refine((call) => call.targets.length || call.targetsFile, 'list targets: or give a targetsFile:');
export type CallSection = z.output<typeof CallSection>;

/** Postcodes as keys: upper case, no spaces (`sw1a 1aa` and `SW1A1AA` are one). */
export const postcodeKey = (postcode: string): string => postcode.toUpperCase().replace(/\s+/g, '');

/** Whether a target for `targetArea` is reached from `area` (`CA` reaches `CA-12`). */
export const reaches = (targetArea: string, area: string): boolean =>
  area === targetArea || area.startsWith(`${targetArea}-`);

/** The script with the target filled in. */
export const fillScript = (script: string, target: { name: string; title: string }): string =>
  script.replaceAll('{target}', target.name).replaceAll('{title}', target.title);

/** What `GET /api/campaigns/<slug>/targets?postcode=` answers. */
export interface TargetLookup {
  postcode: string;
  /** The areas the postcode lies in. */
  areas: { id: string; name: string }[];
  /** More than one area and none chosen: ask the supporter which (then `&area=`). */
  choose: boolean;
  /** The postcode is in no known area: only targets for everyone are listed. */
  unknown: boolean;
  targets: (Omit<Target, 'areas'> & { script: string })[];
}
