/** What every handler can reach through the context: configuration and the store, never the environment. */
import type { CampaignEntry } from '../schema/campaign.ts';
import type { Catalog } from './catalog.ts';
import type { Store } from './store/types.ts';

export interface AppOptions {
  store: Store;
  catalog: Catalog;
  /** The campaign site's public URL (e.g. https://campaign.example). Default: the origin each request came to. */
  siteUrl?: string;
}

export interface AppEnv {
  Variables: {
    options: AppOptions;
    /** Set by the campaign middleware on `/api/campaigns/:slug/*`. */
    campaign: CampaignEntry;
    /** Where links in responses point: `siteUrl`, or the request's own origin. */
    siteOrigin: string;
  };
}
