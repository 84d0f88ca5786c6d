/**
 * Async work, kept out of the components (the `@lit/task` model: a status, an AbortSignal).
 * `CampaignController` loads the public campaign when the page did not provide it; `SubmitController` sends an
 * action through the outbox and keeps the submission's state.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PublicCampaign } from '../../schema/campaign.ts';
import type { ErrorCode, FieldIssue } from '../../schema/errors.ts';
import { getCampaign, newKey, type Answer } from './api.ts';
import type { Outbox } from './outbox.ts';

/**
 * The outbox (IndexedDB, backoff, batches) is a chunk of its own: nothing needs it before someone submits, and
 * what earlier pages left queued can wait until the browser is idle. It is the same module, so the same queue,
 * for every widget on the page.
 */
let outboxModule: Promise<Outbox> | undefined;
export const loadOutbox = (): Promise<Outbox> => (outboxModule ??= import('./outbox.ts').then((m) => m.outbox));

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
  #host: ReactiveControllerHost;
  #known: readonly string[];
  #settled: (answer: Answer<R>) => void;
  #key?: string;
  #unlisten?: () => void;
  #connected = false;

  /**
   * `known`: the fields the form shows (server issues about others, such as `referrer`, are a plain error).
   * `settled` runs after each server answer (and when the submission is queued), to fire the events.
   */
  constructor(host: ReactiveControllerHost, known: readonly string[], settled: (answer: Answer<R>) => void) {
    this.#host = host;
    this.#known = known;
    this.#settled = settled;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    // What earlier pages left queued (a reload, a closed tab) goes out once the page has settled.
    whenIdle(() => void loadOutbox().then((outbox) => this.#attach(outbox)));
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unlisten?.();
    this.#unlisten = undefined;
  }

  /** Starts the shared outbox and hears its answers: a queued submission is settled later (back online). */
  #attach(outbox: Outbox): void {
    if (!this.#connected || this.#unlisten) return;
    outbox.start();
    this.#unlisten = outbox.listen((key, answer) => {
      if (key === this.#key && this.state === 'queued') this.#settle(answer as Answer<R>);
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
    const key = (this.#key = newKey());
    this.state = 'sending';
    this.fields = {};
    this.#host.requestUpdate();
    const outbox = await loadOutbox();
    this.#attach(outbox);
    this.#settle((await outbox.submit(url, JSON.stringify(body), key)) as Answer<R>);
  }

  #settle(answer: Answer<R>): void {
    if (answer.kind === 'ok') {
      this.result = answer.body;
      this.state = answer.body.duplicate ? 'duplicate' : 'success';
    } else if (answer.kind === 'retry') {
      this.state = 'queued';
    } else {
      this.error = answer.error.code;
      this.fields = {};
      for (const [path, code] of Object.entries(answer.error.codes ?? {})) {
        const name = path.split('.').pop()!;
        if (this.#known.includes(name)) this.fields[name] = code;
      }
      this.state = Object.keys(this.fields).length ? 'invalid' : 'error';
    }
    this.#host.requestUpdate();
    this.#settled(answer);
  }
}
