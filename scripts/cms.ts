/**
 * Sveltia CMS for sites deployed from a git repository (Netlify, Vercel, Cloudflare Pages: no server of ours to
 * write files, so the editor at /organize/edit/ cannot publish there). `npm run cms` writes a static `/admin/`
 * into the site's public folder: Sveltia's own script (from npm, served from our origin; nothing from a CDN), its
 * page, and `config.yml` generated from the campaign schema (schema/campaign.ts through `z.toJSONSchema`, as the
 * Node host's editor does), one collection per kind so each kind's form has its own fields. Saving commits the
 * same Markdown file the build reads, in the same folder.
 *
 * What the mapping cannot say: a field that takes one line or a list (`allies:`) is a list in the form; `strings:`
 * is one key/value list per language; a date (`deadline:`) is a date picker writing YYYY-MM-DD. Sveltia writes
 * the frontmatter back with its own YAML formatting (comments and `[a, b]` flow lists go) once a value changes: a
 * file opened and left unchanged is not written (test/e2e/cms.test.ts).
 *
 * Environment: LADDER_CMS_REPO (owner/name, required unless LADDER_CMS_BACKEND=test-repo), LADDER_CMS_BACKEND
 * (github, gitlab, gitea; default github), LADDER_CMS_BRANCH (main), LADDER_CMS_OUT (site/public/admin),
 * LADDER_CONTENT (site/content/campaigns, relative to the repository: where the collection's files are).
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import * as z from 'zod';
import { Campaign } from '../schema/campaign.ts';

type Json = {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  maxLength?: number;
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json;
  anyOf?: Json[];
  oneOf?: Json[];
  additionalProperties?: Json | boolean;
  propertyNames?: Json;
};
export type CmsField = Record<string, unknown> & { name: string; widget: string };

/** Sveltia's fields for one JSON Schema property. */
function field(name: string, schema: Json, required: boolean): CmsField {
  const base = { name, label: name, required };
  const alternatives = schema.anyOf ?? schema.oneOf;
  // One line or a list of lines (schema/campaign.ts `lines`): the list holds both.
  if (alternatives) {
    const list = alternatives.find((s) => s.type === 'array');
    return list ? field(name, list, required) : { ...base, widget: 'string' };
  }
  if (schema.enum) return { ...base, widget: 'select', options: schema.enum };
  switch (schema.type) {
    case 'boolean':
      return { ...base, widget: 'boolean', required: false };
    case 'integer':
    case 'number':
      return { ...base, widget: 'number', value_type: schema.type === 'integer' ? 'int' : 'float' };
    case 'string':
      return { ...base, widget: (schema.maxLength ?? 0) > 200 ? 'text' : 'string' };
    case 'array': {
      const items = schema.items ?? {};
      if (items.type === 'object' && items.properties) return { ...base, widget: 'list', fields: fields(items) };
      return { ...base, widget: 'list', field: field('item', items, true) };
    }
    case 'object': {
      if (schema.properties) return { ...base, widget: 'object', fields: fields(schema) };
      // A record by language (`strings:`): one key/value list per language.
      const languages = schema.propertyNames?.enum as string[] | undefined;
      if (languages) {
        return {
          ...base,
          widget: 'object',
          fields: languages.map((lang) => ({ name: lang, label: lang, widget: 'keyvalue', required: false })),
        };
      }
      return { ...base, widget: 'keyvalue' };
    }
    default:
      // What JSON Schema cannot represent here is a date (`deadline`, `by`, `start`, `end`): YYYY-MM-DD in the files.
      return { ...base, widget: 'datetime', time_format: false, format: 'YYYY-MM-DD' };
  }
}

function fields(schema: Json): CmsField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) =>
    field(name, property, required.has(name) && property.default === undefined),
  );
}

/** Each kind's branch of the campaign schema, as the editor's form reads it. */
export function kindSchemas(): Record<string, Json> {
  const schema = z.toJSONSchema(Campaign, { io: 'input', unrepresentable: 'any' }) as Json;
  return Object.fromEntries(
    (schema.oneOf ?? schema.anyOf ?? []).map((branch) => [branch.properties!.kind.const as string, branch]),
  );
}

export interface CmsOptions {
  backend: string;
  repo?: string;
  branch: string;
  /** The campaign folder, relative to the repository root. */
  folder: string;
}

