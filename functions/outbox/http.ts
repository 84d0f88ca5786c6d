/**
 * One HTTP request for a sink, with a deadline, turned into "delivered" or a `DeliveryError` that says whether to
 * retry: 2xx delivered; 408, 429 and 5xx retried (honouring `Retry-After`); any other status dead-lettered with
 * the receiver's reason; timeouts and dropped connections retried.
 */
import { DeliveryError } from './sink.ts';

export interface HttpOptions {
  /** Per request; a receiver slower than this is retried later. Default 10 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** What a dead letter keeps of the receiver's answer: enough to see why, not a whole page. */
const REASON_LENGTH = 300;

/** Resolves with the status and body of a 2xx answer; throws `DeliveryError` otherwise. */
export async function send(
  url: string,
  init: RequestInit,
  options: HttpOptions = {},
): Promise<{ status: number; body: string }> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal, redirect: 'manual' });
  } catch (error) {
    const reason = timeout.aborted ? 'timeout' : options.signal?.aborted ? 'stopped' : networkCode(error);
    throw new DeliveryError(`no response: ${reason}`, { status: reason, cause: error });
  }
  // Read the body whatever the status, so that the connection goes back to the pool.
  const body = await response.text().catch(() => '');
  if (response.ok) return { status: response.status, body };
  const status = response.status;
  const retry = status === 408 || status === 429 || status >= 500;
  throw new DeliveryError(`HTTP ${status}${body ? `: ${body.slice(0, REASON_LENGTH)}` : ''}`, {
    permanent: !retry,
    status,
    retryAfterMs: retry ? retryAfter(response.headers.get('retry-after')) : undefined,
  });
}

/** `Retry-After` in seconds or as an HTTP date (RFC 9110 10.2.3). */
export function retryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** undici wraps the socket error: ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET… (never a message with data in it). */
function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code ?? (error as { code?: string })?.code ?? 'network error';
}
