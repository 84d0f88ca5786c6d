/**
 * Follow-ups end to end (issue 12), on the built site, a real server, a fake Twilio speaking its wire format both
 * ways (the Messages resource out; signed inbound webhooks in), a webhook receiver for the outbox, and Chromium:
 * the organizer builds a "did not come" call list after an event and a text list; two volunteers take batches on
 * phone-sized screens; one calls (offline for part of it: the outcome waits on the phone and counts once) and
 * records outcomes, the other texts, gets a reply and a STOP. The list, the ladder, the timeline, the outbox and the
 * dashboard show it, and the person who opted out is never texted again. axe on every state.
 *
 * The text list is drawn by partner (the newsletter), not by the event: texting hours follow the event's zone for
 * an event's list, and a test must not pass or fail by the hour of the day; the server's own zone
 * (LADDER_TEXTING_TIMEZONE) is set to one where it is midday now.
 */
import type { Browser, Page } from 'playwright-core';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { FollowupDetail, FollowupList } from '../../schema/followup.ts';
import type { Funnel, SupporterRecord } from '../../schema/admin.ts';
import { fakeTwilio, json, listen, type TestServer } from '../functions/outbox/servers.ts';
import { axeViolations, freePort, launch, renderToken, type RunningServer, startServer } from './harness.ts';

const built = inject('built');
const EVENT = 'town-hall-meeting';
const OWNER = 'followups-owner-token-1234567';
const SID = 'AC00000000000000000000000000000001';
const AUTH = 'twilio-auth-token-of-the-e2e-test';
const FROM = '+15005550006';
const PHONE = { ada: '+12015550101', bea: '+12015550102', tom: '+12015550201', uma: '+12015550202' };
let texts: TestServer;
let hooks: TestServer;
let server: RunningServer;
let browser: Browser;
const tokens: Record<'caller' | 'texter', string> = { caller: '', texter: '' };

