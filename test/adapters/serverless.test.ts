/**
 * The Netlify and Vercel adapters, their exported handlers called in-process with real Requests, against the real
 * PostgreSQL (a fresh schema each), our own campaign files, and a local webhook receiver for the delivery pass.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverless } from '../../functions/adapters/serverless.ts';
import { verifySignature } from '../../functions/outbox/webhook.ts';
import { listen, type TestServer } from '../functions/outbox/servers.ts';
import { ADMIN_TOKEN, campaignFiles, PETITION, WEBHOOK_SECRET } from './campaigns.ts';
import {
  adminNeedsToken,
  badInputRefused,
  type Call,
  concurrentOnce,
  GUARD_ENV,
  signatureOnce,
  surveyAnswered,
} from './contract.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const tmp = mkdtempSync(join(tmpdir(), 'ladder-serverless-'));
const schemas = ['netlify', 'vercel'].map((name) => `ladder_adapter_${name}_${process.pid}`);
const CRON_SECRET = 'a-cron-secret-of-the-tests';
let receiver: TestServer;

const caller =
  (handle: (request: Request) => Promise<Response>): Call =>
  (path, init) =>
    handle(new Request(`https://ladder.example${path}`, init));

/** The platform gives the function its environment; each adapter starts on its first request, in its own schema. */
function environment(schema: string): void {
  Object.assign(process.env, {
    DATABASE_URL: PG_URL,
    LADDER_PG_SCHEMA: schema,
    LADDER_CONTENT: join(tmp, 'campaigns'),
    LADDER_ADMIN_TOKEN: ADMIN_TOKEN,
    ...GUARD_ENV,
    LADDER_SITE_URL: 'https://ladder.example',
    LADDER_RETENTION_DAYS: '30',
    LADDER_WEBHOOKS: JSON.stringify([{ url: `${receiver.url}/hook`, secrets: [WEBHOOK_SECRET] }]),
    CRON_SECRET,
  });
}

/**
 * Makes every action of `schema` 40 days old (past LADDER_RETENTION_DAYS), runs the sweep, and checks that the
 * people are gone from them while the counts stay.
 */
async function retentionSweeps(schema: string, sweep: () => Promise<Response>, call: Call): Promise<void> {
  const db = new pg.Pool({ connectionString: PG_URL });
  try {
    const counted = (await (await call(`/api/campaigns/${PETITION}`)).json()).count;
    await db.query(`UPDATE ${schema}.actions SET created_at = created_at - interval '40 days'`);
    const res = await sweep();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ actions: 3, supporters: 3, pending: 0 });
    const {
      rows: [left],
    } = await db.query(`SELECT COUNT(*)::int AS n FROM ${schema}.actions WHERE supporter_id IS NOT NULL`);
    expect(left.n).toBe(0);
    expect((await (await call(`/api/campaigns/${PETITION}`)).json()).count).toBe(counted);
  } finally {
    await db.end();
  }
}

async function dropSchemas(): Promise<void> {
  const admin = new pg.Pool({ connectionString: PG_URL });
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}

/** The events the receiver got since `from`, each checked against its signature. */
function delivered(from: number): string[] {
  return receiver.received.slice(from).map(({ headers, body }) => {
    expect(verifySignature(String(headers['ladder-signature']), body, [WEBHOOK_SECRET])).toBe(true);
    return JSON.parse(body).type;
  });
}

beforeAll(async () => {
  await dropSchemas();
  receiver = await listen((_request, res) => void res.writeHead(204).end());
  mkdirSync(join(tmp, 'campaigns'));
  for (const [name, text] of Object.entries(campaignFiles)) writeFileSync(join(tmp, 'campaigns', name), text);
});

afterAll(async () => {
  await receiver?.close();
  await dropSchemas();
  rmSync(tmp, { recursive: true, force: true });
});

