/**
 * Follow-ups (issue 12) on SQLite and PostgreSQL, over real HTTP with a fake Twilio speaking the real wire format
 * both ways: lists built from the ladder, leased batches, exactly-once outcomes, texts within texting hours,
 * replies, STOP and the other revocation words, delivery statuses.
 */
import { describe, expect, it } from 'vitest';
import type { Batch, FollowupDetail } from '../../schema/followup.ts';
import { signature } from './fixtures.ts';
import { dialects, meeting, running, signedPost, zoneAt } from './followup-fixtures.ts';

/** A server, a provider, four sign-ins and a few people each: more than 5 s on a loaded machine. */
const SLOW = 60_000;

const DAY = zoneAt(12);
const NIGHT = zoneAt(3);

const script = {
  text: 'Hi {firstName}, this is {sender} from {organization}. We missed you at {event}. Can we count on you next time?',
  questions: [
    {
      id: 'next',
      label: 'Will you come next time?',
      options: [
        { value: 'yes', label: 'Yes', tag: 'coming-back' },
        { value: 'no', label: 'No' },
      ],
    },
  ],
  replies: [{ label: 'Thanks', text: 'Thank you!' }],
};

const noShow = (slug: string, channel: 'call' | 'text', extra: Record<string, unknown> = {}) => ({
  name: `Did not come to ${slug}`,
  channel,
  rule: { kind: 'no-show', campaign: slug },
  script,
  assignees: 'volunteers',
  ...extra,
});

