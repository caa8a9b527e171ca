/**
 * Reads a natural-language question: its shape (who, when, where, why, how many/long, yes/no,
 * what), the content words that must be found, and the parties it names (so "the United States"
 * finds "Washington"). Stop words and question words are dropped: they never decide a match.
 */
import type { PartyRegistry } from '../parties/registry';
import { asParsedQuery, type ParsedQuery } from '../search/query';
import { isStopWord, withoutPossessive, type Word } from '../text/words';

/** The kind of answer a question asks for. */
export type QuestionType = 'who' | 'when' | 'where' | 'why' | 'howmany' | 'how' | 'yesno' | 'what';

/** What kind of thing answers the question. */
export type Expected = 'date' | 'number' | 'person' | 'place' | 'reason' | 'name' | 'none';

const DATE_NOUNS = /^(?:year|years|date|day|month|century|decade|era|period|time|season)$/;
const PLACE_NOUNS = /^(?:place|city|country|state|region|area|town|village|continent|location|province|county|island|river|site|venue|stadium|capital|nation|district|territory)$/;
const NUMBER_NOUNS = /^(?:number|amount|percentage|percent|proportion|share|population|size|age|price|cost|total|rate|fraction|temperature|distance|length|height|weight)$/;
const PERSON_NOUNS = /^(?:person|man|woman|people|president|king|queen|emperor|leader|player|author|writer|scientist|minister|ruler|general|son|daughter|wife|husband|father|mother|brother|sister|member|official|inventor|founder|coach|quarterback|singer|artist|pope|bishop|chancellor|governor|mayor)$/;

/**
 * The answer type a question expects, from its wh-word and, for "what/which X", the noun X
 * ("What year …" → date, "Which city …" → place, "What percentage …" → number).
 */
export function expectedAnswer(text: string, q: Pick<Question, 'type'>): Expected {
  switch (q.type) {
    case 'when':
      return 'date';
    case 'howmany':
      return 'number';
    case 'who':
      return 'person';
    case 'where':
      return 'place';
    case 'why':
      return 'reason';
    default:
      break;
  }
  // "What is the capital of …": the noun after "what is the".
  const the = /\b(?:what|which)\s+(?:is|was|are|were)\s+the\s+([a-z]+(?:\s+[a-z]+)?)/i.exec(text);
  for (const noun of the ? the[1]!.toLowerCase().split(/\s+/) : []) {
    if (DATE_NOUNS.test(noun)) return 'date';
    if (PLACE_NOUNS.test(noun)) return 'place';
    if (NUMBER_NOUNS.test(noun)) return 'number';
    if (PERSON_NOUNS.test(noun)) return 'person';
  }
  const m = /\b(?:what|which|whose)\s+(?:(?:kind|type|sort) of\s+)?(?:[a-z]+\s+)?([a-z]+)\b/i.exec(text);
  if (!m) return 'none';
  // "What type of person …", "What kind of state …" ask for a kind ("head of government", "a
  // Muslim state"), not a named person or place.
  if (/\s(?:kind|type|sort)s? of\s/i.test(m[0])) return 'none';
  const nouns = m[0].toLowerCase().split(/\s+/).slice(1);
  for (const n of nouns) {
    if (DATE_NOUNS.test(n)) return 'date';
    if (PLACE_NOUNS.test(n)) return 'place';
    if (NUMBER_NOUNS.test(n)) return 'number';
    if (PERSON_NOUNS.test(n)) return 'person';
  }
  return /^(?:which|whose)$/i.test(m[0].split(/\s+/)[0]!) ? 'name' : 'none';
}

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
  /** The article speakers it could be (shared with the question reader's cache: never changed). */
  speakers: PersonSpeakers;
  /**
   * The name's words as the question wrote them (normalised, no possessive): found in a text
   * wherever they stand together, even where the analysis kept no mention of the speaker (a name
   * before the statement that made it a speaker, "Super Bowl" of "The Super Bowl 50 Host Committee").
   */
  words: string[];
}

/** A question as `/ask` scores it. */
export interface Question {
  type: QuestionType;
  terms: QuestionTerm[];
  /** Party ids named in the question. */
  parties: string[];
  persons: QuestionPerson[];
}

/** Which article speakers a person of the question could be. */
export interface PersonSpeakers {
  has(articleId: string, speakerId: string): boolean;
  /** `articleId:speakerId` of each, in the order found (tests, diagnostics). */
  keys(): string[];
}

/**
 * Speakers by article: each appearance is two lookups of strings the analyses already hold, not
 * a new `articleId:speakerId` string to hash (thousands for a person quoted everywhere).
 */
