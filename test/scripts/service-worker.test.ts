/**
 * The service worker written after `astro build` (scripts/service-worker.ts): what it precaches, with which
 * revision, and that it is one self-contained classic script (a worker registered without `type: 'module'`).
 * Chromium runs it in the end-to-end tests (checkin.test.ts offline, csp.test.ts under the site's policy).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { writeServiceWorker } from '../../scripts/service-worker.ts';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

function tree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Runs sw.js against a stand-in `self`: what it listens to, and whether it takes over at once. */
function run(sw: string): { listeners: string[]; skipWaiting: boolean } {
  const listeners: string[] = [];
  let skipWaiting = false;
  const location = { origin: 'https://campaign.example', href: 'https://campaign.example/sw.js' };
  const self = {
    location,
    addEventListener: (type: string) => listeners.push(type),
    skipWaiting: () => (skipWaiting = true),
    registration: { scope: 'https://campaign.example/' },
  };
  runInNewContext(sw, { self, location, URL, Request, Response, Headers, console });
  return { listeners, skipWaiting };
}

it('precaches the offline pages with their content hash, the hashed assets and the embed, nothing else', async () => {
  const root = mkdtempSync(join(tmpdir(), 'ladder-sw-'));
  const site = join(root, 'site');
  const embed = join(root, 'embed');
  tree(site, {
    'index.html': '<h1>Home</h1>',
    'act/fix-the-fountain/index.html': '<h1>Fountain</h1>',
    'checkin/index.html': '<h1>Check-in</h1>',
    'organize/index.html': '<h1>Dashboard</h1>',
    'organize/team/index.html': '<h1>Team</h1>',
    'rsvp/index.html': '<h1>RSVP</h1>',
    '_astro/page.Bx1.js': 'console.log(1)',
    '_astro/page.Cc2.css': 'p{}',
    'favicon.svg': '<svg/>',
    'guide/index.html': '<h1>Guide</h1>',
    'og/fix-the-fountain.png': 'png',
    'act/fix-the-fountain/results/index.html': '<h1>Results</h1>',
  });
  tree(embed, { 'embed.js': 'export {}', 'w/petition-D3.js': 'export {}', 'w/petition-D3.js.map': '{}' });

  const entries = await writeServiceWorker({ site, embed });
  const sw = readFileSync(join(site, 'sw.js'), 'utf8');
  const { listeners, skipWaiting } = run(sw);

  const byUrl = Object.fromEntries(entries.map(({ url, revision }) => [url, revision]));
  expect(byUrl).toEqual({
    'index.html': md5('<h1>Home</h1>'),
    'act/fix-the-fountain/index.html': md5('<h1>Fountain</h1>'),
    'checkin/index.html': md5('<h1>Check-in</h1>'),
    'organize/index.html': md5('<h1>Dashboard</h1>'),
    'organize/team/index.html': md5('<h1>Team</h1>'),
    'rsvp/index.html': md5('<h1>RSVP</h1>'),
    // Hashed names need no revision.
    '_astro/page.Bx1.js': null,
    '_astro/page.Cc2.css': null,
    'favicon.svg': md5('<svg/>'),
    '/embed.js': md5('export {}'),
    '/w/petition-D3.js': null,
  });
  // Each entry is in the worker as written (URL and revision side by side).
  for (const { url, revision } of entries) expect(sw).toContain(JSON.stringify({ url, revision }));
  // Installs, takes over at once, answers fetches; no module syntax left for a classic worker.
  expect(listeners).toEqual(expect.arrayContaining(['install', 'activate', 'fetch']));
  expect(skipWaiting).toBe(true);
  expect(sw).not.toMatch(/^\s*(import|export)\s/m);
  // A production build: no Workbox development logging.
  expect(sw).not.toContain('%cworkbox');
});

it('a new deploy changes the revision of a changed page only', async () => {
  const root = mkdtempSync(join(tmpdir(), 'ladder-sw-'));
  const site = join(root, 'site');
  tree(site, { 'index.html': 'a', 'act/one/index.html': 'one', 'act/two/index.html': 'two' });
  const before = await writeServiceWorker({ site, embed: join(root, 'no-embed') });
  tree(site, { 'act/two/index.html': 'two, changed' });
  const after = await writeServiceWorker({ site, embed: join(root, 'no-embed') });
  const changed = after.filter((entry) => before.find((b) => b.url === entry.url)?.revision !== entry.revision);
  expect(changed.map(({ url }) => url)).toEqual(['act/two/index.html']);
});
