/**
 * From the funnel's aggregates to what the charts draw: bars (label, value, optional parts) and daily series with
 * the gaps filled. Pure functions, no DOM.
 */
import { RUNGS } from '../../../schema/funnel.ts';
import { formatInstant, percent, t } from './i18n/index.ts';
import type { FunnelView, OutboxView } from './types.ts';

export interface Part {
  label: string;
  value: number;
}

export interface Bar {
  label: string;
  value: number;
  /** Stacked parts, in legend order; their sum is `value`. */
  parts?: Part[];
  /** Said after the value, e.g. a flake rate. */
  note?: string;
}

/** The longest series drawn: ten years of days. Older days are left out of the chart (never out of the totals). */
export const MAX_DAYS = 3660;
const DAY = 86_400_000;

/** Every day from `first` to `last` (UTC, inclusive), at most the last `MAX_DAYS`. */
export function dayRange(first: string, last: string): string[] {
  const end = Date.parse(`${last}T00:00:00Z`);
  const start = Math.max(Date.parse(`${first}T00:00:00Z`), end - (MAX_DAYS - 1) * DAY);
  const days: string[] = [];
  for (let t = start; t <= end; t += DAY) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

export interface Series {
  days: string[];
  lines: { label: string; values: number[] }[];
}

/** Arrivals on each rung per day. */
export function movementSeries(movement: FunnelView['movement']): Series {
  if (!movement.length) return { days: [], lines: [] };
  const sorted = movement.map((m) => m.day).sort();
  const days = dayRange(sorted[0], sorted[sorted.length - 1]);
  const index = new Map(days.map((day, i) => [day, i]));
  const lines = RUNGS.map((rung) => ({ label: t.rungs[rung], values: days.map(() => 0) }));
  for (const { day, rung, n } of movement) {
    const i = index.get(day);
    const r = RUNGS.indexOf(rung);
    if (i !== undefined && r >= 0) lines[r].values[i] += n;
  }
  return { days, lines };
}

/** A campaign's actions so far, day by day (cumulative), from its first action to its last (or today). */
export function cumulativeSeries(daily: { day: string; n: number }[], today: string): Series {
  if (!daily.length) return { days: [], lines: [] };
  const sorted = [...daily].sort((a, b) => a.day.localeCompare(b.day));
  const last = sorted[sorted.length - 1].day;
  const days = dayRange(sorted[0].day, last > today ? last : today);
  const perDay = new Map(sorted.map((d) => [d.day, d.n]));
  // Days before the drawn window still count towards the total.
  let total = sorted.filter((d) => d.day < days[0]).reduce((sum, d) => sum + d.n, 0);
  const values = days.map((day) => (total += perDay.get(day) ?? 0));
  return { days, lines: [{ label: t.actionsSoFar, values }] };
}

export const rungBars = (rungs: FunnelView['rungs']): Bar[] =>
  RUNGS.map((rung) => ({ label: t.rungs[rung], value: rungs[rung] ?? 0 }));

/** "tenants-union.example", or what a missing origin means. */
export const partnerName = (origin: string | null): string => {
  if (!origin) return t.noPage;
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
};

/** Actions by the page they came from, or by `?source=`, across campaigns; the largest `top`, then the rest. */
export function groupBars(rows: { key: string; n: number }[], top = 10): Bar[] {
  const totals = new Map<string, number>();
  for (const { key, n } of rows) totals.set(key, (totals.get(key) ?? 0) + n);
  const bars = [...totals].map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value);
  if (bars.length <= top + 1) return bars;
  const rest = bars.slice(top).reduce((sum, bar) => sum + bar.value, 0);
  return [...bars.slice(0, top), { label: t.others(String(bars.length - top)), value: rest }];
}

export const partnerBars = (partners: FunnelView['partners']): Bar[] =>
  groupBars(partners.map((p) => ({ key: partnerName(p.origin), n: p.actions })));

export const sourceBars = (partners: FunnelView['partners']): Bar[] =>
  groupBars(partners.map((p) => ({ key: p.source ?? t.noSource, n: p.actions })));

/** 1 - attended / confirmed; null before anyone confirmed. */
export const flakeRate = (e: { confirmed: number; attended: number }): number | null =>
  e.confirmed ? Math.max(0, 1 - e.attended / e.confirmed) : null;

export function eventBars(events: FunnelView['events'], title: (slug: string) => string): Bar[] {
  return events.map((e) => {
    const attended = Math.min(e.attended, e.confirmed);
    const flake = flakeRate(e);
    return {
      label: title(e.campaign),
      value: e.confirmed,
      parts: [
        { label: t.came, value: attended },
        { label: t.notCome, value: e.confirmed - attended },
      ],
      note: flake === null ? t.noRsvps : t.flakeRate(percent(flake)),
    };
  });
}

const OUTCOMES = ['contact', 'voicemail', 'unavailable', 'skipped'] as const;

export function callBars(calls: FunnelView['calls'], title: (slug: string) => string): Bar[] {
  const byTarget = new Map<string, Map<string, number>>();
  for (const { campaign, target, outcome, n } of calls) {
    const key = `${target} (${title(campaign)})`;
    const row = byTarget.get(key) ?? new Map<string, number>();
    row.set(outcome, (row.get(outcome) ?? 0) + n);
    byTarget.set(key, row);
  }
  return [...byTarget]
    .map(([label, row]) => ({
      label,
      value: [...row.values()].reduce((a, b) => a + b, 0),
      parts: OUTCOMES.map((outcome) => ({ label: t.outcomes[outcome], value: row.get(outcome) ?? 0 })),
    }))
    .sort((a, b) => b.value - a.value);
}

export const recruiterBars = (recruiters: FunnelView['recruiters']): Bar[] =>
  recruiters.map((r) => ({ label: r.name || t.erasedSupporter, value: r.recruits }));

export const deliveryBars = (sinks: OutboxView['sinks']): Bar[] =>
  sinks.map((s) => ({
    label: s.sink,
    value: s.delivered + s.pending + s.dead,
    parts: [
      { label: t.delivery.delivered, value: s.delivered },
      { label: t.delivery.waiting, value: s.pending },
      { label: t.delivery.dead, value: s.dead },
    ],
    note: s.oldestPending ? t.delivery.oldest(formatInstant(s.oldestPending)) : undefined,
  }));
