/**
 * The fault scenarios' world: a database to break (a SQLite file, or a PostgreSQL schema of its own), the test
 * server (server.ts) as a child process that is restarted whenever it dies, as a process manager would, and a
 * probe that reads the database directly for the invariant.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import pg from 'pg';
import type { Param, Row } from '../../functions/store/db.ts';
import { fixtureCampaigns } from '../e2e/fixtures.ts';
import { freePort } from '../e2e/harness.ts';
import type { FaultPlan } from './faulty-db.ts';

const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A petition of the e2e fixtures: any origin-less client may sign it. */
export const SLUG = 'fix-the-fountain';

/** Reads the database behind the server's back: `?` parameters in both dialects. */
export interface Probe {
  all(sql: string, ...params: Param[]): Promise<Row[]>;
  close(): Promise<void>;
}

export interface Target {
  dialect: 'sqlite' | 'postgres';
  /** What the server needs to find the database. */
  env: Record<string, string>;
  /** The schema (PostgreSQL) or the file (SQLite). */
  where: string;
  probe(): Probe;
  dispose(): Promise<void>;
}

export function sqliteTarget(): Target {
  const path = join(mkdtempSync(join(tmpdir(), 'ladder-faults-')), 'ladder.sqlite');
  return {
    dialect: 'sqlite',
    env: { LADDER_DB: path },
    where: path,
    probe: () => sqliteProbe(path),
    dispose: async () => {},
  };
}

/** Reads a SQLite file that a server is writing (WAL: readers do not block it). */
export function sqliteProbe(path: string): Probe {
  const db = new DatabaseSync(path, { readOnly: true });
  return {
    all: async (sql, ...params) =>
      db.prepare(sql).all(...(params.map((p) => (typeof p === 'boolean' ? Number(p) : p)) as SQLInputValue[])),
    close: async () => db.close(),
  };
}

let schemas = 0;

