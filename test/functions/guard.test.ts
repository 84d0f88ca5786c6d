/** The abuse defenses (functions/guard/), through the real app and store; the clock is the test's. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardFromEnv } from '../../functions/guard/config.ts';
import { issueToken, macKey, verifyToken } from '../../functions/guard/token.ts';
import {
  defaults,
  fakeSiteverify,
  type FakeSiteverify,
  guardedApp,
  HUMAN_ANSWER,
  openStore,
  signing,
  START,
} from './guard-fixtures.ts';

let siteverify: FakeSiteverify;
beforeAll(async () => void (siteverify = await fakeSiteverify()));
afterAll(() => siteverify.close());

const captcha = () => ({
  captcha: {
    provider: 'turnstile' as const,
    siteKey: 'test-site-key',
    secret: 'test-captcha-secret',
    verifyUrl: siteverify.url,
  },
});

describe('render token', () => {
  it('verifies what it signed, for its campaign only, and refuses any change', async () => {
    const key = await macKey('s3cret');
    const token = await issueToken(key, 'library', START, 3000);
    expect(await verifyToken(key, 'library', token)).toMatchObject({ issued: START, minFillMs: 3000 });
    expect(await verifyToken(key, 'crossing', token)).toBeNull();
    expect(await verifyToken(await macKey('other'), 'library', token)).toBeNull();
    const [, fill, nonce, mac] = token.split('.');
    expect(await verifyToken(key, 'library', [START - 60_000, fill, nonce, mac].join('.'))).toBeNull();
    expect(await verifyToken(key, 'library', [START, 0, nonce, mac].join('.'))).toBeNull();
    expect(await verifyToken(key, 'library', `${token.slice(0, -2)}AA`)).toBeNull();
    expect(await verifyToken(key, 'library', 'not.a.token')).toBeNull();
  });

  it('comes with GET /api/campaigns/:slug, never cached', async () => {
    const { app } = await guardedApp();
    const res = await app.request('http://localhost/api/campaigns/library');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const { token } = await res.json();
    expect(token).toMatch(/^\d+\.3000\.[\w-]+\.[\w-]+$/);
  });
});

describe.each(['sqlite', 'postgres'] as const)('guarded actions on %s', (dialect) => {
  it('accepts a person who took longer than the min fill time; refuses sooner with 429 and Retry-After', async () => {
    const g = await guardedApp({ dialect });
    const token = await g.token();
    g.wait(1200);
    const early = await g.send('library/signatures', signing(token));
    expect(early.status).toBe(429);
    expect(early.headers.get('Retry-After')).toBe('2');
    expect((await early.json()).error.code).toBe('too_fast');
    g.wait(1800);
    const res = await g.send('library/signatures', signing(token));
    expect(res.status).toBe(201);
    expect(await g.store.count('library')).toBe(1);
  });

  it('refuses a missing or expired token (fetch a fresh one) and a forged one (reload)', async () => {
    const g = await guardedApp({ dialect });
    const none = await g.send('library/signatures', signing(undefined));
    expect([none.status, (await none.json()).error.code]).toEqual([403, 'token_expired']);
    const token = await g.token();
    const forged = await g.send('library/signatures', signing(token.replace(/\.\d+\./, '.0.')));
    expect([forged.status, (await forged.json()).error.code]).toEqual([403, 'token_invalid']);
    const other = await g.token('crossing');
    g.wait(5000);
    const wrongCampaign = await g.send('library/signatures', signing(other));
    expect((await wrongCampaign.json()).error.code).toBe('token_invalid');
    g.wait(24 * 3600_000);
    const old = await g.send('library/signatures', signing(token));
    expect([old.status, (await old.json()).error.code]).toEqual([403, 'token_expired']);
    expect(await g.store.count('library')).toBe(0);
  });

  it('lets one token serve a family, paced like people, not a sixth person nor a replay under a new key', async () => {
    const g = await guardedApp({ dialect, guard: { burst: { limit: 10, windowMs: 10_000 } } });
    const token = await g.token();
    g.wait(3000);
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      const res = await g.send('library/signatures', signing(token, `${name}@example.org`), { key: `k-${name}` });
      expect(res.status, name).toBe(201);
      // The same submission again (a lost answer) is a replay, not a new use.
      expect(
        (await g.send('library/signatures', signing(token, `${name}@example.org`), { key: `k-${name}` })).status,
      ).toBe(200);
      g.wait(3000);
    }
    const sixth = await g.send('library/signatures', signing(token, 'f@example.org'));
    expect((await sixth.json()).error.code).toBe('token_expired');
    const replay = await g.send('library/signatures', signing(token, 'a@example.org'), { key: 'another-key' });
    expect((await replay.json()).error.code).toBe('token_expired');
    expect(await g.store.count('library')).toBe(5);
  });

  it('uses a token up when it is fired in a loop: too fast, then expired', async () => {
    const g = await guardedApp({ dialect, guard: { burst: { limit: 100, windowMs: 10_000 } } });
    const token = await g.token();
    g.wait(3000);
    const codes = [];
    for (let n = 0; n < 7; n++) {
      const res = await g.send('library/signatures', signing(token, `loop${n}@example.org`));
      codes.push(res.ok ? res.status : (await res.json()).error.code);
      g.wait(100);
    }
    expect(codes).toEqual([201, 'too_fast', 'too_fast', 'too_fast', 'too_fast', 'token_expired', 'token_expired']);
    expect(await g.store.count('library')).toBe(1);
  });

  it('resends with a fresh token under the same idempotency key: the same submission, counted once', async () => {
    const g = await guardedApp({ dialect });
    const first = await g.token();
    g.wait(3000);
    expect((await g.send('library/signatures', signing(first), { key: 'queued-1' })).status).toBe(201);
    // Hours later (queued offline), the widget fetched a fresh token.
    g.wait(5 * 3600_000);
    const fresh = await g.token();
    g.wait(3000);
    const again = await g.send('library/signatures', signing(fresh), { key: 'queued-1' });
    expect(again.status).toBe(200);
    expect(await g.store.count('library')).toBe(1);
  });

  it('answers a filled honeypot with a success that stores nothing', async () => {
    const g = await guardedApp({ dialect });
    const token = await g.token();
    g.wait(3000);
    const res = await g.send(
      'library/signatures',
      signing(token, 'bot@example.org', { website: 'http://spam.example' }),
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ duplicate: false, count: 0, nextAsk: null });
    expect(body.signature.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await g.store.count('library')).toBe(0);
    expect(await g.store.supporterByEmail('bot@example.org')).toBeNull();
    expect(await g.store.outboxEvents(10)).toEqual([]);
  });

  it('limits per IP and per email within one campaign, with Retry-After, and not across campaigns', async () => {
    const g = await guardedApp({
      dialect,
      guard: {
        perIp: { limit: 3, windowMs: 600_000 },
        perEmail: { limit: 2, windowMs: 3600_000 },
        burst: { limit: 100, windowMs: 10_000 },
      },
    });
    const sign = async (slug: string, email: string, ip: string) => {
      const token = await g.token(slug, ip);
      g.wait(3000);
      return g.send(`${slug}/signatures`, signing(token, email), { ip });
    };
    for (const n of [1, 2, 3]) {
      const res = await sign('library', `p${n}@example.org`, '203.0.113.9');
      expect([res.status, n, (await res.json()).error]).toEqual([201, n, undefined]);
    }
    const fourth = await sign('library', 'p4@example.org', '203.0.113.9');
    expect(fourth.status).toBe(429);
    expect((await fourth.json()).error.code).toBe('rate_limited');
    const retryAfter = Number(fourth.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // Another campaign from the same address is its own count.
    expect((await sign('crossing', 'p4@example.org', '203.0.113.9')).status).toBe(201);
    // The same email from other addresses: twice, then 429.
    expect((await sign('library', 'same@example.org', '192.0.2.1')).status).toBe(201);
    expect((await sign('library', 'same@example.org', '192.0.2.2')).status).toBe(200);
    expect((await sign('library', 'same@example.org', '192.0.2.3')).status).toBe(429);
    g.wait(retryAfter * 1000);
    expect((await sign('library', 'p4@example.org', '203.0.113.9')).status).toBe(201);
    expect(await g.store.count('library')).toBe(5);
  });

  it('leaves nothing behind when it refuses: no count, no supporter, no outbox event', async () => {
    const g = await guardedApp({
      dialect,
      guard: { perIp: { limit: 1, windowMs: 600_000 }, burst: { limit: 100, windowMs: 10_000 } },
    });
    const token = await g.token();
    const refusals: [string, Promise<Response>][] = [
      ['too_fast', g.send('library/signatures', signing(token, 'r1@example.org'))],
      ['token_expired', g.send('library/signatures', signing(undefined, 'r2@example.org'))],
      ['token_invalid', g.send('library/signatures', signing(`${token}x`, 'r3@example.org'))],
    ];
    for (const [code, response] of refusals) expect((await (await response).json()).error.code).toBe(code);
    g.wait(3000);
    const other = await g.token('library', '192.0.2.99');
    g.wait(3000);
    expect((await g.send('library/signatures', signing(other, 'ok@example.org'), { ip: '192.0.2.99' })).status).toBe(
      201,
    );
    const limited = await g.send('library/signatures', signing(token, 'r4@example.org'), { ip: '192.0.2.99' });
    expect((await limited.json()).error.code).toBe('rate_limited');
    expect(await g.store.count('library')).toBe(1);
    for (const n of [1, 2, 3, 4]) expect(await g.store.supporterByEmail(`r${n}@example.org`)).toBeNull();
    expect((await g.store.outboxEvents(10)).map((event) => event.type)).toHaveLength(1);
  });

  it('counts no resend and no refusal before the limits against them, only what gets through', async () => {
    const g = await guardedApp({
      dialect,
      guard: { tokenUses: 2, perIp: { limit: 4, windowMs: 600_000 }, burst: { limit: 100, windowMs: 10_000 } },
    });
    const ta = await g.token();
    g.wait(3000);
    expect((await g.send('library/signatures', signing(ta, 'a@example.org'), { key: 'k-a' })).status).toBe(201);
    // The answer was lost: the outbox resends under the recorded key, with the same token, then with a fresh one.
    for (let n = 0; n < 3; n++) {
      expect((await g.send('library/signatures', signing(ta, 'a@example.org'), { key: 'k-a' })).status).toBe(200);
    }
    const fresh = await g.token();
    g.wait(3000);
    expect((await g.send('library/signatures', signing(fresh, 'a@example.org'), { key: 'k-a' })).status).toBe(200);
    // No idempotency key: the same token and body again is the same submission (its key is the body's hash).
    const tb = await g.token();
    g.wait(3000);
    expect((await g.send('library/signatures', signing(tb, 'b@example.org'))).status).toBe(201);
    for (let n = 0; n < 3; n++) {
      expect((await g.send('library/signatures', signing(tb, 'b@example.org'))).status).toBe(200);
    }
    // Refused before the limits, by the token's own checks (no token; too young) and by its reuse rules, which the
    // store applies with the look that counts (the same person under a new key; the next person too soon; the
    // token used up, by b and by the claim of the one who came too soon).
    const tc = await g.token();
    const refused = [
      await g.send('library/signatures', signing(undefined, 'c@example.org')),
      await g.send('library/signatures', signing(tc, 'c@example.org')),
      await g.send('library/signatures', signing(tb, 'b@example.org'), { key: 'another-key' }),
      await g.send('library/signatures', signing(tb, 'x@example.org')),
    ];
    g.wait(3000);
    refused.push(await g.send('library/signatures', signing(tb, 'y@example.org')));
    const codes = await Promise.all(refused.map(async (res) => (await res.json()).error.code));
    expect(codes).toEqual(['token_expired', 'too_fast', 'token_expired', 'too_fast', 'token_expired']);
    // So the address has used two of its four: two more get through, the next is limited.
    expect((await g.send('library/signatures', signing(tc, 'c@example.org'))).status).toBe(201);
    const td = await g.token();
    g.wait(3000);
    expect((await g.send('library/signatures', signing(td, 'd@example.org'))).status).toBe(201);
    const te = await g.token();
    g.wait(3000);
    const limited = await g.send('library/signatures', signing(te, 'e@example.org'));
    expect((await limited.json()).error.code).toBe('rate_limited');
    expect(await g.store.count('library')).toBe(4);
  });

  it('refuses a disposable email with a field error when there is no CAPTCHA; nothing is stored', async () => {
    const g = await guardedApp({ dialect, guard: { disposable: 'refuse' } });
    const token = await g.token();
    g.wait(3000);
    const res = await g.send('library/signatures', signing(token, 'someone@guerrillamail.com'));
    expect(res.status).toBe(422);
    expect((await res.json()).error.codes).toEqual({ 'person.email': 'disposable_email' });
    expect(await g.store.count('library')).toBe(0);
    expect(await g.store.supporterByEmail('someone@guerrillamail.com')).toBeNull();
  });
});

describe('client IP', () => {
  const burstOf = async (trustProxy: boolean | string, headers: (n: number) => Record<string, string>) => {
    const g = await guardedApp({ guard: { trustProxy, burst: { limit: 1, windowMs: 60_000 } } });
    const statuses = [];
    for (let n = 0; n < 4; n++) {
      const token = await g.token();
      g.wait(3000);
      const res = await g.send('library/signatures', signing(token, `x${n}@example.org`), { headers: headers(n) });
      statuses.push(res.status);
    }
    return statuses;
  };

  it('ignores a forged X-Forwarded-For unless the proxy is trusted', async () => {
    // 1 a minute from one address: rotating X-Forwarded-For does not make new addresses.
    expect(await burstOf(false, (n) => ({ 'X-Forwarded-For': `10.0.0.${n}` }))).toEqual([201, 429, 429, 429]);
    // Behind our proxy, its last hop is the client; what the client put before it is not trusted.
    expect(await burstOf(true, (n) => ({ 'X-Forwarded-For': `6.6.6.6, 10.0.0.${n}` }))).toEqual([201, 201, 201, 201]);
    expect(await burstOf(true, (n) => ({ 'X-Forwarded-For': `10.0.0.${n}, 192.0.2.50` }))).toEqual([
      201, 429, 429, 429,
    ]);
    expect(await burstOf('cf-connecting-ip', (n) => ({ 'CF-Connecting-IP': `10.0.1.${n}` }))).toEqual([
      201, 201, 201, 201,
    ]);
  });
});

describe('CAPTCHA when the risk is high', () => {
  it('asks for one on a burst, verifies it with the provider, and passes a person', async () => {
    const g = await guardedApp({ guard: captcha() });
    const first = await g.token();
    g.wait(3000);
    expect((await g.send('library/signatures', signing(first, 'one@example.org'))).status).toBe(201);
    const token = await g.token();
    g.wait(3000);
    const asked = await g.send('library/signatures', signing(token, 'two@example.org'));
    expect(asked.status).toBe(403);
    expect((await asked.json()).error).toMatchObject({
      code: 'captcha_required',
      captcha: { provider: 'turnstile', siteKey: 'test-site-key' },
    });
    const wrong = await g.send('library/signatures', signing(token, 'two@example.org', { captcha: 'made-up' }));
    expect((await wrong.json()).error.code).toBe('captcha_required');
    const before = siteverify.received.length;
    const res = await g.send('library/signatures', signing(token, 'two@example.org', { captcha: HUMAN_ANSWER }));
    expect(res.status).toBe(201);
    const form = siteverify.received[before];
    expect([form.get('secret'), form.get('response'), form.get('remoteip')]).toEqual([
      'test-captcha-secret',
      HUMAN_ANSWER,
      '198.51.100.1',
    ]);
    expect(await g.store.count('library')).toBe(2);
  });

  it('asks when there is no Origin (not a browser)', async () => {
    const g = await guardedApp({ guard: captcha() });
    const token = await g.token();
    g.wait(3000);
    const res = await g.send('library/signatures', signing(token), { headers: { Origin: '' } });
    expect((await res.json()).error.code).toBe('captcha_required');
  });

  it('on an outage, lets a soft risk through and holds a strong one for later (503, Retry-After)', async () => {
    const g = await guardedApp({ guard: captcha() });
    siteverify.mode = 'down';
    try {
      const token = await g.token();
      g.wait(3000);
      const disposable = await g.send(
        'library/signatures',
        signing(token, 'x@guerrillamail.com', { captcha: HUMAN_ANSWER }),
      );
      expect(disposable.status).toBe(503);
      expect(disposable.headers.get('Retry-After')).toBe('60');
      expect((await disposable.json()).error.code).toBe('captcha_unavailable');
      siteverify.mode = 'garbled';
      const soft = await g.send('library/signatures', signing(token, 'y@example.org', { captcha: HUMAN_ANSWER }), {
        headers: { Origin: '' },
      });
      expect(soft.status).toBe(201);
    } finally {
      siteverify.mode = 'up';
    }
    expect(await g.store.count('library')).toBe(1);
  });

  it('passes a disposable email with a solved CAPTCHA under the captcha policy', async () => {
    const g = await guardedApp({ guard: captcha() });
    const token = await g.token();
    g.wait(3000);
    const asked = await g.send('library/signatures', signing(token, 'x@guerrillamail.com'));
    expect((await asked.json()).error.code).toBe('captcha_required');
    const res = await g.send('library/signatures', signing(token, 'x@guerrillamail.com', { captcha: HUMAN_ANSWER }));
    expect(res.status).toBe(201);
  });
});

describe('canvasser batches', () => {
  it('take many responses on one token at once; each item is guarded', async () => {
    const g = await guardedApp();
    const token = await g.token('block-survey');
    g.wait(3000);
    const response = (n: number) => ({
      person: { givenName: 'R', familyName: `${n}`, email: `r${n}@example.org` },
      answers: { housing: 'own' },
      consent: { contact: false },
      canvass: { canvasser: 'Mo', collectedAt: new Date(START).toISOString() },
      token,
    });
    const items = Array.from({ length: 40 }, (_, n) => ({ key: `c-${n}`, response: response(n) }));
    items.push({ key: 'bot', response: { ...response(99), website: 'x' } as never });
    const res = await g.send('block-survey/responses/batch', { responses: items });
    const { results, error } = await res.json();
    expect(error).toBeUndefined();
    expect(results.filter((r: { status: number }) => r.status === 201)).toHaveLength(41);
    expect(await g.store.count('block-survey')).toBe(40);
  });
});

describe('configuration', () => {
  it('keeps a made-up secret in the database when LADDER_SECRET is unset; reads the knobs', async () => {
    const store = await openStore('sqlite');
    const first = await guardFromEnv({}, store);
    const again = await guardFromEnv({}, store);
    expect(first.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(again.secret).toBe(first.secret);
    expect(first).toMatchObject({ ...defaults(), secret: first.secret });
    const set = await guardFromEnv(
      { LADDER_SECRET: 's', LADDER_MIN_FILL_MS: '0', LADDER_RATE_IP: '5/60', LADDER_TRUST_PROXY: '1' },
      store,
    );
    expect(set).toMatchObject({ secret: 's', minFillMs: 0, perIp: { limit: 5, windowMs: 60_000 }, trustProxy: true });
    await expect(guardFromEnv({ LADDER_RATE_IP: 'lots' }, store)).rejects.toThrow(/LADDER_RATE_IP/);
    await expect(guardFromEnv({ LADDER_CAPTCHA_PROVIDER: 'recaptcha' }, store)).rejects.toThrow(/turnstile/);
  });
});
