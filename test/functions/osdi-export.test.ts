/**
 * The OSDI export as a CRM reads it: one person per supporter under one identifier (`ladder:<supporterId>`, the
 * same in every campaign's export and in the events the sinks receive), as a paged HAL collection shaped like the
 * OSDI people examples. On SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, post, signature, testApp } from './fixtures.ts';
import { openStore } from './guard-fixtures.ts';

const API = 'http://localhost/api';
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

/**
 * Our own small fixture in the shape of the OSDI people collection example (osdi-docs people.md, "Retrieving a
 * collection of Person resources"): the fields Ladder can fill, with values of the example's types.
 */
const OSDI_EXAMPLE = {
  total_pages: 88,
  per_page: 25,
  page: 1,
  total_records: 2188,
  _links: {
    next: { href: 'https://osdi-sample-system.org/api/v1/people?page=2' },
    prev: { href: 'https://osdi-sample-system.org/api/v1/people?page=1' },
    'osdi:people': [{ href: 'https://osdi-sample-system.org/api/v1/people/d91b4b2e' }],
    curies: [{ name: 'osdi', href: 'https://osdi-sample-system.org/docs/v1/{rel}', templated: true }],
    self: { href: 'https://osdi-sample-system.org/api/v1/people' },
  },
  _embedded: {
    'osdi:people': [
      {
        identifiers: ['osdi_sample_system:d91b4b2e', 'foreign_system:1'],
        origin_system: 'OSDI Sample System',
        created_date: '2014-03-20T21:04:31Z',
        modified_date: '2014-03-20T21:04:31Z',
        given_name: 'John',
        family_name: 'Smith',
        postal_addresses: [{ primary: true, address_type: 'Home', postal_code: '20009', country: 'US' }],
        email_addresses: [
          { primary: true, address: 'johnsmith@mail.com', address_type: 'Personal', status: 'subscribed' },
        ],
        phone_numbers: [{ primary: true, number: '11234567890', number_type: 'Work', sms_capable: false }],
        custom_fields: { is_volunteer: 'true', most_important_issue: 'Equal pay' },
        _links: { self: { href: 'https://osdi-sample-system.org/api/v1/people/d91b4b2e' } },
      },
    ],
  },
};

/** Every field of `actual` exists in `example` with the same JSON type, recursively (arrays: against the first). */
function expectShape(actual: unknown, example: unknown, path = '$'): void {
  const kind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  expect(kind(actual), path).toBe(kind(example));
  if (Array.isArray(actual)) {
    for (const item of actual) expectShape(item, (example as unknown[])[0], `${path}[]`);
  } else if (kind(actual) === 'object') {
    const shape = example as Record<string, unknown>;
    // custom_fields are the system's own: any name, string values.
    const open = path.endsWith('.custom_fields');
    for (const [key, value] of Object.entries(actual as Record<string, unknown>)) {
      if (open) expect(typeof value, `${path}.${key}`).toBe('string');
      else {
        expect(Object.keys(shape), `${path} has no field ${key} in the OSDI example`).toContain(key);
        expectShape(value, shape[key], `${path}.${key}`);
      }
    }
  }
}

