/**
 * The organizer dashboard (`/organize/`) in the browser: sign in with the admin token, then the funnel as charts,
 * section by section, into the slots that site/pages/organize/index.astro lays out. The numbers arrive aggregated
 * (`GET /api/admin/funnel`), so the page draws at most one point per day whatever the number of actions.
 */
import { html, render, type TemplateResult } from 'lit';
import type { PublicCampaign } from '../../../schema/campaign.ts';
import { adminFetch, adminJson, AdminError } from './api.ts';
import { DeliveryHealth } from './delivery.ts';
import { formatTimeNow, t } from './i18n/index.ts';
import { LetterTotals } from './letters.ts';
import { SupporterLookup } from './people.ts';
import {
  callsSection,
  campaignFigure,
  type Context,
  eventsSection,
  ladderSection,
  partnersSection,
  recruitersSection,
} from './sections.ts';
import { signIn, signOut } from './sign-in.ts';
import type { CampaignList, FunnelView } from './types.ts';

const SLOTS = [
  'ladder',
  'campaigns',
  'partners',
  'events',
  'calls',
  'letters',
  'recruiters',
  'delivery',
  'people',
] as const;
type Slot = (typeof SLOTS)[number];

export class Dashboard {
  #slots: Record<Slot, HTMLElement>;
  #campaigns = new Map<string, PublicCampaign>();
  #unplot: (() => void)[] = [];
  #delivery: DeliveryHealth;
  #letters: LetterTotals;
  #status: HTMLElement;
  #error: HTMLElement;

  constructor(root: HTMLElement) {
    this.#slots = Object.fromEntries(
      SLOTS.map((slot) => [slot, root.querySelector<HTMLElement>(`[data-slot=${slot}]`)!]),
    ) as Record<Slot, HTMLElement>;
    this.#status = root.querySelector<HTMLElement>('#dashboard-status')!;
    this.#error = root.querySelector<HTMLElement>('#dashboard-error')!;
    this.#delivery = new DeliveryHealth(this.#slots.delivery);
    this.#letters = new LetterTotals(this.#slots.letters);
    new SupporterLookup(this.#slots.people, (slug) => this.#campaigns.get(slug)?.title ?? slug);
    root.querySelector('#refresh')?.addEventListener('click', () => void this.refresh());
    root.querySelector('#sign-out')?.addEventListener('click', () => void signOut());
  }

  /** Shows the error where it is seen and read first, and moves the focus there. */
  #fail(message: string): void {
    this.#error.textContent = message;
    this.#error.hidden = false;
    this.#error.focus();
  }

  async refresh(funnel?: FunnelView): Promise<void> {
    this.#status.textContent = t.loading;
    try {
      const [data, list] = await Promise.all([
        funnel ?? adminJson<FunnelView>('/api/admin/funnel'),
        fetch('/api/campaigns').then((r) => (r.ok ? (r.json() as Promise<CampaignList>) : { campaigns: [] })),
      ]);
      this.#campaigns = new Map(list.campaigns.map((c) => [c.slug, c]));
      this.#error.hidden = true;
      await this.#show(data);
      this.#status.textContent = t.updatedAt(formatTimeNow());
    } catch (e) {
      this.#status.textContent = '';
      this.#fail(e instanceof AdminError ? e.message : t.couldNotShow((e as Error).message));
    }
    void this.#delivery.load();
    void this.#letters.load([...this.#campaigns.values()]);
  }

  async #show(funnel: FunnelView): Promise<void> {
    for (const unplot of this.#unplot.splice(0)) unplot();
    const ctx: Context = {
      funnel,
      campaigns: this.#campaigns,
      today: new Date().toISOString().slice(0, 10),
      plots: [],
    };
    const slugs = [...new Set([...this.#campaigns.keys(), ...funnel.campaigns.map((c) => c.campaign)])];
    const sections: [Slot, TemplateResult][] = [
      ['ladder', ladderSection(ctx)],
      ['campaigns', html`${slugs.map((slug) => campaignFigure(ctx, slug, this.#exportButton(slug)))}`],
      ['partners', partnersSection(ctx)],
      ['events', eventsSection(ctx)],
      ['calls', callsSection(ctx)],
      ['recruiters', recruitersSection(ctx)],
    ];
    for (const [slot, template] of sections) render(template, this.#slots[slot]);
    if (!ctx.plots.length) return;
    // uPlot comes in its own chunk, after sign-in.
    const { plot } = await import('./plot.ts');
    for (const pending of ctx.plots) {
      const box = document.getElementById(`${pending.id}-plot`);
      if (box) this.#unplot.push(plot(box, pending.series, pending));
    }
  }

  #exportButton(slug: string): TemplateResult {
    const name = this.#campaigns.get(slug)?.title ?? slug;
    return html`<p class="export">
      <button type="button" @click=${() => void this.#export(slug)}>
        ${t.downloadCsv}<span class="visually-hidden">${t.ofCampaign(name)}</span>
      </button>
    </p>`;
  }

  /** The export needs the token, so a plain link cannot do: fetch it, then hand the browser a Blob to save. */
  async #export(slug: string): Promise<void> {
    this.#status.textContent = t.preparingCsv;
    try {
      const response = await adminFetch(`/api/admin/campaigns/${encodeURIComponent(slug)}/export.csv`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `${slug}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.#status.textContent = t.downloaded(`${slug}.csv`);
    } catch (e) {
      this.#status.textContent = '';
      this.#fail((e as Error).message);
    }
  }
}

/** Wires the page: the sign-in form first, the dashboard once a token works. */
export async function startDashboard(root: HTMLElement, form: HTMLFormElement): Promise<void> {
  try {
    const funnel = await signIn(form, (token) => adminJson<FunnelView>('/api/admin/funnel', undefined, token));
    root.hidden = false;
    const dashboard = new Dashboard(root);
    await dashboard.refresh(funnel);
    root.querySelector<HTMLElement>('h2')?.focus();
  } catch (e) {
    // A saved token, and the server cannot be reached: say so above the (hidden) dashboard.
    form.hidden = false;
    const error = form.querySelector<HTMLElement>('.error')!;
    error.textContent = (e as Error).message;
    error.hidden = false;
  }
}
