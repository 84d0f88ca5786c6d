/**
 * The bot corpus: scripted behaviours, each run 200 times against the real app and store (SQLite) with the
 * default guard and a CAPTCHA provider (a local fake siteverify), the clock moved by the script. An attempt is
 * blocked when nothing was stored for it: a refusal, or the honeypot's decoy success (checked in the store).
 * Every bot behaviour must be blocked 99% of the time or more; people at a person's pace are never turned away
 * for good (a school behind one address is slowed by Retry-After and CAPTCHAs, and every pupil is counted).
 *
 * Bots here move at a bot's pace: they fetch their tokens, wait out the min fill time once, then fire. A bot paced
 * like a person from one address gets the per-IP limit (20 per 10 minutes per campaign) through: that is what the
 * limit is for, and why a CAPTCHA is asked beyond a burst.
 */
import domains from 'disposable-email-domains/index.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fakeSiteverify,
  type FakeSiteverify,
  type Guarded,
  guardedApp,
  HUMAN_ANSWER,
  signing,
} from './guard-fixtures.ts';

const ATTEMPTS = 200;
const SLUG = 'library';

let siteverify: FakeSiteverify;
beforeAll(async () => void (siteverify = await fakeSiteverify()));
afterAll(() => siteverify.close());

const app = () =>
  guardedApp({
    guard: {
      captcha: { provider: 'turnstile', siteKey: 'k', secret: 'test-captcha-secret', verifyUrl: siteverify.url },
    },
  });

const ip = (n: number) => `203.0.${Math.floor(n / 250)}.${(n % 250) + 1}`;
const random = () => Math.random().toString(36).slice(2);

interface Attempt {
  token?: string;
  email: string;
  ip?: string;
  key?: string;
  headers?: Record<string, string>;
  extra?: Record<string, unknown>;
}

/** Sends each attempt; returns how many were stored (ids the store has, not a decoy's). */
async function run(g: Guarded, attempts: Attempt[], pace = 50): Promise<number> {
  const ids: string[] = [];
  for (const a of attempts) {
    const res = await g.send(`${SLUG}/signatures`, signing(a.token, a.email, a.extra), {
      ip: a.ip,
      key: a.key ?? random(),
      headers: a.headers,
    });
    // A refusal is a decision; a server error would be a bug, not a block.
    expect(res.status).toBeLessThan(500);
    if (res.ok) ids.push(((await res.json()) as { signature: { id: string } }).signature.id);
    g.wait(pace);
  }
  const stored = new Set((await g.store.exportRows(SLUG)).map((row) => row.id));
  return ids.filter((id) => stored.has(id)).length;
}

/** `n` tokens fetched from `from`, then the min fill time waited out once. */
async function ripeTokens(g: Guarded, n: number, from: (i: number) => string): Promise<string[]> {
  const tokens = [];
  for (let i = 0; i < n; i++) tokens.push(await g.token(SLUG, from(i)));
  g.wait(3000);
  return tokens;
}

const emails = (tag: string) => Array.from({ length: ATTEMPTS }, (_, i) => `${tag}.${i}.${random()}@example.org`);

