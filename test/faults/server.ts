/**
 * The test-only server of the fault scenarios (run as a child process, so that it can be killed for real): the
 * real app, store, sinks and dispatcher on one port, API only. Two differences from functions/adapters/node.ts:
 *
 * - The store's `Db` is wrapped by test/faults/faulty-db.ts as `LADDER_FAULTS` says (the module hook of hooks.ts).
 * - The dispatcher's timing is the test's: `LADDER_LEASE_MS` (a claim lost with a killed process comes back after
 *   it; production waits 5 minutes), `LADDER_BACKOFF_MS` (the wait after a failed attempt; production 30 s+) and
 *   `LADDER_GIVE_UP_MS` (dead-letter a failing event this long after it was written; production 3 days).
 *
 * Other variables as for `npm start`: PORT, LADDER_CONTENT, LADDER_DB or DATABASE_URL and LADDER_PG_SCHEMA,
 * LADDER_DISPATCH_INTERVAL, LADDER_ADMIN_TOKEN, the sinks' and the guard's. Prints "listening" when ready.
 */
import type { IncomingMessage } from 'node:http';
import './hooks.ts';

// Imported after the hook, so that the store loads the faulty engine.
const { serve } = await import('@hono/node-server');
const { createApp } = await import('../../functions/app.ts');
const { loadCatalog } = await import('../../functions/catalog.ts');
const { guardFromEnv } = await import('../../functions/guard/config.ts');
const { sinksFromEnv } = await import('../../functions/outbox/config.ts');
const { startDispatcher } = await import('../../functions/outbox/dispatcher.ts');
const { openStore } = await import('../../functions/store/open.ts');

const env = process.env;
const catalog = await loadCatalog(env.LADDER_CONTENT ?? '');
const store = await openStore(env);
const sinks = sinksFromEnv(env, catalog);
const api = createApp({
  store,
  catalog,
  adminToken: env.LADDER_ADMIN_TOKEN,
  sinks: sinks.map((sink) => sink.name),
  guard: await guardFromEnv(env, store),
});

serve(
  {
    // The socket's address as `env.ip`, as the Node adapter passes it (the guard's per-IP limits read it).
    fetch: (request, bindings) =>
      api.fetch(request, { ip: (bindings as { incoming?: IncomingMessage }).incoming?.socket.remoteAddress }),
    port: Number(env.PORT),
    hostname: '127.0.0.1',
  },
  () => {
    if (sinks.length) {
      const backoff = Number(env.LADDER_BACKOFF_MS ?? 100);
      startDispatcher(store, sinks, Number(env.LADDER_DISPATCH_INTERVAL ?? 100), {
        leaseMs: Number(env.LADDER_LEASE_MS ?? 1000),
        giveUpAfterMs: env.LADDER_GIVE_UP_MS ? Number(env.LADDER_GIVE_UP_MS) : undefined,
        backoff: () => backoff,
        log: () => {},
      });
    }
    console.log('listening');
  },
);
