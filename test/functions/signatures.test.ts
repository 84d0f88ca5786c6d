import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../schema/limits.ts';
import { PARTNER, post, signature, testApp } from './fixtures.ts';

const URL_ = 'http://localhost/api/campaigns/library/signatures';

describe('POST /api/campaigns/:slug/signatures', () => {
  it('records the minimal body from the README: 201, counted, with share link and next ask', async () => {
    const { app } = await testApp();
    const res = await app.request(URL_, post(signature()));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      duplicate: false,
      count: 1,
      nextAsk: { slug: 'crossing', url: 'http://localhost/act/crossing/' },
    });
    expect(body.signature.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.shareUrl).toBe(`http://localhost/act/library/?ref=${body.referralCode}`);
    const campaign = await (await app.request('http://localhost/api/campaigns/library')).json();
    expect(campaign.count).toBe(1);
  });

  it('counts the same email once, whatever its case and spaces: the second is a 200 duplicate', async () => {
    const { app } = await testApp();
    const first = await (await app.request(URL_, post(signature()))).json();
    const res = await app.request(
      URL_,
      post(
        signature({ person: { givenName: 'Ada', familyName: 'L.', email: '  ADA@Example.ORG ', postcode: '94110' } }),
      ),
    );
    expect(res.status).toBe(200);
    const second = await res.json();
    expect(second).toMatchObject({ duplicate: true, count: 1, referralCode: expect.stringMatching(/^[a-z0-9]{8}$/) });
    // Not the signer's own code: knowing an email proves nothing (test/functions/identity.test.ts).
    expect(second.referralCode).not.toBe(first.referralCode);
    expect(second.signature.id).toBe(first.signature.id);
  });

  it('counts once when the same person signs many times at the same moment', async () => {
    const { app, store } = await testApp();
    const responses = await Promise.all(Array.from({ length: 20 }, () => app.request(URL_, post(signature()))));
    const statuses = responses.map((res) => res.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(19);
    expect(await store.count('library')).toBe(1);
    expect(await store.outboxEvents(100)).toHaveLength(1);
  });

  it('replays an Idempotency-Key with the stored response and refuses it for another body', async () => {
    const { app, store } = await testApp();
    const headers = { 'Idempotency-Key': 'c6b1f3c0-1d7e-4b59-9d44-7c0a4d6a0b11' };
    const first = await app.request(URL_, post(signature(), headers));
    const again = await app.request(URL_, post(signature(), headers));
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    const other = await app.request(URL_, post(signature({ comment: 'changed' }), headers));
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe('idempotency_mismatch');
    expect(await store.count('library')).toBe(1);
  });

  it('moves the next ask along once the supporter has done it, and skips closed or missing campaigns', async () => {
    const { app } = await testApp();
    await app.request('http://localhost/api/campaigns/crossing/signatures', post(signature()));
    const body = await (await app.request(URL_, post(signature()))).json();
    expect(body.nextAsk).toBeNull();
  });

  it('keeps markup, emoji and right-to-left text exactly as given', async () => {
    const { app, store } = await testApp();
    const person = {
      givenName: '<script>alert(1)</script>',
      familyName: 'مرحبا 👩🏽‍🔧',
      email: 'x@example.org',
      postcode: 'sw1a 1aa',
    };
    const res = await app.request(URL_, post(signature({ person, comment: '<b>bold</b>\nline two\t😀' })));
    expect(res.status).toBe(201);
    const [event] = await store.outboxEvents(1);
    const payload = event.payload as { person: Record<string, string>; comment: string };
    expect(payload.person).toEqual({ ...person, postcode: 'SW1A 1AA' });
    expect(payload.comment).toBe('<b>bold</b>\nline two\t😀');
  });
});

