/**
 * Token sign-in, shared by the dashboard and the check-in page: the form (SignIn.astro) checks the pasted token
 * against the API before keeping it; a refused token is said next to the field, which gets the focus.
 */
import { AdminError, adminToken } from './api.ts';
import { t } from './i18n/index.ts';
import { forgetSavedLists } from './saved-list.ts';

/**
 * Resolves with what `check` fetched once a token works: the one in this tab's storage, or one pasted into the
 * form. `check` throws `AdminError`; a network failure with a stored token is the caller's to handle (offline).
 */
export function signIn<T>(form: HTMLFormElement, check: (token: string) => Promise<T>): Promise<T> {
  const input = form.querySelector<HTMLInputElement>('input[name=token]')!;
  const error = form.querySelector<HTMLElement>('.error')!;
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;

  const fail = (message: string) => {
    error.textContent = message;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    form.hidden = false;
    input.focus();
  };

  return new Promise<T>((resolve, reject) => {
    const attempt = async (token: string, stored: boolean) => {
      button.disabled = true;
      button.textContent = t.signIn.checking;
      try {
        const value = await check(token);
        adminToken.set(token);
        input.value = '';
        input.removeAttribute('aria-invalid');
        error.hidden = true;
        form.hidden = true;
        resolve(value);
      } catch (e) {
        if (!(e instanceof AdminError)) return reject(e);
        if (stored && e.status === 401) adminToken.clear();
        if (stored && e.status === 0) return reject(e);
        fail(stored && e.status === 401 ? `${t.signIn.savedTokenGone} ${e.message}` : e.message);
      } finally {
        button.disabled = false;
        button.textContent = t.signIn.button;
      }
    };

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const token = input.value.trim();
      if (!token) fail(t.signIn.pasteFirst);
      else void attempt(token, false);
    });

    const saved = adminToken.get();
    if (saved) void attempt(saved, true);
    else form.hidden = false;
  });
}

/**
 * Forgets the token and every admin answer kept on this device (the check-in lists), then reloads: the page starts
 * again at the sign-in form.
 */
export async function signOut(): Promise<void> {
  adminToken.clear();
  await forgetSavedLists().catch(() => undefined);
  location.reload();
}
