/**
 * Listening results (issue 15), on SQLite and PostgreSQL alike: the figures the database counts, filters that
 * cannot single anyone out, themes suggested in four languages and coded without changing an answer, the CSV,
 * and the public page's figures.
 */
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Campaign, type CampaignEntry } from '../../schema/campaign.ts';
import { openPostgresStore } from '../../functions/store/postgres.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import type { Store } from '../../functions/store/types.ts';
import { ADMIN_TOKEN, post, tempDb, testApp } from './fixtures.ts';

const listening = (slug: string, fields: Record<string, unknown> = {}): CampaignEntry => ({
  ...Campaign.parse({
    kind: 'survey',
    title: 'Our building',
    summary: 'What should we fix first?',
    consent: { text: 'Keep me updated.', version: 'v1' },
    survey: {
      anonymous: true,
      canvass: true,
      pages: [
        {
          questions: [
            { id: 'building', type: 'single', label: 'Building', options: ['north', 'south'] },
            { id: 'housing', type: 'single', label: 'Rent or own?', options: ['rent', 'own'] },
            { id: 'repairs', type: 'yesno', label: 'Repairs done?', showIf: { question: 'housing', equals: 'rent' } },
            { id: 'issues', type: 'multiple', label: 'Issues', options: ['heat', 'mold', 'rats'] },
            { id: 'urgency', type: 'scale', label: 'How urgent?', min: 1, max: 5 },
            { id: 'story', type: 'text', label: 'Tell us more' },
          ],
        },
      ],
      help: { question: 'Would you help?', options: ['host', 'canvass'] },
    },
    ...fields,
  }),
  slug,
});

/** CSV lines in one order, to compare as sets. */
const byLine = (a: Record<string, string>, b: Record<string, string>) =>
  Object.values(a).join('\u0000').localeCompare(Object.values(b).join('\u0000'));

const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const open = listening('our-building');
const published = listening('our-report', { results: 'public' });
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const get = (app: Awaited<ReturnType<typeof testApp>>['app'], path: string, headers: Record<string, string> = auth) =>
  app.request(`http://localhost${path}`, { headers });

interface Answers {
  building: string;
  housing: string;
  repairs?: string;
  issues?: string[];
  urgency?: number;
  story?: string;
}

/** `n` responses with the same answers, through the API as a supporter's browser sends them. */
async function respond(
  app: Awaited<ReturnType<typeof testApp>>['app'],
  slug: string,
  n: number,
  answers: Answers,
  extra: Record<string, unknown> = {},
) {
  for (let i = 0; i < n; i++) {
    const res = await app.request(
      `http://localhost/api/campaigns/${slug}/responses`,
      post({ answers, consent: { contact: false }, ...extra }),
    );
    expect(res.status).toBe(201);
  }
}

/** North: 12 renters (4 say repairs were done), 2 owners. South: 4 owners, 6 renters met by a canvasser. */
async function seed(app: Awaited<ReturnType<typeof testApp>>['app'], slug: string) {
  await respond(
    app,
    slug,
    8,
    {
      building: 'north',
      housing: 'rent',
      repairs: 'no',
      issues: ['heat', 'mold'],
      urgency: 5,
      story: 'No heat since October, the heating is broken',
    },
    { help: ['host'] },
  );
  await respond(app, slug, 4, {
    building: 'north',
    housing: 'rent',
    repairs: 'yes',
    issues: ['heat'],
    urgency: 4,
    story: 'La calefacción no funciona y hay moho',
  });
  await respond(app, slug, 4, { building: 'south', housing: 'own', issues: ['rats'], urgency: 2 });
  await respond(app, slug, 2, { building: 'north', housing: 'own', issues: ['heat'], urgency: 1 });
  const canvass = { canvasser: 'Dolores', turf: 'South side', collectedAt: '2026-11-28T18:00:00Z' };
  await respond(
    app,
    slug,
    6,
    {
      building: 'south',
      housing: 'rent',
      repairs: 'no',
      issues: ['rats', 'mold'],
      urgency: 3,
      story: 'Les rats dans la cave, le chauffage en panne',
    },
    { canvass },
  );
}

