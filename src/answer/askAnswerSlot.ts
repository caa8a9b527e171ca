/**
 * Answer-slot evidence for `/ask` (issue #15, SQuAD's "right paragraph, wrong sentence" misses):
 * features that tell the answering sentence from its neighbours, which share the question's words.
 *
 * - `slot`: a "what/which NOUN" question whose head noun names a thing with a proper name ("What
 *   team …", "Which network …", "What film …", "What is the name of …") wants a capitalised name
 *   the question does not hold; the feature is that name's presence, halved every few words of
 *   distance from the question's matched words (crowd-written questions are answered beside
 *   their own words, and SQuAD answers never repeat the question's words).
 * - `beside`: the answer where the question's shape puts it — "How many games …" is answered by
 *   a number right before "games", "Who led …" / "What team won …" by a name right before the verb.
 *
 * Each is a named field of the candidate features (askCandidates.ts) with its own weight; both are
 * weighed 0 today: refitted, neither moved the tune or the held-out half (docs/ask-log.md, "The right
 * paragraph, the wrong sentence").
 */
import { words } from '../text/words';

/** The kind of proper name a "what/which NOUN" question asks for, or none. */
export type Slot = 'named' | 'none';

/**
 * Head nouns of "what/which NOUN" whose answer is a proper name (an organisation, a work, a title,
 * a language), in the singular; a plural "s" is accepted.
 */
const NAMED_NOUNS = new Set(
  ('team club league conference division company corporation firm business brand manufacturer network channel station broadcaster ' +
    'newspaper magazine publication film movie show series programme program trailer song album book novel poem play opera band group ' +
    'organization organisation agency institution university college school church party dynasty empire army tribe clan ' +
    'award trophy prize title name language religion ship airline hotel hospital museum stadium arena festival event ' +
    'sponsor publisher studio label website game franchise').split(' '),
);

/** Words that end the head-noun search: verbs, auxiliaries, prepositions. */
const STOP_HEAD = new Set('is was are were did does do has have had will would can could should may might of in on at for to by with from that who which'.split(' '));

/**
 * The slot a question asks to fill: `named` when the noun after "what" / "which" (up to three words
 * before its verb: "What beverage company signed …", "What Lionsgate trailer was …") or after
 * "what is the" ("What is the name of …") is a kind of thing with a proper name.
 */
export function answerSlot(question: string): Slot {
  const ws = words(question).map((w) => w.norm);
  for (let i = 0; i < ws.length; i++) {
    if (ws[i] !== 'what' && ws[i] !== 'which') continue;
    let j = i + 1;
    // "What was the name of …", "Which is the team …".
    if (/^(?:is|was|are|were)$/.test(ws[j] ?? '') && ws[j + 1] === 'the') j += 2;
    for (let k = j; k < Math.min(ws.length, j + 3); k++) {
      const w = ws[k]!;
      if (STOP_HEAD.has(w)) break;
      if (NAMED_NOUNS.has(w) || (w.endsWith('s') && NAMED_NOUNS.has(w.slice(0, -1)))) return 'named';
    }
    return 'none';
  }
  return 'none';
}

/** Capitalised runs (a sentence's first word alone excluded), as candidate names. */
const NAME = /(?:\p{Lu}[\p{L}\d\-'’.]*)(?:\s+(?:of|the|de|von|van|al|and|for|with)?\s*[\p{Lu}\d][\p{L}\d\-'’.]*)*/gu;

/** Words over which nearness halves. */
const NEAR_WORDS = 4;

/**
 * `slot`: 1 when `text` (a sentence) holds a capitalised name with a word the question does not
 * hold, discounted by its distance in words from the nearest matched question word (`marks`,
 * sentence offsets); 0 without one. `fresh(norm)` says a word is not the question's.
 */
export function slotEvidence(text: string, marks: ReadonlyArray<readonly [number, number]>, fresh: (norm: string) => boolean): number {
  const tokens = words(text);
  const wordAt = (offset: number) => {
    let i = 0;
    while (i < tokens.length && tokens[i]!.end <= offset) i++;
    return i;
  };
  const marked = marks.map(([a, b]) => [wordAt(a), wordAt(Math.max(a, b - 1))] as const);
  let best = 0;
  NAME.lastIndex = 0;
  for (const m of text.matchAll(NAME)) {
    if (m.index === 0 && !/\s/.test(m[0])) continue;
    // A sentence's first word is capitalised anyway ("Yesterday the Harbour Rovers …"): not a name.
    if (!words(m[0]).some((w, i) => (i > 0 || m.index > 0) && w.norm.length > 1 && fresh(w.norm))) continue;
    if (marked.length === 0) {
      best = Math.max(best, 0.25);
      continue;
    }
    const [from, to] = [wordAt(m.index), wordAt(m.index + m[0].length - 1)];
    let d = Infinity;
    for (const [a, b] of marked) d = Math.min(d, a > to ? a - to - 1 : from > b ? from - b - 1 : 0);
    best = Math.max(best, Math.pow(0.5, d / NEAR_WORDS));
  }
  return best;
}

