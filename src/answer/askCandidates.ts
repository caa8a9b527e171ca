/**
 * `/ask`'s candidates: the sentences that could answer a question, each with the features its
 * score is a weighted sum of (weights in askWeights.ts, fitted by `npm run train:ask`).
 *
 * 1. Paragraphs: the index ranks paragraphs by BM25+ over the question's words, each word standing
 *    for its inflections, derivations, WordNet synonyms and (for a word no paragraph has) its typo
 *    neighbours (askTerms.ts); names of people and parties the question names count too. The best
 *    `ASK_PARAGRAPHS` go on.
 * 2. Their sentences, with features (`FEATURES`):
 *    - `lexical`: the idf-weighted share of the question's words in the sentence;
 *    - `paragraph`: the same share over the paragraph and the article's title (a paragraph about
 *      Tesla need not name him in every sentence); `rank`: its stage-1 score relative to the best;
 *    - `neighbours`: the best share of the sentences before and after it;
 *    - `proximity`: how close together the matched words stand;
 *    - `date`, `number`, `person`, `place`, `reason`, `name` (the one the question asks for, each
 *      with its own weight: a name is weaker evidence than a date) and `answerNear`: whether the
 *      sentence holds what the question asks for besides the question's own words, and how near
 *      the matched words that stands (answerType.ts);
 *    - `complete`: every question word found (the squared share, rewarding full matches);
 *    - `pairs`: the question's neighbouring word pairs found together ("Korean War");
 *    - `length`: the sentence's length (long sentences hold more words by chance);
 *    - `anchors`: the share of the people and parties the question names that the sentence names
 *      ("Where did Moon Chung-in make his remarks?" is about him, not about other remarks), and
 *      `articleAnchors` the share its article names anywhere (an article that never names Ethiopia
 *      does not say why Ethiopia needs a dam).
 *    - `carried`: for a sentence that names its subject only as "He" or "The company", the
 *      question's words found in the sentence it continues; `subject`: the share of the named
 *      people and parties that stand at the sentence's start (askCarry.ts);
 *    - `figureNear`: `answerNear` for the questions that ask for a date or a number only ("How old
 *      is Brandt?": "Brandt, 58, …"), where the figure beside the question's words is the answer;
 *      `figureTouch`: 1 when that figure stands within a short word of them (`TOUCH_CHARS`);
 *    - `expressions`: the share of the question's two-word WordNet expressions ("going on") that
 *      the sentence holds, or a synonym of ("taking place", askExpressions.ts);
 *    - `spoken`: for a where, when or why question naming a person or party the story quotes,
 *      the answer found in the setting or content of that speaker's own statement; for "What does
 *      X say about Y?", the share of Y's words in X's own statement, not in another source's inside
 *      it (askSpeakers.ts);
 *    - `slot`: for "what/which NOUN" questions whose noun has a proper name ("What team …"), a
 *      capitalised name the question does not hold, near its matched words; `beside`: the answer
 *      right where the question's shape puts it — a number before "how many"'s noun, a name
 *      before "who"'s verb (askAnswerSlot.ts);
 *    - `soft` and `softParagraph`: the idf-weighted share of the question said in the sentence and
 *      in its paragraph only in other words — each question word aligned to the text word most
 *      like it by word vectors ("leaving" — "stepping"), less what its own forms and synonyms
 *      already match — and
 *      `focus`, `focusParagraph`: a capitalised name there of the kind a "what/which NOUN"
 *      question asks for ("Which network …" — "CBS"; askSoft.ts, wordVectors.ts). For the
 *      index's best `SOFT_PARAGRAPHS` only; the table is read only when one of them counts or
 *      the trainer asks (`focus` and `focusParagraph` are weighed 0);
 *    - `spelledOut`: the share of the acronyms the question writes ("What does AFC stand for?")
 *      whose long form, as an article defines it, stands in the sentence (askAcronyms.ts);
 *    - `meaning`, `meaningParagraph`: the cosine of the question's and the sentence's / paragraph's
 *      smooth-inverse-frequency averages of word vectors, the common component removed (the whole
 *      question's meaning, not word by word; a question word said only in another form — an acronym,
 *      a stand-in for the title — counts as said; read for questions of two content words or more);
 *      `meaningGap`: the same for the question's words the
 *      sentence lacks against the sentence's words that are not the question's (askMeaning.ts);
 *      `meaningGated`, `meaningParagraphGated`: `meaning` / `meaningParagraph` times the share of
 *      the question's words the sentence / paragraph does not hold — meaning evidence counted
 *      where word evidence is missing, so a text that holds the question's words is left alone.
 *      `meaning` and `meaningParagraph` count (issue #15), the others are weighed 0; worked out only
 *      when they count or the trainer asks, and then only for the sentences that could reach the top;
 *    - `typed`: for a question naming its answer's form ("What year …", "How much did it cost …",
 *      "What percentage …", "How many times …"), a figure of that form in the sentence, not just
 *      any date or number; `kind`: for "What type of NOUN …", a word of the sentence's own right
 *      before NOUN ("a blind plea"; askTyped.ts);
 *    - `spread`: the question said across a sentence and its neighbour, the answer type in this one
 *      only ("… hundreds of places of religious worship … . Most of them were destroyed in … 1944."):
 *      its answer-type evidence above the neighbour's, times the question's words the neighbour
 *      adds (askSpread.ts; worked out in the answer-type pass only);
 *    - `tense`: the share of the sentence's auxiliaries in the time the question asks about — now,
 *      what is to come, or the past ("are going on right now" — "are taking place"; askTense.ts).
 * Stop words and question words are never scored.
 */
