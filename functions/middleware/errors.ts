/** Every error leaves as `{ error: { code, message, fields } }`; nothing personal reaches the log. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from '../errors.ts';
import { isTransient } from '../store/transient.ts';

export function errorResponse(error: Error, c: Context): Response {
  if (error instanceof ApiError) return c.json(error.toBody(), error.status as 400, error.headers);
  if (error instanceof HTTPException && error.status < 500) {
    return c.json(new ApiError('invalid_json', error.message || 'The request could not be read.').toBody(), 400);
  }
  // The name and message only: a stack or the request could carry personal data into logs.
  console.error(`ladder: ${c.req.method} ${new URL(c.req.url).pathname} failed: ${error.name}: ${error.message}`);
  // A lock or a lost connection: the transaction rolled back, so the same request can simply come again.
  if (isTransient(error)) {
    const busy = new ApiError('unavailable', 'The database is busy. Send the same request again after Retry-After.');
    return c.json(busy.toBody(), 503, { 'Retry-After': '1' });
  }
  return c.json(
    new ApiError('internal', 'Something went wrong on our side. Try again; nothing will be counted twice.').toBody(),
    500,
  );
}

export const notFound = (c: Context): Response =>
  c.json(new ApiError('not_found', `No such endpoint: ${c.req.method} ${new URL(c.req.url).pathname}`).toBody(), 404);
