/**
 * Finds where in a candidate paragraph a query lands: the phrase itself (exact or tolerant), or
 * failing that the sentence holding most of the query's words.
 */
import type { Sentence } from '../core/article';
import { findPhrase, wordSimilarity, type FindOptions } from '../search/phrase';
import type { ParsedQuery } from '../search/query';
import { isStopWord, type Word } from '../text/words';
import type { Located } from './excerpts';

/**
 * Phrase match, or null. Score 1 for exact, the alignment share for fuzzy. A near miss (the same
 * run of words but for a content word, a negation, a number) is `related`, with `differs` saying
 * what the text has instead: `said “aligned”, not “opposed”`.
 */
export function locatePhrase(text: string, textWords: Word[], query: ParsedQuery, options: FindOptions = {}): Located | null {
  const m = findPhrase(text, query, textWords, options);
  if (!m) return null;
  const differs = m.differences?.map((d) => describeDifference(text.slice(d.said[0], d.said[1]), d.asked)).join('; ');
  return { start: m.start, end: m.end, highlights: m.highlights, match: m.match, score: m.score, ...(differs ? { differs } : {}) };
}

/** `said “aligned”, not “opposed”`: the article's words first, verbatim. */
export function describeDifference(said: string, asked: string): string {
  return asked ? `said “${said}”, not “${asked}”` : `said “${said}”`;
}

/**
 * Keyword match: the sentence with the largest share of the query's content words (typo-tolerant;
 * `queryWords` normalised, from the parsed query's words),
 * with every matched word highlighted. `match` is exact when all words are present verbatim,
 * fuzzy when all are present allowing typos, related otherwise.
 */
export function locateKeywords(sentences: Sentence[], textWords: Word[], queryWords: string[]): Located | null {
  const content = queryWords.filter((w) => !isStopWord(w));
  const wanted = content.length > 0 ? content : queryWords;
  if (wanted.length === 0) return null;
  let best: { s: Sentence; found: number; exact: number; hl: Array<[number, number]> } | null = null;
  // Words and sentences are both in text order: one sweep hands each sentence its words.
  let first = 0;
  for (const s of sentences) {
    while (first < textWords.length && textWords[first]!.start < s.start) first++;
    let found = 0;
    let exact = 0;
    const hl: Array<[number, number]> = [];
    for (const q of wanted) {
      let bestSim = 0;
      for (let i = first; i < textWords.length && textWords[i]!.end <= s.end; i++) {
        const w = textWords[i]!;
        const sim = q === w.norm || (w.norm.endsWith("'s") && w.norm.slice(0, -2) === q) ? 1 : wordSimilarity(q, w.norm);
        if (sim >= 0.85) hl.push([w.start, w.end]);
        if (sim > bestSim) bestSim = sim;
      }
      if (bestSim >= 0.85) found++;
      if (bestSim === 1) exact++;
    }
    if (found > 0 && (!best || found > best.found || (found === best.found && exact > best.exact))) best = { s, found, exact, hl };
  }
  if (!best) return null;
  const share = best.found / wanted.length;
  const highlights = dedupe(best.hl);
  // The located range is the matched words, so the excerpt takes the attribution of the clause
  // they sit in, not of whatever else shares their sentence.
  return {
    start: highlights[0]?.[0] ?? best.s.start,
    end: highlights[highlights.length - 1]?.[1] ?? best.s.end,
    highlights,
    match: best.exact === wanted.length ? 'exact' : share === 1 ? 'fuzzy' : 'related',
    score: share,
  };
}

function dedupe(ranges: Array<[number, number]>): Array<[number, number]> {
  const seen = new Set<string>();
  return ranges
    .filter(([a, b]) => {
      const k = `${a}:${b}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((x, y) => x[0] - y[0]);
}
