/**
 * The campaigns collection: one Markdown file per campaign, validated by the shared schema.
 *
 * The folder is `site/content/campaigns` unless `LADDER_CONTENT` names another one (absolute, or relative to the
 * repository root), so end-to-end tests can build the site from fixture campaigns.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import * as z from 'zod';
import { Campaign, SLUG_PATTERN } from '../schema/campaign.ts';
import { campaignsDir } from './lib/paths.ts';

const base = campaignsDir();

// The glob loader only warns about a missing folder and builds a site with no campaigns: a typo in
// LADDER_CONTENT would then pass unnoticed.
if (!existsSync(base)) {
  throw new Error(
    `[ladder] The campaign folder ${base} does not exist (LADDER_CONTENT, or the default site/content/campaigns)`,
  );
}

/**
 * `Campaign`, with every issue's message settled here. Astro formats a missing field itself, and garbles it
 * ("petition.ask**: **petition.ask: Required"); its error then prints "<field>: <message>" for each issue below
 * the file's name and path.
 */
const campaignSchema = z.unknown().transform((input, ctx): Campaign => {
  const result = Campaign.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    ctx.addIssue({
      code: 'custom',
      path: issue.path,
      message: missing ? 'is missing: add it to the frontmatter' : issue.message,
    });
  }
  return z.NEVER;
});

const campaigns = defineCollection({
  loader: glob({
    pattern: '*.md',
    base,
    // The file name is the slug, as written: Astro's default would quietly slugify `Save The Library.md`.
    generateId: ({ entry, base: folder }) => {
      const slug = entry.replace(/\.md$/, '');
      if (!SLUG_PATTERN.test(slug)) {
        throw new Error(
          `[ladder] ${fileURLToPath(new URL(entry, folder))}: the file name is the campaign's slug and must be ` +
            'lower-case letters, digits and dashes, like save-the-library.md',
        );
      }
      return slug;
    },
  }),
  schema: campaignSchema,
});

export const collections = { campaigns };
