/**
 * Proper-name detection: capitalised token runs, split into title prefix and name, and classified
 * as person / organisation / place / other from generic cues (titles, first names, role nouns,
 * organisation head words, a gazetteer of countries, capitals and states).
 */
import { AMBIGUOUS_HEADS, COMMON_FIRST_NAMES, FIRST_NAME_GENDER, FIRST_NAMES, HONORIFICS, isNativeCountryName, isPlace, countryOf, NOT_NAME, ORG_WORDS, PLACE_HEADS, PLACE_PREFIXES, ROLE_NOUNS, SENTENCE_STARTERS, THING_HEADS, TITLES } from './lexicon';
import { posTags } from './lexicon/cueStem';
import { appositiveKind, doubtfulFirstName, firstNameOf, foreignPhrase, headInside, onlyQuoted, pluralPeoples, PLACE_KIND, standalonePlurals } from './nameCues';
import { roleNounAsVerb } from './roles';
import type { Sentence } from '../text/structure';
import { tokenize, type Token } from '../text/tokens';
import { memoOnLast } from '../text/memoLast';

export type NameKind = 'person' | 'maybe-person' | 'org' | 'place' | 'other';

export interface NameMention {
  /** Offsets of the name proper (title excluded). */
  start: number;
  end: number;
  text: string;
  tokens: string[];
  kind: NameKind;
  /** Title words directly before the name ("President", "Mr.", "Sen."). */
  title?: string;
  /** Gender signalled by the title or a known first name. */
  gender?: 'male' | 'female';
  /** Start of the whole run including title and pre-modifiers. */
  runStart: number;
  sentence: number;
  para: number;
  inQuote: boolean;
  possessive: boolean;
}

/** Capitalised modifiers that often precede a name inside a title-case role ("National Security Adviser"). */
const ROLE_MODIFIERS = new Set(
  ('national security special deputy chief foreign former senior executive assistant associate ' +
    'general attorney press white house state defense defence homeland majority minority ' +
    'democratic republican independent presidential vice prime first lady acting interim ' +
    'supreme court federal district lieutenant rear elect').split(' '),
);

/** Last words of capitalised role titles that are not role nouns on their own ("General Staff", "Press Office"). */
const TITLE_TAILS = new Set('staff office desk bureau command council committee board'.split(' '));

const NAME_TOKEN = /^(\p{Lu}[\p{Ll}\p{M}'\u2019]+(?:-\p{L}[\p{Ll}\p{M}]*)*|\p{Lu}\p{Ll}*\p{Lu}\p{Ll}+|\p{Lu}\.|\p{Lu}'\p{Lu}\p{Ll}+|Jr\.?|Sr\.?|I{2,3}|IV)$/u;
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'bin', 'al', 'la', 'le', 'del', 'da', 'di', 'du', 'dos']);

/** "Six-time", "Two-year", "Multi-party": a number compound modifies a noun, never a name. */
const NUMBER_COMPOUND = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen(?:th)?|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth|hundred|thousand|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|multi|single|double|triple|half)-/;

/** "North", "Western": a run that starts with one names a region ("East Lothian", "Western Xia"). */
const COMPASS = /^(?:north|south|east|west|northern|southern|eastern|western|central)$/;

/** True when the token can be part of a personal name. */
function nameLike(t: Token): boolean {
  return NAME_TOKEN.test(t.text) && !NOT_NAME.has(t.lower) && !NUMBER_COMPOUND.test(t.lower);
}

/** A numeral ("50", "12") or an ordinal ("20th", "50th"). */
const NUMERAL = /^\d[\d.,]*(?:st|nd|rd|th)?$/;

/**
 * Title words that are also adjectives ("General Electric", "First Circuit", "Lord Advocate"): with
 * one ordinary English word after them they make a name of a thing, not a titled person.
 */
const ADJECTIVE_TITLES = /^(?:general|first|lord|grand|prime|major)$/;

/**
 * Whether a run of two or more capitalised words, no title before it, cannot be a person's name:
 * it starts with a compass word ("East Lothian"); it ends in a plural ("Conservative MPs", "Life
 * Sciences") or a place ("Polonia Warsaw", "Stuart England") after a word that is no first name;
 * or every word is an ordinary English word the lexicon knows and none a first name ("Question
 * Time", "Central Banking").
 */