class SpeakersByArticle implements PersonSpeakers {
  private readonly byArticle = new Map<string, Set<string>>();

  constructor(person: KnownPerson) {
    for (const ap of person.appearances) {
      const set = this.byArticle.get(ap.articleId);
      if (set) set.add(ap.speakerId);
      else this.byArticle.set(ap.articleId, new Set([ap.speakerId]));
    }
  }

  has(articleId: string, speakerId: string): boolean {
    return this.byArticle.get(articleId)?.has(speakerId) ?? false;
  }

  keys(): string[] {
    return [...this.byArticle].flatMap(([a, ids]) => [...ids].map((id) => `${a}:${id}`));
  }
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

const HOW_ADJECTIVES = new Set(['long', 'old', 'far', 'big', 'large', 'tall', 'high', 'deep', 'wide', 'heavy', 'soon', 'late', 'early', 'fast']);

const YES_NO_START = /^(is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b/i;

/**
 * Analyses a question, as typed or already parsed (`/ask` parses it once and hands it down).
 * `registry` recognises party names in it.
 */
export function analyseQuestion(question: string | ParsedQuery, registry: PartyRegistry, people: readonly KnownPerson[] = []): Question {
  const { text, words: ws } = asParsedQuery(question);
  const type = questionType(text);
  const parties: string[] = [];
  const covered: Array<[number, number]> = [];
  const persons = findPersons(text, ws, people, covered);
  for (const m of registry.matcher.find(text)) {
    if (isCovered(covered, m.start)) continue;
    if (!parties.includes(m.partyId)) parties.push(m.partyId);
    covered.push([m.start, m.end]);
  }
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
    // "How old/big/far …": the adjective belongs to the question word, not to the topic.
    if (i > 0 && ws[i - 1]!.norm === 'how' && HOW_ADJECTIVES.has(norm)) return;
    const next = ws[i + 1]?.norm;
    terms.push({ norm, start: w.start, end: w.end, ...(next && PARTICLES.has(next) ? { particle: next } : {}) });
  });
  return { type, terms, parties, persons };
}

/**
 * People named in the question: the longest alias of a known person, case-insensitive, at word
 * boundaries. A surname two people share ("Moon") stands for both; the text decides.
 */
