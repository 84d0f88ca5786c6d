/**
 * The campaign editor's API on real files: every example and fixture campaign opens and saves unchanged byte for
 * byte, a publish is live for the API at once, bad input changes nothing and says what the build says.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { liveCatalog, loadCatalog } from '../../functions/catalog.ts';
import { diskCampaignFiles, type SiteBuilder } from '../../functions/editor/disk.ts';
import type { BuildStatus } from '../../functions/editor/types.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import { campaignFiles as adapterCampaigns } from '../adapters/campaigns.ts';
import { fixtureCampaigns } from '../e2e/fixtures.ts';
import { ADMIN_TOKEN, post, signature, tempDb } from './fixtures.ts';

const EXAMPLES = 'site/content/campaigns';
const GUIDE = 'site/pages/guide/_examples';
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const json = (body: unknown, method = 'PUT'): RequestInit => ({
  method,
  headers: { ...auth, 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** Every campaign file the project has: the examples, the guide's, the test fixtures. */
function everyCampaignFile(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const dir of [EXAMPLES, GUIDE]) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      files[`${dir.split('/').pop()}-${name}`] = readFileSync(join(dir, name), 'utf8');
    }
  }
  for (const [name, text] of Object.entries({ ...fixtureCampaigns('https://partner.example'), ...adapterCampaigns })) {
    if (name.endsWith('.md')) files[`fixture-${name}`] = text;
  }
  return files;
}

async function editorApp(fill: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-editor-'));
  fill(dir);
  const catalog = liveCatalog(await loadCatalog(dir));
  const builds: number[] = [];
  const builder: SiteBuilder = {
    request: () => void builds.push(Date.now()),
    status: (): BuildStatus => ({ state: builds.length ? 'building' : 'idle' }),
  };
  const store = await openSqliteStore(tempDb());
  const app = createApp({ store, catalog, adminToken: ADMIN_TOKEN, editor: diskCampaignFiles(dir, catalog, builder) });
  return { app, dir, catalog, builds };
}

const copyExamples = (dir: string) => {
  for (const name of readdirSync(EXAMPLES)) copyFileSync(join(EXAMPLES, name), join(dir, name));
};

const newPetition = {
  kind: 'petition',
  title: 'Light the underpass',
  summary: 'The underpass on 5th is dark at night.',
  partners: ['https://new-partner.example'],
  consent: { text: 'Keep me updated about this campaign by email.', version: '2026-12-01' },
  petition: { to: 'The Public Works Department', ask: 'Install lights in the 5th Street underpass.' },
};

