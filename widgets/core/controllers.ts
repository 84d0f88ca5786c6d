/**
 * Async work, kept out of the components (the `@lit/task` model: a status, an AbortSignal).
 * `CampaignController` loads the public campaign when the page did not provide it; `SubmitController` sends an
 * action through the outbox and keeps the submission's state.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PublicCampaign } from '../../schema/campaign.ts';
import type { ErrorCode, FieldIssue } from '../../schema/errors.ts';
import { getCampaign, type Answer } from './api.ts';
import { LadderErrorEvent } from './events.ts';
import type * as OutboxModule from './outbox.ts';

/**
 * The outbox (IndexedDB, backoff, batches) is a chunk of its own: nothing needs it before someone submits, and
 * what earlier pages left queued can wait until the browser is idle. It is the same module, so the same queue,
 * for every widget on the page.
 */
let outboxModule: Promise<typeof OutboxModule> | undefined;
/** The outbox's module (`outbox`, `newKey`, `verdict`); a failed load (offline) is tried again next time. */
export const loadOutbox = (): Promise<typeof OutboxModule> =>
  (outboxModule ??= import('./outbox.ts').catch((error: unknown) => {
    outboxModule = undefined;
    throw error;
  }));

const whenIdle = (work: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 200);
};

interface CampaignHost extends ReactiveControllerHost {
  campaign: string;
  data?: PublicCampaign;
  apiBase: string;
}

export class CampaignController implements ReactiveController {
  status: 'idle' | 'pending' | 'complete' | 'error' = 'idle';
  #host: CampaignHost;
  #abort?: AbortController;
  #loading?: string;

  constructor(host: CampaignHost) {
    this.#host = host;
    host.addController(this);
  }

  /**
   * Before each client render: load the campaign once per slug. When the page gave it (`data`, rendered at build
   * time), it is shown at once and only its live figures are refreshed: the count, and an event's places left.
   */
  hostUpdate(): void {
    const { campaign, apiBase } = this.#host;
    const wanted = `${apiBase} ${campaign}`;
    if (!campaign || wanted === this.#loading) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.#loading = wanted;
    this.status = 'pending';
    getCampaign(apiBase, campaign, abort.signal).then(
      (loaded) => {
        this.status = 'complete';
        const { data } = this.#host;
        this.#host.data = data?.slug === loaded.slug ? { ...data, count: loaded.count, event: loaded.event } : loaded;
      },
      () => {
        if (abort.signal.aborted) return;
        this.status = 'error';
        this.#host.requestUpdate();
      },
    );
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#loading = undefined;
  }
}

export type SubmitState = 'idle' | 'invalid' | 'sending' | 'queued' | 'success' | 'duplicate' | 'error';

/** What every action's API result has in common. */
export interface ActionResult {
  duplicate: boolean;
  count: number;
}

export class SubmitController<R extends ActionResult> implements ReactiveController {
  state: SubmitState = 'idle';
  result?: R;
  error?: ErrorCode | 'network';
  /** Field name (the last part of the API's path: `person.email` -> `email`) to its issue. */
  fields: Record<string, FieldIssue> = {};
  #host: ReactiveControllerHost & HTMLElement & { campaign: string };
  #known: readonly string[];
  #kind: string;
  #settled: (answer: Answer<R>) => void;
  #key?: string;
  #unlisten?: () => void;
  #connected = false;

  /**
   * `known`: the fields the form shows (server issues about others, such as `referrer`, are a plain error).
   * `kind`: the result's key for the stored action (`signature`, `response`...), whose id the success event carries.
   * `settled` runs after each server answer (and when the submission is queued), before the events fire.
   */
  constructor(
    host: ReactiveControllerHost & HTMLElement & { campaign: string },
    known: readonly string[],
    kind: string,
    settled: (answer: Answer<R>) => void,
  ) {
    this.#host = host;
    this.#known = known;
    this.#kind = kind;
    this.#settled = settled;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    // What earlier pages left queued (a reload, a closed tab) goes out once the page has settled.
    whenIdle(
      () =>
        void loadOutbox().then(
          (m) => this.#attach(m),
          () => {},
        ),
    );
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unlisten?.();
    this.#unlisten = undefined;
  }

  /** Starts the shared outbox and hears its answers: a queued submission is settled later (back online). */
  #attach(m: typeof OutboxModule): void {
    if (!this.#connected || this.#unlisten) return;
    m.outbox.start();
    this.#unlisten = m.outbox.listen((key, answer) => {
      // Settled later: sent from the queue, or again with a CAPTCHA's answer (never twice: not while sending).
      if (key === this.#key && this.state !== 'sending') this.#settle(m, answer as Answer<R>);
    });
  }

  /** Client-side validation failed: show the issues, send nothing. */
  invalid(fields: Record<string, FieldIssue>): void {
    this.fields = fields;
    this.state = 'invalid';
    this.#host.requestUpdate();
  }

  async send(url: string, body: unknown): Promise<void> {
    if (this.state === 'sending') return;
    this.state = 'sending';
    this.fields = {};
    this.#host.requestUpdate();
    let m: typeof OutboxModule;
    try {
      m = await loadOutbox();
    } catch {
      // The outbox's chunk could not be fetched (offline since the page loaded): nothing was stored, say so.
      this.error = 'network';
      this.state = 'error';
      this.#host.requestUpdate();
      this.#settled({ kind: 'refused', error: { code: 'network' as ErrorCode, message: '' } });
      this.#host.dispatchEvent(new LadderErrorEvent({ campaign: this.#host.campaign, code: 'network' }));
      return;
    }
    const key = (this.#key = m.newKey());
    this.#attach(m);
    this.#settle(m, (await m.outbox.submit(url, await m.prepare(this.#host, url, body), key)) as Answer<R>);
  }

  /** The answer's meaning for the form (`verdict`, in the outbox's chunk), then the widget's events. */
  #settle(m: typeof OutboxModule, answer: Answer<R>): void {
    Object.assign(this, m.verdict(answer, this.#known));
    this.#host.requestUpdate();
    // The widget's own follow-up, then the event (`announce`, in the outbox's chunk too).
    this.#settled(answer);
    m.announce(this.#host, this.#kind, answer);
  }
}
