/**
 * Time agreement for `/ask`: a question about now ("What talks are going on right now?") is
 * answered by a sentence in the present ("talks … are taking place"), a question about the future
 * ("When will Brandt be sworn in?") by one about what is to come ("He is expected to be sworn in on
 * March 18"), and a question about the past ("When was the war fought?") by one in the past —
 * not by a sentence holding the same words in another time ("On Sunday, the envoys had engaged in
 * talks …").
 *
 * Read without a parse: a question's time from its time words ("now", "currently", "today") and
 * auxiliaries ("will", "is expected to", "did", "was"); a sentence's from its auxiliaries and from
 * its plain verbs' most frequent part of speech in wink-lexicon ("met", "lost" past; "takes",
 * "plays" present). A verb the lexicon calls a participle first ("named", "engaged") or a noun
 * first ("talks", "views") is not read, and a sentence with no time read stays neutral (0), as one
 * in another time. Verbs of speaking are not read: the "said" of reported speech does not make a
 * statement about now a past one.
 */
import { posTags } from '../analysis/lexicon/cueStem';
import { SPEECH_VERBS } from '../analysis/lexicon/index';
import type { Word } from '../text/words';

/** The time a question asks about, or a sentence's auxiliaries speak of. */
export type Time = 'past' | 'present' | 'future';

const FUTURE = new Set(['will', 'shall', "won't", "shan't"]);
const PRESENT = new Set(['is', 'are', 'am', "isn't", "aren't", 'has', 'have', "hasn't", "haven't", 'does', 'do', "doesn't", "don't"]);
const PAST = new Set(['was', 'were', "wasn't", "weren't", 'had', "hadn't", 'did', "didn't"]);
const AUX = new Set([...FUTURE, ...PRESENT, ...PAST, 'be', 'been', 'being', 'would', 'could', 'should', 'might', 'may', 'can', 'must']);
/** Words that say the question is about now, whatever its verb. */
const NOW = new Set(['now', 'currently', 'today', 'nowadays', 'presently']);
/** "is expected to", "are due to", "was set to": what is to come, whatever the auxiliary's own tense. */
const TO_COME = new Set(['expected', 'due', 'set', 'scheduled', 'going', 'about', 'poised', 'planning', 'slated']);

/** The time the auxiliary at `ws[i]` speaks of, or undefined; "is expected to" and "'ll" count as future. */
function timeAt(ws: readonly Word[], i: number, to: number): Time | undefined {
  const w = ws[i]!.norm;
  if (FUTURE.has(w) || w.endsWith("'ll")) return 'future';
  const present = PRESENT.has(w);
  if (!present && !PAST.has(w)) return undefined;
  if (i + 2 < to && TO_COME.has(ws[i + 1]!.norm) && ws[i + 2]!.norm === 'to') return 'future';
  return present ? 'present' : 'past';
}

/**
 * The time a plain verb at `ws[i]` is told in, by its most frequent part of speech
 * (wink-lexicon): "met", "lost" past (VBD), "takes", "plays" present (VBZ). After an auxiliary it
 * is a participle, already read there; a verb of speaking frames what was said, in whatever time.
 */
function verbTimeAt(ws: readonly Word[], i: number, from: number): Time | undefined {
  const w = ws[i]!.norm;
  if (SPEECH_VERBS.has(w) || (i > from && AUX.has(ws[i - 1]!.norm))) return undefined;
  const tag = posTags(w)[0];
  return tag === 'VBD' ? 'past' : tag === 'VBZ' ? 'present' : undefined;
}

/**
 * The time `ws` (a question's words) asks about: now only when it says so ("right now",
 * "currently"); else the future for its first "will" or "is expected to", the past for its first
 * "did", "was", "had". A present auxiliary is not read as now: "Who is Jake Sullivan?" and "What
 * does Moon say?" ask about no time, and "Why are the fares going up?" about what is to come as
 * much as about now. Undefined when it asks about none.
 */
export function questionTime(ws: readonly Word[]): Time | undefined {
  if (ws.some((w) => NOW.has(w.norm))) return 'present';
  for (let i = 0; i < ws.length; i++) {
    const t = timeAt(ws, i, ws.length);
    if (!t) continue;
    // "When is the bridge expected to open?": the subject stands between the auxiliary and "expected to".
    if (t !== 'future' && ws.slice(i + 2, i + 6).some((w, k) => TO_COME.has(w.norm) && ws[i + 3 + k]?.norm === 'to')) return 'future';
    if (t !== 'present') return t;
  }
  return undefined;
}

/**
 * The share of the auxiliaries of words [from, to) of `ws` that speak of `time` (0 when there is
 * none): how far the sentence is told in the question's time.
 */
export function timeAgreement(time: Time, ws: readonly Word[], from: number, to: number): number {
  let all = 0;
  let agree = 0;
  for (let i = from; i < to; i++) {
    const t = timeAt(ws, i, to) ?? verbTimeAt(ws, i, from);
    if (!t) continue;
    all++;
    if (t === time) agree++;
    // "is expected to": one marker, not "is" and then "expected".
    if (t === 'future' && !FUTURE.has(ws[i]!.norm) && !ws[i]!.norm.endsWith("'ll")) i += 2;
  }
  return all > 0 ? agree / all : 0;
}
