/**
 * What supporters send (inputs) and what they get back (results), for every ask.
 * The server validates with these; the widgets derive native constraints from `limits.ts`.
 */
import * as z from 'zod';
import { LETTER_LIMITS } from './letter.ts';
import { LIMITS } from './limits.ts';
import { HONEYPOT } from './errors.ts';
import { email, optionalLine, optionalText, postcode, requiredLine, typeError } from './text.ts';

/**
 * What every action's body carries for the abuse defenses (functions/guard/): optional here so that submissions
 * queued by an older widget still parse; the guard decides what a missing one means.
 */
export const guardFields = {
  /** The render token from `GET /api/campaigns/<slug>` (`token`). */
  token: z.string({ error: typeError }).max(200, 'too_long').optional(),
  /**
   * The honeypot: a field people never see or reach (off-screen, `aria-hidden`, `tabindex=-1`), named like
   * something form-filling bots fill and browsers do not autofill. Anything in it and the submission is a bot's.
   */
  [HONEYPOT]: z.string({ error: typeError }).max(2000, 'too_long').optional(),
  /** The CAPTCHA provider's answer, when the server asked for one (`captcha_required`). */
  captcha: z.string({ error: typeError }).max(4096, 'too_long').optional(),
  /** A random key the widget keeps in its browser: a confirmed double opt-in link vouches for this browser only. */
  device: z
    .string({ error: typeError })
    .regex(/^[0-9a-f]{32}$/, 'invalid')
    .optional(),
};

/** The person taking an action. Matched to an existing supporter by normalized email. */
export const Person = z.object(
  {
    givenName: requiredLine(LIMITS.name),
    familyName: requiredLine(LIMITS.name),
    email,
    postcode,
  },
  { error: typeError },
);

/** `POST /api/campaigns/<slug>/signatures` */
export const SignatureInput = z.object({
  person: Person,
  /** Why they sign, shown to organizers (and never rendered unescaped). */
  comment: optionalText(LIMITS.comment),
  consent: z.object(
    {
      /** Whether the supporter agreed to be contacted again. Signing never requires it. */
      contact: z.boolean({ error: typeError }),
    },
    { error: typeError },
  ),
  /** The referral code of the supporter who shared the link (`?ref=`). Unknown codes are ignored. */
  referrer: optionalLine(LIMITS.referrer),
  /** Where the supporter came from (`?source=`), e.g. `newsletter`. */
  source: optionalLine(LIMITS.source),
  ...guardFields,
});
export type SignatureInput = z.output<typeof SignatureInput>;

/** The campaign to ask for next. */
export interface NextAsk {
  slug: string;
  kind: string;
  title: string;
  /** The action page. */
  url: string;
}

/** The response to a signature: 201 when new, 200 when a duplicate or an idempotent replay. */
export interface SignatureResult extends ActionResult {
  signature: { id: string };
  /** The supporter's referral code, for the share link (absent while `pending`). */
  referralCode?: string;
  /** The action page with the referral code, to share. */
  shareUrl: string;
}

/**
 * How to reach a person for surveys and events: name and email; postcode and phone optional. The phone is
 * normalized to E.164 by the server (with the campaign's `region`), never by the widget.
 */
export const Contact = z.object(
  {
    givenName: requiredLine(LIMITS.name),
    familyName: requiredLine(LIMITS.name),
    email,
    postcode: postcode.optional(),
    phone: optionalLine(LIMITS.phone),
  },
  { error: typeError },
);
export type Contact = z.output<typeof Contact>;

const referral = {
  referrer: optionalLine(LIMITS.referrer),
  source: optionalLine(LIMITS.source),
  ...guardFields,
};

/**
 * `POST /api/campaigns/<slug>/responses`: a survey response. `answers` is checked against the campaign's questions
 * by the server (`checkAnswers` in survey.ts); its issues come back as `answers.<question id>`.
 */
export const ResponseInput = z.object({
  /** Left out only when the survey allows anonymous responses. */
  person: Contact.optional(),
  answers: z
    .record(
      z.string().max(64),
      z.union([z.string().max(LIMITS.answer), z.array(z.string().max(LIMITS.name)).max(50), z.number()]),
      { error: typeError },
    )
    .default({}),
  /** The values of the "Would you help?" options chosen. */
  help: z.array(z.string().max(64)).max(20).default([]),
  consent: z.object({ contact: z.boolean({ error: typeError }) }, { error: typeError }),
  /** Canvasser mode: who collected it, where, and when (it may reach us hours later). */
  canvass: z
    .object({
      canvasser: requiredLine(LIMITS.name),
      turf: optionalLine(LIMITS.name),
      collectedAt: z.iso.datetime({ offset: true, error: 'invalid' }),
    })
    .optional(),
  ...referral,
});
export type ResponseInput = z.output<typeof ResponseInput>;

