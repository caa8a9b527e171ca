/**
 * Where a question's words and the people and parties it names are found in a paragraph range:
 * the weight found, what to highlight, and how close together the matched words stand.
 */
import type { KnowledgeBase, ParagraphRecord } from '../knowledge/knowledgeBase';
import { runAt, withoutPossessive, words, type Word } from '../text/words';
import type { Term } from './askTerms';
import type { Question } from './question';

/** Mentions in one paragraph of the people and parties a question names, in the order `match` reads them. */
export interface Entities {
  /** Per question person: the mentions in the paragraph of each of its speakers, in speaker order. */
  persons: Array<Array<Array<{ start: number; end: number }>>>;
  /** Party mentions, then mentions of people linked to a party (they speak for it). */
  parties: Array<{ partyId: string; start: number; end: number }>;
}

/** The article-wide lists `entitiesIn` narrows to a paragraph, once per article and query. */
export type ArticleEntities = Entities;

export function articleEntities(kb: KnowledgeBase, articleId: string, q: Question): ArticleEntities {
  const ents: ArticleEntities = { persons: [], parties: [] };
  if (q.persons.length > 0) {
    const speakers = kb.analysis(articleId).speakers;
    for (const p of q.persons) ents.persons.push(speakers.filter((x) => p.speakers.has(articleId, x.id)).map((x) => x.mentions));
  }
  if (q.parties.length > 0) {
    const ap = kb.parties.article(articleId);
    ents.parties = [...ap.mentions];
    // A party's people speak for it: "What does Egypt want?" is answered by its foreign minister.
    for (const sp of kb.analysis(articleId).speakers) {
      const partyId = ap.speakerParty.get(sp.id);
      if (!partyId) continue;
      for (const m of sp.mentions) ents.parties.push({ partyId, start: m.start, end: m.end });
    }
  }
  return ents;
}

/**
 * The mentions of `all` inside one paragraph; with the question and the paragraph's words, also
 * each person's name wherever the question's words for it stand together (after the speakers'
 * own mentions, so a speaker's mention is the one highlighted when both are there).
 */
export function entitiesIn(rec: ParagraphRecord, all: ArticleEntities, q?: Question, ws?: readonly Word[]): Entities {
  const a = rec.paragraph.bodyStart;
  const b = a + rec.paragraph.text.length;
  const inPara = (m: { start: number; end: number }) => m.start >= a && m.end <= b;
  return {
    persons: all.persons.map((list, i) => {
      const found = list.map((ms) => ms.filter(inPara)).filter((ms) => ms.length > 0);
      const literal = q && ws ? nameRuns(q.persons[i]!.words, ws, a) : [];
      return literal.length > 0 ? [...found, literal] : found;
    }),
    parties: all.parties.length > 0 ? all.parties.filter(inPara) : [],
  };
}

/** Where the words of `name` stand together in `ws`, as article offsets (`base` + paragraph offset). */
function nameRuns(name: readonly string[], ws: readonly Word[], base: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  if (name.length === 0) return out;
  for (let j = 0; j + name.length <= ws.length; j++) {
    if (runAt(ws, j, name)) out.push({ start: base + ws[j]!.start, end: base + ws[j + name.length - 1]!.end });
  }
  return out;
}

/** What a paragraph range holds of a question (see `match`). */
export interface RangeMatch {
  /** The idf-weighted words and the names of the question found in the range. */
  found: number;
  /** `found` by question term, then by person and party of the question (the `carried` feature reads it). */
  perTerm: number[];
  highlights: Array<[number, number]>;
  proximity: number;
  pairs: number;
  words: number;
  anchors: number;
}

/**
 * What an article's title says of a question: per term, how well a title word matches it; per
 * person the question names, whether the title names them ("Nikola Tesla" in "Nikola Tesla").
 * An encyclopedic article is about its title: its sentences say "he" or "the game" and never
 * repeat it, so the title counts as said in each of them.
 */
export interface InTitle {
  terms: number[];
  persons: number[];
}

/** `inTitle` counted at `share`: a sentence that names the subject (or calls it "the game") is better evidence than one that leaves it unsaid. */
export const scaledInTitle = (t: InTitle, share: number): InTitle => ({ terms: t.terms.map((x) => x * share), persons: t.persons.map((x) => x * share) });

/** `InTitle` for an article's title, from its words' matches to the question's terms. */
export function inTitleOf(title: string, q: Question, termCount: number, wordMatches: (ws: Word[]) => Array<number[] | undefined>): InTitle {
  const tw = words(title);
  // Without possessives, as the question's name words are ("Levi's Stadium": "levi", "stadium").
  const norms = new Set(tw.map((w) => withoutPossessive(w.norm)));
  const matched = wordMatches(tw);
  return {
    terms: Array.from({ length: termCount }, (_, i) => Math.max(0, ...matched.map((m) => m?.[i] ?? 0))),
    persons: q.persons.map((p) => (p.words.length > 0 && p.words.every((w) => norms.has(w)) ? 1 : 0)),
  };
}

/**
 * Weighted question words found in a range of the paragraph, with what to highlight and how close
 * together the matched words stand (matched words / the words they span, 0–1). `inTitle` (the
 * paragraph's context) lets a word of the article's title, and a person the title names, count as
 * found.
 */
