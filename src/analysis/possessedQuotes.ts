/**
 * Quotations inside somebody else's words: "Tomas Berg rejected her claim that “…”", "Berg
 * dismissed Varga's warning: “…”". The quotation is the complement of a stance noun the verb's
 * subject only handles; whose words they are is the noun's possessor. When the possessor is the
 * subject ("He repeated his promise to “…”") nothing changes; when it is somebody else the
 * possessor is credited if it resolves to one person, else the statement names nobody. Never the
 * subject: that is the confident wrong name this module exists to prevent.
 */
import { PRONOUNS, SPEECH_VERBS } from './lexicon';
import { MIXED_VERBS } from './lexicon/cueWords';
import { modifier, possessorPhrase, STANCE_NOUNS } from './nounFrames';
import { resolvePronoun } from './pronouns';
import { resolveSource, type Resolved, type ResolveState } from './resolveSource';
import { ROLE_GENDER } from './sourceLabels';
import type { RawStatement } from './statement';
import type { Person } from './speakers';
import type { QuoteIndex, Sentence } from '../text/structure';
import { type Token, tokenize } from '../text/tokens';

const POSSESSIVE_PRONOUN = /^(?:his|her|their|its)$/;
/** The readable label of an unresolved possessive pronoun ("her" → "she"). */
const PRONOUN_LABEL: Record<string, string> = { his: 'he', her: 'she', their: 'they', its: 'it' };
/** Words that may join a stance noun to the quotation it holds: "claim that “…”", "promise to “…”". */
const COMPLEMENT_LINK = /^(?:that|to)$/;

/**
 * Marks every statement whose quotation sits in the complement of a possessed stance noun that is
 * the object of the statement's own cue ("rejected her claim that “…”", "dismissed Varga's
 * warning: “…”"): `raw.possessor` becomes the possessor's words ("her", "Varga"), which
 * `possessedSource` weighs against the subject once people are known.
 */
export function markPossessedQuotes(body: string, raws: RawStatement[], qi: QuoteIndex): void {
  for (const raw of raws) {
    if (!raw.source || !raw.quoted.length || raw.noun || (raw.pattern !== 'clause' && raw.pattern !== 'quote-cue-before')) continue;
    // "Varga's warning that “…”" read as a verb with the subject "Varga's": the possessor holds it.
    const cueTok = raw.cue ? tokenize(body, raw.cue[0], raw.cue[1])[0] : undefined;
    if (cueTok && /^['\u2019]s?\s/.test(body.slice(raw.source[1], raw.source[1] + 3)) && STANCE_NOUNS.has(cueTok.lower) && tokenize(body, raw.source[1], raw.cue?.[0] ?? 0).length <= 3) {
      raw.possessor = raw.source;
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
    const found = possessedNoun(body, toks);
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
    raw.possessor = possessor;
    if (pronoun) raw.possessorPronoun = pronoun;
  }
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
    while (n < toks.length && n - end <= 3 && !STANCE_NOUNS.has((toks[n] as Token).lower) && modifier((toks[n] as Token).lower) && !(toks[n] as Token).cap) n++;
    const noun = toks[n];
    if (!noun || noun.cap || !STANCE_NOUNS.has(noun.lower)) return null;
    return { possessor, noun, ...(pronoun ? { pronoun } : {}) };
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
  const poss = raw.possessor;
  if (!poss) return r;
  const subject = r.speaker;
  const subjectWords = raw.source ? tokenize(st.body, raw.source[0], raw.source[1]) : [];
  const pronoun = raw.possessorPronoun;
  const abstain = (label: string): Resolved => ({ speaker: null, label, source: poss });
  if (pronoun) {
    const label = PRONOUN_LABEL[pronoun] ?? pronoun;
    const single = subjectWords.length === 1 && PRONOUNS[(subjectWords[0] as Token).lower];
    if (pronoun === 'their' || pronoun === 'its') {
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
  const owner = resolveSource(st, { ...raw, source: poss, noun: true, possessor: undefined }, index);
  if (owner.speaker && owner.speaker === subject) return r;
  if (owner.speaker) return owner;
  return abstain(owner.label);
}
