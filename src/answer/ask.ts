/**
 * `/ask`: answers a question in plain words with the best sentence(s), shown inside their
 * paragraph's attribution (via `excerptAt`), best first.
 *
 * Scoring, per sentence: the weighted share of the question's content words found in it (rarer
 * words weigh more; lemmas, typos and near-synonyms count partly; a party named in the question
 * matches any of its names), blended with the same share over its paragraph, plus a small bonus
 * when the sentence has what the question's shape asks for (a date for "when", a cause for
 * "why", a person for "who", a place for "where", a number for "how many"). Stop words and
 * question words are never scored. A weak best match is said so, and marked `related`.
 */
import type { Answer, Excerpt } from '../core/answer';
import { sentencesOf, type Sentence } from '../core/article';
import type { KnowledgeBase, ParagraphRecord } from '../knowledge/knowledgeBase';
import { words, type Word } from '../text/words';
import { excerptAt, statementAt, statementBounds } from './excerpts';
import { articleFilter } from './filters';
import { analyseQuestion, type Question } from './question';
import { irregularForms, lemma, termMatcher } from './questionTerms';

/** The best sentence and up to two runners-up. */
export const MAX_ASK_EXCERPTS = 3;
/** Up to this many paragraphs every sentence is scored; above it, the index picks candidates. */
export const FULL_SCAN_PARAGRAPHS = 3000;
/** Above FULL_SCAN_PARAGRAPHS: candidates the index proposes (enough before looser matching, at most). */
const ASK_WANT = 200;
const ASK_LIMIT = 600;
/** Below this share of the question's weight, the story probably does not answer it. */
export const WEAK_MATCH = 0.5;

interface Scored {
  rec: ParagraphRecord;
  sentence: Sentence;
  lexical: number;
  score: number;
  highlights: Array<[number, number]>;
}

