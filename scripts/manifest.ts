/**
 * Writes `custom-elements.json` (the Custom Elements Manifest) at the repository's root, from the widgets' class
 * JSDoc (`@summary`, `@event`, `@csspart`, `@cssproperty`, `@slot`) and their Lit `static properties`.
 * `npm run manifest`; `npm run build` runs it too. `test/scripts/manifest.test.ts` fails when it is out of date.
 *
 * The analyzer is called as a library, not through its CLI: the CLI also writes a `customElements` field into
 * package.json, which nothing here reads (the README points to the manifest).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as analyzer from '@custom-elements-manifest/analyzer';
import type * as TypeScript from 'typescript';
// @ts-expect-error: a plain JS module of the analyzer (0.11.0) without types; its CLI loads it the same way.
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';

// Its type declarations describe plugins only; these are the two exports used here.
const { create, ts } = analyzer as unknown as {
  create: (options: { modules: unknown[]; plugins: unknown[]; context: object }) => unknown;
  ts: typeof TypeScript;
};

const root = fileURLToPath(new URL('../', import.meta.url));
export const MANIFEST = join(root, 'custom-elements.json');

/**
 * The base element (shared attributes), every widget's class file (`widgets/<widget>/<widget>.component.ts`) and
 * its definer beside it (`<widget>.ts`, which names the tag).
 */
export function sources(): string[] {
  const widgets = join(root, 'widgets');
  const components = readdirSync(widgets, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.component.ts'))
    .sort()
    .flatMap((file) => [file, file.replace(/\.component\.ts$/, '.ts')])
    .filter((file) => existsSync(join(widgets, file)));
  return [join(widgets, 'core/base.ts'), ...components.map((file) => join(widgets, file))];
}

type Node = TypeScript.Node;
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: { name: string; privacy?: string }[];
  events?: { name?: string }[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: object[] }[];
}

/**
 * Our definers call `define('ladder-petition', LadderPetition)` (core/define.ts), which the analyzer does not know
 * as `customElements.define`: this reads the tag from them. It also keeps the manifest to the public API (no
 * `#private` or protected members) and drops the nameless event entries that `dispatchEvent(new X(...))` leaves.
 */
function ladderPlugin() {
  const tags = new Map<string, { tag: string; module: string }>();
  return {
    name: 'ladder',
    analyzePhase({ node, moduleDoc }: { node: Node; moduleDoc: { path: string } }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, element] = node.arguments;
      if (tag && element && ts.isStringLiteral(tag) && ts.isIdentifier(element)) {
        tags.set(element.text, { tag: tag.text, module: moduleDoc.path });
      }
    },
    packageLinkPhase({ customElementsManifest }: { customElementsManifest: Manifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          declaration.members = declaration.members?.filter((member) => !member.privacy || member.privacy === 'public');
          declaration.events = declaration.events?.filter((event) => event.name);
          const defined = tags.get(declaration.name);
          if (!defined) continue;
          Object.assign(declaration, { tagName: defined.tag, customElement: true });
          const definer = customElementsManifest.modules.find((candidate) => candidate.path === defined.module);
          definer?.exports?.push({
            kind: 'custom-element-definition',
            name: defined.tag,
            declaration: { name: declaration.name, module: module.path },
          });
        }
      }
    },
  };
}

/** The manifest, as JSON text (two-space indented, with a final newline, as the analyzer's CLI writes it). */
export function generateManifest(): string {
  const modules = sources().map((file) =>
    ts.createSourceFile(relative(root, file), readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true),
  );
  const manifest = create({ modules, plugins: [...litPlugin(), ladderPlugin()], context: { dev: false } });
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(MANIFEST, generateManifest());
  console.log(`wrote ${relative(process.cwd(), MANIFEST)}`);
}
