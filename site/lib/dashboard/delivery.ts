/**
 * Delivery health of the outbox (webhooks, Action Network, email, SMS): per sink, what was delivered, what waits
 * and what failed for good; each dead letter can be sent again.
 */
import { html, nothing, render } from 'lit';
import { adminFetch, adminJson, AdminError } from './api.ts';
import { barChart } from './charts.ts';
import { fmt, formatInstant, t } from './i18n/index.ts';
import { deliveryBars } from './shape.ts';
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
      this.#message = t.delivery.redelivered(id, redelivered, fmt(redelivered));
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
                title: t.delivery.chart,
                summary: t.delivery.summary(fmt(data.sinks.length), fmt(waiting), fmt(dead.length)),
                bars: deliveryBars(data.sinks),
                labelHeader: t.delivery.destination,
                valueHeader: t.delivery.events,
                empty: data.sinks.length ? t.delivery.nothingYet : t.delivery.noSinks,
              })
            : nothing
        }
        <h3>${t.delivery.failedTitle}</h3>
        ${
          dead.length
            ? html`<ul class="dead-letters">
                ${dead.map(
                  (d) =>
                    html`<li id="dead-${d.event.id}-${d.sink}">
                      <p>
                        <strong>${d.event.type}</strong> (${d.event.campaign}) ${t.delivery.to}
                        <strong>${d.sink}</strong>: ${t.delivery.failed(fmt(d.attempts), formatInstant(d.deadAt))}
                      </p>
                      <p class="muted">${d.error}</p>
                      <button
                        type="button"
                        aria-describedby="dead-${d.event.id}-${d.sink}"
                        ?disabled=${this.#busy.has(d.event.id)}
                        @click=${() => void this.#redeliver(d.event.id)}
                      >
                        ${t.delivery.redeliver}
                      </button>
                    </li>`,
                )}
              </ul>`
            : html`<p>${t.delivery.none}</p>`
        }
        <p role="status" class="status">${this.#message}</p>`,
      this.#root,
    );
  }
}
