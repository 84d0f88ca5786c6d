/**
 * One contact on the volunteer's screen, as lit templates: for calls the first name, the one-line summary, the
 * script, a `tel:` link, the outcomes, the script's questions, a note, tags and a suggested next rung; for texts the
 * conversation, one button for the script (then one per canned reply), a message box that Enter sends, and close.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FollowupStrings } from './strings.ts';
import { OUTCOMES, RUNGS, type Contact, type Script } from './types.ts';

export interface ContactActions {
  /** The call's outcome form was submitted. */
  record(contact: Contact, form: HTMLFormElement): void;
  /** Sends `body` (undefined: the script, as the server fills it in). */
  send(contact: Contact, body?: string): void;
  close(contact: Contact): void;
}

const fill = (text: string, name: string) => text.replace('{name}', name);

export function callView(
  t: FollowupStrings,
  script: Script | undefined,
  c: Contact,
  saved: 'no' | 'here' | 'sent',
  act: ContactActions,
): TemplateResult {
  const id = `contact-${c.id}`;
  return html`<article class="contact ${saved === 'no' ? '' : 'done'}" aria-labelledby=${id} data-contact=${c.id}>
    <h4 id=${id}>${c.firstName}</h4>
    <p class="muted">${c.summary}</p>
    <p class="script">${c.script}</p>
    <p><a class="tel" href=${`tel:${c.phone}`} dir="ltr">${fill(t.work.call, c.firstName)}</a></p>
    ${
      saved !== 'no'
        ? html`<p class="state" role="status">${saved === 'here' ? t.work.savedHere : t.work.saved}</p>`
        : html`<form
            novalidate
            @submit=${(e: SubmitEvent) => {
              e.preventDefault();
              act.record(c, e.currentTarget as HTMLFormElement);
            }}
          >
            <fieldset>
              <legend>${t.work.outcome}</legend>
              ${OUTCOMES.map(
                (o, i) =>
                  html`<label class="check"
                    ><input type="radio" name="outcome" value=${o} ?checked=${i === 0} /> ${t.outcomes[o]}</label
                  >`,
              )}
            </fieldset>
            ${(script?.questions ?? []).map(
              (q) =>
                html`<div class="field">
                  <label for=${`${id}-${q.id}`}>${q.label}</label>
                  <select id=${`${id}-${q.id}`} name=${`q:${q.id}`}>
                    <option value="">${t.work.choose}</option>
                    ${q.options.map((o) => html`<option value=${o.value}>${o.label}</option>`)}
                  </select>
                </div>`,
            )}
            <div class="field">
              <label for=${`${id}-note`}>${t.work.note}</label>
              <textarea id=${`${id}-note`} name="note" rows="2" maxlength="1000"></textarea>
            </div>
            <div class="field">
              <label for=${`${id}-tags`}>${t.work.tags}</label>
              <input id=${`${id}-tags`} name="tags" autocomplete="off" aria-describedby=${`${id}-tags-help`} />
              <p id=${`${id}-tags-help`} class="muted">${t.work.tagsHelp}</p>
            </div>
            <div class="field">
              <label for=${`${id}-rung`}>${t.work.nextRung}</label>
              <select id=${`${id}-rung`} name="rung">
                <option value="">${t.work.noRung}</option>
                ${RUNGS.map((r) => html`<option value=${r} ?selected=${r === c.suggestedRung}>${t.rungs[r]}</option>`)}
              </select>
            </div>
            <p>
              <button type="submit" class="primary">
                ${t.work.save}<span class="visually-hidden"> ${c.firstName}</span>
              </button>
            </p>
          </form>`
    }
  </article>`;
}

export function textView(
  t: FollowupStrings,
  script: Script | undefined,
  c: Contact,
  act: ContactActions,
): TemplateResult {
  const id = `contact-${c.id}`;
  const messages = c.messages ?? [];
  const started = messages.some((m) => m.direction === 'out') || c.state !== 'queued';
  const box = `${id}-message`;
  const sendBox = (form: HTMLFormElement) => {
    const input = form.querySelector<HTMLTextAreaElement>('textarea')!;
    const body = input.value.trim();
    if (!body) return input.focus();
    input.value = '';
    act.send(c, body);
  };
  return html`<article class="contact ${c.state === 'closed' ? 'done' : ''}" aria-labelledby=${id} data-contact=${c.id}>
    <h4 id=${id}>${c.firstName}</h4>
    <p class="muted">${c.summary}</p>
    <p class="state" data-state=${c.state}>${t.states[c.state]}</p>
    ${
      messages.length
        ? html`<ol class="messages" aria-label=${fill(t.work.conversation, c.firstName)}>
            ${messages.map(
              (m) =>
                html`<li class=${m.direction}>
                  <span class="visually-hidden"
                    >${m.direction === 'out' ? t.work.you : fill(t.work.them, c.firstName)}: </span
                  >${m.body}
                </li>`,
            )}
          </ol>`
        : html`<p class="script">${c.script}</p>`
    }
    ${
      c.state === 'closed'
        ? nothing
        : started
          ? html`${
                script?.replies.length
                  ? html`<div class="buttons" role="group" aria-label=${t.work.canned}>
                      ${script.replies.map(
                        (r) => html`<button type="button" @click=${() => act.send(c, r.text)}>${r.label}</button>`,
                      )}
                    </div>`
                  : nothing
              }
              <form
                novalidate
                @submit=${(e: SubmitEvent) => {
                  e.preventDefault();
                  sendBox(e.currentTarget as HTMLFormElement);
                }}
              >
                <div class="field">
                  <label for=${box}>${t.work.message}</label>
                  <textarea
                    id=${box}
                    rows="2"
                    maxlength="1600"
                    aria-describedby=${`${box}-help`}
                    @keydown=${(e: KeyboardEvent) => {
                      if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
                      e.preventDefault();
                      sendBox((e.target as HTMLElement).closest('form')!);
                    }}
                  ></textarea>
                  <p id=${`${box}-help`} class="muted">${t.work.sendHint}</p>
                </div>
                <div class="buttons">
                  <button type="submit" class="primary">${t.work.send}</button>
                  <button type="button" @click=${() => act.close(c)}>
                    ${t.work.closeConversation}<span class="visually-hidden"> ${c.firstName}</span>
                  </button>
                </div>
              </form>`
          : html`<div class="buttons">
              <button type="button" class="primary send-script" @click=${() => act.send(c)}>
                ${t.work.sendScript}<span class="visually-hidden"> ${c.firstName}</span>
              </button>
            </div>`
    }
  </article>`;
}
