/** Sinks from the environment, backoff, Retry-After, and the webhook signature as a receiver checks it. */
import { describe, expect, it } from 'vitest';
import { backoff, FIRST_RETRY_MS, MAX_RETRY_MS } from '../../../functions/outbox/backoff.ts';
import { lettersWithoutEmail, sinksFromEnv } from '../../../functions/outbox/config.ts';
import { retryAfter } from '../../../functions/outbox/http.ts';
import { signatureHeader, verifySignature } from '../../../functions/outbox/webhook.ts';
import { catalog } from './fixtures.ts';

const SECRET = 'a-secret-of-16-chars';

describe('lettersWithoutEmail', () => {
  it('says which letter campaigns cannot send their letters without email, and nothing once email is set', () => {
    const campaigns = [
      { slug: 'write-council', kind: 'letter' },
      { slug: 'library', kind: 'petition' },
    ];
    expect(lettersWithoutEmail({}, campaigns)).toMatch(/^write-council: a letter leaves only once .*LADDER_SMTP_URL/);
    expect(lettersWithoutEmail({ LADDER_SMTP_URL: 'smtp://127.0.0.1:25' }, campaigns)).toMatch(/LADDER_MAIL_FROM/);
    const mail = { LADDER_SMTP_URL: 'smtp://127.0.0.1:25', LADDER_MAIL_FROM: 'hello@campaign.example' };
    expect(lettersWithoutEmail(mail, campaigns)).toBeNull();
    expect(lettersWithoutEmail({}, campaigns.slice(1))).toBeNull();
  });
});

describe('sinksFromEnv', () => {
  it('builds every configured sink under its stable name, and none when nothing is set', () => {
    expect(sinksFromEnv({}, catalog)).toEqual([]);
    const sinks = sinksFromEnv(
      {
        LADDER_WEBHOOKS: JSON.stringify([
          { url: 'https://crm.example/hooks', secrets: [SECRET], campaigns: ['library'] },
          { url: 'https://crm.example/other', secrets: [SECRET], name: 'webhook:crm-other', events: ['rsvp.*'] },
        ]),
        LADDER_ACTION_NETWORK: JSON.stringify({ apiKey: 'k', campaigns: { library: { petition: 'p' } } }),
        LADDER_SMTP_URL: 'smtp://127.0.0.1:2525',
        LADDER_MAIL_FROM: 'hello@campaign.example',
        LADDER_TWILIO: JSON.stringify({ accountSid: 'AC1', authToken: 't', from: '+15005550006' }),
        LADDER_SITE_URL: 'https://campaign.example',
      },
      catalog,
    );
    expect(sinks.map((sink) => sink.name)).toEqual([
      'webhook:crm.example',
      'webhook:crm-other',
      'action-network',
      'email',
      'sms',
    ]);
  });

  it('names the variable and the field when something is wrong', () => {
    const env = (value: string) => ({ LADDER_WEBHOOKS: value });
    expect(() => sinksFromEnv(env('[{'), catalog)).toThrow('LADDER_WEBHOOKS is not valid JSON');
    expect(() => sinksFromEnv(env('[{"url":"ftp://x","secrets":[]}]'), catalog)).toThrow(
      /LADDER_WEBHOOKS: 0\.url: must be an http\(s\) URL; 0\.secrets: give at least one secret/,
    );
    // Refused at start: a secret under 16 characters, and a Standard Webhooks secret whose key is not 16+ bytes.
    const secret = (value: string) => env(JSON.stringify([{ url: 'https://a.example', secrets: [value] }]));
    expect(() => sinksFromEnv(secret('fifteen-chars-x'), catalog)).toThrow(/0\.secrets\.0: .*at least 16 characters/);
    expect(() => sinksFromEnv(secret('whsec_not base64 at all!'), catalog)).toThrow(/0\.secrets\.0: .*whsec_/);
    expect(() => sinksFromEnv(secret(`whsec_${btoa('12 bytes key')}`), catalog)).toThrow(/0\.secrets\.0: .*16 bytes/);
    expect(sinksFromEnv(secret(`whsec_${btoa('a key of 24 bytes, fine.')}`), catalog)).toHaveLength(1);
    const twice = JSON.stringify([
      { url: 'https://a.example/1', secrets: [SECRET] },
      { url: 'https://a.example/2', secrets: [SECRET] },
    ]);
    expect(() => sinksFromEnv(env(twice), catalog)).toThrow(/two sinks are named webhook:a.example/);
    expect(() => sinksFromEnv({ LADDER_SMTP_URL: 'smtp://x' }, catalog)).toThrow(/LADDER_MAIL_FROM/);
    expect(() =>
      sinksFromEnv({ LADDER_ACTION_NETWORK: JSON.stringify({ apiKey: 'k', campaigns: {}, perSecond: 10 }) }, catalog),
    ).toThrow(/perSecond/);
  });
});