/** A zone where it is about midday now (Etc/GMT-3 is UTC+3). */
function middayZone(): string {
  const offset = 12 - new Date().getUTCHours();
  return offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

const admin = async <T>(path: string, body?: unknown, token = OWNER): Promise<T> => {
  const res = await fetch(`${server.url}/api/admin/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${path}: ${res.status}`).toBeLessThan(300);
  return (await res.json()) as T;
};

async function rsvp(
  givenName: string,
  phone: string | undefined,
  consent: { contact: boolean; sms: boolean },
  source?: string,
) {
  const res = await fetch(`${server.url}/api/campaigns/${EVENT}/rsvps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      person: { givenName, familyName: 'Test', email: `${givenName.toLowerCase()}@example.org`, phone },
      consent,
      ...(source ? { source } : {}),
      token: await renderToken(server.url, `/campaigns/${EVENT}/rsvps`),
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { rsvp: { id: string } }).rsvp.id;
}

/** A text to our number, as Twilio posts it: form-encoded and signed with the auth token. */
async function reply(from: string, body: string) {
  const url = `${server.url}/api/sms/inbound`;
  const params = {
    AccountSid: SID,
    From: from,
    To: FROM,
    Body: body,
    MessageSid: `SM${crypto.randomUUID().replace(/-/g, '')}`,
  };
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': twilio.getExpectedTwilioSignature(AUTH, url, params),
    },
    body: new URLSearchParams(params),
  });
  expect(res.status).toBe(200);
}

/** Texts since the RSVPs' own confirmations (`baseline`): the follow-up's, and the opt-out's confirmation. */
let baseline = 0;
const textsTo = (phone: string) =>
  texts.received
    .slice(baseline)
    .filter((r) => new URLSearchParams(r.body).get('To') === phone)
    .map((r) => new URLSearchParams(r.body).get('Body'));

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

beforeAll(async () => {
  texts = await fakeTwilio(SID, AUTH);
  hooks = await listen((_request, res) => json(res, 200, { ok: true }));
  const port = await freePort();
  server = await startServer(built, {
    PORT: String(port),
    LADDER_SITE_URL: `http://localhost:${port}`,
    LADDER_ADMIN_TOKEN: OWNER,
    LADDER_TWILIO: JSON.stringify({ accountSid: SID, authToken: AUTH, from: FROM, baseUrl: texts.url }),
    LADDER_WEBHOOKS: JSON.stringify([{ url: hooks.url, secrets: ['a-webhook-secret-of-the-e2e-test'] }]),
    LADDER_DISPATCH_INTERVAL: '250',
    LADDER_ORGANIZATION: 'Friends of Central Square',
    LADDER_TEXTING_TIMEZONE: middayZone(),
  });
  browser = await launch();
  // Did not come: Ada, Bea and Fay (calls), Cy (no phone: not reachable by calls); Eve came.
  await rsvp('Ada', PHONE.ada, { contact: true, sms: false });
  await rsvp('Bea', PHONE.bea, { contact: true, sms: false });
  await rsvp('Cy', undefined, { contact: true, sms: false });
  await rsvp('Fay', '+12015550106', { contact: true, sms: false });
  const eve = await rsvp('Eve', '+12015550105', { contact: true, sms: false });
  await admin(`rsvps/${eve}/check-in`, {});
  // From the newsletter, with consent to texts: Tom and Uma; Val without it (not reachable by texts).
  await rsvp('Tom', PHONE.tom, { contact: false, sms: true }, 'newsletter');
  await rsvp('Uma', PHONE.uma, { contact: false, sms: true }, 'newsletter');
  await rsvp('Val', '+12015550203', { contact: false, sms: false }, 'newsletter');
  // Tom and Uma agreed to texts: each RSVP's confirmation goes out by text first.
  await vi.waitFor(() => expect([PHONE.tom, PHONE.uma].map((p) => textsTo(p).length)).toEqual([1, 1]), {
    timeout: 15_000,
    interval: 100,
  });
  baseline = texts.received.length;
  for (const who of ['caller', 'texter'] as const) {
    tokens[who] = (
      await admin<{ token: string }>('tokens', { name: `${who}@volunteers.example`, role: 'volunteer' })
    ).token;
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await texts?.close();
  await hooks?.close();
});

async function signIn(page: Page, path: string, token: string) {
  await page.goto(`${server.url}${path}`);
  await page.locator('#admin-token').fill(token);
  await page.locator('#sign-in button[type=submit]').click();
}

const phone = () => browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

