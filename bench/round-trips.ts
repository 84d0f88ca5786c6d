/**
 * Round trips to PostgreSQL per ask: each statement node-postgres sends (BEGIN and COMMIT included) is one round
 * trip, since a transaction's statements go one after another. Counts a signature, a survey response, an RSVP
 * and a call, each by a new supporter (`ROUND_TRIP_SAMPLES`, 5), through the app on a fresh schema, the abuse
 * guard off (it adds its own counters). `node bench/round-trips.ts`; issue 14 wants at most 3 each.
 */
import pg from 'pg';
import { createApp } from '../functions/app.ts';
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
const app = createApp({ store, catalog: catalogFrom(campaigns) });
const person = (email: string) => ({ givenName: 'Ada', familyName: 'Lovelace', email, postcode: '94110' });

const asks: [string, string, (i: number) => unknown][] = [
  ['signature', '/api/campaigns/library/signatures', (i) => signature({ person: person(`s${i}@example.org`) })],
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
  for (const [name, path, body] of asks) {
    const counts: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const before = statements;
      const res = await app.request(`http://localhost${path}`, post(body(i), { 'Idempotency-Key': `${name}-${i}` }));
      if (res.status !== 201) throw new Error(`${name}: ${res.status} ${await res.text()}`);
      counts.push(statements - before);
    }
    console.log(`${name}: ${counts.join(', ')} round trips (statements, BEGIN and COMMIT included)`);
  }
} finally {
  await store.close();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}
