/**
 * Follow-ups at scale (issue 12): 20 volunteers work one texting list of 10,000 contacts at once over real HTTP
 * (the app served on 127.0.0.1, a local fake Twilio): take a batch, send each contact the script, record an outcome,
 * until the list is empty. p50 and p99 per action, the error count, and the check that no contact was texted twice
 * or skipped; on SQLite and (when it answers) PostgreSQL. Goal: p99 < 300 ms. The people are written straight into
 * the tables (the signature bench covers that path). Client and server share this process: latencies include the
 * client's share of the CPU. Run alone: `node bench/followups.ts`; `npm run bench` runs it (`BENCH_FOLLOWUPS=0`
 * skips it); `BENCH_FOLLOWUP_CONTACTS`, `BENCH_FOLLOWUP_VOLUNTEERS` change the size, `BENCH_FOLLOWUP_DB=sqlite` or
 * `postgres` runs one database only.
 */
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { createApp } from '../functions/app.ts';
import { catalogFrom } from '../functions/catalog.ts';
import { newId } from '../functions/store/ids.ts';
import { openPostgresStore } from '../functions/store/postgres.ts';
import { openSqliteStore } from '../functions/store/sqlite.ts';
import type { Store } from '../functions/store/types.ts';
import type { Batch } from '../schema/followup.ts';
import { quantile } from './open-loop.ts';

const CONTACTS = Number(process.env.BENCH_FOLLOWUP_CONTACTS ?? 10_000);
const VOLUNTEERS = Number(process.env.BENCH_FOLLOWUP_VOLUNTEERS ?? 20);
const DB = process.env.BENCH_FOLLOWUP_DB ?? 'both';
const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const SID = 'ACbench0000000000000000000000000000';
const AUTH = 'bench-twilio-token';

