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
import { core, type CoreMessages, isRtl, messagesFor, resolveLang, type Translations, withOverrides } from './i18n.ts';

/**
 * `M` is the widget's own strings; `t` holds them with the shared ones. A subclass sets `static messages` to its
 * dictionary (see `petition/i18n/`).
 */
export class LadderElement<M extends object = object> extends LitElement {
  /** The widget's own dictionary. */
  static messages: Translations<object> = { en: {}, load: {} as Translations<object>['load'], loaded: new Map() };

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
  /** The language (`en`, `es`, `fr`, `ar`); by default the page's, then the campaign's. */
  declare lang: string;
  /** The public campaign, when the page already has it (server rendering); else it is fetched. */
  declare data: PublicCampaign | undefined;

  /** The resolved language. */
  protected language: Lang = 'en';
  /** The messages in `language` (shared and the widget's own), with the campaign's overrides. */
  protected t = { ...core.en, ...(this.constructor as typeof LadderElement).messages.en } as CoreMessages & M;
  /** `rtl` for right-to-left languages: put it on the wrapper as `dir`. */
  protected direction: 'ltr' | 'rtl' = 'ltr';
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
    const own = (this.constructor as typeof LadderElement).messages;
    const done = isServer ? undefined : () => this.requestUpdate();
    // Both dictionaries or English for both: never half a language.
    const shared = messagesFor(core, this.language, done);
    const widget = messagesFor(own, this.language, done);
    const messages = shared && widget ? { ...shared, ...widget } : { ...core.en, ...own.en };
    this.t = withOverrides(messages as CoreMessages & M, this.data?.strings[this.language]);
    this.direction = isRtl(this.language) ? 'rtl' : 'ltr';
  }

  /** A number in the widget's language: 1,234 or 1.234. */
  protected format(n: number): string {
    return n.toLocaleString(this.language);
  }
}
