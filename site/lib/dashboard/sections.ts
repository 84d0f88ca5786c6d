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
  fmt,
  movementSeries,
  partnerBars,
  percent,
  recruiterBars,
  rungBars,
  type Series,
  sourceBars,
} from './shape.ts';
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
    title: 'People on each rung now',
    summary: `${fmt(total(bars))} people in all; the most stand on “${top.label}” (${fmt(top.value)}). ${bars
      .map((bar) => `${bar.label}: ${fmt(bar.value)}`)
      .join(', ')}.`,
    bars,
    labelHeader: 'Rung',
    valueHeader: 'People',
    empty: 'Nobody yet: the ladder fills as people take action.',
  });
  const series = movementSeries(ctx.funnel.movement);
  const moves = series.lines.map((line) => ({ label: line.label, n: line.values.reduce((a, b) => a + b, 0) }));
  const movement = series.days.length
    ? seriesFigure(
        ctx,
        { id: 'chart-movement', series },
        'Arrivals on each rung, per day',
        `Over ${fmt(series.days.length)} days (${series.days[0]} to ${series.days.at(-1)}): ${moves
          .map((m) => `${fmt(m.n)} reached ${m.label.toLowerCase()}`)
          .join(', ')}.`,
        () =>
          ctx.funnel.movement.length
            ? [...new Set(ctx.funnel.movement.map((m) => m.day))]
                .sort()
                .map((day) => [day, ...series.lines.map((line) => line.values[series.days.indexOf(day)] ?? 0)])
            : [],
        ['Day', ...series.lines.map((line) => line.label)],
      )
    : figure('chart-movement', 'Arrivals on each rung, per day', 'No movement yet.', nothing, nothing);
  return html`${rungs}${movement}`;
}

export function campaignFigure(ctx: Context, slug: string, exportButton: TemplateResult): TemplateResult {
  const campaign = ctx.campaigns.get(slug);
  const stats = ctx.funnel.campaigns.find((c) => c.campaign === slug);
  const name = campaign?.title ?? slug;
  const goal = campaign?.goal ?? null;
  const deadline = campaign?.deadline ?? null;
  const actions = stats?.actions ?? 0;
  const parts = [`${fmt(actions)} actions by ${fmt(stats?.supporters ?? 0)} people`];
  if (goal) parts.push(`${percent(actions / goal)} of the goal of ${fmt(goal)}`);
  if (deadline) {
    const left = daysBetween(ctx.today, deadline);
    parts.push(left >= 0 ? `deadline ${deadline}, ${fmt(left)} days left` : `the deadline (${deadline}) has passed`);
  }
  const last7 = (stats?.daily ?? []).filter((d) => daysBetween(d.day, ctx.today) < 7).reduce((sum, d) => sum + d.n, 0);
  if (actions) parts.push(`${fmt(last7)} in the last 7 days`);
  const summary = `${parts.join('; ')}.`;
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
      return [...stats.daily].sort((a, b) => a.day.localeCompare(b.day)).map((d) => [d.day, d.n, (sum += d.n)]);
    },
    ['Day', 'Actions that day', 'Actions so far'],
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
    title: 'Actions by partner page',
    summary: lead
      ? `${fmt(total(byPartner))} actions from ${fmt(byPartner.length)} pages; the most from ${lead.label} (${fmt(lead.value)}).`
      : '',
    bars: byPartner,
    labelHeader: 'Page (origin)',
    valueHeader: 'Actions',
    empty: 'No actions yet.',
  })}
  ${barChart({
    id: 'chart-sources',
    title: 'Actions by source (?source= in the link)',
    summary: leadSource ? `The most from “${leadSource.label}” (${fmt(leadSource.value)}).` : '',
    bars: bySource,
    labelHeader: 'Source',
    valueHeader: 'Actions',
    empty: 'No actions yet.',
  })}`;
}

export function eventsSection(ctx: Context): TemplateResult {
  const bars = eventBars(ctx.funnel.events, title(ctx));
  const confirmed = ctx.funnel.events.reduce((sum, e) => sum + e.confirmed, 0);
  const attended = ctx.funnel.events.reduce((sum, e) => sum + Math.min(e.attended, e.confirmed), 0);
  const flake = flakeRate({ confirmed, attended });
  return html`${barChart({
    id: 'chart-events',
    title: 'RSVPs and attendance per event',
    summary: `${fmt(confirmed)} confirmed RSVPs, ${fmt(attended)} came${flake === null ? '' : `: a flake rate of ${percent(flake)}`}. ${bars
      .map((bar) => `${bar.label}: ${bar.parts?.[0].value ?? 0} of ${bar.value} came (${bar.note})`)
      .join('; ')}.`,
    bars,
    labelHeader: 'Event',
    valueHeader: 'Confirmed RSVPs',
    empty: 'No RSVPs yet.',
  })}
  ${
    ctx.funnel.events.length
      ? html`<ul class="links">
          ${ctx.funnel.events.map(
            (e) =>
              html`<li>
                <a href="/checkin/?event=${encodeURIComponent(e.campaign)}">Check-in for ${title(ctx)(e.campaign)}</a>
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
    title: 'Call outcomes per target',
    summary: `${fmt(total(bars))} calls; callers spoke to someone ${fmt(reached)} times. ${bars
      .map((bar) => `${bar.label}: ${bar.parts?.map((p) => `${fmt(p.value)} ${p.label.toLowerCase()}`).join(', ')}`)
      .join('; ')}.`,
    bars,
    labelHeader: 'Target',
    valueHeader: 'Calls',
    empty: 'No calls yet.',
  });
}

export function recruitersSection(ctx: Context): TemplateResult {
  const bars = recruiterBars(ctx.funnel.recruiters);
  const top = largest(bars);
  return barChart({
    id: 'chart-recruiters',
    title: 'Who brought the most people',
    summary: top
      ? `${fmt(bars.length)} people recruited others; ${top.label} brought the most (${fmt(top.value)}).`
      : '',
    bars,
    labelHeader: 'Supporter',
    valueHeader: 'People recruited',
    empty: 'Nobody has recruited anyone through a share link yet.',
  });
}
