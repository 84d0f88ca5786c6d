/**
 * The abuse defenses' settings (`AppOptions.guard`), and how an adapter reads them from its environment
 * (`guardFromEnv`: every variable is documented in the README's configuration section).
 */
import type { Store } from '../store/types.ts';
import type { CaptchaConfig } from './captcha.ts';

/** `n` submissions per `windowMs`. */
export interface Rate {
  limit: number;
  windowMs: number;
}

/** What to do with an address at a disposable-email domain. */
export type DisposablePolicy = 'allow' | 'captcha' | 'refuse';

export interface GuardOptions {
  /** Keys the render tokens and the counters' hashes. */
  secret: string;
  /** A submission sooner than this after its token was issued is refused (`too_fast`); the widget waits it out. */
  minFillMs: number;
  /** A token older than this is `token_expired` (the widget fetches a fresh one and resends). */
  maxAgeMs: number;
  /** Submissions one token may serve: a family signing one after another on one page. */
  tokenUses: number;
  /**
   * The same for canvasser mode (a survey with `canvass`), whose evening of responses shares the page's token;
   * also its items' limit per client IP (their own burst, by nature, is not one).
   */
  canvassUses: number;
  /** Per campaign and client IP; beyond it, 429. */
  perIp: Rate;
  /** Per campaign and email; beyond it, 429. */
  perEmail: Rate;
  /** Per campaign and client IP, over a short window: beyond it, a CAPTCHA (or, without a provider, a 429). */
  burst: Rate;
  /**
   * Where the client's IP comes from. `false`: the connection's address (the adapter passes it as `env.ip`), and
   * `X-Forwarded-For` is ignored, so forging it buys nothing. `true`: the last hop of `X-Forwarded-For` (what our
   * own proxy saw). A header name (`cf-connecting-ip`): that header, set by the platform.
   */
  trustProxy: boolean | string;
  captcha?: CaptchaConfig;
  disposable: DisposablePolicy;
  /** The clock, in ms; tests move it. */
  now?: () => number;
}

const number = (env: Record<string, string | undefined>, name: string, fallback: number): number => {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of 0 or more (got "${value}").`);
  return n;
};

/** `20/600`: 20 per 600 seconds. */
const rate = (env: Record<string, string | undefined>, name: string, fallback: string): Rate => {
  const value = env[name] || fallback;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  if (!match || Number(match[2]) === 0) {
    throw new Error(`${name} must read like 20/600 (20 submissions per 600 seconds); got "${value}".`);
  }
  return { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
};

/**
 * The defenses from the environment. Without `LADDER_SECRET` a secret is made once and kept in the database, so
 * that `npm start` works the first time and tokens survive a restart (and every instance shares it).
 */
export async function guardFromEnv(env: Record<string, string | undefined>, store: Store): Promise<GuardOptions> {
  const provider = env.LADDER_CAPTCHA_PROVIDER || undefined;
  if (provider !== undefined && provider !== 'turnstile' && provider !== 'hcaptcha') {
    throw new Error(`LADDER_CAPTCHA_PROVIDER must be turnstile or hcaptcha (got "${provider}").`);
  }
  if (provider && (!env.LADDER_CAPTCHA_SITE_KEY || !env.LADDER_CAPTCHA_SECRET)) {
    throw new Error('LADDER_CAPTCHA_PROVIDER needs LADDER_CAPTCHA_SITE_KEY and LADDER_CAPTCHA_SECRET too.');
  }
  const disposable = env.LADDER_DISPOSABLE_EMAIL || 'captcha';
  if (disposable !== 'allow' && disposable !== 'captcha' && disposable !== 'refuse') {
    throw new Error(`LADDER_DISPOSABLE_EMAIL must be allow, captcha or refuse (got "${disposable}").`);
  }
  const trust = env.LADDER_TRUST_PROXY ?? '';
  const secret =
    env.LADDER_SECRET ||
    (await store.guardSecret(
      'token',
      Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join(''),
    ));
  return {
    secret,
    minFillMs: number(env, 'LADDER_MIN_FILL_MS', 3000),
    maxAgeMs: number(env, 'LADDER_TOKEN_MAX_AGE', 24 * 3600) * 1000,
    tokenUses: number(env, 'LADDER_TOKEN_USES', 5),
    canvassUses: number(env, 'LADDER_TOKEN_USES_CANVASS', 300),
    perIp: rate(env, 'LADDER_RATE_IP', '20/600'),
    perEmail: rate(env, 'LADDER_RATE_EMAIL', '3/3600'),
    burst: rate(env, 'LADDER_RATE_BURST', '1/10'),
    trustProxy: trust === '1' || trust === 'true' ? true : trust && trust !== '0' ? trust.toLowerCase() : false,
    captcha: provider
      ? {
          provider,
          siteKey: env.LADDER_CAPTCHA_SITE_KEY!,
          secret: env.LADDER_CAPTCHA_SECRET!,
          verifyUrl: env.LADDER_CAPTCHA_VERIFY_URL || undefined,
          scriptUrl: env.LADDER_CAPTCHA_SCRIPT_URL || undefined,
        }
      : undefined,
    disposable,
  };
}
