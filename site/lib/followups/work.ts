/**
 * The volunteer's phone screen (`/volunteer/`): their assignments, a batch taken under a lease ("more" and
 * "release" by hand), and each contact to call or text (./contact-view.ts). Works offline once opened: the page
 * comes from the service worker, the assignments and batches from this device's encrypted store (as check-in's
 * list, site/lib/dashboard/saved-list.ts, under this session's device key), and call outcomes wait in
 * `OutcomeQueue`. Texts need the connection: they go through the SMS provider at once.
 */
import { html, nothing, render } from 'lit';
import { AdminError, adminFetch, adminJson, jsonBody } from '../dashboard/api.ts';
import { sessionListKey } from '../dashboard/checkin.ts';
import { fmt } from '../dashboard/i18n/index.ts';
import { savedList, saveList } from '../dashboard/saved-list.ts';
import { signIn, signOut } from '../dashboard/sign-in.ts';
import { callView, type ContactActions, textView } from './contact-view.ts';
import { OutcomeQueue, type QueuedOutcome } from './queue.ts';
import type { FollowupStrings } from './strings.ts';
import type { Assignment, BatchView, Contact, Script } from './types.ts';

const NETWORK_TIMEOUT = 5_000;
const POLL = 10_000;
const api = (path: string) => `/api/admin/${path}`;
/** The server writes summaries and its messages in the page's language. */
const lang = `?lang=${document.documentElement.lang}`;
const key = (token: string | null, create: boolean) => token ?? sessionListKey(create);

/** From the server (then kept on this device), or with no connection what this device kept. */
async function fetchKept<T>(path: string, name: string, token: string | null): Promise<T> {
  try {
    const answer = await adminJson<T>(api(path), { signal: AbortSignal.timeout(NETWORK_TIMEOUT) }, token);
    void saveList(key(token, true)!, name, answer).catch(() => undefined);
    return answer;
  } catch (e) {
    if (!(e instanceof AdminError) || e.status !== 0) throw e;
    const k = key(token, false);
    const saved = k ? await savedList<T>(k, name) : null;
    if (!saved) throw e;
    return saved;
  }
}

