/** What every handler can reach through the context: configuration and the store, never the environment. */
import type { CampaignEntry } from '../schema/campaign.ts';
import type { Catalog } from './catalog.ts';
import type { CampaignFiles } from './editor/types.ts';
import type { GuardOptions } from './guard/config.ts';
import type { SignedIn } from './middleware/admin.ts';
import type { Store } from './store/types.ts';

export interface AppOptions {
  store: Store;
  catalog: Catalog;
  /** The campaign site's public URL (e.g. https://campaign.example). Default: the origin each request came to. */
  siteUrl?: string;
  /** An owner's API token for `/api/admin/*` (scripts, CI, the first sign-in). Unset: only accounts and API tokens. */
  adminToken?: string;
  /** Names of the configured delivery sinks, for the outbox health report. */
  sinks?: string[];
  /**
   * The SMS provider: its auth token signs its webhooks (`POST /api/sms/inbound`, `/status`; unset: 404); with the
   * account and the sending number, follow-up texts go out through it (functions/outbox/sms.ts `textOne`).
   */
  sms?: { authToken: string; accountSid?: string; from?: string; baseUrl?: string };
  /**
   * Follow-ups (issue 12): the organization the first text names, and the time zone texting hours (09:00-21:00)
   * are kept in when the list's event gives none (default UTC).
   */
  followups?: { organization?: string; timezone?: string };
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
    /** Who is acting, on `/api/admin/*` (functions/middleware/admin.ts). */
    actor: SignedIn;
  };
}
