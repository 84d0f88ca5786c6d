/**
 * Letters to targets, delivered by the server per target address (not per campaign): only inside the target's
 * sending window (days and hours in its time zone), at most `perHour` an hour to one address, at most `brake`
 * messages a run in all; what does not go waits for a later run, never dropped. When most of an address's
 * waiting letters are the unedited suggestion (or the office asked for it), they go as one digest a day.
 *
 * Each message: `From:` the campaign's sending address with the supporter's name, `Reply-To:` the supporter (the
 * office answers them, not us), DKIM-signed when a key is configured, a stable `Message-ID` (a retry after a
 * crash between sending and marking is the same message to the receiver), and two signed links that let the
 * office choose "one daily digest" or "stop sending". A refused recipient (5xx) is a hard bounce: recorded on
 * the letter and the address, which gets nothing more. Run by `npm run dispatch` / the dispatcher's timer, on any
 * number of instances: a lease in the database lets one run at a time send.
 */
import type { Transporter } from 'nodemailer';
import type { Catalog } from '../catalog.ts';
import { fillLetter, type LetterTarget } from '../../schema/letter.ts';
import type { CampaignEntry } from '../../schema/campaign.ts';
import type { Store, WaitingLetter } from '../store/types.ts';
import { base64url, fromBase64url, macKey } from '../guard/token.ts';
import { smtpTransport } from './email.ts';
import { letterWords } from './letter-messages.ts';

type LetterCampaign = Extract<CampaignEntry, { kind: 'letter' }>;

export interface LetterMailConfig {
  smtpUrl: string;
  /** The site's public origin, for the offices' links. */
  siteUrl: string;
  /** Keys the offices' links (`letterSecret`). */
  secret: string;
  /** nodemailer's `dkim` option: the signing domain, selector and private key (PEM). */
  dkim?: { domainName: string; keySelector: string; privateKey: string };
  /** Messages a run may send in all, whatever the targets: the global brake. Default 200. */
  brake?: number;
  timeoutMs?: number;
  /** How long a run holds the sending lease before it must renew it (before each address). Default 10 minutes. */
  leaseMs?: number;
}

const LEASE = 'letters';
const LEASE_MS = 600_000;

export interface LetterRun {
  sent: number;
  digests: number;
  bounced: number;
  stopped: number;
}

const encoder = new TextEncoder();
const signed = (address: string, choice: string) => encoder.encode(`letter-choice\n${address}\n${choice}`);

/** The office's link for one choice at one address. */
export async function choiceLink(
  siteUrl: string,
  secret: string,
  address: string,
  choice: 'digest' | 'stop',
  lang: string,
) {
  const mac = await crypto.subtle.sign('HMAC', await macKey(secret), signed(address, choice));
  const query = new URLSearchParams({ a: address, c: choice, s: base64url(new Uint8Array(mac)), l: lang });
  return `${siteUrl}/api/letters/choice?${query}`;
}

/** Whether the link's signature is ours for this address and choice (constant-time). */
export async function verifyChoice(secret: string, address: string, choice: string, signature: string) {
  const mac = fromBase64url(signature);
  return !!mac && crypto.subtle.verify('HMAC', await macKey(secret), mac, signed(address, choice));
}

/** The secret of the offices' links: `LADDER_SECRET`'s place in the store, made once and kept there. */
export const letterSecret = (store: Store): Promise<string> =>
  store.guardSecret('letters', base64url(crypto.getRandomValues(new Uint8Array(32))));

/** Day of the week (1 Monday .. 7 Sunday), hour and calendar day at `now` in `timeZone`. */
function localTime(now: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: 'numeric',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1;
  return { day, hour: Number(parts.hour), date: `${parts.year}-${parts.month}-${parts.day}` };
}