describe('follow-ups', () => {
  it('an organizer builds lists from the ladder; volunteers call (offline for a while) and text; opt-outs hold', async () => {
    // The organizer, from the dashboard to the follow-ups page.
    const organizer = await (await browser.newContext()).newPage();
    organizer.setDefaultTimeout(15_000);
    await signIn(organizer, '/organize/', OWNER);
    await organizer.locator('#dashboard').waitFor();
    await organizer.getByRole('link', { name: 'Follow-ups' }).click();
    await organizer.locator('#fu-create').waitFor();
    await expectNoAxeViolations(organizer);

    // A form sent empty: each missing field says so, and the first one has the focus.
    await organizer.getByRole('button', { name: 'Create the follow-up' }).click();
    await organizer.locator('#fu-name-error').filter({ hasText: 'Fill this in.' }).waitFor();
    expect(await organizer.evaluate(() => document.activeElement?.id)).toBe('fu-name');
    expect(await organizer.locator('#fu-name').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(organizer);

    await organizer.locator('#fu-name').fill('We missed you');
    await organizer.locator('#fu-rule').selectOption('no-show');
    await organizer.locator('#fu-campaign').selectOption(EVENT);
    await organizer
      .locator('#fu-script')
      .fill('Hi {firstName}, we missed you at {event}. This is {sender} from {organization}.');
    await organizer.locator('#fu-q-label-0').fill('Will you come next time?');
    await organizer.locator('#fu-q-options-0').fill('Yes = next-time\nNo');
    await organizer.locator('#fu-batch').fill('2');
    await organizer.getByRole('button', { name: 'Create the follow-up' }).click();
    await organizer.locator('.followup h3').filter({ hasText: 'We missed you' }).waitFor();

    await organizer.locator('#fu-name').fill('Newsletter: the next meeting');
    await organizer.locator('#fu-rule').selectOption('partner');
    await organizer.locator('#fu-partner').fill('newsletter');
    await organizer.getByLabel('Texts').check();
    await organizer.locator('#fu-script').fill('Hi {firstName}, this is {sender} from {organization}. Will you come?');
    await organizer.locator('#fu-replies').fill('Thanks: Thank you, see you there!');
    await organizer.getByRole('button', { name: 'Create the follow-up' }).click();
    await organizer.locator('.followup h3').filter({ hasText: 'Newsletter' }).waitFor();
    await expectNoAxeViolations(organizer);

    // From the listening results, an answer's link opens the form with its rule filled in ("Would you help?": help).
    await organizer.goto(`${server.url}/organize/followups/?campaign=what-the-square-needs&question=@help&value=yes`);
    await organizer.locator('#fu-create').waitFor();
    expect(await organizer.locator('#fu-rule').inputValue()).toBe('answer');
    expect(await organizer.locator('#fu-campaign').inputValue()).toBe('what-the-square-needs');
    expect(await organizer.locator('#fu-question').inputValue()).toBe('help');
    expect(await organizer.locator('#fu-value').inputValue()).toBe('yes');
    expect(await organizer.locator('#fu-question').isVisible()).toBe(true);

    const { followups } = await admin<FollowupList>('followups');
    const calls = followups.find((f) => f.channel === 'call')!;
    const sms = followups.find((f) => f.channel === 'text')!;
    // Cy has no phone; Tom, Uma and Val did not come either, and gave no consent to calls.
    expect(calls.figures).toMatchObject({ eligible: 3, unreachable: 4 });
    expect(sms.figures).toMatchObject({ eligible: 2, unreachable: 1 });
    await organizer
      .locator(`[data-followup="${calls.id}"] dl div`)
      .filter({ hasText: 'Not reachable by this channel' })
      .filter({ hasText: '4' })
      .waitFor();

    // The caller, on a phone: a batch of two; Ada's outcome is recorded with no connection and sent later.
    const callerContext = await phone();
    const caller = await callerContext.newPage();
    caller.setDefaultTimeout(15_000);
    await signIn(caller, '/volunteer/', tokens.caller);
    const callList = caller.locator(`[data-assignment="${calls.id}"]`);
    await callList.waitFor();
    await expectNoAxeViolations(caller);
    await callList.getByRole('button', { name: /Take a batch/ }).click();
    const ada = callList.locator('.contact').filter({ hasText: 'Ada' });
    await ada.waitFor();
    expect(await ada.getByRole('link', { name: 'Call Ada' }).getAttribute('href')).toBe(`tel:${PHONE.ada}`);
    expect(await ada.locator('.script').textContent()).toContain('Hi Ada, we missed you at Town hall on the fountain');
    expect(await callList.locator('.contact').count()).toBe(2);
    await expectNoAxeViolations(caller);

    await callerContext.setOffline(true);
    await ada.getByLabel('Talked').check();
    await ada.getByLabel('Will you come next time?').selectOption({ label: 'Yes' });
    await ada.getByLabel('Note').fill('Had a sick child; keen to help with flyers.');
    await ada.getByLabel('Tags').fill('flyers');
    await ada.getByLabel('Suggested next rung').selectOption('volunteer');
    await ada.getByRole('button', { name: 'Save Ada' }).click();
    await ada.getByText('Saved on this phone').waitFor();
    await caller.locator('#work-status').filter({ hasText: '1 saved on this phone' }).waitFor();
    await expectNoAxeViolations(caller);
    expect((await admin<FollowupDetail>(`followups/${calls.id}`)).figures.outcomes.talked).toBe(0);
    await callerContext.setOffline(false);
    await caller.locator('#work-status').filter({ hasText: 'Back online' }).waitFor();
    await expect
      .poll(async () => (await admin<FollowupDetail>(`followups/${calls.id}`)).figures.outcomes.talked)
      .toBe(1);

    const bea = callList.locator('.contact').filter({ hasText: 'Bea' });
    await bea.getByLabel('Do not call').check();
    await bea.getByRole('button', { name: 'Save Bea' }).click();
    await bea.getByText('Saved.').waitFor();
    await callList.getByText('Your batch is done').waitFor();
    await expectNoAxeViolations(caller);

    // The texter: the script with one click, a reply, a canned answer with one more; Uma's STOP ends it for her.
    const texterContext = await phone();
    const texter = await texterContext.newPage();
    texter.setDefaultTimeout(15_000);
    await signIn(texter, '/volunteer/', tokens.texter);
    const textList = texter.locator(`[data-assignment="${sms.id}"]`);
    await textList.getByRole('button', { name: /Take a batch/ }).click();
    const tom = textList.locator('.contact').filter({ hasText: 'Tom' });
    const uma = textList.locator('.contact').filter({ hasText: 'Uma' });
    await tom.getByRole('button', { name: 'Send the script Tom' }).click();
    await tom.locator('[data-state=messaged]').waitFor();
    expect(textsTo(PHONE.tom)).toEqual([expect.stringContaining('Friends of Central Square')]);
    // A key press sends too.
    await uma.getByRole('button', { name: 'Send the script Uma' }).focus();
    await texter.keyboard.press('Enter');
    await uma.locator('[data-state=messaged]').waitFor();
    await expectNoAxeViolations(texter);

    await reply(PHONE.tom, 'Yes! What time does it start?');
    await texter.getByRole('button', { name: 'Refresh' }).click();
    await tom.locator('[data-state=needs-reply]').waitFor();
    await tom.locator('.messages li').filter({ hasText: 'What time does it start?' }).waitFor();
    await expectNoAxeViolations(texter);
    await tom.getByRole('button', { name: 'Thanks' }).click();
    await tom.locator('.messages li').filter({ hasText: 'see you there' }).waitFor();
    await tom.locator('[data-state=conversation]').waitFor();
    expect(textsTo(PHONE.tom)).toHaveLength(2);
    await tom.getByRole('button', { name: 'Close Tom' }).click();
    await texter.locator('#work-status').filter({ hasText: 'Closed.' }).waitFor();

    await reply(PHONE.uma, 'STOP');
    // Twilio itself confirms an opt-out by one of its keywords: Ladder sends nothing more.
    await texter.getByRole('button', { name: 'Refresh' }).click();
    const umaContact = (
      await admin<{ contacts: { id: string; firstName: string }[] }>(
        `followups/${sms.id}/batch`,
        undefined,
        tokens.texter,
      )
    ).contacts.find((c) => c.firstName === 'Uma');
    if (umaContact) {
      const again = await fetch(`${server.url}/api/admin/contacts/${umaContact.id}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.texter}`, 'content-type': 'application/json' },
        body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), body: 'Are you sure?' }),
      });
      expect(again.status).toBeGreaterThanOrEqual(400);
    }
    // A new text list from the same rule: Uma is not on it, and nobody texts her again.
    const another = await admin<{ followup: { id: string } }>('followups', {
      name: 'Newsletter again',
      channel: 'text',
      rule: { kind: 'partner', partner: 'newsletter' },
      script: { text: 'Hi {firstName}, this is {sender}.', questions: [], replies: [] },
      assignees: 'volunteers',
    });
    const again = await admin<FollowupDetail>(`followups/${another.followup.id}`);
    expect(again.figures.unreachable).toBe(2);
    expect(textsTo(PHONE.uma)).toHaveLength(1);

    // What the organizer reads: the list's figures, per volunteer; the ladder and the timeline; the outbox.
    await organizer.getByRole('button', { name: 'Refresh' }).click();
    const callCard = organizer.locator(`[data-followup="${calls.id}"]`);
    await callCard.locator('tbody th').filter({ hasText: 'Caller' }).waitFor();
    const callFigures = (await admin<FollowupDetail>(`followups/${calls.id}`)).figures;
    expect(callFigures.outcomes).toMatchObject({ talked: 1, doNotCall: 1 });
    const textFigures = (await admin<FollowupDetail>(`followups/${sms.id}`)).figures;
    expect(textFigures).toMatchObject({ textsSent: 3, optedOut: 1 });
    expect(textFigures.replied).toBeGreaterThanOrEqual(1);
    await organizer.locator(`[data-followup="${sms.id}"] tbody th`).filter({ hasText: 'Texter' }).waitFor();
    await expectNoAxeViolations(organizer);

    const adaRecord = await admin<SupporterRecord>('supporters?email=ada@example.org');
    expect(adaRecord.tags).toEqual(expect.arrayContaining(['next-time', 'flyers']));
    expect(adaRecord.rung).toBe('volunteer');
    expect(adaRecord.timeline).toContainEqual(
      expect.objectContaining({ kind: 'followup', details: expect.objectContaining({ outcome: 'talked' }) }),
    );
    await expect
      .poll(() => hooks.received.filter((r) => r.body.includes('"followup.outcome"')).length, { timeout: 15_000 })
      .toBe(2);
    expect(
      hooks.received.find((r) => r.body.includes('"followup.outcome"') && r.body.includes('ada@example.org'))?.body,
    ).toContain('"outreach"');

    // The dashboard: Ada now stands on the volunteer rung, and the dashboard links the follow-ups.
    expect((await admin<Funnel>('funnel')).rungs.volunteer).toBe(1);
    await organizer.goto(`${server.url}/organize/`);
    await organizer.getByRole('link', { name: 'Follow-ups' }).waitFor();
    await callerContext.close();
    await texterContext.close();
  }, 300_000);

  it('takes more by hand; at sign-out, an outcome that cannot be sent is lost only if the volunteer says so', async () => {
    const context = await phone();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const waiting = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('ladder-followup-outcomes', 1);
            open.onupgradeneeded = () => open.result.createObjectStore('outcomes', { keyPath: 'key' });
            open.onsuccess = () => {
              const count = open.result.transaction('outcomes').objectStore('outcomes').count();
              count.onsuccess = () => resolve(count.result);
            };
          }),
      );
    await signIn(page, '/volunteer/', tokens.caller);
    const list = page.locator('.assignment').filter({ hasText: 'We missed you' });
    await list.getByRole('button', { name: /Take a batch|More/ }).click();
    const fay = list.locator('.contact').filter({ hasText: 'Fay' });
    await fay.waitFor();
    // The network fails for this request (a tunnel, a dead zone): the outcome stays on the phone.
    await page.route('**/api/admin/contacts/*/outcome', (route) => route.abort('internetdisconnected'));
    await fay.getByLabel('No answer').check();
    await fay.getByRole('button', { name: 'Save Fay' }).click();
    await fay.getByText('Saved on this phone').waitFor();
    expect(await waiting()).toBe(1);
    // Signing out tries it once more; still failing, the volunteer is asked first: "no" keeps it on the phone.
    const asked: string[] = [];
    page.once('dialog', (dialog) => (asked.push(dialog.message()), void dialog.dismiss()));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('Outcomes not sent yet: 1.');
    expect(await waiting()).toBe(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#admin-token').waitFor();
    expect(await waiting()).toBe(0);
    await context.close();
  });
});
