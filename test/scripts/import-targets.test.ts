/**
 * `npm run import-targets`, run as organizers run it (a child process), on small made-up files in the real
 * formats (test/scripts/fixtures/): the output validates as a `TargetsFile` and says the right things.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TargetsFile } from '../../schema/call.ts';

const script = fileURLToPath(new URL('../../scripts/import-targets.ts', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ladder-import-'));

interface Run {
  file: TargetsFile;
  summary: Record<string, unknown>;
}

async function run(...extra: string[]): Promise<Run> {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  const { stdout } = await promisify(execFile)(process.execPath, [
    script,
    ...['--legislators', fixture('legislators.yaml'), '--offices', fixture('offices.yaml')],
    ...['--zips', fixture('zccd.csv'), '--out', out, ...extra],
  ]);
  return { file: TargetsFile.parse(JSON.parse(readFileSync(out, 'utf8'))), summary: JSON.parse(stdout) };
}

/** Runs the script expecting it to fail; resolves to what it printed on stderr. */
async function failing(...args: string[]): Promise<string> {
  try {
    await promisify(execFile)(process.execPath, [script, ...args]);
  } catch (error) {
    expect((error as { code: number }).code).toBe(1);
    return (error as { stderr: string }).stderr;
  }
  throw new Error('the import succeeded');
}

// Each test runs the script in child processes (several in the last one): seconds on a busy machine.
describe('import-targets', { timeout: 30_000 }, () => {
  it('builds every chamber: districts, at-large seats, senators, delegates, offices and hours', async () => {
    const { file, summary } = await run();
    const byId = Object.fromEntries(file.targets.map((t) => [t.id, t]));
    expect(Object.keys(byId).sort()).toEqual(['A000001', 'B000002', 'C000003', 'D000004', 'E000005', 'G000007']);

    // The last term counts (CA-12, not the earlier CA-11); the official name is preferred.
    expect(byId.A000001).toEqual({
      id: 'A000001',
      name: 'Ada King Lovelace',
      title: 'Representative, CA-12',
      phones: [
        { label: 'Washington, DC office', number: '202-225-0001' },
        { label: 'Oakland office', number: '510-555-0001', hours: 'Mon-Fri 9am-5pm' },
      ],
      areas: ['CA-12'],
      // Letters (kind: letter) hand the supporter to the member's official form.
      contactForm: 'https://lovelace.house.example/contact',
      offices: [
        {
          name: 'Washington, DC office',
          address: '1 Cannon House Office Building Washington DC 20515-0512',
          phone: '202-225-0001',
        },
        {
          name: 'Oakland office',
          address: 'City Tower, 1 Broadway, Suite 100, Oakland, CA 94612',
          phone: '510-555-0001',
          hours: 'Mon-Fri 9am-5pm',
        },
      ],
    });
    expect(byId.B000002.name).toBe('Grace Hopper');
    expect(byId.C000003).toMatchObject({ title: 'Representative, AK-AL', areas: ['AK-AL'], offices: [] });
    expect(byId.D000004).toMatchObject({ title: 'Senator, California', areas: ['CA'] });
    expect(byId.E000005).toMatchObject({ title: 'Delegate, DC-AL', areas: ['DC-AL'] });
    // No photo URL is invented.
    expect(file.targets.some((t) => t.photo)).toBe(false);

    expect(file.postcodes).toEqual({
      '94110': ['CA-11'],
      '94107': ['CA-11', 'CA-12'],
      '94612': ['CA-12'],
      '99501': ['AK-AL'],
      '99502': ['AK-AL'],
      '20001': ['DC-AL'],
      '10001': ['NY-12'],
    });
    expect(file.areaNames).toMatchObject({
      'CA-11': "California's 11th district",
      'CA-12': "California's 12th district",
      'AK-AL': "Alaska's at-large district",
      'DC-AL': "District of Columbia's at-large district",
      'NY-12': "New York's 12th district",
      CA: 'California',
      NY: 'New York',
    });
    expect(summary).toMatchObject({
      targets: 6,
      house: 4,
      senate: 2,
      postcodes: 7,
      postcodesInSeveralAreas: 1,
      // 99 and ZZ: no district.
      skippedRows: 2,
      // No phone and no office: nothing to call.
      skippedMembers: ['F000006'],
    });
  });

  it('keeps one chamber and one state; senators alone need no district question', async () => {
    const { file } = await run('--chamber', 'senate', '--state', 'ca');
    expect(file.targets.map((t) => t.id)).toEqual(['D000004']);
    expect(file.postcodes).toEqual({ '94110': ['CA'], '94107': ['CA'], '94612': ['CA'] });
    expect(file.areaNames).toEqual({ CA: 'California' });

    const house = await run('--chamber', 'house');
    expect(house.file.targets.every((t) => t.title !== 'Senator, California')).toBe(true);
    expect(house.file.targets).toHaveLength(4);
  });

  it('builds photo URLs only from a pattern the organizer gives', async () => {
    const { file } = await run('--state', 'AK', '--photos', 'https://photos.example/{bioguide}.jpg');
    expect(file.targets.map((t) => t.photo)).toEqual(['https://photos.example/C000003.jpg']);
  });

  it('reads a CSV with quoted fields, commas and line breaks inside them, and columns in any order', async () => {
    const quoted = join(dir, 'quoted.csv');
    writeFileSync(
      quoted,
      '\uFEFF"zcta","county, state","cd","state_abbr"\r\n' +
        '"94110","San Francisco, CA","11","CA"\r\n' +
        '"94612","Alameda,\nCA","12","CA"\r\n' +
        '99501,"Anchorage, AK",0,AK\r\n',
    );
    const { file } = await run('--zips', quoted);
    expect(file.postcodes).toEqual({ '94110': ['CA-11'], '94612': ['CA-12'], '99501': ['AK-AL'] });
  });

  it('stops with a clear message on a malformed CSV or missing arguments', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'state_fips,state_abbr,zcta,cd\n06,CA,94110,11\n06,CA,94107,94108,12\n');
    const args = ['--legislators', fixture('legislators.yaml'), '--out', join(dir, 'x.json')];
    expect(await failing(...args, '--zips', bad)).toMatch(/bad\.csv:3: 5 fields, expected 4/);
    writeFileSync(bad, 'state_fips,state_abbr,zcta,cd\n06,CA,"94110,11\n');
    expect(await failing(...args, '--zips', bad)).toMatch(/bad\.csv: .*quote/i);
    writeFileSync(bad, 'zip,district\n94110,11\n');
    expect(await failing(...args, '--zips', bad)).toMatch(/expected the columns state_abbr, zcta and cd/);
    expect(await failing('--zips', fixture('zccd.csv'))).toMatch(/--legislators <file> is required/);
    expect(await failing(...args, '--zips', fixture('zccd.csv'), '--chamber', 'lords')).toMatch(/--chamber must be/);
  });
});
