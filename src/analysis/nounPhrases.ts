/**
 * Source noun phrases: whether words can name a speaker, and where the phrase before a verb, after
 * "according to" or at the start of a sentence begins and ends.
 */
import { ROLE_NOUNS, SENTENCE_STARTERS, UNNAMED_SOURCE_NOUNS } from './lexicon';
import { FUNCTION_WORDS, INTRO, NON_SOURCE_HEADS, NP_STOP, SOURCE_STARTERS, SUBJ_MODIFIERS, WEEKDAYS } from './lexicon/cueWords';
import { lyModifier } from './lexicon/cueStem';
import type { Quote } from '../text/structure';
import { type Token, tokenize } from '../text/tokens';
/** A day or a time noun: as the capitalised head after another capitalised word ("Last Tuesday") it makes no name. */
const TIME_NOUN = new RegExp(`^(?:${WEEKDAYS}|today|yesterday|tomorrow|time|week|month|year|day|night|morning|evening|afternoon|weekend)$`);

/**
 * Whether words can name a source: not a time, not a function word or participle, not an
 * adverb. "Of", "When", "Tuesday", "disavowing" and "the time" are rejected.
 */
export function validSource(toks: Token[]): boolean {
  const first = toks[0];
  const last = toks[toks.length - 1];
  if (!first || !last) return false;
  // "The Islamic State", "Doris Day": a capitalised head after another capitalised word is a name.
  const namedHead = last.cap && toks.length > 1 && !!toks[toks.length - 2]?.cap && !TIME_NOUN.test(last.lower);
  if ((NON_SOURCE_HEADS.has(last.lower) && !namedHead) || /^\d+s?$/.test(last.lower)) return false;
  // Participles and adjectives at the edges ("Appearing", "he started raising", "a snappy").
  if (!last.cap && (/(ing|py)$/.test(last.lower) || lyModifier(last.lower)) && !ROLE_NOUNS.has(last.lower)) return false;
  if (toks.some((t, i) => i > 0 && !t.cap && /(ed|ing)$/.test(t.lower) && /^(he|she|they|we|i|it)$/i.test(toks[i - 1]?.text ?? ''))) return false;
  if (SOURCE_STARTERS.test(first.lower)) return true;
  if (FUNCTION_WORDS.has(first.lower) || (SENTENCE_STARTERS.has(first.lower) && !/^(many|some|most|several|both|all|one|two|three)$/.test(first.lower))) return false;
  if (!first.cap && (/(ing|ed)$/.test(first.lower) || lyModifier(first.lower))) return false;
  return true;
}

/**
 * Lower-case role words ending in a capitalised name: "planetary geologist Rosaly Lopes",
 * "judge Inaba", "lead researcher and NASA planetary scientist Lucas Paganini".
 */
export function roleLedName(toks: Token[]): boolean {
  let firstCap = toks.findIndex((t) => t.cap);
  if (firstCap === 0) firstCap = nameAfterModifiedRoles(toks);
  if (firstCap <= 0) return false;
  const lead = toks.slice(0, firstCap);
  // The role word may be the capitalised title itself: "panel Chairman Rep. Jason Chaffetz".
  if (!lead.some((t) => roleWord(t.lower)) && !(lead.length <= 2 && toks.slice(firstCap).some((t) => roleWord(t.lower)))) return false;
  // "marine director at Intertanko Phil Belcher": of/for/at join the role to its organisation.
  if (lead.some((t) => NP_STOP.has(t.lower) && !/^(and|of|for|at)$/.test(t.lower))) return false;
  // The name itself: capitalised words to the end (a role word may sit among them: "NASA planetary scientist").
  const tail = toks.slice(firstCap);
  const last = tail[tail.length - 1];
  return !!last && last.cap && tail.every((t) => t.cap || ROLE_NOUNS.has(t.lower) || /^\p{Ll}+$/u.test(t.text)) && tail.filter((t) => !t.cap).length <= 3;
}