function suite(name: string, openStore: () => Promise<Store>) {
  // One store per database, seeded once: the tests read it (the themes test only adds themes, the last one a
  // response to the public survey).
  let app: Awaited<ReturnType<typeof testApp>>['app'];
  let store: Store;
  beforeAll(async () => {
    ({ app, store } = await testApp(await openStore(), [open, published]));
    await seed(app, 'our-building');
    await seed(app, 'our-report');
  });

  describe(`listening results on ${name}`, { timeout: 20_000 }, () => {
    it('counts each question by the database: shown, answered, counts, median, help', async () => {
      const res = await get(app, '/api/admin/campaigns/our-building/results');
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ responses: 24, tooFew: false });
      expect(body.questions.housing).toEqual({ shown: 24, answered: 24, counts: { rent: 18, own: 6 } });
      // The 4 who said yes are too few to show; 18 answered minus 14 would tell it: "no" is hidden with it.
      expect(body.questions.repairs).toEqual({ shown: 18, answered: 18, counts: { yes: null, no: null } });
      expect(body.questions.issues.counts).toEqual({ heat: 14, mold: 14, rats: 10 });
      expect(body.questions.urgency).toEqual({
        shown: 24,
        answered: 24,
        counts: { 1: null, 2: null, 3: 6, 4: null, 5: 8 },
        median: 3,
      });
      expect(body.questions.story).toEqual({ shown: 24, answered: 18 });
      expect(body.help).toEqual({ host: 8, canvass: 0 });
    });

    it('applies filters to every figure and refuses a group of 4, or one that differs from another by 4', async () => {
      const renters = await (await get(app, '/api/admin/campaigns/our-building/results?answer=housing:rent')).json();
      expect(renters).toMatchObject({ responses: 18, tooFew: false });
      expect(renters.questions.building.counts).toEqual({ north: 12, south: 6 });
      const dolores = await (await get(app, '/api/admin/campaigns/our-building/results?canvasser=Dolores')).json();
      expect(dolores).toMatchObject({ responses: 6 });
      expect(dolores.questions.issues.counts).toEqual({ heat: 0, mold: 6, rats: 6 });
      const day = new Date().toISOString().slice(0, 10);
      const today = await (await get(app, `/api/admin/campaigns/our-building/results?from=${day}&to=${day}`)).json();
      expect(today).toMatchObject({ responses: 24 });
      // The 4 renters whose repairs were done are a group of 4: too few to show.
      const done = await (await get(app, '/api/admin/campaigns/our-building/results?answer=repairs:yes')).json();
      expect(done).toEqual({ responses: null, tooFew: true, questions: {}, help: {}, themes: [] });
      // South and renting (6) against south alone (10): the 4 southern owners, by difference. Refused.
      const south = await get(
        app,
        '/api/admin/campaigns/our-building/results?answer=building:south&answer=housing:rent',
      );
      expect(await south.json()).toMatchObject({ tooFew: true, responses: null });
      const bad = await get(app, '/api/admin/campaigns/our-building/results?answer=housing:castle&from=yesterday');
      expect(bad.status).toBe(422);
      expect((await bad.json()).error.codes).toEqual({ answer: 'invalid', from: 'invalid' });
    });

    it('cross-tabulates two questions, hiding small cells along rows and columns', async () => {
      const body = await (
        await get(app, '/api/admin/campaigns/our-building/results?rows=housing&columns=issues')
      ).json();
      expect(body.crossTab).toEqual({
        rows: 'housing',
        columns: 'issues',
        // 2 and 4 owners are too few; the renters beside them would tell them from the issues' totals.
        cells: { rent: { heat: null, mold: 14, rats: null }, own: { heat: null, mold: 0, rats: null } },
      });
    });

    it('suggests themes in each language, codes answers on accepting one, renames and merges, answers unchanged', async () => {
      const { suggestions } = await (await get(app, '/api/admin/campaigns/our-building/results/suggestions')).json();
      const keys = suggestions.map((s: { key: string }) => s.key);
      // One suggestion per recurring idea: the English answers' heating, the French answers' rats and heating.
      expect(keys).toEqual(['en:heat broken', 'fr:cav chauffag', 'en:octob', 'fr:pann', 'fr:rat']);
      const heat = suggestions[0];
      expect(heat).toMatchObject({ lang: 'en', label: 'heating is broken', count: 8 });
      const accept = await app.request(
        'http://localhost/api/admin/campaigns/our-building/themes',
        post({ label: heat.label, match: heat.key }, auth),
      );
      expect(accept.status).toBe(201);
      const theme = await accept.json();
      expect(theme.coded).toBe(8);
      const other = await (
        await app.request(
          'http://localhost/api/admin/campaigns/our-building/themes',
          post({ label: 'chauffage', match: 'fr:chauffag' }, auth),
        )
      ).json();
      expect(other.coded).toBe(6);
      const rename = await app.request(`http://localhost/api/admin/campaigns/our-building/themes/${theme.id}`, {
        method: 'PATCH',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ label: 'Heating' }),
      });
      expect(rename.status).toBe(200);
      const merge = await app.request(
        `http://localhost/api/admin/campaigns/our-building/themes/${other.id}/merge`,
        post({ into: theme.id }, auth),
      );
      expect(merge.status).toBe(200);
      const results = await (await get(app, '/api/admin/campaigns/our-building/results')).json();
      expect(results.themes).toEqual([{ id: theme.id, label: 'Heating', count: 14 }]);
      const list = await (await get(app, '/api/admin/campaigns/our-building/results/answers?q=rats')).json();
      expect(list.total).toBe(6);
      expect(list.answers[0]).toMatchObject({
        question: 'story',
        canvasser: 'Dolores',
        turf: 'South side',
        postcode: null,
        themes: [theme.id],
        text: 'Les rats dans la cave, le chauffage en panne',
      });
      // Coding never changes the answer: each is stored as it was given, and still counted.
      const stored = await store.listening.openAnswers('our-building', {}, ['story'], '', { limit: 50, offset: 0 });
      expect(stored.answers.map((a) => a.text).sort()).toEqual(
        [
          ...Array(8).fill('No heat since October, the heating is broken'),
          ...Array(6).fill('Les rats dans la cave, le chauffage en panne'),
          ...Array(4).fill('La calefacción no funciona y hay moho'),
        ].sort(),
      );
      expect(results.questions.story.answered).toBe(18);
    });

    it('answers the same figures as CSV, read back by a CSV parser, and only to the admin token', async () => {
      expect((await get(app, '/api/admin/campaigns/our-building/results', {})).status).toBe(401);
      expect((await get(app, '/api/admin/campaigns/our-building/results.csv', {})).status).toBe(401);
      // A theme named like a formula stays text in a spreadsheet.
      const formula = await app.request(
        'http://localhost/api/admin/campaigns/our-building/themes',
        post({ label: '=HYPERLINK("http://evil.example")' }, auth),
      );
      expect(formula.status).toBe(201);
      const res = await get(app, '/api/admin/campaigns/our-building/results.csv?answer=housing:rent');
      expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
      const rows: Record<string, string>[] = parse(await res.text(), { bom: true, columns: true });
      const json = await (await get(app, '/api/admin/campaigns/our-building/results?answer=housing:rent')).json();
      const cell = (n: number | null | undefined) => (n === null ? 'too few to show' : String(n));
      // Every figure of the JSON, and nothing else, one line each.
      const expected = [
        { question: 'responses', figure: '', value: '', n: cell(json.responses) },
        ...Object.entries(json.questions as Record<string, Record<string, unknown>>).flatMap(([id, f]) => [
          { question: id, figure: 'shown', value: '', n: cell(f.shown as number) },
          { question: id, figure: 'answered', value: '', n: cell(f.answered as number) },
          ...Object.entries((f.counts ?? {}) as Record<string, number | null>).map(([value, n]) => ({
            question: id,
            figure: 'count',
            value,
            n: cell(n),
          })),
          ...('median' in f ? [{ question: id, figure: 'median', value: '', n: cell(f.median as number) }] : []),
        ]),
        ...Object.entries(json.help as Record<string, number | null>).map(([value, n]) => ({
          question: 'help',
          figure: 'count',
          value,
          n: cell(n),
        })),
        ...(json.themes as { label: string; count: number }[]).map((theme) => ({
          question: 'theme',
          figure: 'count',
          value: theme.label.startsWith('=') ? `'${theme.label}` : theme.label,
          n: cell(theme.count),
        })),
      ];
      expect(rows.sort(byLine)).toEqual(expected.sort(byLine));
      expect(rows).toContainEqual({ question: 'building', figure: 'count', value: 'north', n: '12' });
      expect(rows).toContainEqual({ question: 'repairs', figure: 'count', value: 'yes', n: 'too few to show' });
      expect(rows).toContainEqual({ question: 'urgency', figure: 'median', value: '', n: '4' });
      expect(rows).toContainEqual({
        question: 'theme',
        figure: 'count',
        value: `'=HYPERLINK("http://evil.example")`,
        n: '0',
      });
    });

    it('publishes only campaigns that say results: public, without any group under 5, with picked quotes', async () => {
      expect((await app.request('http://localhost/api/campaigns/our-building/results')).status).toBe(404);
      // The thank-you view links to the results: the response says where they are.
      const answer = { answers: { building: 'north', housing: 'own' }, consent: { contact: false } };
      const thanks = await app.request('http://localhost/api/campaigns/our-report/responses', post(answer));
      expect((await thanks.json()).resultsUrl).toBe('http://localhost/act/our-report/results/');
      const privately = await app.request(
        'http://localhost/api/campaigns/block-survey/responses',
        post({ answers: { housing: 'own' }, consent: { contact: false } }),
      );
      expect((await privately.json()).resultsUrl).toBeUndefined();
      const res = await app.request('http://localhost/api/campaigns/our-report/results');
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.questions.repairs.counts).toEqual({ yes: null, no: null });
      expect(body.questions.building.counts).toEqual({ north: 15, south: 10 });
      expect(JSON.stringify(body)).not.toContain('Dolores');
      expect(body.themes).toEqual([]);
    });
  });
}

suite('SQLite', () => openSqliteStore(tempDb()));

const schemas: string[] = [];
suite('PostgreSQL', async () => {
  const schema = `ladder_results_${process.pid}_${schemas.length}`;
  schemas.push(schema);
  return openPostgresStore(PG_URL, { schema });
});

afterAll(async () => {
  const admin = new pg.Pool({ connectionString: PG_URL });
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});
