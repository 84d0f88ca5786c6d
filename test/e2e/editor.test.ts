/**
 * The campaign editor's forms in Chromium (the publish story, with accounts, is team.test.ts): the build's error
 * beside its field in each of the editor's languages, Arabic right to left; a survey with questions and `showIf`, an
 * event with shifts and capacity, a call with targets from a CSV file (bad rows refused, by line, changing nothing),
 * a letter's targets from CSV, with `partners`, `nextAsks`, `strategy`, `consent`, `strings` per language and the
 * Markdown text; the real widget previewed in every language the campaign speaks; each draft saved as the form
 * says. axe on every state.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, copyBuilt, launch, type RunningServer, startServer } from './harness.ts';

const built = inject('built');
const TOKEN = 'organizer-secret-token-1234';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // Our own copies: drafts change the content that the other tests share.
  server = await startServer(copyBuilt(built), { LADDER_ADMIN_TOKEN: TOKEN });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The editor in `lang` in a new tab (the token typed: a tab keeps it), with a new campaign of `kind` open. */
async function start(page: Page, lang: string, slug: string, kind: string) {
  await page.goto(`${server.url}/organize/edit/${lang === 'en' ? '' : `${lang}/`}`);
  await page.locator('#admin-token').fill(TOKEN);
  await page.keyboard.press('Enter');
  await page.locator('#new-slug').fill(slug);
  await page.locator('#new-kind').selectOption(kind);
  await page.locator('#new-form button').click();
  await page.locator('#f-title').waitFor();
}

const fill = async (page: Page, fields: Record<string, string>) => {
  for (const [id, text] of Object.entries(fields)) await page.locator(`#${id}`).fill(text);
};

const common = (title: string) => ({
  'f-title': title,
  'f-summary': `${title}: a sentence.`,
  'f-consent-text': 'Keep me updated about this campaign by email.',
  'f-consent-version': '2026-12-01',
});

const add = (page: Page, name: string, n = 0) =>
  page
    .locator('#fields button', { hasText: new RegExp(`^Add: ${name}$`) })
    .nth(n)
    .click();

