/**
 * A campaign as organizers write it: the frontmatter of one Markdown file in `site/content/campaigns/`.
 * The file name is the slug (`save-the-library.md` -> `/act/save-the-library/`); the Markdown body is the
 * campaign's text (for a petition, the letter).
 *
 * Messages here are for organizers reading a failed build: each says what to write instead.
 */
import * as z from 'zod';
import { required, slug, strict } from './authoring.ts';
import { CallSection } from './call.ts';
import { EventSection, type PublicEvent } from './event.ts';
import { LetterSection, ownWordsNeeded } from './letter.ts';
import { LANGS } from './limits.ts';
import { type PublicSurvey, publicSurvey, SurveySection } from './survey.ts';

export { SLUG_PATTERN } from './authoring.ts';

/** `https://partner.example` (scheme, host and port; no path, no trailing slash), or `*` for any page. */
const partnerOrigin = z.string().refine((value) => {
  if (value === '*') return true;
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}, 'must be an origin like https://partner.example (no path, no trailing slash), or "*" to allow any page');

/** What the supporter agrees to when they tick the box: kept with every action, by version. */
const consent = strict(
  {
    /** The sentence beside the checkbox, e.g. "Keep me updated about this campaign by email." */
    text: required('write the sentence shown beside the consent checkbox'),
    /** Change it whenever the text changes, e.g. "2026-11-01"; each action records the version it was given. */
    version: required('give the consent text a version, e.g. version: "2026-11-01"'),
  },
  'add a consent: section with text: (the checkbox sentence) and version:',
);

/** Per-language overrides of any widget string, e.g. `strings: { es: { submit: "¡Firmo!" } }`. */
const strings = z.partialRecord(z.enum(LANGS), z.record(z.string(), z.string())).default({});

/** One line, or a list of lines: `allies: Parents' association` or `allies: [Parents' association, Library union]`. */
const lines = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
    error: 'write one line of text, or a list of lines (each starting with "- ")',
  })
  .transform((value) => (typeof value === 'string' ? [value] : value));

/**
 * The campaign's strategy chart (Midwest Academy): goals, organizational considerations, constituents and allies,
 * opponents, targets and tactics, with benchmarks to measure progress. Optional; shown on the action page.
 */
const strategy = strict({
  /** Long-term (the victory), intermediate (what winning this campaign means), short-term (steps that build power). */
  goals: strict({
    long: lines.optional(),
    intermediate: lines.optional(),
    short: lines.optional(),
  }).optional(),
  /** What the organization puts in (money, people, time) and what it wants to get out of the campaign. */
  considerations: lines.optional(),
  /** Who cares about the issue, what they gain, what they risk. */
  constituents: lines.optional(),
  allies: lines.optional(),
  /** Who loses if we win; what they will do. */
  opponents: lines.optional(),
  /** The people with the power to give us what we want (primary), and who has power over them (secondary). */
  targets: strict({
    primary: lines.optional(),
    secondary: lines.optional(),
  }).optional(),
  /** What constituents do to make the targets move. */
  tactics: lines.optional(),
  /** Milestones: internal (people recruited, calls made) or external (the change sought). */
  benchmarks: z
    .array(
      strict({
        label: z.string({ error: 'give the benchmark a label, like "People recruited"' }).min(1),
        target: z.number('must be a number, like 500').nonnegative('must be 0 or more'),
        kind: z.enum(['internal', 'external'], 'must be internal (our own strength) or external (the change sought)'),
        by: z.coerce.date('must be a date like 2027-03-01').optional(),
      }),
    )
    .default([]),
});

