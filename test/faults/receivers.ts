/**
 * Receivers of the outbox, on the local servers of test/functions/outbox/servers.ts: a webhook endpoint that
 * checks the signature and de-duplicates by event id, as the webhook docs ask of receivers; and a misbehaving
 * front for any of them, answering from a script (500, 429 with Retry-After, or never) before it lets requests
 * through.
 */
import type { IncomingMessage } from 'node:http';
import { verifySignature } from '../../functions/outbox/webhook.ts';
import { json, listen, type TestServer } from '../functions/outbox/servers.ts';

/** What a receiver does with one request, scripted: answer 500, 429 (Retry-After: 1), or nothing at all. */
export type Misbehaviour = 500 | 429 | 'silence';

export interface Receiver {
  url: string;
  /** Every request that reached it, answered or not. */
  raw: TestServer['received'];
  /** Event ids it accepted (2xx), duplicates included: the deliveries as they were made. */
  accepted: string[];
  /** The same, de-duplicated by event id: the deliveries as the receiver's application sees them. */
  seen: Set<string>;
  close(): Promise<void>;
}

/** Answers as scripted while the script lasts (one entry per request), then as `healthy` does. */
function misbehave(script: Misbehaviour[], res: Parameters<Parameters<typeof listen>[0]>[1]): boolean {
  const next = script.shift();
  if (next === undefined) return false;
  if (next === 'silence') return true;
  json(
    res,
    next,
    { error: next === 429 ? 'Too many requests' : 'Internal error' },
    next === 429 ? { 'Retry-After': '1' } : {},
  );
  return true;
}

export async function webhookReceiver(secret: string, script: Misbehaviour[] = []): Promise<Receiver> {
  const accepted: string[] = [];
  const seen = new Set<string>();
  const server = await listen((request, res) => {
    if (misbehave(script, res)) return;
    if (!verifySignature(request.headers['ladder-signature'] as string, request.body, [secret])) {
      return json(res, 401, { error: 'bad signature' });
    }
    const id = String(request.headers['ladder-event-id']);
    accepted.push(id);
    seen.add(id);
    json(res, 200, { ok: true });
  });
  return { url: `${server.url}/hooks/ladder`, raw: server.received, accepted, seen, close: server.close };
}

/**
 * A misbehaving front for another local server (the fake Action Network): scripted answers first, then each
 * request is passed on as it came and the answer passed back.
 */
export async function front(behind: string, script: Misbehaviour[]): Promise<TestServer> {
  return listen(async (request, res) => {
    if (misbehave(script, res)) return;
    const headers = Object.fromEntries(
      Object.entries(request.headers as IncomingMessage['headers']).filter(
        (entry): entry is [string, string] =>
          typeof entry[1] === 'string' && !['host', 'content-length', 'connection'].includes(entry[0]),
      ),
    );
    const answer = await fetch(`${behind}${request.path}`, { method: request.method, headers, body: request.body });
    res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(await answer.text());
  });
}
