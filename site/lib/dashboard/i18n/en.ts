/** The organizer pages in English (the words the dashboard had before it spoke other languages). */
import { plural } from '../../../../widgets/core/i18n/plural.ts';
import type { DashboardStrings } from './types.ts';

const deliveries = plural('en', { one: '{n} delivery', other: '{n} deliveries' });

const en: DashboardStrings = {
  comma: ', ',
  listSeparator: '; ',
  title: 'Organize',
  description: 'The organizer dashboard for Ladder campaigns.',
  noscript: 'The dashboard needs JavaScript.',
  dashboard: 'Dashboard',
  refresh: 'Refresh',
  signOut: 'Sign out',
  sectionsNav: 'Dashboard sections',
  sections: {
    ladder: { title: 'The ladder', intro: 'How many people stand on each rung, and when they got there.' },
    campaigns: {
      title: 'Campaigns',
      intro: 'Actions so far against each campaign’s goal (dashed line) and deadline (red line). Exports are CSV.',
    },
    partners: { title: 'Partners and sources', intro: 'Which pages and links brought people in.' },
    events: { title: 'Events', intro: 'Confirmed RSVPs against who came. Flake rate = 1 − came / confirmed.' },
    calls: { title: 'Calls', intro: 'What callers reported, per person they called.' },
    recruiters: { title: 'Recruiters', intro: 'People whose share links brought others in.' },
    delivery: { title: 'Deliveries', intro: 'Whether actions reached the tools they are sent to.' },
    people: { title: 'Find a supporter', intro: 'Look someone up by email, see their history, or erase them.' },
  },

  signIn: {
    title: (opens) => `Sign in to ${opens}`,
    dashboard: 'the dashboard',
    help: [
      'Paste the admin token: the value of',
      'on the server. It stays in this browser tab only and is forgotten when the tab is closed.',
    ],
    label: 'Admin token',
    button: 'Sign in',
    checking: 'Checking…',
    pasteFirst: 'Paste the admin token first.',
    savedTokenGone: 'The saved token no longer works.',
  },

  api: {
    unauthorized:
      'The server did not accept this token. Paste the admin token exactly as set in LADDER_ADMIN_TOKEN on the server.',
    notFound: 'Not found.',
    tooMany: 'Too many requests: wait a minute and try again.',
    status: (status) => `The server answered ${status}. Try again in a moment.`,
    offline: 'Cannot reach the server. Check the connection and try again.',
  },

  loading: 'Loading…',
  updatedAt: (time) => `Updated at ${time}.`,
  couldNotShow: (reason) => `Could not show the dashboard: ${reason}`,
  downloadCsv: 'Download the CSV',
  ofCampaign: (name) => ` of ${name}`,
  preparingCsv: 'Preparing the CSV…',
  downloaded: (file) => `Downloaded ${file}.`,

  showNumbers: 'Show the numbers',
  note: 'Note',
  day: 'Day',
  goal: 'Goal',
  deadline: 'Deadline',

  rungs: {
    contact: 'Contact',
    supporter: 'Supporter',
    participant: 'Participant',
    volunteer: 'Volunteer',
    leader: 'Leader',
  },
  rungsChart: 'People on each rung now',
  rungsSummary: (total, top, topCount, each) =>
    `${total} people in all; the most stand on “${top}” (${topCount}). ${each}.`,
  rungHeader: 'Rung',
  peopleHeader: 'People',
  rungsEmpty: 'Nobody yet: the ladder fills as people take action.',
  movementChart: 'Arrivals on each rung, per day',
  movementSummary: (days, from, to, reached) => `Over ${days} days (${from} to ${to}): ${reached}.`,
  reachedRung: (n, rung) => `${n} reached ${rung.toLowerCase()}`,
  movementEmpty: 'No movement yet.',

  actionsBy: (actions, people) => `${actions} actions by ${people} people`,
  ofGoal: (percent, goal) => `${percent} of the goal of ${goal}`,
  daysLeft: (deadline, days) => `deadline ${deadline}, ${days} days left`,
  deadlinePassed: (deadline) => `the deadline (${deadline}) has passed`,
  lastWeek: (n) => `${n} in the last 7 days`,
  actionsThatDay: 'Actions that day',
  actionsSoFar: 'Actions so far',

  partnersChart: 'Actions by partner page',
  partnersSummary: (actions, pages, top, topCount) =>
    `${actions} actions from ${pages} pages; the most from ${top} (${topCount}).`,
  partnerHeader: 'Page (origin)',
  actionsHeader: 'Actions',
  noActions: 'No actions yet.',
  noPage: 'No page (from a server or app)',
  others: (n) => `${n} others`,
  sourcesChart: 'Actions by source (?source= in the link)',
  sourcesSummary: (top, topCount) => `The most from “${top}” (${topCount}).`,
  sourceHeader: 'Source',
  noSource: 'No source',

  eventsChart: 'RSVPs and attendance per event',
  eventsSummary: (confirmed, came, flake) =>
    `${confirmed} confirmed RSVPs, ${came} came${flake === null ? '' : `: a flake rate of ${flake}`}.`,
  eventCame: (event, came, confirmed, note) => `${event}: ${came} of ${confirmed} came (${note})`,
  eventHeader: 'Event',
  confirmedHeader: 'Confirmed RSVPs',
  eventsEmpty: 'No RSVPs yet.',
  came: 'Came',
  notCome: 'Did not come (yet)',
  noRsvps: 'no RSVPs yet',
  flakeRate: (percent) => `flake rate ${percent}`,
  checkInFor: (event) => `Check-in for ${event}`,

  callsChart: 'Call outcomes per target',
  callsSummary: (calls, reached) => `${calls} calls; callers spoke to someone ${reached} times.`,
  targetHeader: 'Target',
  callsHeader: 'Calls',
  callsEmpty: 'No calls yet.',
  outcomes: { contact: 'Spoke to someone', voicemail: 'Voicemail', unavailable: 'Unavailable', skipped: 'Skipped' },

  recruitersChart: 'Who brought the most people',
  recruitersSummary: (people, top, topCount) =>
    `${people} people recruited others; ${top} brought the most (${topCount}).`,
  supporterHeader: 'Supporter',
  recruitedHeader: 'People recruited',
  recruitersEmpty: 'Nobody has recruited anyone through a share link yet.',
  erasedSupporter: 'Erased supporter',

  delivery: {
    chart: 'Deliveries per destination',
    summary: (sinks, waiting, dead) => `${sinks} destinations; ${waiting} deliveries waiting, ${dead} failed for good.`,
    destination: 'Destination',
    events: 'Events',
    nothingYet: 'Nothing to deliver yet.',
    noSinks: 'No destinations are configured (webhooks, Action Network, email, SMS): nothing leaves the server.',
    delivered: 'Delivered',
    waiting: 'Waiting',
    dead: 'Failed for good',
    oldest: (at) => `oldest waiting since ${at}`,
    failedTitle: 'Failed deliveries',
    failed: (attempts, at) => `failed ${attempts} times, last at ${at}.`,
    to: 'to',
    none: 'None: every delivery went through or is still being tried.',
    redeliver: 'Redeliver',
    redelivered: (id, n, count) => `Event ${id} will be sent again (${deliveries(n, count)}).`,
  },

  people: {
    email: 'Email address',
    lookUp: 'Look up',
    typeEmail: 'Type an email address first.',
    nobody: (email) => `Nobody with the email ${email}.`,
    erased: (name, email) => `${name} (${email}) was erased.`,
    phone: 'Phone',
    postcode: 'Postcode',
    rung: 'Rung',
    setByOrganizer: ' (set by an organizer)',
    recruited: 'Recruited',
    tags: 'Tags',
    none: 'none',
    firstSeen: 'First seen',
    timeline: 'Timeline',
    kinds: { signature: 'Signed', response: 'Answered the survey', rsvp: 'RSVP’d', call: 'Called' },
    rsvpStatus: { confirmed: 'confirmed', waitlisted: 'waitlisted', cancelled: 'cancelled' },
    cameToo: ', came',
    from: (origin) => `from ${origin}`,
    via: (source) => `via ${source}`,
    reachedRung: (rung) => `Reached the rung “${rung}”`,
    eraseTitle: (name) => `Erase ${name} for good?`,
    eraseWarning:
      'Their name, contact details, RSVPs and history are deleted and never sent anywhere again. Counts stay. This cannot be undone.',
    eraseYes: (email) => `Yes, erase ${email}`,
    cancel: 'Cancel',
    eraseStart: 'Erase this person…',
  },
};

export default en;
