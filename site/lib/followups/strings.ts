/**
 * The words of the follow-up pages: the organizer's (`/organize/followups/`) and the volunteer's phone screen
 * (`/volunteer/`), in the four languages of the organizer pages. Plain strings only (a page writes its language's
 * dictionary into `data-strings`); `{name}` and `{n}` are filled in by the script.
 */
import type { Lang } from '../../../schema/limits.ts';
import type { Channel, ContactState, Outcome, RuleKind } from './types.ts';
import { ar, es, fr } from './strings-other.ts';

export interface FollowupStrings {
  title: string;
  description: string;
  intro: string;
  dashboard: string;
  volunteerPage: string;
  failed: string;
  signOut: string;
  empty: string;
  create: {
    title: string;
    name: string;
    who: string;
    rule: string;
    rules: Record<RuleKind, string>;
    campaign: string;
    days: string;
    question: string;
    value: string;
    tag: string;
    partner: string;
    what: string;
    channel: string;
    script: string;
    placeholders: string;
    questions: string;
    questionLabel: string;
    options: string;
    optionsHelp: string;
    addQuestion: string;
    replies: string;
    repliesHelp: string;
    assignees: string;
    volunteers: string;
    team: string;
    batchSize: string;
    closesAt: string;
    hours: string;
    hoursHelp: string;
    zoneByPostcode: string;
    timezone: string;
    timezoneHelp: string;
    submit: string;
    created: string;
    fix: string;
    required: string;
    badOptions: string;
    badReplies: string;
  };
  channels: Record<Channel, string>;
  list: {
    title: string;
    refresh: string;
    eligible: string;
    unreachable: string;
    states: string;
    outcomes: string;
    texts: string;
    textsSent: string;
    replied: string;
    optedOut: string;
    after: string;
    rsvps: string;
    attended: string;
    rungMoves: string;
    byVolunteer: string;
    volunteer: string;
    reached: string;
    talked: string;
    close: string;
    closedOn: string;
    closes: string;
    closedDone: string;
  };
  states: Record<ContactState, string>;
  outcomes: Record<Outcome, string>;
  rungs: Record<'contact' | 'supporter' | 'participant' | 'volunteer' | 'leader', string>;
  work: {
    title: string;
    description: string;
    assignments: string;
    none: string;
    toTake: string;
    take: string;
    more: string;
    release: string;
    released: string;
    batch: string;
    batchEmpty: string;
    call: string;
    script: string;
    outcome: string;
    note: string;
    tags: string;
    tagsHelp: string;
    nextRung: string;
    noRung: string;
    save: string;
    saved: string;
    savedHere: string;
    pending: string;
    offline: string;
    backOnline: string;
    /** Asked at sign-out when outcomes could not be sent (`{n}`: how many): signing out loses them. */
    unsentAtSignOut: string;
    conversation: string;
    you: string;
    them: string;
    message: string;
    sendHint: string;
    sendScript: string;
    send: string;
    sent: string;
    canned: string;
    closeConversation: string;
    closedDone: string;
    outsideHours: string;
    choose: string;
    myName: string;
    myNameHelp: string;
    saveName: string;
    nameSaved: string;
    nameFailed: string;
  };
}

