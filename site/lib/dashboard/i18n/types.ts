/**
 * Everything the organizer pages say, in one typed dictionary per language (site/lib/dashboard/i18n/<lang>.ts):
 * the dashboard page's headings (read at build time) and what its script writes (charts, their screen-reader
 * summaries, errors). Sentences with numbers are functions that receive the numbers already formatted for the
 * language, so word order and plurals stay the translator's choice.
 */
import type { Rung } from '../../../../schema/funnel.ts';

export interface SectionText {
  title: string;
  /** What the section answers, in an organizer's words. */
  intro: string;
}

export interface DashboardStrings {
  /** Between items of a list in a sentence: ", " (Arabic "، "). */
  comma: string;
  /** Between clauses of a summary: "; " (Arabic "؛ "). */
  listSeparator: string;
  /** The page's `<title>` and `<h1>`. */
  title: string;
  description: string;
  noscript: string;
  dashboard: string;
  refresh: string;
  signOut: string;
  sectionsNav: string;
  sections: Record<
    'ladder' | 'campaigns' | 'partners' | 'events' | 'calls' | 'letters' | 'recruiters' | 'delivery' | 'people',
    SectionText
  >;

  signIn: {
    /** "Sign in to the dashboard", where `opens` names the page. */
    title: (opens: string) => string;
    /** The dashboard, as `title` names it. */
    dashboard: string;
    /** Around the variable's name: "Paste the admin token: the value of", "on the server. It stays…". */
    help: [string, string];
    label: string;
    button: string;
    checking: string;
    pasteFirst: string;
    savedTokenGone: string;
  };

  api: {
    unauthorized: string;
    notFound: string;
    tooMany: string;
    status: (status: number) => string;
    offline: string;
  };

  loading: string;
  updatedAt: (time: string) => string;
  couldNotShow: (reason: string) => string;
  downloadCsv: string;
  /** Read after "Download the CSV" by screen readers, so each button names its campaign. */
  ofCampaign: (name: string) => string;
  preparingCsv: string;
  downloaded: (file: string) => string;

  showNumbers: string;
  note: string;
  day: string;
  goal: string;
  deadline: string;

  rungs: Record<Rung, string>;
  rungsChart: string;
  rungsSummary: (total: string, top: string, topCount: string, each: string) => string;
  rungHeader: string;
  peopleHeader: string;
  rungsEmpty: string;
  movementChart: string;
  /** `reached` is "2 reached supporter, 1 reached volunteer", from `reachedRung`. */
  movementSummary: (days: string, from: string, to: string, reached: string) => string;
  reachedRung: (n: string, rung: string) => string;
  movementEmpty: string;

  actionsBy: (actions: string, people: string) => string;
  ofGoal: (percent: string, goal: string) => string;
  daysLeft: (deadline: string, days: string) => string;
  deadlinePassed: (deadline: string) => string;
  lastWeek: (n: string) => string;
  actionsThatDay: string;
  actionsSoFar: string;

  partnersChart: string;
  partnersSummary: (actions: string, pages: string, top: string, topCount: string) => string;
  partnerHeader: string;
  actionsHeader: string;
  noActions: string;
  noPage: string;
  others: (n: string) => string;
  sourcesChart: string;
  sourcesSummary: (top: string, topCount: string) => string;
  sourceHeader: string;
  noSource: string;

  eventsChart: string;
  eventsSummary: (confirmed: string, came: string, flake: string | null) => string;
  eventCame: (event: string, came: string, confirmed: string, note: string) => string;
  eventHeader: string;
  confirmedHeader: string;
  eventsEmpty: string;
  came: string;
  notCome: string;
  noRsvps: string;
  flakeRate: (percent: string) => string;
  checkInFor: (event: string) => string;

  callsChart: string;
  callsSummary: (calls: string, reached: string) => string;
  /** Letters by target (GET /api/admin/campaigns/<slug>/letters): the table's caption and headers, the choices. */
  letters: {
    caption: (campaign: string) => string;
    target: string;
    delivered: string;
    waiting: string;
    bounced: string;
    handed: string;
    stopped: string;
    choice: string;
    digest: string;
    stop: string;
    noChoice: string;
    bouncedOn: (at: string) => string;
    none: string;
  };
  targetHeader: string;
  callsHeader: string;
  callsEmpty: string;
  outcomes: Record<'contact' | 'voicemail' | 'unavailable' | 'skipped', string>;

  recruitersChart: string;
  recruitersSummary: (people: string, top: string, topCount: string) => string;
  supporterHeader: string;
  recruitedHeader: string;
  recruitersEmpty: string;
  erasedSupporter: string;

  delivery: {
    chart: string;
    summary: (sinks: string, waiting: string, dead: string) => string;
    destination: string;
    events: string;
    nothingYet: string;
    noSinks: string;
    delivered: string;
    waiting: string;
    dead: string;
    oldest: (at: string) => string;
    failedTitle: string;
    failed: (attempts: string, at: string) => string;
    /** "<type> (<campaign>) to <sink>" */
    to: string;
    none: string;
    redeliver: string;
    redelivered: (id: string, n: number, count: string) => string;
  };

  people: {
    email: string;
    lookUp: string;
    typeEmail: string;
    nobody: (email: string) => string;
    erased: (name: string, email: string) => string;
    phone: string;
    postcode: string;
    rung: string;
    setByOrganizer: string;
    recruited: string;
    tags: string;
    none: string;
    firstSeen: string;
    timeline: string;
    kinds: Record<'signature' | 'response' | 'rsvp' | 'call', string>;
    rsvpStatus: Record<'confirmed' | 'waitlisted' | 'cancelled', string>;
    cameToo: string;
    from: (origin: string) => string;
    via: (source: string) => string;
    reachedRung: (rung: string) => string;
    eraseTitle: (name: string) => string;
    eraseWarning: string;
    eraseYes: (email: string) => string;
    cancel: string;
    eraseStart: string;
  };
}
