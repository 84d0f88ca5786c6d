/**
 * The three contacts after an RSVP (DESIGN.md, "Events"): the confirmation goes out at once (the `rsvp.created`
 * event); then a confirm-or-cancel message the day before, a reminder on the day, and "did you attend?" after,
 * each timed in the event's own time zone and written to the outbox once per RSVP.
 */
import { TZDate } from '@date-fns/tz';
import type { CampaignEntry } from '../schema/campaign.ts';
import type { Catalog } from './catalog.ts';
import type { Store } from './store/types.ts';

export const REMINDERS = ['day_before', 'day_of', 'after'] as const;
export type Reminder = (typeof REMINDERS)[number];

type EventCampaign = Extract<CampaignEntry, { kind: 'event' }>;

/** A wall-clock time on the day of `instant` in `zone`, `days` later, as an instant. */
function atLocal(instant: string, zone: string, days: number, hour: number): number {
  const local = new TZDate(Date.parse(instant), zone);
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + days, hour, 0, zone).getTime();
}

/** When each message is due: 10:00 the day before; on the day 3 hours before (not before 08:00, unless it starts
 * earlier); two hours after the end. */
export function reminderTimes(event: EventCampaign['event']): Record<Reminder, number> {
  const start = Date.parse(event.startsAt);
  const morning = atLocal(event.startsAt, event.timezone, 0, 8);
  return {
    day_before: atLocal(event.startsAt, event.timezone, -1, 10),
    day_of: Math.min(start - 3600_000, Math.max(start - 3 * 3600_000, morning)),
    after: Date.parse(event.endsAt) + 2 * 3600_000,
  };
}

/** A message is only worth sending until its moment has passed: a day for the first two, three days after. */
const STALE: Record<Reminder, number> = { day_before: 24 * 3600_000, day_of: 6 * 3600_000, after: 3 * 24 * 3600_000 };

/** Writes the reminders that are due now, for every open event; returns how many messages were queued. */
export async function scheduleReminders(store: Store, catalog: Catalog, now = Date.now()): Promise<number> {
  let queued = 0;
  for (const campaign of catalog.list()) {
    if (campaign.kind !== 'event' || campaign.status === 'closed') continue;
    const times = reminderTimes(campaign.event);
    for (const kind of REMINDERS) {
      if (now >= times[kind] && now < times[kind] + STALE[kind]) queued += await store.remind(campaign.slug, kind);
    }
  }
  return queued;
}
