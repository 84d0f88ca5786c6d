/**
 * Vercel Functions on the Node.js runtime (the `postgres` client needs TCP, which the Edge runtime lacks): the API,
 * and the delivery pass and retention sweep that Vercel Cron calls. `api/ladder.ts`, `api/dispatch.ts` and
 * `api/retention.ts` re-export these (docs/deploy/vercel.md).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { serverless } from './serverless.ts';

// Vercel sets X-Real-IP from the connection, replacing whatever a client sent.
const ladder = serverless({ LADDER_TRUST_PROXY: 'x-real-ip' });

export default { fetch: (request: Request): Promise<Response> => ladder.fetch(request) };

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Vercel Cron's GET carries `Authorization: Bearer $CRON_SECRET`; nobody else may start a pass. */
const cron =
  (work: () => Promise<unknown>) =>
  async (request: Request): Promise<Response> => {
    const secret = process.env.CRON_SECRET;
    if (!secret)
      return new Response('Set CRON_SECRET in the project settings to run scheduled work.\n', { status: 503 });
    if (!timingSafeEqual(digest(request.headers.get('Authorization') ?? ''), digest(`Bearer ${secret}`))) {
      return new Response('Unauthorized\n', { status: 401 });
    }
    const result = await work();
    // The retention sweep answers null when it failed (logged, resumed next time).
    return Response.json(result, { status: result === null ? 500 : 200 });
  };

export const dispatch = cron(() => ladder.dispatch());
export const retention = cron(() => ladder.retention());
