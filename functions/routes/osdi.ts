/**
 * A campaign's people as OSDI clients read them (https://opensupporter.github.io/osdi-docs/people.html): a HAL
 * collection (`application/hal+json`) with `_links` (self, next, prev, one `osdi:people` per person), the people in
 * `_embedded`, and OSDI's paging fields. Each person once, under `ladder:<supporterId>`, the identifier the
 * webhooks and the Action Network sink carry too, so a CRM that de-duplicates by identifier keeps one record.
 */
import * as z from 'zod';
import { ladderIdentifier } from '../outbox/sink.ts';
import type { ExportPerson } from '../store/types.ts';

/** `?page=` (from 1) and `?per_page=` (25 as in OSDI's examples; more than 100 is served as 100). */
export const OsdiPaging = z.object({
  page: z.coerce.number({ error: 'invalid' }).int('invalid').min(1, 'invalid').default(1),
  per_page: z.coerce
    .number({ error: 'invalid' })
    .int('invalid')
    .min(1, 'invalid')
    .default(25)
    .transform((n) => Math.min(n, 100)),
});

export const HAL = { 'Content-Type': 'application/hal+json; charset=UTF-8' };

const CURIES = [{ name: 'osdi', href: 'https://opensupporter.github.io/osdi-docs/{rel}.html', templated: true }];

/** `href`: where this person is served (`GET …/campaigns/<slug>/people/<supporterId>`). */
export function osdiPerson(person: ExportPerson, campaign: string, href: string) {
  return {
    identifiers: [ladderIdentifier(person.supporterId)],
    origin_system: 'Ladder',
    created_date: person.createdAt,
    modified_date: person.modifiedAt,
    given_name: person.givenName,
    family_name: person.familyName,
    email_addresses: person.email
      ? [{ address: person.email, primary: true, status: person.consentContact ? 'subscribed' : 'unsubscribed' }]
      : [],
    postal_addresses: person.postcode ? [{ primary: true, postal_code: person.postcode }] : [],
    phone_numbers: person.phone ? [{ primary: true, number: person.phone, sms_capable: !!person.consentSms }] : [],
    // OSDI custom fields are strings.
    custom_fields: { ladder_campaign: campaign, ladder_rung: person.rung, ladder_actions: String(person.actions) },
    _links: { self: { href } },
  };
}

/** The collection for one page; `url` is the request's (its other query parameters are kept in the links). */
export function osdiPeople(
  found: { total: number; people: ExportPerson[] },
  paging: z.infer<typeof OsdiPaging>,
  campaign: string,
  url: URL,
) {
  const { page, per_page } = paging;
  const totalPages = Math.ceil(found.total / per_page);
  const at = (n: number) => {
    const link = new URL(url);
    link.searchParams.set('page', String(n));
    link.searchParams.set('per_page', String(per_page));
    return { href: link.href };
  };
  const people = found.people.map((person) =>
    osdiPerson(person, campaign, new URL(`people/${person.supporterId}`, url).href),
  );
  return {
    total_pages: totalPages,
    per_page,
    page,
    total_records: found.total,
    _links: {
      self: at(page),
      ...(page < totalPages ? { next: at(page + 1) } : {}),
      ...(page > 1 ? { prev: at(Math.min(page - 1, Math.max(totalPages, 1))) } : {}),
      'osdi:people': people.map((person) => person._links.self),
      curies: CURIES,
    },
    _embedded: { 'osdi:people': people },
  };
}
