/**
 * Listening results at scale (issue 15): a survey of 20,000 responses to 12 questions, a third of them open
 * answers in English, Spanish, French and Arabic; the results JSON under two filters, and theme suggestion over
 * every open answer, on SQLite and (when it answers) PostgreSQL. Goals: results < 300 ms, themes < 3 s.
 * The responses are written straight into the tables (the bench measures reading, not the write path, which the
 * signature bench covers). Run alone: `node bench/results.ts`; `npm run bench` runs it after the throughput.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { createApp } from '../functions/app.ts';
import { catalogFrom } from '../functions/catalog.ts';
import { newId } from '../functions/store/ids.ts';
import { openPostgresStore } from '../functions/store/postgres.ts';
import { openSqliteStore } from '../functions/store/sqlite.ts';
import type { Store } from '../functions/store/types.ts';
import { Campaign, type CampaignEntry } from '../schema/campaign.ts';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 20_000);
const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const TOKEN = 'bench-admin-token';

const options = ['a', 'b', 'c', 'd'];
const survey: CampaignEntry = {
  ...Campaign.parse({
    kind: 'survey',
    title: 'Bench listening',
    summary: 'Twelve questions.',
    consent: { text: 'Keep me updated.', version: 'v1' },
    survey: {
      anonymous: true,
      canvass: true,
      pages: [
        {
          questions: [
            ...[1, 2, 3, 4].map((i) => ({ id: `single${i}`, type: 'single', label: `Single ${i}`, options })),
            { id: 'yes1', type: 'yesno', label: 'Yes 1' },
            { id: 'yes2', type: 'yesno', label: 'Yes 2', showIf: { question: 'yes1', equals: 'yes' } },
            { id: 'many', type: 'multiple', label: 'Many', options },
            { id: 'scale', type: 'scale', label: 'Scale', min: 1, max: 5 },
            ...[1, 2, 3, 4].map((i) => ({ id: `open${i}`, type: 'text', label: `Open ${i}` })),
          ],
        },
      ],
      help: { question: 'Would you help?', options: ['host', 'canvass'] },
    },
  }),
  slug: 'bench-listening',
};

const SAYINGS = [
  'The heating is broken again and the landlord never answers',
  'Rent went up twice this year, we cannot pay the rent',
  'Rats in the basement and mold in the bathroom',
  'La calefacción no funciona y el casero no contesta',
  'El alquiler subió dos veces este año',
  'Hay ratas en el sótano y moho en el baño',
  'Le chauffage est en panne et le propriétaire ne répond pas',
  'Le loyer a augmenté deux fois cette année',
  'Des rats dans la cave et de la moisissure',
  'التدفئة معطلة والمالك لا يرد',
  'ارتفع الإيجار مرتين هذا العام',
  'فئران في القبو وعفن في الحمام',
];

/** A deterministic pseudo-random response. */
function details(i: number) {
  const pick = <T>(list: T[], salt: number) => list[(i * 7919 + salt * 104729) % list.length];
  const yes1 = pick(['yes', 'no'], 5);
  return {
    answers: {
      single1: pick(options, 1),
      single2: pick(options, 2),
      single3: pick(options, 3),
      single4: pick(options, 4),
      yes1,
      ...(yes1 === 'yes' ? { yes2: pick(['yes', 'no'], 6) } : {}),
      many: options.filter((_, j) => (i >> j) % 2 === 1 || j === i % 4),
      scale: 1 + (i % 5),
      open1: pick(SAYINGS, 7),
      open2: `${pick(SAYINGS, 8)}. ${pick(SAYINGS, 9)}`,
      open3: pick(SAYINGS, 10),
      open4: pick(SAYINGS, 11),
    },
    help: i % 9 === 0 ? ['host'] : [],
    canvass:
      i % 3 === 0
        ? { canvasser: `Canvasser ${i % 6}`, turf: `Turf ${i % 4}`, collectedAt: '2026-11-28T18:00:00Z' }
        : null,
  };
}

const created = (i: number) => new Date(Date.UTC(2026, 10, 1) + (i % 30) * 86_400_000 + i).toISOString();

/**
 * The median of `runs` runs after a warm-up: wall time, and this process's CPU time (user + system), which on a
 * loaded machine says what the work costs when wall time mostly says how long the process waited for a core
 * (SQLite runs in this process; PostgreSQL's work is in its server, so its CPU time here is only the client's).
 */