function notPersonal(toks: Token[], titled: boolean): boolean {
  if (titled) return false;
  const first = toks[0] as Token;
  const last = toks[toks.length - 1] as Token;
  if (firstNameOf(first.lower)) return false;
  if (COMPASS.test(first.lower)) return true;
  if (/^\p{Lu}{2,}s$/u.test(last.text) || posTags(last.lower)[0] === 'NNS') return true;
  if (isPlace(last.text) || countryOf(last.text) || isNativeCountryName(last.text)) return true;
  // "Red Cross" is a phrase, but "Grant Young" may be a person: maybe-person, not other.
  if (FIRST_NAMES.has(first.lower)) return false;
  return toks.every((t) => posTags(t.lower).length > 0 && !FIRST_NAMES.has(t.lower));
}

/** Whether a capitalised run's last word makes it a place or a thing ("Bay Area", "Lombardi Trophy"). */
function thingHead(run: Token[]): 'place' | 'other' | null {
  const last = run[run.length - 1] as Token;
  if (THING_HEADS.has(last.lower)) return 'other';
  if (!PLACE_HEADS.has(last.lower)) return null;
  // "Jane Park", "Governor Ada Park": a first name before a head word that is also a surname.
  if (AMBIGUOUS_HEADS.has(last.lower) && run.length >= 2 && FIRST_NAMES.has((run[run.length - 2] as Token).lower)) return null;
  return 'place';
}

function isTitleToken(lower: string): boolean {
  return TITLES.has(lower.replace(/\.$/, ''));
}

/**
 * Military ranks written out ("Major", "Colonel"): before a name they are its title, never a
 * first name, though the first-name lists hold some of them ("Major Genghis Khan statues" is about
 * Genghis Khan). Not in `TITLES`: at the end of a run they are a surname ("John Major").
 */
const RANKS = new Set('major colonel captain lieutenant sergeant corporal brigadier marshal commodore'.split(' '));

/**
 * Finds capitalised runs in every sentence and classifies them.
 * `inQuote(pos)` tells whether an offset lies inside a quotation.
 */
export function findNames(body: string, sentences: Sentence[], inQuote: (pos: number) => boolean): NameMention[] {
  const out: NameMention[] = [];
  sentences.forEach((s, si) => {
    const toks = tokenize(body, s.start, s.end);
    let i = 0;
    while (i < toks.length) {
      const t = toks[i];
      if (!t || !(t.cap || (PARTICLES.has(t.lower) && toks[i + 1]?.cap && i > 0 && toks[i - 1]?.cap))) {
        i++;
        continue;
      }
      // Collect a run of capitalised tokens separated by single spaces.
      const run: Token[] = [t];
      let j = i + 1;
      while (j < toks.length) {
        const prev = run[run.length - 1] as Token;
        const cur = toks[j] as Token;
        if (prev.possessive) break;
        const gap = body.slice(prev.end, cur.start);
        // "Richard (Dick) Morrow": a nickname in brackets after a first name does not end the name.
        const after = toks[j + 1];
        if (gap === ' (' && cur.cap && after?.cap && FIRST_NAMES.has(prev.lower) && body.slice(cur.end, after.start) === ') ') {
          run.push(after);
          j += 2;
          continue;
        }
        if (gap !== ' ') break;
        if (!(cur.cap || (PARTICLES.has(cur.lower) && toks[j + 1]?.cap))) break;
        run.push(cur);
        j++;
      }
      // "Super Bowl 50 Host Committee", "Harbour Games 12", "20th Century Fox": a number next to
      // a capitalised run makes it the name of an event, an edition or a body, never a person's.
      const lastTok = run[run.length - 1] as Token;
      const num = toks[j];
      const before = toks[i - 1];
      let numbered = !!before && NUMERAL.test(before.text) && body.slice(before.end, (run[0] as Token).start) === ' ';
      if (num && NUMERAL.test(num.text) && !lastTok.possessive && body.slice(lastTok.end, num.start) === ' ' && run.some((t) => !NOT_NAME.has(t.lower))) {
        numbered = true;
        // The number and a capitalised tail ending in an organisation or place word are one name.
        let k2 = j + 1;
        while (k2 < toks.length && (toks[k2] as Token).cap && !(toks[k2 - 1] as Token).possessive && body.slice((toks[k2 - 1] as Token).end, (toks[k2] as Token).start) === ' ') k2++;
        const tail = toks.slice(j + 1, k2);
        const tailLast = tail[tail.length - 1];
        if (tailLast && (ORG_WORDS.has(tailLast.lower) || thingHead(tail))) {
          run.push(num, ...tail);
          j = k2;
        }
      }
      classifyRun(body, run, toks, i, s, si, inQuote, out, numbered);
      i = j;
    }
  });
  return out;
}

