/**
 * The import graph of the project's own TypeScript, read with the TypeScript compiler's parser
 * (no type checking, so it is quick): every `import`, `import type`, `export … from`, `import x =
 * require()`, `import('…')` type and dynamic `import()`. Relative specifiers are resolved to a `.ts`
 * file (other files, such as JSON, are left out), others are recorded as packages. Used by
 * `imports.test.ts` to forbid cycles and to enforce which folder may import which (docs/DESIGN.md).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** Importing file, relative to the root, with forward slashes. */
  from: string;
  /** Imported file, same form. */
  to: string;
  /** True when only types cross the edge (`import type`, `export type`); erased at run time. */
  typeOnly: boolean;
  /** True for `import()`: loaded when that code runs, not when the importing module loads. */
  dynamic?: true;
}

export interface PackageImport {
  from: string;
  /** The package name (`discord.js`, `@scope/name`), without a subpath; `node:` built-ins are left out. */
  pkg: string;
  typeOnly: boolean;
  dynamic?: true;
}

export interface ImportGraph {
  files: string[];
  edges: ImportEdge[];
  packages: PackageImport[];
}

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listTs(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function resolveSpecifier(fromFile: string, specifier: string): string | undefined {
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [base, `${base}.ts`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')];
  return candidates.find((c) => c.endsWith('.ts') && existsSync(c) && statSync(c).isFile());
}

/** Module specifiers of one file, with whether each import carries only types. */
export function importsOf(fileName: string, source: string): { specifier: string; typeOnly: boolean; dynamic?: true }[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { specifier: string; typeOnly: boolean; dynamic?: true }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allNamedAreTypes =
        named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      const typeOnly = clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && allNamedAreTypes));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const allNamedAreTypes =
        clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly || allNamedAreTypes });
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      found.push({ specifier: node.moduleReference.expression.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false, dynamic: true });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const norm = (root: string, path: string): string => relative(root, path).split(sep).join('/');

/** The graph of every `.ts` file under `dirs` (relative to `root`). */
export function importGraph(root: string, dirs: string[]): ImportGraph {
  const files = dirs.flatMap((d) => listTs(join(root, d))).sort();
  const edges: ImportEdge[] = [];
  const packages: PackageImport[] = [];
  for (const file of files) {
    for (const { specifier, typeOnly, dynamic } of importsOf(file, readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        if (!specifier.startsWith('node:')) packages.push({ from: norm(root, file), pkg: packageName(specifier), typeOnly, ...(dynamic ? { dynamic } : {}) });
        continue;
      }
      const target = resolveSpecifier(file, specifier);
      if (target === undefined && existsSync(resolve(dirname(file), specifier))) continue; // JSON and other data files
      if (target === undefined) throw new Error(`${norm(root, file)}: cannot resolve import '${specifier}'`);
      edges.push({ from: norm(root, file), to: norm(root, target), typeOnly, ...(dynamic ? { dynamic } : {}) });
    }
  }
  return { files: files.map((f) => norm(root, f)), edges, packages };
}

/**
 * Groups of files that import each other, directly or through others (Tarjan's strongly connected
 * components of size > 1, or a file importing itself), each sorted. Type-only edges count: a
 * type-only cycle still ties two modules together, and it turns into a run-time one the day
 * somebody imports a value across it.
 */
export function stronglyConnected(graph: ImportGraph): string[][] {
  const next = new Map<string, string[]>();
  for (const f of graph.files) next.set(f, []);
  for (const e of graph.edges) next.get(e.from)?.push(e.to);

  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const strongConnect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (next.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const f of graph.files) if (!index.has(f)) strongConnect(f);

  return components.map((component) => [...component].sort());
}

/**
 * Every import cycle: for each strongly connected component, one closed path through it,
 * e.g. `['a.ts', 'b.ts', 'a.ts']`, plus the component's other members when the path misses some.
 */
export function importCycles(graph: ImportGraph): { cycle: string[]; members: string[] }[] {
  const next = new Map<string, string[]>();
  for (const f of graph.files) next.set(f, []);
  for (const e of graph.edges) next.get(e.from)?.push(e.to);
  // One readable closed path per component: breadth-first from its first file back to itself.
  return stronglyConnected(graph).map((component) => ({ cycle: shortestCycle(component), members: component }));

  function shortestCycle(component: string[]): string[] {
    const members = new Set(component);
    const start = [...component].sort()[0]!;
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.shift()!;
      for (const w of next.get(v) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) {
          const path = [start];
          for (let at = v; at !== start; at = previous.get(at)!) path.splice(1, 0, at);
          return [...path, start];
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    return [start, start];
  }
}

/**
 * The files and packages a module loads as soon as it is imported: value imports followed
 * transitively, skipping type-only imports (erased) and `import()` (loaded only when that code runs).
 */
export function loadedAtImport(graph: ImportGraph, entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const e of graph.edges) {
      if (e.from !== v || e.typeOnly || e.dynamic || files.has(e.to)) continue;
      files.add(e.to);
      queue.push(e.to);
    }
  }
  const packages = new Set(graph.packages.filter((p) => files.has(p.from) && !p.typeOnly && !p.dynamic).map((p) => p.pkg));
  return { files, packages };
}