/** `POST /api/campaigns/<slug>/responses/batch`: canvasser mode syncing, each response with its own key. */
export const ResponseBatch = z.object({
  responses: z
    .array(z.object({ key: z.string().regex(/^[\x21-\x7e]{1,128}$/, 'invalid'), response: z.unknown() }))
    .min(1, 'required')
    .max(LIMITS.batch, 'too_long'),
});

/** `POST /api/campaigns/<slug>/rsvps`. RSVPing again with the same email changes the RSVP. */
export const RsvpInput = z.object({
  person: Contact,
  guests: z.int({ error: typeError }).min(0, 'invalid').max(20, 'invalid').default(0),
  /** The shift's id, when the event has shifts. */
  shift: optionalLine(64),
  consent: z.object(
    {
      contact: z.boolean({ error: typeError }),
      /** Text messages (reminders), asked separately from email. */
      sms: z.boolean({ error: typeError }).default(false),
    },
    { error: typeError },
  ),
  ...referral,
});
export type RsvpInput = z.output<typeof RsvpInput>;

/** `PATCH /api/rsvps/<token>`: change guests or shift; `POST /api/rsvps/<token>/cancel` cancels. */
export const RsvpChange = z.object({
  guests: z.int({ error: typeError }).min(0, 'invalid').max(20, 'invalid').optional(),
  shift: optionalLine(64),
});

/** `POST /api/campaigns/<slug>/calls`: one call's outcome. */
export const CallInput = z.object({
  target: z.string({ error: typeError }).min(1, 'required').max(64, 'too_long'),
  outcome: z.enum(['contact', 'voicemail', 'unavailable', 'skipped'], { error: 'invalid' }),
  postcode,
  /** Optional: callers may stay anonymous. */
  person: z
    .object(
      { givenName: optionalLine(LIMITS.name), familyName: optionalLine(LIMITS.name), email },
      { error: typeError },
    )
    .optional(),
  consent: z.object({ contact: z.boolean({ error: typeError }) }, { error: typeError }).optional(),
  ...referral,
});
export type CallInput = z.output<typeof CallInput>;

/**
 * `POST /api/campaigns/<slug>/letters`: one letter to each of the supporter's targets (those of their postcode, in
 * `area` when it lies in several). `subject` and `text` are the supporter's version of the suggestion, with
 * `{target}` and `{title}` left in; without them, the suggestion goes as it is.
 */
export const LetterInput = z.object({
  person: Person,
  area: optionalLine(64),
  subject: optionalLine(LETTER_LIMITS.subject),
  text: optionalText(LETTER_LIMITS.letter),
  consent: z.object({ contact: z.boolean({ error: typeError }) }, { error: typeError }),
  ...referral,
});
export type LetterInput = z.output<typeof LetterInput>;

/**
 * Each target's way: `email`, delivered by the server (counted delivered only once it is); `form`, handed to the
 * supporter to paste into the official `contactForm` (or to send themselves to `mailto`, when an address is known).
 */
export interface LetterDelivery {
  target: string;
  name: string;
  via: 'email' | 'form';
  contactForm?: string;
}

export interface LetterResult extends ActionResult {
  letter: { id: string };
  deliveries: LetterDelivery[];
}

/** Every action's response carries these. */
export interface ActionResult {
  /** True when it was already recorded (same person): nothing was counted again. */
  duplicate: boolean;
  /** The campaign's count after this action. */
  count: number;
  /** The supporter's referral code and share link; absent for anonymous actions. */
  referralCode?: string;
  shareUrl?: string;
  nextAsk: NextAsk | null;
  /**
   * Double opt-in (202): stored, not counted until the supporter follows the link sent to their email. `count` is
   * the count before it, `nextAsk` null, `shareUrl` the campaign page (no referral code yet).
   */
  pending?: true;
}

export interface ResponseResult extends ActionResult {
  response: { id: string };
  /** The survey's public results page, when the campaign says `results: public`. */
  resultsUrl?: string;
}

export interface RsvpResult extends ActionResult {
  rsvp: {
    id: string;
    status: 'confirmed' | 'waitlisted' | 'cancelled';
    guests: number;
    shift: string | null;
    /** The private link to see, change or cancel this RSVP. */
    manageUrl: string;
  };
  /** Always false: RSVPing again with the same email changes nothing (the private link does). Kept for clients. */
  updated: boolean;
  /** The event's calendar file. */
  icsUrl: string;
  spotsLeft: number | null;
}

export interface CallResult extends ActionResult {
  call: { id: string };
  /** The campaign's calls by outcome. */
  outcomes: Record<string, number>;
}
