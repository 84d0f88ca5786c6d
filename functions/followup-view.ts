/**
 * A contact as a worker sees it (schema/followup.ts `FollowupContact`): first name, what they did in one line, the
 * script filled in, the phone, the state and a suggested next rung. Nothing else of the person.
 */
import { RUNGS, isRung } from '../schema/funnel.ts';
import type { Followup, FollowupContact, FollowupMessage } from '../schema/followup.ts';
import type { Lang } from '../schema/limits.ts';
import type { Catalog } from './catalog.ts';
import { MESSAGES } from './followup-text.ts';
import type { ContactRow } from './store/followup-store.ts';

/**
 * What the first text and the script call a worker who gave no name (the name they go by wins: team.ts): the part
 * of their email before the @, as a name, or an API token's name.
 */
export function senderName(label: string): string {
  const local = label
    .replace(/^token:/, '')
    .split('@')[0]
    .replace(/[._\-+\d]+/g, ' ')
    .trim();
  return local ? local.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase()) : label;
}

export interface ViewContext {
  catalog: Catalog;
  /** The worker's name, for `{sender}`. */
  sender: string;
  organization: string;
  lang: Lang;
}

export function fillScript(text: string, values: Record<string, string>): string {
  return text.replace(/\{(firstName|event|sender|organization)\}/g, (_, name: string) => values[name] ?? '');
}

/** The event a list is about: its rule's campaign's title. */
export const eventOf = (followup: Followup, catalog: Catalog) =>
  followup.rule.campaign ? (catalog.get(followup.rule.campaign)?.title ?? followup.rule.campaign) : '';

/** The person's last few actions, newest first, in one line: "RSVP'd to Tenants meeting · signed Library". */
function summaryOf(row: ContactRow, { catalog, lang }: ViewContext): string {
  const verbs = MESSAGES[lang].verbs;
  return row.recent
    .slice(0, 3)
    .map((action) => {
      const verb = action.kind === 'rsvp' && action.attended ? verbs.attended : (verbs[action.kind] ?? action.kind);
      return `${verb} ${catalog.get(action.campaign)?.title ?? action.campaign}`;
    })
    .join(' · ');
}

export function contactView(
  row: ContactRow,
  followup: Followup,
  context: ViewContext,
  messages?: FollowupMessage[],
): FollowupContact {
  const rung = isRung(row.rung) ? row.rung : 'contact';
  return {
    id: row.id,
    firstName: row.firstName,
    summary: summaryOf(row, context),
    script: fillScript(followup.script.text, {
      firstName: row.firstName,
      event: eventOf(followup, context.catalog),
      sender: context.sender,
      organization: context.organization,
    }),
    phone: row.phone,
    state: row.state,
    suggestedRung: RUNGS[Math.min(RUNGS.indexOf(rung) + 1, RUNGS.length - 1)],
    leaseEndsAt: row.leaseUntil ?? '',
    ...(messages ? { messages } : {}),
  };
}
