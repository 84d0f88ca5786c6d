/**
 * The campaign editor page (`/organize/edit/`): sign in with the admin token, open a campaign or start one, edit
 * it in the form generated from the schema (form.ts) beside a preview, then save a draft, publish or close. After a
 * publish the page follows the site's rebuild (`GET /api/admin/editor/build`) until it is live or has failed.
 */
import type { PublicCampaign } from '../../../schema/campaign.ts';
import { KIND_TAGS } from '../../../schema/kinds.ts';
import type { Lang } from '../../../schema/limits.ts';
import { AdminError, adminFetch, adminJson, adminToken } from '../dashboard/api.ts';
import { signIn } from '../dashboard/sign-in.ts';
import { CampaignForm, type JsonSchema } from './form.ts';
import type { EditorStrings } from './strings.ts';

/** Each kind's widget, as the action pages load it (every language registered). */
const WIDGETS: Partial<Record<PublicCampaign['kind'], () => Promise<unknown>>> = {
  petition: () => import('../widgets.ts'),
  survey: () => import('../widgets/survey.ts'),
  event: () => import('../widgets/rsvp.ts'),
  call: () => import('../widgets/call.ts'),
  letter: () => import('../widgets/letter.ts'),
};

interface Opened {
  slug: string;
  published: boolean;
  draft: boolean;
  data: Record<string, unknown>;
  body: string;
}

/**
 * A JSON request whose 422 the editor reads (field errors): with the admin token if this tab holds one, else the
 * account's session cookie (an empty `Bearer` would be refused as a wrong token).
 */
const send = (path: string, method: string, body: unknown) => {
  const token = adminToken.get();
  return fetch(path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    credentials: token ? 'omit' : 'same-origin',
    body: JSON.stringify(body),
  });
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const API = '/api/admin/editor';

