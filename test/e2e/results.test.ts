/**
 * Listening results end to end (issue 15's "done when", one story), on the built site and a real server: 60
 * responses entered through the survey widget in Chromium (48 neighbours on the action page, four at a time; 12 by a
 * canvasser in canvasser mode, offline, synced when back online); the organizer's page with the right counts under
 * three filters, a cross-tab, suggested themes renamed and coded; the public page hiding a group of 4; axe on every
 * page and state; Spanish, French and Arabic (right to left, Arabic digits).
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launch, type RunningServer, startServer } from './harness.ts';

const built = inject('built');
const TOKEN = 'organizer-results-token-5678';
const SLUG = 'block-listening';
let server: RunningServer;
let browser: Browser;

interface Answer {
  building: 'North tower' | 'South tower';
  housing: 'I rent' | 'I own';
  repairs?: 'Yes' | 'No';
  story?: string;
}

/** Waits until the survey on the page has hydrated: a choice made on the server's HTML before would be lost. */
const hydrated = (page: Page) =>
  page.waitForFunction(() => {
    const element = document.querySelector('ladder-survey') as (HTMLElement & { hasUpdated?: boolean }) | null;
    return !!element?.hasUpdated && !element.hasAttribute('defer-hydration');
  });

/** Answers the first page's questions in the widget, as a neighbour does. */
async function choose(page: Page, answer: Answer): Promise<void> {
  const widget = page.locator('ladder-survey');
  await widget.getByRole('radio', { name: answer.building, exact: true }).check();
  await widget.getByRole('radio', { name: answer.housing, exact: true }).check();
  if (answer.repairs) await widget.getByRole('radio', { name: answer.repairs, exact: true }).check();
  await widget.getByLabel('What should we fix first?').fill(answer.story ?? '');
  await widget.getByRole('button', { name: 'Next' }).click();
}

/** One response typed into the widget on the action page. */
async function answerInWidget(page: Page, answer: Answer): Promise<void> {
  await page.goto(`${server.url}/act/${SLUG}/`);
  await hydrated(page);
  await choose(page, answer);
  const widget = page.locator('ladder-survey');
  await widget.getByRole('button', { name: 'Send my answers' }).click();
  await widget.getByRole('heading', { name: 'Thank you for your answers!' }).waitFor({ timeout: 30_000 });
}

const times = (n: number, answer: Answer): Answer[] => Array.from({ length: n }, () => answer);

/** Neighbours on the action page, `lanes` pages at a time; the first page stays open. */
async function neighbours(answers: Answer[], lanes = 4): Promise<Page> {
  const queue = [...answers];
  const pages = await Promise.all(Array.from({ length: lanes }, () => browser.newPage()));
  await Promise.all(
    pages.map(async (page) => {
      for (let answer = queue.shift(); answer; answer = queue.shift()) await answerInWidget(page, answer);
    }),
  );
  await Promise.all(pages.slice(1).map((page) => page.close()));
  return pages[0];
}

