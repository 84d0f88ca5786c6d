/**
 * Finding whom to call: `LookupController` asks the API which targets a postcode reaches (the `@lit/task` model: a
 * status and an AbortSignal).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TargetLookup } from '../../schema/call.ts';
import type { ErrorBody, ErrorCode, FieldIssue } from '../../schema/errors.ts';

export type LookupTarget = TargetLookup['targets'][number];

export class LookupController implements ReactiveController {
  status: 'idle' | 'pending' | 'complete' | 'error' = 'idle';
  result?: TargetLookup;
  error?: ErrorCode | 'network';
  /** What the API said about the postcode (422 `codes.postcode`). */
  issue?: FieldIssue;
  #host: ReactiveControllerHost;
  #abort?: AbortController;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** `GET <campaign>/targets?postcode=[&area=]`. Resolves when settled (never rejects). */
  async run(campaignUrl: string, postcode: string, area?: string): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const query = new URLSearchParams({ postcode });
    if (area) query.set('area', area);
    this.status = 'pending';
    this.issue = undefined;
    this.#host.requestUpdate();
    try {
      const response = await fetch(`${campaignUrl}/targets?${query}`, { signal: abort.signal, credentials: 'omit' });
      const body = (await response.json()) as TargetLookup & ErrorBody;
      if (response.ok) {
        this.result = body;
        this.status = 'complete';
      } else {
        this.error = body.error?.code ?? 'internal';
        this.issue = body.error?.codes?.postcode;
        this.status = 'error';
      }
    } catch {
      if (abort.signal.aborted) return;
      this.error = 'network';
      this.status = 'error';
    }
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }
}
