/**
 * Helpers over the campaigns collection. Pages call `getCollection('campaigns')` themselves: `astro:content`
 * only exists inside Astro, and this file must typecheck with plain `tsc`.
 */
import { crossCampaignIssues } from '../../schema/campaign.ts';
import type { CampaignContent } from './public-campaign.ts';
import { campaignsDir } from './paths.ts';

/** Soonest deadline first, then by title; campaigns without a deadline last. */
export function byDeadline<T extends CampaignContent>(campaigns: readonly T[]): T[] {
  return [...campaigns].sort((a, b) => {
    const order = (a.data.deadline?.getTime() ?? Infinity) - (b.data.deadline?.getTime() ?? Infinity);
    return order || a.data.title.localeCompare(b.data.title);
  });
}

/** Fails the build when a campaign's `nextAsks` names a campaign that does not exist, naming the file. */
export function assertLinked(campaigns: readonly CampaignContent[]): void {
  const issues = crossCampaignIssues(campaigns.map((c) => ({ ...c.data, slug: c.id })));
  if (issues.length) {
    const dir = campaignsDir();
    throw new Error(`[ladder] ${issues.map(({ slug, message }) => `${dir}/${slug}.md: ${message}`).join('\n')}`);
  }
}
