/** Phone numbers, normalized to E.164 with libphonenumber-js (server side only: its metadata is ~80 KB). */
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/** `+14155550100`, or null when it is not a valid number (a number without +code is read as `region`'s). */
export function e164(text: string, region?: string): string | null {
  const number = parsePhoneNumberFromString(text, region as CountryCode | undefined);
  return number?.isValid() ? number.number : null;
}
