/**
 * Issue 14: no two store files import one another, however indirectly, type-only imports included (they were
 * part of the circle access → privacy → action → steps → types → access). Reads the import lines of
 * functions/store/ and its migrations and looks for a cycle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../functions/store');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The store files `file` imports or re-exports from (relative specifiers inside functions/store only). */
export function importsOf(file: string, source: string): string[] {
  const found = [...source.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms)].map((m) =>
    resolve(dirname(file), m[1]),
  );
  return found.filter((path) => path.startsWith(ROOT));
}

/** One cycle of the graph, as a path of files, or null. */
export function cycleIn(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('the store imports', () => {
  it('finds a cycle when there is one, type-only and multi-line imports included', () => {
    const a = join(ROOT, 'a.ts');
    const b = join(ROOT, 'b.ts');
    expect(importsOf(a, "import type {\n  X,\n  Y,\n} from './b.ts';\nimport { z } from '../elsewhere.ts';")).toEqual([
      b,
    ]);
    expect(
      cycleIn(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      )?.map((f) => relative(ROOT, f)),
    ).toEqual(['a.ts', 'b.ts', 'a.ts']);
    expect(
      cycleIn(
        new Map([
          [a, [b]],
          [b, []],
        ]),
      ),
    ).toBeNull();
  });

  it('form no circle', () => {
    const graph = new Map(files(ROOT).map((file) => [file, importsOf(file, readFileSync(file, 'utf8'))]));
    expect(graph.size).toBeGreaterThan(25);
    expect(cycleIn(graph)?.map((file) => relative(ROOT, file)) ?? null).toBeNull();
  });
});
