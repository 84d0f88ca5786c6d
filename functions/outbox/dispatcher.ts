/**
 * The dispatcher drains the outbox to the sinks, at least once: an event is marked delivered only after its sink
 * said so, retried with backoff when the failure may pass, and dead-lettered when it cannot (a 4xx) or after
 * 3 days. It runs apart from requests: a slow or dead receiver never holds back a submission, and since every
 * sink runs on its own, never another sink either.
 *
 * Logs carry sink names, event ids and types, and status codes: never a payload or a receiver's answer (both may
 * hold personal data; the receiver's answer is kept in the dead letter, which only the admin API shows).
 */
import type { Catalog } from '../catalog.ts';
import { scheduleReminders } from '../reminders.ts';
import type { DeliveryHealth, Delivery, Store } from '../store/types.ts';
import { backoff as defaultBackoff, GIVE_UP_AFTER_MS } from './backoff.ts';
import { DeliveryError, payloadOf, type Sink } from './sink.ts';

export interface DispatchOptions {
  /** The clock for backoff and the 3-day limit (tests move it). */
  now?: () => Date;
  /** At most this many events per sink in one pass. Default 500. */
  limit?: number;
  /** Events claimed at a time. Default 20. */
  batch?: number;
  /**
   * How long a claimed batch stays this dispatcher's: longer than a batch takes (20 requests of at most 10 s),
   * or another dispatcher may send the same events meanwhile (harmless, receivers de-duplicate, but wasteful).
   * Default 5 min.
   */
  leaseMs?: number;
  /** Stops the pass: requests in flight are aborted, and their events retried later. */
  signal?: AbortSignal;
  /** The wait after a failed attempt, by attempts before it (tests make it 0). */
  backoff?: (attempts: number) => number;
  giveUpAfterMs?: number;
  log?: (line: string) => void;
  /** With the campaigns, each pass first queues the event reminders that are due (functions/reminders.ts). */
  catalog?: Catalog;
}

export interface SinkCounts {
  sent: number;
  /** Nothing to send for the event (another campaign, no consent, no address). */
  skipped: number;
  retried: number;
  dead: number;
  /** Set when the pass for this sink could not run (the store failed). */
  error?: string;
}

export type DispatchResult = Record<string, SinkCounts>;

/** One pass over every sink, in parallel; each sink takes its events one by one, oldest first. */
export async function dispatch(store: Store, sinks: Sink[], options: DispatchOptions = {}): Promise<DispatchResult> {
  if (options.catalog) await queueReminders(store, options.catalog, options);
  const results = await Promise.all(
    sinks.map(async (sink): Promise<[string, SinkCounts]> => {
      const counts: SinkCounts = { sent: 0, skipped: 0, retried: 0, dead: 0 };
      try {
        await dispatchSink(store, sink, options, counts);
      } catch (error) {
        counts.error = (error as Error)?.name ?? 'Error';
        log(options)(`[ladder] ${sink.name}: the pass stopped: ${counts.error}`);
      }
      return [sink.name, counts];
    }),
  );
  return Object.fromEntries(results);
}

async function dispatchSink(store: Store, sink: Sink, options: DispatchOptions, counts: SinkCounts): Promise<void> {
  const limit = options.limit ?? 500;
  const batch = options.batch ?? 20;
  let handled = 0;
  while (handled < limit && !options.signal?.aborted) {
    const size = Math.min(batch, limit - handled);
    const deliveries = await store.claimDeliveries(sink.name, size, options.leaseMs ?? 300_000);
    for (const [i, delivery] of deliveries.entries()) {
      // Claimed but not tried: handed back, due again for the next pass.
      const untried = () => deliveries.slice(i + (options.signal?.aborted ? 0 : 1)).map((d) => d.event.id);
      if (options.signal?.aborted) return store.releaseDeliveries(sink.name, untried());
      const outcome = await deliverOne(store, sink, delivery, options);
      counts[outcome]++;
      handled++;
      // The receiver is struggling (down, slow, throttling): one timeout per pass, not one per event. The rest of
      // the batch is handed back, the failed one waits for its backoff.
      if (outcome === 'retried') return store.releaseDeliveries(sink.name, untried());
    }
    // A short batch: nothing more is due.
    if (deliveries.length < size) return;
  }
}

