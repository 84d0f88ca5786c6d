/**
 * Host check-in on the day (`/checkin/?event=<slug>`): the event's RSVPs, search as you type, tap to check in,
 * walk-ins, and a QR code for the door. Works offline once opened: the page comes from the service worker, the
 * list from this device's storage, only for the token that fetched it (saved-list.ts), and check-ins wait in
 * `CheckInQueue`. Online, the server proves the token.
 */
import { html, nothing, render } from 'lit';
import { LANGS, type Lang } from '../../../schema/limits.ts';
import { AdminError, adminJson, adminToken } from './api.ts';
import { checkInStrings } from './checkin-strings.ts';
import { CheckInQueue, type Queued } from './queue.ts';
import { qrSvg } from './qr.ts';
import { dropLegacyCache, savedList, saveList } from './saved-list.ts';
import { signIn, signOut } from './sign-in.ts';
import type { RsvpRow } from './types.ts';

/** What the page knows about each event from the build (so it needs no request to say which event this is). */
export interface EventInfo {
  slug: string;
  title: string;
  when: string;
  where: string;
}

/** Lower case, accents off: "José" is found by "jose". */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** The page's language (`/checkin/<lang>/`), its words and its numbers. */
const lang: Lang = (LANGS as readonly string[]).includes(document.documentElement.lang)
  ? (document.documentElement.lang as Lang)
  : 'en';
const t = checkInStrings[lang];
const numbers = new Intl.NumberFormat(lang);
const fmt = (n: number) => numbers.format(n);

const listUrl = (slug: string) => `/api/admin/campaigns/${encodeURIComponent(slug)}/rsvps`;
/** A connection slower than this counts as none: the saved list opens (for its own token only). */
const NETWORK_TIMEOUT = 5_000;

/**
 * The key this device's saved lists are kept under for a signed-in account (no token to derive it from): made
 * when the session has just proved itself to the server, gone at sign-out (saved-list.ts `forgetSavedLists`), so
 * offline the list opens only on the device that signed in and has not signed out since.
 */
const SESSION_KEY = 'ladder-session-list-key';
export function sessionListKey(create: boolean): string | null {
  let key = localStorage.getItem(SESSION_KEY);
  if (!key && create) {
    key = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem(SESSION_KEY, key);
  }
  return key;
}

/**
 * The event's list: from the server, which proves the token or the session (then kept on this device for that
 * token, or this device's session key); with no connection, the list saved here for that token or session, else
 * the `AdminError` (status 0) of the failed request.
 */
async function fetchList(slug: string, token: string | null): Promise<RsvpRow[]> {
  try {
    const { rsvps } = await adminJson<{ rsvps: RsvpRow[] }>(
      listUrl(slug),
      { signal: AbortSignal.timeout(NETWORK_TIMEOUT) },
      token,
    );
    // Not awaited: deriving the key takes a moment on a phone. Storage full or blocked: the list is online only.
    void saveList(token ?? sessionListKey(true)!, slug, rsvps).catch(() => undefined);
    return rsvps;
  } catch (e) {
    if (!(e instanceof AdminError) || e.status !== 0) throw e;
    const key = token ?? sessionListKey(false);
    const saved = key ? await savedList(key, slug) : null;
    if (!saved) throw new AdminError(0, 'offline', `${e.message} ${t.notSaved}`);
    return saved;
  }
}

export class CheckIn {
  #root: HTMLElement;
  #event: EventInfo;
  #queue = new CheckInQueue();
  #rsvps: RsvpRow[] = [];
  #pending: Queued[] = [];
  #query = '';
  #message = '';
  #offline = false;
  #listError = '';

