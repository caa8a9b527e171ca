/**
 * Cues that a capitalised run names no person: a first name that is also an ordinary word, a
 * phrase in German, a place word inside the run, an organisation appositive, a name only ever
 * quoted, a team or a people named in the plural. `names.ts` classifies runs with them;
 * `attribute.ts` asks `groupLikeName` before listing a weak name.
 */
import { AMBIGUOUS_HEADS, COMMON_FIRST_NAMES, FIRST_NAMES, PLACE_HEADS, ROLE_NOUNS, TITLES } from './lexicon';
import { posTags } from './lexicon/cueStem';
import type { Token } from '../text/tokens';
import { memoOnLast } from '../text/memoLast';

/**
 * A first name of the long lists that is also an ordinary English word ("Red", "Early", "Art",
 * "Law", "Free"): before other ordinary words it begins a phrase ("Red Cross", "Early Modern",
 * "Law Reform") far more often than a name, so it is no evidence of a person by itself.
 */
export function doubtfulFirstName(lower: string): boolean {
  return FIRST_NAMES.has(lower) && !COMMON_FIRST_NAMES.has(lower) && posTags(lower).some((t) => t !== 'NNP');
}

/** A first name that is evidence of a person: known, and not also an ordinary word. */
export function firstNameOf(lower: string): boolean {
  return FIRST_NAMES.has(lower) && !doubtfulFirstName(lower);
}

/**
 * Function words of German, the other language of the encyclopedic text seen ("Von den Juden und
 * Ihren Lügen", "Ach Gott, vom Himmel", "Der Stürmer"): a capitalised run next to one, or opening
 * with a capitalised article, is a title in that language, not a name. The name particles "von",
 * "der", "den" are left out: "Paul von Lettow", "James Van Der Beek".
 */
const FOREIGN_FUNCTION = new Set('und oder vom zum zur das dem des ein eine einer ist nicht mit auf unser unsere ihren ihre seine wir ich sich wie'.split(' '));
const FOREIGN_ARTICLE = /^(?:der|die|das)$/;

/** Whether the run `run` (tokens of `toks` from `runIndex`) sits in a phrase of another language. */
export function foreignPhrase(body: string, toks: Token[], runIndex: number, run: Token[]): boolean {
  const first = run[0] as Token;
  const next = run[1];
  if (next && FOREIGN_ARTICLE.test(first.lower) && body.slice(first.end, next.start) === ' ') return true;
  const before = toks[runIndex - 1];
  const after = toks[runIndex + run.length];
  return (!!before && !before.cap && FOREIGN_FUNCTION.has(before.lower)) || (!!after && !after.cap && FOREIGN_FUNCTION.has(after.lower)) || run.some((t) => FOREIGN_FUNCTION.has(t.lower));
}

/**
 * A place or building word inside a run, not at its end ("Royal Castle Curia Maior", "Park
 * Skaryszewski"), with no first name or title in the run: the run names a place. "Park" is also
 * a Korean surname ("Park Geun Hye", "Park Ji-sung"): only before one long, unhyphenated word.
 */
export function headInside(run: Token[]): boolean {
  if (run.length < 2 || run.some((t) => firstNameOf(t.lower) || TITLES.has(t.lower.replace(/\.$/, '')))) return false;
  // (Not "Bay Buchanan": a head word that is also a first name leads a name.)
  const head = run.slice(0, -1).findIndex((t) => PLACE_HEADS.has(t.lower) && (AMBIGUOUS_HEADS.has(t.lower) || !FIRST_NAMES.has(t.lower)));
  if (head < 0) return false;
  if (!AMBIGUOUS_HEADS.has((run[head] as Token).lower)) return true;
  const rest = run.slice(head + 1);
  return rest.length === 1 && (rest[0] as Token).text.length > 4 && !(rest[0] as Token).text.includes('-');
}

/**
 * Head nouns of an appositive that makes the name before it a firm or a body ("Base Titanium, a
 * subsidiary of …", "Kestrel, a British bank"): the organisation words of the lexicon that are
 * no place, and the kinds of business that are not among them.
 */
const ORG_APPOSITIVE = /^(?:company|firm|bank|subsidiary|corporation|conglomerate|manufacturer|retailer|airline|insurer|lender|brand|startup|newspaper|magazine|broadcaster|network|agency|charity|organisation|organization|group|band|team|club|party|union|association|foundation|fund|institute|university|college|school|think-tank)$/;

/**
 * What the appositive after the name ending at `end` says it is: an organisation (", a mining
 * company", ", a subsidiary of …") or a place (", the seat of …", ", a village in …"), or null.
 * Its head is the first such noun among its first four words, before any role noun or function
 * word ("a spokesman for the foundation" is a person), and ends the phrase: not a noun that
 * modifies a role ("the state party chairwoman", "the team's coach").
 */
