/**
 * Fills the static charts of ResultsCharts.astro with the figures the results API answers, in the page's
 * language: numbers and percentages through Intl (Arabic digits on Arabic pages), "too few to show" for a hidden
 * figure, and each chart's summary sentence. Text only (`textContent`), and bar widths through CSSOM: the site's
 * Content-Security-Policy refuses inline styles.
 */
import type { QuestionFigures, ResultsView } from '../../../schema/results.ts';
import type { ResultsStrings } from './strings.ts';

export function formatters(lang: string) {
  // Arabic pages write Arabic digits (٦٠), whatever the browser's default numbering for `ar` is.
  const locale = lang === 'ar' ? 'ar-u-nu-arab' : lang;
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: 'percent' });
  return { n: (value: number) => numbers.format(value), pct: (ratio: number) => percents.format(ratio) };
}

export function fillCharts(root: ParentNode, results: ResultsView, t: ResultsStrings, lang: string): void {
  const { n, pct } = formatters(lang);
  for (const figure of root.querySelectorAll<HTMLElement>('figure[data-question]')) {
    const id = figure.dataset.question!;
    const help = id === '@help';
    const figures: QuestionFigures | undefined = help
      ? { shown: results.responses, answered: results.responses, counts: results.help }
      : results.questions[id];
    const counts = figures?.counts ?? {};
    const base = figures?.answered ?? null;
    let top: { label: string; count: number } | null = null;
    for (const row of figure.querySelectorAll<HTMLElement>('[data-value]')) {
      const value = row.dataset.value!;
      const count = results.tooFew ? null : (counts[value] ?? null);
      const text = count === null ? t.tooFew : n(count);
      const share = count === null || !base ? '' : pct(count / base);
      if (row instanceof HTMLTableRowElement) {
        row.querySelector('.n')!.textContent = text;
        row.querySelector('.pct')!.textContent = share;
        const label = row.querySelector('th')!.textContent ?? '';
        if (count !== null && (!top || count > top.count)) top = { label, count };
      } else {
        row.querySelector('.value')!.textContent = share ? `${text} (${share})` : text;
        const fill = row.querySelector<HTMLElement>('.fill')!;
        fill.style.setProperty('inline-size', count && base ? `${((count / base) * 100).toFixed(1)}%` : '0');
      }
    }
    const summary = figure.querySelector('.summary')!;
    if (results.tooFew || base === null || !top) summary.textContent = t.tooFew;
    else {
      summary.textContent = t.summary(n(base), top.label, pct(top.count / base));
      if (figures?.median != null) summary.textContent += ` ${t.median(n(figures.median))}`;
      else if (figures && 'median' in figures) summary.textContent += ` ${t.median(t.tooFew)}`;
    }
  }
}
