/**
 * The campaign files on the Node host: published files in the content folder (what the build reads), drafts in its
 * `.drafts/` folder (which the build does not read). Writes go to a temporary file renamed over the old one, so a
 * crash never leaves half a campaign file.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCatalog, type LiveCatalog } from '../catalog.ts';
import type { BuildStatus, CampaignFiles } from './types.ts';

const readIfThere = (file: string) =>
  readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });

async function replaceFile(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

const slugsIn = async (dir: string) =>
  (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3));

export interface SiteBuilder {
  /** Starts a build of the content as it is now (or queues one after the build that runs). */
  request(): void;
  status(): BuildStatus;
}

export function diskCampaignFiles(dir: string, catalog: LiveCatalog, builder: SiteBuilder): CampaignFiles {
  const drafts = join(dir, '.drafts');
  const published = (slug: string) => join(dir, `${slug}.md`);
  const draft = (slug: string) => join(drafts, `${slug}.md`);
  // One publish at a time: each reloads the catalog from every file, which must include the one before.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    async list() {
      const slugs = [...new Set([...(await slugsIn(dir)), ...(await slugsIn(drafts))])].sort();
      return Promise.all(slugs.map(async (slug) => ({ slug, ...(await this.read(slug)) })));
    },
    async read(slug) {
      const [live, kept] = await Promise.all([readIfThere(published(slug)), readIfThere(draft(slug))]);
      return { ...(live === undefined ? {} : { published: live }), ...(kept === undefined ? {} : { draft: kept }) };
    },
    async saveDraft(slug, text) {
      await mkdir(drafts, { recursive: true });
      await replaceFile(draft(slug), text);
    },
    publish(slug, text) {
      const run = queue.then(async () => {
        const before = await readIfThere(published(slug));
        await replaceFile(published(slug), text);
        try {
          catalog.replace(await loadCatalog(dir));
        } catch (error) {
          if (before === undefined) await rm(published(slug), { force: true });
          else await replaceFile(published(slug), before);
          throw error;
        }
        await rm(draft(slug), { force: true });
        builder.request();
      });
      queue = run.catch(() => undefined);
      return run;
    },
    build: () => builder.status(),
  };
}
