/** The admin API's delivery routes: redelivery names its sink, and a sink that is not configured is an error. */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { catalogFrom } from '../../functions/catalog.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import { ADMIN_TOKEN, campaigns, post, signature, tempDb } from './fixtures.ts';

const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const API = 'http://localhost/api';

describe('redelivery', () => {
  it('answers 404 unknown_sink naming the configured sinks when ?sink= is mistyped, and schedules nothing', async () => {
    const store = await openSqliteStore(tempDb());
    const sinks = ['webhook:crm.example', 'action-network'];
    const app = createApp({ store, catalog: catalogFrom(campaigns), adminToken: ADMIN_TOKEN, sinks });
    await app.request(`${API}/campaigns/library/signatures`, post(signature()));
    const [event] = await store.outboxEvents(10);
    // The CRM refused it: dead-lettered.
    await store.claimDeliveries('webhook:crm.example', 10, 60_000);
    await store.markFailed('webhook:crm.example', event.id, 'HTTP 400', null);
    expect(await store.deadLetters(10)).toHaveLength(1);

    const typo = await app.request(`${API}/admin/outbox/${event.id}/redeliver?sink=webhook:crm.exmaple`, {
      method: 'POST',
      headers: auth,
    });
    expect(typo.status).toBe(404);
    const { error } = await typo.json();
    expect(error.code).toBe('unknown_sink');
    expect(error.message).toContain('webhook:crm.example');
    expect(error.message).toContain('action-network');
    expect(await store.deadLetters(10)).toHaveLength(1);

    const right = await app.request(`${API}/admin/outbox/${event.id}/redeliver?sink=webhook:crm.example`, {
      method: 'POST',
      headers: auth,
    });
    expect(await right.json()).toEqual({ redelivered: 1 });
    expect(await store.deadLetters(10)).toHaveLength(0);
    await store.close();
  });
});
