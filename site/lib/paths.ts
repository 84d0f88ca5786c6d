/** Where the site reads campaigns from. Shared by the content config and anything else that needs the folder. */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder above this module with a package.json. Not a fixed `../../`: Astro
 * bundles this file into `.astro/.prerender/chunks/` at build time, where `../../` is `.astro/`.
 */
export const repoRoot = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(resolve(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

/** The default campaign folder, relative to the repository root. */
export const DEFAULT_CAMPAIGNS_DIR = 'site/content/campaigns';

/** `LADDER_CONTENT` (absolute, or relative to the repository root), else `site/content/campaigns`. */
export function campaignsDir(env: Record<string, string | undefined> = process.env): string {
  const dir = env.LADDER_CONTENT?.trim() || DEFAULT_CAMPAIGNS_DIR;
  return isAbsolute(dir) ? dir : resolve(repoRoot, dir);
}