/** Each behaviour: the attempts it makes, given a fresh app. */
const BOTS: [string, (g: Guarded) => Promise<number>][] = [
  [
    'instant submit (no fill time)',
    async (g) => {
      const attempts = [];
      for (const [i, email] of emails('instant').entries())
        attempts.push({ token: await g.token(SLUG, ip(i)), email, ip: ip(i) });
      return run(g, attempts, 0);
    },
  ],
  [
    'no token',
    async (g) => (
      g.wait(3000),
      run(
        g,
        emails('none').map((email, i) => ({ email, ip: ip(i) })),
      )
    ),
  ],
  [
    'forged token',
    (g) =>
      run(
        g,
        emails('forged').map((email, i) => ({
          token: `${g.clock.now - 60_000}.0.${random()}.${random()}`,
          email,
          ip: ip(i),
        })),
      ),
  ],
  [
    'expired token (a day old)',
    async (g) => {
      const tokens = await ripeTokens(g, ATTEMPTS, ip);
      g.wait(24 * 3600_000 + 1);
      return run(
        g,
        emails('expired').map((email, i) => ({ token: tokens[i], email, ip: ip(i) })),
      );
    },
  ],
  [
    'one token reused at scale (many IPs)',
    async (g) => {
      const [token] = await ripeTokens(g, 1, ip);
      return run(
        g,
        emails('reuse').map((email, i) => ({ token, email, ip: ip(i) })),
      );
    },
  ],
  [
    'honeypot filled',
    async (g) => {
      const tokens = await ripeTokens(g, ATTEMPTS, ip);
      const extra = { website: 'https://cheap-pills.example' };
      return run(
        g,
        emails('honeypot').map((email, i) => ({ token: tokens[i], email, ip: ip(i), extra })),
      );
    },
  ],
  [
    'header forgery: X-Forwarded-For, Origin, Referer',
    async (g) => {
      const tokens = await ripeTokens(g, ATTEMPTS, () => '198.51.100.66');
      return run(
        g,
        emails('forgery').map((email, i) => ({
          token: tokens[i],
          email,
          ip: '198.51.100.66',
          headers: { 'X-Forwarded-For': ip(i), Origin: 'http://localhost', Referer: 'http://localhost/act/library/' },
        })),
      );
    },
  ],
  [
    'no Origin (a script, not a browser)',
    async (g) => {
      const tokens = await ripeTokens(g, ATTEMPTS, ip);
      return run(
        g,
        emails('no-origin').map((email, i) => ({ token: tokens[i], email, ip: ip(i), headers: { Origin: '' } })),
      );
    },
  ],
  [
    'burst from one IP (one email)',
    async (g) => {
      const tokens = await ripeTokens(g, ATTEMPTS, () => '198.51.100.77');
      return run(
        g,
        tokens.map((token) => ({ token, email: 'victim@example.org', ip: '198.51.100.77' })),
      );
    },
  ],
  [
    'rotating emails from one IP',
    async (g) => {
      const tokens = await ripeTokens(g, ATTEMPTS, () => '198.51.100.88');
      return run(
        g,
        emails('rotating').map((email, i) => ({ token: tokens[i], email, ip: '198.51.100.88' })),
        500,
      );
    },
  ],
  [
    'disposable emails',
    async (g) => {
      const tokens = await ripeTokens(g, ATTEMPTS, ip);
      const step = Math.floor(domains.length / ATTEMPTS);
      return run(
        g,
        tokens.map((token, i) => ({ token, email: `x${random()}@${domains[i * step]}`, ip: ip(i) })),
      );
    },
  ],
  [
    'replay of a captured request under new keys',
    async (g) => {
      const [token] = await ripeTokens(g, 1, () => '192.0.2.10');
      const human = { token, email: 'captured@example.org', ip: '192.0.2.10' };
      expect(await run(g, [human])).toBe(1);
      g.wait(60_000);
      return run(
        g,
        Array.from({ length: ATTEMPTS }, (_, i) => ({ ...human, ip: ip(i) })),
      );
    },
  ],
  [
    'headless form-filler (every field, honeypot too, at a person\u2019s pace)',
    async (g) => {
      const ids: Attempt[] = [];
      for (const [i, email] of emails('filler').entries()) {
        const token = await g.token(SLUG, ip(i));
        g.wait(20_000);
        ids.push({ token, email, ip: ip(i), extra: { website: 'filled', comment: 'filled' } });
      }
      return run(g, ids);
    },
  ],
];