import type { Sentence } from '../core/article';
import { sentencesOf } from '../core/article';
import type { KnowledgeBase, ParagraphRecord } from '../knowledge/knowledgeBase';
import type { ParsedQuery } from '../search/query';
import { articleEntities, entitiesIn, inTitleOf, match, scaledInTitle, type ArticleEntities, type InTitle } from './askMatch';
import { cachedTerm, nameForms } from './askTerms';
import { answerEvidence, type AnswerEvidence, type EvidenceQuestion, NEAR_CHARS } from './answerType';
import { asksAboutSpeaking, spokenApplies, spokenEvidence, spokenTopic, spokenTopicTerms } from './askSpeakers';
import { expressionHits, expressionShare, questionExpressions } from './askExpressions';
import { carried, previousSentenceMatch, subjectShare, type ParagraphMatches } from './askCarry';
import { answerForm, kindEvidence, kindTerm, typedEvidence } from './askTyped';
import { askVocabulary } from './askVocabulary';
import { markLongForms, questionAcronyms, spelledOutShare } from './askAcronyms';
import { acronymIndex } from '../knowledge/acronyms';
import { markStandIns, standInMentions, standInPositions, titleSubject } from './askTitleSubject';
import { answerSlot, slotBeside, slotCue, slotEvidence } from './askAnswerSlot';
import { SoftMatcher, focusNoun } from './askSoft';
import { meaningOf } from './askMeaning';
import type { Word } from '../text/words';
import { analyseQuestion, expectedAnswer, type Expected, type Question } from './question';
import { keyOf } from './questionTerms';
import { addedShare, spreadEvidence, type SpreadNeighbour } from './askSpread';
import { questionTime, timeAgreement } from './askTense';

/** Paragraphs whose sentences are scored (the index's best for the question). */
export const ASK_PARAGRAPHS = 20;

/**
 * Paragraphs (the index's best) whose words are aligned to the question's by word vectors: a dot
 * product per question word and distinct text word is most of what soft matching costs.
 */
export const SOFT_PARAGRAPHS = 5;

/**
 * A sentence's share of its article's title (askMatch.ts `InTitle`): less than whole, so that a sentence
 * naming the subject, or standing in for it ("the race"), still beats one that does not.
 */
const TITLE_IN_SENTENCE = 0.7;

