/**
 * The manage-my-RSVP page (`/rsvp/?t=<token>`), in the browser: reads the RSVP behind the private link, lets the
 * supporter change guests or shift, cancel, or RSVP again after cancelling, in the campaign's language. A plain
 * form in the page (not a widget: it never runs on partner pages), rendered with lit-html, which the site ships for
 * its islands anyway.
 *
 * Accessibility: one h1 focused after each change of view, native controls with labels, errors tied to their
 * field with `aria-describedby`, and every outcome said in a `role=status` region.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import type { PublicCampaign } from '../../schema/campaign.ts';
import type { ErrorBody, FieldIssue } from '../../schema/errors.ts';
import type { Lang } from '../../schema/limits.ts';
import { isRtl, resolveLang } from '../../widgets/core/i18n.ts';
import coreAr from '../../widgets/core/i18n/ar.ts';
import { en as coreEn } from '../../widgets/core/i18n/en.ts';
import coreEs from '../../widgets/core/i18n/es.ts';
import coreFr from '../../widgets/core/i18n/fr.ts';
import rsvpAr from '../../widgets/rsvp/i18n/ar.ts';
import { en as rsvpEn } from '../../widgets/rsvp/i18n/en.ts';
import rsvpEs from '../../widgets/rsvp/i18n/es.ts';
import rsvpFr from '../../widgets/rsvp/i18n/fr.ts';
import { browserZone, SHIFT, SHORT, when, zoneName } from '../../widgets/rsvp/when.ts';
import { manageStrings } from './rsvp-manage-strings.ts';

/** What `GET|PATCH /api/rsvps/<token>` and `POST /api/rsvps/<token>/cancel` answer. */
export interface ManagedRsvp {
  rsvp: { id: string; status: 'confirmed' | 'waitlisted' | 'cancelled'; guests: number; shift: string | null };
  campaign: PublicCampaign;
}

const words = (lang: Lang) => ({
  ...{ en: coreEn, es: coreEs, fr: coreFr, ar: coreAr }[lang],
  ...{ en: rsvpEn, es: rsvpEs, fr: rsvpFr, ar: rsvpAr }[lang],
  ...manageStrings(lang),
});

type Phase = 'loading' | 'missing' | 'notFound' | 'loadFailed' | 'ready';

export class ManageRsvp {
  #root: HTMLElement;
  #url: string;
  #phase: Phase = 'loading';
  #data?: ManagedRsvp;
  #lang: Lang = 'en';
  #message = '';
  #issues: Record<string, FieldIssue> = {};
  #busy = false;
  #confirming = false;

  constructor(root: HTMLElement, token: string | null, api = '') {
    this.#root = root;
    this.#url = `${api}/api/rsvps/${encodeURIComponent(token ?? '')}`;
    if (!token) this.#phase = 'missing';
    else void this.#request('GET');
    this.#render();
  }

