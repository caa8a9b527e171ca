/**
 * `/ask`: answers a question in plain words with the best sentence(s), shown inside their
 * paragraph's attribution (via `excerptAt`), best first.
 *
 * Two stages:
 * 1. Paragraphs: the index ranks paragraphs by BM25+ over the question's words, each word standing
 *    for its inflections and derivations in the vocabulary (same Porter2 stem after WordNet's
 *    irregular forms: "invented" finds "invention"), its WordNet synonyms (weighing less) and, for
 *    a word no paragraph has, its one-typo neighbours; names of people and parties the question
 *    names count too. The best `ASK_PARAGRAPHS` go on.
 * 2. Sentences of those paragraphs, scored by a weighted sum (weights in `WEIGHTS`, fitted on half
 *    of the SQuAD sample, see bench/evalAsk.ts):
 *    - the idf-weighted share of the question's words in the sentence (its `lexical` share),
 *    - the same share over the paragraph with the article's title (a paragraph about Tesla need
 *      not name him in every sentence), and its stage-1 score relative to the best paragraph,
 *    - the best share of the sentences before and after it,
 *    - how close together the matched words stand,
 *    - whether it holds what the question asks for (a date for "when"/"what year", a number for
 *      "how many", a name for "who", a place for "where", a cause for "why") *besides* the
 *      question's own words: "When was X founded?" wants a date other than any in the question.
 * Stop words and question words are never scored. A weak best match is said so, and marked
 * `related`. Excerpts are whole sentences (or the whole quote).
 */
import type { Answer, Excerpt } from '../core/answer';
import { sentencesOf, type Sentence } from '../core/article';
import type { KnowledgeBase, ParagraphRecord } from '../knowledge/knowledgeBase';
import { words, type Word } from '../text/words';
import { excerptAt, statementAt, statementBounds } from './excerpts';
import { articleFilter } from './filters';
import { analyseQuestion, expectedAnswer, type Expected, type Question } from './question';
import { SYNONYM_WEIGHT, TYPO_WEIGHT, irregularForms, baseForm, keyOf, specificity, synonymKeys } from './questionTerms';

/** The best sentence and up to two runners-up. */
export const MAX_ASK_EXCERPTS = 3;
/** Paragraphs whose sentences are scored (the index's best for the question). */
export const ASK_PARAGRAPHS = 20;
/** Below this score the best sentence probably does not answer: a notice says so. */
export const WEAK_MATCH = 0.5;
/** Vocabulary terms read per question word to find its inflections, at most. */
const MAX_FORMS = 150;

/** Weights of the sentence score (see the header). */
export const WEIGHTS = { sentence: 0.55, paragraph: 0.1, rank: 0.15, neighbours: 0.05, proximity: 0.05, answer: 0.12 };

interface Scored {
  rec: ParagraphRecord;
  sentence: Sentence;
  lexical: number;
  score: number;
  highlights: Array<[number, number]>;
}

/** One content word of the question, as the scorer uses it. */
interface Term {
  norm: string;
  particle?: string;
  /** Match key → weight (1 the word's own key, less for synonyms and typos). */
  keys: Map<string, number>;
  /** Index terms standing for it, with weights (stage 1). */
  forms: Array<{ term: string; weight: number }>;
  idf: number;
}

