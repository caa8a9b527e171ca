/**
 * The shape of the code: no import cycles in `src/` and `commands/` (type-only imports included),
 * and each folder imports only the folders docs/DESIGN.md allows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './importGraph';

const ROOT = resolve(import.meta.dirname, '../..');

describe('import cycles', () => {
  const graph = importGraph(ROOT, ['src', 'commands']);

  it('reads every source file and its imports', () => {
    expect(graph.files).toContain('src/main.ts');
    expect(graph.files).toContain('commands/index.ts');
    expect(graph.edges).toContainEqual({ from: 'commands/index.ts', to: 'commands/help.ts', typeOnly: false });
  });

  it('no module in src/ or commands/ imports itself through other modules', () => {
    const described = importCycles(graph).map(({ cycle, members }) =>
      `${cycle.join(' → ')}${members.length + 1 > cycle.length ? ` (whole group: ${members.join(', ')})` : ''}`,
    );
    expect(described).toEqual([]);
  });

  describe('the cycle finder itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotebook-imports-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, text: string) => writeFileSync(join(dir, name), text);

    it('finds a cycle closed only by a type-only import, and names it', () => {
      write('a.ts', "import { b } from './b';\nexport const a = b + 1;\n");
      write('b.ts', "import type { C } from './c';\nexport const b = 1;\nexport type B = C;\n");
      write('c.ts', "export type { A } from './d';\nexport type C = number;\n");
      write('d.ts', "import { a } from './a';\nexport type A = typeof a;\n");
      write('leaf.ts', "import { a } from './a';\nexport const leaf = a;\n");
      const found = importCycles(importGraph(dir, ['.']));
      expect(found).toEqual([{ cycle: ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'a.ts'], members: ['a.ts', 'b.ts', 'c.ts', 'd.ts'] }]);
      const edges = importGraph(dir, ['.']).edges;
      expect(edges).toContainEqual({ from: 'b.ts', to: 'c.ts', typeOnly: true });
      expect(edges).toContainEqual({ from: 'c.ts', to: 'd.ts', typeOnly: true });
      expect(edges).toContainEqual({ from: 'a.ts', to: 'b.ts', typeOnly: false });
    });

    it('finds a cycle through a dynamic import()', () => {
      rmSync(join(dir, 'leaf.ts'));
      write('a.ts', "export async function a() { return (await import('./d')).d; }\n");
      write('b.ts', 'export const b = 1;\n');
      write('c.ts', 'export const c = 1;\n');
      write('d.ts', "import { a } from './a';\nexport const d = a;\n");
      expect(importCycles(importGraph(dir, ['.'])).map((c) => c.cycle)).toEqual([['a.ts', 'd.ts', 'a.ts']]);
    });

    it('reports nothing for a graph without cycles', () => {
      write('d.ts', "import { b } from './b';\nexport const d = b;\n");
      expect(importCycles(importGraph(dir, ['.']))).toEqual([]);
    });
  });
});
