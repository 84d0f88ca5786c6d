/**
 * No personal data in logs: everything the functions print while a signature and an RSVP are taken, a sink fails
 * (its receiver answering with the person's own data), a person is erased, bad requests come in and the store
 * fails under a request, captured and searched for the people's names, emails and phone numbers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../functions/outbox/dispatcher.ts';
import { webhookSink } from '../../functions/outbox/webhook.ts';
import { post } from './fixtures.ts';
import { listen } from './outbox/servers.ts';
import { API, auth, dialects, sign } from './privacy-fixtures.ts';

const lines: string[] = [];
beforeEach(() => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  lines.length = 0;
});

describe('logs', () => {
  it('carry no email, name or phone number', async () => {
    const { app, store, close } = await dialects[0].open();
    // A receiver that fails and echoes what it got: the person's data in its answer.
    const hook = await listen((request, res) => void res.writeHead(500).end(request.body));
    try {
      expect((await sign(app, 'plain', 'ada@example.org', { comment: 'Ada Lovelace here' })).status).toBe(201);
      const rsvp = await app.request(
        `${API}/campaigns/tenants-meeting/rsvps`,
        post({
          person: { givenName: 'Grace', familyName: 'Hopper', email: 'grace@example.org', phone: '+1 415 555 0199' },
          consent: { contact: true, sms: true },
        }),
      );
      expect(rsvp.status).toBe(201);
      const result = await dispatch(store, [webhookSink({ url: hook.url, secrets: ['0123456789abcdef0123'] })]);
      expect(Object.values(result)[0].retried).toBe(1);
      expect(hook.received[0].body).toContain('ada@example.org');
      const bad = await app.request(
        `${API}/campaigns/plain/signatures`,
        post({ person: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example', postcode: '!' } }),
      );
      expect(bad.status).toBe(422);
      const erased = await app.request(`${API}/admin/supporters?email=grace@example.org`, {
        method: 'DELETE',
        headers: auth,
      });
      expect(erased.status).toBe(200);
      await store.close();
      // The store is gone: the request fails on our side and is logged.
      expect((await sign(app, 'plain', 'grace@example.org')).status).toBe(500);
    } finally {
      await hook.close();
      await close().catch(() => {});
    }
    expect(lines.some((line) => line.includes('retry at'))).toBe(true);
    expect(lines.some((line) => line.includes('failed'))).toBe(true);
    const printed = lines.join('\n');
    for (const personal of ['ada@example', 'grace@example', 'Lovelace', 'Hopper', 'Grace', '555 0199', '5550199']) {
      expect(printed).not.toContain(personal);
    }
  });
});
