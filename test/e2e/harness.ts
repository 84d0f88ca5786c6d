/** A real server on a temporary SQLite file, a partner page on another origin, and a real Chromium. */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChrome } from '../chrome.ts';
import type { Built } from './global-setup.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  db: string;
  stop(): Promise<void>;
}

/**
 * The render token an action needs (functions/guard/), for data seeded through the real API as the widget sends
 * it: `actionPath` is the action's path under `/api`, e.g. `/campaigns/fountain/signatures`.
 */
export async function renderToken(serverUrl: string, actionPath: string): Promise<string> {
  const campaign = actionPath.replace(/\/(signatures|responses|rsvps|calls)(\/batch)?$/, '');
  const res = await fetch(`${serverUrl}/api${campaign}`);
  return ((await res.json()) as { token: string }).token;
}

/** The built site and its content, copied for a test that publishes (and so changes them). */
export function copyBuilt(built: Built): Built {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-e2e-copy-'));
  cpSync(built.content, join(dir, 'content'), { recursive: true });
  cpSync(built.site, join(dir, 'site'), { recursive: true });
  return { ...built, content: join(dir, 'content'), site: join(dir, 'site') };
}

/** Starts `functions/adapters/node.ts` (what `npm start` runs after building) and waits until it listens. */
export async function startServer(built: Built, env: Record<string, string> = {}): Promise<RunningServer> {
  // A caller that must know the address before the start (LADDER_SITE_URL) chooses the port. Under a load of ~24 on
  // two cores, starting took over 20 s.
  const port = Number(env.PORT) || (await freePort());
  const db = join(mkdtempSync(join(tmpdir(), 'ladder-e2e-db-')), 'ladder.sqlite');
  const child: ChildProcess = spawn(process.execPath, ['functions/adapters/node.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      LADDER_DB: db,
      LADDER_CONTENT: built.content,
      LADDER_SITE_OUT: built.site,
      LADDER_EMBED_OUT: built.embed,
      // The abuse defenses stay on (tokens, honeypot), without a min fill time and with limits no test reaches: the
      // tests sign many times from one address in seconds. test/functions/guard.test.ts has the realistic ones.
      LADDER_MIN_FILL_MS: '0',
      LADDER_RATE_IP: '100000/60',
      LADDER_RATE_EMAIL: '100000/60',
      LADDER_RATE_BURST: '100000/10',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Ladder is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url: `http://localhost:${port}`,
    db,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A partner's page on another origin: one script tag and one element, as the README tells partners. */
export function partnerPage(siteUrl: string, slug: string, extraHead = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<meta name="viewport" content="width=device-width, initial-scale=1">${extraHead}
<script type="module" src="${siteUrl}/embed.js"></script></head>
<body><main><h1>Our partner's page</h1><ladder-petition campaign="${slug}"></ladder-petition></main></body></html>`;
}

export async function startPartner(
  port: number,
  pages: Record<string, string>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const page = pages[req.url?.split('?')[0] ?? '/'];
    res.writeHead(page ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * A locale a real browser reports and Intl refuses ("Invalid language tag"): Chromium's on a Linux machine with
 * LANG=C.UTF-8. `browser.newContext({ locale: POSIX_LOCALE })` gives it to the page's `navigator.language(s)` and
 * Accept-Language, on any Chromium.
 */
export const POSIX_LOCALE = 'en-US@posix';

export async function launch(): Promise<Browser> {
  const chrome = await findChrome();
  return chromium.launch({ executablePath: chrome.executablePath, args: chrome.args, env: chrome.env, headless: true });
}

/** Runs axe-core in the page (it reaches into open shadow roots) and returns the violations. */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; nodes: unknown[] }[]> {
  const { source } = await import('axe-core');
  // Run through the DevTools protocol: an inline <script> would be refused by the site's Content-Security-Policy.
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }
    ).axe;
    return (await axe.run()).violations.map(({ id, help, nodes }) => ({
      id,
      help,
      nodes: nodes.map((n) => (n as { html: string }).html),
    }));
  });
}

export async function count(server: RunningServer, slug: string): Promise<number> {
  const res = await fetch(`${server.url}/api/campaigns/${slug}`);
  return ((await res.json()) as { count: number }).count;
}