const en: FollowupStrings = {
  title: 'Follow-ups',
  description: 'Call and text lists built from the ladder, worked by volunteers on their phones.',
  intro:
    'A follow-up is a list that builds itself from a ladder rule (did not come, came twice, no action lately…), a call or text script, and the people who work it. People who act or opt out leave the list on their own.',
  dashboard: 'Back to the dashboard',
  volunteerPage: 'Open the volunteers’ screen',
  failed: 'That did not work:',
  signOut: 'Sign out',
  empty: 'No follow-ups yet.',
  create: {
    title: 'New follow-up',
    name: 'Name',
    who: 'Who',
    rule: 'People who',
    rules: {
      'rsvp-unconfirmed': 'RSVP’d and did not confirm the day before',
      'no-show': 'RSVP’d and did not come',
      'came-twice': 'came twice and are not yet volunteers',
      inactive: 'took no action for a number of days',
      answer: 'gave an answer to a survey question',
      tag: 'have a tag',
      partner: 'came from a partner',
    },
    campaign: 'Campaign',
    days: 'Days without an action',
    question: 'Question (its id in the survey)',
    value: 'Answer',
    tag: 'Tag',
    partner: 'Partner',
    what: 'What',
    channel: 'Channel',
    script: 'Script',
    placeholders: 'You can write {firstName}, {event}, {sender} and {organization}: each person sees their own.',
    questions: 'Questions',
    questionLabel: 'Question',
    options: 'Answers',
    optionsHelp: 'One per line; a tag after “=” is added to people who give that answer: “Yes, I can help = helper”.',
    addQuestion: 'Add a question',
    replies: 'Canned replies',
    repliesHelp: 'One per line, a short name then “:” and the text: “Thanks: Thank you, see you there!”.',
    assignees: 'Who works it',
    volunteers: 'Volunteers',
    team: 'Anyone on the team',
    batchSize: 'People per batch',
    closesAt: 'Closes on',
    hours: 'Texting hours',
    hoursHelp: "Texts go out only between 09:00 and 21:00 in each person's own time zone.",
    zoneByPostcode: "Use a US person's ZIP code for their time zone",
    timezone: 'Time zone of everyone else',
    timezoneHelp: "Like America/Chicago or Europe/Madrid. Empty: the event's time zone, else the site's.",
    submit: 'Create the follow-up',
    created: 'Follow-up created.',
    fix: 'Check the fields marked below.',
    required: 'Fill this in.',
    badOptions: 'Write at least one answer, one per line.',
    badReplies: 'Write each reply as “name: text”.',
  },
  channels: { call: 'Calls', text: 'Texts' },
  list: {
    title: 'The follow-ups',
    refresh: 'Refresh',
    eligible: 'On the list',
    unreachable: 'Not reachable by this channel',
    states: 'Where they are',
    outcomes: 'Call outcomes',
    texts: 'Texts',
    textsSent: 'Texts sent',
    replied: 'Replied',
    optedOut: 'Opted out',
    after: 'What happened next (within 14 days)',
    rsvps: 'RSVPs',
    attended: 'Came',
    rungMoves: 'Moved up the ladder',
    byVolunteer: 'By volunteer',
    volunteer: 'Volunteer',
    reached: 'Reached',
    talked: 'Talked',
    close: 'Close',
    closedOn: 'Closed',
    closes: 'Closes',
    closedDone: 'Follow-up closed: nobody will be contacted from it again.',
  },
  states: {
    queued: 'Queued',
    messaged: 'Messaged',
    'needs-reply': 'Needs a reply',
    conversation: 'In conversation',
    closed: 'Closed',
  },
  outcomes: {
    talked: 'Talked',
    'left-message': 'Left a message',
    'no-answer': 'No answer',
    'wrong-number': 'Wrong number',
    'do-not-call': 'Do not call',
  },
  rungs: {
    contact: 'Contact',
    supporter: 'Supporter',
    participant: 'Participant',
    volunteer: 'Volunteer',
    leader: 'Leader',
  },
  work: {
    title: 'Your follow-ups',
    description: 'Call and text the people your organizers asked you to, from your phone.',
    assignments: 'Your assignments',
    none: 'Nothing to work on right now. Thank you!',
    toTake: '{n} people left to take',
    take: 'Take a batch',
    more: 'More',
    release: 'Release the rest',
    released: 'Released: the others can take them.',
    batch: 'Your batch',
    batchEmpty: 'Your batch is done. Take more, or come back later.',
    call: 'Call {name}',
    script: 'Script',
    outcome: 'How did it go?',
    note: 'Note',
    tags: 'Tags',
    tagsHelp: 'Separated by commas.',
    nextRung: 'Suggested next rung',
    noRung: 'No change',
    save: 'Save',
    saved: 'Saved.',
    savedHere: 'Saved on this phone: it is sent when the connection is back.',
    unsentAtSignOut: 'Outcomes not sent yet: {n}. Signing out now loses them. Sign out anyway?',
    pending: '{n} saved on this phone, not sent yet.',
    offline: 'Offline: what you record is kept on this phone and sent when the connection is back.',
    backOnline: 'Back online: everything saved here was sent.',
    conversation: 'Conversation with {name}',
    you: 'You',
    them: '{name}',
    message: 'Message',
    sendHint: 'Enter sends; Shift+Enter starts a new line.',
    sendScript: 'Send the script',
    send: 'Send',
    sent: 'Sent.',
    canned: 'Canned replies',
    closeConversation: 'Close',
    closedDone: 'Closed.',
    outsideHours: 'It is outside texting hours for this person (09:00–21:00 their time): try again later.',
    choose: 'Choose…',
    myName: 'Your name',
    myNameHelp: 'Your first text to each person says it: “this is … from …”.',
    saveName: 'Save my name',
    nameSaved: 'Your name is saved.',
    nameFailed: 'Your name was not saved:',
  },
};

export const followupStrings = (lang: Lang): FollowupStrings => ({ en, es, fr, ar })[lang];
export { en as followupStringsEn };