export async function startEditor(t: EditorStrings, lang: Lang): Promise<void> {
  const schema = await signIn($<HTMLFormElement>('sign-in'), (token) =>
    adminJson<JsonSchema>(`${API}/schema`, {}, token),
  );
  $('editor').hidden = false;
  const status = $('editor-status');
  const say = (text: string) => (status.textContent = text);
  let opened: Opened | undefined;
  let form: CampaignForm | undefined;

  const list = async () => {
    const campaigns = await adminJson<{ slug: string; title: string; published: boolean; draft: boolean }[]>(
      `${API}/campaigns`,
    );
    const select = $<HTMLSelectElement>('campaign-list');
    select.replaceChildren(
      ...campaigns.map((c) =>
        Object.assign(document.createElement('option'), {
          value: c.slug,
          textContent: `${c.title} (${c.slug}, ${c.published ? t.published : t.draft}${c.published && c.draft ? ` + ${t.draft}` : ''})`,
        }),
      ),
    );
  };

  // The real widgets, as supporters will see them, once per language the campaign speaks. They get the campaign as
  // the action page gives it (`data`) and no `campaign` attribute: nothing is fetched and nothing can be sent.
  let widgetsTimer: ReturnType<typeof setTimeout> | undefined;
  const widgets = async () => {
    if (!opened) return;
    const res = await send(`${API}/campaigns/${opened.slug}/preview`, 'POST', { data: opened.data });
    if (!res.ok) return; // Not a campaign yet: the form says why on save.
    const { campaign, languages } = (await res.json()) as { campaign: PublicCampaign; languages: Lang[] };
    const load = WIDGETS[campaign.kind];
    // A kind with no widget in this build: the preview says so rather than show nothing.
    if (!load)
      return $('preview-widgets').replaceChildren(
        Object.assign(document.createElement('p'), { textContent: t.noWidget }),
      );
    await load();
    $('preview-widgets').replaceChildren(
      ...languages.map((lang) => {
        const box = document.createElement('section');
        box.setAttribute('aria-label', `${t.preview}: ${lang}`);
        box.lang = lang;
        box.dir = lang === 'ar' ? 'rtl' : 'ltr';
        const widget = Object.assign(document.createElement(KIND_TAGS[campaign.kind]), { data: campaign });
        widget.setAttribute('lang', lang);
        box.append(widget);
        return box;
      }),
    );
  };

  const preview = () => {
    if (!opened) return;
    clearTimeout(widgetsTimer);
    widgetsTimer = setTimeout(() => void widgets(), 400);
    $('preview-title').textContent = String(opened.data.title ?? '');
    $('preview-title').hidden = !opened.data.title; // An empty heading would be announced as nothing.
    $('preview-summary').textContent = String(opened.data.summary ?? '');
    $('preview-body').textContent = opened.body;
    const live = $<HTMLAnchorElement>('preview-live');
    live.hidden = !opened.published;
    live.href = `/act/${opened.slug}/`;
  };

  const edit = (campaign: Opened) => {
    opened = campaign;
    $('workspace').hidden = false;
    $('campaign-heading').textContent = `${campaign.slug}`;
    $<HTMLButtonElement>('close-campaign').hidden = !campaign.published;
    $<HTMLInputElement>('csv').closest<HTMLElement>('.field')!.hidden = !['call', 'letter'].includes(
      String(campaign.data.kind),
    );
    $('csv-error').hidden = true;
    const body = $<HTMLTextAreaElement>('campaign-body');
    body.value = campaign.body;
    body.oninput = () => {
      campaign.body = body.value;
      preview();
    };
    form = new CampaignForm($('fields'), schema, campaign.data, { ...t, lang }, preview);
    form.render();
    preview();
    $('campaign-heading').focus();
  };

  const follow = async () => {
    for (;;) {
      const build = await adminJson<{ state: string; step?: number; steps?: number; error?: string }>(`${API}/build`);
      if (build.state === 'building') say(t.building(build.step ?? 1, build.steps ?? 3));
      else {
        say(build.state === 'failed' ? `${t.failed} ${build.error ?? ''}` : t.live);
        return;
      }
      await new Promise((done) => setTimeout(done, 1000));
    }
  };

  const save = async (publish: boolean) => {
    if (!opened || !form) return;
    const res = await send(`${API}/campaigns/${opened.slug}`, 'PUT', { data: opened.data, body: opened.body, publish });
    const answer = (await res.json()) as {
      issues?: { path: string; message: string }[];
      error?: { fields?: Record<string, string>; message: string };
    };
    if (res.status === 422 && answer.error?.fields) {
      const { count, unplaced } = form.showErrors(answer.error.fields);
      say([t.fix(count), ...unplaced].join(' '));
      return;
    }
    if (!res.ok) return say(answer.error?.message ?? String(res.status));
    // A draft may be half done: it is kept, and what the build would say is shown beside the fields.
    const { count, unplaced } = form.showErrors(
      Object.fromEntries((answer.issues ?? []).map(({ path, message }) => [path, message])),
    );
    await list();
    if (publish) {
      opened.published = true;
      $<HTMLButtonElement>('close-campaign').hidden = false;
      await follow();
    } else say([t.saved, ...(count ? [t.fix(count)] : []), ...unplaced].join(' '));
  };

  $('open-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void adminJson<Opened>(`${API}/campaigns/${$<HTMLSelectElement>('campaign-list').value}`).then(edit);
  });
  $('new-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const slug = $<HTMLInputElement>('new-slug').value.trim();
    const kind = $<HTMLSelectElement>('new-kind').value;
    edit({ slug, published: false, draft: false, data: { kind, title: '', summary: '' }, body: '' });
  });
  $('campaign-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const publish = (event as SubmitEvent).submitter?.id === 'publish';
    void save(publish).catch((error: unknown) => say(error instanceof AdminError ? error.message : String(error)));
  });
  $('close-campaign').addEventListener('click', () => {
    if (!opened) return;
    void adminFetch(`${API}/campaigns/${opened.slug}/close`, { method: 'POST' })
      .then(() => follow())
      .catch((error: unknown) => say(error instanceof AdminError ? error.message : String(error)));
  });
  // A call's or a letter's targets from a spreadsheet (targets-csv.ts, loaded when a file is chosen).
  const csv = $<HTMLInputElement>('csv');
  const csvError = $('csv-error');
  csv.addEventListener('change', async () => {
    const file = csv.files?.[0];
    const kind = opened?.data.kind;
    if (!file || !opened || !form || (kind !== 'call' && kind !== 'letter')) return;
    const { targetsFromCsv } = await import('./targets-csv.ts');
    const read = targetsFromCsv(await file.text(), kind, t, lang);
    if ('errors' in read) {
      csvError
        .querySelector('ul')!
        .replaceChildren(
          ...[...read.errors, t.csvNothingChanged].map((line) =>
            Object.assign(document.createElement('li'), { textContent: line }),
          ),
        );
      csvError.hidden = false;
      csv.setAttribute('aria-invalid', 'true');
      csv.value = '';
      csv.focus();
      return;
    }
    csvError.hidden = true;
    csv.removeAttribute('aria-invalid');
    const section = (opened.data[kind] ??= {}) as Record<string, unknown>;
    section.targets = read.targets;
    form.render();
    preview();
    say(t.csvDone(read.targets.length));
  });
  await list();
}
