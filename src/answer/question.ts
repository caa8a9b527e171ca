/**
 * Reads a natural-language question: its shape (who, when, where, why, how many/long, yes/no,
 * what), the content words that must be found, and the parties it names (so "the United States"
 * finds "Washington"). Stop words and question words are dropped: they never decide a match.
 */
import type { PartyRegistry } from '../parties/registry';
import { isStopWord, words } from '../text/words';

/** The kind of answer a question asks for. */
export type QuestionType = 'who' | 'when' | 'where' | 'why' | 'howmany' | 'how' | 'yesno' | 'what';

/** A content word of the question that a sentence should contain. */
export interface QuestionTerm {
  norm: string;
  /** A particle that follows it in the question ("sign on", "fall apart"): phrasal verbs. */
  particle?: string;
  /** Character range in the question. */
  start: number;
  end: number;
}

/** A person the question names, as every article speaker it could be ("Moon": two people). */
export interface QuestionPerson {
  name: string;
  /** `articleId:speakerId` keys. */
  speakers: Set<string>;
}

/** A question as `/ask` scores it. */
export interface Question {
  type: QuestionType;
  terms: QuestionTerm[];
  /** Party ids named in the question. */
  parties: string[];
  persons: QuestionPerson[];
}

/** The people of the knowledge base, as the question reader needs them. */
export interface KnownPerson {
  name: string;
  aliases: string[];
  appearances: Array<{ articleId: string; speakerId: string }>;
}

const PARTICLES = new Set(['on', 'off', 'up', 'out', 'into', 'apart', 'back', 'down', 'over', 'away']);

/** Words that shape a question but are not what it is about. */
const QUESTION_WORDS = new Set(
  ('what who whom whose when where why how which whether does did do is are was were has have had ' +
    'can could would should will may might anyone anything someone something kind sort much many ' +
    'really exactly actually article story piece report tell please me else besides ' +
    // Function words the shared stop list keeps for phrase search but a question never hinges on.
    'about from after before between against during over under again further then once here there ' +
    'all any both each few more most other some such only own same too very just also still even ' +
    'ever yet already now right going get got go goes').split(' '),
);

const YES_NO_START = /^(is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b/i;

/** Analyses a question. `registry` recognises party names in it. */
export function analyseQuestion(text: string, registry: PartyRegistry, people: readonly KnownPerson[] = []): Question {
  const type = questionType(text);
  const parties: string[] = [];
  const covered: Array<[number, number]> = [];
  const persons = findPersons(text, people, covered);
  for (const m of registry.matcher.find(text)) {
    if (isCovered(covered, m.start)) continue;
    if (!parties.includes(m.partyId)) parties.push(m.partyId);
    covered.push([m.start, m.end]);
  }
  const ws = words(text);
  // Lower-case party names ("north korea", "washington"): any 1–3 word run the registry knows,
  // never a single stop word ("us" the pronoun).
  for (let i = 0; i < ws.length; i++) {
    for (let n = 3; n >= 1; n--) {
      const run = ws.slice(i, i + n);
      if (run.length < n || run.some((w) => isCovered(covered, w.start))) continue;
      const phrase = text.slice(run[0]!.start, run[n - 1]!.end);
      if (n === 1 && (isStopWord(run[0]!.norm) || run[0]!.norm.length < 4)) continue;
      if (phrase !== phrase.toLowerCase()) continue; // capitalised forms were the matcher's call
      const party = registry.lookupWritten(phrase);
      if (!party) continue;
      if (!parties.includes(party.id)) parties.push(party.id);
      covered.push([run[0]!.start, run[n - 1]!.end]);
      break;
    }
  }
  const terms: QuestionTerm[] = [];
  ws.forEach((w, i) => {
    const norm = w.norm.replace(/'s$/, '');
    if (isCovered(covered, w.start) || isStopWord(norm) || QUESTION_WORDS.has(norm)) return;
    const next = ws[i + 1]?.norm;
    terms.push({ norm, start: w.start, end: w.end, ...(next && PARTICLES.has(next) ? { particle: next } : {}) });
  });
  return { type, terms, parties, persons };
}

/**
 * People named in the question: the longest alias of a known person, case-insensitive, at word
 * boundaries. A surname two people share ("Moon") stands for both; the text decides.
 */
function findPersons(text: string, people: readonly KnownPerson[], covered: Array<[number, number]>): QuestionPerson[] {
  const lower = text.toLowerCase();
  const hits: Array<{ start: number; end: number; person: KnownPerson }> = [];
  for (const p of people) {
    for (const alias of [p.name, ...p.aliases]) {
      if (alias.length < 3) continue;
      const a = alias.toLowerCase();
      for (let at = lower.indexOf(a); at >= 0; at = lower.indexOf(a, at + 1)) {
        const before = lower[at - 1] ?? ' ';
        const after = lower[at + a.length] ?? ' ';
        if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
        // Surnames only when written with a capital: "moon" in a question may be the moon.
        if (!/\s/.test(alias) && !/^\p{Lu}/u.test(text.slice(at, at + 1))) continue;
        hits.push({ start: at, end: at + a.length, person: p });
      }
    }
  }
  // Longest spans first; a shorter span inside a longer one is the same mention.
  hits.sort((x, y) => y.end - y.start - (x.end - x.start));
  const out: QuestionPerson[] = [];
  const spans: Array<{ start: number; end: number; person: QuestionPerson }> = [];
  for (const h of hits) {
    const same = spans.find((s) => s.start === h.start && s.end === h.end);
    if (same) {
      for (const ap of h.person.appearances) same.person.speakers.add(`${ap.articleId}:${ap.speakerId}`);
      continue;
    }
    if (spans.some((s) => h.start < s.end && s.start < h.end)) continue;
    const person: QuestionPerson = { name: h.person.name, speakers: new Set(h.person.appearances.map((ap) => `${ap.articleId}:${ap.speakerId}`)) };
    spans.push({ start: h.start, end: h.end, person });
    out.push(person);
    covered.push([h.start, h.end]);
  }
  return out;
}

function isCovered(ranges: Array<[number, number]>, pos: number): boolean {
  return ranges.some(([a, b]) => pos >= a && pos < b);
}

/** The question's shape, from its wh-word (wherever it stands) or a leading auxiliary. */
export function questionType(text: string): QuestionType {
  const t = text.trim().toLowerCase();
  if (/\bhow (long|many|much|often|old|far)\b/.test(t)) return 'howmany';
  if (/\bwhy\b|\bfor what reason\b|\bwhat for\b/.test(t)) return 'why';
  if (/\bwhen\b|\bwhat (time|day|date|year|month)\b/.test(t)) return 'when';
  if (/\bwhere\b|\bwhat (place|city|country)\b/.test(t)) return 'where';
  if (/\b(who|whom|whose)\b/.test(t)) return 'who';
  if (/^how\b|\bhow\b/.test(t)) return 'how';
  if (YES_NO_START.test(t)) return 'yesno';
  return 'what';
}