/** The draft as the server stored it: the same data the campaign file holds. */
async function draft(slug: string) {
  const res = await fetch(`${server.url}/api/admin/editor/campaigns/${slug}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  return (await res.json()) as { draft: boolean; data: Record<string, unknown>; body: string };
}

async function saveDraft(page: Page) {
  await page.locator('#save-draft').click();
  await page.locator('#editor-status').filter({ hasText: 'Draft saved.' }).waitFor();
}

const csvFile = (text: string) => ({ name: 'targets.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

describe('the campaign editor', () => {
  const words = {
    en: { label: 'Ask', error: 'write the demand in one sentence', status: 'One field needs fixing.' },
    es: { label: 'Demanda', error: 'escribe la demanda en una frase', status: 'Hay un campo por corregir.' },
    fr: { label: 'Revendication', error: 'écrivez la revendication en une phrase', status: 'Un champ est à corriger.' },
    ar: { label: 'المطلب', error: 'اكتب المطلب في جملة واحدة', status: 'حقل واحد يحتاج إلى تصحيح.' },
  };
  for (const [lang, said] of Object.entries(words)) {
    it(`says the build's error beside the field, in the organizer's language (${lang})`, async () => {
      const page = await browser.newPage();
      await start(page, lang, `ask-${lang}`, 'petition');
      expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      await fill(page, { ...common('Light the underpass'), 'f-petition-to': 'The Public Works Department' });
      expect(await page.locator('label[for=f-petition-ask]').innerText()).toBe(`${said.label} ask`);
      await page.locator('#publish').click();
      const error = page.locator('#f-petition-ask-error');
      await error.waitFor();
      expect(await error.textContent()).toBe(`petition.ask: ${said.error}`);
      expect(await page.locator('#editor-status').textContent()).toBe(said.status);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-petition-ask');
      expect(await page.getAttribute('#f-petition-ask', 'aria-invalid')).toBe('true');
      expect(await axeViolations(page)).toEqual([]);
      // Nothing was written.
      expect((await draft(`ask-${lang}`)).draft).toBeUndefined();
      await page.close();
    });
  }

  it('edits a survey with questions and showIf, strategy, next asks, partners, strings and Markdown', async () => {
    const page = await browser.newPage();
    await start(page, 'en', 'listen-to-tenants', 'survey');
    await fill(page, {
      ...common('Listen to tenants'),
      'f-partners': 'https://tenants-union.example',
      'f-nextAsks': 'fix-the-fountain',
      'f-strings-es': 'submit: Enviar respuestas',
      'f-strategy-goals-long': 'Every tenant has a fair rent.',
      'f-strategy-allies': "Parents' association\nLibrary union",
      'campaign-body': '## Why we ask\n\nRents went up **twice** this year.',
    });
    await add(page, 'Pages');
    await add(page, 'Questions');
    await add(page, 'Questions');
    await fill(page, {
      'f-survey-pages-0-questions-0-id': 'rent',
      'f-survey-pages-0-questions-0-label': 'Is your rent fair?',
      'f-survey-pages-0-questions-1-id': 'why',
      'f-survey-pages-0-questions-1-label': 'Why not?',
      'f-survey-pages-0-questions-1-showIf-question': 'nope',
      'f-survey-pages-0-questions-1-showIf-equals': 'no',
    });
    await page.locator('#f-survey-pages-0-questions-0-type').selectOption('yesno');
    await page.locator('#f-survey-pages-0-questions-1-type').selectOption('text');

    // showIf naming no earlier question: the build's words beside it.
    await page.locator('#publish').click();
    const showIf = page.locator('#f-survey-pages-0-questions-1-showIf-question-error');
    await showIf.waitFor();
    expect(await showIf.textContent()).toBe('survey.pages.0.questions.1.showIf: showIf must name an earlier question');
    expect(await axeViolations(page)).toEqual([]);

    await fill(page, { 'f-survey-pages-0-questions-1-showIf-question': 'rent' });
    // The real survey, in English and in Spanish (its strings), with the first question.
    for (const lang of ['en', 'es']) {
      const survey = page.locator(`#preview-widgets section[lang=${lang}] ladder-survey`);
      await survey.getByText('Is your rent fair?').first().waitFor();
    }
    expect(
      await page.locator('#preview-widgets section').evaluateAll((s) => s.map((e) => (e as HTMLElement).lang)),
    ).toEqual(['en', 'es']);
    expect(await axeViolations(page)).toEqual([]);
    await saveDraft(page);
    const saved = await draft('listen-to-tenants');
    expect(saved.body).toBe('## Why we ask\n\nRents went up **twice** this year.');
    expect(saved.data).toMatchObject({
      kind: 'survey',
      partners: ['https://tenants-union.example'],
      nextAsks: ['fix-the-fountain'],
      strings: { es: { submit: 'Enviar respuestas' } },
      strategy: { goals: { long: 'Every tenant has a fair rent.' }, allies: ["Parents' association", 'Library union'] },
      survey: {
        pages: [
          {
            questions: [
              { id: 'rent', type: 'yesno', label: 'Is your rent fair?' },
              { id: 'why', type: 'text', label: 'Why not?', showIf: { question: 'rent', equals: 'no' } },
            ],
          },
        ],
      },
    });
    await page.close();
  });

  it('edits an event with shifts and capacity, previewed in French and Arabic too', async () => {
    const page = await browser.newPage();
    await start(page, 'en', 'clean-the-park', 'event');
    await fill(page, {
      ...common('Clean the park'),
      'f-strings-fr': 'submit: Je viens',
      'f-strings-ar': 'submit: سأحضر',
      'f-event-start': '2031-06-01 09:00',
      'f-event-end': '2031-06-01 13:00',
      'f-event-timezone': 'Europe/Madrid',
      'f-event-location-name': 'Parque del Oeste',
      'f-event-capacity': '40',
    });
    await add(page, 'Shifts');
    await add(page, 'Shifts');
    await fill(page, {
      'f-event-shifts-0-id': 'morning',
      'f-event-shifts-0-label': 'Early birds',
      'f-event-shifts-0-start': '2031-06-01 09:00',
      'f-event-shifts-0-end': '2031-06-01 11:00',
      'f-event-shifts-0-capacity': '20',
      'f-event-shifts-1-id': 'morning',
      'f-event-shifts-1-label': 'Late risers',
      'f-event-shifts-1-start': '2031-06-01 11:00',
      'f-event-shifts-1-end': '2031-06-01 13:00',
      'f-event-shifts-1-capacity': '20',
    });
    await page.locator('#publish').click();
    const error = page.locator('#f-event-shifts-0-id-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('event.shifts: shift ids must differ');
    await fill(page, { 'f-event-shifts-1-id': 'late' });
    for (const lang of ['en', 'fr', 'ar']) {
      const rsvp = page.locator(`#preview-widgets section[lang=${lang}] ladder-rsvp`);
      await rsvp.getByText('Late risers').first().waitFor();
    }
    expect(await page.getAttribute('#preview-widgets section[lang=ar]', 'dir')).toBe('rtl');
    await page
      .locator('#preview-widgets section[lang=fr] ladder-rsvp [part=submit]')
      .filter({ hasText: 'Je viens' })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await saveDraft(page);
    expect((await draft('clean-the-park')).data).toMatchObject({
      event: {
        capacity: 40,
        shifts: [
          { id: 'morning', label: 'Early birds', capacity: 20 },
          { id: 'late', label: 'Late risers', capacity: 20 },
        ],
      },
    });
    await page.close();
  });

  it('takes a call’s targets from a CSV file, refusing bad rows by line and changing nothing', async () => {
    const page = await browser.newPage();
    await start(page, 'en', 'call-the-council', 'call');
    await fill(page, { ...common('Call the council'), 'f-call-script': 'Hello, I am calling about the park.' });
    await page
      .locator('#csv')
      .setInputFiles(csvFile('id,name,title,phone,areas\nmayor,Ana Ruiz,Mayor,+1 415 555 0100,\nclerk,,Clerk,,\n'));
    const errors = page.locator('#csv-error');
    await errors.waitFor();
    expect(await errors.locator('li').allTextContents()).toEqual([
      'Line 3: name: give the target a name:; phone: give at least one phone: to call',
      'Nothing was changed: fix the file and choose it again.',
    ]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('csv');
    expect(await page.locator('#f-call-targets-0-id').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page
      .locator('#csv')
      .setInputFiles(
        csvFile(
          '\ufeffid,name,title,phone,areas\nmayor,Ana Ruiz,Mayor,+1 415 555 0100,\n' +
            'd5,"Lee, Sam",Councillor for District 5,+1 415 555 0105; +1 415 555 0106,D5 D6\n',
        ),
      );
    await page.locator('#editor-status').filter({ hasText: '2 targets read from the file.' }).waitFor();
    expect(await errors.isHidden()).toBe(true);
    expect(await page.locator('#f-call-targets-1-name').inputValue()).toBe('Lee, Sam');
    await fill(page, { 'f-call-postcodes': '94110: D5 D6', 'f-call-areaNames': 'D5: District 5' });
    await page.locator('#preview-widgets section[lang=en] ladder-call').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await saveDraft(page);
    expect((await draft('call-the-council')).data.call).toEqual({
      script: 'Hello, I am calling about the park.',
      targets: [
        { id: 'mayor', name: 'Ana Ruiz', title: 'Mayor', phones: [{ number: '+1 415 555 0100' }] },
        {
          id: 'd5',
          name: 'Lee, Sam',
          title: 'Councillor for District 5',
          phones: [{ number: '+1 415 555 0105' }, { number: '+1 415 555 0106' }],
          areas: ['D5', 'D6'],
        },
      ],
      postcodes: { '94110': ['D5', 'D6'] },
      areaNames: { D5: 'District 5' },
    });
    await page.close();
  });

  it('takes a letter’s targets from CSV in French, says which rows lack an address, and previews the real letter widget', async () => {
    const page = await browser.newPage();
    await start(page, 'fr', 'write-the-council', 'letter');
    await page
      .locator('#csv')
      .setInputFiles(csvFile('id,name,title,email,fax\nmayor,Ana Ruiz,Maire,ana@city.example,1\n'));
    const errors = page.locator('#csv-error li');
    await errors.first().waitFor();
    expect(await errors.first().textContent()).toBe(
      'Colonnes inconnues : fax. Utilisez les colonnes indiquées ci-dessus.',
    );
    await page.locator('#csv').setInputFiles(csvFile('id,name,title,email\nmayor,Ana Ruiz,Maire,\n'));
    await page.locator('#csv-error li', { hasText: 'Ligne 2' }).waitFor();
    expect(await errors.first().textContent()).toBe(
      'Ligne 2: donnez à la cible un email: (remis par le serveur) ou un contactForm: (le formulaire web officiel)',
    );
    await page.locator('#csv').setInputFiles(csvFile('id,name,title,email\nmayor,Ana Ruiz,Maire,ana@city.example\n'));
    await page.locator('#editor-status').filter({ hasText: 'Une cible lue dans le fichier.' }).waitFor();
    await fill(page, {
      ...common('Écrire au conseil'),
      'f-letter-subject': 'Le parc',
      'f-letter-text': 'Madame la Maire, le parc a besoin de vous.',
      'f-letter-sending-from': 'lettres@campaign.example',
    });
    // The real <ladder-letter> beside the form, in the campaign's language (English here; the editor speaks French).
    await page
      .locator('#preview-widgets ladder-letter[lang=en]')
      .getByRole('heading', { name: 'Écrire au conseil' })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
