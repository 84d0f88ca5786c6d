/**
 * Round trips to PostgreSQL per ask: each statement node-postgres sends (BEGIN and COMMIT included) is one round
 * trip, since a transaction's statements go one after another. Counts a signature, a survey response, an RSVP
 * and a call, each by a new supporter (`ROUND_TRIP_SAMPLES`, 5), through the app on a fresh schema, with the
 * abuse guard off, then on (its render token fetched first, not counted; a clock past the min fill time; generous
 * limits, so that every submission passes). `node bench/round-trips.ts`; issue 14 wants at most 3 each, guard on:
 * the guard's look with its rate limits, its claim on the token, then its pass with the ask.
 */
import pg from 'pg';
import { createApp } from '../functions/app.ts';
import type { GuardOptions } from '../functions/guard/config.ts';
import { catalogFrom } from '../functions/catalog.ts';
import { openPostgresStore } from '../functions/store/postgres.ts';
import { call, campaigns, event, post, signature, survey } from '../test/functions/fixtures.ts';

const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const SAMPLES = Number(process.env.ROUND_TRIP_SAMPLES ?? 5);

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const schema = `ladder_round_trips_${process.pid}`;
const admin = new pg.Pool({ connectionString: PG_URL });
await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
const store = await openPostgresStore(PG_URL, { schema });
let clock = Date.now();
const guard: GuardOptions = {
  secret: 'round-trips-secret-0123456789',
  minFillMs: 3000,
  maxAgeMs: 24 * 3600_000,
  tokenUses: 1000,
  canvassUses: 1000,
  perIp: { limit: 1_000_000, windowMs: 600_000 },
  perEmail: { limit: 1000, windowMs: 3600_000 },
  burst: { limit: 1_000_000, windowMs: 10_000 },
  trustProxy: false,
  disposable: 'allow',
  now: () => clock,
};
const apps = {
  off: createApp({ store, catalog: catalogFrom(campaigns) }),
  on: createApp({ store, catalog: catalogFrom(campaigns), guard }),
};
const person = (email: string) => ({ givenName: 'Ada', familyName: 'Lovelace', email, postcode: '94110' });

const asks: [string, string, (i: number) => unknown][] = [
  [
    'signature',
    '/api/campaigns/library/signatures',
    (i) => signature({ person: person(`s${i}@example.org`) }) as unknown,
  ],
  [
    'response',
    `/api/campaigns/${survey.slug}/responses`,
    (i) => ({
      person: person(`r${i}@example.org`),
      answers: { housing: 'rent', landlord: 'no', issues: ['repairs'], urgency: 5 },
      consent: { contact: true },
    }),
  ],
  [
    'RSVP',
    `/api/campaigns/${event.slug}/rsvps`,
    (i) => ({ person: person(`e${i}@example.org`), consent: { contact: true } }),
  ],
  [
    'call',
    `/api/campaigns/${call.slug}/calls`,
    (i) => ({ target: 'mayor', outcome: 'voicemail', postcode: '94110', person: person(`c${i}@example.org`) }),
  ],
];

try {
  for (const mode of ['off', 'on'] as const) {
    const app = apps[mode];
    for (const [name, path, body] of asks) {
      const counts: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const slug = path.split('/')[3];
        const got = mode === 'on' ? await app.request(`http://localhost/api/campaigns/${slug}`) : null;
        const { token } = got ? ((await got.json()) as { token?: string }) : {};
        // A person takes longer than the min fill time, and pauses between two on one page.
        clock += 10_000;
        const payload = { ...(body(mode === 'on' ? 1000 + i : i) as object), ...(token ? { token } : {}) };
        const headers = { 'Idempotency-Key': `${mode}-${name}-${i}`, Origin: 'http://localhost' };
        const before = statements;
        const res = await app.request(`http://localhost${path}`, post(payload, headers));
        if (res.status !== 201) throw new Error(`${name}, guard ${mode}: ${res.status} ${await res.text()}`);
        counts.push(statements - before);
      }
      console.log(`${name}, guard ${mode}: ${counts.join(', ')} round trips (statements, BEGIN and COMMIT included)`);
    }
  }
} finally {
  await store.close();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}
