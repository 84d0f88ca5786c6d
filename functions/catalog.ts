/**
 * The campaign catalog: every campaign file, validated by the same schema the site's build uses.
 * The Node adapter loads it from the content folder at start; tests build one from objects.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { postcodeKey, TargetsFile } from '../schema/call.ts';
import { Campaign, type CampaignEntry, crossCampaignIssues, describeCampaignIssues } from '../schema/campaign.ts';
import { issueMessage } from '../schema/authoring.ts';

export interface Catalog {
  get(slug: string): CampaignEntry | undefined;
  list(): CampaignEntry[];
  /** A call or letter campaign's targets: those written in the file and those of its `targetsFile`, together. */
  targets(slug: string): TargetsFile | undefined;
}

/** `files`: the parsed `targetsFile` of each call or letter campaign that has one, by slug. */
export function catalogFrom(entries: CampaignEntry[], files: Record<string, TargetsFile> = {}): Catalog {
  const bySlug = new Map(entries.map((entry) => [entry.slug, entry]));
  const books = new Map<string, TargetsFile>();
  for (const entry of entries) {
    const book = entry.kind === 'call' ? entry.call : entry.kind === 'letter' ? entry.letter : null;
    if (!book) continue;
    const file = files[entry.slug] ?? { targets: [], postcodes: {}, areaNames: {} };
    const postcodes: Record<string, string[]> = {};
    for (const [code, areas] of [...Object.entries(file.postcodes), ...Object.entries(book.postcodes)]) {
      postcodes[postcodeKey(code)] = areas;
    }
    // A letter reaches a target by its email or its web form: a member of the imported data with neither (a new
    // member, not yet in it) would be listed to the supporter and counted "handed" with nothing to hand over.
    const reachable = entry.kind === 'letter' ? file.targets.filter((t) => t.email || t.contactForm) : file.targets;
    books.set(entry.slug, {
      targets: [...book.targets, ...reachable],
      postcodes,
      areaNames: { ...file.areaNames, ...book.areaNames },
    });
  }
  return { get: (slug) => bySlug.get(slug), list: () => [...bySlug.values()], targets: (slug) => books.get(slug) };
}

/** A catalog that a publish replaces while the server runs: every request reads the newest one. */
export interface LiveCatalog extends Catalog {
  replace(next: Catalog): void;
}

export function liveCatalog(first: Catalog): LiveCatalog {
  let current = first;
  return {
    get: (slug) => current.get(slug),
    list: () => current.list(),
    targets: (slug) => current.targets(slug),
    replace: (next) => {
      current = next;
    },
  };
}

/** Thrown with every problem of every file at once, so an organizer fixes them in one go. */
export class CatalogError extends Error {
  override name = 'CatalogError';
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

export interface CampaignIssue {
  /** `petition.ask`, `nextAsks.0`, or `(file)` for the file as a whole. */
  path: string;
  message: string;
}

/** One campaign file's text, read as the build reads it: the campaign, or what to fix, field by field. */
export function checkCampaignText(text: string): { campaign: Campaign } | { issues: CampaignIssue[] } {
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return {
      issues: [
        { path: '(file)', message: "starts without frontmatter; begin the file with --- and the campaign's fields" },
      ],
    };
  }
  let data: unknown;
  try {
    data = yaml.load(match[1]);
  } catch (error) {
    return { issues: [{ path: '(file)', message: `the frontmatter is not valid YAML: ${(error as Error).message}` }] };
  }
  // With the input, so a field missing without a sentence of the schema's own gets the build's (issueMessage).
  const parsed = Campaign.safeParse(data, { reportInput: true });
  if (parsed.success) return { campaign: parsed.data };
  return {
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.join('.') || '(file)',
      message: issueMessage(issue),
    })),
  };
}

/** Reads `*.md` files in `dir`; the file name (without `.md`) is the slug. */
export async function loadCatalog(dir: string): Promise<Catalog> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md'));
  const texts: Record<string, string> = {};
  for (const name of names) texts[name] = await readFile(join(dir, name), 'utf8');
  return catalogFromTexts(dir, texts, (file) => readFile(file, 'utf8'));
}

/**
 * The catalog from the campaign files' text, by file name, as if they were in `dir`; `read` gives a `targetsFile`.
 * Where there is no disk (a Worker), the build bundles the texts and this checks them the same way at start.
 */
export async function catalogFromTexts(
  dir: string,
  texts: Record<string, string>,
  read: (file: string) => Promise<string>,
): Promise<Catalog> {
  const names = Object.keys(texts).sort();
  const entries: CampaignEntry[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const checked = checkCampaignText(texts[name]);
    if ('campaign' in checked) entries.push({ ...checked.campaign, slug: name.slice(0, -'.md'.length) });
    else problems.push(checked.issues.map(({ path, message }) => `${join(dir, name)}: ${path}: ${message}`).join('\n'));
  }
  const files: Record<string, TargetsFile> = {};
  for (const entry of entries) {
    const targetsFile =
      entry.kind === 'call' ? entry.call.targetsFile : entry.kind === 'letter' ? entry.letter.targetsFile : undefined;
    if (!targetsFile) continue;
    const file = resolve(dirname(join(dir, `${entry.slug}.md`)), targetsFile);
    try {
      const parsed = TargetsFile.safeParse(JSON.parse(await read(file)));
      if (parsed.success) files[entry.slug] = parsed.data;
      else problems.push(describeCampaignIssues(file, parsed.error));
    } catch (error) {
      problems.push(
        `${join(dir, `${entry.slug}.md`)}: ${entry.kind}.targetsFile: cannot read ${file}: ${(error as Error).message}`,
      );
    }
  }
  for (const { slug, message } of crossCampaignIssues(entries)) problems.push(`${join(dir, `${slug}.md`)}: ${message}`);
  if (problems.length) throw new CatalogError(`Some campaign files need fixing:\n${problems.join('\n')}`);
  return catalogFrom(entries, files);
}
