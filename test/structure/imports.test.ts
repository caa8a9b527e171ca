/**
 * The shape of the code: no import cycles in `src/`, `commands/` and `tools/` (type-only imports included),
 * and each folder imports only the folders docs/DESIGN.md allows.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { breaches, KNOWN_DEBT } from './boundaries';
import { importCycles, importGraph, loadedAtImport, type ImportGraph } from './importGraph';

const ROOT = resolve(import.meta.dirname, '../..');

const graph = importGraph(ROOT, ['src', 'commands', 'tools']);

describe('import cycles', () => {
  it('reads every source file and its imports', () => {
    expect(graph.files).toContain('src/main.ts');
    expect(graph.files).toContain('commands/index.ts');
    expect(graph.edges).toContainEqual({ from: 'commands/index.ts', to: 'commands/help.ts', typeOnly: false });
  });

  it('no module in src/, commands/ or tools/ imports itself through other modules', () => {
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

describe('folder boundaries (docs/DESIGN.md)', () => {
  it('every import between folders is one docs/DESIGN.md allows, apart from the known debt', () => {
    const unexpected = breaches(graph).filter((b) => !(b.edge in KNOWN_DEBT));
    expect(unexpected.map((b) => `${b.edge}: ${b.why}`)).toEqual([]);
  });

  it('every known-debt import still exists (once fixed, delete its line from KNOWN_DEBT)', () => {
    const edges = new Set(breaches(graph).map((b) => b.edge));
    expect(Object.keys(KNOWN_DEBT).filter((edge) => !edges.has(edge))).toEqual([]);
  });

  it('reports a lower layer importing a higher one, a value from a types-only folder, and discord.js outside the Discord code', () => {
    const synthetic: ImportGraph = {
      files: [],
      edges: [
        { from: 'src/analysis/cues.ts', to: 'src/answer/search.ts', typeOnly: true },
        { from: 'src/discord/dispatch.ts', to: 'src/knowledge/knowledgeBase.ts', typeOnly: false },
        { from: 'src/discord/dispatch.ts', to: 'src/knowledge/knowledgeBase.ts', typeOnly: true },
        { from: 'src/text/words.ts', to: 'src/core/article.ts', typeOnly: false },
        { from: 'commands/search.ts', to: 'src/main.ts', typeOnly: false },
      ],
      packages: [
        { from: 'src/answer/search.ts', pkg: 'discord.js', typeOnly: true },
        { from: 'src/discord/dispatch.ts', pkg: 'discord.js', typeOnly: false },
      ],
    };
    expect(breaches(synthetic).map((b) => b.edge)).toEqual([
      'src/analysis/cues.ts → src/answer/search.ts',
      'src/discord/dispatch.ts → src/knowledge/knowledgeBase.ts',
      'commands/search.ts → src/main.ts',
      'src/answer/search.ts → discord.js',
    ]);
  });
});

describe('start-up', () => {
  it('the console and JSON modes do not load discord.js (it is most of their start-up time)', () => {
    const { files, packages } = loadedAtImport(graph, 'src/main.ts');
    expect(files).toContain('src/transport/console.ts');
    expect(files).toContain('src/transport/json.ts');
    expect(files).not.toContain('src/discord/gateway.ts');
    expect(packages).toContain('zod');
    expect(packages).not.toContain('discord.js');
  });
});

describe('production dependencies', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
  };
  const runtime = new Set(Object.keys(pkg.dependencies));

  it('every package src/ and commands/ import is a runtime dependency (npm ci --omit=dev keeps it)', () => {
    const used = [...new Set(graph.packages.filter((p) => !p.typeOnly).map((p) => p.pkg))].sort();
    expect(used).toContain('discord.js');
    expect(used.filter((p) => !runtime.has(p))).toEqual([]);
  });

  it('the loader npm start runs with (--import) is a runtime dependency too', () => {
    const loaders = [...pkg.scripts.start!.matchAll(/--import[= ](\S+)/g)].map((m) => m[1]!.split('/')[0]!);
    expect(loaders).toEqual(['tsx']);
    expect(loaders.filter((l) => !runtime.has(l))).toEqual([]);
  });
});
