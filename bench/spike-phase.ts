/**
 * One phase of a spike: `rate` new supporters a second for `seconds`, each doing what a supporter's browser does.
 * The widget loads the campaign (`GET /api/campaigns/:slug`: the live count and the render token), the supporter
 * fills the form, and the widget posts the signature with an idempotency key of its own, retried with the same key
 * on a network error, 408, 429 or 5xx, and with a fresh token on `token_expired` (as the widget's outbox does).
 *
 * The page loads arrive on the open-loop schedule; each signature is due `fillMs` after its page load was due,
 * so both arrive at `rate` a second. A page that loaded too late for that (an overloaded server) moves its
 * signature to `minFillMs` (the server's minimum fill time) after it loaded, as a human could not submit sooner;
 * those are counted as `moved`. Every latency counts from the time the request was due.
 */
import { randomUUID } from 'node:crypto';
import { backoff, client, openLoop, type Reply, retryable, sleepUntil, type Summary, Tally } from './open-loop.ts';
import type { Ledger } from './spike-verify.ts';

export interface PhaseOptions {
  url: string;
  slug: string;
  /** The partner page the widget is embedded in (on the campaign's allow-list). */
  origin: string;
  rate: number;
  seconds: number;
  connections: number;
  fillMs: number;
  minFillMs: number;
  /** The widget outbox's first retry delay. */
  retryMs: number;
  /** Requests wait as long as answers keep coming; after this long without one, the rest are given up. */
  stallMs: number;
  /** Numbers supporters across phases: each one is new (a new email, a new address). */
  firstSupporter: number;
  ledger: Ledger;
}

export interface PhaseResult {
  rate: number;
  seconds: number;
  pages: Summary;
  signatures: Summary;
  moved: number;
  /** Signatures sent with a render token (the guard is on when this is all of them). */
  withToken: number;
  /** p99 (ms) of the requests due in each sixth of the phase, in order. */
  p99Over: { pages: number[]; signatures: number[] };
  /** How far the generator fell behind its own schedule (ms). */
  lateMs: number;
}

/** A distinct client address per supporter (10.0.0.0/8), given to the server as its proxy would. */
const address = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

export async function phase(options: PhaseOptions): Promise<PhaseResult> {
  const { url, slug, rate, seconds, fillMs, minFillMs, ledger } = options;
  const http = client(url, options.connections);
  const pages = new Tally();
  const signatures = new Tally();
  const total = Math.round(rate * seconds);
  const origin = performance.now() + 50;
  // A slow server is waited for (the widget's outbox would wait too); one that stopped answering is not: no
  // answer for `stallMs` while requests wait (or wait to be retried) gives them all up.
  let waiting = 0;
  let progress = performance.now();
  const watchdog = setInterval(() => {
    if (waiting && performance.now() - progress > options.stallMs) http.abort();
  }, 1000);
  let moved = 0;
  let withToken = 0;

  /**
   * One request until it gets a decided answer: a 2xx, a refusal, or a server that stopped answering. `renew` is
   * the widget's answer to `token_expired` (a fresh token, then the same submission again); it says whether it got
   * one.
   */
  async function attempt(
    tally: Tally,
    due: number,
    send: () => Promise<Reply>,
    renew?: () => Promise<boolean>,
  ): Promise<Reply | null> {
    if (!waiting++) progress = performance.now();
    try {
      return await decided(tally, due, send, renew);
    } finally {
      waiting--;
    }
  }

  async function decided(
    tally: Tally,
    due: number,
    send: () => Promise<Reply>,
    renew?: () => Promise<boolean>,
  ): Promise<Reply | null> {
    let renewals = 0;
    for (let n = 0; ; n++) {
      let why: string;
      let wait: number;
      try {
        const reply = await send();
        progress = performance.now();
        tally.answer(String(reply.status));
        if (reply.status < 300) {
          tally.done(due, performance.now());
          return reply;
        }
        if (!retryable(reply.status)) {
          const code = errorCode(reply.body);
          if (code === 'token_expired' && renew && renewals++ < 3 && (await renew())) {
            tally.retry(`${reply.status} ${code}`);
            continue;
          }
          tally.fail(`${reply.status} ${code}`);
          return null;
        }
        why = String(reply.status);
        wait = backoff(n, options.retryMs, reply.headers['retry-after']);
      } catch (error) {
        why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        tally.answer(why);
        wait = backoff(n, options.retryMs);
      }
      if (http.aborted) {
        tally.fail(`gave up (last: ${why})`);
        return null;
      }
      tally.retry(why);
      await sleepUntil(performance.now() + wait);
    }
  }

  const loadPage = (headers: Record<string, string>, due: number) =>
    attempt(pages, due, () => http.send('GET', `/api/campaigns/${slug}`, headers));
  const tokenOf = (page: Reply) => (JSON.parse(page.body) as { token?: string }).token;

  async function supporter(n: number, pageDue: number): Promise<void> {
    const email = `supporter-${n}@example.org`;
    ledger.set(email, null);
    const headers = { Origin: options.origin, 'X-Forwarded-For': address(n) };
    const page = await loadPage(headers, pageDue);
    if (!page) return signatures.fail('page did not load');
    const loaded = performance.now();
    let token = tokenOf(page);
    let due = pageDue + fillMs;
    if (loaded + minFillMs + 100 > due) {
      due = loaded + minFillMs + 100;
      moved++;
    }
    await sleepUntil(due);
    if (token) withToken++;
    const key = randomUUID();
    const fields = {
      person: { givenName: 'Ada', familyName: `Spike ${n}`, email, postcode: '94110' },
      consent: { contact: n % 2 === 0 },
    };
    const post = () =>
      http.send(
        'POST',
        `/api/campaigns/${slug}/signatures`,
        { ...headers, 'Content-Type': 'application/json', 'Idempotency-Key': key },
        JSON.stringify({ ...fields, ...(token ? { token } : {}) }),
      );
    const renew = async () => {
      const again = await loadPage(headers, performance.now());
      if (!again) return false;
      token = tokenOf(again);
      await sleepUntil(performance.now() + minFillMs + 100);
      return true;
    };
    const reply = await attempt(signatures, due, post, renew);
    if (reply) ledger.set(email, (JSON.parse(reply.body) as { signature: { id: string } }).signature.id);
  }

  const { lateMs } = await openLoop(total, rate, origin, (i, due) => supporter(options.firstSupporter + i, due));
  clearInterval(watchdog);
  http.abort();
  const p99Over = { pages: pages.p99Over(6), signatures: signatures.p99Over(6) };
  return { rate, seconds, pages: pages.summary(), signatures: signatures.summary(), moved, withToken, p99Over, lateMs };
}

function errorCode(body: string): string {
  try {
    return (JSON.parse(body) as { error: { code: string } }).error.code;
  } catch {
    return '';
  }
}