  constructor(root: HTMLElement, event: EventInfo, rsvps: RsvpRow[]) {
    this.#root = root;
    this.#event = event;
    this.#rsvps = rsvps;
    this.#queue.listen((left, sent, problem) => {
      const wasOffline = this.#offline;
      this.#pending = left.filter((e) => e.event === event.slug);
      this.#offline = problem?.status === 0;
      if (problem && problem.status !== 0) this.#message = problem.message;
      else if (sent.length && wasOffline) {
        this.#message = t.backOnline(sent.length, fmt);
      }
      this.#render();
      if (sent.length) void this.reload();
    });
    void this.#queue.entries(event.slug).then((entries) => {
      this.#pending = entries;
      this.#render();
      if (entries.length) void this.#queue.flush();
    });
    this.#render();
    void this.#drawQr();
  }

  async reload(): Promise<void> {
    try {
      this.#rsvps = await fetchList(this.#event.slug, adminToken.get() ?? '');
      this.#listError = '';
    } catch (e) {
      this.#listError = e instanceof AdminError && e.status === 0 ? '' : (e as Error).message;
    }
    this.#render();
  }

  #isPending(id: string) {
    return this.#pending.some((e) => e.kind === 'check-in' && e.rsvpId === id);
  }

  async #checkIn(row: RsvpRow): Promise<void> {
    this.#message = t.checkedInName(`${row.givenName} ${row.familyName}`);
    this.#pending = [
      ...this.#pending,
      { key: `check-in:${row.id}`, event: this.#event.slug, kind: 'check-in', rsvpId: row.id, created: Date.now() },
    ];
    this.#render();
    this.#root.querySelector<HTMLInputElement>('#checkin-search')?.focus();
    await this.#queue.add({ key: `check-in:${row.id}`, event: this.#event.slug, kind: 'check-in', rsvpId: row.id });
    if (!this.#isPending(row.id)) row.attended = true;
    this.#render();
  }

  async #walkIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const person = { givenName: value('givenName'), familyName: value('familyName'), email: value('email') };
    const invalid = form.querySelector<HTMLInputElement>(':invalid');
    if (invalid) {
      invalid.setAttribute('aria-invalid', 'true');
      this.#message = t.checkField(invalid.labels?.[0]?.textContent ?? invalid.name);
      this.#render();
      invalid.focus();
      return;
    }
    form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
    const guests = Math.max(0, Math.min(20, Number(value('guests')) || 0));
    this.#message = t.walkInAdded(`${person.givenName} ${person.familyName}`);
    form.reset();
    await this.#queue.add({
      key: `walk-in:${person.email.toLowerCase()}`,
      event: this.#event.slug,
      kind: 'walk-in',
      walkIn: { person, guests },
    });
  }

  async #drawQr(): Promise<void> {
    const box = this.#root.querySelector<HTMLElement>('#checkin-qr');
    if (!box) return;
    try {
      box.innerHTML = await qrSvg(`${location.origin}/act/${this.#event.slug}/`);
    } catch {
      box.textContent = t.qrFailed;
    }
  }

  /**
   * Sends what waits before the session ends. What cannot go (offline) would be lost with the session, since the
   * queue holds walk-ins' names and emails and must not outlive it: the host is asked before that happens.
   */
  async #signOut(): Promise<void> {
    if (await this.#queue.leave((left) => confirm(t.unsentAtSignOut(left, fmt)))) signOut();
  }

  #render(): void {
    const slot = this.#root.querySelector<HTMLElement>('[data-slot=list]')!;
    const q = fold(this.#query.trim());
    const shown = this.#rsvps
      .filter((r) => !q || fold(`${r.givenName} ${r.familyName} ${r.email}`).includes(q))
      .sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName));
    const done = (r: RsvpRow) => r.attended || this.#isPending(r.id);
    const confirmed = this.#rsvps.filter((r) => r.status === 'confirmed');
    const checkedIn = this.#rsvps.filter(done).length;
    const waiting = this.#pending.length;
    render(
      html`<div class="toolbar">
          <p id="checkin-count" role="status">
            ${t.checkedInOf(checkedIn, confirmed.length, fmt)}
            ${
              waiting
                ? html`<strong
                    >${t.savedOnDevice(waiting, fmt)} ${this.#offline ? t.waitingForConnection : t.sending}</strong
                  >`
                : nothing
            }
          </p>
          <button type="button" @click=${() => void this.reload()}>${t.refresh}</button>
          <button type="button" @click=${() => void this.#signOut()}>${t.signOut}</button>
        </div>
        ${this.#offline ? html`<p class="alert offline">${t.offline}</p>` : nothing}
        ${this.#listError ? html`<p class="alert" role="alert">${this.#listError}</p>` : nothing}
        <p class="message" role="status">${this.#message}</p>
        <label for="checkin-search">${t.search}</label>
        <input
          id="checkin-search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-controls="checkin-list"
          aria-describedby="checkin-shown"
          .value=${this.#query}
          @input=${(e: Event) => {
            this.#query = (e.target as HTMLInputElement).value;
            this.#render();
          }}
        />
        <p id="checkin-shown" class="muted">
          ${q ? t.shown(shown.length, this.#rsvps.length, fmt) : t.rsvps(this.#rsvps.length, fmt)}
        </p>
        <ul id="checkin-list" class="rsvps">
          ${shown.map(
            (r) =>
              html`<li class=${done(r) ? 'done' : ''} data-rsvp=${r.id}>
                <span class="who">
                  <strong>${r.givenName} ${r.familyName}</strong>
                  <span class="muted"
                    >${r.email}${r.guests ? ` · +${t.guests(r.guests, fmt)}` : ''}${
                      r.shift ? ` · ${r.shift}` : ''
                    }${r.status === 'confirmed' ? '' : ` · ${t.status[r.status]}`}</span
                  >
                </span>
                ${
                  done(r)
                    ? html`<span class="state">${this.#isPending(r.id) ? t.checkedInPending : t.checkedIn}</span>`
                    : html`<button type="button" class="primary" @click=${() => void this.#checkIn(r)}>
                        ${t.checkIn}<span class="visually-hidden"> ${r.givenName} ${r.familyName}</span>
                      </button>`
                }
              </li>`,
          )}
        </ul>
        ${q && !shown.length ? html`<p>${t.nobodyMatches(this.#query)}</p>` : nothing}`,
      slot,
    );
    const walkIn = this.#root.querySelector<HTMLElement>('[data-slot=walk-in]')!;
    if (!walkIn.hasChildNodes()) {
      render(
        html`<form class="walk-in" @submit=${(e: SubmitEvent) => void this.#walkIn(e)} novalidate>
          <div>
            <label for="walk-given">${t.givenName}</label
            ><input id="walk-given" name="givenName" type="text" autocomplete="off" required maxlength="100" />
          </div>
          <div>
            <label for="walk-family">${t.familyName}</label
            ><input id="walk-family" name="familyName" type="text" autocomplete="off" required maxlength="100" />
          </div>
          <div>
            <label for="walk-email">${t.email}</label
            ><input id="walk-email" name="email" type="email" autocomplete="off" required />
          </div>
          <div>
            <label for="walk-guests">${t.guestsWith}</label
            ><input id="walk-guests" name="guests" type="number" min="0" max="20" value="0" inputmode="numeric" />
          </div>
          <button type="submit" class="primary">${t.addAndCheckIn}</button>
        </form>`,
        walkIn,
      );
    }
  }
}

/** Wires the page: sign in (the list doubles as the token check), then the check-in list. */
export async function startCheckIn(root: HTMLElement, form: HTMLFormElement, events: EventInfo[]): Promise<void> {
  const slug = new URLSearchParams(location.search).get('event');
  const event = events.find((e) => e.slug === slug);
  if (!event) return; // The page lists the events to choose from.
  void dropLegacyCache();
  try {
    const rsvps = await signIn(form, (token) => fetchList(event.slug, token));
    root.hidden = false;
    new CheckIn(root, event, rsvps);
    root.querySelector<HTMLElement>('h2')?.focus();
  } catch (e) {
    form.hidden = false;
    const error = form.querySelector<HTMLElement>('.error')!;
    error.textContent = (e as Error).message;
    error.hidden = false;
  }
}