/**
 * Where the name starts after roles whose capitalised words only modify a role noun: "JPL
 * scientist and study co-author Michael Malaska" (each capitalised word of the lead is followed by
 * a lower-case one, so none is a person of its own: not "Berg and campaign manager Ana Lind").
 * The name is the capitalised run that ends the words, at least two words; -1 when there is none.
 */
function nameAfterModifiedRoles(toks: Token[]): number {
  let start = toks.length;
  while (start > 0 && toks[start - 1]?.cap) start--;
  if (start === 0 || toks.length - start < 2) return -1;
  const lead = toks.slice(0, start);
  return lead.every((t, i) => !t.cap || (i + 1 < start && !toks[i + 1]?.cap && toks[i + 1]?.lower !== 'and')) ? start : -1;
}

/** Whether an article ("the", "a", "an") stands right before `start` ("the Jin commander", "The Clinton campaign"). */
export function afterArticle(body: string, start: number): boolean {
  return /\b(?:the|a|an)\s+$/i.test(body.slice(Math.max(0, start - 5), start));
}

/** The lower-case word right after `end` (one space between), if one follows. */
export function nextLowerWord(body: string, end: number): string | undefined {
  return /^ (\p{Ll}+)\b/u.exec(body.slice(end, end + 40))?.[1];
}

/** A role or occupation noun: the listed ones, or an agent noun shape ("geologist", "guitarist", "historian"). */
export function roleWord(lower: string): boolean {
  return ROLE_NOUNS.has(lower) || (lower.length > 5 && /(?:ist|ian|ogist|ologist)s?$/.test(lower));
}

/** A short Title Case quotation ("Sunday Morning Futures," "Cake Boss."): a name, not speech. */
export function isTitle(body: string, q: Quote): boolean {
  const inner = body.slice(q.start, q.end).replace(/^(?:''|["\u201C\u00AB])/, '').replace(/(?:''|["\u201D\u00BB])$/, '').replace(/[,.]$/, '').trim();
  const words = inner.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 7 || /[!?]$/.test(inner)) return false;
  if (words.length === 1 && !/^\p{Lu}/u.test(words[0] ?? '')) return false;
  const small = /^(of|the|a|an|and|in|on|for|to|with|at|by|from|or|&)$/;
  return words.every((w, i) => /^[\p{Lu}\d]/u.test(w) || (i > 0 && small.test(w))) && !/^(I|We|You|He|She|It|They|No|Yes|Thank)\b/.test(inner);
}

/** A noun phrase at the start of `toks` (for inverted sources and "according to X"). */
export function takeNP(body: string, toks: Token[]): Token[] {
  const np = takeNPRaw(body, toks);
  return validSource(np) ? np : [];
}