export async function sendLetters(
  store: Store,
  catalog: Pick<Catalog, 'get' | 'targets'>,
  config: LetterMailConfig,
  now = new Date(),
): Promise<LetterRun> {
  const run: LetterRun = { sent: 0, digests: 0, bounced: 0, stopped: 0 };
  // One run at a time on the database, whatever the instances: another run reads the same waiting letters and
  // would send them again. The lease is renewed before each address and ends with the run; a crashed run's lease
  // runs out (the real clock's time, not `now`, which is the targets' time for their windows).
  const holder = crypto.randomUUID();
  const leaseMs = config.leaseMs ?? LEASE_MS;
  const held = () => store.takeLease(LEASE, holder, Date.now(), leaseMs);
  if (!(await held())) return run;
  let transport: Transporter | undefined;
  try {
    const waiting = await store.waitingLetters(10_000);
    if (!waiting.length) return run;
    transport = smtpTransport(config.smtpUrl, config.timeoutMs, config.dkim);
    let budget = config.brake ?? 200;
    // Per address and campaign: one office may be the target of several campaigns, each with its own letter.
    const groups = Map.groupBy(waiting, (letter) => `${letter.address}\n${letter.campaign}`);
    for (const letters of groups.values()) {
      if (budget <= 0 || !(await held())) break;
      const [first] = letters;
      const campaign = catalog.get(first.campaign);
      const target = catalog.targets(first.campaign)?.targets.find((t) => t.id === first.target);
      if (campaign?.kind !== 'letter' || !target) continue;
      const gone = letters.filter((l) => !l.letter);
      if (gone.length) await store.markLetters(gone, 'withdrawn', null, null, now);
      const live = letters.filter((l) => l.letter);
      if (first.choice === 'stop' || first.bounced) {
        await store.markLetters(live, first.bounced ? 'bounced' : 'stopped', null, null, now);
        if (first.bounced) run.bounced += live.length;
        else run.stopped += live.length;
        continue;
      }
      const { sending } = campaign.letter;
      const local = localTime(now, target.timezone ?? sending.timezone);
      const [from, until] = sending.hours;
      if (!sending.days.includes(local.day) || local.hour < from || local.hour >= until || !live.length) continue;
      const log = await store.letterLog(first.address, new Date(now.getTime() - 3600_000));
      const unedited = live.filter((l) => !l.edited).length;
      // A digest went today (in the target's own calendar): what came since waits for tomorrow's.
      const digestedToday =
        !!log.lastDigest &&
        localTime(new Date(log.lastDigest), target.timezone ?? sending.timezone).date === local.date;
      const digest =
        digestedToday ||
        first.choice === 'digest' ||
        (live.length >= sending.digestMin && unedited / live.length >= sending.digestShare);
      const mail = { transport: transport!, config, campaign, target, run, now, store };
      if (digest) {
        if (digestedToday) continue;
        budget -= 1;
        await sendDigest(mail, live);
      } else {
        for (const letter of live.slice(0, Math.max(0, Math.min(sending.perHour - log.recent, budget)))) {
          budget -= 1;
          if (!(await sendOne(mail, letter))) break;
        }
      }
    }
  } finally {
    transport?.close();
    await store.releaseLease(LEASE, holder);
  }
  return run;
}

interface Mail {
  transport: Transporter;
  config: LetterMailConfig;
  campaign: LetterCampaign;
  target: LetterTarget | Omit<LetterTarget, 'phones'>;
  run: LetterRun;
  now: Date;
  store: Store;
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1);

/** The footer every message to an office ends with: who sent it through what, and the office's two links. */
async function footer({ config, campaign }: Mail, address: string): Promise<string> {
  const words = letterWords(campaign.lang);
  const digest = await choiceLink(config.siteUrl, config.secret, address, 'digest', campaign.lang);
  const stop = await choiceLink(config.siteUrl, config.secret, address, 'stop', campaign.lang);
  return `\n\n-- \n${words.footer(campaign.title)}\n${words.digest}: ${digest}\n${words.stop}: ${stop}\n`;
}

/**
 * Sends one message carrying `letters` and marks them `status`; false when it did not go: a refused recipient
 * (5xx) marks them and the address bounced, anything else (4xx, no connection) leaves them waiting.
 */
async function deliver(
  { transport, store, now, run }: Mail,
  letters: WaitingLetter[],
  message: {
    from: { name: string; address: string };
    replyTo?: string;
    subject: string;
    text: string;
    messageId: string;
  },
  status: 'sent' | 'digested',
): Promise<boolean> {
  try {
    await transport.sendMail({ ...message, to: letters[0].address });
  } catch (error) {
    if (((error as { responseCode?: number }).responseCode ?? 0) < 500) return false;
    await store.markLetters(letters, 'bounced', message.messageId, null, now);
    await store.letterBounce(message.messageId, 'hard', (error as Error).message, now);
    run.bounced += letters.length;
    return false;
  }
  await store.markLetters(letters, status, message.messageId, null, now);
  if (status === 'sent') run.sent += letters.length;
  else run.digests += 1;
  return true;
}

