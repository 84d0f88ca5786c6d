/**
 * Listening results end to end (issue 15), on the built site and a real server: 60 responses (3 typed into the
 * survey widget in Chromium, 45 sent as the widget sends them, 12 synced by a canvasser's batch as canvasser mode
 * sends them after a night offline); the organizer's page with three filters, a cross-tab, suggested themes
 * renamed and coded; the public page hiding a group of 4; axe on every state; Spanish, French and Arabic.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launch, renderToken, type RunningServer, startServer } from './harness.ts';

const built = inject('built');
const TOKEN = 'organizer-results-token-5678';
const SLUG = 'block-listening';
let server: RunningServer;
let browser: Browser;

const answers = (building: string, housing: string, repairs?: string, story?: string) => ({
  answers: { building, housing, ...(repairs ? { repairs } : {}), ...(story ? { story } : {}) },
  consent: { contact: false },
});

async function post(path: string, body: unknown): Promise<void> {
  const res = await fetch(`${server.url}/api/campaigns/${SLUG}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
}

/** One response typed into the widget on the action page, as a neighbour does. */
async function answerInWidget(page: Page): Promise<void> {
  await page.goto(`${server.url}/act/${SLUG}/`);
  // Hydrated (as test/e2e/petition.test.ts waits): a choice made on the server's HTML before would be lost.
  await page.waitForFunction(() => {
    const element = document.querySelector('ladder-survey') as (HTMLElement & { hasUpdated?: boolean }) | null;
    return !!element?.hasUpdated && !element.hasAttribute('defer-hydration');
  });
  const widget = page.locator('ladder-survey');
  await widget.getByRole('radio', { name: 'North tower', exact: true }).check();
  await widget.getByRole('radio', { name: 'I rent', exact: true }).check();
  await widget.getByRole('radio', { name: 'No', exact: true }).check();
  await widget.getByLabel('What should we fix first?').fill('No heat in winter, the heating is broken');
  await widget.getByRole('button', { name: 'Next' }).click();
  await widget.getByRole('button', { name: 'Send my answers' }).click();
  await widget.getByRole('heading', { name: 'Thank you for your answers!' }).waitFor();
}

