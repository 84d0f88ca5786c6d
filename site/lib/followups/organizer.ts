/**
 * The organizer's follow-ups page in the browser (site/pages/organize/followups/): sign in, create a follow-up
 * (./form.ts), and each follow-up's figures (who is on the list, who cannot be reached by its channel, where the
 * contacts are, the outcomes, texts, opt-outs and what happened within 14 days) with a row per volunteer; close.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { AdminError, adminFetch, adminJson, jsonBody } from '../dashboard/api.ts';
import { fmt, formatInstant } from '../dashboard/i18n/index.ts';
import { signIn, signOut } from '../dashboard/sign-in.ts';
import { FollowupForm } from './form.ts';
import type { FollowupStrings } from './strings.ts';
import type { Followup, FollowupReport } from './types.ts';

export async function startFollowups(root: HTMLElement, signInForm: HTMLFormElement): Promise<void> {
  const t = JSON.parse(root.dataset.strings ?? '{}') as FollowupStrings;
  const $ = <E extends HTMLElement>(selector: string) => root.querySelector<E>(selector)!;
  const status = $('#fu-status');
  const error = $('#fu-error');
  const said = (message: string) => {
    error.hidden = true;
    status.textContent = message;
  };
  /** Says what is wrong; the focus goes to the message, unless a field with its own error takes it. */
  const alert = (text: string, focus: boolean) => {
    status.textContent = '';
    error.textContent = text;
    error.hidden = false;
    if (focus) error.focus();
  };
  const failed = (e: unknown) => alert(`${t.failed} ${(e as Error).message}`, true);

  let list: { followups: Followup[] };
  try {
    list = await signIn(signInForm, (token) =>
      adminJson<{ followups: Followup[] }>('/api/admin/followups', undefined, token),
    );
  } catch (e) {
    return failed(e);
  }
  $('#fu-create').hidden = false;
  $('#fu-list').hidden = false;
  $('#fu-sign-out').addEventListener('click', signOut);
  $('#fu-refresh').addEventListener('click', () => void load().catch(failed));

  const form = new FollowupForm($<HTMLFormElement>('#fu-form'), t.create);
  form.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = form.read();
    if (!body) return alert(t.create.fix, false);
    adminFetch('/api/admin/followups', jsonBody(body)).then(
      async () => {
        form.reset();
        said(t.create.created);
        await load();
      },
      (e: unknown) => {
        if (e instanceof AdminError && e.status === 422 && Object.keys(e.fields).length) {
          alert(t.create.fix, false);
          form.show(e.fields);
        } else failed(e);
      },
    );
  });

  const close = (id: string) =>
    adminFetch(`/api/admin/followups/${encodeURIComponent(id)}`, {
      ...jsonBody({ closed: true }),
      method: 'PATCH',
    }).then(async () => {
      said(t.list.closedDone);
      await load();
    }, failed);

  async function load(fresh?: { followups: Followup[] }): Promise<void> {
    const { followups } = fresh ?? (await adminJson<{ followups: Followup[] }>('/api/admin/followups'));
    const reports = await Promise.all(
      followups.map((f) => adminJson<FollowupReport>(`/api/admin/followups/${encodeURIComponent(f.id)}`)),
    );
    render(reports.length ? html`${reports.map((r) => card(r))}` : html`<p>${t.empty}</p>`, $('[data-slot=followups]'));
  }

  /** Label and number pairs as a definition list. */
  const figures = (title: string, pairs: [string, number][]) =>
    html`<div class="figures">
      <h4>${title}</h4>
      <dl>
        ${pairs.map(
          ([label, n]) =>
            html`<div>
              <dt>${label}</dt>
              <dd>${fmt(n)}</dd>
            </div>`,
        )}
      </dl>
    </div>`;

  /** A campaign's title, as the form's list has it from the build. */
  const title = (slug: string) =>
    [...$<HTMLSelectElement>('#fu-campaign').options].find((o) => o.value === slug)?.textContent ?? slug;

  function card({ followup: f, figures: n, volunteers }: FollowupReport): TemplateResult {
    const closed = Boolean(f.closedAt);
    const heading = `fu-${f.id}`;
    const calls = f.channel === 'call';
    return html`<article class="followup" aria-labelledby=${heading} data-followup=${f.id}>
      <h3 id=${heading}>${f.name}</h3>
      <p class="muted">
        ${t.channels[f.channel]} ·
        ${t.create.rules[f.rule.kind]}${f.rule.campaign ? ` (${title(f.rule.campaign)})` : ''}
        ${
          closed
            ? html` · <strong>${t.list.closedOn}</strong>`
            : f.closesAt
              ? ` · ${t.list.closes} ${formatInstant(f.closesAt)}`
              : nothing
        }
      </p>
      ${figures(t.create.who, [
        [t.list.eligible, n.eligible],
        [t.list.unreachable, n.unreachable],
      ])}
      ${figures(t.list.states, [
        [t.states.queued, n.queued],
        [t.states.messaged, n.messaged],
        [t.states['needs-reply'], n.needsReply],
        [t.states.conversation, n.conversation],
        [t.states.closed, n.closed],
      ])}
      ${
        calls
          ? figures(t.list.outcomes, [
              [t.outcomes.talked, n.outcomes.talked],
              [t.outcomes['left-message'], n.outcomes.leftMessage],
              [t.outcomes['no-answer'], n.outcomes.noAnswer],
              [t.outcomes['wrong-number'], n.outcomes.wrongNumber],
              [t.outcomes['do-not-call'], n.outcomes.doNotCall],
            ])
          : figures(t.list.texts, [
              [t.list.textsSent, n.textsSent],
              [t.list.replied, n.replied],
              [t.list.optedOut, n.optedOut],
            ])
      }
      ${figures(t.list.after, [
        [t.list.rsvps, n.conversions.rsvps],
        [t.list.attended, n.conversions.attended],
        [t.list.rungMoves, n.conversions.rungMoves],
      ])}
      ${
        volunteers.length
          ? html`<div class="table-scroll">
              <table>
                <caption>
                  ${t.list.byVolunteer}
                </caption>
                <thead>
                  <tr>
                    ${[
                      t.list.volunteer,
                      t.list.reached,
                      t.list.talked,
                      t.list.textsSent,
                      t.list.replied,
                      t.list.optedOut,
                    ].map((h) => html`<th scope="col">${h}</th>`)}
                  </tr>
                </thead>
                <tbody>
                  ${volunteers.map(
                    (v) =>
                      html`<tr>
                        <th scope="row">${v.name}</th>
                        ${[v.reached, v.talked, v.textsSent, v.replied, v.optedOut].map((x) => html`<td>${fmt(x)}</td>`)}
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : nothing
      }
      ${
        closed
          ? nothing
          : html`<p>
              <button type="button" class="danger" @click=${() => void close(f.id)}>
                ${t.list.close}<span class="visually-hidden"> ${f.name}</span>
              </button>
            </p>`
      }
    </article>`;
  }

  await load(list).catch(failed);
}
