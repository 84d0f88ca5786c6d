/**
 * Vercel Functions on the Node.js runtime (the `postgres` client needs TCP, which the Edge runtime lacks): the API,
 * and the delivery pass that Vercel Cron calls. `api/ladder.ts` and `api/dispatch.ts` re-export these
 * (docs/deploy/vercel.md).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { serverless } from './serverless.ts';

// Vercel sets X-Real-IP from the connection, replacing whatever a client sent.
const ladder = serverless({ LADDER_TRUST_PROXY: 'x-real-ip' });

export default { fetch: (request: Request): Promise<Response> => ladder.fetch(request) };

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Vercel Cron's GET carries `Authorization: Bearer $CRON_SECRET`; nobody else may start a pass. */
export async function dispatch(request: Request): Promise<Response> {
  const secret = process.env.CRON_SECRET;
  if (!secret) return new Response('Set CRON_SECRET in the project settings to run deliveries.\n', { status: 503 });
  if (!timingSafeEqual(digest(request.headers.get('Authorization') ?? ''), digest(`Bearer ${secret}`))) {
    return new Response('Unauthorized\n', { status: 401 });
  }
  return Response.json(await ladder.dispatch());
}
