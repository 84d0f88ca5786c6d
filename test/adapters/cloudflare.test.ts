/**
 * The Cloudflare adapter under workerd (`wrangler dev --local`), over real HTTP: our own campaigns bundled by
 * scripts/build-hosted.ts, the committed deploy/cloudflare/wrangler.jsonc with its paths pointed at a temp folder,
 * the Durable Object's SQLite persisted there, and a local webhook receiver for the scheduled delivery pass.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../functions/outbox/webhook.ts';
import { listen, type TestServer } from '../functions/outbox/servers.ts';
import { ADMIN_TOKEN, campaignFiles, CAPACITY, EVENT, rsvp, WEBHOOK_SECRET } from './campaigns.ts';
import {
  adminNeedsToken,
  badInputRefused,
  type Call,
  concurrentOnce,
  GUARD_ENV,
  postJson,
  signatureOnce,
  surveyAnswered,
  withToken,
} from './contract.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'ladder-workers-'));
let wrangler: ChildProcess | undefined;
let receiver: TestServer;
let base = '';
let output = '';

const call: Call = (path, init) => fetch(`${base}${path}`, init);

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

const CONFIG = join(ROOT, 'deploy/cloudflare/wrangler.jsonc');
/** The committed config (JSONC: TypeScript's reader takes its comments and commas), with its paths made absolute. */
const committed = () => {
  const parsed = ts.parseConfigFileTextToJson(CONFIG, readFileSync(CONFIG, 'utf8')).config;
  const local = (path: string) => resolve(dirname(CONFIG), path);
  parsed.main = local(parsed.main);
  parsed.alias['ladder:catalog'] = local(parsed.alias['ladder:catalog']);
  parsed.assets.directory = local(parsed.assets.directory);
  return parsed;
};

/** The committed config, reading the campaigns and files of this test. */
function config(port: number): string {
  const parsed = committed();
  delete parsed.$schema;
  parsed.alias = { 'ladder:catalog': join(tmp, 'out/catalog.json') };
  parsed.assets.directory = join(tmp, 'out/public');
  // `--test-scheduled` answers /__scheduled in the Worker, which only sees what does not go to the files first.
  parsed.assets.run_worker_first.push('/__scheduled');
  parsed.dev = { ip: '127.0.0.1', port };
  parsed.vars = {
    LADDER_SITE_URL: `http://127.0.0.1:${port}`,
    LADDER_ADMIN_TOKEN: ADMIN_TOKEN,
    ...GUARD_ENV,
    LADDER_WEBHOOKS: JSON.stringify([{ url: `${receiver.url}/hook`, secrets: [WEBHOOK_SECRET] }]),
  };
  const written = join(tmp, 'wrangler.json');
  writeFileSync(written, JSON.stringify(parsed));
  return written;
}

async function ready(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (wrangler?.exitCode != null) throw new Error(`wrangler stopped:\n${output}`);
    const res = await fetch(`${base}/api/campaigns`).catch(() => null);
    if (res?.ok) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`wrangler dev did not answer:\n${output}`);
}

beforeAll(async () => {
  receiver = await listen((_request, res) => void res.writeHead(204).end());
  const content = join(tmp, 'campaigns');
  mkdirSync(content);
  for (const [name, text] of Object.entries(campaignFiles)) writeFileSync(join(content, name), text);
  for (const dir of ['site', 'embed']) mkdirSync(join(tmp, dir));
  writeFileSync(join(tmp, 'site/404.html'), '<!doctype html><title>Not found</title>');
  writeFileSync(join(tmp, 'embed/embed.js'), 'export {};\n');
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-hosted.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      LADDER_CONTENT: content,
      LADDER_SITE_OUT: join(tmp, 'site'),
      LADDER_EMBED_OUT: join(tmp, 'embed'),
      LADDER_HOSTED_OUT: join(tmp, 'out'),
    },
    stdio: 'pipe',
  });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const args = ['dev', '--local', '--test-scheduled', '-c', config(port), '--persist-to', join(tmp, 'state')];
  // Its own inspector port: other wrangler processes on this machine may hold the default.
  args.push('--inspector-port', String(await freePort()), '--show-interactive-dev-session=false');
  wrangler = spawn(process.execPath, [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), ...args], {
    cwd: tmp,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1', NO_COLOR: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Also when the test process exits before afterAll could run: wrangler has a group of its own, which nothing else ends.
  const group = wrangler.pid;
  process.once('exit', () => {
    if (group && wrangler?.exitCode == null) process.kill(-group, 'SIGTERM');
  });
  wrangler.stdout?.on('data', (chunk) => (output += chunk));
  wrangler.stderr?.on('data', (chunk) => (output += chunk));
  await ready(Date.now() + 120_000);
}, 180_000);

