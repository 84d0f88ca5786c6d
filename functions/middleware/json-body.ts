/** Reads a JSON body within the size limit and validates it with a shared schema: 415, 413, 400 or 422. */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as z from 'zod';
import { BODY_LIMITS } from '../../schema/limits.ts';
import { ApiError, invalidInput } from '../errors.ts';

const limit = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError('payload_too_large', `The body is larger than ${maxSize} bytes.`);
    },
  });

export const limitBody = limit(BODY_LIMITS.body);
export const limitBatchBody = limit(BODY_LIMITS.batchBody);
/** A campaign file from the editor: a call campaign's targets may be long. */
export const limitCampaignBody = limit(BODY_LIMITS.campaignBody);

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  return parseWith(schema, await readBody(c));
}

/** Validates a value already read: the field errors of a 422. */
export function parseWith<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

/** The JSON object of the body: 415, 400. */
async function readBody(c: Context): Promise<object> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('invalid_json', 'The body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError('invalid_json', 'The body must be a JSON object.');
  }
  return body;
}

/** `Idempotency-Key`: optional; 1 to 128 visible ASCII characters. */
export function idempotencyKey(c: Context): string | null {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return null;
  if (!/^[\x21-\x7e]{1,128}$/.test(key)) {
    throw new ApiError('invalid_input', 'Idempotency-Key must be 1 to 128 visible ASCII characters.', {
      codes: { 'Idempotency-Key': 'invalid' },
    });
  }
  return key;
}
