/**
 * Quotations inside somebody else's words: "Tomas Berg rejected her claim that “…”", "Berg
 * dismissed Varga's warning: “…”". The quotation is the complement of a stance noun the verb's
 * subject only handles; whose words they are is the noun's possessor. When the possessor is the
 * subject ("He repeated his promise to “…”") nothing changes; when it is somebody else the
 * possessor is credited if it resolves to one person, else the statement names nobody. Never the
 * subject: that is the confident wrong name this module exists to prevent.
 */
import { AUXILIARIES, PRONOUNS, SPEECH_VERBS, STRONG_SPEECH_VERBS } from './lexicon';
import { MIXED_VERBS, NOUN_MARKERS } from './lexicon/cueWords';
import { modifier, possessorPhrase, STANCE_NOUNS } from './nounFrames';
import { backNP } from './nounPhrases';
import { FINITE } from './clauseEnd';
import { resolvePronoun } from './pronouns';
import { resolveSource, type Resolved, type ResolveState } from './resolveSource';
import { ROLE_GENDER } from './sourceLabels';
import type { RawStatement } from './statement';
import type { Person } from './speakers';
import type { QuoteIndex, Sentence } from '../text/structure';
import { type Token, tokenize } from '../text/tokens';

const POSSESSIVE_PRONOUN = /^(?:his|her|their|its)$/;
/** The readable label of an unresolved possessive pronoun ("her" → "she"). */
const PRONOUN_LABEL: Record<string, string> = { his: 'he', her: 'she', their: 'they', its: 'it', he: 'he', she: 'she', him: 'he', they: 'they', them: 'they', it: 'it' };
/** Words that may join a stance noun to the quotation it holds: "claim that “…”", "promise to “…”". */
const COMPLEMENT_LINK = /^(?:that|to)$/;

/**
 * Marks every statement whose quotation sits in the complement of a possessed stance noun that is
 * the object of the statement's own cue ("rejected her claim that “…”", "dismissed Varga's
 * warning: “…”"): `raw.owner` becomes the possessor's words ("her", "Varga"), which
 * `possessedSource` weighs against the subject once people are known.
 */
