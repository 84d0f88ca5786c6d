/**
 * What the admin API answers, as the dashboard reads it. The site does not import from functions/ (DESIGN.md: no
 * sideways imports); test/e2e/organize.test.ts checks that `Funnel` and the rest still fit these shapes.
 */
import type { PublicCampaign } from '../../../schema/campaign.ts';
import type { Rung } from '../../../schema/funnel.ts';

/** `GET /api/admin/funnel`: aggregated on the server, so it is small however many actions there are. */
export interface FunnelView {
  rungs: Record<Rung, number>;
  /** Arrivals on each rung, per day (UTC, `YYYY-MM-DD`). */
  movement: { day: string; rung: Rung; n: number }[];
  campaigns: { campaign: string; actions: number; supporters: number; daily: { day: string; n: number }[] }[];
  partners: { campaign: string; origin: string | null; source: string | null; actions: number }[];
  calls: { campaign: string; target: string; outcome: string; n: number }[];
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

/** `GET /api/admin/outbox` */
export interface OutboxView {
  sinks: { sink: string; delivered: number; pending: number; dead: number; oldestPending: string | null }[];
  dead: {
    event: { id: string; type: string; campaign: string; createdAt: string };
    sink: string;
    attempts: number;
    error: string;
    deadAt: string;
  }[];
}

/** `GET /api/admin/supporters?email=` */
export interface SupporterView {
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
    source: string | null;
    origin: string | null;
    rsvp: { status: string; attended: boolean } | null;
  }[];
}

/** One RSVP of `GET /api/admin/campaigns/<slug>/rsvps`. */
export interface RsvpRow {
  id: string;
  givenName: string;
  familyName: string;
  email: string;
  guests: number;
  shift: string | null;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  attended: boolean;
}

/** `GET /api/campaigns` */
export interface CampaignList {
  campaigns: PublicCampaign[];
}
