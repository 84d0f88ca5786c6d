/**
 * Every admin route that takes an id answers 404 for an id that cannot be one (PostgreSQL's UUID columns refuse
 * such text with an error, SQLite simply finds nothing): the same answer on both databases, never a 5xx.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, testApp } from './fixtures.ts';
import { openStore } from './guard-fixtures.ts';

const auth = { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' };

/** Each route with an id, and a body it would accept. */
const ROUTES: [method: string, path: (id: string) => string, body?: unknown][] = [
  ['GET', (id) => `supporters/${id}/export`],
  ['PUT', (id) => `supporters/${id}/rung`, { rung: 'leader' }],
  ['PUT', (id) => `supporters/${id}/tags`, { add: ['host'] }],
  ['POST', (id) => `rsvps/${id}/check-in`],
  ['POST', (id) => `outbox/${id}/redeliver`],
  ['GET', (id) => `campaigns/block-survey/people/${id}`],
  ['PATCH', (id) => `campaigns/block-survey/themes/${id}`, { label: 'Rent' }],
  ['DELETE', (id) => `campaigns/block-survey/themes/${id}`],
  ['POST', (id) => `campaigns/block-survey/themes/${id}/merge`, { into: '0192f3c4-5b6a-7c8d-9e0f-1a2b3c4d5e6f' }],
  ['PUT', (id) => `team/${id}`, { role: 'volunteer' }],
  ['DELETE', (id) => `team/${id}`],
  ['DELETE', (id) => `tokens/${id}`],
  ['GET', (id) => `followups/${id}`],
  ['PATCH', (id) => `followups/${id}`, { closed: true }],
  ['POST', (id) => `followups/${id}/batch`],
  ['GET', (id) => `followups/${id}/batch`],
  ['POST', (id) => `followups/${id}/release`],
  ['POST', (id) => `contacts/${id}/outcome`, { idempotencyKey: 'outcome-0001', outcome: 'talked' }],
  ['GET', (id) => `contacts/${id}/messages`],
  ['POST', (id) => `contacts/${id}/messages`, { idempotencyKey: 'message-0001' }],
  ['POST', (id) => `contacts/${id}/close`],
];

const MALFORMED = [
  'not-a-uuid',
  '42',
  '-'.repeat(36),
  'zzzzzzzz-zzzz-7zzz-8zzz-zzzzzzzzzzzz',
  '0192f3c4-5b6a-7c8d-9e0f-1a2b3c4d5e6f0',
  encodeURIComponent("' OR 1=1 --"),
];

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`admin ids on ${dialect}`, async () => {
    const { app, store } = await testApp(await openStore(dialect));
    afterAll(() => store.close());

    for (const [method, path, body] of ROUTES) {
      it(`${method} /api/admin/${path(':id')} answers 404 for a malformed id`, async () => {
        const send = (id: string) =>
          app.request(`http://localhost/api/admin/${path(id)}`, {
            method,
            headers: auth,
            ...(body ? { body: JSON.stringify(body) } : {}),
          });
        for (const id of MALFORMED) {
          const res = await send(id);
          expect({ id, status: res.status }).toEqual({ id, status: 404 });
          expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
        }
        // A well-formed id nobody has: no error either (redelivery answers how many it queued again: 0).
        const unknown = await send('0192f3c4-5b6a-7c8d-9e0f-1a2b3c4d5e6f');
        expect(unknown.status).toBe(path('x').startsWith('outbox/') ? 200 : 404);
      });
    }
  });
}
