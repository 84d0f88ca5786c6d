/**
 * Sending, for the outbox (its lazy chunk: `outbox-*.ts` files stay out of the shared one, widgets/vite.config.ts):
 * one POST, and the answer it came to.
 */
import type { ErrorBody } from '../../schema/errors.ts';
import type { Answer } from './api.ts';

/**
 * POSTs a JSON body with its idempotency key (a batch has none: its items carry theirs). Never throws: a network
 * failure is a `retry` answer. A single submission carries this browser's key (`device`).
 */
export async function post<T>(url: string, body: string, key?: string): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      body: key && !body.includes('"device":') ? `${body.slice(0, -1)},"device":"${device()}"}` : body,
      headers: { 'content-type': 'application/json', ...(key && { 'idempotency-key': key }) },
      // No cookies: the API needs none, and a partner page must not send the campaign site's.
      credentials: 'omit',
    });
  } catch {
    return { kind: 'retry' };
  }
  const { status } = response;
  // 429 and 5xx: nothing was decided (a 500 is retried with the same key, see schema/errors.ts); 408 likewise.
  if (status === 408 || status === 429 || status >= 500) {
    return { kind: 'retry', retryAfter: Number(response.headers.get('retry-after')) };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return { kind: 'ok', body: json as T };
  return { kind: 'refused', error: (json as ErrorBody | null)?.error ?? { code: 'internal', message: `${status}` } };
}

/**
 * This browser's key: once the supporter follows a double opt-in link, the server records their later actions from
 * this browser without another link (functions/store/privacy.ts); anyone else using their email gets a link. Random,
 * nothing personal, so it may live in the page's localStorage (a partner's too); where storage is blocked it lasts
 * for the page, and such a browser is sent a link each time.
 */
function device(): string {
  const name = 'ladder-device';
  try {
    const kept = localStorage.getItem(name);
    if (kept && /^[0-9a-f]{32}$/.test(kept)) return kept;
    localStorage.setItem(name, (memory ??= newKey()));
  } catch {
    // Storage blocked (a sandboxed frame, some private modes).
  }
  return (memory ??= newKey());
}
let memory: string | undefined;

/** A random idempotency key. `crypto.randomUUID` needs a secure context; partner pages may be plain http. */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
