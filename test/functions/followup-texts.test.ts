/**
 * Follow-up texts (issue 12) on SQLite and PostgreSQL, over real HTTP with a fake Twilio speaking the real wire
 * format both ways: the script first, replies, delivery statuses, STOP and the other revocation words, texting hours.
 */
import { describe, expect, it } from 'vitest';
import type { Batch, FollowupDetail } from '../../schema/followup.ts';
import { DAY, dialects, meeting, NIGHT, noShow, running, signedPost, SLOW } from './followup-fixtures.ts';

describe.each(dialects)('follow-up texts on %s', (_name, open) => {
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