async function time<T>(work: () => Promise<T>, runs = 5): Promise<{ ms: number; cpu: number; result: T }> {
  let result = await work(); // warm-up
  const times: [number, number][] = [];
  for (let i = 0; i < runs; i++) {
    const [start, cpu] = [performance.now(), process.cpuUsage()];
    result = await work();
    const used = process.cpuUsage(cpu);
    times.push([performance.now() - start, (used.user + used.system) / 1000]);
  }
  times.sort((a, b) => a[0] - b[0]);
  const [ms, cpu] = times[Math.floor(runs / 2)];
  return { ms, cpu, result };
}

async function measure(name: string, store: Store): Promise<void> {
  const app = createApp({ store, catalog: catalogFrom([survey]), adminToken: TOKEN });
  const get = async (path: string) => {
    const res = await app.request(`http://localhost/api/admin/campaigns/bench-listening${path}`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return res.json();
  };
  const results = await time(() => get('/results?answer=single1:a&from=2026-11-05&to=2026-11-25'));
  const themes = await time(() => get('/results/suggestions'), 3);
  const { responses } = results.result as { responses: number };
  const { suggestions } = themes.result as { suggestions: unknown[] };
  const cpu = (t: { cpu: number }) => (name === 'SQLite' ? `, CPU ${t.cpu.toFixed(0)} ms` : '');
  console.log(
    `${name.padEnd(12)} results, 2 filters (${responses} of ${RESPONSES}): ${results.ms.toFixed(0)} ms${cpu(results)} ` +
      `(goal < 300); themes over ${RESPONSES * 4} open answers (${suggestions.length} suggested): ` +
      `${themes.ms.toFixed(0)} ms${cpu(themes)} (goal < 3000)`,
  );
}

async function sqlite(): Promise<void> {
  const path = join(mkdtempSync(join(tmpdir(), 'ladder-bench-results-')), 'ladder.sqlite');
  await (await openSqliteStore(path)).close(); // migrations
  const raw = new DatabaseSync(path);
  const insert = raw.prepare(
    `INSERT INTO actions (id, campaign, kind, details, source, origin, created_at) VALUES (?, ?, 'response', ?, ?, ?, ?)`,
  );
  raw.exec('BEGIN');
  for (let i = 0; i < RESPONSES; i++) {
    insert.run(newId(), survey.slug, JSON.stringify(details(i)), i % 2 ? 'flyer' : null, null, created(i));
  }
  raw.exec('COMMIT');
  raw.close();
  const store = await openSqliteStore(path);
  try {
    await measure('SQLite', store);
  } finally {
    await store.close();
  }
}

async function postgresBench(): Promise<void> {
  const schema = `ladder_bench_results_${process.pid}`;
  // The actions' trigger writes to `counts`, unqualified: these connections look in the bench's schema.
  const sql = new pg.Pool({ connectionString: PG_URL, options: `-c search_path=${schema}` });
  try {
    await sql.query('SELECT 1');
  } catch {
    console.log('PostgreSQL    not reachable: skipped');
    await sql.end();
    return;
  }
  const store = await openPostgresStore(PG_URL, { schema });
  try {
    for (let from = 0; from < RESPONSES; from += 1000) {
      const rows = Array.from({ length: Math.min(1000, RESPONSES - from) }, (_, j) => {
        const i = from + j;
        return {
          id: newId(),
          campaign: survey.slug,
          kind: 'response',
          details: JSON.stringify(details(i)),
          source: i % 2 ? 'flyer' : null,
          created_at: created(i),
        };
      });
      await sql.query(
        `INSERT INTO "${schema}".actions (id, campaign, kind, details, source, created_at)
         SELECT id::uuid, campaign, kind, details::jsonb, source, created_at::timestamptz
         FROM json_to_recordset($1::text::json) AS r(id text, campaign text, kind text, details text, source text, created_at text)`,
        [JSON.stringify(rows)],
      );
    }
    // What autovacuum does after so many inserts: statistics, and the visibility map that lets the figures read
    // the answers from their indexes alone.
    await sql.query(`VACUUM ANALYZE "${schema}".actions, "${schema}".answers`);
    await measure('PostgreSQL', store);
  } finally {
    await store.close();
    await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await sql.end();
  }
}

console.log(`\nListening results: ${RESPONSES} responses, 12 questions (4 open, in en/es/fr/ar)`);
await sqlite();
await postgresBench();
