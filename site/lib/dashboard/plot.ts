/**
 * Time series on canvas with uPlot (1.6, ~20 KB gzip): thousands of daily points draw in a few milliseconds and a
 * cursor reads any day. Loaded only after sign-in (a dynamic import), so the sign-in form stays light. The canvas
 * is hidden from screen readers: its figure has a summary sentence and a table of the days (site/lib/dashboard).
 */
import uPlot from 'uplot';
import { fmt, formatAxisDay, formatDay, t } from './i18n/index.ts';
import type { Series } from './shape.ts';

/** Line colours with at least 3:1 contrast on white, told apart by the legend's labels too. */
export const COLORS = ['#0b5d3b', '#1a56db', '#9a3412', '#6b21a8', '#4d4d4d'];

export interface PlotOptions {
  /** A dashed horizontal line and the y axis reaching it. */
  goal?: number | null;
  /** `YYYY-MM-DD`: a vertical line, and the x axis reaching it. */
  deadline?: string | null;
  height?: number;
}

const seconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

/** Draws `series` into `el`, sized to it and resized with it; returns the function that removes the chart. */
export function plot(el: HTMLElement, series: Series, options: PlotOptions = {}): () => void {
  const { goal, deadline, height = 240 } = options;
  const xs = series.days.map(seconds);
  const deadlineAt = deadline ? seconds(deadline) : null;
  const ys = series.lines.map((line) => line.values);
  const data: uPlot.AlignedData = [xs, ...ys, ...(goal ? [xs.map(() => goal)] : [])];
  // The legend's numbers in the page's language too (uPlot's default is the browser's locale).
  const value = (_u: uPlot, v: number | null) => (v === null ? '' : fmt(v));
  const axis = { stroke: '#4d4d4d', grid: { stroke: '#e6e3db', width: 1 }, ticks: { stroke: '#cfcac0', width: 1 } };
  const chart = new uPlot(
    {
      width: Math.max(el.clientWidth, 240),
      height,
      series: [
        { label: t.day, value: (_u: uPlot, x: number) => formatDay(new Date(x * 1000).toISOString().slice(0, 10)) },
        ...series.lines.map((line, i) => ({
          label: line.label,
          value,
          stroke: COLORS[i % COLORS.length],
          width: 2,
          points: { show: false },
        })),
        ...(goal
          ? [{ label: t.goal, value, stroke: '#4d4d4d', width: 1.5, dash: [6, 4], points: { show: false } }]
          : []),
      ],
      // Tick labels in the page's language (uPlot's own are English).
      axes: [
        {
          ...axis,
          values: (_u, ticks) => {
            const longSpan = ticks.length > 1 && ticks[ticks.length - 1] - ticks[0] > 366 * 86_400;
            return ticks.map((tick) => formatAxisDay(tick, longSpan));
          },
        },
        { ...axis, size: 56, values: (_u, ticks) => ticks.map(fmt) },
      ],
      scales: {
        x: {
          time: true,
          range: (_u, min, max) => [min, Math.max(max, deadlineAt ?? max, min + 86_400)],
        },
        y: { range: (_u, _min, max) => [0, Math.max(max, goal ?? 0, 1) * 1.08] },
      },
      hooks: {
        draw: [
          (u) => {
            if (deadlineAt === null) return;
            const x = u.valToPos(deadlineAt, 'x', true);
            const { ctx, bbox } = u;
            ctx.save();
            ctx.strokeStyle = '#b3261e';
            ctx.fillStyle = '#b3261e';
            ctx.lineWidth = 2 * devicePixelRatio;
            ctx.setLineDash([4 * devicePixelRatio, 4 * devicePixelRatio]);
            ctx.beginPath();
            ctx.moveTo(x, bbox.top);
            ctx.lineTo(x, bbox.top + bbox.height);
            ctx.stroke();
            ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
            ctx.textAlign = 'right';
            ctx.fillText(t.deadline, x - 4 * devicePixelRatio, bbox.top + 14 * devicePixelRatio);
            ctx.restore();
          },
        ],
      },
    },
    data,
    el,
  );
  const resize = new ResizeObserver(() => {
    const width = Math.max(el.clientWidth, 240);
    if (width !== chart.width) chart.setSize({ width, height });
  });
  resize.observe(el);
  return () => {
    resize.disconnect();
    chart.destroy();
  };
}