async function deliverOne(
  store: Store,
  sink: Sink,
  { event, attempts }: Delivery,
  options: DispatchOptions,
): Promise<keyof Omit<SinkCounts, 'error'>> {
  const signal = options.signal ?? new AbortController().signal;
  const tag = `[ladder] ${sink.name} ${event.id} ${event.type}`;
  let error: DeliveryError;
  try {
    const supporter = payloadOf(event).supporterId;
    const consent = supporter
      ? {
          withdrawn: (channel: 'email' | 'sms') => store.consentWithdrawn(supporter, channel),
          unsubscribeToken: (channel: 'email' | 'sms') => store.unsubscribeToken(supporter, channel),
        }
      : undefined;
    const delivered = await sink.deliver(event, {
      attempts,
      signal,
      manageToken: (rsvpId) => store.manageToken(rsvpId),
      consent,
      pace: (gapMs) => store.paceSink(sink.name, gapMs, Date.now()),
    });
    await store.markDelivered(sink.name, event.id);
    return delivered;
  } catch (thrown) {
    // Not a DeliveryError: a bug in a sink. Retried like an outage, so that a fix deployed within 3 days delivers.
    error =
      thrown instanceof DeliveryError
        ? thrown
        : new DeliveryError(`internal error: ${(thrown as Error)?.name}`, { status: (thrown as Error)?.name });
  }
  const now = (options.now ?? (() => new Date()))();
  const giveUpAt = Date.parse(event.createdAt) + (options.giveUpAfterMs ?? GIVE_UP_AFTER_MS);
  if (error.permanent || now.getTime() >= giveUpAt) {
    const why = error.permanent ? error.message : `${error.message} (gave up: still failing 3 days after the event)`;
    await store.markFailed(sink.name, event.id, why, null);
    log(options)(`${tag}: ${error.status ?? 'failed'}, dead-lettered`);
    return 'dead';
  }
  const wait = Math.max((options.backoff ?? defaultBackoff)(attempts), error.retryAfterMs ?? 0);
  // The last attempt comes at the limit itself rather than never.
  const retryAt = new Date(Math.min(now.getTime() + wait, giveUpAt));
  await store.markFailed(sink.name, event.id, error.message, retryAt);
  log(options)(`${tag}: ${error.status ?? 'failed'}, retry at ${retryAt.toISOString()}`);
  return 'retried';
}

const log = (options: DispatchOptions) => options.log ?? ((line: string) => console.warn(line));

export interface RunningDispatcher {
  /** Aborts requests in flight (their events are retried later) and resolves when every sink has stopped. */
  stop(): Promise<void>;
}

/**
 * For a long-running server: each sink in its own loop, a pass then `intervalMs` of rest, so a sink waiting on a
 * slow receiver delays only itself.
 */
export function startDispatcher(
  store: Store,
  sinks: Sink[],
  intervalMs: number,
  options: Omit<DispatchOptions, 'signal'> = {},
): RunningDispatcher {
  const controller = new AbortController();
  const { signal } = controller;
  const { catalog, ...perSink } = options;
  const loops = sinks.map(async (sink) => {
    while (!signal.aborted) {
      await dispatch(store, [sink], { ...perSink, signal });
      await rest(intervalMs, signal);
    }
  });
  // Reminders are queued on the same rhythm, by one loop (each sink's loop then delivers them).
  if (catalog) {
    loops.push(
      (async () => {
        while (!signal.aborted) {
          await queueReminders(store, catalog, options);
          await rest(intervalMs, signal);
        }
      })(),
    );
  }
  return {
    async stop() {
      controller.abort();
      await Promise.allSettled(loops);
    },
  };
}

async function queueReminders(store: Store, catalog: Catalog, options: DispatchOptions): Promise<void> {
  try {
    const now = (options.now ?? (() => new Date()))().getTime();
    const queued = await scheduleReminders(store, catalog, now);
    if (queued) log(options)(`[ladder] reminders: ${queued} queued`);
  } catch (error) {
    log(options)(`[ladder] reminders could not be queued: ${(error as Error)?.name}`);
  }
}

function rest(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    // The server keeps the process alive, not the dispatcher.
    timer.unref();
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/**
 * For the admin API: makes an event's dead (or waiting) deliveries due now, to one configured sink or to all.
 * Returns how many deliveries were scheduled; throws for a sink that is not configured (a typo would do nothing).
 */
export async function redeliver(store: Store, sinks: Sink[], eventId: string, sink?: string): Promise<number> {
  if (sink !== undefined && !sinks.some((s) => s.name === sink)) {
    throw new RangeError(`no sink named ${sink}; configured: ${sinks.map((s) => s.name).join(', ') || 'none'}`);
  }
  return store.redeliver(eventId, sink);
}

/** Delivered, waiting and dead counts per configured sink, for the admin API and monitoring. */
export function deliveryHealth(store: Store, sinks: Sink[]): Promise<DeliveryHealth[]> {
  return store.deliveryHealth(sinks.map((sink) => sink.name));
}