/** A zone where it is noon now, so that every text is within texting hours. */
function noonZone(now = new Date()): string {
  let offset = (12 - now.getUTCHours() + 24) % 24;
  if (offset > 12) offset -= 24;
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** The people: each with a phone, a signature with SMS consent, and the tag the list is built from. */
function people() {
  const at = new Date(Date.now() - 86_400_000).toISOString();
  return Array.from({ length: CONTACTS }, (_, i) => ({
    id: newId(),
    action: newId(),
    email: `p${i}@bench.example`,
    phone: `+1415${String(1_000_000 + i).padStart(7, '0')}`,
    code: `b${i}`,
    at,
  }));
}

function seedSqlite(path: string): void {
  const raw = new DatabaseSync(path);
  const s = raw.prepare(
    `INSERT INTO supporters (id, email, given_name, family_name, phone, referral_code, rung, created_at, updated_at)
     VALUES (?, ?, 'Pat', 'Doe', ?, ?, 'supporter', ?, ?)`,
  );
  const a = raw.prepare(
    `INSERT INTO actions (id, campaign, kind, supporter_id, created_at) VALUES (?, 'bench', 'signature', ?, ?)`,
  );
  const c = raw.prepare(
    `INSERT INTO consents (action_id, contact, sms, text_version, text_hash, created_at) VALUES (?, 1, 1, 'v1', 'h', ?)`,
  );
  const t = raw.prepare(
    `INSERT INTO supporter_tags (supporter_id, tag, source, created_at) VALUES (?, 'bench', 'bench', ?)`,
  );
  raw.exec('BEGIN');
  for (const p of people()) {
    s.run(p.id, p.email, p.phone, p.code, p.at, p.at);
    a.run(p.action, p.id, p.at);
    c.run(p.action, p.at);
    t.run(p.id, p.at);
  }
  raw.exec('COMMIT');
  raw.close();
}

async function seedPostgres(sql: pg.Pool, schema: string): Promise<void> {
  const all = people();
  for (let from = 0; from < all.length; from += 1000) {
    const rows = JSON.stringify(all.slice(from, from + 1000));
    const recordset = `json_to_recordset($1::text::json) AS r(id uuid, action uuid, email text, phone text, code text, at timestamptz)`;
    await sql.query(
      `INSERT INTO "${schema}".supporters (id, email, given_name, family_name, phone, referral_code, rung, created_at, updated_at)
       SELECT id, email, 'Pat', 'Doe', phone, code, 'supporter', at, at FROM ${recordset}`,
      [rows],
    );
    await sql.query(
      `INSERT INTO "${schema}".actions (id, campaign, kind, supporter_id, created_at)
       SELECT action, 'bench', 'signature', id, at FROM ${recordset}`,
      [rows],
    );
    await sql.query(
      `INSERT INTO "${schema}".consents (action_id, contact, sms, text_version, text_hash, created_at)
       SELECT action, true, true, 'v1', 'h', at FROM ${recordset}`,
      [rows],
    );
    await sql.query(
      `INSERT INTO "${schema}".supporter_tags (supporter_id, tag, source, created_at)
       SELECT id, 'bench', 'bench', at FROM ${recordset}`,
      [rows],
    );
  }
  await sql.query(`ANALYZE "${schema}".supporters; ANALYZE "${schema}".actions; ANALYZE "${schema}".consents`);
}

/** A fake Twilio that counts the texts each number got. */
async function provider() {
  const texts = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const to = new URLSearchParams(Buffer.concat(chunks).toString()).get('To') ?? '';
      texts.set(to, (texts.get(to) ?? 0) + 1);
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ sid: `SM${crypto.randomUUID().replace(/-/g, '')}`, status: 'queued', to }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, texts, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function work(name: string, store: Store): Promise<void> {
  const fake = await provider();
  const app = createApp({
    store,
    catalog: catalogFrom([]),
    sms: { accountSid: SID, authToken: AUTH, from: '+15005550006', baseUrl: fake.url },
    followups: { organization: 'Bench Union', timezone: noonZone() },
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(listening));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/admin`;
  try {
    const owner = (await store.team.createToken('bench-owner', 'owner')).secret;
    const call = (token: string, method: string, path: string, body?: unknown) =>
      fetch(`${base}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const t0 = performance.now();
    const created = await call(owner, 'POST', '/followups', {
      name: 'Bench',
      channel: 'text',
      rule: { kind: 'tag', tag: 'bench' },
      script: { text: 'Hi {firstName}, this is {sender} from {organization}. Can you come Saturday?' },
      assignees: 'volunteers',
    });
    const { followup } = (await created.json()) as { followup: { id: string } };
    const build = performance.now() - t0;
    const times: Record<'take' | 'send' | 'record', number[]> = { take: [], send: [], record: [] };
    let errors = 0;
    // A connection the server closed as it was reused (keep-alive, on a loaded machine) is an error, and the same
    // request goes again: with the same idempotency key it counts once.
    const timed = async (kind: keyof typeof times, request: () => Promise<Response>) => {
      for (let attempt = 1; ; attempt++) {
        const start = performance.now();
        try {
          const res = await request();
          const body = await res.text();
          times[kind].push(performance.now() - start);
          if (res.status >= 400) errors++;
          return { status: res.status, body };
        } catch (error) {
          errors++;
          if (attempt === 3) throw error;
        }
      }
    };
    const volunteer = async (v: number) => {
      const token = (await store.team.createToken(`bench-volunteer-${v}`, 'volunteer')).secret;
      for (;;) {
        const taken = await timed('take', () => call(token, 'POST', `/followups/${followup.id}/batch`));
        if (taken.status !== 200) return;
        const { contacts } = JSON.parse(taken.body) as Batch;
        if (!contacts.length) return;
        for (const contact of contacts) {
          await timed('send', () =>
            call(token, 'POST', `/contacts/${contact.id}/messages`, { idempotencyKey: `s-${contact.id}` }),
          );
          const outcome = { idempotencyKey: `o-${contact.id}`, outcome: 'talked' };
          await timed('record', () => call(token, 'POST', `/contacts/${contact.id}/outcome`, outcome));
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: VOLUNTEERS }, (_, v) => volunteer(v)));
    const seconds = (performance.now() - started) / 1000;
    const figures = await store.followups.figures(followup.id);
    const twice = [...fake.texts.values()].filter((n) => n > 1).length;
    const skipped = CONTACTS - fake.texts.size;
    console.log(
      `${name.padEnd(11)} list of ${figures.eligible} built in ${build.toFixed(0)} ms; ${VOLUNTEERS} volunteers, ${seconds.toFixed(1)} s; ` +
        `errors ${errors}; texted twice ${twice}; skipped ${skipped}; closed ${figures.closed}`,
    );
    for (const [kind, list] of Object.entries(times)) {
      list.sort((a, b) => a - b);
      console.log(
        `${''.padEnd(11)} ${kind.padEnd(7)} n ${String(list.length).padStart(6)}  p50 ${quantile(list, 0.5).toFixed(1).padStart(7)} ms  ` +
          `p99 ${quantile(list, 0.99).toFixed(1).padStart(7)} ms (goal < 300)`,
      );
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await fake.close();
  }
}

async function sqlite(): Promise<void> {
  const path = join(mkdtempSync(join(tmpdir(), 'ladder-bench-followups-')), 'ladder.sqlite');
  await (await openSqliteStore(path)).close(); // migrations
  seedSqlite(path);
  const store = await openSqliteStore(path);
  try {
    await work('SQLite', store);
  } finally {
    await store.close();
  }
}

async function postgresBench(): Promise<void> {
  const schema = `ladder_bench_followups_${process.pid}`;
  const sql = new pg.Pool({ connectionString: PG_URL, options: `-c search_path=${schema}` });
  try {
    await sql.query('SELECT 1');
  } catch {
    console.log('PostgreSQL  not reachable: skipped');
    await sql.end();
    return;
  }
  const store = await openPostgresStore(PG_URL, { schema });
  try {
    await seedPostgres(sql, schema);
    await work('PostgreSQL', store);
  } finally {
    await store.close();
    await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await sql.end();
  }
}

console.log(
  `\nFollow-ups: ${VOLUNTEERS} volunteers text one list of ${CONTACTS} (take a batch, send, record), over HTTP`,
);
if (DB !== 'postgres') await sqlite();
if (DB !== 'sqlite') await postgresBench();
