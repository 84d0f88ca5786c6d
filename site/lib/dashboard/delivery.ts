/**
 * Delivery health of the outbox (webhooks, Action Network, email, SMS): per sink, what was delivered, what waits
 * and what failed for good; each dead letter can be sent again.
 */
import { html, nothing, render } from 'lit';
import { adminFetch, adminJson, AdminError } from './api.ts';
import { barChart } from './charts.ts';
import { deliveryBars, fmt } from './shape.ts';
import type { OutboxView } from './types.ts';

export class DeliveryHealth {
  #root: HTMLElement;
  #data?: OutboxView;
  #message = '';
  #error = '';
  #busy = new Set<string>();

  constructor(root: HTMLElement) {
    this.#root = root;
  }

  async load(): Promise<void> {
    try {
      this.#data = await adminJson<OutboxView>('/api/admin/outbox');
      this.#error = '';
    } catch (e) {
      this.#error = e instanceof AdminError ? e.message : String(e);
    }
    this.#render();
  }

  async #redeliver(id: string): Promise<void> {
    this.#busy.add(id);
    this.#render();
    try {
      const { redelivered } = (await (
        await adminFetch(`/api/admin/outbox/${encodeURIComponent(id)}/redeliver`, { method: 'POST' })
      ).json()) as { redelivered: number };
      this.#message = `Event ${id} will be sent again (${fmt(redelivered)} ${redelivered === 1 ? 'delivery' : 'deliveries'}).`;
    } catch (e) {
      this.#message = e instanceof AdminError ? e.message : String(e);
    }
    this.#busy.delete(id);
    await this.load();
  }

  #render(): void {
    const data = this.#data;
    const dead = data?.dead ?? [];
    const waiting = data?.sinks.reduce((sum, s) => sum + s.pending, 0) ?? 0;
    render(
      html`${this.#error ? html`<p class="error" role="alert">${this.#error}</p>` : nothing}
        ${
          data
            ? barChart({
                id: 'chart-delivery',
                title: 'Deliveries per destination',
                summary: `${data.sinks.length} destinations; ${fmt(waiting)} deliveries waiting, ${fmt(dead.length)} failed for good.`,
                bars: deliveryBars(data.sinks),
                labelHeader: 'Destination',
                valueHeader: 'Events',
                empty: data.sinks.length
                  ? 'Nothing to deliver yet.'
                  : 'No destinations are configured (webhooks, Action Network, email, SMS): nothing leaves the server.',
              })
            : nothing
        }
        <h3>Failed deliveries</h3>
        ${
          dead.length
            ? html`<ul class="dead-letters">
                ${dead.map(
                  (d) =>
                    html`<li id="dead-${d.event.id}-${d.sink}">
                      <p>
                        <strong>${d.event.type}</strong> (${d.event.campaign}) to <strong>${d.sink}</strong>: failed
                        ${d.attempts} times, last at ${d.deadAt.slice(0, 16).replace('T', ' ')} UTC.
                      </p>
                      <p class="muted">${d.error}</p>
                      <button
                        type="button"
                        aria-describedby="dead-${d.event.id}-${d.sink}"
                        ?disabled=${this.#busy.has(d.event.id)}
                        @click=${() => void this.#redeliver(d.event.id)}
                      >
                        Redeliver
                      </button>
                    </li>`,
                )}
              </ul>`
            : html`<p>None: every delivery went through or is still being tried.</p>`
        }
        <p role="status" class="status">${this.#message}</p>`,
      this.#root,
    );
  }
}
