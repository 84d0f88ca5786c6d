/**
 * The team page in the browser (site/pages/organize/team/): sign in, then your account for everyone, and for owners
 * the people and their roles, API tokens and the audit log, drawn with Lit's `html` into the page's slots. The
 * server decides who may see what; a 403 here only means a section stays hidden.
 */
import { html, render, type TemplateResult } from 'lit';
import type { AuditEntry, Me, Role, TeamAccount, TeamToken } from '../../../schema/team.ts';
import { AdminError, adminFetch, adminJson, jsonBody } from '../dashboard/api.ts';
import { formatInstant } from '../dashboard/i18n/index.ts';
import { signIn, signOut } from '../dashboard/sign-in.ts';
import { addPasskey, passkeysWork } from './account.ts';
import type { TeamStrings } from './strings.ts';

const ROLES: Role[] = ['owner', 'organizer', 'host', 'volunteer'];

export async function startTeamPage(root: HTMLElement, form: HTMLFormElement): Promise<void> {
  const t = JSON.parse(root.dataset.strings ?? '{}') as TeamStrings;
  const $ = <E extends HTMLElement>(selector: string) => root.querySelector<E>(selector)!;
  const status = $('#team-status');
  const error = $('#team-error');
  const said = (message: string) => {
    error.hidden = true;
    status.textContent = message;
  };
  const failed = (e: unknown) => {
    status.textContent = '';
    error.textContent = `${t.failed} ${(e as Error).message}`;
    error.hidden = false;
    error.focus();
  };
  /** Runs a change, says `done`, and redraws. */
  const change = (work: () => Promise<unknown>, done: string) => () =>
    work().then(async () => {
      said(done);
      await load();
    }, failed);

  let me: Me;
  try {
    me = await signIn(form, (token) => adminJson<Me>('/api/auth/me', undefined, token));
  } catch (e) {
    return failed(e);
  }
  $('#account').hidden = false;
  $('#account-email').textContent = me.email ?? 'LADDER_ADMIN_TOKEN';
  $('#account-role').textContent = t.roles[me.role];
  const passkey = $<HTMLButtonElement>('#add-passkey');
  passkey.hidden = !me.email;
  passkey.addEventListener('click', () => {
    if (!passkeysWork()) return failed(new Error(t.passkeyUnsupported));
    addPasskey().then(() => said(t.passkeyAdded), failed);
  });
  $('#team-sign-out').addEventListener('click', signOut);
  if (me.role !== 'owner') {
    $('#owners-only').hidden = false;
    return;
  }
  for (const id of ['#people', '#tokens', '#audit']) $(id).hidden = false;

  const method = (verb: string, body?: unknown): RequestInit => ({ ...(body ? jsonBody(body) : {}), method: verb });
  const hidden = (text: string) => html`<span class="visually-hidden">${text}</span>`;
  /** A table with a header row, in the dashboard's scrolling box; "Nothing yet." without rows. */
  const table = (headers: (string | TemplateResult)[], rows: TemplateResult[]) =>
    rows.length
      ? html`<div class="table-scroll">
          <table>
            <thead>
              <tr>
                ${headers.map((h) => html`<th scope="col">${h}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>
        </div>`
      : html`<p>${t.empty}</p>`;

  async function load(): Promise<void> {
    const [{ accounts }, { tokens }, { entries }] = await Promise.all([
      adminJson<{ accounts: TeamAccount[] }>('/api/admin/team'),
      adminJson<{ tokens: TeamToken[] }>('/api/admin/tokens'),
      adminJson<{ entries: AuditEntry[] }>('/api/admin/audit'),
    ]);
    render(
      table(
        [t.email, t.role, t.events, hidden(t.remove)],
        accounts.map(
          (a) =>
            html`<tr>
              <th scope="row">${a.email}</th>
              <td>
                <select
                  aria-label=${`${t.role}: ${a.email}`}
                  @change=${(e: Event) =>
                    change(
                      () =>
                        adminFetch(
                          `/api/admin/team/${a.id}`,
                          method('PUT', { role: (e.target as HTMLSelectElement).value, events: a.events }),
                        ),
                      t.saved,
                    )()}
                >
                  ${ROLES.map((r) => html`<option value=${r} ?selected=${r === a.role}>${t.roles[r]}</option>`)}
                </select>
              </td>
              <td>${a.events.join(', ')}</td>
              <td>
                <button
                  type="button"
                  @click=${change(() => adminFetch(`/api/admin/team/${a.id}`, method('DELETE')), t.removed)}
                >
                  ${t.remove}<span class="visually-hidden"> ${a.email}</span>
                </button>
              </td>
            </tr>`,
        ),
      ),
      $('[data-slot=people]'),
    );
    render(
      table(
        [t.tokenName, t.role, t.created, t.lastUsed, hidden(t.revoke)],
        tokens.map(
          (k) =>
            html`<tr>
              <th scope="row">${k.name}</th>
              <td>${t.roles[k.role]}</td>
              <td>${formatInstant(k.createdAt)}</td>
              <td>${k.lastUsedAt ? formatInstant(k.lastUsedAt) : t.never}</td>
              <td>
                ${
                  k.revokedAt
                    ? t.revoked
                    : html`<button
                        type="button"
                        @click=${change(() => adminFetch(`/api/admin/tokens/${k.id}`, method('DELETE')), t.revoked)}
                      >
                        ${t.revoke}<span class="visually-hidden"> ${k.name}</span>
                      </button>`
                }
              </td>
            </tr>`,
        ),
      ),
      $('[data-slot=tokens]'),
    );
    render(
      table(
        [t.when, t.who, t.what, t.target, t.address],
        entries.map(
          (e) =>
            html`<tr>
              <td>${formatInstant(e.at)}</td>
              <td dir="ltr">${e.actor}</td>
              <td dir="ltr">${e.action}</td>
              <td dir="ltr">${e.target ?? ''}</td>
              <td dir="ltr">${e.address ?? ''}</td>
            </tr>`,
        ),
      ),
      $('[data-slot=audit]'),
    );
  }

  const invite = $<HTMLFormElement>('#invite');
  invite.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(invite);
    const body = {
      email: String(data.get('email') ?? ''),
      role: String(data.get('role')),
      events: data.getAll('events').map(String),
      lang: document.documentElement.lang,
    };
    void change(async () => {
      await adminFetch('/api/admin/team', jsonBody(body));
      invite.reset();
    }, t.invited)();
  });

  const newToken = $<HTMLFormElement>('#new-token');
  newToken.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(newToken);
    void change(async () => {
      const made = await adminJson<{ token: string }>(
        '/api/admin/tokens',
        jsonBody({ name: String(data.get('name') ?? ''), role: String(data.get('role')) }),
      );
      newToken.reset();
      const secret = $('#token-secret');
      secret.querySelector('code')!.textContent = made.token;
      secret.hidden = false;
    }, t.shownOnce)();
  });

  $('#audit-csv').addEventListener('click', () => {
    adminFetch('/api/admin/audit.csv')
      .then(async (response) => {
        const url = URL.createObjectURL(await response.blob());
        const link = Object.assign(document.createElement('a'), { href: url, download: 'audit-log.csv' });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      })
      .catch(failed);
  });

  await load().catch((e: unknown) => failed(e instanceof AdminError ? e : new Error(String(e))));
}