const ada = { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', postcode: '94110' };
const grace = { givenName: 'Grace', familyName: 'Hopper', email: 'grace@example.org', postcode: '94112' };

describe.each(['sqlite', 'postgres'] as const)('the OSDI export on %s', (dialect) => {
  async function seeded() {
    const store = await openStore(dialect);
    const { app } = await testApp(store);
    const call = (target: string, person: typeof ada, contact: boolean) =>
      app.request(
        `${API}/campaigns/call-council/calls`,
        post({ target, outcome: 'voicemail', postcode: person.postcode, person, consent: { contact } }),
      );
    // Ada called twice and signed a petition; Grace called once.
    expect((await call('mayor', ada, true)).status).toBe(201);
    expect((await call('ward-1', ada, true)).status).toBe(201);
    expect((await call('mayor', grace, false)).status).toBe(201);
    expect((await app.request(`${API}/campaigns/library/signatures`, post(signature({ person: ada })))).status).toBe(
      201,
    );
    const get = async (path: string) => {
      const res = await app.request(path.startsWith('http') ? path : `${API}/admin/${path}`, { headers: auth });
      return { res, body: res.status === 200 ? await res.json() : null };
    };
    return { store, get };
  }

  it('names each person once, as ladder:<supporterId>, in every campaign and in the events sinks receive', async () => {
    const { store, get } = await seeded();
    try {
      const { res, body } = await get('campaigns/call-council/export.osdi.json');
      expect(res.headers.get('Content-Type')).toMatch(/^application\/hal\+json/);
      const people = body._embedded['osdi:people'];
      expect(people.map((p: { given_name: string }) => p.given_name)).toEqual(['Ada', 'Grace']);
      expect(body.total_records).toBe(2);
      // The supporter id every event about Ada carries: her two calls and her signature.
      const events = await store.outboxEvents(10);
      const adaIds = new Set(
        events
          .filter((e) => (e.payload as { person?: { email?: string } }).person?.email === 'ada@example.org')
          .map((e) => (e.payload as { supporterId: string }).supporterId),
      );
      expect(adaIds.size).toBe(1);
      expect(people[0].identifiers).toEqual([`ladder:${[...adaIds][0]}`]);
      expect(people[0].custom_fields).toMatchObject({ ladder_actions: '2', ladder_campaign: 'call-council' });
      expect(people[0].email_addresses).toEqual([{ address: 'ada@example.org', primary: true, status: 'subscribed' }]);
      expect(people[1].email_addresses[0].status).toBe('unsubscribed');
      // Another campaign's export: the same identifier for Ada.
      const library = (await get('campaigns/library/export.osdi.json')).body._embedded['osdi:people'];
      expect(library.map((p: { identifiers: string[] }) => p.identifiers)).toEqual([people[0].identifiers]);
      // Each person's link answers that person.
      const [link] = body._links['osdi:people'];
      const one = await get(link.href);
      expect(one.res.headers.get('Content-Type')).toMatch(/^application\/hal\+json/);
      expect(one.body).toEqual(people[0]);
    } finally {
      await store.close();
    }
  });

  it('pages by ?page= and ?per_page= with HAL links, in the OSDI example’s shape', async () => {
    const { store, get } = await seeded();
    try {
      const first = (await get('campaigns/call-council/export.osdi.json?per_page=1')).body;
      expect(first).toMatchObject({ total_pages: 2, per_page: 1, page: 1, total_records: 2 });
      expect(first._embedded['osdi:people']).toHaveLength(1);
      expect(first._links.prev).toBeUndefined();
      expect(first._links['osdi:people']).toHaveLength(1);
      expect(new URL(first._links.self.href).searchParams.get('page')).toBe('1');
      expectShape(first, OSDI_EXAMPLE);
      const second = (await get(first._links.next.href)).body;
      expect(second).toMatchObject({ total_pages: 2, per_page: 1, page: 2, total_records: 2 });
      expect(second._links.next).toBeUndefined();
      expect(new URL(second._links.prev.href).searchParams.get('page')).toBe('1');
      expect(second._embedded['osdi:people'][0].given_name).toBe('Grace');
      expectShape(second, OSDI_EXAMPLE);
      // A page size over the maximum is served at the maximum, and says so.
      expect((await get('campaigns/call-council/export.osdi.json?per_page=100000')).body.per_page).toBe(100);
      // Past the last page: no one, and the totals still right.
      const past = (await get('campaigns/call-council/export.osdi.json?page=9')).body;
      expect(past).toMatchObject({ page: 9, total_records: 2, _embedded: { 'osdi:people': [] } });
      for (const bad of ['page=0', 'page=two', 'per_page=-1', 'per_page=1.5']) {
        const { res } = await get(`campaigns/call-council/export.osdi.json?${bad}`);
        expect(res.status, bad).toBe(422);
        expect((await res.json()).error.code).toBe('invalid_input');
      }
      expect((await get('campaigns/call-council/people/not-a-uuid')).res.status).toBe(404);
    } finally {
      await store.close();
    }
  });
});
