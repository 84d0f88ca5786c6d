/** `GET /api/campaigns` and `GET /api/campaigns/:slug`: public campaign data with live counts. */
import { Hono } from 'hono';
import { toPublicCampaign } from '../../schema/campaign.ts';
import type { AppEnv } from '../context.ts';
import { renderToken } from '../guard/check.ts';
import { campaignRoute } from '../middleware/campaign.ts';

export const campaigns = new Hono<AppEnv>();

campaigns.get('/', async (c) => {
  const { catalog, store } = c.get('options');
  const counts = await store.counts();
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cache-Control', 'no-cache');
  return c.json({
    campaigns: catalog.list().map((entry) => toPublicCampaign(entry, counts.get(entry.slug) ?? 0, c.get('siteOrigin'))),
  });
});

campaigns.use('/:slug', campaignRoute);
campaigns.get('/:slug', async (c) => {
  const campaign = c.get('campaign');
  const { store, guard } = c.get('options');
  const [count, figures, token] = await Promise.all([
    store.count(campaign.slug),
    store.figures(campaign.slug),
    renderToken(guard, campaign.slug),
  ]);
  // Each answer carries its own render token: no cache may hand one to somebody else.
  c.header('Cache-Control', token ? 'no-store' : 'no-cache');
  return c.json({ ...toPublicCampaign(campaign, count, c.get('siteOrigin'), figures), token });
});