function classifyRun(
  body: string,
  run: Token[],
  toks: Token[],
  runIndex: number,
  s: Sentence,
  si: number,
  inQuote: (pos: number) => boolean,
  out: NameMention[],
  numbered = false,
): void {
  const first = run[0] as Token;
  const last = run[run.length - 1] as Token;
  const atSentenceStart = first.start === s.start || /^["'\u201C\u2018(\s]*$/.test(body.slice(s.start, first.start));
  let k = 0;
  // Sentence-initial function words ("In", "But") are not part of the run.
  while (k < run.length && (NOT_NAME.has(run[k]?.lower ?? '') || (k === 0 && atSentenceStart && SENTENCE_STARTERS.has(run[k]?.lower ?? '')))) k++;
  if (k >= run.length) return;
  const whole = run.slice(k).map((t) => t.text).join(' ');
  const base = { runStart: run[k]?.start ?? first.start, sentence: si, para: s.para, inQuote: inQuote(first.start), possessive: last.possessive };
  if (ORG_WORDS.has(last.lower) || /^\p{Lu}{2,}$/u.test(last.text)) {
    out.push({ ...base, start: run[k]?.start ?? first.start, end: last.end, text: whole, tokens: whole.split(' '), kind: isPlace(whole) || countryOf(whole) ? 'place' : 'org' });
    return;
  }
  const of = toks[runIndex - 1];
  const kindOfPlace = toks[runIndex - 2];
  // (Not "the beloved city of Isaac Singer": a first name makes it whose city.)
  if (k === 0 && of?.lower === 'of' && kindOfPlace && !kindOfPlace.cap && PLACE_KIND.test(kindOfPlace.lower) && !run.some((t) => firstNameOf(t.lower))) {
    out.push({ ...base, start: first.start, end: last.end, text: whole, tokens: whole.split(' '), kind: 'place' });
    return;
  }
  // "Justin Herman Plaza", "Tyndale Bible", "Lake Turkana", "San Francisco": a place or a thing.
  const thing = run.length - k >= 2 ? (thingHead(run.slice(k)) ?? (PLACE_PREFIXES.has((run[k] as Token).lower.replace(/\.$/, '')) || headInside(run.slice(k)) ? 'place' : null)) : null;
  if (thing) {
    out.push({ ...base, start: run[k]?.start ?? first.start, end: last.end, text: whole, tokens: whole.split(' '), kind: thing });
    return;
  }
  if (isPlace(whole) || countryOf(whole)) {
    out.push({ ...base, start: run[k]?.start ?? first.start, end: last.end, text: whole, tokens: whole.split(' '), kind: 'place' });
    return;
  }
  // Strip title / role / place pre-modifiers, remembering the title words next to the name.
  let titleStart = -1;
  let m = k;
  while (m < run.length - 1) {
    // Multi-word places inside a run ("North Korea Sung Kim").
    let placeLen = 0;
    for (let n = Math.min(3, run.length - m - 1); n >= 2; n--) {
      const w = run.slice(m, m + n).map((t) => t.text).join(' ');
      if (isPlace(w) || countryOf(w)) {
        placeLen = n;
        break;
      }
    }
    if (placeLen) {
      m += placeLen;
      titleStart = -1;
      continue;
    }
    const lw = (run[m] as Token).lower.replace(/\.$/, '');
    const tx = (run[m] as Token).text;
    const isMod = isTitleToken(lw) || RANKS.has(lw) || ROLE_NOUNS.has(lw) || ROLE_MODIFIERS.has(lw) || isPlace(tx) || !!countryOf(tx) || NOT_NAME.has(lw) || /^\p{Lu}{2,}$/u.test(tx.replace(/\./g, ''));
    if (!isMod) break;
    if (isTitleToken(lw) || RANKS.has(lw) || ROLE_NOUNS.has(lw)) {
      if (titleStart < 0) titleStart = m;
    } else titleStart = -1;
    m++;
  }
  // A title further inside the run ("White House Press Secretary Stephanie Grisham", "General
  // Staff Andrii Hnatov"): the name is what follows the last title or role word.
  for (let j = run.length - 2; j >= m; j--) {
    const lw = (run[j] as Token).lower.replace(/\.$/, '');
    if (isTitleToken(lw) || ROLE_NOUNS.has(lw) || TITLE_TAILS.has(lw)) {
      let ts = j;
      while (ts - 1 >= m && (isTitleToken((run[ts - 1] as Token).lower.replace(/\.$/, '')) || ROLE_NOUNS.has((run[ts - 1] as Token).lower) || ROLE_MODIFIERS.has((run[ts - 1] as Token).lower))) ts--;
      titleStart = ts;
      m = j + 1;
      break;
    }
  }
  // An unlisted title or an organisation before a known first name ("Administrator Jim
  // Bridenstine", "European Union Gordon Sondland"): the name starts at the first name.
  if (run.length - m >= 3 && !FIRST_NAMES.has((run[m] as Token).lower)) {
    for (let j = m + 1; j <= run.length - 2; j++) {
      if (FIRST_NAMES.has((run[j] as Token).lower) && (run[j] as Token).text.length > 2) {
        const agent = j - m === 1 && /(?:or|er|ent|ant|ist|ian)$/.test((run[m] as Token).lower);
        // "director at Intertanko Phil Belcher": the organisation of a role, then the name.
        const p1 = toks[runIndex - 1];
        const p2 = toks[runIndex - 2];
        const roleOrg = !!p1 && !!p2 && /^(at|of|for|from)$/.test(p1.lower) && (ROLE_NOUNS.has(p2.lower) || /(?:or|er|ist|ian)$/.test(p2.lower)) && !p2.cap;
        if (!agent && !roleOrg && !ORG_WORDS.has((run[j - 1] as Token).lower)) break;
        if (titleStart < 0 && agent) titleStart = m;
        m = j;
        break;
      }
    }
  }
  // "North India", "South Manchester": a compass word and a place is a place.
  if (m === k && run.length - m >= 2 && /^(north|south|east|west|northern|southern|eastern|western|central)$/.test((run[m] as Token).lower)) {
    const restName = run.slice(m + 1).map((t) => t.text).join(' ');
    if (isPlace(restName) || countryOf(restName) || isPlace(run[m + 1]?.text ?? '')) {
      out.push({ ...base, start: (run[m] as Token).start, end: last.end, text: run.slice(m).map((t) => t.text).join(' '), tokens: run.slice(m).map((t) => t.text), kind: 'place' });
      return;
    }
  }
  // "Academy Award nominee Lady Gaga", "rapper Queen Latifah": after a lower-case role noun, a
  // noble title before one more word is the first word of a stage name, not a title.
  const roleNoun = toks[runIndex - 1];
  if (titleStart === k && m === k + 1 && run.length === m + 1 && /^(?:lady|lord|queen|king|prince|princess)$/.test((run[k] as Token).lower) && !!roleNoun && !roleNoun.cap && ROLE_NOUNS.has(roleNoun.lower)) {
    m = k;
    titleStart = -1;
  }
  // Place names inside a run ("Washington" in "Washington Sen. X") also reset the title.
  const nameToks = run.slice(m);
  if (nameToks.some((t) => !nameLike(t) && !PARTICLES.has(t.lower))) {
    // Something that is not name-shaped (numbers, all-caps): not a person.
    out.push({ ...base, start: nameToks[0]?.start ?? first.start, end: last.end, text: nameToks.map((t) => t.text).join(' '), tokens: nameToks.map((t) => t.text), kind: 'other' });
    return;
  }
  const nameText = nameToks.map((t) => t.text).join(' ');
  if (isPlace(nameText) || countryOf(nameText)) {
    out.push({ ...base, start: nameToks[0]?.start ?? first.start, end: last.end, text: nameText, tokens: nameText.split(' '), kind: 'place' });
    return;
  }
  const title = titleStart >= 0 ? run.slice(titleStart, m).map((t) => t.text).join(' ') : undefined;
  const titleLowers = titleStart >= 0 ? run.slice(titleStart, m).map((t) => t.lower.replace(/\.$/, '')) : [];
  let gender: 'male' | 'female' | undefined;
  for (const tl of titleLowers) gender = gender ?? TITLES.get(tl);
  const firstName = (nameToks[0] as Token).lower;
  // "Red Cross", "Law Reform", "Early Modern": a doubtful first name before ordinary words only.
  const phraseLike = doubtfulFirstName(firstName) && nameToks.slice(1).every((t) => posTags(t.lower).length > 0);
  if (nameToks.length > 1) gender = gender ?? FIRST_NAME_GENDER.get(firstName);
  // A lower-case role noun right before the run ("adviser Jake Sullivan", "counterpart, Noh").
  const before = toks[runIndex - 1];
  // Not "to host Harbour Games 12", "will head Acme Labs": a role noun used as a verb.
  const roleBefore = !!before && ROLE_NOUNS.has(before.lower) && !before.cap && !roleNounAsVerb(toks[runIndex - 2]?.lower, before.lower);
  const hasHonorific = titleLowers.some((tl) => HONORIFICS.has(tl) || TITLES.has(tl) || RANKS.has(tl));
  let kind: NameKind = 'maybe-person';
  if (hasHonorific || roleBefore) kind = 'person';
  // A hyphenated given name ("Ban Ki-moon", "Kim Jong-un") ends in a short syllable; not
  // "Non-dispersive", "Well-known".
  else if (nameToks.length > 1 && ((FIRST_NAMES.has(firstName) && !phraseLike) || nameToks.some((t) => /^\p{Lu}\p{Ll}+-\p{Ll}{1,4}$/u.test(t.text) && !/-\p{Ll}+(?:ed|ing)$/u.test(t.text)))) kind = 'person';
  else if (nameToks.length > 1 && nameToks.length <= 4) kind = 'maybe-person';
  else kind = 'other';
  // A run that ends in a role noun is a title or a body, not a person ("Art Director",
  // "Sioux Falls Argus Leader"); one made only of title words is a title ("President").
  const lastLower = (nameToks[nameToks.length - 1] as Token).lower;
  // "Moscow-occupied Crimean": a demonym ends an adjective phrase, not a name.
  if (countryOf((nameToks[nameToks.length - 1] as Token).text)) kind = 'other';
  if (!hasHonorific && !roleBefore && nameToks.length > 1 && (ROLE_NOUNS.has(lastLower) || TITLES.has(lastLower))) kind = 'other';
  if (nameToks.every((t) => isTitleToken(t.lower.replace(/\.$/, '')) || ROLE_NOUNS.has(t.lower))) kind = 'other';
  // "Drug Abuse", "Public Health": a pair whose last word the article also writes in lower case
  // is a phrase in title case, not a name (a known first name keeps "Tim Cook" a person).
  if (kind === 'maybe-person' && lowerWords(body).has(lastLower)) kind = 'other';
  // A number beside the run ("Super Bowl 50", "20th Century Fox") and no first name: an event or a body.
  if (numbered && kind === 'maybe-person') kind = 'other';
  if (!hasHonorific && !roleBefore && nameToks.length > 1 && notPersonal(nameToks, titleStart >= 0)) kind = COMPASS.test((nameToks[0] as Token).lower) ? 'place' : 'other';
  // "General Electric", "First Circuit": an adjective title and an ordinary word name a thing.
  const lastTitle = titleLowers[titleLowers.length - 1];
  if (lastTitle && ADJECTIVE_TITLES.test(lastTitle) && nameToks.every((t) => posTags(t.lower).length > 0 && !FIRST_NAMES.has(t.lower))) kind = 'other';
  // "the First Lutheran hymnal": an adjective title and a word modifying a noun after it.
  const nextWord = toks[runIndex + run.length];
  if (lastTitle && ADJECTIVE_TITLES.test(lastTitle) && nameToks.length === 1 && nextWord && !nextWord.cap && body.slice(last.end, nextWord.start) === ' ' && (posTags(nextWord.lower)[0] ?? 'NN').startsWith('NN')) kind = 'other';
  // "the General Sejm", "the Grand Vizier": after "the", an adjective title and one word name a body
  // or an office; a titled person is written without the article ("General Patton").
  const beforeTitle = titleStart >= 0 ? toks[runIndex + titleStart - 1] : undefined;
  if (lastTitle && ADJECTIVE_TITLES.test(lastTitle) && nameToks.length === 1 && titleStart === k && beforeTitle?.lower === 'the') kind = 'other';
  // "Queen Bees": a title before a plural common noun.
  if (lastTitle && nameToks.length === 1 && posTags(lastLower)[0] === 'NNS' && !FIRST_NAMES.has(lastLower)) kind = 'other';
  if (!hasHonorific && !roleBefore && kind !== 'other' && groupName(body, toks, runIndex, run, nameToks)) kind = nameToks.length === 1 ? 'org' : 'other';
  // "champion Carolina Panthers" where the article also says "the Panthers won": a team or a
  // body, whatever role or first name comes before it.
  if (nameToks.length > 1 && !last.possessive && standalonePlurals(body).has(last.text)) kind = 'other';
  // "Base Titanium, a subsidiary of …", "Edinburgh Pentlands, the seat of …": an appositive says
  // what kind of organisation or place it is.
  const apposed = !hasHonorific && !roleBefore && nameToks.length > 1 && !COMMON_FIRST_NAMES.has(firstName) ? appositiveKind(body, last.end) : null;
  if (apposed) kind = apposed;
  // "Chief Law Officers": a title before a run ending in a plural is a title of a group.
  if (lastTitle && nameToks.length > 1 && posTags(lastLower)[0] === 'NNS' && !firstNameOf(firstName)) kind = 'other';
  if (!hasHonorific && !roleBefore && nameToks.length > 1 && ((onlyQuoted(body, (nameToks[0] as Token).start, last.end) && !COMMON_FIRST_NAMES.has(firstName)) || foreignPhrase(body, toks, runIndex, run))) kind = 'other';
  out.push({ ...base, start: (nameToks[0] as Token).start, end: last.end, text: nameText, tokens: nameToks.map((t) => t.text), kind, title, gender });
}

/**
 * Whether the name words `nameToks` (ending `run`, which starts at `toks[runIndex]`) name a group,
 * a people or a state rather than one person, by how the text uses them:
 * - a plural of a people the article names ("Kel Varangs", "the Varangs" where "Varang" is also
 *   written): see `pluralPeoples`;
 * - a run ending in a plural after "the" ("the Carolina Panthers");
 * - a pair between "the" and a lower-case noun ("the Varang Kel dynasty"): a modifier, the name of
 *   a dynasty, a people or a body (a known first name already made "the Hillary Clinton campaign"
 *   a person's, and is never read here);
 * - a first name and a place after "Cap and" ("Tudor and Stuart England"): two adjectives share the
 *   place ("Stuart" is a first name, "England" a surname too, but a lone word and "and" before the
 *   pair shows the shape: nobody is named by a lone first name coordinated with a full name).
 */
function groupName(body: string, toks: Token[], runIndex: number, run: Token[], nameToks: Token[]): boolean {
  const last = nameToks[nameToks.length - 1] as Token;
  if (pluralPeoples(body).has(last.text)) return true;
  if (nameToks.length < 2) return false;
  const firstName = firstNameOf((nameToks[0] as Token).lower);
  const next = toks[runIndex + run.length];
  // The word before the name proper ("the" inside the run when it opens the sentence: "The Red Guards").
  const at = toks.indexOf(nameToks[0] as Token);
  const before = toks[at - 1];
  // "the Carolina Panthers", "the Red Guards": a plural after "the" is a team or a body, first
  // name or not (nobody is "the Tyra Banks").
  // Only as the head of its phrase: in "the Bernie Sanders campaign" the name modifies a noun.
  const nextTag = next && !next.cap && body.slice(last.end, next.start) === ' ' ? (posTags(next.lower)[0] ?? 'NN') : '';
  const modifies = nextTag.startsWith('NN');
  // ("the Bernie Sanders presidential campaign": an adjective after it shows the same.)
  if (before?.lower === 'the' && /\p{Ll}[^su'\u2019]s$/u.test(last.text) && !last.possessive && !/^(?:NN|JJ|VBG)/.test(nextTag)) return true;
  if (!firstName && before?.lower === 'the' && modifies) return true;
  const b2 = toks[at - 2];
  if (nameToks.length === 2 && (countryOf(last.text) || isPlace(last.text)) && before?.lower === 'and' && b2?.cap && !b2.possessive && !toks[at - 3]?.cap) return true;
  return false;
}

/** The words the text writes in lower case (for the last body seen). */
const lowerWords = memoOnLast((body: string): Set<string> => {
  const set = new Set<string>();
  for (const m of body.matchAll(/(?<![\p{L}'\u2019-])\p{Ll}[\p{Ll}]+(?![\p{L}'\u2019-])/gu)) set.add(m[0]);
  return set;
});
