/**
 * Follow-ups (issue 12) on SQLite and PostgreSQL, over real HTTP: lists built from the ladder, leased batches,
 * exactly-once outcomes and do-not-call. Texts: followup-texts.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Batch, FollowupDetail } from '../../schema/followup.ts';
import { signature } from './fixtures.ts';
import { DAY, dialects, meeting, noShow, running, SLOW } from './followup-fixtures.ts';

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
      const t = await running(open, { timezone: DAY, extra: [meeting('meet', DAY), meeting('other', DAY)] });
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
        // p6 acts again (an RSVP to another meeting); the list is due to be rebuilt 30 s on. The first take claims
        // the rebuild and does not wait for it; the next take claims nothing and hands out the list as it stands.
        // Once the rebuild has run, p6 (not reached yet) has left the list.
        const before = (await t.store.followups.figures(followup.id)).eligible;
        await t.rsvp('other', 'p6@example.org', '+14155550206', { contact: true });
        const due = new Date(later.getTime() + 31_000);
        const started = await t.store.followups.take(followup.id, 'first-taker', due);
        expect(started?.rebuild).toBeInstanceOf(Promise);
        expect(await t.store.followups.take(followup.id, 'second-taker', due)).toBeNull();
        await started?.rebuild;
        expect((await t.store.followups.figures(followup.id)).eligible).toBe(before - 1);
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
});
