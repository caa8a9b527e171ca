/**
 * Answer-type evidence for `/ask`: does a sentence hold the kind of thing the question asks for (a
 * date for "when", a number for "how many", a name for "who", a place for "where", a cause for
 * "why") *besides* the question's own words — "When was X founded?" wants a date other than any
 * in the question — and how close it stands to the words of the question the sentence matched.
 * In "… the 1950-53 Korean War" the date touches "Korean War"; in "On Sunday, … South Korean …"
 * the day is far from it. Crowd-written questions are mostly answered next to their own words.
 */
import type { Sentence } from '../core/article';
import type { KnowledgeBase, ParagraphRecord } from '../knowledge/knowledgeBase';
import { words } from '../text/words';
import type { Expected, Question } from './question';
import { askVocabulary } from './askVocabulary';

const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December';
export const DATE = new RegExp(
  `\\b(?:(?:${MONTH})(?: \\d{1,2})?(?:,? \\d{3,4})?|\\d{1,2} (?:${MONTH})(?: \\d{3,4})?|(?:1[0-9]|20)\\d\\d(?:s|[–-]\\d\\d)?|\\d{1,2}(?:st|nd|rd|th) century|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|tomorrow|tonight|(?:last|next|this|coming|past) (?:week|month|year)|(?:spring|summer|autumn|winter)|\\d+ (?:days|weeks|months|years) (?:ago|later|earlier))\\b`,
  'g',
);
export const NUMBER = /\b(?:\d[\d,.]*\d|\d)(?:\s?(?:%|percent|per cent|million|billion|trillion|thousand|hundred))?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozens?|hundreds|thousands|millions|half|quarter|twice|once)\b|\b(?:a|one|two|three|four)[ -](?:thirds?|quarters?|fifths?|tenths?)\b|[$€£¥]\s?\d/gi;
const WHY = /\b(?:because|in order (?:to|for)|so that|so as to|as a way to|in an attempt to|in the hopes?|due to|owing to|aimed at|to ensure|since|as a result|led to|caused|thanks to|in response to|result(?:ed|ing)? (?:in|from))\b|,\s+as\b|\bas (?:the|it|they|he|she)\b/gi;
export const PLACE = /\b(?:in|at|from|near|inside|outside|to) (?:the )?((?:\p{Lu}[\p{L}\-']+)(?: (?:\p{Lu}[\p{L}\-']+|of|de))*)/gu;
/**
 * A name that says it is a place by its last word ("Sun Life Stadium", "Mercedes-Benz Superdome",
 * "Vistula River"), wherever it stands: the preposition `PLACE` needs is often not there ("the
 * three sites: New Orleans' Mercedes-Benz Superdome, Miami's Sun Life Stadium, …"). Not when the
 * word goes on into a longer name ("The Harbour Games"), nor from a capitalised "The".
 */
export const PLACE_NAME = /(?<![\p{L}\-'’.])(?!(?:The|A|An|In|At|On|From|To)\s)(?:\p{Lu}[\p{L}\-'’.]*\s+){1,6}(?:Stadium|Arena|Dome|Superdome|Center|Centre|Park|Hall|Square|Plaza|Palace|Castle|Cathedral|Church|Abbey|Temple|Mosque|Bridge|Airport|Station|Port|Harbou?r|University|College|Museum|Theat(?:re|er)|Street|Avenue|Boulevard|Road|River|Lake|Mountains?|Hills?|Islands?|Sea|Ocean|Bay|Gulf|Valley|Desert|Plain|Plateau|Forest|Field|Gardens?|Province|County|District|Region|Peninsula|Coast)\b(?![\s-]+\p{Lu})/gu;
/** "at a forum", "in the capital": a place without a name. */
const VENUE = /\b(?:at|in|inside|outside) (?:a|an|the) \p{L}+/gu;
/** Runs of capitalised words (names of people, organisations, places, works), not sentence-initial alone. */
export const NAME = /(?:\p{Lu}[\p{L}\-'’.]*)(?:\s+(?:of|the|de|von|van|al|bin|and)?\s*\p{Lu}[\p{L}\-'’.]*)*/gu;
export const PERSON_WORDS = /\b(?:adviser|advisor|envoy|counterpart|chairman|chairwoman|president|minister|secretary|official|spokes\w+|ambassador|director|leader|professor|analyst|king|queen|emperor|chief|head|founder|inventor|author|coach|player|general)\b/gi;

/** Characters over which nearness halves (about five words). */
export const NEAR_CHARS = 30;

/** What the answer-type features of one sentence are. */
export interface AnswerEvidence {
  /** 1 when the sentence holds what the question asks for, 0.3–0.7 for weaker evidence, else 0. */
  present: number;
  /** `present`, discounted by the distance to the nearest matched question word. */
  near: number;
}

const NONE: AnswerEvidence = { present: 0, near: 0 };

