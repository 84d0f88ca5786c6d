/**
 * The confirmation messages supporters receive (email and SMS): one small template per event type, plain text and
 * minimal HTML, in the campaign's language when there is a translation (English otherwise), and the three
 * contacts after an RSVP: confirm-or-cancel the day before, a reminder on the day, "did you come?" after.
 */
import type { CampaignEntry } from '../../schema/campaign.ts';
import type { Catalog } from '../catalog.ts';
import type { OutboxEvent } from '../store/types.ts';
import { ar, fr } from './messages-fr-ar.ts';
import { privacyWordsFor } from './privacy-messages.ts';
import { type DeliverContext, type EventPayload, payloadOf } from './sink.ts';

export type CatalogLike = Pick<Catalog, 'get' | 'targets'>;

export interface Message {
  subject: string;
  text: string;
  /** The same text as simple HTML, every value escaped. */
  html: string;
  /** A text message; absent where an SMS makes no sense. */
  sms?: string;
}

type EventCampaign = Extract<CampaignEntry, { kind: 'event' }>;

export interface Words {
  hello: (name: string) => string;
  signed: (title: string) => [subject: string, body: string];
  answered: (title: string) => [string, string];
  called: (title: string) => [string, string];
  going: (title: string) => [string, string];
  waitlisted: (title: string) => [string, string];
  when: string;
  where: string;
  guests: (n: number) => string;
  shift: string;
  page: string;
  manage: string;
  calendar: string;
  smsGoing: (title: string, when: string) => string;
  smsWaitlisted: (title: string) => string;
  /** The end of every text: they all go to people who asked for texts (functions/routes/sms.ts hears the STOP). */
  smsStop: string;
  offWaitlist: (title: string) => [string, string];
  smsOffWaitlist: (title: string, when: string) => string;
  cancelled: (title: string) => [string, string];
  dayBefore: (title: string) => [string, string];
  dayOf: (title: string) => [string, string];
  after: (title: string) => [string, string];
  checkIn: string;
  /** The same email RSVPed again: their own link, by email only (the request's answer never carries it). */
  again: (title: string) => [string, string];
}

const en: Words = {
  hello: (name) => (name ? `Hi ${name},` : 'Hi,'),
  signed: (t) => [`Thank you for signing: ${t}`, `Thank you for adding your name to "${t}".`],
  answered: (t) => [`Thank you for your answers: ${t}`, `Thank you for answering "${t}". We read every answer.`],
  called: (t) => [`Thank you for calling: ${t}`, `Thank you for making a call for "${t}".`],
  going: (t) => [`You're going: ${t}`, `You're confirmed for "${t}". See you there!`],
  waitlisted: (t) => [
    `You're on the waitlist: ${t}`,
    `"${t}" is full, so you're on the waitlist. We'll write as soon as a place frees up.`,
  ],
  when: 'When',
  where: 'Where',
  guests: (n) => (n === 1 ? 'You are bringing 1 guest.' : `You are bringing ${n} guests.`),
  shift: 'Shift',
  page: 'Campaign page',
  manage: 'Change or cancel your RSVP',
  calendar: 'The calendar file (.ics) is attached.',
  smsGoing: (t, when) => `You're going: ${t}, ${when}.`,
  smsWaitlisted: (t) => `You're on the waitlist for ${t}. We'll text you if a place frees up.`,
  smsStop: 'Reply STOP to opt out.',
  offWaitlist: (t) => [`A place opened up: ${t}`, `Good news: a place opened up and you're now confirmed for "${t}".`],
  smsOffWaitlist: (t, when) => `A place opened up: ${t}, ${when}.`,
  cancelled: (t) => [`RSVP cancelled: ${t}`, `Your RSVP for "${t}" is cancelled. You can RSVP again any time.`],
  dayBefore: (t) => [
    `Tomorrow: ${t}. Still coming?`,
    `"${t}" is tomorrow. Are you still coming? If your plans changed, cancel below so someone on the waitlist gets your place.`,
  ],
  dayOf: (t) => [`Today: ${t}`, `"${t}" is today. See you there!`],
  after: (t) => [
    `Did you make it to ${t}?`,
    `Thank you for being part of "${t}". Did you come? Tell us with one tap below.`,
  ],
  checkIn: 'Yes, I came',
  again: (t) => [
    `Your RSVP: ${t}`,
    `Someone, maybe you, RSVPed again to "${t}" with this email address. Your RSVP has not changed: your own link below shows it and lets you change it, cancel it or RSVP again.`,
  ],
};