/** The answer to `/ask question:… [article:…]`. */
export function askAnswer(kb: KnowledgeBase, questionText: string, articleId?: string): Answer {
  const filter = articleFilter(kb, articleId);
  const q = analyseQuestion(questionText, kb.parties.registry, kb.people);
  if (q.terms.length === 0 && q.parties.length === 0 && q.persons.length === 0) {
    return { command: 'ask', excerpts: [], notice: 'Ask about something specific: a person, a country, an event or a topic from the story.' };
  }
  const { docs } = kb.index.stats;
  const idf = (df: number) => Math.log(1 + (docs - df + 0.5) / (df + 0.5));
  const terms = q.terms.map((t) => cachedTerm(kb, t.norm, t.particle, idf));
  const expected = expectedAnswer(questionText, q);
  const questionKeys = new Set(words(questionText).map((w) => keyOf(w.norm)));

  // Stage 1: the paragraphs worth reading.
  const groups: Array<Array<{ term: string; weight: number }>> = terms.map((t) => t.forms);
  const registry = kb.parties.registry;
  const entityGroups = [
    ...q.persons.map((p) => nameForms(p.name)),
    ...q.parties.map((id) =>
      registry.aliases
        .filter((a) => a.partyId === id && (a.kind === 'name' || a.kind === 'capital' || a.kind === 'code'))
        .slice(0, 6)
        .flatMap((a) => nameForms(a.text)),
    ),
  ];
  groups.push(...entityGroups);
  // A person or party the question names weighs as its name's words do: a lot when the articles
  // rarely name it, little when every paragraph does. Persons first, then parties (as \`match\`).
  // A person's name is as specific as its rarest word ("Chung-in" tells two Moons apart); a
  // party is named by any of its names, so as common as its commonest.
  const dfs = entityGroups.map((g) => g.map((f) => Math.max(1, kb.index.documentFrequency(f.term))));
  const entityWeights = dfs.map((d, i) => idf(i < q.persons.length ? Math.min(...d, docs) : Math.max(1, ...d)));
  const total = terms.reduce((a, t) => a + t.idf, 0) + entityWeights.reduce((a, b) => a + b, 0);
  // Forms in more than 5 % of the paragraphs (and over 2,000 of them) tell little apart and are
  // the longest posting lists: the sentences still count them (stage 2), the paragraph ranking
  // does without, unless the question has nothing rarer.
  const common = Math.max(docs / 20, 2000);
  const rare = groups.map((g) => g.filter((f) => kb.index.documentFrequency(f.term) <= common));
  const ranked = kb.index.rankGroups(rare.some((g) => g.length > 0) ? rare : groups, ASK_PARAGRAPHS, filter);
  // Word form → its weight for each question term: the forms found in the vocabulary above, so a
  // text word costs one lookup (stemming every word of 30 paragraphs was most of the time).
  const byForm = new Map<string, number[]>();
  terms.forEach((t, i) => {
    for (const { term, weight } of [{ term: t.norm, weight: 1 }, ...t.forms]) {
      let row = byForm.get(term);
      if (!row) byForm.set(term, (row = new Array<number>(terms.length).fill(0)));
      row[i] = Math.max(row[i]!, weight);
    }
  });
  const lookup = (norm: string) => byForm.get(norm) ?? (norm.endsWith("'s") ? byForm.get(norm.slice(0, -2)) : undefined);
  const topRank = ranked[0]?.score ?? 0;

  const scored: Scored[] = [];
  const articleEnts = new Map<string, ArticleEntities>();
  const titleMatches = new Map<string, number[]>();
  for (const { id, score: rankScore } of ranked) {
    const rec = kb.paragraphs[id]!;
    const ws = kb.paragraphWords(rec.id);
    const matches = ws.map((w) => lookup(w.norm));
    let byArticle = articleEnts.get(rec.article.id);
    if (!byArticle) articleEnts.set(rec.article.id, (byArticle = articleEntities(kb, rec.article.id, q)));
    let inTitle = titleMatches.get(rec.article.id);
    if (!inTitle) {
      const tw = words(rec.article.title).map((w) => lookup(w.norm));
      inTitle = terms.map((_, i) => Math.max(0, ...tw.map((m) => m?.[i] ?? 0)));
      titleMatches.set(rec.article.id, inTitle);
    }
    const ents = entitiesIn(rec, byArticle);
    const para = match(rec, q, terms, entityWeights, ws, matches, ents, 0, rec.paragraph.text.length, inTitle);
    const sentences = sentencesOf(rec.paragraph);
    const sent = sentences.map((s) => match(rec, q, terms, entityWeights, ws, matches, ents, s.start, s.end));
    sentences.forEach((sentence, k) => {
      const m = sent[k]!;
      const lexical = m.found / total;
      if (lexical === 0) return;
      const around = Math.max(sent[k - 1]?.found ?? 0, sent[k + 1]?.found ?? 0) / total;
      const score =
        WEIGHTS.sentence * lexical +
        WEIGHTS.paragraph * (para.found / total) +
        WEIGHTS.rank * (topRank > 0 ? rankScore / topRank : 0) +
        WEIGHTS.neighbours * around +
        WEIGHTS.proximity * m.proximity;
      scored.push({ rec, sentence, lexical, score, highlights: m.highlights });
    });
  }
  // The answer-type evidence, for the sentences it could lift to the top only.
  const leader = Math.max(0, ...scored.map((s) => s.score));
  for (const s of scored) {
    if (s.score + WEIGHTS.answer < leader) continue;
    s.score += WEIGHTS.answer * answerBonus(kb, s.rec, s.sentence, q, expected, questionKeys);
  }
  scored.sort((a, b) => b.score - a.score || a.rec.id - b.rec.id || a.sentence.start - b.sentence.start);
  const best = scored[0];
  if (!best || best.lexical === 0) {
    return { command: 'ask', excerpts: [], notice: `The loaded articles don't seem to answer “${questionText}”.` };
  }
  const weak = best.score < WEAK_MATCH;
  const excerpts: Excerpt[] = [];
  for (const s of scored) {
    if (excerpts.length >= MAX_ASK_EXCERPTS) break;
    if (s.lexical === 0 || s.score < best.score * 0.6) break;
    const range = excerptRange(kb, s);
    const e = excerptAt(kb, s.rec, {
      ...range,
      highlights: s.highlights,
      match: weak ? 'related' : s.lexical >= 0.999 ? 'exact' : s.score >= WEAK_MATCH ? 'fuzzy' : 'related',
      score: s.score,
    });
    // Two sentences of one quote give the same excerpt; show it once.
    if (excerpts.some((x) => x.article.id === e.article.id && x.paragraph === e.paragraph && (x.text.includes(e.text) || e.text.includes(x.text)))) continue;
    excerpts.push(e);
  }
  return {
    command: 'ask',
    excerpts,
    ...(weak ? { notice: 'The story may not answer this directly; these are the closest passages.' } : {}),
  };
}

