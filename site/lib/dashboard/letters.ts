/**
 * Letters by target, per letter campaign (`GET /api/admin/campaigns/<slug>/letters`): what the server delivered,
 * what waits for the target's hourly cap or sending window, what bounced, what was handed to the supporter for a
 * contact form (never counted delivered), what the office stopped, and each office's digest/stop choice.
 */
import { html, nothing, render } from 'lit';
import type { PublicCampaign } from '../../../schema/campaign.ts';
import { adminJson, AdminError } from './api.ts';
import { fmt, formatInstant, t } from './i18n/index.ts';

interface LetterTotal {
  target: string;
  name: string;
  delivered: number;
  waiting: number;
  bounced: number;
  handed: number;
  stopped: number;
  choice: 'digest' | 'stop' | null;
  bouncedAt: string | null;
}

const COUNTS = ['delivered', 'waiting', 'bounced', 'handed', 'stopped'] as const;

export class LetterTotals {
  #root: HTMLElement;

  constructor(root: HTMLElement) {
    this.#root = root;
  }

  async load(campaigns: PublicCampaign[]): Promise<void> {
    const letters = campaigns.filter((c) => c.kind === 'letter');
    let error = '';
    const tables = await Promise.all(
      letters.map(async (campaign) => {
        try {
          const url = `/api/admin/campaigns/${encodeURIComponent(campaign.slug)}/letters`;
          return { campaign, targets: (await adminJson<{ targets: LetterTotal[] }>(url)).targets };
        } catch (e) {
          error = e instanceof AdminError ? e.message : String(e);
          return { campaign, targets: [] };
        }
      }),
    );
    const w = t.letters;
    render(
      html`${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
      ${letters.length ? nothing : html`<p>${w.none}</p>`}
      ${tables.map(
        ({ campaign, targets }) =>
          html`<div class="table-scroll">
            <table data-campaign=${campaign.slug}>
              <caption>
                ${w.caption(campaign.title)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${w.target}</th>
                  ${COUNTS.map((key) => html`<th scope="col">${w[key]}</th>`)}
                  <th scope="col">${w.choice}</th>
                </tr>
              </thead>
              <tbody>
                ${targets.map(
                  (row) =>
                    html`<tr data-target=${row.target}>
                      <th scope="row">
                        ${row.name}${row.bouncedAt ? html`<br /><small>${w.bouncedOn(formatInstant(row.bouncedAt))}</small>` : nothing}
                      </th>
                      ${COUNTS.map((key) => html`<td>${fmt(row[key])}</td>`)}
                      <td>${row.choice ? w[row.choice] : w.noChoice}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`,
      )}`,
      this.#root,
    );
  }
}