/** What the evidence of every candidate sentence of one question reads: the same for each sentence. */
export interface EvidenceQuestion {
  kb: KnowledgeBase;
  q: Question;
  expected: Expected;
  /** The match keys of every word of the question. */
  questionKeys: ReadonlySet<string>;
}

/** One candidate sentence as the evidence reads it (a `Candidate` of askCandidates.ts is one). */
export interface EvidenceSentence {
  rec: ParagraphRecord;
  sentence: Sentence;
  /** The matched question words, in paragraph offsets. */
  highlights: ReadonlyArray<readonly [number, number]>;
}

/** The answer-type evidence of a sentence for a question. */
export function answerEvidence(ask: EvidenceQuestion, candidate: EvidenceSentence): AnswerEvidence {
  const { kb, q, expected, questionKeys } = ask;
  const { rec, sentence: s, highlights } = candidate;
  if (expected === 'none') return NONE;
  // Spans (sentence offsets) of candidate answers, each with its strength.
  const spans: Array<{ start: number; end: number; strength: number }> = [];
  const { keyOf } = askVocabulary(kb);
  const fresh = (text: string) => words(text).some((w) => w.norm.length > 0 && !questionKeys.has(keyOf(w.norm)));
  const add = (re: RegExp, strength: number, group = 0, needFresh = true) => {
    re.lastIndex = 0;
    for (const m of s.text.matchAll(re)) {
      const text = m[group] ?? m[0];
      if (needFresh && !fresh(text)) continue;
      const at = m.index + (group ? m[0].indexOf(text) : 0);
      spans.push({ start: at, end: at + text.length, strength });
    }
  };
  const base = rec.paragraph.bodyStart;
  const inSentence = (m: { start: number; end: number }) => m.start >= base + s.start && m.end <= base + s.end;
  const toSentence = (m: { start: number; end: number }) => ({ start: m.start - base - s.start, end: m.end - base - s.start });
  switch (expected) {
    case 'date':
      add(DATE, 1);
      break;
    case 'number':
      add(NUMBER, 1);
      break;
    case 'reason':
      add(WHY, 1, 0, false);
      break;
    case 'place':
      for (const m of kb.parties.article(rec.article.id).mentions) if (m.locative && inSentence(m)) spans.push({ ...toSentence(m), strength: 1 });
      add(PLACE, 1, 1);
      add(PLACE_NAME, 1);
      add(VENUE, 0.7, 0, false);
      break;
    case 'person': {
      const speakers = kb.analysis(rec.article.id).speakers;
      const named = (sp: { id: string }) => q.persons.some((p) => p.speakers.has(rec.article.id, sp.id));
      if (q.persons.length > 0 && q.terms.length === 0) {
        // "Who is Jake Sullivan?": where the story introduces the person by full name and role.
        const body = rec.article.body;
        for (const sp of speakers) {
          if (!named(sp)) continue;
          for (const m of sp.mentions) if (inSentence(m) && body.slice(m.start, m.end) === sp.name) spans.push({ ...toSentence(m), strength: 1 });
        }
        break;
      }
      // "Who led the Panthers in sacks?", "Who was the MVP of Super Bowl II?": the answer is
      // somebody other than the people the question names.
      for (const sp of speakers) if (!named(sp)) for (const m of sp.mentions) if (inSentence(m)) spans.push({ ...toSentence(m), strength: 1 });
      addNames(s.text, questionKeys, keyOf, spans, 1);
      add(PERSON_WORDS, 0.5, 0, false);
      break;
    }
    case 'name':
      // Nearly every sentence of an encyclopedia names something: weak evidence.
      addNames(s.text, questionKeys, keyOf, spans, 0.3);
      break;
  }
  if (spans.length === 0) return NONE;
  const present = Math.max(...spans.map((x) => x.strength));
  const marks = highlights.map(([a, b]) => [a - s.start, b - s.start] as const);
  if (marks.length === 0) return { present, near: present * 0.25 };
  let near = 0;
  for (const x of spans) {
    let d = Infinity;
    for (const [a, b] of marks) d = Math.min(d, a >= x.end ? a - x.end : x.start >= b ? x.start - b : 0);
    near = Math.max(near, x.strength * Math.pow(0.5, d / NEAR_CHARS));
  }
  return { present, near };
}

/** Capitalised names in the sentence (not its first word alone) that the question does not hold. */
function addNames(text: string, questionKeys: ReadonlySet<string>, keyOf: (norm: string) => string, spans: Array<{ start: number; end: number; strength: number }>, strength: number): void {
  for (const m of text.matchAll(NAME)) {
    if (m.index === 0 && !/\s/.test(m[0])) continue;
    if (words(m[0]).some((w) => w.norm.length > 1 && !questionKeys.has(keyOf(w.norm)))) spans.push({ start: m.index, end: m.index + m[0].length, strength });
  }
}
