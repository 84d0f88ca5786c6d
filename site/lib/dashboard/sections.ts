/**
 * The dashboard's charts, section by section, from the funnel and the campaign list. Time series are drawn after
 * render into their `.plot` boxes (see `Plots`); their day-by-day tables are rendered only when opened, so a long
 * campaign costs nothing until someone asks for its numbers.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import type { PublicCampaign } from '../../../schema/campaign.ts';
import { barChart, figure, numbersTable } from './charts.ts';
import {
  type Bar,
  callBars,
  cumulativeSeries,
  eventBars,
  flakeRate,
  movementSeries,
  partnerBars,
  recruiterBars,
  rungBars,
  type Series,
  sourceBars,
} from './shape.ts';
import { fmt, formatDay, localized, percent, t } from './i18n/index.ts';
import type { FunnelView } from './types.ts';

/** A time series waiting for uPlot: drawn into `#<id>-plot` once the markup is in the page. */
export interface PendingPlot {
  id: string;
  series: Series;
  goal?: number | null;
  deadline?: string | null;
}

export interface Context {
  funnel: FunnelView;
  campaigns: Map<string, PublicCampaign>;
  today: string;
  plots: PendingPlot[];
}

const title = (ctx: Context) => (slug: string) => ctx.campaigns.get(slug)?.title ?? slug;
const total = (bars: Bar[]) => bars.reduce((sum, bar) => sum + bar.value, 0);
const largest = (bars: Bar[]) => [...bars].sort((a, b) => b.value - a.value)[0];
/** "a, b, c" with the language's comma (Arabic writes "،"). */
const list = (items: string[]) => items.join(t.comma);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** A figure around a uPlot chart, with its table of days rendered when the disclosure opens. */
function seriesFigure(
  ctx: Context,
  plot: PendingPlot,
  titleText: string,
  summary: string,
  rows: () => (string | number)[][],
  headers: string[],
  extra: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  ctx.plots.push(plot);
  const onToggle = (event: Event) => {
    const details = event.currentTarget as HTMLDetailsElement;
    const box = details.querySelector<HTMLElement>('.lazy-table');
    if (details.open && box && !box.hasChildNodes()) render(numbersTable(titleText, headers, rows()), box);
  };
  const chart = html`<div class="plot" id="${plot.id}-plot" aria-hidden="true"></div>`;
  const numbers = html`<div class="lazy-table"></div>`;
  return figure(plot.id, titleText, summary, chart, numbers, extra, onToggle);
}

export function ladderSection(ctx: Context): TemplateResult {
  const bars = rungBars(ctx.funnel.rungs);
  const top = largest(bars);
  const rungs = barChart({
    id: 'chart-rungs',
    title: t.rungsChart,
    summary: t.rungsSummary(
      fmt(total(bars)),
      top.label,
      fmt(top.value),
      list(bars.map((bar) => `${bar.label}: ${fmt(bar.value)}`)),
    ),
    bars,
    labelHeader: t.rungHeader,
    valueHeader: t.peopleHeader,
    empty: t.rungsEmpty,
  });
  const series = movementSeries(ctx.funnel.movement);
  const moves = series.lines.map((line) => ({ label: line.label, n: line.values.reduce((a, b) => a + b, 0) }));
  const movement = series.days.length
    ? seriesFigure(
        ctx,
        { id: 'chart-movement', series },
        t.movementChart,
        t.movementSummary(
          fmt(series.days.length),
          formatDay(series.days[0]),
          formatDay(series.days.at(-1)!),
          list(moves.map((m) => t.reachedRung(fmt(m.n), m.label))),
        ),
        () =>
          ctx.funnel.movement.length
            ? [...new Set(ctx.funnel.movement.map((m) => m.day))]
                .sort()
                .map((day) => [
                  formatDay(day),
                  ...series.lines.map((line) => line.values[series.days.indexOf(day)] ?? 0),
                ])
            : [],
        [t.day, ...series.lines.map((line) => line.label)],
      )
    : figure('chart-movement', t.movementChart, t.movementEmpty, nothing, nothing);
  return html`${rungs}${movement}`;
}