afterAll(async () => {
  // The whole group: wrangler and the workerd processes it started.
  if (wrangler?.pid && wrangler.exitCode == null) {
    const exited = new Promise((done) => wrangler?.once('exit', done));
    process.kill(-wrangler.pid, 'SIGTERM');
    await exited;
  }
  await receiver?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('Cloudflare Workers adapter (workerd, Durable Object SQLite)', () => {
  it('is configured to deploy what npm run build:hosted writes', () => {
    const parsed = committed();
    expect(parsed.main).toBe(join(ROOT, 'functions/adapters/cloudflare.ts'));
    expect(parsed.alias['ladder:catalog']).toBe(join(ROOT, 'dist/hosted/catalog.json'));
    expect(parsed.assets.directory).toBe(join(ROOT, 'dist/hosted/public'));
  });

  it('serves the bundled campaigns, and the site for anything outside /api/', async () => {
    const res = await call('/api/campaigns/fund-the-library');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ slug: 'fund-the-library', count: 0 });
    expect((await call('/api/campaigns/nope')).status).toBe(404);
    const page = await call('/no/such/page/');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Not found');
    const embed = await call('/embed.js');
    expect(embed.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('counts a signature once: duplicate, replayed key, and 20 identical requests at once', async () => {
    await signatureOnce(call, 'ada@example.org');
    await concurrentOnce(call, 'grace@example.org', 20);
  });

  it('refuses a bad body and changes nothing', async () => {
    await badInputRefused(call);
  });

  it('records a survey response', async () => {
    await surveyAnswered(call, 'rosa@example.org');
  });

  it(`confirms ${CAPACITY} RSVPs of 8 sent at once to a capped event and waitlists the rest`, async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, async (_, i) =>
        call(`/api/campaigns/${EVENT}/rsvps`, postJson(await withToken(call, EVENT, rsvp(`p${i}@example.org`)))),
      ),
    );
    expect(answers.map((res) => res.status)).toEqual(Array(8).fill(201));
    const statuses = await Promise.all(answers.map(async (res) => (await res.json()).rsvp.status));
    expect(statuses.filter((status) => status === 'confirmed')).toHaveLength(CAPACITY);
    expect(statuses.filter((status) => status === 'waitlisted')).toHaveLength(8 - CAPACITY);
    expect((await (await call(`/api/campaigns/${EVENT}`)).json()).count).toBe(CAPACITY);
  });

  it('opens the admin API only with the token', async () => {
    await adminNeedsToken(call);
  });

  it('sweeps retention on the hourly trigger and delivers the outbox to a webhook on the other', async () => {
    const hourly = await call('/__scheduled?cron=0+*+*+*+*');
    expect(hourly.status).toBe(200);
    expect(receiver.received).toHaveLength(0);
    const res = await call('/__scheduled?cron=*+*+*+*+*');
    expect(res.status).toBe(200);
    const types = receiver.received.map((request) => JSON.parse(request.body).type);
    // ada, grace (once), rosa's response, 8 RSVPs.
    expect(types.filter((type) => type === 'signature.created')).toHaveLength(2);
    expect(types.filter((type) => type === 'response.created')).toHaveLength(1);
    expect(types.filter((type) => type === 'rsvp.created')).toHaveLength(8);
    for (const { headers, body } of receiver.received) {
      expect(verifySignature(String(headers['ladder-signature']), body, [WEBHOOK_SECRET])).toBe(true);
    }
  });
});
