/**
 * A token bucket holding one token, refilled `perSecond` times a second: requests leave at least 1/perSecond apart.
 * A bigger bucket would allow a burst and then the full rate, i.e. up to twice the limit inside one second, which
 * is what Action Network's "4 requests per second" forbids. The gap is 5% wider than 1/perSecond: at exactly
 * 250 ms, the 5th request lands on the 1-second mark, and any jitter on the way puts 5 inside one second at the
 * receiver (the test's fake Action Network saw it). Twenty lines do not need a library.
 *
 * It paces one process. Two dispatchers against the same account (`npm start` and a cron `npm run dispatch`) each
 * keep their own pace: run one or the other.
 */
export class Throttle {
  readonly #gapMs: number;
  #next = 0;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(perSecond: number) {
    this.#gapMs = (1000 / perSecond) * 1.05;
  }

  /**
   * Resolves when the next request may leave, in the order `take` was called. The slot is taken on waking, and the
   * next gap counts from then: a timer that fires late (a busy process) must not let the requests due meanwhile
   * leave all at once.
   */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.#queue.then(() => this.#slot(signal));
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  async #slot(signal?: AbortSignal): Promise<void> {
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