export function takeNPRaw(body: string, toks: Token[]): Token[] {
  const np: Token[] = [];
  for (let i = 0; i < toks.length && np.length < 8; i++) {
    const t = toks[i] as Token;
    if (i > 0) {
      const gap = body.slice((toks[i - 1] as Token).end, t.start);
      if (/[,;:()\u2014\u2013."\u201C\u201D]/.test(gap)) break;
      if ((toks[i - 1] as Token).possessive && !t.cap && np.length > 0 && !/^\p{Lu}/u.test(np[0]?.text ?? '')) {
        // "the campaign's statement": keep going, possessive is inside the NP
      }
    }
    if (np.length > 0 && !t.cap && /^(at|in|on|during|after|before|when|while|as|to|from|with|who|which|that|and|but|because|last|this|earlier|later|on|for|of)$/.test(t.lower)) break;
    if (np.length > 0 && !t.cap && /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(t.lower)) break;
    if (/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|on|in|at)$/i.test(t.lower) && np.length === 0) return [];
    np.push(t);
    if (t.possessive && i + 1 < toks.length && /^(a|an|the)$/.test(toks[i + 1]?.lower ?? '')) break;
  }
  return np;
}


/**
 * The subject noun phrase of the clause in [start, end): a pronoun, or role words plus a
 * capitalised name ("President Clinton", "Band member Flea"), after any introductory phrase.
 */
export function sentenceSubject(body: string, start: number, end: number): [number, number] | null {
  let toks = tokenize(body, start, end);
  const firstComma = body.slice(start, end).indexOf(',');
  if (toks[0] && INTRO.test(toks[0].text) && firstComma > 0) {
    toks = toks.filter((t) => t.start > start + firstComma);
    // "Speaking in Salem, New Hampshire, Trump went …": a place segment closing the intro.
    let cut = start + firstComma;
    for (let guard = 0; guard < 2; guard++) {
      const next = body.indexOf(',', cut + 1);
      if (next < 0 || next >= end) break;
      const seg = toks.filter((t) => t.start > cut && t.end <= next);
      const rest = toks.filter((t) => t.start > next);
      if (!seg.length || seg.length > 3 || !seg.every((t) => t.cap) || !rest[0]?.cap) break;
      toks = rest;
      cut = next;
    }
  }
  // "In Against the Greedy, Thieving Lords, written on his return, he gave …": after an opening
  // phrase, a subject pronoun opening a later comma segment is the subject; the capitalised words
  // before it are the opening phrase's (a title, a place), not the subject.
  if (firstComma > 0 && toks[0] && INTRO.test(body.slice(start, end).split(/\s/)[0] ?? '')) {
    const pron = toks.find((t, k) => k > 0 && /^(?:he|she|they|we|i)$/.test(t.text) && /,\s*$/.test(body.slice((toks[k - 1] as Token).end, t.start)));
    if (pron) return [pron.start, pron.end];
  }
  const first = toks[0];
  if (!first) return null;
  if (/^(he|she|they|we|i|it)$/i.test(first.text)) return [first.start, first.end];
  const np: Token[] = [];
  for (const t of toks) {
    if (np.length && /[,;:()]/.test(body.slice((np[np.length - 1] as Token).end, t.start))) break;
    if (t.cap || ROLE_NOUNS.has(t.lower) || SUBJ_MODIFIERS.test(t.text)) np.push(t);
    else break;
    if (np.length > 8) return null;
    if (t.possessive) break;
  }
  while (np.length && !(np[np.length - 1] as Token).cap && !ROLE_NOUNS.has((np[np.length - 1] as Token).lower)) np.pop();
  // "His successor, Ted Heath, reversed …": when the possessive's noun is named in an appositive,
  // the name is the subject, not the possessive's owner. ("His campaign sued …" stays with the
  // possessive, which PolNeAR credits to its owner.)
  if (np.length === 1 && /^(?:his|her|their|its|my|our|your)$/i.test((np[0] as Token).text)) {
    const comma = toks.findIndex((t, k) => k > 0 && /,\s*$/.test(body.slice((toks[k - 1] as Token).end, t.start)));
    for (let k = comma; k > 0 && k < toks.length && (toks[k] as Token).cap; k++) {
      if (/^,/.test(body.slice((toks[k] as Token).end, (toks[k] as Token).end + 1))) return [(toks[comma] as Token).start, (toks[k] as Token).end];
    }
  }
  if (!np.length || np.every((t) => /^(the|a|an)$/i.test(t.text))) return null;
  return [(np[0] as Token).start, (np[np.length - 1] as Token).end];
}

/** The whole phrase after "according to", up to punctuation: "two people familiar with the plan". */
export function accordingNP(body: string, toks: Token[]): Token[] {
  const np: Token[] = [];
  for (let i = 0; i < toks.length && np.length < 14; i++) {
    const t = toks[i] as Token;
    if (i > 0 && /[,;:()\u2014\u2013."\u201C\u201D]/.test(body.slice((toks[i - 1] as Token).end, t.start))) break;
    np.push(t);
  }
  return np;
}


/** Trims adverbs and time words from a source phrase: "Thursday he" → "he", "he infamously" → "he". */
export function cleanNP(np: Token[]): Token[] {
  const pron = np.findIndex((t) => /^(he|she|they|we|i)$/i.test(t.text));
  if (pron > 0) np = np.slice(pron);
  // "Her campaign workers here said": a place adverb after the head is not part of it.
  while (np.length > 1 && (lyModifier((np[np.length - 1] as Token).lower) || /^(?:here|there)$/.test((np[np.length - 1] as Token).lower)) && !(np[np.length - 1] as Token).cap) np = np.slice(0, -1);
  while (np.length > 1 && ((lyModifier((np[0] as Token).lower) && !/^(only|early)$/.test((np[0] as Token).lower)) || /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|later|earlier|then|now)$/.test((np[0] as Token).lower))) np = np.slice(1);
  if (np.length === 1 && lyModifier((np[0] as Token).lower) && !(np[0] as Token).cap) return [];
  return np;
}

/** The noun phrase ending right before a verb, scanning back from the end of `before`. */
export function backNP(body: string, before: Token[], floor: number): Token[] {
  const np: Token[] = [];
  // "Sen. Elizabeth Warren (D-MA) said": a short parenthetical after the name is skipped.
  const lastTok = before[before.length - 1];
  if (lastTok && body[lastTok.end] === ')') {
    const open = body.lastIndexOf('(', lastTok.start);
    if (open >= 0 && lastTok.end - open <= 30) before = before.filter((x) => x.end <= open);
  }
  for (let i = before.length - 1; i >= 0; i--) {
    const t = before[i] as Token;
    const nextStart = np.length ? (np[0] as Token).start : null;
    if (nextStart !== null) {
      const gap = body.slice(t.end, nextStart);
      if (/[,;:()\u2014\u2013"\u201C\u201D]/.test(gap)) break;
    }
    if (NP_STOP.has(t.lower)) {
      const prev = before[i - 1];
      const keep = /^(of|for|at|with)$/.test(t.lower) && np.length > 0 && np.length < 5 && !!prev && (ROLE_NOUNS.has(prev.lower) || UNNAMED_SOURCE_NOUNS.has(prev.lower));
      if (!keep) break;
    }
    if (t.start < floor) break;
    // "a spokesman for Trump": keep a role noun's of/for/at complement inside the phrase.
    np.unshift(t);
    if (np.length > 9) return [];
    if (/^(a|an|the|this|that|these|those|his|her|their|its|our|my|your|some|many|most|several|two|three|four|other)$/.test(t.lower)) {
      // "A spokesperson for the British Foreign Office": the role noun's complement, go on.
      const prep = before[i - 1];
      const role = before[i - 2];
      if (!(t.lower === 'the' && prep && role && /^(of|for|at|with)$/.test(prep.lower) && (ROLE_NOUNS.has(role.lower) || UNNAMED_SOURCE_NOUNS.has(role.lower)) && np.length < 6)) break;
    }
  }
  // Drop a leading sentence adverb ("But", "Also") if capitalised at the start.
  while (np.length && /^(but|and|so|also|yet|still|now|then|meanwhile|however)$/i.test(np[0]?.text ?? '')) np.shift();
  const cleaned = cleanNP(np);
  return validSource(cleaned) ? cleaned : [];
}

/**
 * Adverbs between a subject and its speech verb ("Clinton now says", "He flatly denied"): a
 * lower-case word ending in -ly, or one of the short time and degree adverbs.
 */
const PRE_VERB_ADVERB = /^(?:now|still|never|already|just|even|long|first|last|since|soon|ever|always|\p{Ll}{3,}ly)$/u;

/**
 * Whether a word before a verb is one of those adverbs. An -ly word the lexicon knows only as
 * something else is a noun or an adjective ("spoke at a rally, adding …", "his family said"):
 * stepping over it would make its determiner the subject.
 */
export function preVerbAdverb(t: Token): boolean {
  if (!PRE_VERB_ADVERB.test(t.text)) return false;
  return !/ly$/.test(t.text) || lyModifier(t.lower);
}

/**
 * Where the words before a verb end once trailing time adverbials are dropped:
 * "…, on Tuesday called" → the offset right after the comma's phrase.
 */
export function verbAfterAdverbials(before: Token[], b: number, verbStart: number): number {
  let k = b;
  while (k > 0 && /^(on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|later|earlier|recently|also|again|then|publicly|privately|repeatedly|last|this|week|month|night|morning|afternoon|evening)$/.test(before[k - 1]?.lower ?? '')) k--;
  return k < b ? (before[k] as Token).start : b < before.length ? (before[b] as Token).start : verbStart;
}
