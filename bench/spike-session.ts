/**
 * A session of the spike: a fresh database (a new SQLite file, or a new PostgreSQL schema dropped afterwards), the
 * real Node server on it in a process of its own (functions/adapters/node.ts, API only: the static folders are
 * empty), phases of load against it, then the database checked against everything the generator was told.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { client } from './open-loop.ts';
import { phase, type PhaseOptions, type PhaseResult } from './spike-phase.ts';
import { type Ledger, readPostgres, readSqlite, type Verification, verify } from './spike-verify.ts';
import { startServer } from './spawn.ts';

export const SLUG = 'spike';
/** The page the widgets are embedded in: a partner's, on the campaign's allow-list. */
const PARTNER = 'https://partner.example';

export type SessionOptions = Pick<PhaseOptions, 'connections' | 'fillMs' | 'minFillMs' | 'retryMs' | 'stallMs'> & {
  db: 'sqlite' | 'postgres';
  /** A temporary folder of the caller's, for the campaign file and the SQLite file. */
  dir: string;
  /** Unique within the run: names the SQLite file or the PostgreSQL schema. */
  name: string;
  pgUrl: string;
  /** A folder for a CPU profile of the server (`node --cpu-prof`), written when it stops. */
  profile?: string;
  /** The server's processes (LADDER_WORKERS). */
  workers: number;
};

export interface Session {
  run(rate: number, seconds: number): Promise<PhaseResult>;
  /** CPU seconds the server has used so far. */
  cpuSeconds(): number;
  /** The median of 50 page loads (`GET /api/campaigns/:slug`) one at a time: what one costs at the table's size. */
  pageLoadMs(): Promise<number>;
}

/** The campaign, an empty site and an empty embed folder: the server's static part is not under test. */
function fixture(dir: string): { content: string; site: string; embed: string } {
  const [content, site, embed] = ['content', 'site', 'embed'].map((name) => join(dir, name));
  for (const folder of [content, site, embed]) mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(content, `${SLUG}.md`),
    `---
kind: petition
title: Spike
summary: A petition that went viral.
consent:
  text: Keep me updated.
  version: '1'
petition:
  to: Someone
  ask: Something.
partners:
  - '${PARTNER}'
---
`,
  );
  return { content, site, embed };
}

/** Runs `work` against a fresh server and database; null when PostgreSQL does not answer. */
export async function session<T>(
  options: SessionOptions,
  work: (session: Session) => Promise<T>,
): Promise<{ result: T; verification: Verification } | null> {
  const files = fixture(options.dir);
  const sqliteFile = join(options.dir, `${options.name}.sqlite`);
  const schema = `ladder_${options.name}_${process.pid}`;
  const admin =
    options.db === 'postgres' ? new pg.Pool({ connectionString: options.pgUrl, connectionTimeoutMillis: 3000 }) : null;
  if (admin) {
    try {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    } catch (error) {
      console.log(`\nPostgreSQL: skipped, ${options.pgUrl} did not answer (${(error as Error).message})`);
      await admin.end();
      return null;
    }
  }
  try {
    const store = admin ? { DATABASE_URL: options.pgUrl, LADDER_PG_SCHEMA: schema } : { LADDER_DB: sqliteFile };
    // The bench decides the server's whole configuration: nothing inherited from the shell (a DATABASE_URL...).
    const inherited = Object.entries(process.env).filter(([n]) => !n.startsWith('LADDER_') && n !== 'DATABASE_URL');
    const server = await startServer(
      'functions/adapters/node.ts',
      [],
      {
        ...Object.fromEntries(inherited),
        ...store,
        PORT: '0',
        HOST: '127.0.0.1',
        LADDER_CONTENT: files.content,
        LADDER_SITE_OUT: files.site,
        LADDER_EMBED_OUT: files.embed,
        // Behind a proxy, each supporter's own address: a spike comes from many addresses.
        LADDER_TRUST_PROXY: '1',
        LADDER_MIN_FILL_MS: String(options.minFillMs),
        LADDER_WORKERS: String(options.workers),
      },
      /running at http:\/\/[^/]*:(\d+)/,
      options.profile ? ['--cpu-prof', `--cpu-prof-dir=${options.profile}`] : [],
    );
    const ledger: Ledger = new Map();
    let supporters = 0;
    let result: T;
    try {
      result = await work({
        cpuSeconds: () => server.cpuSeconds(),
        async pageLoadMs() {
          const http = client(server.url, 1);
          // A server that stopped answering (the phase gave up on it) gives NaN, not a hung benchmark.
          const timer = setTimeout(() => http.abort(), options.stallMs);
          const times: number[] = [];
          try {
            for (let i = 0; i < 50; i++) {
              const start = performance.now();
              const page = await http.send('GET', `/api/campaigns/${SLUG}`, { Origin: PARTNER });
              if (page.status !== 200) return NaN;
              times.push(performance.now() - start);
            }
            return times.sort((a, b) => a - b)[25];
          } catch {
            return NaN;
          } finally {
            clearTimeout(timer);
            http.abort();
          }
        },
        async run(rate, seconds) {
          const firstSupporter = supporters;
          supporters += Math.round(rate * seconds);
          return phase({
            ...options,
            url: server.url,
            slug: SLUG,
            origin: PARTNER,
            rate,
            seconds,
            firstSupporter,
            ledger,
          });
        },
      });
    } catch (error) {
      console.log(server.errors());
      throw error;
    } finally {
      await server.stop();
    }
    const tables = admin ? await readPostgres(options.pgUrl, schema, SLUG) : readSqlite(sqliteFile, SLUG);
    return { result, verification: verify(ledger, tables) };
  } finally {
    if (admin) {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  }
}
