/**
 * The base of every Ladder widget: the shared attributes (`campaign`, `api`, `lang`), the campaign (given as the
 * `data` property, else fetched), the language and its messages with the campaign's overrides.
 *
 * Server rendering (Lit SSR through @astrojs/lit) runs the constructor, `willUpdate` and `render` only: nothing
 * there may touch `window`, `document`, `location`, `indexedDB` or `localStorage`.
 */
import { LitElement, isServer, type PropertyValues } from 'lit';
import type { PublicCampaign } from '../../schema/campaign.ts';
import type { Lang } from '../../schema/limits.ts';
import { defaultApi } from './api.ts';
import { CampaignController } from './controllers.ts';
import { messagesFor, resolveLang, withOverrides, type Messages } from './i18n.ts';
import { en } from './i18n/en.ts';

export class LadderElement extends LitElement {
  static override properties = {
    campaign: { reflect: true },
    api: {},
    lang: { reflect: true },
    data: { attribute: false },
  };

  /** The campaign's slug. */
  declare campaign: string;
  /** The API's base URL; by default the origin that served the widget's script. */
  declare api: string | undefined;
  /** The language (`en`, `es`); by default the page's, then the campaign's. */
  declare lang: string;
  /** The public campaign, when the page already has it (server rendering); else it is fetched. */
  declare data: PublicCampaign | undefined;

  /** The resolved language. */
  protected language: Lang = 'en';
  /** The messages in `language`, with the campaign's overrides. */
  protected t: Messages = en;
  protected readonly loader = new CampaignController(this);

  constructor() {
    super();
    this.campaign = '';
  }

  get apiBase(): string {
    return this.api || (isServer ? '' : defaultApi());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const page = isServer ? undefined : this.closest('[lang]')?.getAttribute('lang');
    this.language = resolveLang(this.lang, page, this.data?.lang);
    const messages = messagesFor(this.language, isServer ? undefined : () => this.requestUpdate());
    this.t = withOverrides(messages ?? en, this.data?.strings[this.language]);
  }

  /** A number in the widget's language: 1,234 or 1.234. */
  protected format(n: number): string {
    return n.toLocaleString(this.language);
  }
}
