import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog } from '../../functions/catalog.ts';
import { Campaign, toPublicCampaign } from '../../schema/campaign.ts';

const GOOD = `---
kind: petition
title: Save the Elm Street library
summary: Keep our branch library open six days a week.
goal: 500
deadline: 2027-03-01
partners: ["https://tenants.example"]
nextAsks: [safe-crossing]
consent:
  text: Keep me updated about this campaign.
  version: "2026-11-01"
petition:
  to: The City Council
  ask: Fund the Elm Street branch for six days a week.
---
Dear Council members, ...
`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-content-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('campaign files', () => {
  it('load with defaults filled in and the file name as slug', async () => {
    const other = GOOD.replace('nextAsks: [safe-crossing]', 'nextAsks: [save-elm-street]');
    const catalog = await loadCatalog(
      folder({ 'save-elm-street.md': GOOD, 'safe-crossing.md': other, 'notes.txt': 'ignored' }),
    );
    const entry = catalog.get('save-elm-street');
    expect(entry).toMatchObject({
      kind: 'petition',
      lang: 'en',
      status: 'open',
      goal: 500,
      partners: ['https://tenants.example'],
      strings: {},
    });
    expect(catalog.list()).toHaveLength(2);
    expect(toPublicCampaign(entry!, 12, 'https://campaign.example')).toMatchObject({
      count: 12,
      deadline: '2027-03-01',
      url: 'https://campaign.example/act/save-elm-street/',
    });
  });

  it('fail with every problem at once, each naming the file, the field and the fix', async () => {
    const bad = GOOD.replace('goal: 500', 'goal: lots').replace(
      '"https://tenants.example"',
      '"https://tenants.example/join/"',
    );
    const typo = GOOD.replace('kind: petition', 'kind: petition\ndealine: 2027-01-01').replace(
      '[safe-crossing]',
      '[a]',
    );
    const dir = folder({
      'e.md': typo,
      'a.md': bad,
      'b.md': GOOD.replace('kind: petition', 'kind: rally'),
      'c.md': 'no frontmatter',
      'd.md': '---\n: [\n---\n',
    });
    const error = await loadCatalog(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogError);
    const message = (error as Error).message;
    expect(message).toContain(`${join(dir, 'a.md')}: goal: must be a whole number, like 1000`);
    expect(message).toContain(`${join(dir, 'a.md')}: partners.0: must be an origin like https://partner.example`);
    expect(message).toContain(`${join(dir, 'e.md')}: (file): unknown field "dealine": check the spelling`);
    expect(message).toContain(`${join(dir, 'b.md')}: kind: kind must be one of: petition`);
    expect(message).toContain(`${join(dir, 'c.md')}: (file): starts without frontmatter`);
    expect(message).toContain(`${join(dir, 'd.md')}: (file): the frontmatter is not valid YAML`);
  });

  it('fail when nextAsks names a campaign that does not exist', async () => {
    const dir = folder({ 'a.md': GOOD });
    await expect(loadCatalog(dir)).rejects.toThrow(
      `${join(dir, 'a.md')}: nextAsks.0: no campaign file is named safe-crossing.md`,
    );
  });

  it('reject a consent without a version, since every action records which text it was given', () => {
    const result = Campaign.safeParse({
      kind: 'petition',
      title: 't',
      summary: 's',
      consent: { text: 'x' },
      petition: { to: 'a', ask: 'b' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['consent', 'version'],
      message: expect.stringContaining('version'),
    });
  });
});
