/**
 * The campaign catalog: every campaign file, validated by the same schema the site's build uses.
 * The Node adapter loads it from the content folder at start; tests build one from objects.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { Campaign, type CampaignEntry, crossCampaignIssues, describeCampaignIssues } from '../schema/campaign.ts';

export interface Catalog {
  get(slug: string): CampaignEntry | undefined;
  list(): CampaignEntry[];
}

export function catalogFrom(entries: CampaignEntry[]): Catalog {
  const bySlug = new Map(entries.map((entry) => [entry.slug, entry]));
  return { get: (slug) => bySlug.get(slug), list: () => [...bySlug.values()] };
}

/** Thrown with every problem of every file at once, so an organizer fixes them in one go. */
export class CatalogError extends Error {
  override name = 'CatalogError';
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Reads `*.md` files in `dir`; the file name (without `.md`) is the slug. */
export async function loadCatalog(dir: string): Promise<Catalog> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  const entries: CampaignEntry[] = [];
  const problems: string[] = [];
  for (const name of files) {
    const file = join(dir, name);
    const match = FRONTMATTER.exec(await readFile(file, 'utf8'));
    if (!match) {
      problems.push(`${file}: (file): starts without frontmatter; begin the file with --- and the campaign's fields`);
      continue;
    }
    let data: unknown;
    try {
      data = yaml.load(match[1]);
    } catch (error) {
      problems.push(`${file}: (file): the frontmatter is not valid YAML: ${(error as Error).message}`);
      continue;
    }
    const parsed = Campaign.safeParse(data);
    if (parsed.success) entries.push({ ...parsed.data, slug: name.slice(0, -'.md'.length) });
    else problems.push(describeCampaignIssues(file, parsed.error));
  }
  for (const { slug, message } of crossCampaignIssues(entries)) problems.push(`${join(dir, `${slug}.md`)}: ${message}`);
  if (problems.length) throw new CatalogError(`Some campaign files need fixing:\n${problems.join('\n')}`);
  return catalogFrom(entries);
}
