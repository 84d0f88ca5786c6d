/**
 * Canvasser mode: one volunteer's phone records many respondents in a row, at doors or at an event, offline for
 * hours. Every response goes into the core outbox with its own idempotency key, tagged for the batch endpoint, and
 * is synced in batches when the phone is back online; the server counts each one once thanks to its key.
 *
 * The canvasser's name and turf are asked once and kept for the session: in memory, and in sessionStorage only on
 * the campaign's own site (on a partner's page, storage belongs to the partner). Never on `window`, never in an
 * event.
 *
 * The survey imports this module only for the `canvasser` attribute: respondents on their own never download it.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ResponseResult } from '../../schema/actions.ts';
import { LIMITS } from '../../schema/limits.ts';
import { campaignUrl } from '../core/api.ts';
import { LadderErrorEvent, LadderQueuedEvent, LadderSuccessEvent } from '../core/events.ts';
import type { CoreMessages } from '../core/i18n.ts';
import { newKey, outbox } from '../core/outbox.ts';
import { enqueue } from '../core/outbox-retry.ts';
import type { SurveyMessages } from './i18n/index.ts';

export { en } from './i18n/en.canvass.ts';

export interface Canvasser {
  canvasser: string;
  turf?: string;
}

interface CanvassHost extends ReactiveControllerHost, EventTarget {
  campaign: string;
  apiBase: string;
  renderRoot: ParentNode;
}

type Messages = SurveyMessages & Pick<CoreMessages, 'required'>;

/** Canvassers per campaign for this page; outlives the element (a re-render, a framework re-mount). */
const sessions = new Map<string, Canvasser>();

const storageKey = (campaign: string) => `ladder:canvasser:${campaign}`;
/** True on the campaign's own site (page origin = API origin). Browser only. */
const ownSite = (api: string) => new URL(api, location.href).origin === location.origin;

export class CanvassController implements ReactiveController {
  /** Who is canvassing, once they said. */
  who?: Canvasser;
  /** Responses recorded on this device and not yet synced. */
  pending = 0;
  /** Responses the server refused (invalid): the respondent is gone, so the canvasser should know. */
  failed = 0;
  /** The sign-in form was sent without a name. */
  #missing = false;
  #host: CanvassHost;
  #keys = new Set<string>();
  #unlisten?: () => void;

  constructor(host: CanvassHost) {
    this.#host = host;
    host.addController(this);
  }

  get #url(): string {
    return `${campaignUrl(this.#host.apiBase, this.#host.campaign)}/responses`;
  }

  hostConnected(): void {
    const { campaign, apiBase } = this.#host;
    let saved = sessions.get(campaign);
    try {
      saved ??= ownSite(apiBase) ? JSON.parse(sessionStorage.getItem(storageKey(campaign)) ?? 'null') : undefined;
    } catch {
      // Storage blocked or garbled: ask again.
    }
    this.who = saved ?? undefined;
    outbox.start();
    this.#unlisten = outbox.listen((key, answer) => {
      if (this.#keys.delete(key)) {
        const detail = { campaign };
        if (answer.kind === 'ok') {
          const { response, count, duplicate } = answer.body as ResponseResult;
          this.#host.dispatchEvent(new LadderSuccessEvent({ ...detail, id: response.id, count, duplicate }));
        } else if (answer.kind === 'refused') {
          this.failed++;
          this.#host.dispatchEvent(new LadderErrorEvent({ ...detail, code: answer.error.code }));
        }
      }
      void this.count();
    });
    void this.count();
  }

  hostDisconnected(): void {
    this.#unlisten?.();
  }

  /** Remembers the canvasser for the session; `undefined` forgets them (another volunteer takes the phone). */
  set(who: Canvasser | undefined): void {
    const { campaign, apiBase } = this.#host;
    this.who = who;
    if (who) sessions.set(campaign, who);
    else sessions.delete(campaign);
    try {
      if (!ownSite(apiBase)) return;
      if (who) sessionStorage.setItem(storageKey(campaign), JSON.stringify(who));
      else sessionStorage.removeItem(storageKey(campaign));
    } catch {
      // Storage blocked: memory still holds it for this page.
    }
    this.#host.requestUpdate();
  }

  /** Who is canvassing and where, with the count of responses waiting to sync (announced as it changes). */
  bar(t: Messages, format: (n: number) => string): TemplateResult {
    const { who, pending, failed } = this;
    // Its own few rules, here rather than in the survey's styles: only canvassers download them.
    return html`<style>
        [part='canvass'] {
          display: grid;
          gap: 0.25em;
          padding: 0.5em;
          border-radius: var(--ladder-radius);
          background: #f1f1f4;
        }
        [part='canvass'] button {
          min-block-size: 0;
          padding: 0.1em 0.5em;
          margin-inline-start: 0.5em;
          background: transparent;
          color: var(--ladder-accent);
          box-shadow: inset 0 0 0 2px var(--ladder-accent);
        }
      </style>
      <div part="canvass">
        <p>
          <span dir="auto">${t.canvassing.replace('{name}', who!.canvasser)}${who!.turf ? ` · ${who!.turf}` : ''}</span>
          <button type="button" @click=${() => this.set(undefined)}>${t.change}</button>
        </p>
        <p aria-live="polite">
          ${t.pending(pending, format(pending))} ${failed ? t.failed(failed, format(failed)) : ''}
        </p>
      </div>`;
  }

  /** Asks who is canvassing and where, once per session. */
  signIn(t: Messages): TemplateResult {
    const missing = this.#missing;
    return html`<form part="form" method="post" novalidate @submit=${(event: SubmitEvent) => this.#onSignIn(event)}>
      <div class="field">
        <label for="canvasser">${t.canvasser}</label>
        <input
          id="canvasser"
          name="canvasser"
          autocomplete="name"
          required
          maxlength=${LIMITS.name}
          dir="auto"
          aria-invalid=${missing}
          aria-describedby=${missing ? 'canvasser-error' : nothing}
        />
        <p id="canvasser-error" part="error" class="error">${missing ? t.required : ''}</p>
      </div>
      <div class="field">
        <label for="turf">${t.turf} <span class="optional">${t.optional}</span></label>
        <input id="turf" name="turf" maxlength=${LIMITS.name} dir="auto" />
      </div>
      <div><button part="submit" type="submit">${t.start}</button></div>
    </form>`;
  }

  async #onSignIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const [name, turf] = ['canvasser', 'turf'].map((n) =>
      (form.elements.namedItem(n) as HTMLInputElement).value.trim(),
    );
    this.#missing = !name;
    if (name) this.set({ canvasser: name, turf: turf || undefined });
    else this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('[aria-invalid=true], .page:not([hidden]) h3')?.focus();
  }

  /** Stores one respondent's response, stamped with who collected it, where and when; sends it when it can. */
  async record(response: object): Promise<void> {
    const key = newKey();
    this.#keys.add(key);
    const canvass = { ...this.who, collectedAt: new Date().toISOString() };
    await enqueue(outbox, this.#url, JSON.stringify({ ...response, canvass }), key, `${this.#url}/batch`);
    this.#host.dispatchEvent(new LadderQueuedEvent({ campaign: this.#host.campaign }));
    await this.count();
  }

  /** Counts this campaign's responses waiting in the outbox (from this page, or left by an earlier one). */
  async count(): Promise<void> {
    const batch = `${this.#url}/batch`;
    this.pending = (await outbox.entries()).filter((entry) => entry.batch === batch).length;
    this.#host.requestUpdate();
  }
}
