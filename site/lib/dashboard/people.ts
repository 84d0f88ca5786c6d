/**
 * One supporter: look up by email, read their record and timeline, and erase them when they ask (with a confirm
 * step: erasure cannot be undone). Their counts stay; their name, contact details and history go.
 */
import { html, nothing, render } from 'lit';
import { adminFetch, adminJson, AdminError } from './api.ts';
import { fmt, formatDay, formatInstant, t } from './i18n/index.ts';
import type { SupporterView } from './types.ts';

/** A translated label when there is one, else the API's own word (a kind or status added later still shows). */
const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;

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
      this.#error = t.people.typeEmail;
    } else {
      this.#busy = true;
      this.#render();
      try {
        this.#supporter = await adminJson<SupporterView>(`/api/admin/supporters?email=${encodeURIComponent(email)}`);
        this.#error = '';
      } catch (e) {
        this.#error =
          e instanceof AdminError && e.status === 404 ? t.people.nobody(email) : String((e as Error).message);
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
      this.#message = t.people.erased(`${s.givenName} ${s.familyName}`, s.email);
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
    const { people } = t;
    const actions = s.timeline.map((item) => ({
      at: item.at,
      text: [
        `${label(people.kinds, item.kind)}: ${this.#title(item.campaign)}`,
        item.rsvp ? `(${label(people.rsvpStatus, item.rsvp.status)}${item.rsvp.attended ? people.cameToo : ''})` : '',
        item.origin ? people.from(item.origin) : '',
        item.source ? people.via(item.source) : '',
        item.comment ? `“${item.comment}”` : '',
      ]
        .filter(Boolean)
        .join(' '),
    }));
    const rungs = s.rungs.map((r) => ({ at: r.at, text: people.reachedRung(t.rungs[r.rung]) }));
    return [...actions, ...rungs].sort((a, b) => a.at.localeCompare(b.at));
  }

  #render(): void {
    const s = this.#supporter;
    const { people } = t;
    render(
      html`<form class="lookup" @submit=${(e: Event) => void this.#lookup(e)} novalidate>
          <label for="lookup-email">${people.email}</label>
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
            <button type="submit" ?disabled=${this.#busy}>${people.lookUp}</button>
          </div>
          <p id="lookup-error" class="error" role="alert">${this.#error}</p>
        </form>
        <p id="lookup-status" class="status" role="status" tabindex="-1">${this.#message}</p>
        ${
          s
            ? html`<article class="supporter" aria-labelledby="supporter-name">
                <h3 id="supporter-name" tabindex="-1">${s.givenName} ${s.familyName}</h3>
                <dl>
                  <dt>${people.email}</dt>
                  <dd>${s.email}</dd>
                  ${
                    s.phone
                      ? html`<dt>${people.phone}</dt>
                          <dd>${s.phone}</dd>`
                      : nothing
                  }
                  ${
                    s.postcode
                      ? html`<dt>${people.postcode}</dt>
                          <dd>${s.postcode}</dd>`
                      : nothing
                  }
                  <dt>${people.rung}</dt>
                  <dd>${t.rungs[s.rung]}${s.rungOverride ? people.setByOrganizer : ''}</dd>
                  <dt>${people.recruited}</dt>
                  <dd>${fmt(s.recruits)}</dd>
                  <dt>${people.tags}</dt>
                  <dd>${s.tags.length ? s.tags.join(t.comma) : people.none}</dd>
                  <dt>${people.firstSeen}</dt>
                  <dd><time datetime=${s.createdAt.slice(0, 10)}>${formatDay(s.createdAt.slice(0, 10))}</time></dd>
                </dl>
                <h4>${people.timeline}</h4>
                <ol class="timeline">
                  ${this.#timeline(s).map(
                    ({ at, text }) => html`<li><time datetime=${at}>${formatInstant(at)}</time> ${text}</li>`,
                  )}
                </ol>
                ${
                  this.#confirming
                    ? html`<div class="confirm" role="group" aria-labelledby="erase-title">
                        <h4 id="erase-title" tabindex="-1">${people.eraseTitle(`${s.givenName} ${s.familyName}`)}</h4>
                        <p>${people.eraseWarning}</p>
                        <button type="button" class="danger" ?disabled=${this.#busy} @click=${() => void this.#erase()}>
                          ${people.eraseYes(s.email)}
                        </button>
                        <button
                          type="button"
                          @click=${() => {
                            this.#confirming = false;
                            this.#render();
                            this.#focus('#erase-start');
                          }}
                        >
                          ${people.cancel}
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
                        ${people.eraseStart}
                      </button>`
                }
              </article>`
            : nothing
        }`,
      this.#root,
    );
  }
}
