/**
 * When to try again: exponential from 30 s, doubling to at most 6 h, with jitter so that events failed together
 * (a receiver down for an hour) do not all come back in the same second. Give up 3 days after the event was
 * written, however many attempts that was: a receiver down over a long weekend still gets everything.
 */
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 6 * 60 * 60_000;
export const GIVE_UP_AFTER_MS = 3 * 24 * 60 * 60_000;

/**
 * The wait after the attempt numbered `attempts` (0: the first) failed. "Equal jitter": half the step, plus a random
 * part of the other half, so a retry never comes much sooner than planned.
 */
export function backoff(attempts: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempts, 30));
  return Math.round(step / 2 + random() * (step / 2));
}
