/**
 * Netlify Functions (v2, web-standard): the API, and the Scheduled Functions that deliver the outbox and sweep
 * what is past retention. The function files in deploy/netlify/functions/ export these with their `config`
 * (Netlify reads it from the file itself); docs/deploy/netlify.md has the rest.
 */
import { serverless } from './serverless.ts';

// Netlify's edge sets the client's address in this header.
const ladder = serverless({ LADDER_TRUST_PROXY: 'x-nf-client-connection-ip' });

export default (request: Request): Promise<Response> => ladder.fetch(request);

/** Netlify runs these on their schedules alone (a scheduled function has no public URL). */
export async function dispatch(): Promise<Response> {
  return Response.json(await ladder.dispatch());
}

export async function retention(): Promise<Response> {
  const counts = await ladder.retention();
  return Response.json(counts, { status: counts ? 200 : 500 });
}
