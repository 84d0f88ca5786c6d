/**
 * The outbox's second tries (a chunk of its own, loaded by `Outbox.retry`): the backoff and its timer, the flush of
 * what earlier pages left, the browser coming back online, a CAPTCHA's answer, and canvasser batches. A submission
 * the server decides at once (a petition signed online, the common case) never needs it: it is stored, sent and
 * removed by outbox.ts alone. The entry is in IndexedDB before the first try either way; this only sends it again.
 */
import type { Answer } from './api.ts';
import type { Outbox, OutboxEntry } from './outbox.ts';
import type * as BatchModule from './outbox-batch.ts';
import { post } from './outbox-post.ts';
import { campaignOf, renew, ripe } from '../guard/submission.ts';

const BASE_DELAY = 2_000;
const MAX_DELAY = 5 * 60_000;

/** The batches' code (outbox-batch.ts), loaded by the first `enqueue` or a flush that finds a batch. */
let batching: typeof BatchModule | undefined;
const loadBatching = async () => (batching ??= await import('./outbox-batch.ts'));

const timers = new WeakMap<Outbox, ReturnType<typeof setTimeout>>();
const started = new WeakSet<Outbox>();

/** Listens for the browser coming back online (once per outbox), and sends what is due. */
export function start(outbox: Outbox): void {
  if (started.has(outbox)) return;
  started.add(outbox);
  addEventListener('online', () => void flush(outbox, true));
  void flush(outbox);
}

/**
 * Sends every entry that is due (every entry with `all`, as when the browser comes back online). A batch goes
 * out whole as soon as one of its entries is due.
 */
export async function flush(outbox: Outbox, all = false): Promise<void> {
  const now = Date.now();
  const entries = (await outbox.entries()).sort((a, b) => a.created - b.created);
  const due = entries.filter((entry) => all || entry.due <= now);
  // One at a time, oldest first: a reconnecting phone should not burst, and order is kept.
  for (const entry of due) if (!entry.batch) await outbox.send(entry);
  if (due.some((entry) => entry.batch)) await (await loadBatching()).sendBatches(outbox, entries, due);
  await schedule(outbox);
}

/**
 * Keeps an entry the server did not decide on, due again after a backoff. One waiting for a CAPTCHA is kept too
 * (tried again later, when the risk may have passed), in case nobody is there to solve it.
 */
export async function hold(outbox: Outbox, entry: OutboxEntry, answer: Answer<unknown>): Promise<void> {
  start(outbox);
  const held = answer.kind === 'refused';
  if (held) answer.key = entry.key;
  const backoff = Math.min(BASE_DELAY * 2 ** entry.attempts, MAX_DELAY) * (0.5 + Math.random() / 2);
  const wait = held
    ? MAX_DELAY
    : answer.kind === 'retry' && answer.retryAfter! > 0
      ? answer.retryAfter! * 1000
      : backoff;
  await outbox.put({ ...entry, attempts: entry.attempts + 1, due: Date.now() + wait });
  void schedule(outbox);
}

/** Stores a submission for the batch endpoint `batch` (see `OutboxEntry.batch`), then sends what is due. */
export async function enqueue(outbox: Outbox, url: string, body: string, key: string, batch: string): Promise<void> {
  await loadBatching();
  const entry: OutboxEntry = { key, url, body, batch, created: Date.now(), attempts: 0, due: Date.now() };
  await outbox.put(entry);
  start(outbox);
  void flush(outbox);
}

/** `body` with the campaign's current token, once it is ripe. */
export async function retoken(url: string, body: string): Promise<string> {
  const token = await ripe(campaignOf(url));
  return JSON.stringify({ ...(JSON.parse(body) as object), token });
}

/**
 * After a stale token (widgets/guard/submission.ts `stale`): a fresh one, and the same submission (same key) sent
 * again with it. `entry` takes the new body, kept so if this answer is not a decision either.
 */
export async function fresh(entry: OutboxEntry, answer: Answer<unknown>): Promise<Answer<unknown>> {
  if (!(await renew(entry.url))) return answer;
  entry.body = await retoken(entry.url, entry.body);
  return post(entry.url, entry.body, entry.key);
}

/** Sends a submission kept for a CAPTCHA again, with the provider's answer. */
export async function solve(outbox: Outbox, key: string, captcha: string): Promise<void> {
  const entry = (await outbox.entries()).find((e) => e.key === key);
  if (entry) await outbox.send({ ...entry, body: JSON.stringify({ ...(JSON.parse(entry.body) as object), captcha }) });
}

/**
 * When the server asks for a CAPTCHA (`announce`: a submission kept for it has its key), shows it in the widget (its
 * own lazy chunk, with the provider's script) and sends the same submission again with the answer. Until then the
 * submission waits in the outbox.
 */
export function challenge(outbox: Outbox, host: HTMLElement, answer: Answer<unknown>): void {
  if (answer.kind !== 'refused' || !answer.error.captcha || !answer.key) return;
  const { captcha } = answer.error;
  const key = answer.key;
  void import('../guard/captcha.ts').then((m) =>
    m.challenge(host, captcha, (response) => void solve(outbox, key, response)),
  );
}

async function schedule(outbox: Outbox): Promise<void> {
  clearTimeout(timers.get(outbox));
  const next = Math.min(...(await outbox.entries()).map((entry) => entry.due));
  if (Number.isFinite(next))
    timers.set(
      outbox,
      setTimeout(() => void flush(outbox), Math.max(next - Date.now(), 0)),
    );
}
