/**
 * A server for the benchmark, in its own process so the load loop does not share its event loop:
 * `bare` is a Hono app answering GET with a constant (the baseline); `app` is the Ladder API on a store.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { isWorker, supervisor } from '../functions/adapters/cluster.ts';
import { createApp } from '../functions/app.ts';
import { catalogFrom } from '../functions/catalog.ts';
import { openStore } from '../functions/store/open.ts';
import { Campaign } from '../schema/campaign.ts';

const mode = process.argv[2];
let fetch: (request: Request) => Response | Promise<Response>;
if (mode === 'bare') {
  const bare = new Hono();
  bare.get('/', (c) => c.json({ ok: true }));
  fetch = bare.fetch;
} else {
  // LADDER_WORKERS > 1: this process supervises that many, and says once when they all listen.
  if (await supervisor(process.env, (port) => console.log(`listening ${port}`))) await new Promise(() => {});
  const campaign = Campaign.parse({
    kind: 'petition',
    title: 'Bench',
    summary: 'A petition for the benchmark.',
    consent: { text: 'Keep me updated.', version: '1' },
    petition: { to: 'Someone', ask: 'Something.' },
  });
  const store = await openStore(process.env);
  fetch = createApp({ store, catalog: catalogFrom([{ ...campaign, slug: 'bench' }]) }).fetch;
}
serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  if (!isWorker()) console.log(`listening ${info.port}`);
});
// Stopped by the bench with SIGTERM: exit normally, so that `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
