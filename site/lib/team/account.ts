/**
 * An account in the browser: the email link's secret (in the URL's fragment, which no server sees) exchanged for
 * the session cookie, passkeys through the browser's own WebAuthn JSON helpers (no library shipped), who is
 * signed in, and sign-out. The cookie is HttpOnly: scripts never hold the session.
 */
import type { ErrorBody } from '../../../schema/errors.ts';
import type { Me } from '../../../schema/team.ts';

export class AccountError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

async function call<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const json = (await response.json().catch(() => null)) as (T & ErrorBody) | null;
  if (!response.ok) throw new AccountError(response.status, json?.error?.message ?? String(response.status));
  return json as T;
}

/** Who is signed in with this browser's session; null when nobody. */
export const whoAmI = (): Promise<Me | null> =>
  call<Me>('/api/auth/me').catch((e: unknown) => {
    if (e instanceof AccountError && e.status === 401) return null;
    throw e;
  });

/**
 * `#signin=<secret>` from an email: exchanged once for a session, and taken out of the address bar (and history)
 * first. 'expired' when the link was used or is too old; null when there was none.
 */
export async function signInFromLink(): Promise<'signed-in' | 'expired' | null> {
  const secret = /^#signin=([2-9a-z]{24})$/.exec(location.hash)?.[1];
  if (!secret) return null;
  history.replaceState(null, '', location.pathname + location.search);
  try {
    await call('/api/auth/link/verify', { token: secret });
    return 'signed-in';
  } catch (e) {
    if (e instanceof AccountError && e.status === 404) return 'expired';
    throw e;
  }
}

export const requestLink = (email: string, lang: string) => call('/api/auth/link', { email, lang });

export const passkeysWork = (): boolean =>
  typeof PublicKeyCredential !== 'undefined' && 'parseRequestOptionsFromJSON' in PublicKeyCredential;

export async function signInWithPasskey(): Promise<Me> {
  const options = await call<PublicKeyCredentialRequestOptionsJSON>('/api/auth/passkey/options', {});
  const credential = (await navigator.credentials.get({
    publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
  })) as PublicKeyCredential | null;
  if (!credential) throw new AccountError(0, 'cancelled');
  return call<Me>('/api/auth/passkey', credential.toJSON());
}

export async function addPasskey(): Promise<void> {
  const options = await call<PublicKeyCredentialCreationOptionsJSON>('/api/auth/passkeys/options', {});
  const credential = (await navigator.credentials.create({
    publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
  })) as PublicKeyCredential | null;
  if (!credential) throw new AccountError(0, 'cancelled');
  await call('/api/auth/passkeys', credential.toJSON());
}

/** Ends the session on the server; its answer's Clear-Site-Data empties this site's caches and storage. */
export const signOutAccount = () => call('/api/auth/sign-out', {});
