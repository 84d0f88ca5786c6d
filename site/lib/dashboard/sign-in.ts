/**
 * Signing in, shared by the dashboard and the check-in page: with an account (a link by email, or a passkey;
 * site/lib/team/account.ts) or with the admin token pasted into the form (SignIn.astro), which is checked against
 * the API before it is kept; a refused token is said next to the field, which gets the focus.
 */
import {
  passkeysWork,
  requestLink,
  signInFromLink,
  signInWithPasskey,
  signOutAccount,
  whoAmI,
} from '../team/account.ts';
import type { TeamStrings } from '../team/strings.ts';
import { AdminError, adminToken } from './api.ts';
import { t } from './i18n/index.ts';
import { forgetSavedLists } from './saved-list.ts';

/**
 * Resolves with what `check` fetched once signing in works: the session of an account (`check(null)`), the token
 * in this tab's storage, or one pasted into the form. `check` throws `AdminError`; a network failure with a stored
 * token is the caller's to handle (offline).
 */
export function signIn<T>(form: HTMLFormElement, check: (token: string | null) => Promise<T>): Promise<T> {
  const input = form.querySelector<HTMLInputElement>('input[name=token]')!;
  const error = form.querySelector<HTMLElement>('.error')!;
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  const account = document.querySelector<HTMLFormElement>('#sign-in-account');

  const show = (visible: boolean) => {
    form.hidden = !visible;
    if (account) account.hidden = !visible;
  };
  const fail = (message: string) => {
    error.textContent = message;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    show(true);
    input.focus();
  };

  return new Promise<T>((resolve, reject) => {
    const attempt = async (token: string | null, stored: boolean) => {
      button.disabled = true;
      button.textContent = t.signIn.checking;
      try {
        const value = await check(token);
        if (token) adminToken.set(token);
        input.value = '';
        input.removeAttribute('aria-invalid');
        error.hidden = true;
        show(false);
        resolve(value);
      } catch (e) {
        if (!(e instanceof AdminError)) return reject(e);
        // No session, or none that works here, or no connection and nothing this device's session saved (checkin.ts):
        // the forms, and a token typed into them still signs in (offline, with what that token saved here).
        if (token === null) return accountFailed(e);
        if (stored && e.status === 401) adminToken.clear();
        if (stored && e.status === 0) return reject(e);
        fail(stored && e.status === 401 ? `${t.signIn.savedTokenGone} ${e.message}` : e.message);
      } finally {
        button.disabled = false;
        button.textContent = t.signIn.button;
      }
    };
    // Signed in, but this page is not for this role (a host on the dashboard): say so by the account form.
    const accountFailed = (e: AdminError) => {
      show(true);
      if (e.status === 403 && account) say(account, strings(account).notForRole, true);
    };

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const token = input.value.trim();
      if (!token) fail(t.signIn.pasteFirst);
      else void attempt(token, false);
    });
    if (account) wireAccount(account, () => attempt(null, true));

    const saved = adminToken.get();
    if (saved) void attempt(saved, true);
    else
      // An account's session, if this browser has one (from an emailed link just now, or earlier).
      void signInFromLink()
        .then(async (link) => {
          if (link === 'expired' && account) say(account, strings(account).linkExpired, true);
          // Unreachable (offline): try the session anyway, as with a stored token; the caller handles offline.
          if ((await whoAmI().catch(() => undefined)) === null) return show(true);
          return attempt(null, true);
        })
        .catch((e: unknown) => reject(e));
  });
}

const strings = (account: HTMLElement) => JSON.parse(account.dataset.strings ?? '{}') as TeamStrings['signIn'];

/** A message under the account form: announced (role=alert or status), and an error takes the focus. */
function say(account: HTMLFormElement, message: string, isError: boolean) {
  const line = account.querySelector<HTMLElement>(isError ? '.error' : '.status')!;
  const other = account.querySelector<HTMLElement>(isError ? '.status' : '.error')!;
  other.hidden = true;
  line.textContent = message;
  line.hidden = false;
  if (isError) account.querySelector<HTMLInputElement>('input[name=email]')?.focus();
}

function wireAccount(account: HTMLFormElement, signedIn: () => Promise<void>) {
  const words = strings(account);
  const passkey = account.querySelector<HTMLButtonElement>('.passkey')!;
  passkey.hidden = !passkeysWork();
  account.addEventListener('submit', (event) => {
    event.preventDefault();
    const email = account.querySelector<HTMLInputElement>('input[name=email]')!.value.trim();
    if (!email) return say(account, words.emailFirst, true);
    requestLink(email, document.documentElement.lang).then(
      () => say(account, words.emailSent, false),
      (e: Error) => say(account, e.message, true),
    );
  });
  passkey.addEventListener('click', () => {
    signInWithPasskey().then(signedIn, () => say(account, words.passkeyFailed, true));
  });
}

/**
 * Ends the account's session (if any), forgets the token and every admin answer kept on this device (the check-in
 * lists), then reloads: the page starts at sign-in. */
export function signOut(): void {
  adminToken.clear();
  void forgetSavedLists()
    .catch(() => undefined)
    .then(() => signOutAccount())
    .catch(() => undefined)
    .then(() => location.reload());
}
