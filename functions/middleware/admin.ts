/**
 * `Authorization: Bearer <LADDER_ADMIN_TOKEN>` for `/api/admin/*`. The token is kept only as its SHA-256 and the
 * comparison takes the same time whatever the input; no token configured: everyone gets 401.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { sha256 } from '../store/ids.ts';

/** Equal-length hex digests, compared without an early exit. */
function sameDigest(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

export const adminOnly = createMiddleware<AppEnv>(async (c, next) => {
  const expected = c.get('adminTokenHash');
  const header = c.req.header('Authorization') ?? '';
  const given = /^Bearer (.+)$/.exec(header)?.[1];
  if (!expected || !given || !sameDigest(await sha256(given), expected)) {
    throw new ApiError('unauthorized', 'Send the admin token as Authorization: Bearer <token>.', {
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
  }
  c.header('Cache-Control', 'no-store');
  await next();
});