/** One letter, from its writer. */
async function sendOne(mail: Mail, letter: WaitingLetter): Promise<boolean> {
  const { campaign, target } = mail;
  const { sending } = campaign.letter;
  const writer = letter.letter!;
  const name = `${writer.givenName} ${writer.familyName}`;
  const signature = `${[name, writer.postcode].filter(Boolean).join(', ')}\n${writer.email}`;
  return deliver(
    mail,
    [letter],
    {
      from: { name, address: sending.from },
      replyTo: writer.email,
      subject: fillLetter(writer.subject ?? campaign.letter.subject, target),
      text: `${fillLetter(writer.text ?? campaign.letter.text, target)}\n\n${signature}${await footer(mail, letter.address)}`,
      messageId: `<${letter.actionId}.${letter.target}@${domainOf(sending.from)}>`,
    },
    'sent',
  );
}

/** One message with every waiting letter: how many sent the suggestion (listed by name and town), then the others. */
async function sendDigest(mail: Mail, letters: WaitingLetter[]): Promise<void> {
  const { campaign, target, now } = mail;
  const { sending } = campaign.letter;
  const words = letterWords(campaign.lang);
  const sign = (l: WaitingLetter) =>
    [`${l.letter!.givenName} ${l.letter!.familyName}`, l.letter!.postcode].filter(Boolean).join(', ');
  const copies = letters.filter((l) => !l.edited);
  const own = letters.filter((l) => l.edited);
  // Only letters of their own (the office asked for digests): no suggestion that nobody sent.
  const text = [
    ...(copies.length
      ? [words.digestIntro(copies.length, own.length), '', fillLetter(campaign.letter.text, target), '']
      : [words.digestOwn(own.length)]),
    ...copies.map(sign),
    ...own.flatMap((l) => ['', '---', '', fillLetter(l.letter!.text ?? campaign.letter.text, target), '', sign(l)]),
  ].join('\n');
  const day = now.toISOString().slice(0, 10);
  await deliver(
    mail,
    letters,
    {
      from: { name: campaign.title, address: sending.from },
      subject: words.digestSubject(fillLetter(campaign.letter.subject, target), letters.length),
      text: `${text}${await footer(mail, letters[0].address)}`,
      messageId: `<digest.${day}.${letters[0].actionId}.${letters[0].target}@${domainOf(sending.from)}>`,
    },
    'digested',
  );
}

/**
 * The letters' mail from the environment: `LADDER_SMTP_URL` (the same server as the supporters' email),
 * `LADDER_SITE_URL` for the offices' links, `LADDER_DKIM_DOMAIN` + `LADDER_DKIM_SELECTOR` + `LADDER_DKIM_KEY` (the
 * PEM private key) to sign, `LADDER_LETTERS_BRAKE` (messages a run, 200). Null: no SMTP, letters wait.
 */
export async function lettersFromEnv(
  env: Record<string, string | undefined>,
  store: Store,
): Promise<LetterMailConfig | null> {
  if (!env.LADDER_SMTP_URL) return null;
  const { LADDER_DKIM_DOMAIN: domainName, LADDER_DKIM_SELECTOR: keySelector, LADDER_DKIM_KEY: privateKey } = env;
  if ((domainName || keySelector || privateKey) && !(domainName && keySelector && privateKey)) {
    throw new Error('set LADDER_DKIM_DOMAIN, LADDER_DKIM_SELECTOR and LADDER_DKIM_KEY together (or none)');
  }
  return {
    smtpUrl: env.LADDER_SMTP_URL,
    siteUrl: (env.LADDER_SITE_URL ?? `http://localhost:${env.PORT ?? 4321}`).replace(/\/+$/, ''),
    secret: await letterSecret(store),
    dkim: domainName && keySelector && privateKey ? { domainName, keySelector, privateKey } : undefined,
    brake: env.LADDER_LETTERS_BRAKE ? Number(env.LADDER_LETTERS_BRAKE) : undefined,
  };
}
