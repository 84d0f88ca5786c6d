/**
 * Async work, kept out of the components (the `@lit/task` model: a status, an AbortSignal).
 * `CampaignController` loads the public campaign when the page did not provide it; `SubmitController` sends an
 * action through the outbox and keeps the submission's state.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PublicCampaign } from '../../schema/campaign.ts';
import type { ErrorCode, FieldIssue } from '../../schema/errors.ts';
import { getCampaign, newKey, type Answer } from './api.ts';
import { outbox } from './outbox.ts';

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
   * time), it is shown at once and only its count is refreshed: the live count.
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
        this.#host.data = data?.slug === loaded.slug ? { ...data, count: loaded.count } : loaded;
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
    // What earlier pages left queued (a reload, a closed tab) goes out as soon as any widget is on the page.
    outbox.start();
    // A queued submission is settled by the outbox later (back online): show the result if we are still here.
    this.#unlisten = outbox.listen((key, answer) => {
      if (key === this.#key && this.state === 'queued') this.#settle(answer as Answer<R>);
    });
  }

  hostDisconnected(): void {
    this.#unlisten?.();
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
