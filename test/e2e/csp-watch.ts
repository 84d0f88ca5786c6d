/** Policy violations seen by a page, for the Content-Security-Policy tests (csp.test.ts, partner-csp.test.ts). */
import type { BrowserContext, Page } from 'playwright-core';

export interface Watched {
  page: Page;
  /** What was refused so far in the current document, and every Content-Security-Policy console error. */
  violations(): Promise<string[]>;
}

/** A new page in `context` that records every violation from the first byte, as events and as console errors. */
export async function watchedPage(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) console.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    // Captured on the document: a violation inside a shadow root is a composed event and reaches it too.
    document.addEventListener(
      'securitypolicyviolation',
      (e) => w.violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
      true,
    );
  });
  const violations = async () => [
    ...(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)),
    ...console,
  ];
  return { page, violations };
}

/** Every Ladder widget on the page has hydrated or upgraded: Lit has rendered it on the client. */
export const hydrated = (page: Page) =>
  page.waitForFunction(() =>
    [...document.querySelectorAll('ladder-petition, ladder-survey, ladder-rsvp, ladder-call, ladder-letter')].every(
      (el) => (el as HTMLElement & { hasUpdated?: boolean }).hasUpdated && !el.hasAttribute('defer-hydration'),
    ),
  );

/**
 * Records CSP violations and layout shifts from the first byte: all of them (`shift`, as CLS counts them), and
 * those that moved the page's own elements (`page`). A shift inside a widget's shadow root names no node (the
 * browser keeps shadow DOM private), so `shift - page` is what moved within the widgets.
 */
export async function watchShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { refused: string[]; shift: number; page: number };
    w.refused = [];
    w.shift = 0;
    w.page = 0;
    document.addEventListener('securitypolicyviolation', (e) =>
      w.refused.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    type Shift = { value: number; hadRecentInput: boolean; sources: { node: Node | null }[] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Shift[]) {
        if (entry.hadRecentInput) continue;
        w.shift += entry.value;
        if (entry.sources.some((source) => source.node?.getRootNode() === document)) w.page += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** What `watchShifts` recorded so far. */
export const shifts = (page: Page) =>
  page.evaluate(() => {
    const { refused, shift, page } = window as unknown as { refused: string[]; shift: number; page: number };
    return { violations: refused, shift, page };
  });
