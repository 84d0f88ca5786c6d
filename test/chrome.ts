/**
 * Which Chromium the browser tests drive: `CHROME_PATH`, else a system Chromium or Chrome, else the Chromium that
 * ships inside the `@sparticuz/chromium` npm package (so `npm install && npm test` works on a machine with no
 * browser). Nothing here downloads anything.
 */
import { existsSync } from 'node:fs';

/** Flags every launch needs here: root needs --no-sandbox; the rest keep Chromium off the (closed) network. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * The browser's environment: the machine's, locale included. With LANG=C or C.UTF-8 (CI, containers) some
 * Chromium builds (the one in @sparticuz/chromium) report `navigator.language` "en-US@posix", which Intl refuses
 * as a language tag; the pages must work with it, so the tests do not hide it (test/e2e/harness.ts POSIX_LOCALE
 * gives it to any Chromium).
 */
export const CHROME_ENV: Record<string, string> = { ...(process.env as Record<string, string>) };

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export interface Chrome {
  executablePath: string;
  args: string[];
  env: Record<string, string>;
}

export async function findChrome(): Promise<Chrome> {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} does not exist`);
    return { executablePath: fromEnv, args: CHROME_ARGS, env: CHROME_ENV };
  }
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
  if (system) return { executablePath: system, args: CHROME_ARGS, env: CHROME_ENV };
  const { default: chromium } = await import('@sparticuz/chromium');
  const executablePath = await chromium.executablePath();
  // Its own args are tuned for AWS Lambda (`--single-process` closes the browser with its first context): ours only.
  return { executablePath, args: CHROME_ARGS, env: CHROME_ENV };
}
