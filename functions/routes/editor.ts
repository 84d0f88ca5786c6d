/**
 * The campaign editor's API (`/api/admin/editor/*`): the campaign schema as JSON Schema (the form is generated from
 * it), the campaign files as data, drafts, publish and close. Saving writes the same Markdown file the hand-written
 * workflow uses (functions/editor/campaign-file.ts), checked as the build checks it, with the build's words.
 * Hosts without writable files (serverless) have no `editor` option: their campaigns are published from git.
 */
import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { Campaign, crossCampaignIssues, SLUG_PATTERN, toPublicCampaign } from '../../schema/campaign.ts';
import { type CampaignIssue, checkCampaignText } from '../catalog.ts';
import type { AppEnv } from '../context.ts';
import { auditPublish } from '../editor/audit.ts';
import { readCampaignText, writeCampaignText } from '../editor/campaign-file.ts';
import { ApiError } from '../errors.ts';
import { adminOnly } from '../middleware/admin.ts';
import { limitCampaignBody, readJson } from '../middleware/json-body.ts';

export const editor = new Hono<AppEnv>();
// The one guard of every editor route (with accounts: organizers and owners).
editor.use('*', adminOnly);

const filesOf = (c: Context<AppEnv>) => {
  const files = c.get('options').editor;
  if (!files) {
    throw new ApiError('not_found', 'This host publishes campaigns from git: edit the files (see the deploy guide).');
  }
  return files;
};

const slugOf = (c: Context<AppEnv>) => {
  const slug = c.req.param('slug') ?? '';
  if (!SLUG_PATTERN.test(slug)) {
    throw new ApiError(
      'invalid_input',
      'must be a campaign slug: lower-case letters, digits and dashes, like save-the-library',
      {
        codes: { slug: 'invalid' },
      },
    );
  }
  return slug;
};

let schema: unknown;
/** What an organizer writes (`io: 'input'`): defaults are optional, dates are text. */
editor.get('/schema', (c) => c.json((schema ??= z.toJSONSchema(Campaign, { io: 'input', unrepresentable: 'any' }))));

editor.get('/campaigns', async (c) => {
  const files = await filesOf(c).list();
  return c.json(
    files.map(({ slug, published, draft }) => {
      let data: Record<string, unknown> = {};
      try {
        data = readCampaignText(draft ?? published ?? '').data;
      } catch {
        // A file broken by hand is still listed, by its name; opening it says what is wrong.
      }
      return {
        slug,
        kind: data.kind,
        title: data.title ?? slug,
        status: data.status ?? 'open',
        published: !!published,
        draft: !!draft,
      };
    }),
  );
});

editor.get('/campaigns/:slug', async (c) => {
  const slug = slugOf(c);
  const { published, draft } = await filesOf(c).read(slug);
  const text = draft ?? published;
  if (text === undefined) throw new ApiError('not_found', 'No campaign file has this name.');
  let campaign;
  try {
    campaign = readCampaignText(text);
  } catch (error) {
    throw new ApiError('invalid_input', `${slug}.md: ${(error as Error).message}`);
  }
  return c.json({ slug, published: published !== undefined, draft: draft !== undefined, ...campaign });
});

const Save = z.object({
  data: z.record(z.string(), z.unknown()),
  body: z.string(),
  /** Publish now; otherwise a draft, which the site does not show. */
  publish: z.boolean().default(false),
});

/** The build's findings for this file among the published ones: the same checks and words as `npm run build`. */
function issuesOf(c: Context<AppEnv>, slug: string, text: string): CampaignIssue[] {
  const checked = checkCampaignText(text);
  if ('issues' in checked) return checked.issues;
  const others = c
    .get('options')
    .catalog.list()
    .filter((entry) => entry.slug !== slug);
  return crossCampaignIssues([...others, { ...checked.campaign, slug }])
    .filter((issue) => issue.slug === slug)
    .map(({ message }) => {
      const [path, ...rest] = message.split(': ');
      return { path, message: rest.join(': ') };
    });
}

function refuse(c: Context<AppEnv>, issues: CampaignIssue[]) {
  const fields = Object.fromEntries(issues.map(({ path, message }) => [path, message]));
  return c.json(
    { error: { code: 'invalid_input', message: 'The campaign needs fixing before it is published.', fields } },
    422,
  );
}

async function publish(c: Context<AppEnv>, slug: string, text: string, action: 'publish' | 'close') {
  const files = filesOf(c);
  try {
    await files.publish(slug, text);
  } catch (error) {
    // The whole catalog refused it (a targetsFile that cannot be read): the file is as it was.
    return refuse(c, [{ path: '(file)', message: (error as Error).message }]);
  }
  await auditPublish(c, { action, slug });
  return c.json({ slug, published: true, draft: false, build: files.build() });
}

editor.put('/campaigns/:slug', limitCampaignBody, async (c) => {
  const slug = slugOf(c);
  const files = filesOf(c);
  const { data, body, publish: now } = await readJson(c, Save);
  const { published, draft } = await files.read(slug);
  const text = writeCampaignText({ data, body }, draft ?? published);
  const issues = issuesOf(c, slug, text);
  if (now) return issues.length ? refuse(c, issues) : publish(c, slug, text, 'publish');
  // A draft may be half done: it is kept, and what the build would say comes back with it.
  await files.saveDraft(slug, text);
  return c.json({ slug, published: published !== undefined, draft: true, issues });
});

/**
 * The campaign as the widget will get it (the public projection), from the form's data read as the build reads the
 * file, with the languages it speaks: its own and those of its `strings`. Nothing is written.
 */
editor.post('/campaigns/:slug/preview', limitCampaignBody, async (c) => {
  const slug = slugOf(c);
  const { data } = await readJson(c, Save.pick({ data: true }));
  const checked = checkCampaignText(writeCampaignText({ data, body: '' }));
  if ('issues' in checked) return refuse(c, checked.issues);
  const { campaign } = checked;
  const languages = [...new Set([campaign.lang, ...Object.keys(campaign.strings)])];
  return c.json({ campaign: toPublicCampaign({ ...campaign, slug }, 0, c.get('siteOrigin')), languages });
});

/** Stops new actions; the page stays up. */
editor.post('/campaigns/:slug/close', async (c) => {
  const slug = slugOf(c);
  const { published } = await filesOf(c).read(slug);
  if (published === undefined) throw new ApiError('not_found', 'Only a published campaign can be closed.');
  const { data, body } = readCampaignText(published);
  return publish(c, slug, writeCampaignText({ data: { ...data, status: 'closed' }, body }, published), 'close');
});

editor.get('/build', (c) => c.json(filesOf(c).build()));
