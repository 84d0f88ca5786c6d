/**
 * One supporter: look up by email, read their record and timeline, and erase them when they ask (with a confirm
 * step: erasure cannot be undone). Their counts stay; their name, contact details and history go.
 */
import { html, nothing, render } from 'lit';
import { adminFetch, adminJson, AdminError } from './api.ts';
import { RUNG_LABELS } from './shape.ts';
import type { SupporterView } from './types.ts';

const KIND_LABELS: Record<string, string> = {
  signature: 'Signed',
  response: 'Answered the survey',
  rsvp: 'RSVP’d',
  call: 'Called',
};

export class SupporterLookup {
  #root: HTMLElement;
  #title: (slug: string) => string;
  #supporter?: SupporterView;
  #error = '';
  #message = '';
  #busy = false;
  #confirming = false;

  constructor(root: HTMLElement, title: (slug: string) => string) {
    this.#root = root;
    this.#title = title;
    this.#render();
  }

  #email(): string {
    return this.#root.querySelector<HTMLInputElement>('#lookup-email')!.value.trim();
  }

  #focus(selector: string): void {
    requestAnimationFrame(() => this.#root.querySelector<HTMLElement>(selector)?.focus());
  }

  async #lookup(event: Event): Promise<void> {
    event.preventDefault();
    const email = this.#email();
    this.#supporter = undefined;
    this.#confirming = false;
    this.#message = '';
    if (!email) {
      this.#error = 'Type an email address first.';
    } else {
      this.#busy = true;
      this.#render();
      try {
        this.#supporter = await adminJson<SupporterView>(`/api/admin/supporters?email=${encodeURIComponent(email)}`);
        this.#error = '';
      } catch (e) {
        this.#error =
          e instanceof AdminError && e.status === 404
            ? `Nobody with the email ${email}.`
            : String((e as Error).message);
      }
      this.#busy = false;
    }
    this.#render();
    this.#focus(this.#error ? '#lookup-email' : '#supporter-name');
  }

  async #erase(): Promise<void> {
    const s = this.#supporter;
    if (!s) return;
    this.#busy = true;
    this.#render();
    try {
      await adminFetch(`/api/admin/supporters?email=${encodeURIComponent(s.email)}`, { method: 'DELETE' });
      this.#message = `${s.givenName} ${s.familyName} (${s.email}) was erased.`;
      this.#supporter = undefined;
      this.#error = '';
    } catch (e) {
      this.#error = (e as Error).message;
    }
    this.#busy = false;
    this.#confirming = false;
    this.#render();
    this.#focus(this.#error ? '#lookup-email' : '#lookup-status');
  }

  /** Actions and rung changes, oldest first. */
  #timeline(s: SupporterView): { at: string; text: string }[] {
    const actions = s.timeline.map((t) => ({
      at: t.at,
      text: [
        `${KIND_LABELS[t.kind] ?? t.kind}: ${this.#title(t.campaign)}`,
        t.rsvp ? `(${t.rsvp.status}${t.rsvp.attended ? ', came' : ''})` : '',
        t.origin ? `from ${t.origin}` : '',
        t.source ? `via ${t.source}` : '',
        t.comment ? `“${t.comment}”` : '',
      ]
        .filter(Boolean)
        .join(' '),
    }));
    const rungs = s.rungs.map((r) => ({ at: r.at, text: `Reached the rung “${RUNG_LABELS[r.rung]}”` }));
    return [...actions, ...rungs].sort((a, b) => a.at.localeCompare(b.at));
  }

  #render(): void {
    const s = this.#supporter;
    render(
      html`<form class="lookup" @submit=${(e: Event) => void this.#lookup(e)} novalidate>
          <label for="lookup-email">Email address</label>
          <div class="row">
            <input
              id="lookup-email"
              type="email"
              name="email"
              autocomplete="off"
              spellcheck="false"
              required
              aria-invalid=${this.#error ? 'true' : 'false'}
              aria-describedby="lookup-error"
            />
            <button type="submit" ?disabled=${this.#busy}>Look up</button>
          </div>
          <p id="lookup-error" class="error" role="alert">${this.#error}</p>
        </form>
        <p id="lookup-status" class="status" role="status" tabindex="-1">${this.#message}</p>
        ${
          s
            ? html`<article class="supporter" aria-labelledby="supporter-name">
                <h3 id="supporter-name" tabindex="-1">${s.givenName} ${s.familyName}</h3>
                <dl>
                  <dt>Email</dt>
                  <dd>${s.email}</dd>
                  ${
                    s.phone
                      ? html`<dt>Phone</dt>
                          <dd>${s.phone}</dd>`
                      : nothing
                  }
                  ${
                    s.postcode
                      ? html`<dt>Postcode</dt>
                          <dd>${s.postcode}</dd>`
                      : nothing
                  }
                  <dt>Rung</dt>
                  <dd>${RUNG_LABELS[s.rung]}${s.rungOverride ? ' (set by an organizer)' : ''}</dd>
                  <dt>Recruited</dt>
                  <dd>${s.recruits}</dd>
                  <dt>Tags</dt>
                  <dd>${s.tags.length ? s.tags.join(', ') : 'none'}</dd>
                  <dt>First seen</dt>
                  <dd>${s.createdAt.slice(0, 10)}</dd>
                </dl>
                <h4>Timeline</h4>
                <ol class="timeline">
                  ${this.#timeline(s).map(
                    ({ at, text }) =>
                      html`<li><time datetime=${at}>${at.slice(0, 16).replace('T', ' ')}</time> ${text}</li>`,
                  )}
                </ol>
                ${
                  this.#confirming
                    ? html`<div class="confirm" role="group" aria-labelledby="erase-title">
                        <h4 id="erase-title" tabindex="-1">Erase ${s.givenName} ${s.familyName} for good?</h4>
                        <p>
                          Their name, contact details, RSVPs and history are deleted and never sent anywhere again.
                          Counts stay. This cannot be undone.
                        </p>
                        <button type="button" class="danger" ?disabled=${this.#busy} @click=${() => void this.#erase()}>
                          Yes, erase ${s.email}
                        </button>
                        <button
                          type="button"
                          @click=${() => {
                            this.#confirming = false;
                            this.#render();
                            this.#focus('#erase-start');
                          }}
                        >
                          Cancel
                        </button>
                      </div>`
                    : html`<button
                        type="button"
                        id="erase-start"
                        class="danger"
                        @click=${() => {
                          this.#confirming = true;
                          this.#render();
                          this.#focus('#erase-title');
                        }}
                      >
                        Erase this person…
                      </button>`
                }
              </article>`
            : nothing
        }`,
      this.#root,
    );
  }
}
