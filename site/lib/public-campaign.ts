/**
 * The public projection of a campaign: what `GET /api/campaigns/<slug>` shows anyone, and what the action page
 * hands the widget at build time. No partner list, nothing internal.
 */
import { type Campaign, type PublicCampaign, toPublicCampaign as publicCampaign } from '../../schema/campaign.ts';

/** A campaign as the content collection gives it: the slug (file name) and the validated frontmatter. */
export interface CampaignContent {
  id: string;
  data: Campaign;
}

/** The action page of a campaign, relative to the site's origin. */
export const actionPath = (slug: string): string => `/act/${slug}/`;

/** The partner embed page of a campaign. */
export const embedPath = (slug: string): string => `/embed/${slug}/`;

/** `YYYY-MM-DD`, as organizers wrote it (dates are read as UTC midnight). */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/** The schema's projection (the API serves the same), for a collection entry; links stay relative to the site. */
export const toPublicCampaign = (entry: CampaignContent, count: number): PublicCampaign =>
  publicCampaign({ ...entry.data, slug: entry.id }, count);
