/**
 * Letters to targets over real SMTP (smtp-server), each message parsed as a mail client would (mailparser) and its
 * DKIM signature verified (mailauth) against the public key a DNS TXT record would give.
 */
import { generateKeyPairSync } from 'node:crypto';
import { dkimVerify } from 'mailauth';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/app.ts';
import { catalogFrom } from '../../../functions/catalog.ts';
import { letterSecret, sendLetters } from '../../../functions/outbox/letters.ts';
import { openSqliteStore } from '../../../functions/store/sqlite.ts';
import { post, tempDb } from '../fixtures.ts';
import { confirmLetters, letterCampaign, SUGGESTION } from '../letter-fixtures.ts';
import { SITE } from './fixtures.ts';
import { smtpServer } from './servers.ts';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const DKIM = {
  domainName: 'campaign.example',
  keySelector: 'ladder',
  privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};
const TXT = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;

/** Tuesday 2026-12-08, 10:00 in Los Angeles (the campaign's time zone): inside the default window. */
const TUESDAY_10 = new Date('2026-12-08T18:00:00Z');
const hours = (date: Date, n: number) => new Date(date.getTime() + n * 3600_000);

const closing: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of closing.splice(0)) await thing.close();
});

async function setup(letter: Record<string, unknown> = {}, refuse?: string) {
  const smtp = await smtpServer({ refuse });
  const store = await openSqliteStore(tempDb());
  closing.push(smtp, store);
  const campaign = letterCampaign('council', letter);
  const catalog = catalogFrom([campaign]);
  const app = createApp({ store, catalog });
  const write = async (email: string, givenName: string, text?: string) => {
    const person = { givenName, familyName: 'Baker', email, postcode: '94110' };
    const res = await app.request(
      'http://localhost/api/campaigns/council/letters',
      post({ person, consent: { contact: false }, text }),
    );
    expect(res.status).toBe(202);
    await confirmLetters(store);
  };
  const config = { smtpUrl: smtp.url, siteUrl: SITE, secret: await letterSecret(store), dkim: DKIM };
  const send = (now: Date) => sendLetters(store, catalog, config, now);
  return { smtp, store, app, write, send };
}

const own = (n: number) =>
  `${SUGGESTION} I live on Mission Street with my two children and our ceiling fell in last winter (${n}).`;