describe('links in messages', () => {
  const email = { LADDER_SMTP_URL: 'smtp://127.0.0.1:2525', LADDER_MAIL_FROM: 'hello@campaign.example' };
  const sms = { LADDER_TWILIO: JSON.stringify({ accountSid: 'AC1', authToken: 't', from: '+15005550006' }) };

  it('refuses email or texts without an absolute LADDER_SITE_URL, saying what to set', () => {
    for (const sink of [email, sms]) {
      for (const site of [undefined, '', '/', 'campaign.example', 'ftp://campaign.example']) {
        expect(() => sinksFromEnv({ ...sink, LADDER_SITE_URL: site, PORT: '4321' }, catalog)).toThrow(
          /LADDER_SITE_URL must be the campaign site's public address, like https:\/\/campaign\.example/,
        );
      }
      expect(sinksFromEnv({ ...sink, LADDER_SITE_URL: 'https://campaign.example/' }, catalog)).toHaveLength(1);
    }
    // Webhooks and Action Network carry no links: no site address needed.
    const hooks = JSON.stringify([{ url: 'https://crm.example/hooks', secrets: [SECRET] }]);
    expect(sinksFromEnv({ LADDER_WEBHOOKS: hooks }, catalog)).toHaveLength(1);
  });
});

describe('backoff', () => {
  it('doubles from about 30 s to at most 6 h, with jitter that never halves it', () => {
    expect(backoff(0, () => 0)).toBe(FIRST_RETRY_MS / 2);
    expect(backoff(0, () => 1)).toBe(FIRST_RETRY_MS);
    expect(backoff(1, () => 1)).toBe(2 * FIRST_RETRY_MS);
    expect(backoff(5, () => 1)).toBe(32 * FIRST_RETRY_MS);
    expect(backoff(20, () => 1)).toBe(MAX_RETRY_MS);
    expect(backoff(1000, () => 0.5)).toBe(MAX_RETRY_MS * 0.75);
    // Attempts over 3 days with the largest waits: at least a dozen, so a long outage is retried often enough.
    let elapsed = 0;
    let attempts = 0;
    while (elapsed < 3 * 24 * 3600_000) elapsed += backoff(attempts++, () => 1);
    expect(attempts).toBeGreaterThan(12);
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(retryAfter('120', now)).toBe(120_000);
    expect(retryAfter('Sat, 28 Nov 2026 12:01:00 GMT', now)).toBe(60_000);
    expect(retryAfter('soon', now)).toBeUndefined();
    expect(retryAfter(null, now)).toBeUndefined();
  });
});

describe('webhook signature', () => {
  it('is HMAC-SHA256 of "<t>.<body>", hex, one v1 per secret', async () => {
    const { createHmac } = await import('node:crypto');
    const body = '{"id":"e1"}';
    const header = signatureHeader([SECRET, 'another-secret-1234'], 1_800_000_000, body);
    const expected = createHmac('sha256', SECRET).update(`1800000000.${body}`).digest('hex');
    expect(header.split(',')).toEqual(['t=1800000000', `v1=${expected}`, expect.stringMatching(/^v1=[0-9a-f]{64}$/)]);
    expect(verifySignature(header, body, ['another-secret-1234'], { now: 1_800_000_100_000 })).toBe(true);
    expect(verifySignature(header, body, [SECRET], { now: 1_800_000_400_000 })).toBe(false);
    expect(verifySignature('v1=abc', body, [SECRET])).toBe(false);
    expect(verifySignature(null, body, [SECRET])).toBe(false);
  });
});