const es: Words = {
  hello: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
  signed: (t) => [`Gracias por firmar: ${t}`, `Gracias por añadir tu nombre a «${t}».`],
  answered: (t) => [`Gracias por tus respuestas: ${t}`, `Gracias por responder «${t}». Leemos todas las respuestas.`],
  called: (t) => [`Gracias por llamar: ${t}`, `Gracias por hacer una llamada por «${t}».`],
  going: (t) => [`Vas a ir: ${t}`, `Tu asistencia a «${t}» está confirmada. ¡Nos vemos allí!`],
  waitlisted: (t) => [
    `Estás en la lista de espera: ${t}`,
    `«${t}» está completo, así que estás en la lista de espera. Te escribiremos en cuanto se libere una plaza.`,
  ],
  when: 'Cuándo',
  where: 'Dónde',
  guests: (n) => (n === 1 ? 'Vienes con 1 acompañante.' : `Vienes con ${n} acompañantes.`),
  shift: 'Horario',
  page: 'Página de la campaña',
  manage: 'Cambiar o cancelar tu confirmación',
  calendar: 'Adjuntamos el archivo de calendario (.ics).',
  smsGoing: (t, when) => `Vas a ir: ${t}, ${when}.`,
  smsWaitlisted: (t) => `Estás en la lista de espera de ${t}. Te escribiremos si se libera una plaza.`,
  smsStop: 'Responde STOP para darte de baja.',
  offWaitlist: (t) => [
    `Se liberó una plaza: ${t}`,
    `Buenas noticias: se liberó una plaza y tu asistencia a «${t}» está confirmada.`,
  ],
  smsOffWaitlist: (t, when) => `Se liberó una plaza: ${t}, ${when}.`,
  cancelled: (t) => [
    `Confirmación cancelada: ${t}`,
    `Tu confirmación para «${t}» está cancelada. Puedes volver a confirmar cuando quieras.`,
  ],
  dayBefore: (t) => [
    `Mañana: ${t}. ¿Sigues viniendo?`,
    `«${t}» es mañana. ¿Sigues viniendo? Si cambiaron tus planes, cancela abajo para que alguien de la lista de espera ocupe tu plaza.`,
  ],
  dayOf: (t) => [`Hoy: ${t}`, `«${t}» es hoy. ¡Nos vemos allí!`],
  after: (t) => [
    `¿Pudiste venir a ${t}?`,
    `Gracias por ser parte de «${t}». ¿Viniste? Cuéntanoslo con un toque abajo.`,
  ],
  checkIn: 'Sí, fui',
  again: (t) => [
    `Tu confirmación: ${t}`,
    `Alguien, quizá tú, volvió a confirmar su asistencia a «${t}» con esta dirección de correo. Tu confirmación no ha cambiado: tu propio enlace de abajo la muestra y te permite cambiarla, cancelarla o volver a confirmar.`,
  ],
};

const WORDS: Record<string, Words> = { en, es, fr, ar };

export const wordsFor = (lang: string): { lang: string; words: Words } =>
  WORDS[lang] ? { lang, words: WORDS[lang] } : { lang: 'en', words: en };

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The start time as people at the event read it, e.g. "Thursday, February 18, 2099 at 6:30 PM CST". */
export function eventTime(campaign: EventCampaign, lang: string, iso = campaign.event.startsAt): string {
  return new Intl.DateTimeFormat(lang, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: campaign.event.timezone,
  })
    .format(new Date(iso))
    .concat(` (${campaign.event.timezone})`);
}

/** Lines of text; a `[label, url]` pair is a link. */
export type Line = string | [label: string, url: string];

export function render(subject: string, lines: Line[]): Omit<Message, 'sms'> {
  const text = lines.map((line) => (typeof line === 'string' ? line : `${line[0]}: ${line[1]}`)).join('\n\n');
  const html = lines
    .map((line) =>
      typeof line === 'string'
        ? `<p>${escapeHtml(line).replace(/\n/g, '<br>')}</p>`
        : `<p><a href="${escapeHtml(line[1])}">${escapeHtml(line[0])}</a></p>`,
    )
    .join('\n');
  return { subject, text: `${text}\n`, html: `<!doctype html>\n<meta charset="utf-8">\n${html}\n` };
}

/** The RSVP messages that carry the manage link. */
const MANAGED = new Set(['rsvp.created', 'rsvp.updated', 'rsvp.confirmed', 'rsvp.reminder', 'rsvp.link']);

/**
 * The manage link's token for a message about an RSVP, minted as it is sent (the store keeps only its hash, and no
 * event carries one): every sink that writes the link to a person gets it here. Undefined for other messages.
 */
export async function manageTokenFor(
  event: OutboxEvent,
  mint: DeliverContext['manageToken'],
): Promise<string | undefined> {
  const { rsvpId } = payloadOf(event);
  if (!MANAGED.has(event.type) || !rsvpId || !mint) return undefined;
  return (await mint(rsvpId)) ?? undefined;
}

/**
 * The confirmation for an event, or null when this event type has none (or lacks what it needs: the campaign,
 * a person). `siteUrl` is the campaign site's public origin, for links; `manageToken` from `manageTokenFor`.
 * `unsubscribe`: the token of the supporter's unsubscribe link, for a message sent on their consent (it then ends
 * with the link to the page that withdraws it).
 */
