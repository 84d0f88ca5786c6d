/**
 * The campaign editor page (`/organize/edit/`): sign in with the admin token, open a campaign or start one, edit
 * it in the form generated from the schema (form.ts) beside a preview, then save a draft, publish or close. After a
 * publish the page follows the site's rebuild (`GET /api/admin/editor/build`) until it is live or has failed.
 */
import { parse as parseCsv } from 'csv-parse/browser/esm/sync';
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

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const API = '/api/admin/editor';

export async function startEditor(t: EditorStrings): Promise<void> {
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
    const res = await fetch(`${API}/campaigns/${opened.slug}/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken.get() ?? ''}` },
      body: JSON.stringify({ data: opened.data }),
    });
    if (!res.ok) return; // Not a campaign yet: the form says why on save.
    const { campaign, languages } = (await res.json()) as { campaign: PublicCampaign; languages: Lang[] };
    const load = WIDGETS[campaign.kind];
    if (!load) return $('preview-widgets').replaceChildren();
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
    $('preview-summary').textContent = String(opened.data.summary ?? '');
    $('preview-body').textContent = opened.body;
    const live = $<HTMLAnchorElement>('preview-live');
    live.hidden = !opened.published;
    live.href = `/act/${opened.slug}/`;
  };

  const edit = (campaign: Opened) => {
    opened = campaign;
    $('campaign-form').hidden = false;
    $('campaign-heading').textContent = `${campaign.slug}`;
    $<HTMLButtonElement>('close-campaign').hidden = !campaign.published;
    $<HTMLInputElement>('csv').closest<HTMLElement>('.field')!.hidden = campaign.data.kind !== 'call';
    const body = $<HTMLTextAreaElement>('campaign-body');
    body.value = campaign.body;
    body.oninput = () => {
      campaign.body = body.value;
      preview();
    };
    form = new CampaignForm($('fields'), schema, campaign.data, t, preview);
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
    const res = await fetch(`${API}/campaigns/${opened.slug}`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${adminToken.get() ?? ''}`,
      },
      body: JSON.stringify({ data: opened.data, body: opened.body, publish }),
    });
    const answer = (await res.json()) as {
      issues?: { path: string; message: string }[];
      error?: { fields?: Record<string, string>; message: string };
    };
    if (res.status === 422 && answer.error?.fields) {
      say(t.fix(form.showErrors(answer.error.fields)));
      return;
    }
    if (!res.ok) return say(answer.error?.message ?? String(res.status));
    form.showErrors({});
    await list();
    if (publish) {
      opened.published = true;
      $<HTMLButtonElement>('close-campaign').hidden = false;
      await follow();
    } else say(t.saved);
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
  // A call campaign's targets from a spreadsheet: id, name, title, phone, areas.
  $<HTMLInputElement>('csv').addEventListener('change', async (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file || !opened || !form) return;
    const [header, ...rows] = parseCsv(await file.text(), { relax_column_count: true }) as string[][];
    const col = (row: string[], name: string) => row[header.indexOf(name)]?.trim() ?? '';
    const call = (opened.data.call ??= {}) as Record<string, unknown>;
    call.targets = rows
      .filter((row) => row.some(Boolean))
      .map((row) => ({
        id: col(row, 'id'),
        name: col(row, 'name'),
        title: col(row, 'title') || undefined,
        phones: [{ number: col(row, 'phone') }],
        areas: col(row, 'areas').split(/\s+/).filter(Boolean),
      }));
    form.render();
  });
  await list();
}
