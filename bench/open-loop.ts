/**
 * An open-loop load generator for `bench/spike.ts`: requests start on a fixed schedule (a constant arrival rate)
 * whether or not earlier ones have answered, and every latency is measured from the time the request was due,
 * not from when it could be sent. A closed loop (bench/load.ts) waits for an answer before the next request, so
 * an overloaded server slows the load down and its queue never shows ("coordinated omission"); a spike does not
 * wait for the server.
 *
 * HTTP goes through `node:http` with one keep-alive pool: the server's real callers in a spike are a reverse
 * proxy's pooled upstream connections (that is also why `X-Forwarded-For` carries each supporter's address).
 */
import { Agent, type ClientRequest, type IncomingHttpHeaders, request } from 'node:http';
import { gunzipSync } from 'node:zlib';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Requests to one server through a pool of `connections` keep-alive sockets; `abort()` ends all in flight. */
export function client(base: string, connections: number) {
  const { hostname, port } = new URL(base);
  // An idle socket is dropped before Node's server closes it (its keepAliveTimeout is 5 s): reusing one the server
  // is closing at that moment is an ECONNRESET of the pool's making, as a proxy configured the same way avoids.
  const agent = new Agent({ keepAlive: true, maxSockets: connections, timeout: 4000 });
  const inFlight = new Set<ClientRequest>();
  let aborted = false;
  return {
    send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
      if (aborted) return Promise.reject(new Error('aborted'));
      return new Promise((resolve, reject) => {
        const sent = { 'Accept-Encoding': 'gzip', ...headers };
        const req = request({ hostname, port, method, path, agent, headers: sent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            inFlight.delete(req);
            const raw = Buffer.concat(chunks);
            const text = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text.toString() });
          });
        });
        inFlight.add(req);
        req.on('error', (error) => {
          inFlight.delete(req);
          reject(error);
        });
        req.end(body);
      });
    },
    get aborted() {
      return aborted;
    },
    /** Gives up on everything still waiting, then closes the pool. */
    abort(): void {
      aborted = true;
      for (const req of inFlight) req.destroy(new Error('aborted'));
      agent.destroy();
    },
  };
}

export const sleepUntil = (at: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

/**
 * Starts `job(i, due)` for i in [0, total) at `origin + i * 1000 / rate` (performance.now() ms), never waiting for
 * earlier jobs, then waits for them all. `lateMs` is how far behind its own schedule the generator fell (a busy
 * machine): that delay is inside the measured latencies, so it is reported beside them.
 */
export async function openLoop(
  total: number,
  rate: number,
  origin: number,
  job: (i: number, due: number) => Promise<void>,
): Promise<{ lateMs: number }> {
  const jobs: Promise<void>[] = [];
  let lateMs = 0;
  let next = 0;
  await new Promise<void>((done) => {
    const pump = () => {
      const now = performance.now();
      for (let due = origin + (next * 1000) / rate; next < total && due <= now; due = origin + (next * 1000) / rate) {
        lateMs = Math.max(lateMs, now - due);
        jobs.push(job(next++, due));
      }
      if (next < total) setTimeout(pump, Math.max(0, origin + (next * 1000) / rate - performance.now()));
      else done();
    };
    pump();
  });
  await Promise.all(jobs);
  return { lateMs };
}

/** The widget outbox's retry rule (widgets/core/outbox.ts): network errors, 408, 429 and 5xx decided nothing. */
export const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

/** Its backoff too: doubling from `base` up to 5 min, with jitter, or the server's `Retry-After`. */
export function backoff(attempt: number, base: number, retryAfter?: string | string[]): number {
  const seconds = Number(retryAfter);
  if (seconds > 0) return seconds * 1000;
  return Math.min(base * 2 ** attempt, 5 * 60_000) * (0.5 + Math.random() / 2);
}

/** Latencies of one kind of request, and what the server answered. */
export class Tally {
  readonly latencies: number[] = [];
  /** When each answered request was due, beside its latency: how the latency moved during the run. */
  readonly dues: number[] = [];
  /** Every attempt's answer: a status, or the network error's code. */
  readonly answers: Record<string, number> = {};
  /** Attempts repeated with the same key, by the reason. */
  readonly retries: Record<string, number> = {};
  /** Requests that ended without a 2xx: their last answer, or `gave up` when the server stopped answering. */
  readonly failures: Record<string, number> = {};
  first = Infinity;
  last = 0;

  answer(what: string): void {
    this.answers[what] = (this.answers[what] ?? 0) + 1;
  }

  retry(why: string): void {
    this.retries[why] = (this.retries[why] ?? 0) + 1;
  }

  fail(why: string): void {
    this.failures[why] = (this.failures[why] ?? 0) + 1;
  }

  done(due: number, at: number): void {
    this.latencies.push(at - due);
    this.dues.push(due);
    this.first = Math.min(this.first, due);
    this.last = Math.max(this.last, at);
  }

  /** p99 of the requests due in each of `n` equal slices of the run (a table that fills up slows down). */
  p99Over(n: number): number[] {
    const span = (this.dues.reduce((a, b) => Math.max(a, b), this.first) - this.first) / n || 1;
    const slices: number[][] = Array.from({ length: n }, () => []);
    this.dues.forEach((due, i) =>
      slices[Math.min(n - 1, Math.floor((due - this.first) / span))].push(this.latencies[i]),
    );
    return slices.map((slice) =>
      quantile(
        slice.sort((a, b) => a - b),
        0.99,
      ),
    );
  }

  summary() {
    const sorted = this.latencies.toSorted((a, b) => a - b);
    const at = (q: number) => quantile(sorted, q);
    const ok = sorted.length;
    const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
    return {
      ok,
      failed: sum(this.failures),
      retries: sum(this.retries),
      // Answered requests over the time from the first one due to the last answer.
      perSecond: ok ? ok / ((this.last - this.first) / 1000) : 0,
      p50: at(0.5),
      p90: at(0.9),
      p99: at(0.99),
      max: sorted.at(-1) ?? NaN,
      answers: this.answers,
      retriesBy: this.retries,
      failures: this.failures,
    };
  }
}

export type Summary = ReturnType<Tally['summary']>;

/** The q-quantile (0.5, 0.99) of ascending numbers, NaN of none. */
export const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