  /** Sends one request; answers with the RSVP update the view, field errors go to their fields. */
  async #request(method: 'GET' | 'PATCH' | 'POST', body?: object, done?: string): Promise<void> {
    this.#busy = true;
    this.#render();
    let response: Response | undefined;
    try {
      response = await fetch(method === 'POST' ? `${this.#url}/cancel` : this.#url, {
        method,
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body && JSON.stringify(body),
      });
    } catch {
      // Offline: said below.
    }
    this.#busy = false;
    const t = words(this.#lang);
    if (response?.ok) {
      this.#data = (await response.json()) as ManagedRsvp;
      this.#phase = 'ready';
      this.#lang = resolveLang(this.#data.campaign.lang);
      this.#issues = {};
      this.#message = done ? words(this.#lang)[done as 'saved'] : '';
    } else if (this.#phase !== 'ready') {
      this.#phase = response?.status === 404 ? 'notFound' : 'loadFailed';
    } else {
      const error = ((await response?.json().catch(() => null)) as ErrorBody | null)?.error;
      this.#issues = {};
      for (const [path, code] of Object.entries(error?.codes ?? {})) this.#issues[path] = code;
      this.#message =
        error?.code === 'invalid_input' ? t.fix : error?.code === 'rate_limited' ? t.rate_limited : t.error;
    }
    this.#render();
    if (method !== 'GET' || this.#phase !== 'ready') this.#focus();
  }

  #focus(): void {
    const invalid = this.#root.querySelector<HTMLElement>('[aria-invalid=true]');
    (invalid ?? this.#root.querySelector<HTMLElement>('h1'))?.focus();
  }

  #render(): void {
    const lang = this.#lang;
    const t = words(lang);
    const data = this.#data;
    document.documentElement.lang = lang;
    document.documentElement.dir = isRtl(lang) ? 'rtl' : 'ltr';
    document.title = `${t.title} · ${data?.campaign.title ?? 'Ladder'}`;
    const phase = this.#phase;
    render(
      html`<h1 tabindex="-1">${t.title}</h1>
        ${phase === 'ready' && data ? this.#view(data, t) : html`<p class="notice">${t[phase as Exclude<Phase, 'ready'>]}</p>`}
        <p class="message" role="status">${this.#message}</p>`,
      this.#root,
    );
  }

  #view({ rsvp, campaign }: ManagedRsvp, t: ReturnType<typeof words>): TemplateResult {
    const event = campaign.event!;
    const lang = this.#lang;
    const zone = browserZone();
    const status = rsvp.status === 'cancelled' ? t.cancelled : rsvp.status === 'waitlisted' ? t.waitlisted : t.going;
    const { name, address, online } = event.location;
    return html`<p class="state"><strong>${status}</strong></p>
      <section aria-labelledby="event-title">
        <h2 id="event-title" dir="auto">${campaign.title}</h2>
        <p>
          ${when(event.startsAt, event.endsAt, lang, zone)}<br />
          <span class="muted">
            ${
              zone === event.timezone
                ? zoneName(event.startsAt, lang, zone)
                : `${t.atEvent} ${when(event.startsAt, event.endsAt, lang, event.timezone, SHORT)}`
            }
          </span>
        </p>
        <p dir="auto">
          ${[name, address].filter(Boolean).join(', ')} ${online ? html`<a href=${online}>${t.online}</a>` : nothing}
        </p>
        <p>
          <a href=${campaign.url}>${t.event}</a>
          ${rsvp.status === 'cancelled' ? nothing : html` · <a href=${`/api/campaigns/${campaign.slug}/event.ics${rsvp.shift ? `?shift=${rsvp.shift}` : ''}`} download>${t.ics}</a>`}
        </p>
      </section>
      ${
        rsvp.status === 'cancelled'
          ? // RSVPing again with the same email changes nothing (knowing an email proves nothing): the link does.
            html`<div>
              <button type="button" class="again" aria-disabled=${this.#busy} @click=${this.#onAgain}>
                ${t.again}
              </button>
            </div>`
          : this.#forms({ rsvp, campaign }, t)
      }`;
  }

  #forms({ rsvp, campaign }: ManagedRsvp, t: ReturnType<typeof words>): TemplateResult {
    const event = campaign.event!;
    const lang = this.#lang;
    const zone = browserZone();
    const issue = (name: string) => this.#issues[name];
    const error = (name: string) =>
      html`<p id="${name}-error" class="error">${issue(name) ? t[issue(name)] : nothing}</p>`;
    const described = (name: string) => (issue(name) ? `${name}-error` : nothing);
    return html`<form class="change" @submit=${this.#onSave}>
        <h2>${t.change}</h2>
        ${
          event.shifts.length
            ? html`<fieldset>
                <legend>${t.shift}</legend>
                ${event.shifts.map(
                  (shift) =>
                    html`<label class="check">
                      <input
                        type="radio"
                        name="shift"
                        value=${shift.id}
                        .checked=${shift.id === rsvp.shift}
                        aria-invalid=${!!issue('shift')}
                        aria-describedby=${described('shift')}
                      />
                      <span dir="auto"
                        >${shift.label ?? ''} (${when(shift.startsAt, shift.endsAt, lang, zone, SHIFT)})</span
                      >
                    </label>`,
                )}
                ${error('shift')}
              </fieldset>`
            : nothing
        }
        ${
          event.maxGuests
            ? html`<label for="guests">${t.guests}</label>
                <select
                  id="guests"
                  name="guests"
                  aria-invalid=${!!issue('guests')}
                  aria-describedby=${described('guests')}
                >
                  ${Array.from(
                    { length: Math.max(event.maxGuests, rsvp.guests) + 1 },
                    (_, n) =>
                      html`<option value=${n} .selected=${n === rsvp.guests}>${n.toLocaleString(lang)}</option>`,
                  )}
                </select>
                ${error('guests')}`
            : nothing
        }
        <div><button type="submit" aria-disabled=${this.#busy}>${this.#busy ? t.sending : t.save}</button></div>
      </form>
      <section class="cancel" aria-labelledby="cancel-title">
        <h2 id="cancel-title">${t.cancelAsk}</h2>
        ${
          this.#confirming
            ? html`<p>${t.confirmCancel}</p>
                <div class="buttons">
                  <button type="button" class="danger" @click=${this.#onCancel}>${t.cancel}</button>
                  <button type="button" class="secondary" @click=${() => this.#confirm(false)}>${t.keep}</button>
                </div>`
            : html`<button type="button" class="secondary" @click=${() => this.#confirm(true)}>${t.cancel}</button>`
        }
      </section>`;
  }

  /** Cancelling takes two presses: the first asks, and focus goes to the question's first button. */
  #confirm(asking: boolean): void {
    this.#confirming = asking;
    this.#render();
    this.#root.querySelector<HTMLElement>(asking ? '.cancel .danger' : '.cancel button')?.focus();
  }

  #onSave = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.#busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const shift = form.querySelector<HTMLInputElement>('[name=shift]:checked')?.value;
    const guests = form.querySelector<HTMLSelectElement>('[name=guests]')?.value;
    void this.#request('PATCH', { shift, guests: guests === undefined ? undefined : Number(guests) }, 'saved');
  };

  #onAgain = (): void => {
    if (!this.#busy) void this.#request('PATCH', {}, 'saved');
  };

  #onCancel = (): void => {
    if (this.#busy) return;
    this.#confirming = false;
    void this.#request('POST', undefined, 'cancelDone');
  };
}