/** The word-vector features: read only when one of them counts or the trainer asks. */
const SOFT_FEATURES = ['soft', 'softParagraph', 'focus', 'focusParagraph'] as const;

/**
 * `figureTouch`: the date or number stands within this many characters of a matched question word
 * ("Brandt, 58,", "the 1950-53 Korean War", "founded in 1850"): `answerNear` at or above
 * 0.5^(TOUCH_CHARS / NEAR_CHARS).
 */
const TOUCH_CHARS = 4;
const TOUCH_NEAR = Math.pow(0.5, TOUCH_CHARS / NEAR_CHARS) - 1e-9;

/** The whole-question meaning features (askMeaning.ts): the question's word vectors read only when one counts. */
const MEANING_FEATURES = ['meaning', 'meaningParagraph', 'meaningGap', 'meaningGated', 'meaningParagraphGated'] as const;

/** The features of a candidate sentence, in the order of a weight vector. */
export const FEATURES = [
  'lexical', 'paragraph', 'rank', 'neighbours', 'proximity', 'complete', 'pairs', 'length', 'anchors', 'articleAnchors',
  'date', 'number', 'person', 'place', 'reason', 'name', 'answerNear', 'carried', 'subject', 'expressions', 'figureNear',
  'spoken', 'figureTouch', 'slot', 'beside', 'spelledOut', ...SOFT_FEATURES, 'typed', 'kind', 'spread', ...MEANING_FEATURES, 'tense',
] as const;
export type Feature = (typeof FEATURES)[number];
export type Weights = Readonly<Record<Feature, number>>;

/** A sentence that could answer, with its features and score. */
export interface Candidate {
  rec: ParagraphRecord;
  sentence: Sentence;
  lexical: number;
  features: Record<Feature, number>;
  score: number;
  highlights: Array<[number, number]>;
}

/** What `askCandidates` found: the question as read, and its candidates, best first. */
export interface Candidates {
  question: Question;
  expected: Expected;
  /** The question as answerType.ts's evidence reads it (its type and its own words' keys). */
  ask: EvidenceQuestion;
  /** Whether a word (its `norm`) is none of the question's own: a name or figure the answer could be. */
  freshWord: (norm: string) => boolean;
  /** Nothing to look for: no content word, person or party. */
  empty: boolean;
  candidates: Candidate[];
}

/** The index of the first word of `ws` starting at or after `at`. */
function wordIndex(ws: readonly { start: number }[], at: number): number {
  let i = 0;
  while (i < ws.length && ws[i]!.start < at) i++;
  return i;
}

const score = (f: Record<Feature, number>, w: Weights) => {
  let s = 0;
  for (const k of FEATURES) s += w[k] * f[k];
  return s;
};

/**
 * Per party, the first six of its names, capitals and codes (in the registry's order): the words
 * a question naming it looks for. Once per knowledge base (reading every alias of the registry
 * for each party a question named was a millisecond a question).
 */
function partyNameForms(kb: KnowledgeBase): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of kb.parties.registry.aliases) {
    if (a.kind !== 'name' && a.kind !== 'capital' && a.kind !== 'code') continue;
    let list = out.get(a.partyId);
    if (!list) out.set(a.partyId, (list = []));
    if (list.length < 6) list.push(a.text);
  }
  return out;
}

/**
 * The candidate sentences for a question, scored with `weights` and sorted best first. The
 * question is parsed once (`kb.index.parseQuery`) and its words read by every step below. The
 * answer-type features are worked out only for the sentences they could lift to the top, unless
 * `allFeatures` (training).
 */
