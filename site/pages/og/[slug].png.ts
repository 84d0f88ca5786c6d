/** `/og/<slug>.png`: each campaign's share image, drawn at build time (see _share-image.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { Campaign } from '../../../schema/campaign.ts';
import { pageStrings } from '../../lib/i18n.ts';
import type { CampaignContent } from '../../lib/public-campaign.ts';
import { sharePng } from './_share-image.ts';

export const getStaticPaths = (async () => {
  const campaigns: CampaignContent[] = await getCollection('campaigns');
  return campaigns.map((campaign) => ({ params: { slug: campaign.id }, props: { data: campaign.data } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ data: Campaign }> = ({ props: { data }, site }) => {
  const png = sharePng({
    kind: pageStrings(data.lang).kind[data.kind],
    title: data.title,
    summary: data.summary,
    footer: site ? site.host : 'Ladder',
    lang: data.lang,
  });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
