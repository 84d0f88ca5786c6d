/**
 * The organizer's results page in the browser: sign in, then the figures under the filters (every chart at once),
 * a cross-tab, the themes (suggested, accepted, renamed, merged) and the open answers to read and code. Built with
 * the DOM and `textContent` only: answers are people's words, never markup.
 */
import { adminFetch, adminJson, AdminError, jsonBody } from '../dashboard/api.ts';
import { signIn } from '../dashboard/sign-in.ts';
import { LANGS, type Lang } from '../../../schema/limits.ts';
import type { OpenAnswer, ResultsView, ThemeFigure, ThemeSuggestion } from '../../../schema/results.ts';
import { fillCharts, formatters } from './fill.ts';
import { resultsStrings } from './strings.ts';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  props: Record<string, unknown> = {},
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  if (text !== undefined) node.textContent = text;
  return node;
}

export async function startResults(root: HTMLElement, form: HTMLFormElement): Promise<void> {
  const given = root.dataset.lang ?? 'en';
  const lang: Lang = (LANGS as readonly string[]).includes(given) ? (given as Lang) : 'en';
  const t = resultsStrings[lang];
  const o = t.organizer;
  const { n } = formatters(lang);
  const base = `/api/admin/campaigns/${encodeURIComponent(root.dataset.slug!)}`;
  const status = root.querySelector<HTMLElement>('#results-status')!;
  const filters = root.querySelector<HTMLFormElement>('#filters')!;
  let themes: (ThemeFigure & { id: string })[] = [];

  const query = () => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(filters))
      if (String(value).trim()) params.append(name, String(value).trim());
    return params;
  };

  /** The charts and the themes' counts; `load` also lists the answers again and the cross-tab. */
  const figures = async () => {
    const results = await adminJson<ResultsView & { themes: (ThemeFigure & { id: string })[] }>(
      `${base}/results?${query()}`,
    );
    themes = results.themes;
    fillCharts(root, results, t, lang);
    status.textContent =
      results.tooFew || results.responses === null ? t.tooFewFilter : t.responses(n(results.responses));
    showThemes();
  };
  const load = async () => {
    status.textContent = t.loading;
    try {
      await figures();
      await Promise.all([showAnswers(), showCrossTab()]);
    } catch (error) {
      status.textContent = error instanceof AdminError ? error.message : t.failed;
    }
  };

  // Cross-tab: a real table, its hidden cells said in words.
  const crossForm = root.querySelector<HTMLFormElement>('#crosstab-form')!;
  const crossOut = root.querySelector<HTMLElement>('#crosstab')!;
  const label = (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '';
  const showCrossTab = async () => {
    const rows = crossForm.elements.namedItem('rows') as HTMLSelectElement;
    const columns = crossForm.elements.namedItem('columns') as HTMLSelectElement;
    if (!rows.value || !columns.value || rows.value === columns.value) return crossOut.replaceChildren();
    const params = query();
    params.set('rows', rows.value);
    params.set('columns', columns.value);
    const { crossTab } = await adminJson<ResultsView>(`${base}/results?${params}`);
    if (!crossTab?.cells) return crossOut.replaceChildren(el('p', t.tooFewFilter));
    const valueLabel = (question: string, value: string) =>
      root.querySelector(`figure[data-question="${question}"] tr[data-value="${CSS.escape(value)}"] th`)?.textContent ||
      value;
    const table = el('table');
    table.append(el('caption', `${label(rows)} × ${label(columns)}`));
    const head = el('tr');
    const columnValues = Object.keys(Object.values(crossTab.cells)[0] ?? {});
    head.append(el('td'), ...columnValues.map((v) => el('th', valueLabel(columns.value, v), { scope: 'col' })));
    table.append(el('thead'), el('tbody'));
    table.tHead!.append(head);
    for (const [row, cells] of Object.entries(crossTab.cells)) {
      const line = el('tr');
      line.append(el('th', valueLabel(rows.value, row), { scope: 'row' }));
      for (const v of columnValues) line.append(el('td', cells[v] === null ? t.tooFew : n(cells[v]!)));
      table.tBodies[0].append(line);
    }
    crossOut.replaceChildren(table);
  };

  // Themes: rename, merge; suggestions to accept (under the name the organizer gives them).
  const themeList = root.querySelector<HTMLElement>('#themes')!;
  const suggestionList = root.querySelector<HTMLElement>('#suggestions')!;
  const showThemes = () => {
    themeList.replaceChildren(
      ...themes.map((theme, i) => {
        const item = el('li', undefined, { className: 'answer' });
        const name = el('input', undefined, { value: theme.label, id: `theme-${i}` });
        const nameLabel = el('label', `${o.themeName} `, { htmlFor: name.id });
        const rename = el('button', o.rename, { type: 'button' });
        rename.addEventListener('click', () =>
          act(`${base}/themes/${theme.id}`, { ...jsonBody({ label: name.value }), method: 'PATCH' }),
        );
        const into = el('select', undefined, { id: `merge-${i}` });
        into.append(...themes.filter((x) => x.id !== theme.id).map((x) => el('option', x.label, { value: x.id })));
        const merge = el('button', o.merge, { type: 'button', disabled: themes.length < 2 });
        merge.addEventListener('click', () => act(`${base}/themes/${theme.id}/merge`, jsonBody({ into: into.value })));
        item.append(
          el('p', `${theme.label}: ${theme.count === null ? t.tooFew : t.themeCount(n(theme.count))}`),
          nameLabel,
          name,
          rename,
          el('label', ` ${o.mergeInto} `, { htmlFor: into.id }),
          into,
          merge,
        );
        return item;
      }),
    );
  };

  const showSuggestions = async () => {
    const { suggestions } = await adminJson<{ suggestions: ThemeSuggestion[] }>(`${base}/results/suggestions`);
    suggestionList.replaceChildren(
      ...suggestions.map((s, i) => {
        const item = el('li', undefined, { className: 'answer' });
        const name = el('input', undefined, { value: s.label, id: `suggestion-${i}`, dir: 'auto' });
        const accept = el('button', o.accept, { type: 'button' });
        accept.addEventListener('click', () =>
          act(`${base}/themes`, jsonBody({ label: name.value, match: s.key }), async () => {
            await load();
            await showSuggestions();
          }),
        );
        item.append(
          el('p', `${s.label}: ${t.themeCount(n(s.count))}`, { dir: 'auto' }),
          ...s.quotes.map((quote) => el('blockquote', quote, { dir: 'auto' })),
          el('label', `${o.themeName} `, { htmlFor: name.id }),
          name,
          accept,
        );
        return item;
      }),
    );
  };

  // Open answers, with a box per theme to code them (and one to quote them publicly).
  const answerList = root.querySelector<HTMLElement>('#answers')!;
  const answerCount = root.querySelector<HTMLElement>('#answers-count')!;
  const search = root.querySelector<HTMLFormElement>('#answers-search')!;
  const questionLabel = (id: string) => document.getElementById(`question-${id}`)?.textContent ?? id;
  const showAnswers = async () => {
    const params = query();
    const q = (search.elements.namedItem('q') as HTMLInputElement).value.trim();
    if (q) params.set('q', q);
    const found = await adminJson<{ tooFew: boolean; total: number | null; answers: OpenAnswer[] }>(
      `${base}/results/answers?${params}`,
    );
    answerCount.textContent = found.tooFew ? t.tooFewFilter : o.found(n(found.total ?? 0));
    answerList.replaceChildren(
      ...found.answers.map((answer, i) => {
        const item = el('li', undefined, { className: 'answer' });
        const where = [answer.postcode, answer.turf].filter(Boolean).join(', ');
        const meta = [
          `${o.question}: ${questionLabel(answer.question)}`,
          where && `${o.area}: ${where}`,
          `${o.date}: ${new Date(answer.createdAt).toLocaleDateString(lang)}`,
          answer.canvasser && `${o.canvasser}: ${answer.canvasser}`,
        ].filter(Boolean);
        const codes = el('fieldset', undefined, { className: 'codes' });
        codes.append(el('legend', o.yourThemes));
        themes.forEach((theme, j) => {
          const box = el('input', undefined, {
            type: 'checkbox',
            id: `code-${i}-${j}`,
            checked: answer.themes.includes(theme.id),
          });
          box.addEventListener('change', () =>
            act(
              `${base}/codes`,
              {
                ...jsonBody({
                  codes: [
                    { response: answer.response, question: answer.question, theme: theme.id, coded: box.checked },
                  ],
                }),
                method: 'PUT',
              },
              // The counts change; the list stays as it is, the focus on this box.
              figures,
            ),
          );
          codes.append(box, el('label', theme.label, { htmlFor: box.id }));
        });
        item.append(
          el('blockquote', answer.text, { dir: 'auto' }),
          el('p', meta.join(' · ')),
          ...(themes.length ? [codes] : []),
        );
        return item;
      }),
    );
  };

  /** Sends a change, shows what it changed (`after`: everything by default), and says it is saved. */
  const act = async (path: string, init: RequestInit, after: () => Promise<void> = load) => {
    try {
      await adminFetch(path, init);
      await after();
      status.textContent = o.saved;
    } catch (error) {
      status.textContent = error instanceof AdminError ? error.message : t.failed;
    }
  };

  const download = async () => {
    const response = await adminFetch(`${base}/results.csv?${query()}`);
    const link = el('a', undefined, {
      href: URL.createObjectURL(await response.blob()),
      download: `${root.dataset.slug}-results.csv`,
    });
    link.click();
    URL.revokeObjectURL(link.href);
  };

  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  crossForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void showCrossTab();
  });
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    void showAnswers();
  });
  root.querySelector('#download-csv')!.addEventListener('click', () => void download());

  await signIn(form, (token) => adminJson(`${base}/results`, undefined, token));
  if (root.dataset.anonymous !== 'yes') linkFollowUps(root, o.followUp);
  root.hidden = false;
  // The place kept for the sign-in form (results/[...path].astro) is not needed any more.
  form.parentElement?.style.setProperty('min-block-size', '0');
  await load();
  await showSuggestions();
}

/**
 * Each answer's row leads to the follow-up list of the people who gave it (the follow-ups page reads the rule
 * `{ kind: 'answer', campaign, question, value }` from its query; "Would you help?" is question `@help`). Not on
 * an anonymous survey: nobody to follow up.
 */
function linkFollowUps(root: HTMLElement, name: (answer: string) => string): void {
  const lang = document.documentElement.lang;
  const page = `/organize/followups/${lang && lang !== 'en' ? `${lang}/` : ''}`;
  for (const figure of root.querySelectorAll<HTMLElement>('figure[data-question]')) {
    for (const row of figure.querySelectorAll<HTMLElement>('tbody tr[data-value]')) {
      const cell = row.querySelector('th')!;
      const label = cell.textContent ?? '';
      const params = new URLSearchParams({
        campaign: root.dataset.slug!,
        question: figure.dataset.question!,
        value: row.dataset.value!,
      });
      cell.replaceChildren(el('a', label, { href: `${page}?${params}`, ariaLabel: name(label) }));
    }
  }
}