/** Index terms for a name's words (each as typed). */
function nameForms(name: string): Array<{ term: string; weight: number }> {
  return words(name)
    .map((w) => w.norm.replace(/'s$/, ''))
    .filter((t) => t.length > 1)
    .map((term) => ({ term, weight: 1 }));
}

const termCaches = new WeakMap<KnowledgeBase, Map<string, Term>>();
const TERM_CACHE_MAX = 20_000;

/** `termOf`, remembered per knowledge base (questions share most of their words). */
function cachedTerm(kb: KnowledgeBase, norm: string, particle: string | undefined, idf: (df: number) => number): Term {
  let cache = termCaches.get(kb);
  if (!cache) termCaches.set(kb, (cache = new Map()));
  let t = cache.get(norm);
  if (!t) {
    t = termOf(kb, norm, undefined, idf);
    if (cache.size >= TERM_CACHE_MAX) cache.clear();
    cache.set(norm, t);
  }
  return particle ? { ...t, particle } : t;
}

/**
 * A question word with what stands for it: its own key; the index terms sharing that key (found
 * among the terms starting like it, plus its irregular forms); WordNet synonyms' keys and terms;
 * for a word no paragraph has, the terms one typo away. Its weight is the idf of the paragraphs
 * holding any of its forms (approximated by the most frequent form).
 */
function termOf(kb: KnowledgeBase, norm: string, particle: string | undefined, idf: (df: number) => number): Term {
  const own = keyOf(norm);
  const keys = new Map<string, number>([[own, 1]]);
  const forms = new Map<string, number>();
  let df = 0;
  const addForms = (candidates: Iterable<string>, key: string, weight: number) => {
    for (const c of candidates) {
      if (keyOf(c) !== key) continue;
      const f = kb.index.documentFrequency(c);
      if (f === 0) continue;
      if (weight === 1) df = Math.max(df, f);
      if ((forms.get(c) ?? 0) < weight) forms.set(c, weight);
    }
  };
  const base = baseForm(norm);
  const prefixOf = (k: string) => (k.length >= 4 ? k.slice(0, Math.max(4, k.length - 1)) : k);
  const tryKey = (key: string, word: string, weight: number) => {
    const list = [word, key, baseForm(word), ...irregularForms(baseForm(word))];
    if (key.length >= 4 && /^[a-z]+$/.test(key)) list.push(...kb.index.termsWithPrefix(prefixOf(key), MAX_FORMS).map((x) => x.term));
    else list.push(`${word}s`, `${word}es`, `${word}ed`, `${word}d`, `${word}ing`);
    addForms(list, key, weight);
  };
  tryKey(own, base, 1);
  if (forms.size === 0 && !/-/.test(norm)) {
    for (const t of kb.index.typoTerms(norm)) {
      const k = keyOf(t);
      if (!keys.has(k)) keys.set(k, TYPO_WEIGHT);
      forms.set(t, TYPO_WEIGHT);
    }
  }
  for (const k of synonymKeys(norm)) {
    if (keys.has(k)) continue;
    keys.set(k, SYNONYM_WEIGHT);
    addForms([k, ...kb.index.termsWithPrefix(prefixOf(k), 40).map((x) => x.term)], k, SYNONYM_WEIGHT);
  }
  // Hyphenated question words ("end-of-war") are indexed whole and by part.
  if (norm.includes('-')) for (const part of norm.split('-')) if (part.length > 2) forms.set(part, Math.max(forms.get(part) ?? 0, 0.5));
  return { norm, ...(particle ? { particle } : {}), keys, forms: [...forms].map(([term, weight]) => ({ term, weight })), idf: idf(Math.max(df, 1)) * specificity(norm) };
}

/**
 * The range to hand to `excerptAt`: the matched words, so the attribution is that of the words
 * that answer. When they sit in the reporter's part of a sentence that also carries a statement
 * ("…,” Sullivan said in a press briefing at the White House"), the statement is shown, with its
 * speaker, as long as its clause still holds every matched word; otherwise the whole sentence is
 * the reporter's, inline attribution included ("On Sunday, … met …, and Noh said later …").
 */
function excerptRange(kb: KnowledgeBase, s: Scored): { start: number; end: number } {
  const { rec, sentence, highlights } = s;
  if (highlights.length === 0) return { start: sentence.start, end: sentence.end };
  const span = { start: Math.min(...highlights.map((h) => h[0])), end: Math.max(...highlights.map((h) => h[1])) };
  if (statementAt(kb, rec, span.start, span.end)) return span;
  const base = rec.paragraph.bodyStart;
  const overlapping = kb
    .analysis(rec.article.id)
    .statements.filter((st) => st.content.start < base + sentence.end && base + sentence.start < st.content.end);
  for (const st of overlapping) {
    const [from, to] = statementBounds(rec, st);
    if (highlights.every(([a, b]) => a >= from && b <= to)) {
      return { start: Math.max(st.content.start - base, 0), end: Math.min(st.content.end - base, rec.paragraph.text.length) };
    }
  }
  // The matched words themselves (not the whole sentence, which a statement may cover for the
  // most part): `excerptAt` widens them to the sentence and credits it to the reporter.
  return span;
}

/** Mentions in one paragraph of the people and parties a question names, in the order `match` reads them. */
interface Entities {
  /** Per question person: the mentions in the paragraph of each of its speakers, in speaker order. */
  persons: Array<Array<Array<{ start: number; end: number }>>>;
  /** Party mentions, then mentions of people linked to a party (they speak for it). */
  parties: Array<{ partyId: string; start: number; end: number }>;
}

/** The article-wide lists `entitiesIn` narrows to a paragraph, once per article and query. */
type ArticleEntities = Entities;

function articleEntities(kb: KnowledgeBase, articleId: string, q: Question): ArticleEntities {
  const ents: ArticleEntities = { persons: [], parties: [] };
  if (q.persons.length > 0) {
    const speakers = kb.analysis(articleId).speakers;
    for (const p of q.persons) ents.persons.push(speakers.filter((x) => p.speakers.has(`${articleId}:${x.id}`)).map((x) => x.mentions));
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

function entitiesIn(rec: ParagraphRecord, all: ArticleEntities): Entities {
  const a = rec.paragraph.bodyStart;
  const b = a + rec.paragraph.text.length;
  const inPara = (m: { start: number; end: number }) => m.start >= a && m.end <= b;
  return {
    persons: all.persons.map((list) => list.map((ms) => ms.filter(inPara)).filter((ms) => ms.length > 0)),
    parties: all.parties.length > 0 ? all.parties.filter(inPara) : [],
  };
}

/**
 * Weighted question words found in a range of the paragraph, with what to highlight and how close
 * together the matched words stand (matched words / the words they span, 0–1). `inTitle` (the
 * paragraph's context) lets a word of the article's title count as found.
 */
function match(
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
  inTitle?: number[],
): { found: number; highlights: Array<[number, number]>; proximity: number } {
  // Words of the range: ws[from, to).
  let from = 0;
  while (from < ws.length && ws[from]!.start < start) from++;
  let to = from;
  while (to < ws.length && ws[to]!.end <= end) to++;
  let found = 0;
  const highlights: Array<[number, number]> = [];
  let first = Infinity;
  let last = -1;
  let hits = 0;
  terms.forEach((t, i) => {
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
      highlights.push([ws[at]!.start, ws[at]!.end]);
      first = Math.min(first, at);
      last = Math.max(last, at);
      hits++;
    } else if (inTitle && inTitle[i]! > 0) found += t.idf * inTitle[i]!;
  });
  const base = rec.paragraph.bodyStart;
  const inRange = (m: { start: number; end: number }) => m.start >= base + start && m.end <= base + end;
  ents.persons.forEach((list, i) => {
    // The first of the person's speakers named in the range, at its first mention there.
    for (const mentions of list) {
      const m = mentions.find(inRange);
      if (m) {
        found += entityWeights[i]!;
        highlights.push([m.start - base, m.end - base]);
        break;
      }
    }
  });
  q.parties.forEach((p, i) => {
    const m = ents.parties.find((x) => x.partyId === p && inRange(x));
    if (m) {
      found += entityWeights[q.persons.length + i]!;
      highlights.push([m.start - base, m.end - base]);
    }
  });
  const proximity = hits >= 2 ? hits / (last - first + 1) : hits === 1 ? 0.5 : 0;
  return { found, highlights: highlights.sort((a, b) => a[0] - b[0]), proximity };
}

const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DATE = new RegExp(
  `\\b(?:(?:${MONTH})(?: \\d{1,2})?(?:,? \\d{3,4})?|\\d{1,2} (?:${MONTH})(?: \\d{3,4})?|(?:1[0-9]|20)\\d\\d(?:s|[–-]\\d\\d)?|\\d{1,2}(?:st|nd|rd|th) century|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|tomorrow|tonight|(?:last|next|this|coming|past) (?:week|month|year)|\\d+ (?:days|weeks|months|years) (?:ago|later|earlier))\\b`,
  'g',
);
const NUMBER = /\b(?:\d[\d,.]*\d|\d)(?:\s?(?:%|percent|per cent|million|billion|trillion|thousand|hundred))?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozens?|hundreds|thousands|millions|half|quarter|twice|once)\b|[$€£¥]\s?\d/gi;
const WHY = /\b(?:because|in order to|so that|so as to|as a way to|in an attempt to|in the hopes?|due to|owing to|aimed at|to ensure|since|as a result|led to|caused|thanks to|in response to|result(?:ed|ing)? (?:in|from))\b|,\s+as\b|\bas (?:the|it|they|he|she)\b/i;
const PLACE = /\b(?:in|at|from|near|inside|outside|to) (?:the )?((?:\p{Lu}[\p{L}\-']+)(?: (?:\p{Lu}[\p{L}\-']+|of|de))*)/gu;
/** "at a forum", "in the capital": a place without a name. */
const VENUE = /\b(?:at|in|inside|outside) (?:a|an|the) \p{L}+/u;
/** Runs of capitalised words (names of people, organisations, places, works), not sentence-initial alone. */
const NAME = /(?:\p{Lu}[\p{L}\-'’.]*)(?:\s+(?:of|the|de|von|van|al|bin|and)?\s*\p{Lu}[\p{L}\-'’.]*)*/gu;
const PERSON_WORDS = /\b(?:adviser|advisor|envoy|counterpart|chairman|chairwoman|president|minister|secretary|official|spokes\w+|ambassador|director|leader|professor|analyst|king|queen|emperor|chief|head|founder|inventor|author|coach|player|general)\b/i;

/**
 * 1 when the sentence holds what the question asks for besides the question's own words (a date,
 * a number, a name, a place, a cause), 0.5 for weaker evidence, else 0.
 */
function answerBonus(kb: KnowledgeBase, rec: ParagraphRecord, s: Sentence, q: Question, expected: Expected, questionKeys: Set<string>): number {
  const fresh = (text: string) => words(text).some((w) => !questionKeys.has(keyOf(w.norm)));
  const anyFresh = (re: RegExp, group = 0) => {
    for (const m of s.text.matchAll(re)) if (fresh(m[group] ?? m[0])) return true;
    return false;
  };
  switch (expected) {
    case 'date':
      return anyFresh(DATE) ? 1 : 0;
    case 'number':
      return anyFresh(NUMBER) ? 1 : 0;
    case 'reason':
      return WHY.test(s.text) ? 1 : 0;
    case 'place': {
      const base = rec.paragraph.bodyStart;
      const located = kb.parties.article(rec.article.id).mentions.some((m) => m.locative && m.start >= base + s.start && m.end <= base + s.end);
      if (located || anyFresh(PLACE, 1)) return 1;
      return VENUE.test(s.text) ? 0.7 : 0;
    }
    case 'person': {
      const base = rec.paragraph.bodyStart;
      // "Who is Jake Sullivan?": where the story introduces the person by full name and role.
      if (q.persons.length > 0) return introduces(kb, rec, s, q) ? 1 : 0;
      const speaker = kb.analysis(rec.article.id).speakers.some((sp) => sp.mentions.some((m) => m.start >= base + s.start && m.end <= base + s.end));
      if (speaker) return 1;
      if (namesBeyond(s.text, questionKeys)) return 1;
      return PERSON_WORDS.test(s.text) ? 0.5 : 0;
    }
    case 'name':
      // Nearly every sentence of an encyclopedia names something: weak evidence.
      return namesBeyond(s.text, questionKeys) ? 0.3 : 0;
    default:
      return 0;
  }
}

/** A capitalised name in the sentence (not its first word alone) that the question does not hold. */
function namesBeyond(text: string, questionKeys: Set<string>): boolean {
  for (const m of text.matchAll(NAME)) {
    if (m.index === 0 && !/\s/.test(m[0])) continue;
    if (words(m[0]).some((w) => w.norm.length > 1 && !questionKeys.has(keyOf(w.norm)))) return true;
  }
  return false;
}

/** The sentence gives a questioned person's full name (where news introduces people). */
function introduces(kb: KnowledgeBase, rec: ParagraphRecord, s: Sentence, q: Question): boolean {
  const base = rec.paragraph.bodyStart;
  const body = rec.article.body;
  return kb.analysis(rec.article.id).speakers.some(
    (sp) =>
      q.persons.some((p) => p.speakers.has(`${rec.article.id}:${sp.id}`)) &&
      sp.mentions.some((m) => m.start >= base + s.start && m.end <= base + s.end && body.slice(m.start, m.end) === sp.name),
  );
}

