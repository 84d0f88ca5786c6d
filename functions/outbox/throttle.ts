/**
 * A token bucket holding one token, refilled `perSecond` times a second: requests leave at least 1/perSecond apart.
 * A bigger bucket would allow a burst and then the full rate, i.e. up to twice the limit inside one second, which
 * is what Action Network's "4 requests per second" forbids. The gap is 10% wider than 1/perSecond: at exactly
 * 250 ms, the 5th request lands on the 1-second mark, and any jitter on the way puts 5 inside one second at the
 * receiver (the test's fake Action Network saw it); at 5% (262 ms) a busy machine's 50 ms of jitter still did now
 * and then (a 429, retried); at 275 ms five requests span 1.1 s. Twenty lines do not need a library.
 *
 * Given the dispatcher's `pace` (the database's shared moment per sink, store `paceSink`), it keeps one pace for
 * every process on the database: several instances, or `npm start` and a cron `npm run dispatch`. Each request
 * waits for the moment it took; the moments are a gap apart whichever process takes them. Without it (a sink
 * used on its own), it paces this process only.
 */
/** Well within the 10% margin of the gap: a timer this late still keeps the pace. */
const LATE_MS = 10;

export class Throttle {
  readonly #gapMs: number;
  #next = 0;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(perSecond: number) {
    this.#gapMs = (1000 / perSecond) * 1.1;
  }

  /**
   * Resolves when the next request may leave, in the order `take` was called. The slot is taken on waking, and the
   * next gap counts from then: a timer that fires late (a busy process) must not let the requests due meanwhile
   * leave all at once.
   */
  take(signal?: AbortSignal, pace?: (gapMs: number) => Promise<number>): Promise<void> {
    const turn = this.#queue.then(() => this.#slot(signal, pace));
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  async #slot(signal?: AbortSignal, pace?: (gapMs: number) => Promise<number>): Promise<void> {
    // A moment woken to late (a busy process) is given up and a new one taken, as below: the next moment counts
    // from when the request really leaves.
    while (pace) {
      const at = await pace(this.#gapMs);
      if (at > Date.now()) await wait(at - Date.now(), signal);
      if (Date.now() - at <= LATE_MS) return;
    }
    for (;;) {
      signal?.throwIfAborted();
      const now = performance.now();
      if (now >= this.#next) {
        this.#next = now + this.#gapMs;
        return;
      }
      await wait(this.#next - now, signal);
    }
  }
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}
