/** Where the site reads campaigns from. Shared by the content config and anything else that needs the folder. */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is `site/lib/paths.ts`). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The default campaign folder, relative to the repository root. */
export const DEFAULT_CAMPAIGNS_DIR = 'site/content/campaigns';

/** `LADDER_CONTENT` (absolute, or relative to the repository root), else `site/content/campaigns`. */
export function campaignsDir(env: Record<string, string | undefined> = process.env): string {
  const dir = env.LADDER_CONTENT?.trim() || DEFAULT_CAMPAIGNS_DIR;
  return isAbsolute(dir) ? dir : resolve(repoRoot, dir);
}
