import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, eventNow, post, signature, testApp } from './fixtures.ts';

const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const API = 'http://localhost/api';

async function seeded() {
  const extra = [eventNow('now-event')];
  const { app, store } = await testApp(undefined, extra);
  const sign = (email: string, extraFields: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    app.request(
      `${API}/campaigns/library/signatures`,
      post(signature({ person: { ...signature().person, email }, ...extraFields }), headers),
    );
  const ada = await (await sign('ada@example.org', { comment: '=HYPERLINK("http://evil.example","click")' })).json();
  await sign('grace@example.org', { referrer: ada.referralCode }, { Origin: 'https://partner.example' });
  await app.request(
    `${API}/campaigns/crossing/signatures`,
    post(signature({ person: { ...signature().person, email: 'grace@example.org' } })),
  );
  await app.request(
    `${API}/campaigns/call-council/calls`,
    post({ target: 'mayor', outcome: 'voicemail', postcode: '94110' }),
  );
  const rsvp = await (
    await app.request(
      `${API}/campaigns/now-event/rsvps`,
      post({ person: { givenName: 'Rosa', familyName: 'P', email: 'rosa@example.org' }, consent: { contact: true } }),
    )
  ).json();
  return { app, store, ada, rsvp };
}

describe('the admin API', () => {
  it('answers 401 without the right token, and gives no data', async () => {
    const { app } = await seeded();
    const attempts: Record<string, string>[] = [{}, { Authorization: 'Bearer wrong' }, { Authorization: ADMIN_TOKEN }];
    for (const headers of attempts) {
      const res = await app.request(`${API}/admin/funnel`, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    }
  });

  it('shows the funnel: rungs, movement, campaigns, partners, calls, events, recruiters', async () => {
    const { app } = await seeded();
    const funnel = await (await app.request(`${API}/admin/funnel`, { headers: auth })).json();
    // Ada recruited Grace (volunteer); Grace acted twice (participant); Rosa RSVPd (supporter).
    expect(funnel.rungs).toEqual({ contact: 0, supporter: 1, participant: 1, volunteer: 1, leader: 0 });
    expect(funnel.movement.reduce((n: number, m: { n: number }) => n + m.n, 0)).toBeGreaterThanOrEqual(6);
    expect(funnel.partners).toContainEqual({
      campaign: 'library',
      origin: 'https://partner.example',
      source: null,
      actions: 1,
    });
    expect(funnel.calls).toEqual([{ campaign: 'call-council', target: 'mayor', outcome: 'voicemail', n: 1 }]);
    expect(funnel.events).toEqual([
      { campaign: 'now-event', confirmed: 1, waitlisted: 0, cancelled: 0, people: 1, attended: 0 },
    ]);
    expect(funnel.recruiters).toMatchObject([{ name: 'Ada Lovelace', recruits: 1 }]);
  });

  it('checks people in by their link during the event, by the host too, and counts attendance', async () => {
    const { app, rsvp } = await seeded();
    const token = new URL(rsvp.rsvp.manageUrl).searchParams.get('t');
    const self = await app.request(`${API}/rsvps/${token}/check-in`, { method: 'POST' });
    expect(await self.json()).toEqual({ checkedIn: true, already: false });
    const host = await app.request(`${API}/admin/rsvps/${rsvp.rsvp.id}/check-in`, { method: 'POST', headers: auth });
    expect((await host.json()).already).toBe(true);
    const funnel = await (await app.request(`${API}/admin/funnel`, { headers: auth })).json();
    expect(funnel.events[0]).toMatchObject({ confirmed: 1, attended: 1 });
    expect(funnel.rungs.participant).toBe(2);
    const future = await (
      await app.request(
        `${API}/campaigns/tenants-meeting/rsvps`,
        post({ person: { givenName: 'F', familyName: 'F', email: 'f@example.org' }, consent: { contact: true } }),
      )
    ).json();
    const early = await app.request(`${API}/rsvps/${new URL(future.rsvp.manageUrl).searchParams.get('t')}/check-in`, {
      method: 'POST',
    });
    expect(early.status).toBe(409);
  });

  it('looks a supporter up with their timeline, and lets an organizer set their rung', async () => {
    const { app } = await seeded();
    const grace = await (
      await app.request(`${API}/admin/supporters?email=GRACE@example.org`, { headers: auth })
    ).json();
    expect(grace).toMatchObject({ email: 'grace@example.org', rung: 'participant', tags: [] });
    expect(grace.timeline.map((a: { campaign: string }) => a.campaign)).toEqual(['library', 'crossing']);
    const put = await app.request(`${API}/admin/supporters/${grace.id}/rung`, {
      ...post({ rung: 'leader' }),
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'application/json' },
    });
    expect(put.status).toBe(200);
    const after = await (
      await app.request(`${API}/admin/supporters?email=grace@example.org`, { headers: auth })
    ).json();
    expect(after).toMatchObject({ rung: 'leader', rungOverride: 'leader' });
  });

  it('exports CSV that spreadsheets cannot run, and OSDI JSON', async () => {
    const { app } = await seeded();
    const res = await app.request(`${API}/admin/campaigns/library/export.csv`, { headers: auth });
    expect(res.headers.get('Content-Type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a UTF-8 byte-order mark, for spreadsheets
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith('id,kind,createdAt,givenName')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
    const osdi = await (await app.request(`${API}/admin/campaigns/library/export.osdi.json`, { headers: auth })).json();
    expect(osdi.total_records).toBe(2);
    expect(osdi._embedded['osdi:people'][0]).toMatchObject({
      given_name: 'Ada',
      email_addresses: [{ address: 'ada@example.org', primary: true, status: 'subscribed' }],
      postal_addresses: [{ postal_code: '94110' }],
    });
  });

  it('erases a supporter from the store, the outbox and every export, and keeps the counts', async () => {
    const { app, store } = await seeded();
    const before = await store.count('library');
    const res = await app.request(`${API}/admin/supporters?email=ada@example.org`, { method: 'DELETE', headers: auth });
    expect(res.status).toBe(200);
    expect((await app.request(`${API}/admin/supporters?email=ada@example.org`, { headers: auth })).status).toBe(404);
    const csv = await (await app.request(`${API}/admin/campaigns/library/export.csv`, { headers: auth })).text();
    expect(csv).not.toContain('ada@example.org');
    expect(csv).not.toContain('HYPERLINK');
    const events = await store.outboxEvents(100);
    expect(JSON.stringify(events)).not.toContain('ada@example.org');
    expect(await store.claimDeliveries('crm', 100, 1000)).toHaveLength(events.length);
    expect(await store.count('library')).toBe(before);
    expect(
      (await app.request(`${API}/admin/supporters?email=ada@example.org`, { method: 'DELETE', headers: auth })).status,
    ).toBe(404);
  });

  it("lists an event's RSVPs for the host, takes walk-ins, tags people and shows who recruited whom", async () => {
    const { app } = await seeded();
    const json = { ...auth, 'Content-Type': 'application/json' };
    const walkIn = await app.request(`${API}/admin/campaigns/now-event/walk-ins`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ person: { givenName: 'Walk', familyName: 'In', email: 'walk@example.org' }, guests: 1 }),
    });
    expect(walkIn.status).toBe(201);
    const { rsvps } = await (await app.request(`${API}/admin/campaigns/now-event/rsvps`, { headers: auth })).json();
    expect(rsvps.map((r: { email: string; attended: boolean }) => [r.email, r.attended])).toEqual([
      ['rosa@example.org', false],
      ['walk@example.org', true],
    ]);
    const rosa = await (await app.request(`${API}/admin/supporters?email=rosa@example.org`, { headers: auth })).json();
    await app.request(`${API}/admin/supporters/${rosa.id}/tags`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ add: ['leader'] }),
    });
    const after = await (await app.request(`${API}/admin/supporters?email=rosa@example.org`, { headers: auth })).json();
    expect(after).toMatchObject({ tags: ['leader'], rung: 'leader' });
    const { supporters } = await (await app.request(`${API}/admin/referrals`, { headers: auth })).json();
    const ada = supporters.find((s: { name: string }) => s.name === 'Ada Lovelace');
    expect(ada).toMatchObject({ referredBy: null, recruits: 1, rung: 'volunteer' });
    expect(supporters.find((s: { referredBy: string | null }) => s.referredBy === ada.id)).toBeDefined();
  });
});
