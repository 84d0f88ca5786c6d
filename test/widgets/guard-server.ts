/**
 * The abuse defenses in the browser tests (test/widgets/web-test-runner.config.ts).
 *
 * Every widget test talks to an API whose guard is on but relaxed (no min fill time, limits no test reaches), so
 * that tokens and the honeypot are exercised on every submission without slowing anyone. `/guarded/api/*` is the
 * same store behind a realistic guard (a 3 s min fill time, a CAPTCHA with a fake provider) for
 * test/widgets/guard.test.ts: `<ladder-petition api="/guarded">`. `/__test/fake-turnstile.js` is a provider script
 * with Turnstile's `render(el, { sitekey, callback })`; a local fake siteverify answers the server the way
 * Cloudflare's does.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context, Next } from 'koa';
import { createApp } from '../../functions/app.ts';
import type { Catalog } from '../../functions/catalog.ts';
import type { GuardOptions } from '../../functions/guard/config.ts';
import type { Store } from '../../functions/store/types.ts';

/** What the fake provider's checkbox answers, and the only answer the fake siteverify accepts. */
const HUMAN_ANSWER = 'solved-by-a-person';

const plenty = { limit: 1_000_000, windowMs: 60_000 };

const base: Omit<GuardOptions, 'minFillMs'> = {
  secret: 'browser-tests-secret',
  maxAgeMs: 24 * 3600_000,
  tokenUses: 5,
  canvassUses: 300,
  perIp: plenty,
  perEmail: plenty,
  burst: plenty,
  trustProxy: false,
  disposable: 'captcha',
};

/** The everyday tests' guard. Without a CAPTCHA provider, a disposable email is refused. */
export const relaxedGuard: GuardOptions = { ...base, minFillMs: 0 };

const FAKE_TURNSTILE = `window.turnstile = {
  render(element, { sitekey, callback }) {
    const box = document.createElement('button');
    box.type = 'button';
    box.textContent = 'I am human';
    box.dataset.sitekey = sitekey;
    box.addEventListener('click', () => callback(${JSON.stringify(HUMAN_ANSWER)}));
    element.append(box);
    return 'fake-widget';
  },
};`;

async function fakeSiteverify(): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', () => {
      const success = new URLSearchParams(body).get('response') === HUMAN_ANSWER;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ success, 'error-codes': success ? [] : ['invalid-input-response'] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/siteverify`;
}

/**
 * Koa middleware for the fake provider script and `/guarded/api/*`; `handle` is the config's own Koa -> Hono
 * bridge, given the app and the request's URL without the prefix.
 */
export async function guardedApi(
  store: Store,
  catalog: Catalog,
  handle: (ctx: Context, app: ReturnType<typeof createApp>, url: string) => Promise<void>,
) {
  const guard: GuardOptions = {
    ...base,
    minFillMs: 3000,
    captcha: {
      provider: 'turnstile',
      siteKey: 'browser-test-site-key',
      secret: 'browser-test-secret',
      verifyUrl: await fakeSiteverify(),
      scriptUrl: '/__test/fake-turnstile.js',
    },
  };
  const app = createApp({ store, catalog, guard });
  return async (ctx: Context, next: Next): Promise<void> => {
    if (ctx.path === '/__test/fake-turnstile.js') {
      ctx.type = 'text/javascript';
      ctx.body = FAKE_TURNSTILE;
      return;
    }
    if (!ctx.path.startsWith('/guarded/api/')) return next();
    await handle(ctx, app, ctx.url.slice('/guarded'.length));
  };
}
