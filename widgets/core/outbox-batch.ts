/**
 * The outbox's batches (canvasser mode, `enqueue` in outbox-retry.ts): entries tagged alike go out together, up to
 * 50 per request, as `{ responses: [{ key, response }] }`. A chunk of its own, loaded by outbox-retry.ts only when a
 * batch is due: a page that never batched (a petition on a partner's page) does not download it.
 */
import type { ErrorBody } from '../../schema/errors.ts';
import type { Answer } from './api.ts';
import { renew, stale, withToken } from '../guard/submission.ts';
import { retoken } from './outbox-retry.ts';
import type { Outbox, OutboxEntry } from './outbox.ts';
import { post } from './outbox-post.ts';

/** One item of a batch endpoint's answer: the status and body it would have had on its own. */
interface BatchResult {
  key: string;
  status: number;
  body: unknown;
}

/** Entries per batch request (`LIMITS.batch`). */
const BATCH = 50;

/** Sends every batch that has an entry in `due`, whole (`entries`: all that wait), in requests of `BATCH`. */
export async function sendBatches(outbox: Outbox, entries: OutboxEntry[], due: OutboxEntry[]): Promise<void> {
  for (const batch of new Set(due.map((entry) => entry.batch))) {
    if (!batch) continue;
    const group = entries.filter((entry) => entry.batch === batch && !outbox.inflight.has(entry.key));
    for (let i = 0; i < group.length; i += BATCH) await sendBatch(outbox, batch, group.slice(i, i + BATCH));
  }
}

/** Sends entries in one request to a batch endpoint; each is then kept or dropped by its own item's answer. */
async function sendBatch(outbox: Outbox, url: string, entries: OutboxEntry[]): Promise<void> {
  for (const entry of entries) outbox.inflight.add(entry.key);
  const answers: Answer<unknown>[] = [];
  try {
    const items = entries.map((e) => `{"key":${JSON.stringify(e.key)},"response":${withToken(url, e.body)}}`);
    // No key of its own: each item carries its key, which makes resending the whole batch safe.
    const answer = await post<{ results: BatchResult[] }>(url, `{"responses":[${items}]}`);
    let renewed: Promise<boolean> | undefined;
    for (let entry of entries) {
      const item = answer.kind === 'ok' ? answer.body.results.find((result) => result.key === entry.key) : undefined;
      const itemAnswer: Answer<unknown> =
        answer.kind !== 'ok'
          ? answer
          : !item || item.status === 408 || item.status === 429 || item.status >= 500
            ? { kind: 'retry' }
            : item.status < 300
              ? { kind: 'ok', body: item.body }
              : {
                  kind: 'refused',
                  error: (item.body as ErrorBody | null)?.error ?? { code: 'internal', message: '' },
                };
      // A stale token: renewed once for the batch; the entry goes again with the next batch.
      if (stale(itemAnswer) && (await (renewed ??= renew(url))))
        entry = { ...entry, body: await retoken(url, entry.body) };
      answers.push(stale(itemAnswer) ? { kind: 'retry' } : itemAnswer);
      await outbox.keep(entry, answers[answers.length - 1]);
    }
  } finally {
    for (const entry of entries) outbox.inflight.delete(entry.key);
  }
  entries.forEach((entry, i) => outbox.tell(entry, answers[i]));
}