describe('letters to targets', () => {
  it('sends each letter to each target: From the campaign with the supporter’s name, Reply-To them, signed', async () => {
    const { smtp, store, write, send } = await setup();
    await write('ella@example.org', 'Ella');
    expect(await send(TUESDAY_10)).toMatchObject({ sent: 2, digests: 0 });
    expect(smtp.mails).toHaveLength(2);
    const mail = smtp.mails.find((m) => m.to && 'text' in m.to && m.to.text === 'soto@city.example')!;
    expect(mail.from?.value[0]).toEqual({ name: 'Ella Baker', address: 'letters@campaign.example' });
    expect(mail.replyTo?.value[0]).toMatchObject({ address: 'ella@example.org' });
    expect(mail.subject).toBe('Repairs, Ana Soto');
    expect(mail.text).toContain('Dear Ana Soto, as Council member you decide the budget.');
    expect(mail.text).toContain('Ella Baker, 94110');
    expect(mail.messageId).toMatch(/^<[\w-]+\.ward-1@campaign\.example>$/);
    // The office's two choices, each a signed link.
    expect(mail.text).toMatch(
      /https:\/\/campaign\.example\/api\/letters\/choice\?a=soto%40city\.example&c=digest&s=[\w-]+/,
    );
    expect(mail.text).toMatch(/\/api\/letters\/choice\?a=soto%40city\.example&c=stop&s=[\w-]+/);
    const raw = smtp.raws[smtp.mails.indexOf(mail)];
    const verified = await dkimVerify(raw, {
      resolver: async (name: string, type: string) => {
        expect([name, type]).toEqual(['ladder._domainkey.campaign.example', 'TXT']);
        return [[TXT]];
      },
    });
    expect(verified.results[0].status.result).toBe('pass');
    const totals = await store.letterTotals('council');
    expect(totals.map((t) => [t.target, t.delivered, t.waiting])).toEqual([
      ['mayor', 1, 0],
      ['ward-1', 1, 0],
    ]);
    // Sent once: another run sends nothing again.
    expect(await send(hours(TUESDAY_10, 1))).toMatchObject({ sent: 0 });
  });

  it('keeps letters waiting outside the window and beyond the hourly cap, then sends them, none dropped', async () => {
    const { smtp, write, send, store } = await setup({
      sending: { from: 'letters@campaign.example', timezone: 'America/Los_Angeles', perHour: 2, digestShare: 2 },
    });
    for (const name of ['Ann', 'Bea', 'Cy']) await write(`${name.toLowerCase()}@example.org`, name, own(name.length));
    // Saturday in Los Angeles: nothing goes.
    expect(await send(new Date('2026-12-12T18:00:00Z'))).toMatchObject({ sent: 0 });
    // Tuesday 7:00 there, before the window.
    expect(await send(new Date('2026-12-08T15:00:00Z'))).toMatchObject({ sent: 0 });
    expect(await send(TUESDAY_10)).toMatchObject({ sent: 4 });
    const waiting = await store.letterTotals('council');
    expect(waiting.map((t) => [t.target, t.delivered, t.waiting])).toEqual([
      ['mayor', 2, 1],
      ['ward-1', 2, 1],
    ]);
    expect(await send(hours(TUESDAY_10, 1))).toMatchObject({ sent: 2 });
    expect(smtp.mails).toHaveLength(6);
  });

  it('sends one daily digest when most letters are the unedited suggestion, with each name and town', async () => {
    const { smtp, write, send, store } = await setup({
      sending: { from: 'letters@campaign.example', timezone: 'America/Los_Angeles', digestMin: 3 },
    });
    for (const name of ['Ann', 'Bea', 'Cy']) await write(`${name.toLowerCase()}@example.org`, name);
    await write('dee@example.org', 'Dee', own(1));
    expect(await send(TUESDAY_10)).toMatchObject({ sent: 0, digests: 2 });
    expect(smtp.mails).toHaveLength(2);
    const digest = smtp.mails.find((m) => m.to && 'text' in m.to && m.to.text === 'mayor@city.example')!;
    expect(digest.text).toContain('3 constituents sent the letter below; 1 wrote their own, below.');
    expect(digest.text).toContain('Ann Baker, 94110');
    expect(digest.text).toContain('ceiling fell in');
    expect(digest.replyTo).toBeUndefined();
    // One a day: a letter written later the same day waits for tomorrow's.
    await write('eve@example.org', 'Eve');
    expect(await send(hours(TUESDAY_10, 2))).toMatchObject({ sent: 0, digests: 0 });
    // Tomorrow it is one letter, not mostly copies any more: it goes on its own.
    expect(await send(hours(TUESDAY_10, 24))).toMatchObject({ sent: 2, digests: 0 });
    expect((await store.letterTotals('council'))[0]).toMatchObject({ delivered: 5, waiting: 0 });
  });

  it('follows the office’s choice from the signed link: a digest, or no more mail', async () => {
    const { smtp, app, write, send, store } = await setup();
    await write('ann@example.org', 'Ann', own(1));
    await send(TUESDAY_10);
    const link = (to: string, choice: string) => {
      const mail = smtp.mails.find((m) => m.to && 'text' in m.to && m.to.text === to)!;
      return new URL(new RegExp(`https://\\S+c=${choice}&s=[\\w-]+`).exec(mail.text!)![0]);
    };
    const stop = link('mayor@city.example', 'stop');
    const digest = link('soto@city.example', 'digest');
    // Opening the link (as a mail scanner would) shows a button and changes nothing.
    const page = await app.request(`http://localhost${stop.pathname}${stop.search}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post"');
    expect(html).toContain('<h1>Letters from constituents</h1>');
    expect((await store.letterTotals('council'))[0].choice).toBeNull();
    const forged = new URLSearchParams(stop.search);
    forged.set('a', 'soto@city.example');
    expect((await app.request('http://localhost/api/letters/choice', { method: 'POST', body: forged })).status).toBe(
      403,
    );
    for (const url of [stop, digest]) {
      const res = await app.request('http://localhost/api/letters/choice', { method: 'POST', body: url.searchParams });
      expect(res.status).toBe(200);
    }
    const totals = await store.letterTotals('council');
    expect(totals.map((t) => [t.target, t.choice])).toEqual([
      ['mayor', 'stop'],
      ['ward-1', 'digest'],
    ]);
    await write('bea@example.org', 'Bea', own(2));
    smtp.mails.length = 0;
    expect(await send(hours(TUESDAY_10, 24))).toMatchObject({ sent: 0, digests: 1, stopped: 1 });
    expect(smtp.mails.map((m) => m.to && 'text' in m.to && m.to.text)).toEqual(['soto@city.example']);
    // A digest of one letter of her own: said so, without the suggestion nobody sent.
    expect(smtp.mails[0].subject).toBe('Repairs, Ana Soto (1 letter)');
    expect(smtp.mails[0].text).toMatch(/^1 constituent wrote to you in their own words, below\./);
    expect(smtp.mails[0].text).not.toContain('sent the letter below');
  });

  it('records a refused address as a hard bounce for the organizer, and sends it nothing more', async () => {
    const { smtp, write, send, store } = await setup({}, 'soto@city.example');
    await write('ann@example.org', 'Ann');
    expect(await send(TUESDAY_10)).toMatchObject({ sent: 1, bounced: 1 });
    await write('bea@example.org', 'Bea');
    expect(await send(hours(TUESDAY_10, 1))).toMatchObject({ sent: 1, bounced: 1 });
    const totals = await store.letterTotals('council');
    expect(totals[1]).toMatchObject({ target: 'ward-1', delivered: 0, bounced: 2, waiting: 0 });
    expect(totals[1].bouncedAt).not.toBeNull();
    expect(smtp.mails).toHaveLength(2);
  });
});
