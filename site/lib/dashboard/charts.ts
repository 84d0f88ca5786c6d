/**
 * Bar charts as HTML and CSS, not canvas or SVG: a row per bar whose label wraps at 320 px, crisp at any zoom,
 * nothing to lay out in script. Every chart is a `<figure>` named by its heading and described by a sentence
 * that says what it shows; the numbers are in a real table under a "Show the numbers" disclosure (keyboard
 * reachable); the bars themselves are hidden from screen readers, which get the sentence and the table instead.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { fmt, t } from './i18n/index.ts';
import type { Bar } from './shape.ts';

export interface BarChartOptions {
  /** Unique on the page; the heading's and the summary's ids derive from it. */
  id: string;
  title: string;
  /** One or two sentences a listener can act on: totals, the largest, the rate. */
  summary: string;
  bars: Bar[];
  /** The header of the label column: "Rung", "Partner page". */
  labelHeader: string;
  /** The header of the value column: "People", "Actions". */
  valueHeader: string;
  /** Said instead of the chart when there are no bars or all are zero. */
  empty: string;
}

/** The numbers behind a chart, for the disclosure under it. */
export function numbersTable(caption: string, headers: string[], rows: (string | number)[][]): TemplateResult {
  return html`<div class="table-scroll">
    <table>
      <caption class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        <tr>
          ${headers.map((h) => html`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ([first, ...rest]) =>
            html`<tr>
              <th scope="row">${first}</th>
              ${rest.map((cell) => html`<td>${typeof cell === 'number' ? fmt(cell) : cell}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export function figure(
  id: string,
  title: string,
  summary: string,
  chart: TemplateResult | typeof nothing,
  numbers: TemplateResult | typeof nothing,
  extra: TemplateResult | typeof nothing = nothing,
  /** Called when the numbers are shown or hidden (to render a long table only when asked for). */
  onToggle?: (event: Event) => void,
): TemplateResult {
  return html`<figure class="chart" id=${id} aria-labelledby="${id}-title" aria-describedby="${id}-summary">
    <figcaption>
      <h3 id="${id}-title">${title}</h3>
      <p id="${id}-summary" class="summary">${summary}</p>
    </figcaption>
    ${chart}
    ${
      numbers === nothing
        ? nothing
        : html`<details class="numbers" @toggle=${onToggle}>
            <summary>${t.showNumbers}<span class="visually-hidden">: ${title}</span></summary>
            ${numbers}
          </details>`
    }
    ${extra}
  </figure>`;
}

export function barChart(o: BarChartOptions): TemplateResult {
  const max = Math.max(0, ...o.bars.map((bar) => bar.value));
  if (!o.bars.length || max === 0) return figure(o.id, o.title, o.empty, nothing, nothing);
  const partLabels = o.bars.find((bar) => bar.parts)?.parts?.map((part) => part.label) ?? [];
  // Through CSSOM, not a style attribute (Lit's styleMap too writes the attribute on its first render): the site's
  // Content-Security-Policy refuses inline style attributes (functions/security/headers.ts).
  const width = (value: number) =>
    ref((el) =>
      (el as HTMLElement | undefined)?.style.setProperty('inline-size', `${((value / max) * 100).toFixed(2)}%`),
    );
  const chart = html`<div class="bar-chart" aria-hidden="true">
    ${
      partLabels.length
        ? html`<ul class="legend">
            ${partLabels.map((label, i) => html`<li><span class="swatch p${i}"></span>${label}</li>`)}
          </ul>`
        : nothing
    }
    <ol class="bars">
      ${o.bars.map(
        (bar) =>
          html`<li>
            <span class="label">${bar.label}</span>
            <span class="track">
              ${
                bar.parts
                  ? bar.parts.map((part, i) =>
                      part.value ? html`<span class="fill p${i}" ${width(part.value)}></span>` : nothing,
                    )
                  : html`<span class="fill p0" ${width(bar.value)}></span>`
              }
            </span>
            <span class="value">${fmt(bar.value)}${bar.note ? html` <small>(${bar.note})</small>` : nothing}</span>
          </li>`,
      )}
    </ol>
  </div>`;
  const notes = o.bars.some((bar) => bar.note);
  const headers = [o.labelHeader, ...partLabels, o.valueHeader, ...(notes ? [t.note] : [])];
  const rows = o.bars.map((bar) => [
    bar.label,
    ...(bar.parts ?? []).map((part) => part.value),
    bar.value,
    ...(notes ? [bar.note ?? ''] : []),
  ]);
  return figure(o.id, o.title, o.summary, chart, numbersTable(o.title, headers, rows));
}
