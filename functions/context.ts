/** What every handler can reach through the context: configuration and the store, never the environment. */
import type { CampaignEntry } from '../schema/campaign.ts';
import type { Catalog } from './catalog.ts';
import type { CampaignFiles } from './editor/types.ts';
import type { GuardOptions } from './guard/config.ts';
import type { Store } from './store/types.ts';

export interface AppOptions {
  store: Store;
  catalog: Catalog;
  /** The campaign site's public URL (e.g. https://campaign.example). Default: the origin each request came to. */
  siteUrl?: string;
  /** Opens `/api/admin/*`. Unset: the admin API answers 401 to everyone. */
  adminToken?: string;
  /** Names of the configured delivery sinks, for the outbox health report. */
  sinks?: string[];
  /**
   * The abuse defenses (functions/guard/): render tokens, honeypot, rate limits, CAPTCHA, disposable emails.
   * Every adapter sets it (`guardFromEnv`); left out, nothing is checked (tests of other parts do that).
   */
  guard?: GuardOptions;
  /** The campaign files, for the editor (`/api/admin/editor/*`); hosts without writable files leave it out. */
  editor?: CampaignFiles;
}

export interface AppEnv {
  Variables: {
    options: AppOptions;
    /** Set by the campaign middleware on `/api/campaigns/:slug/*`. */
    campaign: CampaignEntry;
    /** Where links in responses point: `siteUrl`, or the request's own origin. */
    siteOrigin: string;
    /** SHA-256 of the admin token; the token itself is not kept. */
    adminTokenHash: string | undefined;
  };
}