/** A canvasser's phone: the survey in canvasser mode, 12 doors offline, synced when the phone is back online. */
async function canvass(): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/act/${SLUG}/`);
  await hydrated(page);
  // The volunteer's phone shows the same survey with the `canvasser` attribute (README: elements).
  await page.evaluate(() => {
    const survey = document.querySelector('ladder-survey')!;
    const phone = document.createElement('ladder-survey');
    for (const { name, value } of survey.attributes) if (name !== 'defer-hydration') phone.setAttribute(name, value);
    phone.setAttribute('canvasser', '');
    survey.replaceWith(phone);
  });
  const widget = page.locator('ladder-survey');
  await widget.getByLabel('Your name (canvasser)').fill('Dolores');
  await widget.getByLabel('Turf or area').fill('Block 4');
  await widget.getByRole('button', { name: 'Start canvassing' }).click();
  await widget.getByText('Canvassing as Dolores · Block 4').waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await context.setOffline(true);
  const waiting = widget.locator('[part=canvass] [aria-live]');
  for (let i = 1; i <= 12; i++) {
    await choose(page, {
      building: 'South tower',
      housing: 'I rent',
      repairs: 'No',
      story: 'Les rats dans la cave, personne ne vient',
    });
    await widget.getByRole('button', { name: 'Record this response' }).click();
    await expect.poll(() => waiting.textContent()).toContain(`${i} response`);
  }
  expect(await axeViolations(page)).toEqual([]);
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect.poll(() => waiting.textContent(), { timeout: 30_000 }).toContain('All responses are synced.');
  await context.close();
}

beforeAll(async () => {
  server = await startServer(built, { LADDER_ADMIN_TOKEN: TOKEN });
  browser = await launch();
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

it(
  '60 answers through the widget (12 by a canvasser offline) read by the organizer and given back to the block',
  {
    timeout: 900_000,
  },
  async () => {
    // The block answers: 48 neighbours on the action page, 12 at doors on a canvasser's phone.
    const page = await neighbours([
      ...times(3, {
        building: 'North tower',
        housing: 'I rent',
        repairs: 'No',
        story: 'No heat in winter, the heating is broken',
      }),
      ...times(20, {
        building: 'North tower',
        housing: 'I rent',
        repairs: 'No',
        story: 'The heating is broken and nobody fixes it',
      }),
      ...times(4, { building: 'North tower', housing: 'I rent', repairs: 'Yes' }),
      ...times(10, { building: 'South tower', housing: 'I own' }),
      ...times(11, {
        building: 'South tower',
        housing: 'I rent',
        repairs: 'No',
        story: 'La calefacción no funciona desde octubre',
      }),
    ]);
    // The thank-you view links to the public results.
    expect(
      await page
        .locator('ladder-survey')
        .getByRole('link', { name: 'See what the community said' })
        .getAttribute('href'),
    ).toBe(`${server.url}/act/${SLUG}/results/`);
    await canvass();

    // The organizer reads them: counts under three filters, a cross-tab, each state without axe violations.
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

    // Suggested themes in each language: renamed, accepted, and an answer coded by hand.
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

    // In Spanish, French and Arabic: Arabic right to left, its charts too, its numbers in Arabic digits.
    for (const [lang, heading, dir, sixty] of [
      ['es', 'Lo que dijo la comunidad', 'ltr', '60'],
      ['fr', 'Ce que le quartier a dit', 'ltr', '60'],
      ['ar', 'ما قاله المجتمع', 'rtl', '٦٠'],
    ] as const) {
      // A page of its own (its own browser context): signed out, as another organizer's browser.
      const other = await browser.newPage();
      await other.goto(`${server.url}/organize/results/${SLUG}/${lang}/`);
      expect(await other.locator('html').getAttribute('dir')).toBe(dir);
      expect(await other.locator('h1').textContent()).toContain(heading);
      await other.locator('#admin-token').fill(TOKEN);
      await other.locator('#sign-in button[type=submit]').click();
      await poll(() => other.locator('#results-status').textContent()).toContain(sixty);
      const bars = other.locator('figure[data-question="housing"] .bars');
      expect(await bars.evaluate((list) => getComputedStyle(list).direction)).toBe(dir);
      if (lang === 'ar') {
        const arabic = (n: number, style?: 'percent') => new Intl.NumberFormat('ar-u-nu-arab', { style }).format(n);
        expect((await table(other, 'housing')).map((row) => row.slice(1))).toEqual([
          [arabic(50), arabic(50 / 60, 'percent')],
          [arabic(10), arabic(10 / 60, 'percent')],
        ]);
        // The bars grow from the right: a bar's fill starts at its track's right edge.
        const [track, fill] = await bars
          .locator('li')
          .first()
          .evaluate((item) =>
            ['.track', '.fill'].map((part) => {
              const { left, right } = item.querySelector(part)!.getBoundingClientRect();
              return { left, right };
            }),
          );
        expect(Math.abs(track.right - fill.right)).toBeLessThanOrEqual(2);
        expect(fill.left).toBeGreaterThan(track.left + 1);
      }
      expect(await axeViolations(other)).toEqual([]);
      await other.close();
    }

    // The block gets its results back: no figure for the group of 4, and it prints.
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
  },
);