export function markPossessedQuotes(body: string, raws: RawStatement[], qi: QuoteIndex): void {
  for (const raw of raws) {
    // "Berg, quoting Varga, said “…”": the quoted words are the one quoted's.
    const quoting = raw.source && raw.cue && raw.quoted.length ? /^\s*,\s*(?:quoting|citing)\s+([^,;:"\u201C\u201D]{2,60}?)\s*,\s*$/.exec(body.slice(raw.source[1], raw.cue[0])) : null;
    if (quoting && quoting[1] && raw.source) {
      const at = raw.source[1] + quoting[0].indexOf(quoting[1]);
      raw.owner = [at, at + quoting[1].length];
      const w = quoting[1].toLowerCase();
      if (PRONOUN_LABEL[w]) raw.ownerPronoun = w;
      continue;
    }
    if (!raw.source || !raw.quoted.length || raw.noun || (raw.pattern !== 'clause' && raw.pattern !== 'quote-cue-before')) continue;
    if (innerReport(body, raw, qi)) continue;
    // "Varga's warning that “…”" read as a verb with the subject "Varga's": the possessor holds it.
    const cueTok = raw.cue ? tokenize(body, raw.cue[0], raw.cue[1])[0] : undefined;
    if (cueTok && /^['\u2019]s?\s/.test(body.slice(raw.source[1], raw.source[1] + 3)) && STANCE_NOUNS.has(cueTok.lower) && tokenize(body, raw.source[1], raw.cue?.[0] ?? 0).length <= 3) {
      raw.owner = raw.source;
      continue;
    }
    const q0 = Math.min(...raw.quoted.map(([a]) => a));
    const from = raw.source[1];
    if (from >= q0 || q0 - from > 300) continue;
    const gap = body.slice(from, q0);
    // Narration only, within one sentence: another quotation or a full stop in between means the
    // quotation is not this noun's complement.
    if (/[.!?;]\s|\n/.test(gap)) continue;
    const toks = tokenize(body, from, q0);
    if (toks.some((x) => qi.at(x.start))) continue;
    const found = possessedNoun(body, toks) ?? sourcedText(body, toks, q0);
    if (!found) continue;
    const { possessor, noun, pronoun } = found;
    const tail = toks.filter((x) => x.start > noun.start);
    const tailText = body.slice(noun.end, q0);
    // The quotation must be what the noun holds: right after it (":", ",", a dash) or in its
    // complement ("that …", "to …"), with no report of its own in between ("her claim that
    // Smith said “…”" is Smith's).
    // Punctuation, not juxtaposition: in "said the court's decision “will force us …”" the
    // quotation is the predicate of a clause the noun is the subject of.
    const direct = /^\s*(?:[:,\u2014\u2013]|-{1,2})\s*$/.test(tailText);
    const linked = tail.length > 0 && COMPLEMENT_LINK.test((tail[0] as Token).lower) && tail.length <= 12 && !/[:\u2014\u2013]/.test(tailText);
    if (!direct && !linked) continue;
    // A report that shows the noun phrase ("blasted Trump's call for a “deportation force”",
    // "called Ford's plans “a disgrace”") is the subject's stance on it, read as such; only a
    // report of the complement alone ("rejected her claim that “…”" → "that “…”") puts the
    // possessor's words in the subject's mouth.
    if (raw.content[0] < noun.end) continue;
    if (tail.some((x) => SPEECH_VERBS.has(x.lower) || MIXED_VERBS.has(x.lower))) continue;
    // The report ends with the noun's quotation: in "cited Trump's references to her as “Miss
    // Piggy” as examples of …" the subject's own words go on after it.
    const qEnd = Math.max(...raw.quoted.map(([, b]) => b));
    if (tokenize(body, qEnd, raw.content[1]).filter((x) => !qi.at(x.start)).length > 3) continue;
    // The noun is the object of the statement's verb: its cue stands between the subject and the
    // possessor, or is the colon right after the noun.
    const cue = raw.cue;
    if (!cue || !((cue[0] >= from && cue[1] <= possessor[0]) || cue[0] >= noun.end)) continue;
    if (tokenize(body, from, possessor[0]).length > 8) continue;
    raw.owner = possessor;
    if (pronoun) raw.ownerPronoun = pronoun;
  }
}

/** Verbs that hand quoted words to their own subject: speech, and naming ("called it “a farce”"). */
const NAMING = /^(?:call|calls|called|calling|dub|dubs|dubbed|label|labels|labeled|labelled|brand|brands|branded|describe|describes|described)$/;
/** What a document, study or poll that holds quoted words does ("a report which found “…”"). */
const FINDING = /^(?:found|finds|concluded|concludes|showed|shows|stated|states|read|reads|declared|declares)$/;

/**
 * A report inside the content that holds the quotation, with a subject of its own: "Berg said
 * Varga had told him “…”", "said Varga called the plan “a disaster”", "cited a report which said
 * “…”", "quoted Varga as saying “…”". Marks `raw.owner` with that subject (for a relative pronoun,
 * the noun phrase it hangs on) and returns true.
 */
function innerReport(body: string, raw: RawStatement, qi: QuoteIndex): boolean {
  if (raw.pattern !== 'clause') return false;
  const q0 = Math.min(...raw.quoted.map(([a]) => a));
  // From the cue on: "pointed to a study that found “…”" reports from "that".
  const from = raw.cue && raw.cue[1] <= raw.content[0] ? raw.cue[1] : raw.content[0];
  if (from >= q0 || q0 - from > 300) return false;
  const toks = tokenize(body, from, q0);
  if (toks.some((x) => qi.at(x.start)) || /[.!?;]\s|\n|[\u2014\u2013\u2015]|\s-{1,2}\s/.test(body.slice(from, q0))) return false;
  // The report ends with the quotation ("… as examples of his …" goes on in the outer voice).
  const qEnd = Math.max(...raw.quoted.map(([, b]) => b));
  if (tokenize(body, qEnd, raw.content[1]).filter((x) => !qi.at(x.start)).length > 3) return false;
  // The last verb before the quotation that hands words to its subject.
  for (let v = toks.length - 1; v >= 0; v--) {
    const t = toks[v] as Token;
    const prev = toks[v - 1];
    const asSaying = /^(?:saying|telling|writing|declaring|calling)$/.test(t.lower) && prev?.lower === 'as';
    const speech = STRONG_SPEECH_VERBS.has(t.lower);
    if (t.cap || (!speech && !NAMING.test(t.lower) && !FINDING.test(t.lower) && !asSaying)) continue;
    // A noun ("Trump's remarks", "the call"), or "called on/for" (urging, not naming): no report.
    if (prev && (prev.possessive || (NOUN_MARKERS.has(prev.lower) && prev.lower !== 'that'))) return false;
    if (/^(?:on|for|upon|in|off|up|back)$/.test(toks[v + 1]?.lower ?? '')) return false;
    // Nothing but the verb's object (at most a few words) between it and the quotation: in "the
    // letter Mike wrote was “kind”" the quotation is the predicate of another verb.
    if (toks.slice(v + 1).some((x) => FINITE.test(x.lower)) || toks.length - v > 5) return false;
    const subject = asSaying ? quotedAs(body, toks, v - 1, from) : reportSubject(body, toks, v, from);
    if (!subject || (raw.source && subject[0] < raw.source[1] && subject[1] > raw.source[0])) return false;
    raw.owner = subject;
    const words = tokenize(body, subject[0], subject[1]);
    if (words.length === 1 && PRONOUN_LABEL[(words[0] as Token).lower]) raw.ownerPronoun = (words[0] as Token).lower;
    return true;
  }
  return false;
}

/** "quoted Varga as saying", "quoted him as saying": the object right before "as" (`toks[a]`). */
function quotedAs(body: string, toks: Token[], a: number, from: number): [number, number] | null {
  const np = backNP(body, toks.slice(0, a), from);
  const f = np[0];
  if (!f || (!f.cap && !/^(?:him|her|them|the|a|an|one)$/.test(f.lower))) return null;
  return [f.start, (np[np.length - 1] as Token).end];
}

/**
 * The subject of the report verb `toks[v]` inside a content: a name or a personal pronoun right
 * before it ("Varga had told him", "what Gilbert called"), or the thing a relative pronoun hangs
 * on when it is no person ("a report which said", "a headline that read"). Null otherwise: a
 * participle after a common noun ("the loophole called an “inversion”") names nobody's words,
 * and a progressive ("were calling") is no naming.
 */
function reportSubject(body: string, toks: Token[], v: number, from: number): [number, number] | null {
  const t = toks[v] as Token;
  let b = v;
  while (b > 0 && AUXILIARIES.has((toks[b - 1] as Token).lower)) b--;
  if (b < v && NAMING.test(t.lower) && /^(?:is|are|was|were|been|being)$/.test((toks[v - 1] as Token).lower)) return null;
  const before = toks.slice(0, b);
  const last = before[before.length - 1];
  if (!last || /,/.test(body.slice(last.end, (toks[b] as Token).start))) return null;
  if (/^(?:which|that)$/.test(last.lower)) {
    const np = backNP(body, before.slice(0, -1), from);
    const head = np[np.length - 1];
    if (!head || head.cap || PRONOUN_LABEL[head.lower] || !/^(?:a|an|the|one|another|this)$/.test((np[0] as Token).lower)) return null;
    return [(np[0] as Token).start, head.end];
  }
  if (FINDING.test(t.lower) && !STRONG_SPEECH_VERBS.has(t.lower)) return null;
  const np = backNP(body, before, from);
  const f = np[0];
  // A speech verb's subject may be any noun phrase ("voters told him “…”"); a naming verb's must
  // be a name or a pronoun.
  if (!f || (!f.cap && !/^(?:he|she|they)$/.test(f.lower) && !STRONG_SPEECH_VERBS.has(t.lower))) return null;
  return [f.start, (np[np.length - 1] as Token).end];
}

/** The first possessed stance noun among `toks` (at most a few words in): its possessor and noun. */
function possessedNoun(body: string, toks: Token[]): { possessor: [number, number]; noun: Token; pronoun?: string } | null {
  for (let k = 0; k < Math.min(toks.length, 9); k++) {
    const t = toks[k] as Token;
    let end = -1;
    let possessor: [number, number] | null = null;
    let pronoun: string | undefined;
    if (POSSESSIVE_PRONOUN.test(t.lower) && !t.possessive) {
      possessor = [t.start, t.end];
      pronoun = t.lower;
      end = k;
    } else if (t.lower === 'the' && toks[k + 1]?.cap && !toks[k + 1]?.possessive) {
      // "the Varga claim", "the White House statement": a name used as the noun's modifier.
      let j = k + 1;
      while (j + 1 < toks.length && j - k < 3 && (toks[j + 1] as Token).cap && !(toks[j] as Token).possessive) j++;
      const noun = toks[j + 1];
      if (noun && !noun.cap && !(toks[j] as Token).possessive && (STANCE_NOUNS.has(noun.lower) || TEXT_NOUNS.test(noun.lower)) && /^\s+$/.test(body.slice((toks[j] as Token).end, noun.start))) {
        return { possessor: [(toks[k + 1] as Token).start, (toks[j] as Token).end], noun };
      }
      continue;
    } else {
      // "Varga's", "the minister's", "the mayor's critics'": the possessive phrase starting here.
      for (let j = k; j < Math.min(toks.length, k + 6); j++) {
        const x = toks[j] as Token;
        const apostrophe = /^['\u2019]\s/.test(body.slice(x.end, x.end + 2));
        if (!x.possessive && !apostrophe) continue;
        const np = possessorPhrase(body, toks, j);
        if (np && np[0] === t.start) {
          possessor = np;
          end = j;
        }
        break;
      }
    }
    if (!possessor) continue;
    let n = end + 1;
    while (n < toks.length && n - end <= 3 && !STANCE_NOUNS.has((toks[n] as Token).lower) && !TEXT_NOUNS.test((toks[n] as Token).lower) && modifier((toks[n] as Token).lower) && !(toks[n] as Token).cap) n++;
    const noun = toks[n];
    if (!noun || noun.cap || (!STANCE_NOUNS.has(noun.lower) && !TEXT_NOUNS.test(noun.lower))) return null;
    return { possessor, noun, ...(pronoun ? { pronoun } : {}) };
  }
  return null;
}

/** Nouns for words somebody wrote or spoke, whose author is their possessor ("Varga's words: “…”"). */
const TEXT_NOUNS = /^(?:words?|letters?|tweets?|messages?|posts?|notes?|speech(?:es)?|e-?mails?|texts?|memos?|columns?|essays?|op-eds?|leaflets?|headlines?|captions?|slogans?)$/;

/**
 * "read a statement from the council: “…”", "echoed the words of Varga: “…”", "rejected claims by
 * Varga that “…”", "the claim, made by Varga, that “…”": a text or stance noun whose author
 * follows it after "from", "of" or "by", right before the quotation (after a colon or comma) or
 * its "that"/"to". The author stands as the possessor; `noun` is the author's last word.
 */
function sourcedText(body: string, toks: Token[], q0: number): { possessor: [number, number]; noun: Token; pronoun?: string } | null {
  for (let k = 0; k < Math.min(toks.length - 2, 9); k++) {
    const t = toks[k] as Token;
    if (t.cap || (!TEXT_NOUNS.test(t.lower) && !STANCE_NOUNS.has(t.lower))) continue;
    let p = k + 1;
    // ", made by Varga,": a participle of putting words forward between the noun and its author.
    if (/^(?:made|issued|voiced|offered|posted|written|sent|signed)$/.test(toks[p]?.lower ?? '') && /^,\s*$/.test(body.slice(t.end, (toks[p] as Token).start))) p++;
    if (!/^(?:from|of|by)$/.test(toks[p]?.lower ?? '')) continue;
    let author = toks.slice(p + 1);
    const link = author.findIndex((x) => /^(?:that|to)$/.test(x.lower));
    if (link >= 0) {
      if (link !== author.length - 1) return null;
      author = author.slice(0, link);
    }
    const last = author[author.length - 1];
    const first = author[0];
    if (!last || !first || author.length > 5 || /[,;]/.test(body.slice(first.start, last.end))) return null;
    const after = body.slice(last.end, link >= 0 ? (toks[p + 1 + link] as Token).start : q0);
    if (link >= 0 ? !/^\s*,?\s*$/.test(after) : !/^\s*[:,]\s*$/.test(after)) return null;
    return { possessor: [first.start, last.end], noun: last };
  }
  return null;
}

/**
 * The source of a statement marked by `markPossessedQuotes`, given `r`, what its subject resolved
 * to. The possessor and the subject agree ("He repeated his promise", "Berg defended Berg's
 * plan") → `r`. They differ → the possessor when it is one person, else nobody (labelled by the
 * possessor's words). Whether they agree cannot be told (a subject of unknown gender and "her")
 * → nobody: abstaining is honest, a guess is not.
 */
export function possessedSource(st: ResolveState, raw: RawStatement, index: number, r: Resolved): Resolved {
  const poss = raw.owner;
  if (!poss) return r;
  const subject = r.speaker;
  const subjectWords = raw.source ? tokenize(st.body, raw.source[0], raw.source[1]) : [];
  const pronoun = raw.ownerPronoun;
  const abstain = (label: string): Resolved => ({ speaker: null, label, source: poss });
  if (pronoun) {
    const label = PRONOUN_LABEL[pronoun] ?? pronoun;
    const single = subjectWords.length === 1 && PRONOUNS[(subjectWords[0] as Token).lower];
    if (!PRONOUNS[pronoun]?.gender) {
      // "their"/"its" never stand for one person: with a person as the subject the words are
      // somebody else's, and the engine does not resolve "they" or "it".
      const personSubject = !!subject || (!!single && !!single.gender);
      return personSubject ? abstain(label) : r;
    }
    const gender = PRONOUNS[pronoun]?.gender;
    const head = (subjectWords[subjectWords.length - 1]?.lower ?? '');
    const subjectGender = subject?.gender ?? (single ? single.gender : undefined) ?? ROLE_GENDER[head];
    if (subjectGender && subjectGender === gender) return r;
    if (!subjectGender && (subject || single)) return abstain(label);
    // Somebody else's: the pronoun's own antecedent, never the subject.
    const exclude = new Set<Person>(subject ? [subject] : []);
    const p = resolvePronoun(st.history, poss[0], raw.sentence, gender, exclude);
    if (!p) return abstain(label);
    st.note(p, poss[0], poss[1], (st.sentences[raw.sentence] as Sentence).para);
    return { speaker: p, label: p.name, source: poss };
  }
  // A possessive name or description: resolved like a source of its own.
  const owner = resolveSource(st, { ...raw, source: poss, noun: true, owner: undefined }, index);
  if (owner.speaker && owner.speaker === subject) return r;
  if (owner.speaker) return owner;
  return abstain(owner.label);
}
