/** What the admin API answers, as the dashboard reads it: the shapes live in schema/admin.ts, shared with functions/. */
import type { EventRsvp, Funnel, OutboxReport, SupporterRecord } from '../../../schema/admin.ts';
import type { PublicCampaign } from '../../../schema/campaign.ts';

/** `GET /api/admin/funnel`: aggregated on the server, so it is small however many actions there are. */
export type FunnelView = Funnel;
/** `GET /api/admin/outbox` */
export type OutboxView = OutboxReport;
/** `GET /api/admin/supporters?email=` */
export type SupporterView = SupporterRecord;
/** One RSVP of `GET /api/admin/campaigns/<slug>/rsvps`. */
export type RsvpRow = EventRsvp;

/** `GET /api/campaigns` */
export interface CampaignList {
  campaigns: PublicCampaign[];
}