export function cmsConfig(options: CmsOptions): Record<string, unknown> {
  const backend =
    options.backend === 'test-repo'
      ? { name: 'test-repo' }
      : { name: options.backend, repo: options.repo, branch: options.branch };
  return {
    backend,
    // An empty optional field left out, not written as '' or null (the schema refuses both); strings quoted, so
    // that `version: '2026-11-01'` stays a string for the build's YAML reader, which takes unquoted dates for dates.
    output: { omit_empty_optional_fields: true, yaml: { quote: 'single' } },
    media_folder: 'site/public/media',
    public_folder: '/media',
    collections: Object.entries(kindSchemas()).map(([kind, schema]) => ({
      name: kind,
      label: kind,
      folder: options.folder,
      extension: 'md',
      format: 'frontmatter',
      // The file name is the campaign's address; only this kind's files are in this list.
      filter: { field: 'kind', value: kind },
      create: true,
      slug: '{{slug}}',
      identifier_field: 'title',
      summary: '{{title}}',
      fields: [
        { name: 'kind', label: 'kind', widget: 'hidden', default: kind },
        ...fields(schema).filter(({ name }) => name !== 'kind'),
        { name: 'body', label: 'body', widget: 'markdown', required: false },
      ],
    })),
  };
}

// The page: Sveltia's script from our origin, nothing inline (the policy needs no hash for it).
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>Ladder campaigns</title>
    <link href="/admin/config.yml" type="application/yaml" rel="cms-config-url" />
  </head>
  <body>
    <script src="/admin/sveltia-cms.js"></script>
  </body>
</html>
`;

/**
 * The policy of `/admin/` (scripts/headers.ts writes it into `_headers`). Sveltia's own code, from our origin,
 * and no inline script. What it needs besides, found in Chromium (test/e2e/cms.test.ts): `style-src
 * 'unsafe-inline'` (Svelte sets style attributes; styles only, scripts stay 'self'), `connect-src` to the git
 * host's API (GitHub's, GitLab's or Gitea's) and to `data:`/`blob:` URLs (its icons and previews of uploads), and
 * `data:`/`blob:` images. Its web fonts and version check come from CDNs (cdn.jsdelivr.net, unpkg.com) and are
 * refused: it falls back to the system's fonts.
 */
export const ADMIN_POLICY = {
  'Content-Security-Policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "connect-src 'self' blob: data: https://api.github.com https://gitlab.com https://gitea.com",
    "font-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
};

/** Writes index.html, config.yml and sveltia-cms.js into `out`. */
export function writeCms(out: string, options: CmsOptions): void {
  mkdirSync(out, { recursive: true });
  const require = createRequire(import.meta.url);
  // The package exports only its npm entry; the browser build sits beside it (one file, no chunks it needs).
  const dist = join(dirname(require.resolve('@sveltia/cms')), '..', 'dist', 'sveltia-cms.js');
  copyFileSync(dist, join(out, 'sveltia-cms.js'));
  writeFileSync(join(out, 'index.html'), PAGE);
  writeFileSync(
    join(out, 'config.yml'),
    `# Written by scripts/cms.ts (npm run cms) from schema/campaign.ts: edit those, not this file.\n${stringify(cmsConfig(options))}`,
  );
}

if (import.meta.main) {
  const root = resolve(import.meta.dirname, '..');
  const env = process.env;
  const backend = env.LADDER_CMS_BACKEND?.trim() || 'github';
  const repo = env.LADDER_CMS_REPO?.trim();
  if (!repo && backend !== 'test-repo') {
    console.log('[cms] LADDER_CMS_REPO is not set (owner/name of the site’s repository): no /admin/ written.');
  } else {
    const content = env.LADDER_CONTENT?.trim() || 'site/content/campaigns';
    const out = resolve(root, env.LADDER_CMS_OUT?.trim() || 'site/public/admin');
    writeCms(out, {
      backend,
      repo,
      branch: env.LADDER_CMS_BRANCH?.trim() || 'main',
      folder: isAbsolute(content) ? relative(root, content) : content,
    });
    console.log(`[cms] ${out}: Sveltia CMS for ${repo ?? 'the test repository'} (${backend}).`);
  }
}