function findPersons(text: string, ws: readonly Word[], people: readonly KnownPerson[], covered: Array<[number, number]>): QuestionPerson[] {
  const lower = text.toLowerCase();
  const hits: Array<{ start: number; end: number; person: KnownPerson }> = [];
  // Every run of up to MAX_ALIAS_WORDS words of the question, looked up among the aliases (a
  // scan of every alias took 3 ms a question with the 19k-paragraph bench's thousands of people).
  const byAlias = aliasIndex(people);
  for (let i = 0; i < ws.length; i++) {
    for (let j = i; j < Math.min(ws.length, i + MAX_ALIAS_WORDS); j++) {
      const at = ws[i]!.start;
      const whole = lower.slice(at, ws[j]!.end);
      // "Moon Jae-in's": the possessive is not part of the name.
      const a = byAlias.has(whole) ? whole : whole.replace(/['’]s$/, '');
      for (const { alias, person } of byAlias.get(a) ?? []) {
        // Surnames only when written with a capital: "moon" in a question may be the moon.
        if (!/\s/.test(alias) && !/^\p{Lu}/u.test(text.slice(at, at + 1))) continue;
        hits.push({ start: at, end: at + a.length, person });
      }
    }
  }
  // Longest spans first; a shorter span inside a longer one is the same mention.
  hits.sort((x, y) => y.end - y.start - (x.end - x.start));
  const out: QuestionPerson[] = [];
  // Each span's people in the order found: one person's speakers, or any of several people's
  // named alike ("Berg": two people; `speakerKeys`).
  const spans: Array<{ start: number; end: number; person: QuestionPerson; named: KnownPerson[] }> = [];
  for (const h of hits) {
    const same = spans.find((s) => s.start === h.start && s.end === h.end);
    if (same) {
      same.named.push(h.person);
      same.person.speakers = speakerKeys(same.named);
      continue;
    }
    if (spans.some((s) => h.start < s.end && s.start < h.end)) continue;
    const nameWords = ws.filter((w) => w.start >= h.start && w.end <= h.end).map((w) => withoutPossessive(w.norm));
    const person: QuestionPerson = { name: h.person.name, speakers: speakerKeys([h.person]), words: nameWords };
    spans.push({ start: h.start, end: h.end, person, named: [h.person] });
    out.push(person);
    // A lone surname may be something else that shares it ("went to Harvard" is not John
    // Harvard): its word stays a word to find as well.
    if (/[\s-]/.test(text.slice(h.start, h.end).trim())) covered.push([h.start, h.end]);
  }
  return out;
}

const MAX_ALIAS_WORDS = 6;
const aliasIndexes = new WeakMap<readonly KnownPerson[], Map<string, Array<{ alias: string; person: KnownPerson }>>>();

/** Lower-cased alias → the people it names (built once per knowledge base's people). */
function aliasIndex(people: readonly KnownPerson[]): Map<string, Array<{ alias: string; person: KnownPerson }>> {
  let index = aliasIndexes.get(people);
  if (!index) {
    index = new Map();
    for (const person of people) {
      for (const alias of new Set([person.name, ...person.aliases])) {
        if (alias.length < 3) continue;
        const key = alias.toLowerCase();
        const list = index.get(key);
        if (list) list.push({ alias, person });
        else index.set(key, [{ alias, person }]);
      }
    }
    aliasIndexes.set(people, index);
  }
  return index;
}

const speakersOfPerson = new WeakMap<KnownPerson, PersonSpeakers>();

/** Several people named alike in one question ("Berg": two people): any of their speakers. */
class EitherSpeakers implements PersonSpeakers {
  constructor(private readonly parts: readonly PersonSpeakers[]) {}

  has(articleId: string, speakerId: string): boolean {
    return this.parts.some((p) => p.has(articleId, speakerId));
  }

  keys(): string[] {
    return [...new Set(this.parts.flatMap((p) => p.keys()))];
  }
}

/**
 * The article speakers of one person, made once per person, or of several named alike in one
 * question (any of theirs). A person the articles quote everywhere ("Hillary Clinton": thousands
 * of appearances, under several records, in the 190k-paragraph bench) took most of a question's
 * time to key again on every question naming them.
 */
function speakerKeys(persons: readonly KnownPerson[]): PersonSpeakers {
  const parts = persons.map((p) => {
    let keys = speakersOfPerson.get(p);
    if (!keys) speakersOfPerson.set(p, (keys = new SpeakersByArticle(p)));
    return keys;
  });
  return parts.length === 1 ? parts[0]! : new EitherSpeakers(parts);
}

function isCovered(ranges: Array<[number, number]>, pos: number): boolean {
  return ranges.some(([a, b]) => pos >= a && pos < b);
}

/** A question that starts by asking "what" or "which" (not "what year", which asks when). */
const LEADING_WHAT = /^(?:(?:in|on|at|of|for|to|from|with|by|during)\s+)?(?:what|which)\b(?!\s+(?:time|day|date|year|month)\b)/;

/** "When …, what/which/who/how/where …": the question follows a clause of time. */
const WHEN_CLAUSE_FIRST = /^when\b[^,?]*,\s*(?:what|which|who|whom|whose|how|where)\b/;

/** The question's shape, from its wh-word (wherever it stands) or a leading auxiliary. */
export function questionType(text: string): QuestionType {
  const t = text.trim().toLowerCase();
  // The first question word decides: "Where was he when he spoke?" asks for a place.
  const shapes: Array<[RegExp, QuestionType]> = [
    [/\bhow (long|many|much|often|old|far)\b/, 'howmany'],
    [/\bwhy\b|\bfor what reason\b|\bwhat for\b/, 'why'],
    [/\bwhen\b|\bwhat (time|day|date|year|month)\b/, 'when'],
    [/\bwhere\b|\bwhat (place|city|country)\b/, 'where'],
    [/\b(who|whom|whose)\b/, 'who'],
  ];
  let best: QuestionType | undefined;
  let at = Infinity;
  // "What did the Shah do when faced with defeat?", "What sea bordered the empire when he
  // died?": after a leading "what"/"which", a later bare "when" opens a clause of time inside
  // the question, not the question itself (on the SQuAD tune half 17 of 20 such questions ask for
  // no date). "What year …" and "How and when …" still ask when.
  const whenIsClause = LEADING_WHAT.test(t);
  for (const [re, type] of shapes) {
    const m = re.exec(t);
    if (m && type === 'when' && whenIsClause && m[0] === 'when' && !/\b(?:and|or)\s+$/.test(t.slice(0, m.index))) continue;
    // "When violence is used, what is it called?", "When Fox left, who replaced him?": a leading
    // clause of time, then the question.
    if (m && type === 'when' && m.index === 0 && WHEN_CLAUSE_FIRST.test(t)) continue;
    if (m && m.index < at) {
      at = m.index;
      best = type;
    }
  }
  if (best) return best;
  if (/^how\b|\bhow\b/.test(t)) return 'how';
  if (YES_NO_START.test(t)) return 'yesno';
  return 'what';
}
