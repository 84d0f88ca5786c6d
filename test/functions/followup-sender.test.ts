/**
 * "The first message names the sender and the organization" (issue 12), on SQLite and PostgreSQL over real HTTP:
 * the name a team member goes by (set by an owner's invitation, or by the person on the volunteer page with
 * `PUT /api/auth/me`), else their email's local part; the organization from the configuration. Read where it
 * matters: the text the fake Twilio received.
 */
import { describe, expect, it } from 'vitest';
import type { Batch, FollowupDetail } from '../../schema/followup.ts';
import { ADMIN_TOKEN } from './fixtures.ts';
import { DAY, dialects, meeting, noShow, running, SLOW } from './followup-fixtures.ts';

describe.each(dialects)('the sender of follow-up texts on %s', (_name, open) => {
  it(
    'names the volunteer by the name they set, or the one an owner gave; bad names change nothing',
    async () => {
      const t = await running(open, { timezone: DAY, extra: [meeting('meet', DAY)] });
      try {
        await t.rsvp('meet', 'ana@example.org', '+14155550101', { sms: true });
        await t.rsvp('meet', 'ben@example.org', '+14155550102', { sms: true });
        const me = (who: string, method: string, body?: unknown) =>
          fetch(`${t.site}/api/auth/me`, {
            method,
            headers: {
              Origin: t.site,
              ...(who ? { Cookie: t.cookies[who] } : {}),
              ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          });

        // Maria names herself on the volunteer page; a name too long is refused and changes nothing.
        expect((await me('', 'PUT', { name: 'Nobody' })).status).toBe(401);
        const tooLong = await me('maria', 'PUT', { name: 'M'.repeat(81) });
        expect(tooLong.status).toBe(422);
        expect(await (await me('maria', 'GET')).json()).toMatchObject({ email: 'maria@team.example', name: null });
        const named = await me('maria', 'PUT', { name: '  María José ' });
        expect(named.status).toBe(200);
        expect(await named.json()).toMatchObject({ email: 'maria@team.example', name: 'María José' });
        // An owner gives Sam his name with the invitation (it changes his role to the same, and keeps his account).
        const invited = await fetch(`${t.site}/api/admin/team`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: 'sam@team.example', role: 'volunteer', name: 'Samuel Okafor' }),
        });
        expect(invited.status).toBe(201);
        expect(((await invited.json()) as { id: string }).id).toBe(t.ids.sam);
        // A later invitation without a name leaves the name as it was.
        await t.store.team.invite('sam@team.example', 'volunteer');
        expect((await t.store.team.account(t.ids.sam))?.name).toBe('Samuel Okafor');

        const list = (await (
          await t.as('organizer', 'POST', '/followups', noShow('meet', 'text', { batchSize: 1 }))
        ).json()) as FollowupDetail;
        for (const who of ['maria', 'sam']) {
          const [contact] = ((await (await t.as(who, 'POST', `/followups/${list.followup.id}/batch`)).json()) as Batch)
            .contacts;
          // The script the volunteer sees says it too.
          expect(contact.script).toContain(who === 'maria' ? 'this is María José from' : 'this is Samuel Okafor from');
          const sent = await t.as(who, 'POST', `/contacts/${contact.id}/messages`, { idempotencyKey: `first-${who}` });
          expect(sent.status).toBe(201);
        }
        expect(t.provider.texts.map((form) => form.get('Body'))).toEqual([
          expect.stringMatching(/^Hi (Ana|Ben), this is María José from Tenants Union\. We missed you/),
          expect.stringMatching(/^Hi (Ana|Ben), this is Samuel Okafor from Tenants Union\. We missed you/),
        ]);
      } finally {
        await t.close();
      }
    },
    SLOW,
  );
});