export function match(
  rec: ParagraphRecord,
  q: Question,
  terms: Term[],
  /** Per person, then per party, of the question: its weight. */
  entityWeights: number[],
  ws: Word[],
  /** Per word of `ws`, its match to each question term. */
  matches: Array<number[] | undefined>,
  ents: Entities,
  start: number,
  end: number,
  inTitle?: InTitle,
): RangeMatch {
  // Words of the range: ws[from, to).
  let from = 0;
  while (from < ws.length && ws[from]!.start < start) from++;
  let to = from;
  while (to < ws.length && ws[to]!.end <= end) to++;
  // Plain loops, no callbacks: this runs for every sentence of every candidate paragraph, and
  // totals updated inside a closure live on the heap (a new number object per update).
  let found = 0;
  const perTerm = new Array<number>(terms.length + entityWeights.length).fill(0);
  const highlights: Array<[number, number]> = [];
  let first = Infinity;
  let last = -1;
  let hits = 0;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    let best = 0;
    let at = -1;
    for (let j = from; j < to; j++) {
      let sim = matches[j]?.[i] ?? 0;
      if (sim === 0) continue;
      // "signing on" is the phrasal verb "sign on"; "signed by" is a weaker match.
      if (t.particle && (j + 1 < to ? ws[j + 1]!.norm : undefined) !== t.particle) sim *= 0.8;
      if (sim > best) {
        best = sim;
        at = j;
      }
    }
    if (at >= 0) {
      found += t.idf * best;
      perTerm[i] = t.idf * best;
      highlights.push([ws[at]!.start, ws[at]!.end]);
      first = Math.min(first, at);
      last = Math.max(last, at);
      hits++;
    } else if (inTitle && inTitle.terms[i]! > 0) found += t.idf * inTitle.terms[i]!;
  }
  let anchors = 0;
  const base = rec.paragraph.bodyStart;
  const lo = base + start;
  const hi = base + end;
  for (let i = 0; i < ents.persons.length; i++) {
    // The first of the person's speakers named in the range, at its first mention there.
    let named = false;
    for (const mentions of ents.persons[i]!) {
      const m = firstWithin(mentions, lo, hi);
      if (m) {
        found += entityWeights[i]!;
        perTerm[terms.length + i] = entityWeights[i]!;
        highlights.push([m.start - base, m.end - base]);
        anchors++;
        named = true;
        break;
      }
    }
    if (!named && inTitle && inTitle.persons[i]! > 0) found += entityWeights[i]! * inTitle.persons[i]!;
  }
  for (let i = 0; i < q.parties.length; i++) {
    const p = q.parties[i]!;
    let m: { start: number; end: number } | undefined;
    for (const x of ents.parties) {
      if (x.partyId === p && x.start >= lo && x.end <= hi) {
        m = x;
        break;
      }
    }
    if (m) {
      found += entityWeights[q.persons.length + i]!;
      perTerm[terms.length + q.persons.length + i] = entityWeights[q.persons.length + i]!;
      highlights.push([m.start - base, m.end - base]);
      anchors++;
    }
  }
  const proximity = hits >= 2 ? hits / (last - first + 1) : hits === 1 ? 0.5 : 0;
  sortByStart(highlights);
  return { found, perTerm, highlights, proximity, pairs: pairShare(terms, matches, from, to), words: to - from, anchors };
}

/**
 * Sorts a few ranges by start in place, keeping the order of equal starts (as the stable
 * `Array.prototype.sort` does), by insertion: that sort copies the array first, and this runs for
 * every sentence of every candidate paragraph.
 */
function sortByStart(ranges: Array<[number, number]>): void {
  for (let i = 1; i < ranges.length; i++) {
    const r = ranges[i]!;
    let j = i - 1;
    while (j >= 0 && ranges[j]![0] > r[0]) {
      ranges[j + 1] = ranges[j]!;
      j--;
    }
    ranges[j + 1] = r;
  }
}

/** The first mention inside [lo, hi) (article offsets), as `mentions.find` would. */
function firstWithin<M extends { start: number; end: number }>(mentions: readonly M[], lo: number, hi: number): M | undefined {
  for (const m of mentions) if (m.start >= lo && m.end <= hi) return m;
  return undefined;
}

/**
 * The idf-weighted share of the question's neighbouring word pairs ("Korean War", "sign on to")
 * that stand together (within two words, in order) in ws[from, to): a paraphrase seldom keeps a
 * pair, the answering sentence often does. 0 for a question of one word.
 */
function pairShare(terms: Term[], matches: Array<number[] | undefined>, from: number, to: number): number {
  if (terms.length < 2) return 0;
  let got = 0;
  let all = 0;
  for (let i = 0; i + 1 < terms.length; i++) {
    const w = terms[i]!.idf + terms[i + 1]!.idf;
    all += w;
    search: for (let j = from; j < to; j++) {
      if (!(matches[j]?.[i] ?? 0)) continue;
      for (let k = j + 1; k < Math.min(to, j + 4); k++) {
        if (matches[k]?.[i + 1] ?? 0) {
          got += w;
          break search;
        }
      }
    }
  }
  return all > 0 ? got / all : 0;
}
