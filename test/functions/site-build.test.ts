/**
 * The background build after a publish, when it fails: the live site stays as it was (nothing is swapped, the
 * half-built folder is removed) and the error is kept for the editor to show.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { siteBuilder } from '../../functions/editor/site-build.ts';

it('a failed build swaps nothing, leaves no folder behind and reports the error', async () => {
  // A root without Astro: the first step fails as a broken build would, with its own output as the error.
  const root = mkdtempSync(join(tmpdir(), 'ladder-build-root-'));
  const builds = join(root, 'builds');
  mkdirSync(builds);
  const swapped: string[] = [];
  const builder = siteBuilder({ root, content: root, builds, env: process.env, onBuilt: (dir) => swapped.push(dir) });
  expect(builder.status().state).toBe('idle');
  builder.request();
  expect(builder.status()).toMatchObject({ state: 'building', step: 1, steps: 3 });
  await expect.poll(() => builder.status().state, { timeout: 20_000 }).toBe('failed');
  expect(builder.status().error).toMatch(/astro/i);
  expect(swapped).toEqual([]);
  expect(readdirSync(builds)).toEqual([]);
  expect(existsSync(join(root, 'site'))).toBe(false);
});