export function campaignFigure(ctx: Context, slug: string, exportButton: TemplateResult): TemplateResult {
  const campaign = ctx.campaigns.get(slug);
  const stats = ctx.funnel.campaigns.find((c) => c.campaign === slug);
  const name = campaign?.title ?? slug;
  const goal = campaign?.goal ?? null;
  const deadline = campaign?.deadline ?? null;
  const actions = stats?.actions ?? 0;
  const parts = [t.actionsBy(fmt(actions), fmt(stats?.supporters ?? 0))];
  if (goal) parts.push(t.ofGoal(percent(actions / goal), fmt(goal)));
  if (deadline) {
    const left = daysBetween(ctx.today, deadline);
    parts.push(left >= 0 ? t.daysLeft(formatDay(deadline), fmt(left)) : t.deadlinePassed(formatDay(deadline)));
  }
  const last7 = (stats?.daily ?? []).filter((d) => daysBetween(d.day, ctx.today) < 7).reduce((sum, d) => sum + d.n, 0);
  if (actions) parts.push(t.lastWeek(fmt(last7)));
  const summary = `${parts.join(t.listSeparator)}.`;
  const id = `chart-campaign-${slug}`;
  if (!stats?.daily.length) return figure(id, name, summary, nothing, nothing, exportButton);
  const series = cumulativeSeries(stats.daily, ctx.today);
  return seriesFigure(
    ctx,
    { id, series, goal, deadline },
    name,
    summary,
    () => {
      let sum = 0;
      return [...stats.daily]
        .sort((a, b) => a.day.localeCompare(b.day))
        .map((d) => [formatDay(d.day), d.n, (sum += d.n)]);
    },
    [t.day, t.actionsThatDay, t.actionsSoFar],
    exportButton,
  );
}

export function partnersSection(ctx: Context): TemplateResult {
  const byPartner = partnerBars(ctx.funnel.partners);
  const bySource = sourceBars(ctx.funnel.partners);
  const lead = largest(byPartner);
  const leadSource = largest(bySource);
  return html`${barChart({
    id: 'chart-partners',
    title: t.partnersChart,
    summary: lead ? t.partnersSummary(fmt(total(byPartner)), fmt(byPartner.length), lead.label, fmt(lead.value)) : '',
    bars: byPartner,
    labelHeader: t.partnerHeader,
    valueHeader: t.actionsHeader,
    empty: t.noActions,
  })}
  ${barChart({
    id: 'chart-sources',
    title: t.sourcesChart,
    summary: leadSource ? t.sourcesSummary(leadSource.label, fmt(leadSource.value)) : '',
    bars: bySource,
    labelHeader: t.sourceHeader,
    valueHeader: t.actionsHeader,
    empty: t.noActions,
  })}`;
}

export function eventsSection(ctx: Context): TemplateResult {
  const bars = eventBars(ctx.funnel.events, title(ctx));
  const confirmed = ctx.funnel.events.reduce((sum, e) => sum + e.confirmed, 0);
  const attended = ctx.funnel.events.reduce((sum, e) => sum + Math.min(e.attended, e.confirmed), 0);
  const flake = flakeRate({ confirmed, attended });
  return html`${barChart({
    id: 'chart-events',
    title: t.eventsChart,
    summary: `${t.eventsSummary(fmt(confirmed), fmt(attended), flake === null ? null : percent(flake))} ${bars
      .map((bar) => t.eventCame(bar.label, fmt(bar.parts?.[0].value ?? 0), fmt(bar.value), bar.note ?? ''))
      .join(t.listSeparator)}.`,
    bars,
    labelHeader: t.eventHeader,
    valueHeader: t.confirmedHeader,
    empty: t.eventsEmpty,
  })}
  ${
    ctx.funnel.events.length
      ? html`<ul class="links">
          ${ctx.funnel.events.map(
            (e) =>
              html`<li>
                <a href="${localized('/checkin/')}?event=${encodeURIComponent(e.campaign)}"
                  >${t.checkInFor(title(ctx)(e.campaign))}</a
                >
              </li>`,
          )}
        </ul>`
      : nothing
  }`;
}

export function callsSection(ctx: Context): TemplateResult {
  const bars = callBars(ctx.funnel.calls, title(ctx));
  const reached = bars.reduce((sum, bar) => sum + (bar.parts?.[0].value ?? 0), 0);
  return barChart({
    id: 'chart-calls',
    title: t.callsChart,
    summary: `${t.callsSummary(fmt(total(bars)), fmt(reached))} ${bars
      .map((bar) => `${bar.label}: ${list(bar.parts?.map((p) => `${fmt(p.value)} ${p.label.toLowerCase()}`) ?? [])}`)
      .join(t.listSeparator)}.`,
    bars,
    labelHeader: t.targetHeader,
    valueHeader: t.callsHeader,
    empty: t.callsEmpty,
  });
}

export function recruitersSection(ctx: Context): TemplateResult {
  const bars = recruiterBars(ctx.funnel.recruiters);
  const top = largest(bars);
  return barChart({
    id: 'chart-recruiters',
    title: t.recruitersChart,
    summary: top ? t.recruitersSummary(fmt(bars.length), top.label, fmt(top.value)) : '',
    bars,
    labelHeader: t.supporterHeader,
    valueHeader: t.recruitedHeader,
    empty: t.recruitersEmpty,
  });
}