/** Fields every kind of campaign has. */
const base = strict({
  /** The headline. */
  title: required('give the campaign a title').max(200, 'keep the title under 200 characters'),
  /** One or two sentences for lists, link previews and the top of the widget. */
  summary: required('write a one-sentence summary').max(500, 'keep the summary under 500 characters'),
  /** The campaign's main language; widgets on its pages speak it unless `lang` says otherwise. */
  lang: z.enum(LANGS, `must be one of: ${LANGS.join(', ')}`).default('en'),
  /** The country most supporters are in (ISO code like US, ES): phone numbers without +code are read as its. */
  region: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code like US or ES')
    .transform((r) => r.toUpperCase())
    .optional(),
  /** `closed` keeps the page up but stops new actions. */
  status: z.enum(['open', 'closed'], 'must be open or closed').default('open'),
  /** The first goal. When the count passes it, the next step is shown (see schema/goal.ts). */
  goal: z.int('must be a whole number, like 1000').positive('must be above 0').optional(),
  /** When the campaign ends (YYYY-MM-DD). Shown to supporters; actions after it are still accepted. */
  deadline: z.coerce.date('must be a date like 2027-03-01').optional(),
  /** Partner pages allowed to embed this campaign's widgets, by origin. The campaign site itself is always allowed. */
  partners: z.array(partnerOrigin).default([]),
  /**
   * A coalition: partner organizations by name and the origin of their pages. Their pages are allowed like
   * `partners`, and the campaign shows each partner's share of the total.
   */
  coalition: z
    .array(
      strict({
        name: required('give the partner organization a name'),
        origin: partnerOrigin.refine((o) => o !== '*', 'a coalition partner needs its own origin'),
      }),
    )
    .default([]),
  /** Slugs of the campaigns to ask for next, in order. The first one the supporter has not done is offered. */
  nextAsks: z.array(slug).default([]),
  consent,
  /**
   * Double opt-in: a signature or survey response with an email counts once its email is confirmed by a link sent
   * to it (a supporter who confirmed once, for any campaign, is not asked again). Events and calls count at once.
   */
  doubleOptIn: z.boolean('must be true or false').default(false),
  /**
   * Days personal data is kept, counted from the deadline (an event's end, or its deadline if later) or, without one,
   * from each action. Then actions keep their place in the counts and lose the person. Default: LADDER_RETENTION_DAYS.
   */
  retentionDays: z.int('must be a whole number of days, like 365').positive('must be at least 1 day').optional(),
  strings,
  /** The strategy chart, shown on the action page (optional). */
  strategy: strategy.optional(),
});

/** A petition: a demand addressed to someone with power, signed by many. */
export const PetitionCampaign = base.extend({
  kind: z.literal('petition'),
  petition: strict(
    {
      /** Who the petition is addressed to, e.g. "Mayor Jane Doe and the City Council". */
      to: required('say who the petition is addressed to'),
      /** The demand in one sentence, shown above the form. */
      ask: required('write the demand in one sentence'),
    },
    'add a petition: section with to: and ask:',
  ),
});

/** A listening survey: questions across pages, ending with "Would you help?". */
export const SurveyCampaign = base.extend({
  kind: z.literal('survey'),
  survey: SurveySection,
  /** `public`: the aggregate results (no group under 5) at `/act/<slug>/results/`, linked from the thank-you view. */
  results: z.enum(['private', 'public'], 'must be private or public').default('private'),
});

/** An event to RSVP to, with capacity, waitlist and shifts. */
export const EventCampaign = base.extend({ kind: z.literal('event'), event: EventSection });

/** Call your representative: targets by postcode, a script, outcomes. */
export const CallCampaign = base.extend({ kind: z.literal('call'), call: CallSection });

/** Letters to the targets: delivered by the server per target, or handed to the supporter for a web form. */
export const LetterCampaign = base.extend({ kind: z.literal('letter'), letter: LetterSection });

export const KINDS = ['petition', 'survey', 'event', 'call', 'letter'] as const;

/** Every kind of campaign, told apart by `kind`. */
export const Campaign = z.discriminatedUnion(
  'kind',
  [PetitionCampaign, SurveyCampaign, EventCampaign, CallCampaign, LetterCampaign],
  { error: `kind must be one of: ${KINDS.join(', ')}` },
);

export type Campaign = z.output<typeof Campaign>;
export type CampaignKind = Campaign['kind'];
/** A campaign with the slug its file name gives it. */
export type CampaignEntry = Campaign & { slug: string };