describe.each(dialects)('follow-ups on %s', (_name, open) => {
  it(
    'builds a list from the ladder: reachable people only, the rest counted; who acts or opts out leaves',
    async () => {
      const t = await running(open, { timezone: DAY, extra: [meeting('meet', DAY)] });
      try {
        const came = await t.rsvp('meet', 'came@example.org', '+14155550100', { contact: true });
        await t.rsvp('meet', 'ana@example.org', '+14155550101', { contact: true });
        await t.rsvp('meet', 'ben@example.org', '+14155550102', { contact: true });
        await t.rsvp('meet', 'nophone@example.org', null, { contact: true });
        await t.rsvp('meet', 'noconsent@example.org', '+14155550104', { contact: false });
        expect((await t.as('organizer', 'POST', `/rsvps/${came}/check-in`)).status).toBe(200);

        const bad = await t.as('organizer', 'POST', '/followups', {
          ...noShow('meet', 'call'),
          rule: { kind: 'no-show' },
        });
        expect(bad.status).toBe(422);
        expect(((await bad.json()) as { error: { codes: object } }).error.codes).toEqual({
          'rule.campaign': 'required',
        });

        const created = await t.as('organizer', 'POST', '/followups', noShow('meet', 'call'));
        expect(created.status).toBe(201);
        const { followup, figures } = (await created.json()) as FollowupDetail;
        expect(figures).toMatchObject({ eligible: 2, unreachable: 2, queued: 2 });
        // Ben acts again (a petition): he leaves the list before anyone calls him.
        const signed = await fetch(`${t.site}/api/campaigns/library/signatures`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(
            signature({ person: { givenName: 'Ben', familyName: 'Doe', email: 'ben@example.org', postcode: '94110' } }),
          ),
        });
        expect(signed.status).toBe(201);
        const detail = (await (await t.as('organizer', 'GET', `/followups/${followup.id}`)).json()) as FollowupDetail;
        expect(detail.figures).toMatchObject({ eligible: 1, queued: 1 });
        const listed = (await (await t.as('organizer', 'GET', '/followups')).json()) as { followups: { id: string }[] };
        expect(listed.followups.map((f) => f.id)).toEqual([followup.id]);

        const batch = (await (await t.as('maria', 'POST', `/followups/${followup.id}/batch`)).json()) as Batch;
        expect(batch.contacts).toHaveLength(1);
        const [ana] = batch.contacts;
        expect(Object.keys(ana).sort()).toEqual(
          ['firstName', 'id', 'leaseEndsAt', 'phone', 'script', 'state', 'suggestedRung', 'summary'].sort(),
        );
        expect(ana).toMatchObject({
          firstName: 'Ana',
          phone: '+14155550101',
          state: 'queued',
          suggestedRung: 'participant',
          summary: "RSVP'd to Neighbours meeting",
          script:
            'Hi Ana, this is Maria from Tenants Union. We missed you at Neighbours meeting. Can we count on you next time?',
        });
      } finally {
        await t.close();
      }
    },
    SLOW,
  );

  it(
    'leases batches: two workers never hold the same contact, expired leases return, release gives back',
    async () => {
      const t = await running(open, { timezone: DAY, extra: [meeting('meet', DAY)] });
      try {
        for (let i = 0; i < 7; i++) await t.rsvp('meet', `p${i}@example.org`, `+1415555020${i}`, { contact: true });
        const created = await t.as('organizer', 'POST', '/followups', noShow('meet', 'call', { batchSize: 3 }));
        const { followup } = (await created.json()) as FollowupDetail;
        const [a, b] = await Promise.all(
          ['maria', 'sam'].map(
            async (who) => (await (await t.as(who, 'POST', `/followups/${followup.id}/batch`)).json()) as Batch,
          ),
        );
        expect(a.contacts).toHaveLength(3);
        expect(b.contacts).toHaveLength(3);
        const ids = [...a.contacts, ...b.contacts].map((c) => c.id);
        expect(new Set(ids).size).toBe(6);
        // Asking again tops up to the batch size: Maria holds three already, so nothing more.
        const again = (await (await t.as('maria', 'POST', `/followups/${followup.id}/batch`)).json()) as Batch;
        expect(again.contacts.map((c) => c.id).sort()).toEqual(a.contacts.map((c) => c.id).sort());
        // Sam may not act on Maria's contact.
        const outcome = { idempotencyKey: 'outcome-key-1', outcome: 'talked' };
        expect((await t.as('sam', 'POST', `/contacts/${a.contacts[0].id}/outcome`, outcome)).status).toBe(403);
        // Sam releases: his three go back; the organizer takes them and the last one.
        expect(await (await t.as('sam', 'POST', `/followups/${followup.id}/release`)).json()).toEqual({ released: 3 });
        const staff = (await (await t.as('organizer', 'POST', `/followups/${followup.id}/batch`)).json()) as Batch;
        expect(staff.contacts).toHaveLength(3);
        expect(staff.contacts.some((c) => a.contacts.some((m) => m.id === c.id))).toBe(false);
        // Maria's lease ends (20 minutes later): her contacts go back to the pool for whoever asks.
        const later = new Date(Date.now() + 21 * 60_000);
        await t.store.followups.take(followup.id, 'someone-else', later);
        const theirs = await t.store.followups.held(followup.id, 'someone-else', later);
        expect(theirs.map((c) => c.id).sort()).toEqual(a.contacts.map((c) => c.id).sort());
        expect(await t.store.followups.held(followup.id, t.ids.maria, later)).toEqual([]);
        const assignments = await (await t.as('maria', 'GET', '/assignments')).json();
        expect(assignments).toMatchObject({ assignments: [{ id: followup.id, channel: 'call', batchSize: 3 }] });
      } finally {
        await t.close();
      }
    },
    SLOW,
  );

  it(
    'offers people to the volunteer who worked them on an earlier list',
    async () => {
      const t = await running(open, { timezone: DAY, extra: [meeting('meet', DAY)] });
      try {
        for (let i = 0; i < 4; i++) await t.rsvp('meet', `p${i}@example.org`, `+1415555030${i}`, { contact: true });
        const list = async () =>
          (
            (await (
              await t.as('organizer', 'POST', '/followups', noShow('meet', 'call', { batchSize: 2 }))
            ).json()) as FollowupDetail
          ).followup.id;
        const take = async (who: string, id: string) =>
          ((await (await t.as(who, 'POST', `/followups/${id}/batch`)).json()) as Batch).contacts;
        const first = await list();
        const maria = await take('maria', first);
        const sam = await take('sam', first);
        for (const [who, contacts] of [
          ['maria', maria],
          ['sam', sam],
        ] as const) {
          for (const c of contacts) {
            const outcome = { idempotencyKey: `first-${c.id}`, outcome: 'no-answer' };
            expect((await t.as(who, 'POST', `/contacts/${c.id}/outcome`, outcome)).status).toBe(201);
          }
        }
        const second = await list();
        // Sam asks first, and still gets his own people, not the first two in the list.
        expect((await take('sam', second)).map((c) => c.phone).sort()).toEqual(sam.map((c) => c.phone).sort());
        expect((await take('maria', second)).map((c) => c.phone).sort()).toEqual(maria.map((c) => c.phone).sort());
      } finally {
        await t.close();
      }
    },
    SLOW,
  );

  it(
    'records each outcome once per key: tags from answers, a ladder event, do-not-call everywhere',
    async () => {
      const t = await running(open, { timezone: DAY, extra: [meeting('meet', DAY), meeting('other', DAY)] });
      try {
        await t.rsvp('meet', 'ana@example.org', '+14155550101', { contact: true });
        await t.rsvp('meet', 'ben@example.org', '+14155550102', { contact: true });
        await t.rsvp('other', 'ben@example.org', '+14155550102', { contact: true });
        const first = (await (
          await t.as('organizer', 'POST', '/followups', noShow('meet', 'call'))
        ).json()) as FollowupDetail;
        const second = (await (
          await t.as('organizer', 'POST', '/followups', noShow('other', 'call'))
        ).json()) as FollowupDetail;
        expect(second.figures.eligible).toBe(1);
        const batch = (await (await t.as('maria', 'POST', `/followups/${first.followup.id}/batch`)).json()) as Batch;
        const ana = batch.contacts.find((c) => c.firstName === 'Ana')!;
        const ben = batch.contacts.find((c) => c.firstName === 'Ben')!;
        const talked = {
          idempotencyKey: 'ana-outcome-1',
          outcome: 'talked',
          answers: { next: 'yes' },
          rung: 'volunteer',
        };
        const results = await Promise.all(
          [1, 2, 3].map(() => t.as('maria', 'POST', `/contacts/${ana.id}/outcome`, talked)),
        );
        expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
        expect(await results[0].json()).toMatchObject({ outcome: 'talked', tags: ['followup:talked', 'coming-back'] });
        const dnc = { idempotencyKey: 'ben-outcome-1', outcome: 'do-not-call' };
        expect((await t.as('maria', 'POST', `/contacts/${ben.id}/outcome`, dnc)).status).toBe(201);

        const record = await (await t.as('organizer', 'GET', '/supporters?email=ana@example.org')).json();
        expect(record).toMatchObject({ rung: 'volunteer' });
        expect((record as { tags: string[] }).tags).toEqual(expect.arrayContaining(['coming-back', 'followup:talked']));
        const timeline = (record as { timeline: { kind: string; campaign: string; details: unknown }[] }).timeline;
        expect(timeline.map((e) => e.kind)).toEqual(['rsvp', 'followup']);
        expect(timeline[1]).toMatchObject({
          campaign: 'meet',
          details: { outcome: 'talked', answers: { next: 'yes' } },
        });
        const events = (await t.store.outboxEvents(100)).filter((e) => e.type === 'followup.outcome');
        expect(events).toHaveLength(2);
        expect(events[0].payload).toMatchObject({
          outcome: 'talked',
          tags: ['followup:talked', 'coming-back'],
          osdi: { outreach: { type: 'phone', outcome: 'talked' } },
        });
        const detail = (await (
          await t.as('organizer', 'GET', `/followups/${first.followup.id}`)
        ).json()) as FollowupDetail;
        expect(detail.figures.outcomes).toEqual({
          talked: 1,
          leftMessage: 0,
          noAnswer: 0,
          wrongNumber: 0,
          doNotCall: 1,
        });
        expect(detail.figures).toMatchObject({ closed: 2, optedOut: 1, conversions: { rungMoves: 1 } });
        expect(detail.volunteers).toEqual([
          {
            accountId: t.ids.maria,
            name: 'maria@team.example',
            reached: 2,
            talked: 1,
            textsSent: 0,
            replied: 0,
            optedOut: 1,
          },
        ]);
        // Ben said "do not call": he leaves the other call list too, and no later list has him.
        const other = (await (
          await t.as('organizer', 'GET', `/followups/${second.followup.id}`)
        ).json()) as FollowupDetail;
        expect(other.figures).toMatchObject({ eligible: 0, unreachable: 1 });
        const third = (await (
          await t.as('organizer', 'POST', '/followups', noShow('other', 'call'))
        ).json()) as FollowupDetail;
        expect(third.figures).toMatchObject({ eligible: 0, unreachable: 1 });
      } finally {
        await t.close();
      }
    },
    SLOW,
  );

  it(
    'texts: the script first, once per key; replies as a conversation; statuses; STOP and plain words at once',
    async () => {
      const t = await running(open, { timezone: NIGHT, extra: [meeting('meet', DAY)] });
      try {
        for (const [name, phone, sms] of [
          ['ana', '+14155550101', true],
          ['ben', '+14155550102', true],
          ['cy', '+14155550103', true],
          ['dee', '+14155550104', false],
        ] as const) {
          await t.rsvp('meet', `${name}@example.org`, phone, { sms });
        }
        const list = (await (
          await t.as('organizer', 'POST', '/followups', noShow('meet', 'text'))
        ).json()) as FollowupDetail;
        expect(list.figures).toMatchObject({ eligible: 3, unreachable: 1 });
        const batch = (await (await t.as('maria', 'POST', `/followups/${list.followup.id}/batch`)).json()) as Batch;
        const contact = (name: string) => batch.contacts.find((c) => c.firstName.toLowerCase() === name)!;
        const text = (name: string, key: string, body?: string) =>
          t.as('maria', 'POST', `/contacts/${contact(name).id}/messages`, {
            idempotencyKey: key,
            ...(body ? { body } : {}),
          });

        expect((await text('ana', 'ana-text-1', 'Something else first')).status).toBe(422);
        expect((await text('ana', 'ana-text-1')).status).toBe(201);
        expect((await text('ana', 'ana-text-1')).status).toBe(200);
        expect(t.provider.texts).toHaveLength(1);
        expect(Object.fromEntries(t.provider.texts[0])).toMatchObject({
          To: '+14155550101',
          From: '+15005550006',
          Body: 'Hi Ana, this is Maria from Tenants Union. We missed you at Neighbours meeting. Can we count on you next time?',
          StatusCallback: `${t.site}/api/sms/status`,
        });
        expect(await Promise.all(t.provider.callbacks)).toEqual([204]);
        const inbound = `${t.site}/api/sms/inbound`;
        const from = (phone: string, body: string) =>
          signedPost(inbound, {
            From: phone,
            To: '+15005550006',
            Body: body,
            MessageSid: `SM${phone}`,
            AccountSid: 'AC',
          });
        expect((await signedPost(inbound, { From: '+14155550101', Body: 'hi' }, 'forged-token')).status).toBe(401);
        expect(await (await from('+14155550101', 'Yes, I can come next time')).text()).toContain(
          '<Response></Response>',
        );
        const held = (await (await t.as('maria', 'GET', `/followups/${list.followup.id}/batch`)).json()) as Batch;
        expect(held.contacts.find((c) => c.id === contact('ana').id)?.state).toBe('needs-reply');
        expect((await text('ana', 'ana-text-2')).status).toBe(422);
        expect((await text('ana', 'ana-text-2', 'Great, see you there!')).status).toBe(201);
        const messages = await (await t.as('maria', 'GET', `/contacts/${contact('ana').id}/messages`)).json();
        expect(messages).toMatchObject({
          messages: [
            { direction: 'out', status: 'delivered' },
            { direction: 'in', body: 'Yes, I can come next time' },
            { direction: 'out', body: 'Great, see you there!' },
          ],
        });

        // Ben replies STOP: Twilio confirms its own keyword (our answer is empty); Ben is never texted again.
        expect((await text('ben', 'ben-text-1')).status).toBe(201);
        expect(await (await from('+14155550102', 'STOP')).text()).toContain('<Response></Response>');
        const again = await text('ben', 'ben-text-2', 'Are you sure?');
        expect(again.status).toBe(409);
        expect(((await again.json()) as { error: { code: string } }).error.code).toBe('opted_out');
        // Cy writes in plain words: opted out at once, with one confirmation, ours.
        expect((await text('cy', 'cy-text-1')).status).toBe(201);
        expect(await (await from('+14155550103', 'Please take me off this list')).text()).toContain(
          '<Message>You will get no more texts from us. Thank you.</Message>',
        );
        expect((await text('cy', 'cy-text-2', 'Sorry!')).status).toBe(409);
        expect(t.provider.texts.map((f) => f.get('To'))).toEqual([
          '+14155550101',
          '+14155550101',
          '+14155550102',
          '+14155550103',
        ]);
        await Promise.all(t.provider.callbacks);
        const detail = (await (
          await t.as('organizer', 'GET', `/followups/${list.followup.id}`)
        ).json()) as FollowupDetail;
        expect(detail.figures).toMatchObject({ textsSent: 4, replied: 3, optedOut: 2, conversation: 1, closed: 2 });
        // A later texting list never has them.
        const later = (await (
          await t.as('organizer', 'POST', '/followups', noShow('meet', 'text'))
        ).json()) as FollowupDetail;
        expect(later.figures).toMatchObject({ eligible: 1, unreachable: 3 });
      } finally {
        await t.close();
      }
    },
    SLOW,
  );

  it(
    "refuses a text outside 09:00-21:00 in the contact's zone, in the caller's language; team lists are staff's",
    async () => {
      const t = await running(open, { timezone: DAY, extra: [meeting('late', NIGHT)] });
      try {
        await t.rsvp('late', 'ana@example.org', '+14155550101', { sms: true });
        const list = (await (
          await t.as('organizer', 'POST', '/followups', noShow('late', 'text'))
        ).json()) as FollowupDetail;
        const [ana] = ((await (await t.as('sam', 'POST', `/followups/${list.followup.id}/batch`)).json()) as Batch)
          .contacts;
        const res = await t.as(
          'sam',
          'POST',
          `/contacts/${ana.id}/messages`,
          { idempotencyKey: 'night-text-1' },
          { 'Accept-Language': 'es-MX,es;q=0.9' },
        );
        expect(res.status).toBe(409);
        const { error } = (await res.json()) as { error: { code: string; message: string } };
        expect(error).toEqual({
          code: 'outside_texting_hours',
          message: `Solo se envían mensajes entre las 9:00 y las 21:00 en la zona horaria de la persona (${NIGHT}).`,
        });
        expect(t.provider.texts).toEqual([]);
        // A reply may arrive at any hour.
        const inbound = await signedPost(`${t.site}/api/sms/inbound`, { From: '+14155550101', Body: 'hello?' });
        expect(inbound.status).toBe(200);

        const staffOnly = await t.as('organizer', 'POST', '/followups', {
          ...noShow('late', 'call'),
          assignees: 'team',
        });
        const { followup } = (await staffOnly.json()) as FollowupDetail;
        expect((await t.as('sam', 'POST', `/followups/${followup.id}/batch`)).status).toBe(403);
        expect((await t.as('host', 'GET', '/assignments')).status).toBe(403);
        const assignments = (await (await t.as('sam', 'GET', '/assignments')).json()) as {
          assignments: { id: string }[];
        };
        expect(assignments.assignments.map((a) => a.id)).toEqual([list.followup.id]);
        expect((await t.as('organizer', 'PATCH', `/followups/${list.followup.id}`, { closed: true })).status).toBe(200);
        expect((await t.as('sam', 'POST', `/followups/${list.followup.id}/batch`)).status).toBe(409);
      } finally {
        await t.close();
      }
    },
    SLOW,
  );
});
