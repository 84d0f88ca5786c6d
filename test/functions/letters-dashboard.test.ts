/**
 * The dashboard's "Letters by target" (`GET /api/admin/campaigns/<slug>/letters`), on SQLite and PostgreSQL, with
 * letters sent over real SMTP: each counter honest at each step (delivered; waiting for the window, then for the
 * hourly cap; bounced, at once or reported later; handed to the supporter; stopped by the office), each office's
 * digest/stop choice made by its signed link, and who may read the counters or report a bounce.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { catalogFrom } from '../../functions/catalog.ts';
import { choiceLink, letterSecret, sendLetters } from '../../functions/outbox/letters.ts';
import { ADMIN_TOKEN, post } from './fixtures.ts';
import { dialects } from './followup-fixtures.ts';
import { confirmLetters, letterCampaign, SUGGESTION } from './letter-fixtures.ts';
import { SITE } from './outbox/fixtures.ts';
import { smtpServer } from './outbox/servers.ts';

/** Saturday 2026-12-12, 10:00 in Los Angeles: outside the default window (Monday to Friday). */
const SATURDAY = new Date('2026-12-12T18:00:00Z');
/** Tuesday 2026-12-08, 10:00 and 11:00 in Los Angeles. */
const TUESDAY_10 = new Date('2026-12-08T18:00:00Z');
const TUESDAY_11 = new Date('2026-12-08T19:00:00Z');
const ADMIN = 'http://localhost/api/admin';

const own = (n: number) => `${SUGGESTION} Our stairwell light has been broken for ${n} months and my mother fell.`;

describe.each(dialects)('letters by target (%s)', (_name, open) => {
  it('counts what was delivered, what waits and why, bounces, handed letters and each office’s choice', async () => {
    const store = await open();
    const smtp = await smtpServer();
    try {
      // One letter an hour per address, never a digest: each waiting letter is one the cap holds back.
      const campaign = letterCampaign('council', {
        sending: { from: 'letters@campaign.example', timezone: 'America/Los_Angeles', perHour: 1, digestShare: 2 },
      });
      const catalog = catalogFrom([campaign]);
      const app = createApp({ store, catalog, adminToken: ADMIN_TOKEN });
      const config = { smtpUrl: smtp.url, siteUrl: SITE, secret: await letterSecret(store) };
      const write = async (givenName: string, postcode: string, area?: string) => {
        const person = { givenName, familyName: 'Baker', email: `${givenName.toLowerCase()}@example.org`, postcode };
        const res = await app.request(
          'http://localhost/api/campaigns/council/letters',
          post({ person, consent: { contact: false }, area, text: own(givenName.length) }),
        );
        expect(res.status).toBe(202);
      };
      const tokens = Object.fromEntries(
        await Promise.all(
          (['organizer', 'host', 'volunteer'] as const).map(async (role) => [
            role,
            (await store.team.createToken(`${role}@team.example`, role)).secret,
          ]),
        ),
      ) as Record<'organizer' | 'host' | 'volunteer', string>;
      const counters = async (token = tokens.organizer) => {
        const res = await app.request(`${ADMIN}/campaigns/council/letters`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        expect(res.status).toBe(200);
        const { targets } = (await res.json()) as { targets: Record<string, unknown>[] };
        return Object.fromEntries(
          targets.map(({ target, delivered, waiting, bounced, handed, stopped, choice }) => [
            target,
            { delivered, waiting, bounced, handed, stopped, choice },
          ]),
        );
      };
      const row = (delivered: number, waiting: number, more: Record<string, unknown> = {}) => ({
        delivered,
        waiting,
        bounced: 0,
        handed: 0,
        stopped: 0,
        choice: null,
        ...more,
      });

      await write('Ann', '94110');
      await write('Bea', '94110');
      await write('Cy', '94112', 'W-2');
      // Not confirmed yet: nothing is counted, nothing waits.
      expect(await counters()).toEqual({});
      await confirmLetters(store);
      // Saturday: outside the window, every emailed letter waits; Ben Ode's form was handed to Cy.
      expect(await sendLetters(store, catalog, config, SATURDAY)).toMatchObject({ sent: 0 });
      expect(await counters()).toEqual({
        mayor: row(0, 3),
        'ward-1': row(0, 2),
        'ward-2': row(0, 0, { handed: 1 }),
      });

      // Tuesday 10:00: one an hour per address; the rest waits for the cap, none dropped.
      expect(await sendLetters(store, catalog, config, TUESDAY_10)).toMatchObject({ sent: 2 });
      expect(await counters()).toEqual({
        mayor: row(1, 2),
        'ward-1': row(1, 1),
        'ward-2': row(0, 0, { handed: 1 }),
      });

      // The mayor's office asks for no more letters, Ana Soto's for one daily digest, each by its signed link.
      for (const [address, choice] of [
        ['mayor@city.example', 'stop'],
        ['soto@city.example', 'digest'],
      ] as const) {
        const link = new URL(await choiceLink(SITE, config.secret, address, choice, 'en'));
        const res = await app.request('http://localhost/api/letters/choice', {
          method: 'POST',
          body: link.searchParams,
        });
        expect(res.status).toBe(200);
      }
      expect(await sendLetters(store, catalog, config, TUESDAY_11)).toMatchObject({ digests: 1, stopped: 2 });
      expect(await counters()).toEqual({
        mayor: row(1, 0, { stopped: 2, choice: 'stop' }),
        'ward-1': row(2, 0, { choice: 'digest' }),
        'ward-2': row(0, 0, { handed: 1 }),
      });

      // A bounce the mail provider reports later, for Ana Soto's first letter: no longer counted delivered.
      const first = smtp.mails.find((m) => m.to && 'text' in m.to && m.to.text === 'soto@city.example')!;
      const bounce = (token: string) =>
        app.request(
          `${ADMIN}/letters/bounces`,
          post(
            { messageId: first.messageId, kind: 'hard', reason: '550 no such user' },
            {
              Authorization: `Bearer ${token}`,
            },
          ),
        );
      // Who may: organizers (and owners); hosts and volunteers are refused and change nothing; nobody: 401.
      for (const token of [tokens.host, tokens.volunteer]) {
        expect((await bounce(token)).status).toBe(403);
        const res = await app.request(`${ADMIN}/campaigns/council/letters`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        expect(res.status).toBe(403);
      }
      expect((await app.request(`${ADMIN}/campaigns/council/letters`)).status).toBe(401);
      expect(
        (await app.request(`${ADMIN}/letters/bounces`, post({ messageId: first.messageId, kind: 'hard' }))).status,
      ).toBe(401);
      expect((await counters())['ward-1']).toEqual(row(2, 0, { choice: 'digest' }));
      expect((await bounce(tokens.organizer)).status).toBe(200);
      const after = await counters(ADMIN_TOKEN);
      expect(after['ward-1']).toEqual(row(1, 0, { bounced: 1, choice: 'digest' }));
      const res = await app.request(`${ADMIN}/campaigns/council/letters`, {
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      const soto = ((await res.json()) as { targets: { target: string; bouncedAt: string | null }[] }).targets.find(
        (t) => t.target === 'ward-1',
      )!;
      expect(soto.bouncedAt).not.toBeNull();
    } finally {
      await smtp.close();
      await store.close();
    }
  }, 60_000);
});
