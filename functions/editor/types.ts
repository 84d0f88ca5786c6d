/** What the campaign editor's routes need from the host: the campaign files and the site's build. */

/** The site's build after the last publish, as the editor shows it. */
export interface BuildStatus {
  /** `idle`: nothing published since start; `live`: the last publish is on the site; `failed`: the site is as before. */
  state: 'idle' | 'building' | 'live' | 'failed';
  /** While building: which step of `steps` runs (1-based), and its last line of output. */
  step?: number;
  steps?: number;
  detail?: string;
  /** The build's error, when `failed`. */
  error?: string;
  startedAt?: string;
  finishedAt?: string;
}

export interface CampaignFiles {
  /** Every campaign, by slug: the published file's text and the draft's, either or both. */
  list(): Promise<{ slug: string; published?: string; draft?: string }[]>;
  read(slug: string): Promise<{ published?: string; draft?: string }>;
  /** Keeps a draft beside the published file (or alone, for a new campaign); the site does not show it. */
  saveDraft(slug: string, text: string): Promise<void>;
  /**
   * Writes the campaign file the build reads and drops the draft. Resolves once the API serves the new catalog;
   * the site rebuilds in the background (`build()`). Rejects, leaving the file as it was, if the catalog refuses it.
   */
  publish(slug: string, text: string): Promise<void>;
  build(): BuildStatus;
}
