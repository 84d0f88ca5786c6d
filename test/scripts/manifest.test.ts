/**
 * custom-elements.json is generated from the widgets' JSDoc (`npm run manifest`). These tests keep it from drifting:
 * from the sources, and from what the petition's templates and styles really expose.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateManifest, MANIFEST } from '../../scripts/manifest.ts';

interface Named {
  name: string;
}
interface Declaration {
  tagName?: string;
  cssParts?: Named[];
  cssProperties?: Named[];
  attributes?: Named[];
  events?: Named[];
}

const committed = readFileSync(MANIFEST, 'utf8');
const manifest = JSON.parse(committed) as { modules: { declarations?: Declaration[] }[] };
const element = (tag: string) =>
  manifest.modules.flatMap((module) => module.declarations ?? []).find((d) => d.tagName === tag);
const names = (list: Named[] | undefined) => (list ?? []).map(({ name }) => name).sort();
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('custom-elements.json', () => {
  it('is up to date with the widgets (run `npm run manifest`)', () => {
    expect(committed).toBe(generateManifest());
  });

  it('describes <ladder-petition>: its attributes and events', () => {
    const petition = element('ladder-petition')!;
    expect(petition, 'ladder-petition in the manifest').toBeDefined();
    expect(names(petition.attributes)).toEqual(['api', 'campaign', 'lang']);
    expect(names(petition.events)).toEqual(['ladder-error', 'ladder-queued', 'ladder-submit', 'ladder-success']);
  });

  it("lists exactly the parts the petition's templates render", () => {
    const template = read('widgets/petition/petition.component.ts');
    const used = [...new Set([...template.matchAll(/\bpart="([\w-]+)"/g)].map(([, part]) => part))].sort();
    expect(used.length).toBeGreaterThan(5);
    expect(names(element('ladder-petition')!.cssParts)).toEqual(used);
  });

  it('lists exactly the --ladder-* custom properties its styles read', () => {
    const styles = read('widgets/core/theme.ts') + read('widgets/petition/petition.styles.ts');
    const used = [...new Set([...styles.matchAll(/var\((--ladder-[\w-]+)/g)].map(([, name]) => name))].sort();
    expect(used.length).toBeGreaterThan(5);
    expect(names(element('ladder-petition')!.cssProperties)).toEqual(used);
  });
});
