/**
 * The admin bearer token (functions/middleware/admin.ts): only the exact token opens `/api/admin/*`. Tokens that
 * an early-exit or length-first comparison gets wrong are tried: one character off at the end, of the same length,
 * a prefix, the token with more after it, another scheme. No timing is measured here (the comparison of SHA-256
 * digests makes the work the same for any input; a test of that would only measure the machine's noise).
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { catalogFrom } from '../../functions/catalog.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import { ADMIN_TOKEN, campaigns, tempDb, testApp } from './fixtures.ts';

const FUNNEL = 'http://localhost/api/admin/funnel';

async function status(app: Awaited<ReturnType<typeof testApp>>['app'], authorization?: string) {
  const res = await app.request(FUNNEL, {
    headers: authorization === undefined ? {} : { Authorization: authorization },
  });
  if (res.status === 401) {
    expect(res.headers.get('WWW-Authenticate')).toBe('Bearer');
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.stringContaining('Bearer') } });
  }
  return res.status;
}

describe('the admin token', () => {
  it('opens the admin API with the exact token only', async () => {
    const { app } = await testApp();
    const lastChanged = ADMIN_TOKEN.slice(0, -1) + (ADMIN_TOKEN.endsWith('9') ? '8' : '9');
    const wrong = {
      'missing header': undefined,
      'empty header': '',
      'scheme only': 'Bearer ',
      'token without the scheme': ADMIN_TOKEN,
      'another scheme': `Basic ${ADMIN_TOKEN}`,
      'lower-case scheme': `bearer ${ADMIN_TOKEN}`,
      'same length, last character changed': `Bearer ${lastChanged}`,
      'same length, all different': `Bearer ${'x'.repeat(ADMIN_TOKEN.length)}`,
      'a prefix of the token': `Bearer ${ADMIN_TOKEN.slice(0, 8)}`,
      'the token and more': `Bearer ${ADMIN_TOKEN}0`,
      'the SHA-256 of the token': `Bearer ${await sha256Hex(ADMIN_TOKEN)}`,
    };
    for (const [name, authorization] of Object.entries(wrong)) {
      expect(await status(app, authorization), name).toBe(401);
    }
    expect(await status(app, `Bearer ${ADMIN_TOKEN}`)).toBe(200);
  });

  it('refuses everyone when no token is configured', async () => {
    for (const adminToken of [undefined, '']) {
      const app = createApp({ store: await openSqliteStore(tempDb()), catalog: catalogFrom(campaigns), adminToken });
      for (const authorization of [undefined, 'Bearer ', `Bearer ${ADMIN_TOKEN}`, 'Bearer undefined']) {
        expect(await status(app, authorization), `${adminToken} / ${authorization}`).toBe(401);
      }
    }
  });
});

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Buffer.from(digest).toString('hex');
}
