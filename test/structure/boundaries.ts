/**
 * Which folder may import which: the rules of docs/DESIGN.md ("Folders and what they may import"),
 * checked by `imports.test.ts` on every file in `src/`, `commands/` and `tools/`. A folder may always import
 * its own files. `src/main.ts` composes everything and may import anything.
 *
 * `KNOWN_DEBT` lists the imports that break these rules today, file by file, each with the reason;
 * the test fails on any other breach, and also when a listed one is gone (then delete its line),
 * so the list can only shrink.
 */
import type { ImportGraph } from './importGraph';

/** A folder of `src/` (by name), `commands`, or one of the top-level modules of `src/`. */
export type Area =
  | 'core'
  | 'text'
  | 'analysis'
  | 'search'
  | 'ingest'
  | 'parties'
  | 'knowledge'
  | 'library'
  | 'quiz'
  | 'answer'
  | 'across'
  | 'chart'
  | 'commands'
  | 'cli'
  | 'render'
  | 'discord'
  | 'transport'
  | 'storage'
  | 'tools'
  | 'config'
  | 'log'
  | 'main';

interface Rule {
  /** Areas whose values and types it may import. */
  may: Area[];
  /** Areas it may import types from only (`import type`), erased at run time. */
  typesFrom?: Area[];
}

export const RULES: Record<Exclude<Area, 'main'>, Rule> = {
  // The contracts everything shares: Answer, Article, Command, errors, option checks.
  core: { may: [] },
  // Words, normalising, sentences: the one text layer.
  text: { may: ['core'] },
  // The attribution engine: statements, speakers, cues.
  analysis: { may: ['text', 'core'] },
  // The paragraph index, phrase confirmation, autocomplete index.
  search: { may: ['text', 'core'] },
  // Reading knowledge files and documents, parsing and cleaning them into Articles.
  ingest: { may: ['text', 'core'] },
  // Countries, organisations, who belongs to which.
  parties: { may: ['analysis', 'text', 'core'] },
  // The one knowledge-base builder (people, parties, index) over articles from any source, the
  // disk cache as its store, the knowledge folder as a source, hot reload.
  knowledge: { may: ['ingest', 'parties', 'search', 'analysis', 'text', 'core', 'log'] },
  // Across articles: quote clusters (the same quotation in several reports), timelines.
  across: { may: ['knowledge', 'parties', 'search', 'analysis', 'text', 'core'] },
  // Chart data → Vega-Lite spec → PNG (no knowledge base, no Discord).
  chart: { may: ['core'] },
  // Per-server libraries: add/remove/list with quotas, analyses cached in the store, servers' knowledge
  // bases loaded lazily and evicted least-recently-used. Never Discord.
  library: { may: ['ingest', 'storage', 'knowledge', 'analysis', 'text', 'core', 'log'] },
  // "Who said it?": the quote pool (sure attributions only), masking, rounds kept in the store,
  // timers. Never Discord.
  quiz: { may: ['storage', 'knowledge', 'analysis', 'text', 'core', 'log'] },
  // Turning a query and the knowledge base into plain Answer data.
  answer: { may: ['across', 'chart', 'knowledge', 'parties', 'search', 'analysis', 'text', 'core'] },
  // One module per slash command: a definition and a handler calling answer/.
  commands: { may: ['answer', 'core'] },
  // The console's command-line parser.
  cli: { may: ['core'] },
  // Answer → terminal text.
  render: { may: ['core'] },
  // Everything Discord: definitions, input, interactions, dispatch, rendering, replies, the gateway
  // and HTTP transports, command deployment (reads the command list) and shards. Gets the knowledge
  // base handed in.
  discord: { may: ['commands', 'core', 'config', 'log'], typesFrom: ['knowledge'] },
  // Console and JSON: read input, run the command path, write output. Never Discord.
  transport: { may: ['render', 'cli', 'core', 'config', 'log'], typesFrom: ['knowledge'] },
  // Per-server libraries in SQLite or PostgreSQL behind one interface; knows nothing of Discord or analysis.
  storage: { may: ['core'], typesFrom: ['config'] },
  // Offline tools (top-level tools/, not production code): attribution output, error listing,
  // `npm run extract` (what a page or file would be stored as).
  tools: { may: ['ingest', 'analysis', 'text', 'core'] },
  config: { may: [] },
  log: { may: [] },
};

/** Packages only some files may import: the Discord library stays behind the Discord folders. */
export const PACKAGE_RULES: Record<string, { allowed: (file: string) => boolean; where: string }> = {
  'discord.js': {
    allowed: (f) => f.startsWith('src/discord/'),
    where: 'files in src/discord/',
  },
  // The chart renderer is heavy (Vega, resvg): one folder, loaded on the first /chart only.
  vega: { allowed: (f) => f.startsWith('src/chart/'), where: 'files in src/chart/' },
  'vega-lite': { allowed: (f) => f.startsWith('src/chart/'), where: 'files in src/chart/' },
  '@resvg/resvg-js': { allowed: (f) => f.startsWith('src/chart/'), where: 'files in src/chart/' },
  // The database drivers stay behind the LibraryStore interface.
  'better-sqlite3': { allowed: (f) => f.startsWith('src/storage/'), where: 'files in src/storage/' },
  pg: { allowed: (f) => f.startsWith('src/storage/'), where: 'files in src/storage/' },
  // One CSV writer, in the export's encoder: the quoting rules live in one place.
  'csv-stringify': { allowed: (f) => f === 'src/answer/exportEncode.ts', where: 'src/answer/exportEncode.ts' },
};

/** Imports that break the rules today: `from → to`, and why. Fix one, then delete its line. */
export const KNOWN_DEBT: Record<string, string> = {
};

export function areaOf(file: string): Area {
  if (file.startsWith('commands/')) return 'commands';
  if (file.startsWith('tools/')) return 'tools';
  const parts = file.split('/');
  if (parts.length === 2) return parts[1]!.replace(/\.ts$/, '') as Area;
  return parts[1] as Area;
}

export interface Breach {
  edge: string;
  why: string;
}

/** Every import that breaks `RULES` or `PACKAGE_RULES`, debt included (the caller sets debt apart). */
export function breaches(graph: ImportGraph): Breach[] {
  const found: Breach[] = [];
  for (const { from, to, typeOnly } of graph.edges) {
    const a = areaOf(from);
    const b = areaOf(to);
    if (a === b || a === 'main') continue;
    if (b === 'main') {
      found.push({ edge: `${from} → ${to}`, why: 'nothing imports src/main.ts' });
      continue;
    }
    const rule = RULES[a];
    if (rule === undefined) {
      found.push({ edge: `${from} → ${to}`, why: `"${a}" has no rule in test/structure/boundaries.ts` });
      continue;
    }
    if (rule.may.includes(b)) continue;
    if (typeOnly && rule.typesFrom?.includes(b)) continue;
    const allowed = [...rule.may, ...(rule.typesFrom ?? []).map((t) => `types from ${t}`)].join(', ') || 'nothing outside itself';
    found.push({ edge: `${from} → ${to}`, why: `${a}/ may import ${allowed}; not ${b}${rule.typesFrom?.includes(b) ? ' values' : ''}` });
  }
  for (const { from, pkg } of graph.packages) {
    const rule = PACKAGE_RULES[pkg];
    if (rule && !rule.allowed(from)) found.push({ edge: `${from} → ${pkg}`, why: `only ${rule.where} import ${pkg}` });
  }
  return found;
}
