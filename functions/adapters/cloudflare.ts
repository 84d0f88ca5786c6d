/**
 * Cloudflare Workers: the site and the widgets are static assets; `/api/*` reaches this Worker, which hands each
 * request to one Durable Object, `Ladder`, holding the store (SQLite with real transactions: see
 * functions/store/durable-object.ts for why not D1) and the same Hono app as `npm start`. Cron Triggers call
 * `scheduled`: each minute a delivery pass (and the reminders due), each hour the retention sweep, in the object.
 *
 * Configuration: deploy/cloudflare/wrangler.jsonc (vars) and `wrangler secret put` (LADDER_ADMIN_TOKEN, the sinks'
 * variables: functions/outbox/config.ts; the abuse defenses': functions/guard/config.ts, the client's IP from
 * CF-Connecting-IP). The campaigns are bundled by `npm run build:hosted` (no disk here).
 */
import catalogTexts from 'ladder:catalog';
import { catalogFromTexts } from '../catalog.ts';
import { type DurableStorage, openDurableStore } from '../store/durable-object.ts';
import { type Hosted, hosted } from './hosted.ts';

/** The bindings of wrangler.jsonc, and its vars and secrets (all strings). */
interface Env {
  LADDER: { idFromName(name: string): unknown; get(id: unknown): { fetch(request: Request): Promise<Response> } };
  ASSETS: { fetch(request: Request): Promise<Response> };
  [name: string]: unknown;
}

interface DurableState {
  storage: DurableStorage;
  blockConcurrencyWhile<T>(work: () => Promise<T>): Promise<T>;
}

/** Not under /api/: the Worker never forwards a visitor's request to these; only `scheduled` calls them. */
const DISPATCH = '/__ladder/dispatch';
const RETENTION = '/__ladder/retention';
/** The hourly trigger of wrangler.jsonc runs the retention sweep; the other, a delivery pass. */
const HOURLY = '0 * * * *';

const strings = (env: Env): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

async function build(storage: DurableStorage, vars: Record<string, string>): Promise<Hosted> {
  // Cloudflare sets CF-Connecting-IP at its edge (a client cannot), and the object gets the request with it.
  const env: Record<string, string> = { LADDER_TRUST_PROXY: 'cf-connecting-ip', ...vars };
  const catalog = await catalogFromTexts(catalogTexts.dir, catalogTexts.texts, async (file) => {
    if (file in catalogTexts.targets) return catalogTexts.targets[file];
    throw new Error('not bundled: run "npm run build:hosted" again');
  });
  // A mistake in the configuration fails every request with the variable's name, in the Worker's logs.
  return hosted(env, openDurableStore(storage), catalog);
}

/** The single writer: every API request and every delivery pass runs here, one transaction at a time. */
export class Ladder {
  readonly #ready: Promise<Hosted>;

  constructor(state: DurableState, env: Env) {
    // Migrations run before the first request is let in.
    this.#ready = state.blockConcurrencyWhile(() => build(state.storage, strings(env)));
  }

  async fetch(request: Request): Promise<Response> {
    const built = await this.#ready;
    const path = new URL(request.url).pathname;
    if (path === DISPATCH) return Response.json(await built.dispatch());
    if (path === RETENTION) {
      // Logged by the sweep; null when it failed (it resumes at the next pass).
      const counts = await built.retention();
      return Response.json(counts, { status: counts ? 200 : 500 });
    }
    return built.app.fetch(request);
  }
}

const ladder = (env: Env) => env.LADDER.get(env.LADDER.idFromName('ladder'));

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    // wrangler.jsonc sends only /api/* here; anything else is the site's (its 404 page).
    if (!new URL(request.url).pathname.startsWith('/api/')) return env.ASSETS.fetch(request);
    return ladder(env).fetch(request);
  },

  async scheduled(controller: { cron: string }, env: Env): Promise<void> {
    const path = controller.cron === HOURLY ? RETENTION : DISPATCH;
    const response = await ladder(env).fetch(new Request(`https://ladder.internal${path}`, { method: 'POST' }));
    if (!response.ok) throw new Error(`${path} failed: ${response.status} ${await response.text()}`);
  },
};
