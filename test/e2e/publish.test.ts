/**
 * Publishing on the Node host without a restart: the editor's API saves a new petition, the API takes signatures
 * for it at once (from its new partner's origin too), the site keeps serving the old pages while it rebuilds in the
 * background, then serves the new action page.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { copyBuilt, renderToken, type RunningServer, startServer } from './harness.ts';

const built = inject('built');
const TOKEN = 'organizer-secret-token-1234';
const admin = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const NEW_PARTNER = 'https://new-partner.example';
let server: RunningServer;

beforeAll(async () => {
  // Our own copies: publishing changes the content and the site that the other tests share.
  server = await startServer(copyBuilt(built), { LADDER_ADMIN_TOKEN: TOKEN });
});
afterAll(() => server?.stop());

const petition = {
  kind: 'petition',
  title: 'Light the underpass',
  summary: 'The underpass on 5th Street is dark at night.',
  partners: [NEW_PARTNER],
  consent: { text: 'Keep me updated about this campaign by email.', version: '2026-12-01' },
  petition: { to: 'The Public Works Department', ask: 'Install lights in the 5th Street underpass.' },
};

const sign = async (origin: string) => {
  const path = '/campaigns/light-the-underpass/signatures';
  const token = await renderToken(server.url, path);
  return fetch(`${server.url}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({
      person: { givenName: 'Ada', familyName: 'L', email: `ada+${Math.random()}@example.org`, postcode: '94110' },
      consent: { contact: true },
      token,
    }),
  });
};

it('publishes a new petition live without a restart: API at once, pages after the background build', async () => {
  expect((await fetch(`${server.url}/act/light-the-underpass/`)).status).toBe(404);
  const saved = Date.now();
  const res = await fetch(`${server.url}/api/admin/editor/campaigns/light-the-underpass`, {
    method: 'PUT',
    headers: admin,
    body: JSON.stringify({ data: petition, body: 'Dear Public Works,\n', publish: true }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  expect((await res.json()).build.state).toBe('building');

  // The API takes the new catalog at once: a signature from the new partner's page counts.
  expect((await sign(NEW_PARTNER)).status).toBe(201);

  // While the site builds, visitors get the old pages.
  let status: { state: string; step?: number; error?: string } = { state: 'building' };
  let seenOld = false;
  while (status.state === 'building') {
    const page = await fetch(`${server.url}/act/fix-the-fountain/`);
    if (status.state === 'building') seenOld ||= page.status === 200;
    await new Promise((done) => setTimeout(done, 250));
    status = await (await fetch(`${server.url}/api/admin/editor/build`, { headers: admin })).json();
  }
  expect(status, status.error).toMatchObject({ state: 'live' });
  expect(seenOld).toBe(true);
  const page = await fetch(`${server.url}/act/light-the-underpass/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Light the underpass');
  // The new page has its own Content-Security-Policy, with the hashes of its inline code.
  expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  console.log(`Save → live page: ${((Date.now() - saved) / 1000).toFixed(1)} s`);
  expect((await fetch(`${server.url}/act/fix-the-fountain/`)).status).toBe(200);
}, 180_000);