export function confirmation(
  event: OutboxEvent,
  campaign: CampaignEntry | undefined,
  siteUrl: string,
  manageToken?: string,
  unsubscribe?: string,
): Message | null {
  const payload = event.payload as EventPayload;
  if (!campaign || !payload?.person?.email) return null;
  const { lang, words } = wordsFor(campaign.lang);
  const page: Line = [words.page, `${siteUrl}/act/${campaign.slug}/`];
  const hello = words.hello(payload.person.givenName ?? '');
  const own = privacyWordsFor(campaign.lang);
  // The page in the campaign's language, as the other privacy pages: /unsubscribe/, /unsubscribe/fr/ (site/pages/).
  const stop: Line[] = unsubscribe
    ? [
        own.words.unsubscribe[0],
        [
          own.words.unsubscribe[1],
          `${siteUrl}/unsubscribe/${own.lang === 'en' ? '' : `${own.lang}/`}?t=${unsubscribe}`,
        ],
      ]
    : [];
  const simple = (pair: [string, string]) => render(pair[0], [hello, pair[1], page, ...stop]);
  switch (event.type) {
    case 'signature.created':
      return simple(words.signed(campaign.title));
    case 'response.created':
      return simple(words.answered(campaign.title));
    case 'call.created':
      return simple(words.called(campaign.title));
    case 'confirmation.requested':
    case 'access.requested': {
      // The supporter's own request: their link, in the campaign's language (fr and ar included).
      const own = privacyWordsFor(campaign.lang);
      const { token, action } = payload as { token?: string; action?: string };
      const [subject, body, label] =
        event.type === 'access.requested' ? own.words.access : own.words.confirm(campaign.title, action ?? '');
      // The page in the campaign's language: /confirm/ in English, /confirm/fr/ in French (site/pages/confirm/).
      const page = `${event.type === 'access.requested' ? 'data' : 'confirm'}/${own.lang === 'en' ? '' : `${own.lang}/`}`;
      const link: Line = [label, `${siteUrl}/${page}?t=${token}`];
      return render(subject, [hello, body, link, own.words.notYou]);
    }
    case 'rsvp.link': {
      if (!manageToken) return null;
      const [subject, body] = words.again(campaign.title);
      const manage: Line = [words.manage, `${siteUrl}/rsvp/?t=${manageToken}`];
      return render(subject, [hello, body, manage, page, privacyWordsFor(lang).words.notYou]);
    }
    case 'rsvp.cancelled': {
      const [subject, body] = words.cancelled(campaign.title);
      return render(subject, [hello, body, page]);
    }
    case 'rsvp.reminder':
    case 'rsvp.created':
    case 'rsvp.updated':
    case 'rsvp.confirmed': {
      if (campaign.kind !== 'event') return null;
      if (event.type !== 'rsvp.reminder' && payload.status !== 'confirmed' && payload.status !== 'waitlisted')
        return null;
      const { event: details } = campaign;
      const shift = details.shifts.find((s) => s.id === payload.shift);
      const when = eventTime(campaign, lang, shift?.startsAt);
      const place = [details.location.name, details.location.address].filter(Boolean).join(', ');
      const reminder = event.type === 'rsvp.reminder' ? payload.kind : undefined;
      const going = reminder !== undefined || payload.status === 'confirmed';
      const manage = manageToken ? `${siteUrl}/rsvp/?t=${manageToken}` : undefined;
      const [subject, intro] = reminder
        ? { day_before: words.dayBefore, day_of: words.dayOf, after: words.after }[reminder](campaign.title)
        : event.type === 'rsvp.confirmed'
          ? words.offWaitlist(campaign.title)
          : (going ? words.going : words.waitlisted)(campaign.title);
      if (reminder === 'after') {
        return {
          ...render(subject, [hello, intro, ...(manage ? [[words.checkIn, manage] as Line] : []), page]),
          sms: undefined,
        };
      }
      const lines: Line[] = [
        hello,
        intro,
        `${words.when}: ${when}${shift ? `\n${words.shift}: ${shift.label ?? shift.id}` : ''}` +
          (place ? `\n${words.where}: ${place}` : ''),
        ...(details.location.online ? [[words.where, details.location.online] as Line] : []),
        ...(payload.guests ? [words.guests(payload.guests)] : []),
        page,
        ...(manage ? [[words.manage, manage] as Line] : []),
        ...(going && !reminder ? [words.calendar] : []),
      ];
      const sms = reminder
        ? `${subject}.`
        : event.type === 'rsvp.confirmed'
          ? words.smsOffWaitlist(campaign.title, when)
          : going
            ? words.smsGoing(campaign.title, when)
            : words.smsWaitlisted(campaign.title);
      // Plain spaces: ICU puts a narrow no-break space before "PM", and one character outside GSM-7 makes the
      // whole text UCS-2, 70 characters a part instead of 160.
      const text = `${sms} ${siteUrl}/act/${campaign.slug}/ ${words.smsStop}`.replace(/[\u00a0\u202f]/g, ' ');
      return { ...render(subject, lines), sms: text };
    }
    default:
      return null;
  }
}