export async function startVolunteer(root: HTMLElement, form: HTMLFormElement): Promise<void> {
  const t = JSON.parse(root.closest<HTMLElement>('[data-strings]')?.dataset.strings ?? '{}') as FollowupStrings;
  const w = t.work;
  const queue = new OutcomeQueue();
  let token: string | null = null;
  let assignments: Assignment[] = [];
  const batches = new Map<string, Contact[]>();
  const scripts = new Map<string, Script>();
  let pending: QueuedOutcome[] = [];
  const sentHere = new Set<string>();
  let offline = false;
  let message = '';
  let problem = '';

  const say = (text: string, isProblem = false) => {
    message = isProblem ? '' : text;
    problem = isProblem ? text : '';
    draw();
    if (isProblem) root.querySelector<HTMLElement>('#work-error')?.focus();
  };
  const failed = (e: unknown) =>
    say(
      e instanceof AdminError && e.code === 'outside_texting_hours'
        ? w.outsideHours
        : `${t.failed} ${(e as Error).message}`,
      true,
    );

  try {
    assignments = (
      await signIn(form, async (tok) => {
        token = tok;
        return fetchKept<{ assignments: Assignment[] }>('assignments', 'followups', tok);
      })
    ).assignments;
  } catch (e) {
    form.hidden = false;
    const line = form.querySelector<HTMLElement>('.error')!;
    line.textContent = (e as Error).message;
    line.hidden = false;
    return;
  }
  root.hidden = false;

  const loadBatch = async (a: Assignment) => {
    const { contacts, followup } = await fetchKept<BatchView>(
      `followups/${a.id}/batch${lang}`,
      `followup:${a.id}`,
      token,
    );
    scripts.set(a.id, followup.script);
    // A conversation's messages, when the batch does not carry them (texts only; offline, what was kept).
    if (a.channel === 'text') {
      await Promise.all(
        contacts
          .filter((c) => !c.messages && c.state !== 'queued')
          .map(async (c) => {
            c.messages = (
              await fetchKept<{ messages: Contact['messages'] }>(`contacts/${c.id}/messages`, `messages:${c.id}`, token)
            ).messages;
          }),
      );
    }
    batches.set(a.id, contacts);
  };
  const reload = async () => {
    try {
      assignments = (await fetchKept<{ assignments: Assignment[] }>('assignments', 'followups', token)).assignments;
      await Promise.all(assignments.map(loadBatch));
      offline = false;
    } catch (e) {
      if (e instanceof AdminError && e.status === 0) offline = true;
      else failed(e);
    }
    draw();
  };
  const batchAction = (a: Assignment, verb: 'batch' | 'release', done?: string) => async () => {
    try {
      await adminFetch(api(`followups/${a.id}/${verb}${lang}`), jsonBody({}));
      await reload();
      if (done) say(done);
    } catch (e) {
      failed(e);
    }
  };

  queue.listen((left, sent, trouble) => {
    const wasOffline = offline;
    pending = left;
    offline = trouble?.status === 0;
    for (const s of sent) sentHere.add(s.contactId);
    if (trouble && trouble.status !== 0) failed(trouble);
    else if (sent.length && wasOffline) say(w.backOnline);
    else draw();
  });
  pending = await queue.entries();
  if (pending.length) void queue.flush();

  /**
   * Sign-out sends what waits first; what cannot go (offline) would be lost with the session (the queue must not
   * outlive it), so the volunteer is asked before that happens.
   */
  const number = new Intl.NumberFormat(document.documentElement.lang);
  const leave = async () => {
    if (await queue.leave((left) => confirm(w.unsentAtSignOut.replace('{n}', number.format(left))))) signOut();
  };

  const actions: ContactActions = {
    record(contact, outcomeForm) {
      const data = new FormData(outcomeForm);
      const answers: Record<string, string> = {};
      for (const [name, value] of data) if (name.startsWith('q:') && value) answers[name.slice(2)] = String(value);
      const tags = String(data.get('tags') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const idempotencyKey = crypto.randomUUID();
      const body = {
        idempotencyKey,
        outcome: String(data.get('outcome')),
        ...(Object.keys(answers).length ? { answers } : {}),
        ...(String(data.get('note') ?? '').trim() ? { note: String(data.get('note')).trim() } : {}),
        ...(tags.length ? { tags } : {}),
        ...(data.get('rung') ? { rung: String(data.get('rung')) } : {}),
      };
      pending = [
        ...pending,
        {
          key: idempotencyKey,
          contactId: contact.id,
          path: api(`contacts/${contact.id}/outcome`),
          body,
          created: Date.now(),
        },
      ];
      draw();
      root.querySelector<HTMLElement>(`[data-contact="${contact.id}"] .state`)?.focus();
      void queue.add({ key: idempotencyKey, contactId: contact.id, path: api(`contacts/${contact.id}/outcome`), body });
    },
    send(contact, body) {
      const sent = adminFetch(
        api(`contacts/${contact.id}/messages${lang}`),
        jsonBody({ idempotencyKey: crypto.randomUUID(), ...(body === undefined ? {} : { body }) }),
      );
      sent.then(async () => {
        await reload();
        say(w.sent);
      }, failed);
    },
    close(contact) {
      adminFetch(api(`contacts/${contact.id}/close`), jsonBody({})).then(async () => {
        await reload();
        say(w.closedDone);
      }, failed);
    },
  };

  function draw() {
    const waiting = pending.length;
    render(
      html`<div class="toolbar">
          <button type="button" @click=${() => void reload()}>${t.list.refresh}</button>
          <button type="button" @click=${() => void leave()}>${t.signOut}</button>
        </div>
        ${offline ? html`<p class="alert">${w.offline}</p>` : nothing}
        <p id="work-status" class="status" role="status">
          ${message}${waiting ? html` <strong>${w.pending.replace('{n}', fmt(waiting))}</strong>` : nothing}
        </p>
        <p id="work-error" class="alert" role="alert" tabindex="-1" ?hidden=${!problem}>${problem}</p>
        <h2 id="work-assignments">${w.assignments}</h2>
        ${assignments.length ? nothing : html`<p>${w.none}</p>`}
        ${assignments.map((a) => {
          const contacts = batches.get(a.id) ?? [];
          const headingId = `assignment-${a.id}`;
          const saved = (c: Contact) =>
            pending.some((p) => p.contactId === c.id) ? 'here' : sentHere.has(c.id) ? 'sent' : 'no';
          const open = contacts.filter((c) => (a.channel === 'call' ? saved(c) === 'no' : c.state !== 'closed'));
          return html`<section class="assignment" aria-labelledby=${headingId} data-assignment=${a.id}>
            <h3 id=${headingId}>${a.name}</h3>
            <p class="muted">${t.channels[a.channel]}${` · ${w.toTake.replace('{n}', fmt(a.available))}`}</p>
            <div class="buttons">
              <button type="button" class="primary" @click=${batchAction(a, 'batch')}>
                ${contacts.length ? w.more : w.take}<span class="visually-hidden"> · ${a.name}</span>
              </button>
              ${
                open.length
                  ? html`<button type="button" @click=${batchAction(a, 'release', w.released)}>
                      ${w.release}<span class="visually-hidden"> · ${a.name}</span>
                    </button>`
                  : nothing
              }
            </div>
            ${contacts.length && !open.length ? html`<p>${w.batchEmpty}</p>` : nothing}
            ${contacts.map((c) =>
              a.channel === 'call'
                ? callView(t, scripts.get(a.id), c, saved(c), actions)
                : textView(t, scripts.get(a.id), c, actions),
            )}
          </section>`;
        })}`,
      root,
    );
  }

  draw();
  await reload();
  // Replies arrive by the provider's webhook: a text batch looks for them while the page is open.
  setInterval(() => {
    if (document.visibilityState === 'visible' && navigator.onLine && assignments.some((a) => a.channel === 'text')) {
      void reload();
    }
  }, POLL);
}