/**
 * Where a question's answer stands next to one of its own words: `count` — "How many games …" is
 * answered by a number just before "games" ("lost four games"); `subject` — "Who led …", "What
 * team won …" by a name just before the verb ("Kawann Short led …"). `term` is the index of that
 * word among the question's terms.
 */
export interface SlotCue {
  kind: 'count' | 'subject';
  term: number;
}

const AUX = new Set('is was are were be been being am'.split(' '));
const MODAL = new Set('has have had will would can could may might should'.split(' '));
/** Past forms that do not end in "-ed", for "What team won …". */
const IRREGULAR_PAST = new Set(
  ('won lost led beat took made gave held became began wrote built sold bought met ran hit threw caught kept left brought found ' +
    'fought told said sent set went came got drew chose rose fell grew knew saw spoke stood struck taught thought wore paid').split(' '),
);

/** The question's slot cue, if its shape has one (see `SlotCue`); `terms` are its content words. */
export function slotCue(question: string, terms: ReadonlyArray<{ start: number }>): SlotCue | undefined {
  const ws = words(question);
  const termAt = (k: number) => (k < ws.length ? terms.findIndex((t) => t.start === ws[k]!.start) : -1);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!.norm;
    if (w === 'how' && (ws[i + 1]?.norm === 'many' || ws[i + 1]?.norm === 'much')) {
      const t = termAt(i + 2);
      return t >= 0 ? { kind: 'count', term: t } : undefined;
    }
    if (w === 'who') {
      let k = i + 1;
      if (MODAL.has(ws[k]?.norm ?? '')) k++;
      if (AUX.has(ws[k]?.norm ?? '')) return undefined;
      const t = termAt(k);
      return t >= 0 ? { kind: 'subject', term: t } : undefined;
    }
    if (w === 'what' || w === 'which') {
      // "What team won …", "Which NFL team represented …": one or two words, then a past verb.
      for (let k = i + 2; k <= i + 3 && k < ws.length; k++) {
        const v = ws[k]!.norm;
        if (AUX.has(v) || MODAL.has(v) || STOP_HEAD.has(v)) return undefined;
        if (v.endsWith('ed') || IRREGULAR_PAST.has(v)) {
          const t = termAt(k);
          return t >= 0 ? { kind: 'subject', term: t } : undefined;
        }
      }
      return undefined;
    }
  }
  return undefined;
}

/** A sentence's capitalised first word that is no name ("The", "In", "However"). */
const SENTENCE_OPENERS = new Set('the a an in on at for after before during while when this that these those it he she they his her their its but and however although'.split(' '));

const NUMBER_WORD = /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|several|dozens?|hundreds|thousands|millions)$/;

/**
 * The cue's evidence in one sentence (words `from`–`to` of the paragraph's words `ws`, `matches`
 * their match to each question term, `text` the paragraph): 1 when an answer of the cue's kind
 * stands right before a word matching the cue's term, 1/2 or 1/3 a word or two further; 0 without.
 * The answer must not be one of the question's words (`fresh`).
 */
export function slotBeside(
  cue: SlotCue,
  ws: ReadonlyArray<{ norm: string; start: number }>,
  matches: ReadonlyArray<readonly number[] | undefined>,
  text: string,
  from: number,
  to: number,
  fresh: (norm: string) => boolean,
): number {
  const reach = cue.kind === 'count' ? 2 : 3;
  let best = 0;
  for (let j = from; j < to; j++) {
    if (!((matches[j]?.[cue.term] ?? 0) > 0)) continue;
    for (let d = 1; d <= reach && j - d >= from; d++) {
      const w = ws[j - d]!;
      if (!fresh(w.norm)) continue;
      const hit = cue.kind === 'count' ? NUMBER_WORD.test(w.norm) : /\p{Lu}/u.test(text[w.start] ?? '') && !(j - d === from && SENTENCE_OPENERS.has(w.norm));
      if (hit) {
        best = Math.max(best, 1 / d);
        break;
      }
    }
  }
  return best;
}