/** A fresh schema per target (as test/functions/store.test.ts isolates PostgreSQL), dropped by `dispose`. */
export async function postgresTarget(): Promise<Target> {
  const schema = `ladder_faults_${process.pid}_${schemas++}`;
  const admin = new pg.Pool({ connectionString: PG_URL, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  return {
    dialect: 'postgres',
    env: { DATABASE_URL: PG_URL, LADDER_PG_SCHEMA: schema },
    where: schema,
    probe() {
      const sql = new pg.Pool({ connectionString: PG_URL, max: 1, options: `-c search_path=${schema}` });
      return {
        all: async (text, ...params) => {
          let n = 0;
          return (
            await sql.query(
              text.replace(/\?/g, () => `$${++n}`),
              params,
            )
          ).rows as Row[];
        },
        close: () => sql.end(),
      };
    },
    async dispose() {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/**
 * A real competing writer: SQLite's write lock from another connection, or a PostgreSQL transaction holding a
 * lock on the actions table that the signature's INSERT waits for. Resolves with its release.
 */
export async function holdLock(target: Target): Promise<() => Promise<void>> {
  if (target.dialect === 'sqlite') {
    const db = new DatabaseSync(target.where);
    db.exec('BEGIN IMMEDIATE');
    return async () => {
      db.exec('ROLLBACK');
      db.close();
    };
  }
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`BEGIN; LOCK TABLE "${target.where}".actions IN SHARE ROW EXCLUSIVE MODE`);
  return async () => {
    await client.query('ROLLBACK');
    await client.end();
  };
}

export const targets = [
  ['sqlite', sqliteTarget],
  ['postgres', postgresTarget],
] as const;

let content: string | undefined;

/** The campaign files, written once per test file. */
export function campaigns(): string {
  if (content) return content;
  content = join(mkdtempSync(join(tmpdir(), 'ladder-faults-content-')), 'campaigns');
  mkdirSync(content);
  for (const [name, text] of Object.entries(fixtureCampaigns('http://127.0.0.1:1'))) {
    writeFileSync(join(content, name), text);
  }
  return content;
}

/** A server entry to supervise, and what it prints once it listens. */
export interface Entry {
  path: string;
  ready: string;
}

/** test/faults/server.ts: the API and the dispatcher with the test's timing. */
export const API: Entry = { path: 'test/faults/server.ts', ready: 'listening' };
/** `npm start`'s server (site, widgets, API) over the faulty store, for the browser. */
export const SITE: Entry = { path: 'test/faults/node-server.ts', ready: 'Ladder is running' };

export interface Supervised {
  url: string;
  /** How each run of the server ended (`SIGKILL`, `exit 1`), in order. */
  exits: string[];
  /** The `fault:` lines the server wrote before each fault (faulty-db.ts `report`). */
  faults: string[];
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** Resolves once the server is listening (again). */
  ready(): Promise<void>;
  /** Kills the running server with SIGKILL (it is then restarted). */
  kill(): void;
  stop(): Promise<void>;
}

/**
 * Runs the test server on one port and restarts it each time it dies, with the next fault plan (no faults once
 * `plans` are used up). `env` adds to or overrides the defaults: no fill time, and no limit per IP (every supporter
 * here comes from 127.0.0.1); the other defenses as configured by default.
 */
export async function supervise(
  target: Target,
  plans: FaultPlan[],
  env: Record<string, string> = {},
  entry: Entry = API,
) {
  const port = await freePort();
  let log = '';
  let stopping = false;
  let child: ChildProcess;
  let ready: Promise<void>;
  const running: Supervised = {
    url: `http://127.0.0.1:${port}`,
    exits: [],
    faults: [],
    output: () => log,
    ready: () => ready,
    kill: () => void child.kill('SIGKILL'),
    stop: async () => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
  const start = (plan: FaultPlan) => {
    child = spawn(process.execPath, [entry.path], {
      env: {
        ...process.env,
        PORT: String(port),
        LADDER_CONTENT: campaigns(),
        LADDER_SECRET: 'faults-secret-faults-secret-faults',
        LADDER_MIN_FILL_MS: '0',
        LADDER_RATE_IP: '100000/600',
        LADDER_RATE_BURST: '100000/10',
        ...target.env,
        ...env,
        LADDER_FAULTS: JSON.stringify(plan),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let listening = false;
    ready = new Promise<void>((resolve, reject) => {
      let printed = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        log += chunk;
        printed += chunk;
        if (!printed.includes(entry.ready)) return;
        listening = true;
        resolve();
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        log += chunk;
        for (const line of String(chunk).split('\n'))
          if (line.startsWith('fault: ')) running.faults.push(line.slice(7));
      });
      child.once('exit', (code, signal) => {
        reject(new Error(`the server ended before listening (${signal ?? code}):\n${log}`));
        // One that cannot start (a mistake in its configuration) is not restarted in a loop: \`ready()\` says why.
        if (stopping || !listening) return;
        running.exits.push(signal ?? `exit ${code}`);
        start(plans[running.exits.length] ?? {});
      });
    });
    // Clients wait on `ready()` after a failure; a rejected start that nobody awaits is not an error.
    ready.catch(() => {});
  };
  start(plans[0] ?? {});
  await ready!;
  return running;
}

const opened: (() => Promise<void>)[] = [];

/** Closes what `world` opened, last first: call it in `afterEach`. */
export async function closeWorlds(): Promise<void> {
  for (const close of opened.splice(0).reverse()) await close();
}

/** A database, the supervised server on it and a probe into it; `closeWorlds` ends them. */
export async function world(
  open: () => Target | Promise<Target>,
  plans: FaultPlan[],
  env: Record<string, string> = {},
): Promise<{ target: Target; server: Supervised; probe: Probe }> {
  const target = await open();
  opened.push(() => target.dispose());
  const server = await supervise(target, plans, env);
  opened.push(() => server.stop());
  const probe = target.probe();
  opened.push(() => probe.close());
  return { target, server, probe };
}

/** Closes a receiver or any other server with the world. */
export const closeWithWorld = (close: () => Promise<void>) => void opened.push(close);