/** What `GET /api/campaigns/<slug>` shows anyone: no partner list, nothing internal. */
export interface PublicCampaign {
  slug: string;
  kind: CampaignKind;
  title: string;
  summary: string;
  lang: (typeof LANGS)[number];
  status: 'open' | 'closed';
  goal: number | null;
  deadline: string | null;
  count: number;
  consent: { text: string; version: string };
  petition?: { to: string; ask: string };
  survey?: PublicSurvey;
  /** With places left; the site renders it at build time with `capacity` as `spotsLeft`. */
  event?: PublicEvent;
  call?: { script: string; outcomes: Record<string, number> };
  /** The suggested subject and letter (`{target}`, `{title}` to fill in) and how much it may be changed. */
  letter?: { subject: string; text: string; editing: 'none' | 'optional' | 'required'; ownWords: number };
  /** A coalition's partners and how many actions came through each one's pages. */
  coalition?: { name: string; count: number }[];
  strings: Partial<Record<(typeof LANGS)[number], Record<string, string>>>;
  /** The action page on the campaign site. */
  url: string;
  /** A survey's public results page, when `results: public`. */
  resultsUrl?: string;
}

/** Formats zod issues for an organizer: `file: field.path: message`, one per line. */
export function describeCampaignIssues(file: string, error: z.ZodError): string {
  return error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`).join('\n');
}

/** Live figures beyond the count: places taken per event and shift, calls per outcome. */
export interface CampaignFigures {
  /** Places taken (people, guests included): `''` for the whole event, else the shift id. */
  taken?: Record<string, number>;
  outcomes?: Record<string, number>;
  /** Actions per page origin (null: no Origin, as from a server). */
  shares?: { origin: string | null; count: number }[];
}

/** The public projection of a campaign, as the API serves it and the site renders it. */
export function toPublicCampaign(
  entry: CampaignEntry,
  count: number,
  siteOrigin = '',
  figures: CampaignFigures = {},
): PublicCampaign {
  return {
    slug: entry.slug,
    kind: entry.kind,
    title: entry.title,
    summary: entry.summary,
    lang: entry.lang,
    status: entry.status,
    goal: entry.goal ?? null,
    deadline: entry.deadline ? entry.deadline.toISOString().slice(0, 10) : null,
    count,
    consent: entry.consent,
    petition: entry.kind === 'petition' ? entry.petition : undefined,
    survey: entry.kind === 'survey' ? publicSurvey(entry.survey) : undefined,
    event: entry.kind === 'event' ? publicEvent(entry.event, figures.taken ?? {}) : undefined,
    call: entry.kind === 'call' ? { script: entry.call.script, outcomes: figures.outcomes ?? {} } : undefined,
    letter:
      entry.kind === 'letter'
        ? {
            subject: entry.letter.subject,
            text: entry.letter.text,
            editing: entry.letter.editing,
            ownWords: ownWordsNeeded(entry.letter.text),
          }
        : undefined,
    coalition: entry.coalition.length
      ? entry.coalition.map(({ name, origin }) => ({
          name,
          count: figures.shares?.find((share) => share.origin === origin)?.count ?? 0,
        }))
      : undefined,
    strings: entry.strings,
    url: `${siteOrigin}/act/${entry.slug}/`,
    resultsUrl:
      entry.kind === 'survey' && entry.results === 'public' ? `${siteOrigin}/act/${entry.slug}/results/` : undefined,
  };
}

/** Problems that only show across files: a `nextAsks` entry naming no campaign. As `slug: field: message`. */
export function crossCampaignIssues(entries: readonly CampaignEntry[]): { slug: string; message: string }[] {
  const slugs = new Set(entries.map((entry) => entry.slug));
  return entries.flatMap((entry) =>
    entry.nextAsks.flatMap((next, i) =>
      slugs.has(next) ? [] : [{ slug: entry.slug, message: `nextAsks.${i}: no campaign file is named ${next}.md` }],
    ),
  );
}

const left = (capacity: number | undefined, taken: number | undefined) =>
  capacity === undefined ? null : Math.max(capacity - (taken ?? 0), 0);

function publicEvent(event: EventSection, taken: Record<string, number>): PublicEvent {
  return {
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timezone: event.timezone,
    location: event.location,
    host: event.host,
    capacity: event.capacity ?? null,
    spotsLeft: left(event.capacity, taken['']),
    maxGuests: event.maxGuests,
    shifts: event.shifts.map((s) => ({
      id: s.id,
      label: s.label,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      capacity: s.capacity ?? null,
      spotsLeft: left(s.capacity, taken[s.id]),
    })),
  };
}