beforeAll(async () => {
  server = await startServer(built, { LADDER_ADMIN_TOKEN: TOKEN });
  browser = await launch();
  const page = await browser.newPage();
  for (let i = 0; i < 3; i++) await answerInWidget(page);
  // The thank-you view links to the public results.
  expect(
    await page.locator('ladder-survey').getByRole('link', { name: 'See what the community said' }).getAttribute('href'),
  ).toBe(`${server.url}/act/${SLUG}/results/`);
  await page.close();
  const send = async (n: number, body: ReturnType<typeof answers>) => {
    for (let i = 0; i < n; i++)
      await post('/responses', { ...body, token: await renderToken(server.url, `/campaigns/${SLUG}/responses`) });
  };
  await send(20, answers('north', 'rent', 'no', 'The heating is broken and nobody fixes it'));
  await send(4, answers('north', 'rent', 'yes'));
  await send(10, answers('south', 'own'));
  await send(11, answers('south', 'rent', 'no', 'La calefacción no funciona desde octubre'));
  const canvass = { canvasser: 'Dolores', turf: 'Block 4', collectedAt: new Date().toISOString() };
  const token = await renderToken(server.url, `/campaigns/${SLUG}/responses/batch`);
  await post('/responses/batch', {
    responses: Array.from({ length: 12 }, (_, i) => ({
      key: `dolores-${i}`,
      response: { ...answers('south', 'rent', 'no', 'Les rats dans la cave, personne ne vient'), canvass, token },
    })),
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The page fills itself from the API; on a loaded machine that takes seconds. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

/** A chart's table as `[answer, people, share]` rows. */
const table = (page: Page, question: string) =>
  page
    .locator(`figure[data-question="${question}"] tbody tr`)
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim() ?? '')));

async function signIn(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.getByLabel('Admin token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#results-status').filter({ hasText: 'people answered' }).waitFor();
}

describe('the organizer reads what the block said', () => {
  it('shows the counts under three filters and a cross-tab, each state without axe violations', async () => {
    const page = await browser.newPage();
    await signIn(page, `/organize/results/${SLUG}/`);
    await poll(() => page.locator('#results-status').textContent()).toBe('60 people answered this survey.');
    expect(await table(page, 'housing')).toEqual([
      ['I rent', '50', '83%'],
      ['I own', '10', '17%'],
    ]);
    // 4 said their repairs were done: too few to show, and "no" with it (46 = 50 - 4 would tell).
    expect(await table(page, 'repairs')).toEqual([
      ['Yes', 'Too few to show', ''],
      ['No', 'Too few to show', ''],
    ]);
    expect(await axeViolations(page)).toEqual([]);

    const apply = async (expected: string) => {
      await page.getByRole('button', { name: 'Apply the filters' }).click();
      await poll(() => page.locator('#results-status').textContent()).toBe(expected);
    };
    await page.getByLabel('Canvasser').fill('Dolores');
    await apply('12 people answered this survey.');
    expect(await table(page, 'building')).toEqual([
      ['North tower', '0', '0%'],
      ['South tower', '12', '100%'],
    ]);
    await page.getByLabel('Canvasser').fill('');
    await page.getByLabel('Only people who answered').selectOption('housing:rent');
    await apply('50 people answered this survey.');
    expect(await table(page, 'building')).toEqual([
      ['North tower', '27', '54%'],
      ['South tower', '23', '46%'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    // Renters who said yes are the 4: refused, with the reason.
    await page.getByLabel('Only people who answered').selectOption('repairs:yes');
    await apply('Too few to show: fewer than 5 people, or a group that could single someone out.');
    expect(await table(page, 'building')).toEqual([
      ['North tower', 'Too few to show', ''],
      ['South tower', 'Too few to show', ''],
    ]);
    await page.getByLabel('Only people who answered').selectOption('');
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('From', { exact: true }).fill(today);
    await page.getByLabel('To', { exact: true }).fill(today);
    await apply('60 people answered this survey.');

    await page.getByLabel('Rows').selectOption('building');
    await page.getByLabel('Columns').selectOption('housing');
    await page.getByRole('button', { name: 'Show', exact: true }).first().click();
    const cross = page.locator('#crosstab table');
    await poll(() => cross.locator('tbody tr').count()).toBe(2);
    expect(
      await cross
        .locator('tr')
        .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim() ?? ''))),
    ).toEqual([
      ['', 'I rent', 'I own'],
      ['North tower', '27', '0'],
      ['South tower', '23', '10'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('suggests themes in each language; the organizer renames one, accepts it and codes an answer', async () => {
    const page = await browser.newPage();
    await signIn(page, `/organize/results/${SLUG}/`);
    const suggestions = page.locator('#suggestions > li');
    await poll(() => suggestions.count()).toBeGreaterThan(2);
    const texts = await suggestions.locator('p').allTextContents();
    expect(texts.some((t) => /heating|broken/.test(t))).toBe(true);
    expect(texts.some((t) => /calefacción/.test(t))).toBe(true);
    expect(texts.some((t) => /rats|cave/.test(t))).toBe(true);
    const heating = suggestions.filter({ hasText: /heating|broken/ }).first();
    await heating.getByLabel('Theme name').fill('Heating');
    await heating.getByRole('button', { name: 'Accept' }).click();
    const themes = page.locator('#themes > li');
    await poll(() => themes.first().locator('p').textContent()).toBe('Heating: 23 answers');
    // Renamed again from the list of themes.
    await themes.first().getByLabel('Theme name').fill('No heat');
    await themes.first().getByRole('button', { name: 'Rename' }).click();
    await poll(() => themes.first().locator('p').textContent()).toBe('No heat: 23 answers');
    // A Spanish answer about the heating, coded by hand: the answer itself stays as it was.
    await page.getByLabel('Search the answers').fill('calefacción');
    await page.locator('#answers-search').getByRole('button', { name: 'Show' }).click();
    await poll(() => page.locator('#answers-count').textContent()).toBe('11 answers');
    const first = page.locator('#answers > li').first();
    expect(await first.locator('blockquote').textContent()).toBe('La calefacción no funciona desde octubre');
    await first.getByLabel('No heat').check();
    await poll(() => themes.first().locator('p').textContent()).toBe('No heat: 24 answers');
    expect(await page.locator('#answers > li').first().locator('blockquote').textContent()).toBe(
      'La calefacción no funciona desde octubre',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  for (const [lang, heading, dir, sixty] of [
    ['es', 'Lo que dijo la comunidad', 'ltr', '60'],
    ['fr', 'Ce que le quartier a dit', 'ltr', '60'],
    ['ar', 'ما قاله المجتمع', 'rtl', '٦٠'],
  ] as const) {
    it(`speaks ${lang}, its numbers written the language's way`, async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/organize/results/${SLUG}/${lang}/`);
      expect(await page.locator('html').getAttribute('dir')).toBe(dir);
      expect(await page.locator('h1').textContent()).toContain(heading);
      await page.locator('#admin-token').fill(TOKEN);
      await page.locator('#sign-in button[type=submit]').click();
      await poll(() => page.locator('#results-status').textContent()).toContain(sixty);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
});

describe('the block gets its results back', () => {
  it('shows the public page without the group of 4, and prints', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/act/${SLUG}/results/`);
    await poll(() => page.locator('#report-status').textContent()).toBe('60 people answered this survey.');
    expect(await table(page, 'housing')).toEqual([
      ['I rent', '50', '83%'],
      ['I own', '10', '17%'],
    ]);
    expect(await table(page, 'repairs')).toEqual([
      ['Yes', 'Too few to show', ''],
      ['No', 'Too few to show', ''],
    ]);
    expect(await page.content()).not.toContain('Dolores');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print this report' }).isVisible()).toBe(false);
    await page.close();
  });
});