describe('bad input gets a clear 4xx and changes nothing', () => {
  const cases: [string, RequestInit, number, string, Record<string, string>?][] = [
    ['an empty body object', post({}), 422, 'invalid_input', { person: 'required', consent: 'required' }],
    [
      'a missing email',
      post(signature({ person: { givenName: 'A', familyName: 'B', postcode: '94110' } })),
      422,
      'invalid_input',
      { 'person.email': 'required' },
    ],
    [
      'an empty email',
      post(signature({ person: { givenName: 'A', familyName: 'B', email: '', postcode: '94110' } })),
      422,
      'invalid_input',
      { 'person.email': 'required' },
    ],
    [
      'a malformed email',
      post(signature({ person: { givenName: 'A', familyName: 'B', email: 'ada@', postcode: '94110' } })),
      422,
      'invalid_input',
      { 'person.email': 'invalid_email' },
    ],
    [
      'a blank name',
      post(signature({ person: { givenName: '   ', familyName: 'B', email: 'a@b.org', postcode: '94110' } })),
      422,
      'invalid_input',
      { 'person.givenName': 'required' },
    ],
    [
      'control characters in a name',
      post(
        signature({
          person: { givenName: 'A\u0000B', familyName: 'B\u001b[31m', email: 'a@b.org', postcode: '94110' },
        }),
      ),
      422,
      'invalid_input',
      { 'person.givenName': 'invalid_characters', 'person.familyName': 'invalid_characters' },
    ],
    [
      'a lone surrogate',
      post(
        '{"person":{"givenName":"\\ud800","familyName":"B","email":"a@b.org","postcode":"94110"},"consent":{"contact":false}}',
      ),
      422,
      'invalid_input',
      { 'person.givenName': 'invalid_characters' },
    ],
    [
      'a name too long',
      post(
        signature({
          person: { givenName: 'a'.repeat(LIMITS.name + 1), familyName: 'B', email: 'a@b.org', postcode: '94110' },
        }),
      ),
      422,
      'invalid_input',
      { 'person.givenName': 'too_long' },
    ],
    [
      'a bad postcode',
      post(signature({ person: { givenName: 'A', familyName: 'B', email: 'a@b.org', postcode: '<>' } })),
      422,
      'invalid_input',
      { 'person.postcode': 'invalid_postcode' },
    ],
    [
      'consent of the wrong type',
      post(signature({ consent: { contact: 'yes' } })),
      422,
      'invalid_input',
      { 'consent.contact': 'invalid' },
    ],
    ['a body that is not JSON', post('{"person":'), 400, 'invalid_json'],
    ['a JSON array', post('[1,2]'), 400, 'invalid_json'],
    ['JSON null', post('null'), 400, 'invalid_json'],
    [
      'a wrong content type',
      { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=b' },
      415,
      'unsupported_media_type',
    ],
    ['no content type', { method: 'POST', body: JSON.stringify(signature()) }, 415, 'unsupported_media_type'],
    [
      'a 10 MB body',
      post(JSON.stringify({ ...signature(), comment: 'x'.repeat(10 * 1024 * 1024) })),
      413,
      'payload_too_large',
    ],
    [
      'a bad Idempotency-Key',
      post(signature(), { 'Idempotency-Key': 'x'.repeat(200) }),
      422,
      'invalid_input',
      { 'Idempotency-Key': 'invalid' },
    ],
  ];
  for (const [name, init, status, code, codes] of cases) {
    it(name, async () => {
      const { app, store } = await testApp();
      const res = await app.request(URL_, init);
      expect(res.status).toBe(status);
      expect(res.headers.get('Content-Type')).toMatch(/application\/json/);
      const body = await res.json();
      expect(body.error.code).toBe(code);
      expect(typeof body.error.message).toBe('string');
      if (codes) {
        expect(body.error.codes).toEqual(codes);
        for (const path of Object.keys(codes)) expect(body.error.fields[path]).toMatch(/\w/);
      }
      expect(await store.count('library')).toBe(0);
      expect(await store.outboxEvents(10)).toEqual([]);
    });
  }

  it('answers a 10 MB body sent without Content-Length (streamed) with 413', async () => {
    const { app } = await testApp();
    const chunk = new TextEncoder().encode('x'.repeat(1024 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await app.request(
      new Request(URL_, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(res.status).toBe(413);
  });

  it('an unknown campaign is a 404, a closed one a 409', async () => {
    const { app } = await testApp();
    const missing = await app.request('http://localhost/api/campaigns/nope/signatures', post(signature()));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    const closed = await app.request('http://localhost/api/campaigns/closed-one/signatures', post(signature()));
    expect(closed.status).toBe(409);
    expect((await closed.json()).error.code).toBe('campaign_closed');
  });

  it('never answers 5xx to hostile strings in any field', async () => {
    const { app } = await testApp();
    const hostile = [
      '',
      ' ',
      '\u202e',
      '\ufeff',
      'null',
      'undefined',
      '0',
      '-1',
      '1e309',
      '{}',
      '[]',
      '"',
      "'; DROP TABLE supporters; --",
      '<img src=x onerror=alert(1)>',
      '=cmd|"/c calc"!A1',
      '+1',
      '@SUM(1)',
      '../../etc/passwd',
      '%00',
      '\\u0000',
      'ﷺ',
      '𝕿𝖍𝖊',
      '👨‍👩‍👧‍👦'.repeat(30),
      'a'.repeat(3000),
      'Ω≈ç√∫',
      '٠١٢٣٤٥٦٧٨٩',
      'שלום',
      '\r\n',
      '\u2028\u2029',
    ];
    for (const value of hostile) {
      for (const field of ['givenName', 'familyName', 'email', 'postcode']) {
        const person = { ...signature().person, [field]: value };
        const res = await app.request(
          URL_,
          post(signature({ person, comment: value, referrer: value, source: value })),
        );
        expect(res.status, `${field}=${JSON.stringify(value).slice(0, 40)}`).toBeLessThan(500);
      }
      for (const raw of [value, JSON.stringify(value), `{"person":${JSON.stringify(value)}}`]) {
        expect((await app.request(URL_, post(raw))).status).toBeLessThan(500);
      }
    }
  });
});

describe('origins', () => {
  it('accepts a partner on the allow-list and echoes it for CORS', async () => {
    const { app } = await testApp();
    const res = await app.request(URL_, post(signature(), { Origin: PARTNER }));
    expect(res.status).toBe(201);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(PARTNER);
  });

  it('refuses any other page with a readable 403 and stores nothing', async () => {
    const { app, store } = await testApp();
    const res = await app.request(URL_, post(signature(), { Origin: 'https://evil.example' }));
    expect(res.status).toBe(403);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://evil.example');
    expect((await res.json()).error.code).toBe('forbidden_origin');
    expect(await store.count('library')).toBe(0);
    const get = await app.request('http://localhost/api/campaigns/library', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(get.status).toBe(403);
  });

  it('accepts the site itself, servers with no Origin, and any page when partners is "*"', async () => {
    const { app } = await testApp();
    expect((await app.request(URL_, post(signature(), { Origin: 'http://localhost' }))).status).toBe(201);
    const serverSide = signature({ person: { ...signature().person, email: 'server@example.org' } });
    expect((await app.request(URL_, post(serverSide))).status).toBe(201);
    const open = await app.request(
      'http://localhost/api/campaigns/open-to-all/signatures',
      post(signature(), { Origin: 'https://any.example' }),
    );
    expect(open.status).toBe(201);
  });

  it('answers preflights', async () => {
    const { app } = await testApp();
    const res = await app.request(URL_, {
      method: 'OPTIONS',
      headers: {
        Origin: PARTNER,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(PARTNER);
    expect(res.headers.get('Access-Control-Allow-Headers')).toMatch(/Idempotency-Key/);
  });
});

describe('coalitions', () => {
  it("accept their partners' pages and show each partner's share of the total", async () => {
    const { app } = await testApp();
    const url = 'http://localhost/api/campaigns/coalition/signatures';
    const person = (email: string) => signature({ person: { ...signature().person, email } });
    await app.request(url, post(person('a@example.org'), { Origin: 'https://tenants.example' }));
    await app.request(url, post(person('b@example.org'), { Origin: 'https://tenants.example' }));
    await app.request(url, post(person('c@example.org'), { Origin: 'https://friends.example' }));
    await app.request(url, post(person('d@example.org')));
    const campaign = await (await app.request('http://localhost/api/campaigns/coalition')).json();
    expect(campaign.count).toBe(4);
    expect(campaign.coalition).toEqual([
      { name: 'Tenants Union', count: 2 },
      { name: 'Library Friends', count: 1 },
    ]);
  });
});

describe('GET /api/campaigns', () => {
  it('lists every campaign with its kind and live count, readable from any origin', async () => {
    const { app } = await testApp();
    await app.request(URL_, post(signature()));
    const res = await app.request('http://localhost/api/campaigns', { headers: { Origin: 'https://any.example' } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const { campaigns } = await res.json();
    expect(campaigns.map((c: { slug: string; kind: string }) => `${c.kind}:${c.slug}`)).toEqual([
      'survey:block-survey',
      'event:tenants-meeting',
      'event:cleanup',
      'call:call-council',
      'petition:library',
      'petition:crossing',
      'petition:closed-one',
      'petition:open-to-all',
      'petition:coalition',
    ]);
    expect(campaigns.find((c: { slug: string }) => c.slug === 'library')).toMatchObject({
      kind: 'petition',
      count: 1,
      goal: 100,
      url: 'http://localhost/act/library/',
    });
    expect(campaigns[0]).not.toHaveProperty('partners');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const { app } = await testApp();
    const res = await app.request('http://localhost/api/nothing');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});
