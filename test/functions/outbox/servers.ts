/**
 * Local servers speaking the real wire formats, for the sinks to talk to: a plain HTTP receiver (webhooks), a fake
 * Action Network that checks what Action Network checks, a fake Twilio, and a real SMTP server (smtp-server).
 * Our own small fixtures: nothing is read from ../shared.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** performance.now() when the request arrived. */
  at: number;
}

export interface TestServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

type Handler = (request: Received, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export async function listen(handler: Handler): Promise<TestServer> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at,
      };
      received.push(request);
      void handler(request, res, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const AN_PATHS: Record<string, string> = {
  petitions: 'signatures',
  forms: 'submissions',
  events: 'attendances',
  advocacy_campaigns: 'outreaches',
};

/** Checks a person as Action Network reads one; returns what is wrong, or null. */
function personProblem(person: unknown): string | null {
  if (!person || typeof person !== 'object') return 'person is required';
  const p = person as Record<string, unknown>;
  const emails = p.email_addresses as { address?: unknown; status?: unknown }[] | undefined;
  if (!Array.isArray(emails) || typeof emails[0]?.address !== 'string') return 'email_addresses[0].address required';
  for (const key of ['given_name', 'family_name']) {
    if (key in p && typeof p[key] !== 'string') return `${key} must be a string`;
  }
  const postal = p.postal_addresses as { postal_code?: unknown }[] | undefined;
  if (postal && (!Array.isArray(postal) || typeof postal[0]?.postal_code !== 'string'))
    return 'postal_addresses[0].postal_code must be a string';
  const phones = p.phone_numbers as { number?: unknown }[] | undefined;
  if (phones && (!Array.isArray(phones) || typeof phones[0]?.number !== 'string')) return 'phone_numbers bad';
  // Other systems' identifiers are `<system>:<id>`; Action Network's own prefix is not theirs to give.
  const ids = p.identifiers as unknown[] | undefined;
  if (
    ids &&
    (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && /^(?!action_network:)\w+:.+/.test(id)))
  )
    return 'identifiers must be strings like system:id';
  return null;
}

/**
 * A fake Action Network: the paths and methods of the API v2, the `OSDI-API-Token` header, JSON bodies shaped as
 * its helpers want them, 404 for unknown resources, 400 for bad records, and 429 past 4 requests in any second.
 * `reject` makes it refuse one email address, as it refuses an address it cannot accept.
 */
export async function fakeActionNetwork(options: { apiKey: string; resources: string[]; reject?: string }) {
  const server: TestServer = await listen((request, res) => {
    if (request.headers['osdi-api-token'] !== options.apiKey)
      return json(res, 403, { error: 'API Key invalid or not present' });
    const recent = (received: Received[]) => received.filter((r) => request.at - r.at < 1000).length;
    if (recent(server.received) > 4) return json(res, 429, { error: 'Too many requests' });
    if (request.method !== 'POST') return json(res, 405, { error: 'Method not allowed' });
    if (!/^application\/json\b/.test(String(request.headers['content-type'])))
      return json(res, 400, { error: 'Content-Type must be application/json' });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.body);
    } catch {
      return json(res, 400, { error: 'JSON parse error' });
    }
    const match = /^\/api\/v2\/(?:people|(\w+)\/([\w-]+)\/(\w+))$/.exec(request.path);
    if (!match || (match[1] && AN_PATHS[match[1]] !== match[3])) return json(res, 404, { error: 'Not found' });
    if (match[2] && !options.resources.includes(`${match[1]}/${match[2]}`))
      return json(res, 404, { error: `Could not find ${match[1]} ${match[2]}` });
    const problem =
      personProblem(body.person) ??
      (body.add_tags && !(Array.isArray(body.add_tags) && body.add_tags.every((t) => typeof t === 'string'))
        ? 'add_tags must be an array of strings'
        : null);
    if (problem) return json(res, 400, { error: problem });
    const email = (body.person as { email_addresses: { address: string }[] }).email_addresses[0].address;
    if (email === options.reject) return json(res, 400, { error: 'Email address is not valid' });
    json(res, 200, { identifiers: [`action_network:${crypto.randomUUID()}`], created_date: new Date().toISOString() });
  });
  return server;
}

/** A fake Twilio: the Messages resource, HTTP Basic auth, form-encoded To/From/Body; 400 (21211) for bad numbers. */
export function fakeTwilio(accountSid: string, authToken: string) {
  return listen((request, res) => {
    const path = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
    if (request.method !== 'POST' || request.path !== path) return json(res, 404, { code: 20404, status: 404 });
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    if (request.headers.authorization !== expected) return json(res, 401, { code: 20003, status: 401 });
    if (request.headers['content-type'] !== 'application/x-www-form-urlencoded')
      return json(res, 400, { code: 21000, status: 400 });
    const form = new URLSearchParams(request.body);
    if (!/^\+[1-9]\d{6,14}$/.test(form.get('To') ?? ''))
      return json(res, 400, { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 });
    if (!form.get('From') || !form.get('Body')) return json(res, 400, { code: 21602, status: 400 });
    json(res, 201, { sid: `SM${crypto.randomUUID().replace(/-/g, '')}`, status: 'queued', to: form.get('To') });
  });
}

/** A real SMTP server on a free port; each accepted message is parsed. `refuse` gets a 550 for its RCPT TO. */
export async function smtpServer(options: { refuse?: string } = {}) {
  const mails: ParsedMail[] = [];
  /** Each message as it came over the wire, for checks on the bytes (a DKIM signature). */
  const raws: Buffer[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === options.refuse) {
        const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (mail) => {
            raws.push(raw);
            mails.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    raws,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
