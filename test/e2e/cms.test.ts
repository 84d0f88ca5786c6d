/**
 * Sveltia CMS for git-deployed sites (scripts/cms.ts): its own script and the generated config.yml, served from
 * our origin under the policy of `/admin/`, in a real Chromium, with Sveltia's test backend (`test-repo`: a folder
 * of the browser's private file system, read and written as Sveltia reads and commits a repository). Every example
 * and fixture campaign opens in its kind's form with its values, and leaving it unchanged writes nothing: each file
 * stays byte for byte the same. Sveltia loads nothing from a CDN (its fonts and version check are refused).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ADMIN_POLICY, writeCms } from '../../scripts/cms.ts';
import { fixtureCampaigns } from './fixtures.ts';
import { freePort, launch } from './harness.ts';

const FOLDER = 'site/content/campaigns';
const campaigns: Record<string, string> = {
  ...Object.fromEntries(
    readdirSync(FOLDER)
      .filter((name) => name.endsWith('.md'))
      .map((name) => [name, readFileSync(join(FOLDER, name), 'utf8')]),
  ),
  ...Object.fromEntries(
    Object.entries(fixtureCampaigns('http://127.0.0.1:5055')).filter(([name]) => name.endsWith('.md')),
  ),
};
const TYPES: Record<string, string> = { '.html': 'text/html', '.yml': 'application/yaml', '.js': 'text/javascript' };

let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  const admin = mkdtempSync(join(tmpdir(), 'ladder-cms-'));
  writeCms(admin, { backend: 'test-repo', branch: 'main', folder: FOLDER });
  const port = await freePort();
  server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname.replace(/^\/admin\//, '/').replace(/\/$/, '/index.html');
    try {
      const body = readFileSync(join(admin, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', ...ADMIN_POLICY });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  }).listen(port, '127.0.0.1');
  url = `http://127.0.0.1:${port}/admin/`;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

it('opens every example and fixture campaign in its form; unchanged, no file is written', async () => {
  const page = await browser.newPage();
  const blocked: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy/.test(text)) blocked.push(text);
    if (message.type() === 'error' && /config|configuration/i.test(text)) blocked.push(text);
  });
  await page.goto(url);
  // The repository Sveltia's test backend reads: the campaign files where the collections' folder says.
  await page.evaluate(
    async ({ folder, files }) => {
      let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test', { create: true });
      for (const part of folder.split('/')) dir = await dir.getDirectoryHandle(part, { create: true });
      for (const [name, text] of Object.entries(files)) {
        const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
        await writable.write(text);
        await writable.close();
      }
    },
    { folder: FOLDER, files: campaigns },
  );
  await page.getByRole('button', { name: 'Work with Test Repository' }).click();
  await page
    .getByRole('button', { name: 'Save', exact: true })
    .or(page.getByText('petition').first())
    .first()
    .waitFor();

  for (const [name, text] of Object.entries(campaigns)) {
    const data = parse(text.split(/^---$/m)[1]) as { kind: string; title: string };
    // Through the collection's list, as an organizer goes (from one entry straight to another, the form stays).
    await page.goto(`${url}#/collections/${data.kind}`);
    await page.getByText(data.title).first().waitFor();
    await page.goto(`${url}#/collections/${data.kind}/entries/${name.replace(/\.md$/, '')}`);
    await expect
      .poll(() => page.getByRole('textbox', { name: 'title' }).first().inputValue(), { message: name, timeout: 30_000 })
      .toBe(data.title);
    const save = page.getByRole('button', { name: 'Save', exact: true });
    expect(await save.isDisabled(), `${name}: nothing to save`).toBe(true);
  }

  const after = await page.evaluate(async (folder) => {
    let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test');
    for (const part of folder.split('/')) dir = await dir.getDirectoryHandle(part);
    const files: Record<string, string> = {};
    for await (const [name, handle] of dir as unknown as AsyncIterable<[string, FileSystemFileHandle]>) {
      files[name] = await (await handle.getFile()).text();
    }
    return files;
  }, FOLDER);
  expect(after).toEqual(campaigns);
  // What the policy refused: Sveltia's web fonts and its version check, both from CDNs; nothing of ours.
  expect(blocked.filter((text) => !/https:\/\/(cdn\.jsdelivr\.net|unpkg\.com)\//.test(text))).toEqual([]);
  expect(blocked.length).toBeGreaterThan(0);
  await page.close();
  // Fourteen forms opened one after another in a real browser: minutes on a loaded 2-core machine.
}, 300_000);
