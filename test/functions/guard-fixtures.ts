/**
 * An app with the abuse defenses on, a clock the test moves (no waiting, no timed assertions), and a fake
 * CAPTCHA siteverify server speaking the providers' wire format (form POST in, JSON out).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { catalogFrom } from '../../functions/catalog.ts';
import type { GuardOptions } from '../../functions/guard/config.ts';
import { openPostgresStore } from '../../functions/store/postgres.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import type { Store } from '../../functions/store/types.ts';
import { campaigns, PARTNER, post, tempDb } from './fixtures.ts';

export { PARTNER };

/** The campaign site's own origin, which every campaign accepts. */
export const SITE = 'http://localhost';

const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The CAPTCHA answer the fake provider accepts; anything else fails. */
export const HUMAN_ANSWER = 'solved-by-a-person';

export interface FakeSiteverify {
  url: string;
  /** `up`, `down` (503), `garbled` (not JSON). */
  mode: 'up' | 'down' | 'garbled';
  /** The forms it received, decoded. */
  received: URLSearchParams[];
  close(): Promise<void>;
}

export async function fakeSiteverify(): Promise<FakeSiteverify> {
  const fake: FakeSiteverify = { url: '', mode: 'up', received: [], close: async () => {} };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      fake.received.push(form);
      if (fake.mode === 'down') return res.writeHead(503).end('unavailable');
      res.writeHead(200, { 'content-type': 'application/json' });
      if (fake.mode === 'garbled') return res.end('<html>');
      const success =
        req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') &&
        form.get('secret') === 'test-captcha-secret' &&
        form.get('response') === HUMAN_ANSWER;
      res.end(
        JSON.stringify(
          success
            ? { success: true, 'error-codes': [], challenge_ts: new Date().toISOString(), hostname: 'localhost' }
            : { success: false, 'error-codes': ['invalid-input-response'] },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/siteverify`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}

export const START = Date.UTC(2026, 10, 28, 12);

export const defaults = (): GuardOptions => ({
  secret: 'test-secret-0123456789',
  minFillMs: 3000,
  maxAgeMs: 24 * 3600_000,
  tokenUses: 5,
  canvassUses: 300,
  perIp: { limit: 20, windowMs: 600_000 },
  perEmail: { limit: 3, windowMs: 3600_000 },
  burst: { limit: 1, windowMs: 10_000 },
  trustProxy: false,
  disposable: 'captcha',
});

const schemas: string[] = [];

export async function openStore(dialect: 'sqlite' | 'postgres'): Promise<Store> {
  if (dialect === 'sqlite') return openSqliteStore(tempDb());
  const schema = `ladder_guard_${process.pid}_${schemas.length}`;
  schemas.push(schema);
  const admin = new pg.Pool({ connectionString: PG_URL });
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
  return openPostgresStore(PG_URL, { schema });
}

afterAll(async () => {
  if (!schemas.length) return;
  const admin = new pg.Pool({ connectionString: PG_URL });
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

export interface Guarded {
  app: ReturnType<typeof createApp>;
  store: Store;
  clock: { now: number };
  /** Moves the clock on. */
  wait(ms: number): void;
  /** A fresh render token for `slug`, as the widget gets it. */
  token(slug?: string, ip?: string): Promise<string>;
  /** POSTs an action from `ip` (the socket's address) with the site's Origin unless `headers` say otherwise. */
  send(
    path: string,
    body: unknown,
    options?: { ip?: string; key?: string; headers?: Record<string, string> },
  ): Promise<Response>;
}

export async function guardedApp(
  options: { dialect?: 'sqlite' | 'postgres'; guard?: Partial<GuardOptions> } = {},
): Promise<Guarded> {
  const store = await openStore(options.dialect ?? 'sqlite');
  const clock = { now: START };
  const guard: GuardOptions = { ...defaults(), now: () => clock.now, ...options.guard };
  const app = createApp({ store, catalog: catalogFrom(campaigns), guard });
  return {
    app,
    store,
    clock,
    wait: (ms) => void (clock.now += ms),
    async token(slug = 'library', ip = '198.51.100.1') {
      const res = await app.request(`http://localhost/api/campaigns/${slug}`, {}, { ip });
      return ((await res.json()) as { token: string }).token;
    },
    async send(path, body, { ip = '198.51.100.1', key, headers = {} } = {}) {
      return app.request(
        `http://localhost/api/campaigns/${path}`,
        post(body, { Origin: SITE, ...(key ? { 'Idempotency-Key': key } : {}), ...headers }),
        { ip },
      );
    },
  };
}

/** A signature body for `email`, with a token. */
export const signing = (token: string | undefined, email = 'ada@example.org', extra: Record<string, unknown> = {}) => ({
  person: { givenName: 'Ada', familyName: 'Lovelace', email, postcode: '94110' },
  consent: { contact: true },
  token,
  ...extra,
});