export function appositiveKind(body: string, end: number): 'org' | 'place' | null {
  const m = /^,\s+(?:a|an|the)\s+/u.exec(body.slice(end, end + 6));
  if (!m) return null;
  const words = [...body.slice(end + m[0].length, end + 120).matchAll(/[\p{L}-]+|['\u2019]|[^\s\p{L}]/gu)].map((w) => w[0]);
  for (let i = 0; i < Math.min(4, words.length); i++) {
    const w = words[i] as string;
    if (!/^[\p{L}-]+$/u.test(w) || APPOSITIVE_STOP.test(w) || ROLE_NOUNS.has(w)) return null;
    const kind = ORG_APPOSITIVE.test(w) ? 'org' : PLACE_KIND.test(w) || PLACE_APPOSITIVE.test(w) ? 'place' : null;
    if (!kind) continue;
    const next = words[i + 1];
    if (!next || APPOSITIVE_STOP.test(next)) return kind;
    if (/^['\u2019]$/.test(next)) return null;
    // A noun after it, or a word the lexicon lacks ("chairwoman"), is the head it modifies.
    const tags = /^\p{Ll}/u.test(next) ? posTags(next) : [];
    return /^\p{Ll}/u.test(next) && (tags.length === 0 || (tags[0] ?? '').startsWith('NN') || ROLE_NOUNS.has(next)) ? null : kind;
  }
  return null;
}

/** Words that end an appositive's head ("a subsidiary of", "a village in", "a firm that"). */
const APPOSITIVE_STOP = /^(?:of|in|for|at|on|near|from|with|that|which|who|whose|and|or|based|owned|founded|headquartered|run|listed|known)$/;

/** Place nouns of an appositive that are not kinds of place taking "of" ("the seat of …"). */
const PLACE_APPOSITIVE = /^(?:seat|constituency|riding|electorate)$/;

/**
 * Nouns for a kind of place that take the place's name after "of" ("the village of Zelin", "the
 * district of Wola"): what follows them is a place, never a person, whatever its words.
 */
export const PLACE_KIND = /^(?:village|town|city|district|province|region|county|island|islands|kingdom|duchy|principality|municipality|parish|port|borough|suburb|commune|canton|prefecture|oblast|governorate|emirate|sultanate|republic)$/;

/**
 * A name the text only ever writes as a whole quotation ("pieces “Ave Maria” and …"): the title of
 * a work. Written unquoted elsewhere too ("the title “Wang Khan”", then "Wang Khan (his ally)"),
 * it names someone; so does one opening with a common first name ("wrote in “Ralph Nader”"),
 * which the caller checks.
 */
export function onlyQuoted(body: string, start: number, end: number): boolean {
  const text = body.slice(start, end);
  const quoted = (at: number): boolean => /["\u201C\u2018]$/.test(body.slice(Math.max(0, at - 1), at)) && /^[,.!?]?["\u201D\u2019]/.test(body.slice(at + text.length, at + text.length + 2));
  if (!quoted(start)) return false;
  for (let at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + 1)) if (!quoted(at)) return false;
  return true;
}

/**
 * Whether a name with no first name reads as a people's, a state's or a group's name rather than
 * a person's: its last word is the singular of a people the text names ("Khamag Mongol" beside
 * "the Mongols") or the plural of a capitalised word it writes ("Mongol Khans" beside "Khan").
 */
export function groupLikeName(body: string, tokens: string[]): boolean {
  const last = tokens[tokens.length - 1] ?? '';
  if (tokens.length < 2 || tokens.some((t) => firstNameOf(t.toLowerCase()))) return false;
  if (pluralPeoples(body).has(`${last}s`)) return true;
  return /\p{Ll}[^su'\u2019]s$/u.test(last) && capitalisedWords(body).has(last.slice(0, -1));
}

/**
 * Capitalised plurals that name a people, a tribe or a family in this text: written after "the"
 * ("the Varangs", "the Mongols") and in the singular elsewhere ("a Varang chief", "Mongol
 * tribes"). No single person is called by one; a surname with an -s ("Edwards") is neither written
 * "the Edwards" nor also without its -s in the same article, as a rule.
 */
export const pluralPeoples = memoOnLast((body: string): Set<string> => {
  const set = new Set<string>();
  const caps = capitalisedWords(body);
  for (const m of body.matchAll(/\b[Tt]he (\p{Lu}\p{Ll}+s)(?![\p{L}'\u2019-])/gu)) {
    const w = m[1] as string;
    if (!/(?:ss|us|is)$/.test(w) && caps.has(w.slice(0, -1))) set.add(w);
  }
  return set;
});

/** The capitalised words of the text, each standing alone as a word. */
const capitalisedWords = memoOnLast((body: string): Set<string> => {
  const caps = new Set<string>();
  for (const m of body.matchAll(/(?<![\p{L}'\u2019-])\p{Lu}\p{Ll}+(?![\p{L}'\u2019-])/gu)) caps.add(m[0]);
  return caps;
});

/**
 * Capitalised plurals the text writes alone after "the" as a noun phrase of their own ("the
 * Panthers finished", "the Guards marched"; not "the Sanders campaign" nor a possessive): a team,
 * a unit or a people. A person is never "the Sanders".
 */
export const standalonePlurals = memoOnLast((body: string): Set<string> => {
  const set = new Set<string>();
  for (const m of body.matchAll(/\b[Tt]he (\p{Lu}\p{Ll}+s)(?![\p{L}'\u2019-])/gu)) {
    const w = m[1] as string;
    if (/(?:ss|us|is)$/.test(w)) continue;
    const after = body.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 30);
    // Only before a verb or the end of a clause: "the Sanders and Clinton campaigns", "the
    // Sanders stump speech" name whose campaign or speech.
    const next = /^ (\p{Ll}+)/u.exec(after)?.[1];
    const tags = next ? posTags(next) : [];
    if (next ? !(tags[0] ?? '').startsWith('VB') || tags.some((t) => t.startsWith('NN')) : !/^[.,;:!?)]/.test(after)) continue;
    set.add(w);
  }
  return set;
});