describe('Netlify adapter', () => {
  it('is configured to publish what npm run build:hosted writes, with the functions of deploy/netlify', () => {
    const toml = readFileSync(join(ROOT, 'deploy/netlify/netlify.toml'), 'utf8');
    const setting = (name: string) => new RegExp(`^\\s*${name} = "([^"]+)"`, 'm').exec(toml)?.[1];
    expect(setting('command')).toBe('npm run build && npm run build:hosted');
    expect(setting('publish')).toBe('dist/hosted/public');
    expect(setting('directory')).toBe('deploy/netlify/functions');
    expect(readdirSync(join(ROOT, 'deploy/netlify/functions')).sort()).toEqual([
      'ladder-dispatch.ts',
      'ladder-retention.ts',
      'ladder.ts',
    ]);
  });

  it('answers the API: a signature counted once, a survey response, bad input, the admin token', async () => {
    environment(schemas[0]);
    // The function file Netlify deploys, with the route it reads from it.
    const api = await import('../../deploy/netlify/functions/ladder.ts');
    expect(api.config).toEqual({ path: '/api/*' });
    const call = caller(api.default);
    await signatureOnce(call, 'ada@example.org');
    await concurrentOnce(call, 'grace@example.org', 20);
    await badInputRefused(call);
    await surveyAnswered(call, 'rosa@example.org');
    await adminNeedsToken(call);
  });

  it('delivers the outbox from the scheduled function', async () => {
    const scheduled = await import('../../deploy/netlify/functions/ladder-dispatch.ts');
    expect(scheduled.config).toEqual({ schedule: '* * * * *' });
    const from = receiver.received.length;
    const res = await scheduled.default();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ [`webhook:${new URL(receiver.url).host}`]: { sent: 3, dead: 0 } });
    expect(delivered(from).sort()).toEqual(['response.created', 'signature.created', 'signature.created']);
  });

  it('sweeps what is past retention from the hourly scheduled function', async () => {
    const api = await import('../../deploy/netlify/functions/ladder.ts');
    const scheduled = await import('../../deploy/netlify/functions/ladder-retention.ts');
    expect(scheduled.config).toEqual({ schedule: '@hourly' });
    await retentionSweeps(schemas[0], scheduled.default, caller(api.default));
  });
});

describe('Vercel adapter', () => {
  it('answers the API: a signature counted once, a survey response, bad input, the admin token', async () => {
    environment(schemas[1]);
    const vercel = await import('../../functions/adapters/vercel.ts');
    const call = caller(vercel.default.fetch);
    await signatureOnce(call, 'ada@example.org');
    await concurrentOnce(call, 'grace@example.org', 20);
    await badInputRefused(call);
    await surveyAnswered(call, 'rosa@example.org');
    await adminNeedsToken(call);
  });

  it('runs the delivery pass for Vercel Cron only, with its secret', async () => {
    const vercel = await import('../../functions/adapters/vercel.ts');
    const cron = (authorization?: string) =>
      vercel.dispatch(
        new Request('https://ladder.example/api/dispatch', {
          headers: authorization ? { Authorization: authorization } : {},
        }),
      );
    const from = receiver.received.length;
    expect((await cron()).status).toBe(401);
    expect((await cron('Bearer not-the-secret')).status).toBe(401);
    expect(receiver.received.length).toBe(from);
    const res = await cron(`Bearer ${CRON_SECRET}`);
    expect(res.status).toBe(200);
    expect(delivered(from).sort()).toEqual(['response.created', 'signature.created', 'signature.created']);
  });

  it('sweeps what is past retention for Vercel Cron, with its secret', async () => {
    const vercel = await import('../../functions/adapters/vercel.ts');
    const sweep = (authorization?: string) =>
      vercel.retention(
        new Request('https://ladder.example/api/retention', {
          headers: authorization ? { Authorization: authorization } : {},
        }),
      );
    expect((await sweep()).status).toBe(401);
    await retentionSweeps(schemas[1], () => sweep(`Bearer ${CRON_SECRET}`), caller(vercel.default.fetch));
  });
});

describe('Vercel configuration', () => {
  it('routes /api/* and the crons to the function files, which re-export the adapter once copied to api/', async () => {
    const config = JSON.parse(readFileSync(join(ROOT, 'deploy/vercel/vercel.json'), 'utf8'));
    expect(config.rewrites).toEqual([{ source: '/api/(.*)', destination: '/api/ladder' }]);
    expect(config.crons.map((cron: { path: string }) => cron.path)).toEqual(['/api/dispatch', '/api/retention']);
    expect(Object.keys(config.functions).sort()).toEqual(['api/dispatch.ts', 'api/ladder.ts', 'api/retention.ts']);
    const vercel = await import('../../functions/adapters/vercel.ts');
    for (const [name, exported, expected] of [
      ['ladder.ts', 'default', vercel.default],
      ['dispatch.ts', 'GET', vercel.dispatch],
      ['retention.ts', 'GET', vercel.retention],
    ] as const) {
      const text = readFileSync(join(ROOT, 'deploy/vercel/api', name), 'utf8');
      const [, inner, specifier] = /export \{ (\w+)(?: as \w+)? \} from '([^']+)'/.exec(text) ?? [];
      expect(text).toContain(inner === exported ? `{ ${exported} }` : `{ ${inner} as ${exported} }`);
      // Where the import points from api/ at the repository's root, where the guide copies the file.
      const module = await import(resolve(ROOT, 'api', specifier));
      expect(module[inner]).toBe(expected);
    }
  });
});

describe('serverless start', () => {
  it('refuses to start without DATABASE_URL, saying what to set', async () => {
    const ladder = serverless({}, { LADDER_CONTENT: join(tmp, 'campaigns') });
    await expect(ladder.fetch(new Request('https://ladder.example/api/campaigns'))).rejects.toThrow(
      /DATABASE_URL is not set: .*postgres:\/\//,
    );
  });
});
