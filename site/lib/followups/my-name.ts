/**
 * The name a volunteer goes by (`PUT /api/auth/me`): the first text of a follow-up names its sender, "this is
 * Maria from …". Shown on the volunteer's page once they are signed in with an account (an API token has none).
 */
import { adminFetch, adminJson } from '../dashboard/api.ts';
import type { FollowupStrings } from './strings.ts';

export async function startMyName(form: HTMLFormElement, t: FollowupStrings['work']): Promise<void> {
  const input = form.querySelector<HTMLInputElement>('input[name="name"]')!;
  const status = form.querySelector<HTMLElement>('[role="status"]')!;
  try {
    const me = await adminJson<{ email: string | null; name: string | null }>('/api/auth/me');
    if (!me.email) return;
    input.value = me.name ?? '';
    form.hidden = false;
  } catch {
    return;
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    status.textContent = '';
    const body = JSON.stringify({ name: input.value.trim() });
    adminFetch('/api/auth/me', { method: 'PUT', headers: { 'content-type': 'application/json' }, body }).then(
      () => (status.textContent = t.nameSaved),
      (e: Error) => (status.textContent = `${t.nameFailed} ${e.message}`),
    );
  });
}
