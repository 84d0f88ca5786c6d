/**
 * The bot corpus: scripted behaviours, each run 200 times against the real app and store (SQLite) in two
 * configurations, the default guard (no CAPTCHA provider) and the same with a provider (a local fake siteverify),
 * the clock moved by the script. An attempt is blocked when nothing was stored for it: a refusal, or the
 * honeypot's decoy success (checked in the store). Bots fire one after another, all at once (`Promise.all`: the
 * checks of concurrent requests interleave), or resend what was refused (after Retry-After, or at once).
 * Every bot behaviour must be blocked 99% of the time or more, but one with an `allowed` count, which says how
 * many the limits let through by design and why; people at a person's pace are never turned away for good (a
 * school behind one address is slowed by Retry-After and CAPTCHAs, and every pupil is counted).
 *
 * `npx vitest run --project unit test/functions/bots.test.ts` prints both tables (the README's) at the end.
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

/** The two configurations every behaviour and every person runs in. */
const CONFIGS = [
  { name: 'no CAPTCHA provider (default)', captcha: false },
  { name: 'with a CAPTCHA provider', captcha: true },
] as const;
type Config = (typeof CONFIGS)[number];

const app = (config: Config, dialect: 'sqlite' | 'postgres' = 'sqlite') =>
  guardedApp({
    dialect,
    guard: config.captcha
      ? { captcha: { provider: 'turnstile', siteKey: 'k', secret: 'test-captcha-secret', verifyUrl: siteverify.url } }
      : {},
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

/** Sends one attempt (under a new key unless it has one); the id, if it was taken. */
async function send(g: Guarded, a: Attempt): Promise<{ id?: string; retryAfter?: number }> {
  const res = await g.send(`${SLUG}/signatures`, signing(a.token, a.email, a.extra), {
    ip: a.ip,
    key: a.key ?? random(),
    headers: a.headers,
  });
  // A refusal is a decision; a server error would be a bug, not a block.
  expect(res.status).toBeLessThan(500);
  if (res.ok) return { id: ((await res.json()) as { signature: { id: string } }).signature.id };
  return { retryAfter: res.status === 429 ? Number(res.headers.get('Retry-After')) * 1000 : undefined };
}

/** How many of `ids` the store holds (a decoy's id is not there). */
async function stored(g: Guarded, ids: (string | undefined)[]): Promise<number> {
  const held = new Set((await g.store.exportRows(SLUG)).map((row) => row.id));
  return ids.filter((id) => id && held.has(id)).length;
}

/** Sends each attempt, one after another; returns how many were stored. */
async function run(g: Guarded, attempts: Attempt[], pace = 50): Promise<number> {
  const ids: (string | undefined)[] = [];
  for (const a of attempts) {
    ids.push((await send(g, a)).id);
    g.wait(pace);
  }
  return stored(g, ids);
}

/** Sends the attempts in waves of `size`, each wave all at once; returns how many were stored. */
async function fire(g: Guarded, attempts: Attempt[], size: number): Promise<number> {
  const ids: (string | undefined)[] = [];
  for (let i = 0; i < attempts.length; i += size) {
    const wave = await Promise.all(attempts.slice(i, i + size).map((a) => send(g, a)));
    ids.push(...wave.map((answer) => answer.id));
  }
  return stored(g, ids);
}

/**
 * Sends each attempt, then resends what was refused with a Retry-After, `rounds` times, under the same key:
 * after the longest Retry-After (`obey`), or at once. Returns how many were stored.
 */
async function resend(g: Guarded, attempts: Attempt[], rounds: number, obey: boolean): Promise<number> {
  const ids: (string | undefined)[] = [];
  // A resend is the same submission: its key is set once.
  let pending = attempts.map((a) => ({ ...a, key: a.key ?? random() }));
  for (let round = 0; round <= rounds && pending.length; round++) {
    const refused: typeof pending = [];
    let wait = 0;
    for (const a of pending) {
      const answer = await send(g, a);
      ids.push(answer.id);
      if (answer.retryAfter !== undefined) {
        refused.push(a);
        wait = Math.max(wait, answer.retryAfter);
      }
    }
    if (obey) g.wait(wait);
    pending = refused;
  }
  return stored(g, ids);
}

/** `n` tokens fetched from `from`, then the min fill time waited out once. */
async function ripeTokens(g: Guarded, n: number, from: (i: number) => string): Promise<string[]> {
  const tokens = [];
  for (let i = 0; i < n; i++) tokens.push(await g.token(SLUG, from(i)));
  g.wait(3000);
  return tokens;
}

const emails = (tag: string) => Array.from({ length: ATTEMPTS }, (_, i) => `${tag}.${i}.${random()}@example.org`);

/**
 * Each behaviour: the attempts it makes, given a fresh app, and how many the guard lets through by design when
 * that is more than 1% (the reason beside it).
 */
const BOTS: [string, (g: Guarded) => Promise<number>, allowed?: number][] = [
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
  [
    'rotating emails all at once from one IP (4 waves of 50, a token each)',
    async (g) => {
      const tokens = await ripeTokens(g, ATTEMPTS, () => '198.51.100.44');
      return fire(
        g,
        emails('at-once').map((email, i) => ({ token: tokens[i], email, ip: '198.51.100.44' })),
        50,
      );
    },
  ],
  [
    'one token shared by 20 concurrent requests (10 waves, 200 IPs)',
    async (g) => {
      const [token] = await ripeTokens(g, 1, ip);
      return fire(
        g,
        emails('shared').map((email, i) => ({ token, email, ip: ip(i) })),
        20,
      );
    },
  ],
  [
    'resends each refusal after its Retry-After, 5 rounds (one IP, a token for 5 emails)',
    async (g) => {
      const tokens = await ripeTokens(g, ATTEMPTS / 5, () => '198.51.100.99');
      const attempts = emails('obeys').map((email, i) => ({
        token: tokens[Math.floor(i / 5)],
        email,
        ip: '198.51.100.99',
      }));
      return resend(g, attempts, 5, true);
    },
    // One a round: a bot that waits out Retry-After from one address moves at the pace the limits allow one
    // address (1 per 10 s, 20 per 10 minutes), a school's; resending gains it nothing more.
    6,
  ],
  [
    'hammers: resends each refusal at once, 5 rounds (one IP, a token each)',
    async (g) => {
      const tokens = await ripeTokens(g, ATTEMPTS, () => '198.51.100.98');
      const attempts = emails('hammer').map((email, i) => ({ token: tokens[i], email, ip: '198.51.100.98' }));
      return resend(g, attempts, 5, false);
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

/** The tables the README shows: per behaviour, what each configuration did. */
const botTable = new Map<string, Record<string, string>>();
const people = new Map<string, Record<string, string>>();
const cell = (table: Map<string, Record<string, string>>, rowName: string, config: Config, value: string) =>
  table.set(rowName, { ...table.get(rowName), [config.name]: value });
const percent = (n: number, of: number) => `${((n / of) * 100).toFixed(1)}%`;

afterAll(() => {
  const markdown = (first: string, table: Map<string, Record<string, string>>) =>
    [
      `| ${first} | ${CONFIGS.map((c) => c.name).join(' | ')} |`,
      `|---|${CONFIGS.map(() => '---').join('|')}|`,
      ...[...table].map(([name, cells]) => `| ${name} | ${CONFIGS.map((c) => cells[c.name] ?? '').join(' | ')} |`),
    ].join('\n');
  console.log(
    `${markdown(`Bot behaviour (${ATTEMPTS} attempts): blocked`, botTable)}\n\n${markdown('People: blocked, slowed', people)}`,
  );
});

/** Codes a person met before they were counted: the ones that slowed them. */
const slowedBy = (codes: string[]) =>
  ['rate_limited', 'too_fast', 'captcha_required', 'token_expired']
    .map((code) => [code, codes.filter((c) => c === code).length] as const)
    .filter(([, n]) => n)
    .map(([code, n]) => `${n}\u00d7 ${code}`)
    .join(', ');

/** One behaviour in one configuration: at least 99% blocked, or no more through than it is allowed. */
const corpus = (config: Config, dialect: 'sqlite' | 'postgres', bots: typeof BOTS) => {
  for (const [behaviour, attack, allowed] of bots) {
    const name = allowed
      ? `lets "${behaviour}" through ${allowed} times at most`
      : `blocks "${behaviour}" at 99% or more`;
    it(
      name,
      async () => {
        const got = await attack(await app(config, dialect));
        if (dialect === 'sqlite') cell(botTable, behaviour, config, percent(ATTEMPTS - got, ATTEMPTS));
        if (allowed) expect(got).toBeLessThanOrEqual(allowed);
        else expect((ATTEMPTS - got) / ATTEMPTS).toBeGreaterThanOrEqual(0.99);
      },
      60_000,
    );
  }
};

// The concurrent bots again on PostgreSQL, whose transactions interleave for real.
describe('the concurrent bots on PostgreSQL, no CAPTCHA provider', () =>
  corpus(
    CONFIGS[0],
    'postgres',
    BOTS.filter(([behaviour]) => /all at once|concurrent/.test(behaviour)),
  ));

for (const config of CONFIGS) {
  describe(`the bot corpus, ${config.name}`, () => corpus(config, 'sqlite', BOTS));

  describe(`people at a person\u2019s pace, ${config.name}`, () => {
    const paces = [
      ['keyboard', 20_000],
      ['screen reader', 90_000],
      ['autofill, sent at the min fill time', 3000],
    ] as const;
    it(`never blocks ${ATTEMPTS} different people (${paces.map(([who]) => who).join('; ')})`, async () => {
      const g = await app(config);
      const slowed = paces.map(() => 0);
      for (let i = 0; i < ATTEMPTS; i++) {
        const [, pace] = paces[i % paces.length];
        const token = await g.token(SLUG, ip(i));
        g.wait(pace);
        const { seen } = await person(g, { ip: ip(i), token, email: `person.${i}@example.org`, key: `k${i}` });
        if (seen.size) slowed[i % paces.length]++;
      }
      for (const [n, [who]] of paces.entries()) {
        const of = Math.ceil((ATTEMPTS - n) / paces.length);
        cell(people, `${who} (${of} people, one address each)`, config, `0%, ${slowed[n]} slowed`);
      }
      expect(slowed).toEqual([0, 0, 0]);
      expect(await g.store.count(SLUG)).toBe(ATTEMPTS);
    });

    it('counts a family of 3 signing one after another on one page, one IP', async () => {
      const g = await app(config);
      const token = await g.token(SLUG, '192.0.2.33');
      const codes: string[] = [];
      for (const name of ['mum', 'dad', 'gran']) {
        g.wait(45_000);
        const { seen } = await person(g, { ip: '192.0.2.33', token, email: `${name}@example.org`, key: name });
        codes.push(...seen);
      }
      cell(people, 'family of 3, one page', config, `0%, ${slowedBy(codes) || '0 slowed'}`);
      expect(codes).toEqual([]);
      expect(await g.store.count(SLUG)).toBe(3);
    });

    it('counts every pupil of a school of 30 behind one NAT address: slowed, never lost', async () => {
      const g = await app(config);
      const pupils = Array.from({ length: 30 }, (_, i) => ({
        ip: '192.0.2.200',
        email: `pupil${i}@school.example`,
        key: `p${i}`,
      }));
      const tokens = [];
      for (const _ of pupils) tokens.push(await g.token(SLUG, '192.0.2.200'));
      const codes: string[] = [];
      let slowed = 0;
      for (const [i, pupil] of pupils.entries()) {
        // They all open the page in class, and send within a few minutes.
        g.wait(4000 + (i % 7) * 1000);
        const { seen } = await person(g, { ...pupil, token: tokens[i] });
        codes.push(...seen);
        if (seen.size) slowed++;
      }
      cell(people, 'school of 30, one address', config, `0%, ${slowed} slowed (${slowedBy(codes)})`);
      expect(codes).toContain('rate_limited');
      expect(await g.store.count(SLUG)).toBe(30);
    });
  });
}
