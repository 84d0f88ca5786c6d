/**
 * What supporters send (inputs) and what they get back (results), for every ask.
 * The server validates with these; the widgets derive native constraints from `limits.ts`.
 */
import * as z from 'zod';
import { LIMITS } from './limits.ts';
import { email, optionalLine, optionalText, postcode, requiredLine, typeError } from './text.ts';

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
export interface SignatureResult {
  signature: { id: string };
  /** True when this email had already signed this petition: nothing was counted. */
  duplicate: boolean;
  /** The campaign's count after this signature. */
  count: number;
  /** The supporter's referral code, for the share link. */
  referralCode: string;
  /** The action page with the referral code, to share. */
  shareUrl: string;
  nextAsk: NextAsk | null;
}
