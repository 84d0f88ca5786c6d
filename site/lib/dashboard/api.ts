/**
 * The admin API from the browser: the account's session cookie, or the admin token (kept in sessionStorage, so it
 * is gone when the tab is closed) sent as `Authorization: Bearer`, and one error type whose message an organizer
 * can act on.
 */
import type { ErrorBody } from '../../../schema/errors.ts';
import { t } from './i18n/index.ts';

const KEY = 'ladder-admin-token';

export const adminToken = {
  get(): string | null {
    try {
      return sessionStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  set(value: string): void {
    try {
      sessionStorage.setItem(KEY, value);
    } catch {
      // Storage blocked: the token lives only as long as this page.
    }
  },
  clear(): void {
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // Nothing stored.
    }
  },
};

/** `status` 0: the server could not be reached (offline, or the server is down). */
export class AdminError extends Error {
  readonly status: number;
  readonly code: string;
  /** A 422's messages by field path (`rule.campaign`), for forms that show them next to their fields. */
  readonly fields: Record<string, string>;
  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

function explain(status: number, body: ErrorBody | null): string {
  if (status === 401) return t.api.unauthorized;
  if (status === 404) return body?.error.message || t.api.notFound;
  if (status === 429) return t.api.tooMany;
  return body?.error.message || t.api.status(status);
}

/** `fetch` with the token; throws `AdminError` for a network failure or any answer but 2xx. */
export async function adminFetch(path: string, init: RequestInit = {}, token = adminToken.get()): Promise<Response> {
  let response: Response;
  try {
    // With a token, only the token (no cookie); without one, the account's session cookie (site/lib/team/).
    response = await fetch(path, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      credentials: token ? 'omit' : 'same-origin',
    });
  } catch {
    throw new AdminError(0, 'offline', t.api.offline);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ErrorBody | null;
    throw new AdminError(
      response.status,
      body?.error?.code ?? 'internal',
      explain(response.status, body),
      body?.error?.fields ?? {},
    );
  }
  return response;
}

export async function adminJson<T>(path: string, init?: RequestInit, token?: string | null): Promise<T> {
  return (await (await adminFetch(path, init, token)).json()) as T;
}

export const jsonBody = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
