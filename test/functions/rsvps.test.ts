import { describe, expect, it } from 'vitest';
import { post, testApp } from './fixtures.ts';

const BASE = 'http://localhost/api/campaigns/tenants-meeting';
const rsvp = (email: string, fields: Record<string, unknown> = {}) =>
  post({ person: { givenName: 'Ella', familyName: 'Baker', email }, consent: { contact: true }, ...fields });

describe('POST /api/campaigns/:slug/rsvps', () => {
  it('confirms within capacity (guests count), then waitlists, and links to manage and add to a calendar', async () => {
    const { app } = await testApp();
    const first = await app.request(`${BASE}/rsvps`, rsvp('a@example.org', { guests: 1 }));
    expect(first.status).toBe(201);
    const body = await first.json();
    expect(body).toMatchObject({
      rsvp: { status: 'confirmed', guests: 1, shift: null },
      updated: false,
      count: 2,
      spotsLeft: 1,
    });
    expect(body.rsvp.manageUrl).toMatch(/^http:\/\/localhost\/rsvp\/\?t=[a-z0-9]{24}$/);
    expect(body.icsUrl).toBe(`${BASE}/event.ics`);
    const second = await (await app.request(`${BASE}/rsvps`, rsvp('b@example.org', { guests: 1 }))).json();
    expect(second.rsvp.status).toBe('waitlisted');
    const third = await (await app.request(`${BASE}/rsvps`, rsvp('c@example.org'))).json();
    expect(third).toMatchObject({ rsvp: { status: 'confirmed' }, spotsLeft: 0, count: 3 });
    const campaign = await (await app.request(BASE)).json();
    expect(campaign).toMatchObject({ count: 3, event: { capacity: 3, spotsLeft: 0, timezone: 'America/Chicago' } });
    expect(campaign.event.startsAt).toBe('2099-02-19T00:30:00.000Z');
  });

  it('never overbooks when many RSVP at once', async () => {
    const { app, store } = await testApp();
    const all = await Promise.all(
      Array.from({ length: 12 }, (_, i) => app.request(`${BASE}/rsvps`, rsvp(`p${i}@example.org`))),
    );
    const statuses = await Promise.all(all.map(async (res) => (await res.json()).rsvp.status));
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(9);
    expect(await store.count('tenants-meeting')).toBe(3);
  });

  it('changes nothing when the same email RSVPs again; the manage link does, and confirms the waitlist', async () => {
    const { app } = await testApp();
    const a = await (await app.request(`${BASE}/rsvps`, rsvp('a@example.org', { guests: 2 }))).json();
    const b = await (await app.request(`${BASE}/rsvps`, rsvp('b@example.org'))).json();
    expect(b.rsvp.status).toBe('waitlisted');
    const again = await app.request(`${BASE}/rsvps`, rsvp('A@example.org', { guests: 1 }));
    expect(again.status).toBe(201);
    expect((await again.json()).rsvp.id).not.toBe(a.rsvp.id);
    const mine = new URL(a.rsvp.manageUrl).searchParams.get('t');
    expect((await (await app.request(`http://localhost/api/rsvps/${mine}`)).json()).rsvp.guests).toBe(2);
    const changed = await app.request(`http://localhost/api/rsvps/${mine}`, {
      ...post({ guests: 1 }),
      method: 'PATCH',
    });
    expect((await changed.json()).rsvp).toMatchObject({ id: a.rsvp.id, guests: 1, status: 'confirmed' });
    const token = new URL(b.rsvp.manageUrl).searchParams.get('t');
    const view = await (await app.request(`http://localhost/api/rsvps/${token}`)).json();
    expect(view.rsvp).toMatchObject({ status: 'confirmed', guests: 0 });
    expect(view.rsvp).not.toHaveProperty('token');
    expect(view.campaign).toMatchObject({ slug: 'tenants-meeting', event: { spotsLeft: 0 } });
  });

  it('cancels by the manage link and promotes the next person; changes guests by PATCH', async () => {
    const { app } = await testApp();
    const a = await (await app.request(`${BASE}/rsvps`, rsvp('a@example.org', { guests: 2 }))).json();
    const b = await (await app.request(`${BASE}/rsvps`, rsvp('b@example.org', { guests: 1 }))).json();
    const tokenA = new URL(a.rsvp.manageUrl).searchParams.get('t');
    const tokenB = new URL(b.rsvp.manageUrl).searchParams.get('t');
    const cancelled = await (
      await app.request(`http://localhost/api/rsvps/${tokenA}/cancel`, { method: 'POST' })
    ).json();
    expect(cancelled.rsvp.status).toBe('cancelled');
    expect((await (await app.request(`http://localhost/api/rsvps/${tokenB}`)).json()).rsvp.status).toBe('confirmed');
    const patched = await app.request(`http://localhost/api/rsvps/${tokenB}`, {
      ...post({ guests: 2 }),
      method: 'PATCH',
    });
    expect((await patched.json()).rsvp).toMatchObject({ guests: 2, status: 'confirmed' });
    const tooMany = await app.request(`http://localhost/api/rsvps/${tokenB}`, {
      ...post({ guests: 3 }),
      method: 'PATCH',
    });
    expect(tooMany.status).toBe(422);
    expect((await app.request('http://localhost/api/rsvps/nope')).status).toBe(404);
  });

  it('holds each shift to its own capacity and requires a shift when there are shifts', async () => {
    const { app } = await testApp();
    const url = 'http://localhost/api/campaigns/cleanup/rsvps';
    const none = await app.request(url, rsvp('a@example.org'));
    expect((await none.json()).error.codes).toEqual({ shift: 'required' });
    expect((await (await app.request(url, rsvp('a@example.org', { shift: 'morning' }))).json()).rsvp.status).toBe(
      'confirmed',
    );
    expect((await (await app.request(url, rsvp('b@example.org', { shift: 'morning' }))).json()).rsvp.status).toBe(
      'waitlisted',
    );
    expect((await (await app.request(url, rsvp('c@example.org', { shift: 'late' }))).json()).rsvp.status).toBe(
      'confirmed',
    );
    expect((await (await app.request(url, rsvp('d@example.org', { shift: 'night' }))).json()).error.codes).toEqual({
      shift: 'invalid',
    });
  });

  it('normalizes phone numbers to E.164 with the campaign region and refuses bad ones', async () => {
    const { app, store } = await testApp();
    const person = { givenName: 'E', familyName: 'B', email: 'e@example.org', phone: '(415) 555-0100' };
    const res = await app.request(`${BASE}/rsvps`, post({ person, consent: { contact: true, sms: true } }));
    expect(res.status).toBe(201);
    const [event] = await store.outboxEvents(1);
    expect(event.payload).toMatchObject({ person: { phone: '+14155550100' }, consent: { sms: true } });
    const bad = await app.request(
      `${BASE}/rsvps`,
      post({ person: { ...person, phone: '12' }, consent: { contact: true } }),
    );
    expect((await bad.json()).error.codes).toEqual({ 'person.phone': 'invalid_phone' });
  });

  it('serves the event as an iCalendar file', async () => {
    const { app } = await testApp();
    const res = await app.request(`${BASE}/event.ics`);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/calendar/);
    const ics = await res.text();
    expect(ics).toContain('BEGIN:VEVENT\r\n');
    expect(ics).toContain('DTSTART:20990219T003000Z');
    expect(ics).toContain('LOCATION:Library\\, 1 Main St');
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
  });
});
