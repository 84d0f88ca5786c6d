/**
 * What the admin API answers: one definition for the functions that build these answers and the dashboard that
 * reads them. Types only.
 */
import type { Rung } from './funnel.ts';

/** An event for the outbox, written in the same transaction as the action it reports. */
export interface OutboxEvent {
  id: string;
  type: string;
  campaign: string;
  payload: unknown;
  createdAt: string;
}

/** `GET /api/admin/outbox`: one sink's deliveries. */
export interface DeliveryHealth {
  sink: string;
  delivered: number;
  /** Waiting for their first or next attempt. */
  pending: number;
  dead: number;
  /** The oldest undelivered event's time, if any. */
  oldestPending: string | null;
}

export interface DeadLetter {
  event: OutboxEvent;
  sink: string;
  attempts: number;
  error: string;
  deadAt: string;
}

/** The organizer's dashboard, aggregated. */
export interface Funnel {
  /** Supporters on each rung now. */
  rungs: Record<Rung, number>;
  /** Arrivals on each rung, per day (UTC). */
  movement: { day: string; rung: Rung; n: number }[];
  campaigns: { campaign: string; actions: number; supporters: number; daily: { day: string; n: number }[] }[];
  /** Actions by the page they came from (origin) and `?source=`. */
  partners: { campaign: string; origin: string | null; source: string | null; actions: number }[];
  calls: { campaign: string; target: string; outcome: string; n: number }[];
  /** RSVPs against attendance: the flake rate is 1 - attended / confirmed. */
  events: {
    campaign: string;
    confirmed: number;
    waitlisted: number;
    cancelled: number;
    people: number;
    attended: number;
  }[];
  recruiters: { supporterId: string; name: string; recruits: number }[];
}

export interface SupporterRecord {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  postcode: string | null;
  phone: string | null;
  referralCode: string;
  rung: Rung;
  rungOverride: Rung | null;
  tags: string[];
  recruits: number;
  createdAt: string;
  rungs: { rung: Rung; at: string }[];
  timeline: {
    id: string;
    campaign: string;
    kind: string;
    at: string;
    comment: string | null;
    details: unknown;
    source: string | null;
    origin: string | null;
    rsvp: { status: string; attended: boolean } | null;
  }[];
}

export interface EventRsvp {
  id: string;
  givenName: string;
  familyName: string;
  email: string;
  guests: number;
  shift: string | null;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  attended: boolean;
}

export interface RecruitNode {
  id: string;
  name: string;
  referredBy: string | null;
  rung: Rung;
  recruits: number;
}

/** `GET /api/admin/outbox` */
export interface OutboxReport {
  sinks: DeliveryHealth[];
  dead: DeadLetter[];
}
