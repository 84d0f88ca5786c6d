/** Helpers for the survey's browser tests: reading the widget's state, answering with real input, axe-core. */
import { expect, waitUntil } from '@open-wc/testing';
import type { AxeResults, RunOptions } from 'axe-core';
import type { LadderSurvey } from '../../widgets/survey/survey.component.ts';
import { click, part } from './helpers.ts';

export const text = (el: Element, selector: string) => part(el, selector).textContent!.replace(/\s+/g, ' ').trim();

export const state = (el: LadderSurvey) => part(el, '[part=base]').className.replace('-state', '');

export const until = (el: LadderSurvey, wanted: string) =>
  waitUntil(() => state(el) === wanted, `state ${wanted}, is ${state(el)}`, { timeout: 15000 });

export const loaded = (el: LadderSurvey) => waitUntil(() => el.data, 'campaign loaded', { timeout: 5000 });

/** "Page 2 of 3" */
export const progress = (el: LadderSurvey) => text(el, '[part=progress] p');

export const input = (el: LadderSurvey, name: string, value?: string) =>
  part<HTMLInputElement>(el, value === undefined ? `[name="${name}"]` : `[name="${name}"][value="${value}"]`);

/** Clicks a choice (radio or checkbox) with the mouse. */
export const choose = (el: LadderSurvey, name: string, value: string) => click(input(el, name, value));

/** The primary button: Next, or send on the last page. */
export const forward = async (el: LadderSurvey) => {
  await el.updateComplete;
  await click(part(el, '[part=submit]'));
};

/**
 * An element as a short string, for assertions: chai formatting a failed comparison of DOM nodes (with Lit's
 * internals on them) can take minutes.
 */
export const describeNode = (node: Element | null | undefined): string =>
  node
    ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.getAttribute('value') ? `=${node.getAttribute('value')}` : ''}${node.textContent?.trim() && !node.children.length ? ` "${node.textContent.trim()}"` : ''}`
    : 'nothing';

/** What has the focus inside the widget. */
export const focused = (el: LadderSurvey) => describeNode(el.shadowRoot!.activeElement);

// Not declared on `Window`: other tests' helpers declare it their own way.
const axe = () =>
  (window as unknown as { axe?: { run(context: Element, options: RunOptions): Promise<AxeResults> } }).axe;

/** axe-core on the widget (inside its shadow root), every WCAG A/AA rule and best practice that applies to a part of a page. */
export async function expectAccessible(el: Element): Promise<void> {
  if (!axe()) {
    await new Promise((resolve, reject) => {
      const script = Object.assign(document.createElement('script'), { src: '/node_modules/axe-core/axe.min.js' });
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  }
  const results = await axe()!.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    // Rules about a whole page (landmarks, one h1): the widget is a part of someone else's page.
    rules: {
      region: { enabled: false },
      'page-has-heading-one': { enabled: false },
      'landmark-one-main': { enabled: false },
    },
  });
  const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(violations).to.deep.equal([]);
}