/** A person at a person's pace: reads the page (token), fills in, sends; does what the widget does with answers. */
async function person(g: Guarded, at: { ip: string; token?: string; email: string; key: string }) {
  let token = at.token ?? (await g.token(SLUG, at.ip));
  let captcha: string | undefined;
  const seen = new Set<string>();
  for (let tries = 0; tries < 50; tries++) {
    const res = await g.send(`${SLUG}/signatures`, signing(token, at.email, captcha ? { captcha } : {}), at);
    if (res.ok) return { stored: (await res.json()) as { signature: { id: string } }, seen };
    const { error } = (await res.json()) as { error: { code: string } };
    seen.add(error.code);
    if (res.status === 429) g.wait(Number(res.headers.get('Retry-After')) * 1000);
    else if (error.code === 'captcha_required') {
      captcha = HUMAN_ANSWER;
      g.wait(8000);
    } else if (error.code === 'token_expired') {
      token = await g.token(SLUG, at.ip);
      g.wait(3000);
    } else throw new Error(`a person was refused: ${error.code}`);
  }
  throw new Error('a person gave up');
}

const table: { behaviour: string; attempts: number; blocked: number; rate: string }[] = [];
const row = (behaviour: string, attempts: number, blocked: number) =>
  table.push({ behaviour, attempts, blocked, rate: `${((blocked / attempts) * 100).toFixed(1)}%` });

afterAll(() => console.table(table));

describe('the bot corpus', () => {
  for (const [behaviour, attack] of BOTS) {
    it(`blocks "${behaviour}" at 99% or more`, async () => {
      const stored = await attack(await app());
      row(behaviour, ATTEMPTS, ATTEMPTS - stored);
      expect((ATTEMPTS - stored) / ATTEMPTS).toBeGreaterThanOrEqual(0.99);
    });
  }
});

describe('people at a person\u2019s pace', () => {
  it('never blocks 200 different people (keyboard pace, screen-reader pace, autofill held to the min fill time)', async () => {
    const g = await app();
    const paces = [20_000, 90_000, 3000];
    let refused = 0;
    for (let i = 0; i < ATTEMPTS; i++) {
      const token = await g.token(SLUG, ip(i));
      g.wait(paces[i % paces.length]);
      const res = await g.send(`${SLUG}/signatures`, signing(token, `person.${i}@example.org`), { ip: ip(i) });
      if (res.status !== 201) refused++;
    }
    row('people, one each (200)', ATTEMPTS, refused);
    expect(refused).toBe(0);
    expect(await g.store.count(SLUG)).toBe(ATTEMPTS);
  });

  it('counts a family of 3 signing one after another on one page, one IP', async () => {
    const g = await app();
    const token = await g.token(SLUG, '192.0.2.33');
    const codes = new Set<string>();
    for (const name of ['mum', 'dad', 'gran']) {
      g.wait(45_000);
      const { seen } = await person(g, { ip: '192.0.2.33', token, email: `${name}@example.org`, key: name });
      for (const code of seen) codes.add(code);
    }
    row('family of 3, one page', 3, 0);
    expect([...codes]).toEqual([]);
    expect(await g.store.count(SLUG)).toBe(3);
  });

  it('counts every pupil of a school of 30 behind one NAT address: slowed, never lost', async () => {
    const g = await app();
    const pupils = Array.from({ length: 30 }, (_, i) => ({
      ip: '192.0.2.200',
      email: `pupil${i}@school.example`,
      key: `p${i}`,
    }));
    const tokens = [];
    for (const _ of pupils) tokens.push(await g.token(SLUG, '192.0.2.200'));
    const codes: string[] = [];
    for (const [i, pupil] of pupils.entries()) {
      // They all open the page in class, and send within a few minutes.
      g.wait(4000 + (i % 7) * 1000);
      const { seen } = await person(g, { ...pupil, token: tokens[i] });
      codes.push(...seen);
    }
    row(
      `school of 30 (slowed: ${codes.filter((c) => c === 'rate_limited').length}x 429, ${codes.filter((c) => c === 'captcha_required').length}x CAPTCHA)`,
      30,
      0,
    );
    expect(codes).toContain('rate_limited');
    expect(await g.store.count(SLUG)).toBe(30);
  });
});