/** The answer to `/ask question:… [article:…]`. */
export function askAnswer(kb: KnowledgeBase, questionText: string, articleId?: string): Answer {
  const filter = articleFilter(kb, articleId);
  const q = analyseQuestion(questionText, kb.parties.registry, kb.people);
  if (q.terms.length === 0 && q.parties.length === 0 && q.persons.length === 0) {
    return { command: 'ask', excerpts: [], notice: 'Ask about something specific: a person, a country, an event or a topic from the story.' };
  }
  const idf = idfOf(kb);
  const weights = q.terms.map((t) => idf(lemma(t.norm)));
  // A person or party the question names is what it is about: it weighs like the rarest word.
  const entityWeight = idf('');
  const total = weights.reduce((a, b) => a + b, 0) + (q.parties.length + q.persons.length) * entityWeight;

  const scored: Scored[] = [];
  // A word's similarity to the question terms is computed once per query, not once per occurrence.
  const simCache = new Map<string, number[]>();
  const matchers = q.terms.map((t) => termMatcher(t.norm));
  const simsOf = (norm: string) => {
    let v = simCache.get(norm);
    if (!v) {
      const bare = norm.endsWith("'s") ? norm.slice(0, -2) : norm;
      const lw = lemma(bare);
      v = matchers.map((m) => m(bare, lw));
      simCache.set(norm, v);
    }
    return v;
  };
  const articleEnts = new Map<string, ArticleEntities>();
  for (const rec of paragraphsToRead(kb, q, filter)) {
    const ws = kb.paragraphWords(rec.id);
    const sims = ws.map((w) => simsOf(w.norm));
    let byArticle = articleEnts.get(rec.article.id);
    if (!byArticle) articleEnts.set(rec.article.id, (byArticle = articleEntities(kb, rec.article.id, q)));
    const ents = entitiesIn(rec, byArticle);
    const para = match(kb, rec, q, weights, entityWeight, ws, sims, ents, 0, rec.paragraph.text.length);
    for (const sentence of sentencesOf(rec.paragraph)) {
      const sent = match(kb, rec, q, weights, entityWeight, ws, sims, ents, sentence.start, sentence.end);
      const lexical = sent.found / total;
      const context = para.found / total;
      const bonus = typeBonus(kb, rec, sentence, q);
      scored.push({ rec, sentence, lexical, score: 0.75 * lexical + 0.25 * context + 0.12 * bonus, highlights: sent.highlights });
    }
  }
  scored.sort((a, b) => b.score - a.score || a.rec.id - b.rec.id || a.sentence.start - b.sentence.start);
  const best = scored[0];
  if (!best || best.lexical === 0) {
    return { command: 'ask', excerpts: [], notice: `The loaded articles don't seem to answer “${questionText}”.` };
  }
  const weak = best.lexical < WEAK_MATCH;
  const excerpts: Excerpt[] = [];
  for (const s of scored) {
    if (excerpts.length >= MAX_ASK_EXCERPTS) break;
    if (s.lexical === 0 || s.score < best.score * 0.6) break;
    const range = excerptRange(kb, s);
    const e = excerptAt(kb, s.rec, {
      ...range,
      highlights: s.highlights,
      match: weak ? 'related' : s.lexical >= 0.999 ? 'exact' : s.lexical >= WEAK_MATCH ? 'fuzzy' : 'related',
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

/**
 * Paragraphs worth scoring. A small reading list is read whole (the index would miss synonyms);
 * a large one is narrowed by the index on the question's words, names and party names.
 */
function paragraphsToRead(kb: KnowledgeBase, q: Question, filter?: (id: number) => boolean): readonly ParagraphRecord[] {
  if (kb.paragraphs.length <= FULL_SCAN_PARAGRAPHS) return filter ? kb.paragraphs.filter((r) => filter(r.id)) : kb.paragraphs;
  const registry = kb.parties.registry;
  const names = q.parties.flatMap((id) =>
    registry.aliases.filter((a) => a.partyId === id && (a.kind === 'name' || a.kind === 'capital' || a.kind === 'code')).slice(0, 6).map((a) => a.text),
  );
  const query = [...q.terms.map((t) => t.norm), ...q.persons.map((p) => p.name), ...names].join(' ');
  return kb.index.candidates(query, { want: ASK_WANT, limit: ASK_LIMIT, ...(filter ? { filter } : {}) }).map((c) => kb.paragraphs[c.id]!);
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

/** Weighted question words found in a range of the paragraph, with what to highlight. */
function match(
  kb: KnowledgeBase,
  rec: ParagraphRecord,
  q: Question,
  weights: number[],
  entityWeight: number,
  ws: Word[],
  /** Per word of `ws`, its similarity to each question term. */
  sims: number[][],
  ents: Entities,
  start: number,
  end: number,
): { found: number; highlights: Array<[number, number]> } {
  // Words of the range: ws[from, to).
  let from = 0;
  while (from < ws.length && ws[from]!.start < start) from++;
  let to = from;
  while (to < ws.length && ws[to]!.end <= end) to++;
  let found = 0;
  const highlights: Array<[number, number]> = [];
  q.terms.forEach((t, i) => {
    let best = 0;
    let at: Word | undefined;
    for (let j = from; j < to; j++) {
      let sim = sims[j]![i]!;
      if (sim === 0) continue;
      // "signing on" is the phrasal verb "sign on"; "signed by" is a weaker match.
      if (t.particle && (j + 1 < to ? ws[j + 1]!.norm : undefined) !== t.particle) sim *= 0.8;
      if (sim > best) {
        best = sim;
        at = ws[j];
      }
    }
    if (best >= 0.48 && at) {
      found += weights[i]! * best;
      highlights.push([at.start, at.end]);
    }
  });
  const base = rec.paragraph.bodyStart;
  const inRange = (m: { start: number; end: number }) => m.start >= base + start && m.end <= base + end;
  for (const list of ents.persons) {
    // The first of the person's speakers named in the range, at its first mention there.
    for (const mentions of list) {
      const m = mentions.find(inRange);
      if (m) {
        found += entityWeight;
        highlights.push([m.start - base, m.end - base]);
        break;
      }
    }
  }
  for (const p of q.parties) {
    const m = ents.parties.find((x) => x.partyId === p && inRange(x));
    if (m) {
      found += entityWeight;
      highlights.push([m.start - base, m.end - base]);
    }
  }
  return { found, highlights: highlights.sort((a, b) => a[0] - b[0]) };
}

const WHEN = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d|yesterday|today|tomorrow|tonight|(?:last|next|this|recent|coming|past) (?:week|weeks|month|months|year|years|days)|ago)\b/;
const WHY = /\b(?:because|in order to|so that|so as to|as a way to|in an attempt to|in the hopes?|due to|owing to|aimed at|to ensure|since)\b|,\s+as\b|\bas (?:the|it|they|he|she)\b/i;
const HOW_MANY = /\b\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|throughout|decades?|years?|months?)\b/i;
const WHERE = /\b(?:at|in|inside|outside) (?:a|an|the) \p{L}+|\b(?:in|at) \p{Lu}/u;
const PERSON_WORDS = /\b(?:adviser|advisor|envoy|counterpart|chairman|chairwoman|president|minister|secretary|official|spokes\w+|ambassador|director|leader|professor|analyst)\b/i;

/** 1 when the sentence has the kind of thing the question asks for, else 0. */
function typeBonus(kb: KnowledgeBase, rec: ParagraphRecord, s: Sentence, q: Question): number {
  switch (q.type) {
    case 'when':
      return WHEN.test(s.text) ? 1 : 0;
    case 'why':
      return WHY.test(s.text) ? 1 : 0;
    case 'howmany':
      return HOW_MANY.test(s.text) ? 1 : 0;
    case 'where': {
      const base = rec.paragraph.bodyStart;
      const located = kb.parties.article(rec.article.id).mentions.some((m) => m.locative && m.start >= base + s.start && m.end <= base + s.end);
      return located || WHERE.test(s.text) ? 1 : 0;
    }
    case 'who': {
      const base = rec.paragraph.bodyStart;
      // "Who is Jake Sullivan?": where the story introduces the person by full name and role.
      if (q.persons.length > 0) return introduces(kb, rec, s, q) ? 1 : 0;
      if (PERSON_WORDS.test(s.text)) return 1;
      return kb.analysis(rec.article.id).speakers.some((sp) => sp.mentions.some((m) => m.start >= base + s.start && m.end <= base + s.end)) ? 1 : 0;
    }
    default:
      return 0;
  }
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

const idfCache = new WeakMap<KnowledgeBase, (lemma: string) => number>();

/**
 * Inverse paragraph frequency of a lemma over the knowledge base, computed once per knowledge
 * base. A word no article uses still weighs as much as the rarest word: a question about
 * something the story never mentions should look unanswered.
 */
function idfOf(kb: KnowledgeBase): (l: string) => number {
  let f = idfCache.get(kb);
  if (!f) {
    const n = Math.max(1, kb.paragraphs.length);
    const df = kb.paragraphs.length <= FULL_SCAN_PARAGRAPHS ? documentFrequencies(kb) : indexFrequencies(kb);
    // A word no paragraph uses weighs like one used once: it still counts against a match, but a
    // near-synonym of it cannot outweigh the question's other words.
    f = (l: string) => Math.log(1 + n / (Math.max(1, df(l)) + 0.5));
    idfCache.set(kb, f);
  }
  return f;
}

/** Paragraphs using each lemma, counted word by word (small knowledge bases). */
function documentFrequencies(kb: KnowledgeBase): (l: string) => number {
  const df = new Map<string, number>();
  kb.paragraphs.forEach((rec) => {
    const seen = new Set(words(rec.paragraph.text).map((w) => lemma(w.norm)));
    for (const l of seen) df.set(l, (df.get(l) ?? 0) + 1);
  });
  return (l) => df.get(l) ?? 0;
}

/**
 * Paragraphs using each lemma, from the index's postings: the union of the postings of the
 * indexed terms with that lemma, on first use of the lemma. Reading every paragraph's words
 * instead takes seconds at 10^5 paragraphs, and this is asked on the first /ask.
 */
function indexFrequencies(kb: KnowledgeBase): (l: string) => number {
  const snap = kb.index.snapshot();
  const memo = new Map<string, number>();
  let mark: Uint8Array | undefined;
  return (l) => {
    let df = memo.get(l);
    if (df !== undefined) return df;
    const ids = formsOf(l)
      .filter((t) => lemma(t) === l)
      .map((t) => kb.index.termId(t))
      .filter((id): id is number => id !== undefined);
    if (ids.length === 1) df = snap.offsets[ids[0]! + 1]! - snap.offsets[ids[0]!]!;
    else {
      mark ??= new Uint8Array(snap.lengths.length);
      const touched: number[] = [];
      for (const id of ids) {
        for (let k = snap.offsets[id]!; k < snap.offsets[id + 1]!; k++) {
          const doc = snap.docs[k]!;
          if (!mark[doc]) {
            mark[doc] = 1;
            touched.push(doc);
          }
        }
      }
      for (const doc of touched) mark[doc] = 0;
      df = touched.length;
    }
    memo.set(l, df);
    return df;
  };
}

/**
 * Every word form `lemma` can turn into `l` (a superset: callers check): the lemma itself, its
 * -s/-es/-ed/-ing forms with and without a doubled last consonant, -ies for -y, and irregular forms.
 */
function formsOf(l: string): string[] {
  if (!l) return [];
  const c = l.charAt(l.length - 1);
  const out = [l, `${l}s`, `${l}es`, `${l}ed`, `${l}ing`, `${l}${c}ed`, `${l}${c}ing`, ...(irregularForms().get(l) ?? [])];
  if (c === 'y') out.push(`${l.slice(0, -1)}ies`);
  return [...new Set(out)];
}
