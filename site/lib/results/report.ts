/** The public results page in the browser: the figures, the themes with their quotes, and a print button. */
import type { ResultsView } from '../../../schema/results.ts';
import { fillCharts, formatters } from './fill.ts';
import { resultsStrings } from './strings.ts';
import { LANGS } from '../../../schema/limits.ts';

export async function showReport(root: HTMLElement): Promise<void> {
  const given = root.dataset.lang ?? '';
  const lang = (LANGS as readonly string[]).includes(given) ? (given as keyof typeof resultsStrings) : 'en';
  const t = resultsStrings[lang];
  const status = root.querySelector<HTMLElement>('#report-status')!;
  const print = root.querySelector<HTMLButtonElement>('#print')!;
  print.addEventListener('click', () => window.print());
  print.disabled = false;
  let results: ResultsView;
  try {
    const response = await fetch(`/api/campaigns/${encodeURIComponent(root.dataset.slug!)}/results`);
    if (!response.ok) throw new Error(String(response.status));
    results = (await response.json()) as ResultsView;
  } catch {
    status.textContent = t.failed;
    return;
  }
  fillCharts(root, results, t, lang);
  const { n } = formatters(lang);
  status.textContent = results.tooFew || results.responses === null ? t.tooFew : t.responses(n(results.responses));
  const themes = results.themes.filter((theme) => theme.count !== null);
  const section = root.querySelector<HTMLElement>('#themes')!;
  const list = section.querySelector('ul')!;
  list.replaceChildren(
    ...themes.map((theme) => {
      const item = document.createElement('li');
      const heading = document.createElement('h3');
      heading.textContent = theme.label;
      const count = document.createElement('p');
      count.textContent = t.themeCount(n(theme.count!));
      item.append(heading, count);
      for (const quote of theme.quotes ?? []) {
        const block = document.createElement('blockquote');
        block.textContent = quote;
        block.dir = 'auto';
        item.append(block);
      }
      return item;
    }),
  );
  section.hidden = themes.length === 0;
}