describe('the campaign editor API', () => {
  it('opens and saves every example and fixture campaign without a change, byte for byte', async () => {
    const files = everyCampaignFile();
    expect(Object.keys(files).length).toBeGreaterThan(12);
    // Each file goes in as a draft: the guide's examples name campaigns that are not there.
    const { app, dir } = await editorApp((d) => mkdirSync(join(d, '.drafts')));
    for (const [name, text] of Object.entries(files)) {
      const slug = name
        .replace(/\.md$/, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-/, '');
      writeFileSync(join(dir, '.drafts', `${slug}.md`), text);
      const opened = await (
        await app.request(`http://localhost/api/admin/editor/campaigns/${slug}`, { headers: auth })
      ).json();
      const res = await app.request(
        `http://localhost/api/admin/editor/campaigns/${slug}`,
        json({ data: JSON.parse(JSON.stringify(opened.data)), body: opened.body }),
      );
      expect(res.status, name).toBe(200);
      expect(readFileSync(join(dir, '.drafts', `${slug}.md`), 'utf8'), name).toBe(text);
    }
  });

  it('publishes an unchanged example campaign byte for byte, and the build is asked for', async () => {
    const { app, dir, builds } = await editorApp(copyExamples);
    for (const name of readdirSync(EXAMPLES)) {
      const slug = name.replace(/\.md$/, '');
      const opened = await (
        await app.request(`http://localhost/api/admin/editor/campaigns/${slug}`, { headers: auth })
      ).json();
      const res = await app.request(
        `http://localhost/api/admin/editor/campaigns/${slug}`,
        json({ data: opened.data, body: opened.body, publish: true }),
      );
      expect(res.status, name).toBe(200);
      expect(readFileSync(join(dir, name), 'utf8'), name).toBe(readFileSync(join(EXAMPLES, name), 'utf8'));
    }
    expect(builds.length).toBe(readdirSync(EXAMPLES).length);
  });

  it('changes only the line of the field that changed, keeping the comments', async () => {
    const { app, dir } = await editorApp(copyExamples);
    const url = 'http://localhost/api/admin/editor/campaigns/save-the-library';
    const before = readFileSync(join(dir, 'save-the-library.md'), 'utf8');
    const opened = await (await app.request(url, { headers: auth })).json();
    const res = await app.request(
      url,
      json({ data: { ...opened.data, goal: 2500 }, body: opened.body, publish: true }),
    );
    expect(res.status).toBe(200);
    const after = readFileSync(join(dir, 'save-the-library.md'), 'utf8');
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toEqual([expect.stringMatching(/^goal: 2500\b/)]);
  });

  it('changes a text written as a block (summary: >-) on its own lines, and the file still reads', async () => {
    const folded = `---
kind: petition
title: Light the underpass
summary: >-
  A summary written
  on two lines.
consent: { text: Keep me updated., version: '2026-12-01' }
petition:
  to: Public Works
  ask: Install lights.
---
Dear Public Works,
`;
    const { app, dir } = await editorApp((d) => writeFileSync(join(d, 'light-the-underpass.md'), folded));
    const url = 'http://localhost/api/admin/editor/campaigns/light-the-underpass';
    const opened = await (await app.request(url, { headers: auth })).json();
    expect(opened.data.summary).toBe('A summary written on two lines.');
    const res = await app.request(
      url,
      json({ data: { ...opened.data, summary: 'Shorter.' }, body: opened.body, publish: true }),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    expect(readFileSync(join(dir, 'light-the-underpass.md'), 'utf8')).toBe(
      folded.replace('>-\n  A summary written\n  on two lines.', '"Shorter."'),
    );
  });

  it('publishes a new petition: the API serves it and takes its partner at once', async () => {
    const { app, dir, builds } = await editorApp(copyExamples);
    const signatures = 'http://localhost/api/campaigns/light-the-underpass/signatures';
    const origin = { Origin: 'https://new-partner.example' };
    expect((await app.request(signatures, post(signature(), origin))).status).toBe(404);

    const draft = await app.request(
      'http://localhost/api/admin/editor/campaigns/light-the-underpass',
      json({ data: newPetition, body: 'Dear Public Works,\n' }),
    );
    expect(draft.status).toBe(200);
    expect(existsSync(join(dir, 'light-the-underpass.md'))).toBe(false);
    expect((await app.request(signatures, post(signature(), origin))).status).toBe(404);

    const res = await app.request(
      'http://localhost/api/admin/editor/campaigns/light-the-underpass',
      json({ data: newPetition, body: 'Dear Public Works,\n', publish: true }),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()).build.state).toBe('building');
    expect(builds).toHaveLength(1);
    expect(existsSync(join(dir, '.drafts', 'light-the-underpass.md'))).toBe(false);
    // The file is what an organizer would write by hand, and the build reads it.
    expect((await loadCatalog(dir)).get('light-the-underpass')?.title).toBe('Light the underpass');
    const signed = await app.request(signatures, post(signature(), origin));
    expect(signed.status).toBe(201);
    expect((await app.request(signatures, post(signature(), { Origin: 'https://other.example' }))).status).toBe(403);
  });

  it('refuses a campaign the build would refuse, with the build’s words, and changes nothing', async () => {
    const { app, dir, builds } = await editorApp(copyExamples);
    const before = readFileSync(join(dir, 'save-the-library.md'), 'utf8');
    const url = 'http://localhost/api/admin/editor/campaigns/save-the-library';
    const opened = await (await app.request(url, { headers: auth })).json();
    const res = await app.request(
      url,
      json({ data: { ...opened.data, goal: 'lots', nextAsks: ['nowhere'] }, body: opened.body, publish: true }),
    );
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.fields).toEqual({ goal: 'must be a whole number, like 1000' });
    expect(readFileSync(join(dir, 'save-the-library.md'), 'utf8')).toBe(before);
    expect(builds).toHaveLength(0);

    const fixedGoal = await app.request(
      url,
      json({ data: { ...opened.data, nextAsks: ['nowhere'] }, body: '', publish: true }),
    );
    expect(fixedGoal.status).toBe(422);
    expect((await fixedGoal.json()).error.fields).toEqual({ 'nextAsks.0': 'no campaign file is named nowhere.md' });
    expect(readFileSync(join(dir, 'save-the-library.md'), 'utf8')).toBe(before);
  });

  it('closes a campaign: the file says status: closed and the API stops taking signatures', async () => {
    const { app, dir } = await editorApp(copyExamples);
    const res = await app.request('http://localhost/api/admin/editor/campaigns/save-the-library/close', {
      method: 'POST',
      headers: auth,
    });
    expect(res.status).toBe(200);
    expect(readFileSync(join(dir, 'save-the-library.md'), 'utf8')).toMatch(/^status: closed$/m);
    const signed = await app.request('http://localhost/api/campaigns/save-the-library/signatures', post(signature()));
    expect(signed.status).toBe(409);
  });

  it('lists a draft broken by hand by its name, and opening it says what is wrong (422, not 500)', async () => {
    const { app, dir } = await editorApp((d) => mkdirSync(join(d, '.drafts')));
    writeFileSync(join(dir, '.drafts', 'broken.md'), 'no frontmatter here\n');
    const list = await (await app.request('http://localhost/api/admin/editor/campaigns', { headers: auth })).json();
    expect(list).toEqual([{ slug: 'broken', title: 'broken', status: 'open', published: false, draft: true }]);
    const res = await app.request('http://localhost/api/admin/editor/campaigns/broken', { headers: auth });
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toContain('starts without frontmatter');
  });

  it('answers 401 without the admin token, and serves the schema the form is made from', async () => {
    const { app } = await editorApp(copyExamples);
    for (const [path, init] of [
      ['/schema', {}],
      ['/campaigns', {}],
      ['/campaigns/save-the-library', { method: 'PUT', body: '{}', headers: { 'Content-Type': 'application/json' } }],
      ['/campaigns/save-the-library/close', { method: 'POST' }],
    ] as const) {
      expect((await app.request(`http://localhost/api/admin/editor${path}`, init)).status, path).toBe(401);
    }
    const schema = await (await app.request('http://localhost/api/admin/editor/schema', { headers: auth })).json();
    expect(schema.oneOf.map((kind: { properties: { kind: { const: string } } }) => kind.properties.kind.const)).toEqual(
      ['petition', 'survey', 'event', 'call', 'letter'],
    );
  });
});
