/**
 * Events: when and where, in the event's own time zone (organizers write local times; supporters see them in
 * theirs), capacity and optional shifts.
 */
import { TZDate } from '@date-fns/tz';
import * as z from 'zod';
import { id, strict } from './authoring.ts';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;

/**
 * `2027-01-15 18:00` or `2027-01-15T18:00`, the wall clock where the event is. A YAML timestamp with seconds
 * arrives as a UTC Date: its clock reading is taken as written.
 */
const localTime = z
  .union([z.string(), z.date()], { error: 'write the time like 2027-01-15 18:00 (local time at the event)' })
  .transform((value) => (typeof value === 'string' ? value.trim() : value.toISOString().slice(0, 16)))
  .refine((value) => LOCAL.test(value), 'write the time like 2027-01-15 18:00 (local time at the event)');

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/** The instant (ISO, UTC) at which the wall clock in `zone` reads `local`. */
export function zonedInstant(local: string, zone: string): string {
  const [, y, m, d, h, min] = LOCAL.exec(local)!.map(Number);
  return new Date(new TZDate(y, m - 1, d, h, min, zone).getTime()).toISOString();
}

const shift = strict({
  id: id('shift'),
  label: z.string().optional(),
  start: localTime,
  end: localTime,
  capacity: z.int().positive().optional(),
});

export const EventSection = strict(
  {
    start: localTime,
    end: localTime,
    /** An IANA time zone: America/Los_Angeles, Europe/Paris. */
    timezone: z.string().refine(isTimeZone, 'must be a time zone like America/New_York or Europe/Madrid'),
    location: strict({
      name: z.string().optional(),
      address: z.string().optional(),
      /** A link for online events. */
      online: z.url({ protocol: /^https?$/, error: 'must be a web link (https://…)' }).optional(),
    }).refine((l) => l.name || l.address || l.online, 'give a name:, an address: or an online: link'),
    /** People in all (guests count); full means the waitlist. No capacity: no limit. */
    capacity: z.int().positive().optional(),
    /** Time slots people sign up for, each with its own capacity. */
    shifts: z.array(shift).default([]),
    /** Who hosts it (shown; also the host of check-in and attendance figures). */
    host: z.string().optional(),
    /** The most guests one person may bring. */
    maxGuests: z.int().min(0).max(20).default(4),
  },
  'add an event: section with start:, end:, timezone: and location:',
)
  .superRefine((event, ctx) => {
    const order = (start: string, end: string, path: (string | number)[]) => {
      if (LOCAL.test(start) && LOCAL.test(end) && end <= start) {
        ctx.addIssue({ code: 'custom', path, message: 'must be after start' });
      }
    };
    order(event.start, event.end, ['end']);
    event.shifts.forEach((s, i) => order(s.start, s.end, ['shifts', i, 'end']));
    const ids = event.shifts.map((s) => s.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['shifts'], message: 'shift ids must differ' });
  })
  .transform((event) => ({
    ...event,
    startsAt: zonedInstant(event.start, event.timezone),
    endsAt: zonedInstant(event.end, event.timezone),
    shifts: event.shifts.map((s) => ({
      ...s,
      startsAt: zonedInstant(s.start, event.timezone),
      endsAt: zonedInstant(s.end, event.timezone),
    })),
  }));

export type EventSection = z.output<typeof EventSection>;

/** The event as the widget shows it, with places left (null: no limit). */
export interface PublicEvent {
  startsAt: string;
  endsAt: string;
  timezone: string;
  location: { name?: string; address?: string; online?: string };
  host?: string;
  capacity: number | null;
  spotsLeft: number | null;
  maxGuests: number;
  shifts: {
    id: string;
    label?: string;
    startsAt: string;
    endsAt: string;
    capacity: number | null;
    spotsLeft: number | null;
  }[];
}