export function askCandidates(kb: KnowledgeBase, question: string | ParsedQuery, weights: Weights, filter?: (id: number) => boolean, allFeatures = false): Candidates {
  const query = typeof question === 'string' ? kb.index.parseQuery(question) : question;
  const q = analyseQuestion(query, kb.parties.registry, kb.people);
  const expected = expectedAnswer(query.text, q);
  const questionKeys = new Set(query.words.map((w) => keyOf(w.norm)));
  const ask: EvidenceQuestion = { kb, q, expected, questionKeys };
  const freshWord = (norm: string) => !questionKeys.has(askVocabulary(kb).keyOf(norm));
  if (q.terms.length === 0 && q.parties.length === 0 && q.persons.length === 0) return { question: q, expected, ask, freshWord, empty: true, candidates: [] };
  const { docs } = kb.index.stats;
  const idf = (df: number) => Math.log(1 + (docs - df + 0.5) / (df + 0.5));
  // The vocabulary's keys, a slice more per question (askVocabulary.ts).
  askVocabulary(kb).warm();
  const terms = q.terms.map((t) => cachedTerm(kb, t.norm, t.particle, idf));

  // Acronyms and long forms the articles define stand for each other (askAcronyms.ts).
  const links = questionAcronyms(kb.derived(acronymIndex), query.text, query.words, q.terms);

  // Stage 1: the paragraphs worth reading.
  const groups: Array<Array<{ term: string; weight: number; id?: number; df?: number }>> = terms.map((t) => t.forms);
  for (const [acronym, covered] of links?.acronymFor ?? []) for (const i of covered) groups[i] = [...groups[i]!, { term: acronym, weight: 1 }];
  const entityGroups = [
    ...q.persons.map((p) => nameForms(p.name)),
    ...q.parties.map((id) => (kb.derived(partyNameForms).get(id) ?? []).flatMap((a) => nameForms(a))),
  ];
  groups.push(...entityGroups);
  // A person or party the question names weighs as its name's words do: a lot when the articles
  // rarely name it, little when every paragraph does. Persons first, then parties (as `match`).
  // A person's name is as specific as its rarest word ("Chung-in" tells two Moons apart); a
  // party is named by any of its names, so as common as its commonest.
  const dfs = entityGroups.map((g) => g.map((f) => Math.max(1, kb.index.documentFrequency(f.term))));
  const entityWeights = dfs.map((d, i) => idf(i < q.persons.length ? Math.min(...d, docs) : Math.max(1, ...d)));
  const total = terms.reduce((a, t) => a + t.idf, 0) + entityWeights.reduce((a, b) => a + b, 0);
  // Forms in more than 5 % of the paragraphs (and over 2,000 of them) tell little apart and are
  // the longest posting lists: the sentences still count them (stage 2), the paragraph ranking
  // does without, unless the question has nothing rarer.
  const common = Math.max(docs / 20, 2000);
  const rare = groups.map((g) => g.filter((f) => (f.df ?? kb.index.documentFrequency(f.term)) <= common));
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
  for (const [acronym, covered] of links?.acronymFor ?? []) {
    let row = byForm.get(acronym);
    if (!row) byForm.set(acronym, (row = new Array<number>(terms.length).fill(0)));
    for (const i of covered) row[i] = 1;
  }
  const lookup = (norm: string) => byForm.get(norm) ?? (norm.endsWith("'s") ? byForm.get(norm.slice(0, -2)) : undefined);
  const wordMatches = (ws: readonly { norm: string; start: number; end: number }[]) => markLongForms(links, ws, ws.map((w) => lookup(w.norm)), terms.length);
  const exprs = questionExpressions(query.words);
  const topRank = ranked[0]?.score ?? 0;
  const named = q.persons.length + q.parties.length;
  // The answer-slot features are weighed 0 today (issue #15, measured): the question is read for
  // them only when they count or the trainer asks for every feature.
  const slot = allFeatures || weights.slot !== 0 ? answerSlot(query.text) : 'none';
  const cue = allFeatures || weights.beside !== 0 ? slotCue(query.text, q.terms) : undefined;
  const kind = allFeatures || weights.kind !== 0 ? kindTerm(query.text, q.terms) : -1;
  const aboutSpeaking = named > 0 && asksAboutSpeaking(query.words);
  // "What does Moon say about sanctions?": the sanctions in Moon's own statement (askSpeakers.ts).
  const topic = allFeatures || weights.spoken !== 0 ? spokenTopicTerms(q, expected, aboutSpeaking) : [];
  const time = allFeatures || weights.tense !== 0 ? questionTime(query.words) : undefined;
  const meaning = allFeatures || MEANING_FEATURES.some((k) => weights[k] !== 0) ? meaningOf(kb, terms.map((t) => t.norm)) : undefined;
  const soft = allFeatures || SOFT_FEATURES.some((k) => weights[k] !== 0) ? new SoftMatcher(terms, allFeatures || weights.focus !== 0 || weights.focusParagraph !== 0 ? focusNoun(query.text) : undefined) : undefined;

  const out: Candidate[] = [];
  // `spread` (askSpread.ts): each candidate's neighbours, read in the answer-type pass only.
  const spreads = allFeatures || weights.spread !== 0 ? new Map<Candidate, { before?: Candidate; after?: Candidate; addedBefore: number; addedAfter: number }>() : undefined;
  // Each candidate's words, for the meaning match (worked out after the other features).
  const spans = new Map<Candidate, { ws: readonly Word[]; matches: ReadonlyArray<number[] | undefined>; from: number; to: number }>();
  const articleEnts = new Map<string, ArticleEntities>();
  // Per article: its title's matches, whole (the paragraph) and at a sentence's share.
  const titleMatches = new Map<string, { whole: InTitle; sentence: InTitle }>();
  for (const [place, { id, score: rankScore }] of ranked.entries()) {
    const rec = kb.paragraphs[id]!;
    const ws = kb.paragraphWords(rec.id);
    const matches = wordMatches(ws);
    let byArticle = articleEnts.get(rec.article.id);
    if (!byArticle) articleEnts.set(rec.article.id, (byArticle = articleEntities(kb, rec.article.id, q)));
    let titled = titleMatches.get(rec.article.id);
    if (!titled) {
      const whole = inTitleOf(rec.article.title, q, terms.length, wordMatches);
      titleMatches.set(rec.article.id, (titled = { whole, sentence: scaledInTitle(whole, TITLE_IN_SENTENCE) }));
    }
    const inTitle = titled.whole;
    const ents = entitiesIn(rec, byArticle, q, ws);
    // "The game" of an article whose defining sentence calls its title a game (askTitleSubject.ts).
    const subject = titleSubject(rec.article);
    const standIns = subject ? standInPositions(ws, subject) : [];
    if (subject && standIns.length > 0) {
      markStandIns(matches, standIns, inTitle.terms);
      // A person the title names is mentioned at each stand-in too.
      inTitle.persons.forEach((named, k) => {
        if (named > 0) ents.persons[k]!.push(standInMentions(ws, standIns, rec.paragraph.bodyStart));
      });
    }
    const articleAnchors = byArticle.persons.filter((list) => list.length > 0).length + q.parties.filter((p) => byArticle.parties.some((m) => m.partyId === p)).length;
    const para = match(rec, q, terms, entityWeights, ws, matches, ents, 0, rec.paragraph.text.length, inTitle);
    const sentences = sentencesOf(rec.paragraph);
    const sent = sentences.map((s) => match(rec, q, terms, entityWeights, ws, matches, ents, s.start, s.end, titled.sentence));
    const exprHits = expressionHits(ws, exprs, askVocabulary(kb).keyOf);
    const here: ParagraphMatches = { rec, ws, matches, ents };
    const previous = () => previousSentenceMatch(kb, rec, byArticle!, wordMatches, q, terms, entityWeights);
    const aligned = soft && place < SOFT_PARAGRAPHS ? soft.align(ws) : undefined;
    const softParagraph = soft && aligned ? soft.extra(aligned, matches, 0, ws.length) : 0;
    const focusParagraph = soft ? soft.focusIn(rec.paragraph.text, ws, matches, 0, ws.length) : 0;
    const bySentence: Array<Candidate | undefined> = [];
    sentences.forEach((sentence, k) => {
      const m = sent[k]!;
      const carry = carried(sent, sentences, k, total, previous);
      const lexical = m.found / total;
      if (lexical === 0 && carry === 0) return;
      const from = wordIndex(ws, sentence.start);
      const to = wordIndex(ws, sentence.end);
      const features: Record<Feature, number> = {
        lexical,
        paragraph: para.found / total,
        rank: topRank > 0 ? rankScore / topRank : 0,
        neighbours: Math.max(sent[k - 1]?.found ?? 0, sent[k + 1]?.found ?? 0) / total,
        proximity: m.proximity,
        date: 0,
        number: 0,
        person: 0,
        place: 0,
        reason: 0,
        name: 0,
        answerNear: 0,
        figureNear: 0,
        spoken: 0,
        figureTouch: 0,
        complete: lexical * lexical,
        pairs: m.pairs,
        length: Math.min(1, m.words / 50),
        anchors: named > 0 ? m.anchors / named : 0,
        articleAnchors: named > 0 ? articleAnchors / named : 0,
        carried: carry,
        // Weighed 0 today: read only when it counts or the trainer asks for every feature.
        subject: allFeatures || weights.subject !== 0 ? subjectShare(here, sentence, q.parties, named) : 0,
        expressions: exprs.length > 0 ? expressionShare(exprHits, from, to) : 0,
        slot: 0,
        spelledOut: links ? spelledOutShare(links, ws, from, to) : 0,
        beside: cue ? slotBeside(cue, ws, matches, rec.paragraph.text, from, to, freshWord) : 0,
        soft: soft && aligned ? soft.extra(aligned, matches, from, to) : 0,
        softParagraph,
        focus: soft ? soft.focusIn(rec.paragraph.text, ws, matches, from, to) : 0,
        focusParagraph,
        typed: 0,
        kind: kind >= 0 ? kindEvidence(ws, matches, from, to, kind, freshWord) : 0,
        spread: 0,
        meaning: 0,
        meaningParagraph: 0,
        meaningGap: 0,
        meaningGated: 0,
        meaningParagraphGated: 0,
        tense: 0,
      };
      const c: Candidate = { rec, sentence, lexical: Math.min(1, lexical + carry), features, score: score(features, weights), highlights: m.highlights };
      out.push(c);
      if (meaning?.usable || topic.length > 0 || time) spans.set(c, { ws, matches, from, to });
      bySentence[k] = c;
      if (spreads) {
        const before = bySentence[k - 1];
        spreads.set(c, { before, addedBefore: addedShare(m, sent[k - 1], total), addedAfter: addedShare(m, sent[k + 1], total) });
        if (before) spreads.get(before)!.after = c;
      }
    });
  }
  // The answer-type evidence, for the sentences it could lift to the top only.
  const figure = expected === 'date' || expected === 'number';
  const spoken = spokenApplies(q, expected, aboutSpeaking);
  const lift =
    expected === 'none' ? 0 : Math.max(0, weights[expected]) + Math.max(0, weights.answerNear) + Math.max(0, weights.spread) + (figure ? Math.max(0, weights.figureNear) + Math.max(0, weights.figureTouch) : 0) + (spoken ? Math.max(0, weights.spoken) : 0);
  // One content word has no meaning as a whole beyond itself, which `lexical` and `soft` already
  // score: its cosine only says how much a sentence is about that word's neighbourhood.
  const whole = meaning?.usable && meaning.words >= 2 ? meaning : undefined;
  if (whole || time) {
    // The meaning match and the time agreement, for the sentences that could reach the top with
    // them and every feature still to come at its most: one weighted sum of word vectors per
    // sentence and paragraph, one pass over the sentence's words.
    const reach =
      (whole ? MEANING_FEATURES.reduce((a, k) => a + Math.max(0, weights[k]), 0) : 0) + Math.max(0, weights.tense) + lift + Math.max(0, weights.slot) + Math.max(0, weights.typed);
    const first = Math.max(0, ...out.map((s) => s.score));
    const paragraphs = new Map<number, number>();
    for (const c of out) {
      if (!allFeatures && c.score + reach < first) continue;
      const { ws, matches, from, to } = spans.get(c)!;
      if (time) c.features.tense = timeAgreement(time, ws, from, to);
      if (whole) {
        if (allFeatures || weights.meaning !== 0 || weights.meaningGated !== 0) c.features.meaning = whole.paragraphCosine(c.rec.id, ws, from, to, matches);
        // Meaning evidence where word evidence is missing: the share of the question's words the
        // sentence (paragraph) does not hold, times its meaning match.
        c.features.meaningGated = c.features.meaning * (1 - Math.min(1, c.features.lexical));
        if (allFeatures || weights.meaningGap !== 0) c.features.meaningGap = whole.gap(ws, matches, from, to, c.rec.id);
        if (allFeatures || weights.meaningParagraph !== 0 || weights.meaningParagraphGated !== 0) {
          let all = paragraphs.get(c.rec.id);
          if (all === undefined) paragraphs.set(c.rec.id, (all = whole.paragraphCosine(c.rec.id, ws, 0, ws.length, matches)));
          c.features.meaningParagraph = all;
          c.features.meaningParagraphGated = all * (1 - Math.min(1, c.features.paragraph));
        }
      }
      c.score = score(c.features, weights);
    }
  }
  const leader = Math.max(0, ...out.map((s) => s.score));
  if (slot === 'named') {
    for (const c of out) {
      if (!allFeatures && c.score + Math.max(0, weights.slot) < leader) continue;
      c.features.slot = slotEvidence(c.sentence.text, c.highlights.map(([a, b]) => [a - c.sentence.start, b - c.sentence.start] as const), freshWord);
      c.score = score(c.features, weights);
    }
  }
  if (topic.length > 0) {
    const idfs = terms.map((t) => t.idf);
    for (const c of out) {
      if (!allFeatures && c.score + Math.max(0, weights.spoken) < leader) continue;
      const { ws, matches, from, to } = spans.get(c)!;
      c.features.spoken = spokenTopic(ask, c, topic, idfs, ws, matches, from, to);
      c.score = score(c.features, weights);
    }
  }
  // "What year …", "How much did it cost …": a figure of the form the question names.
  const form = allFeatures || weights.typed !== 0 ? answerForm(query.text) : undefined;
  if (form) {
    for (const c of out) {
      if (!allFeatures && c.score + Math.max(0, weights.typed) < leader) continue;
      c.features.typed = typedEvidence(form, c.sentence.text, freshWord);
      c.score = score(c.features, weights);
    }
  }
  const evidence = new Map<Candidate, AnswerEvidence>();
  const evidenceOf = (c: Candidate) => {
    let ev = evidence.get(c);
    if (!ev) evidence.set(c, (ev = answerEvidence(ask, c)));
    return ev;
  };
  for (const c of out) {
    if (expected === 'none' || (!allFeatures && c.score + lift < leader)) continue;
    const ev = evidenceOf(c);
    c.features[expected] = ev.present;
    c.features.answerNear = ev.near;
    if (figure) {
      c.features.figureNear = ev.near;
      c.features.figureTouch = ev.near >= TOUCH_NEAR ? 1 : 0;
    }
    if (spoken) c.features.spoken = spokenEvidence(ask, c, true);
    const around = spreads?.get(c);
    if (around) {
      const side = (n: Candidate | undefined, added: number): SpreadNeighbour => ({ added, present: () => (n ? evidenceOf(n).present : 0) });
      c.features.spread = spreadEvidence(ev.present, [side(around.before, around.addedBefore), side(around.after, around.addedAfter)]);
    }
    c.score = score(c.features, weights);
  }
  // Best first, then by paragraph and position (integer results: see rankGroups).
  out.sort((a, b) => (b.score > a.score ? 1 : b.score < a.score ? -1 : a.rec.id - b.rec.id || a.sentence.start - b.sentence.start));
  return { question: q, expected, ask, freshWord, empty: false, candidates: out };
}
