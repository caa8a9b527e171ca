/**
 * Roles and affiliations of named people, read from pre-modifiers ("US national security adviser
 * Jake Sullivan"), preceding appositives ("his South Korean counterpart, Noh Kyu-duk") and
 * following appositives ("Moon Chung-in, chairman of the Sejong Institute and …,").
 */
import { countryOf, ORG_WORDS, ROLE_NOUNS, TITLES } from './lexicon';
import { posTags } from './lexicon/cueStem';
import { tokenize, type Token } from '../text/tokens';

/** "to", and the modals and auxiliaries after which a verb's base form stands. */
const INFINITIVE_MARKERS = /^(?:to|will|would|shall|should|can|could|may|might|must|did|does|do|not)$/;

/**
 * Whether a role noun is a verb where it stands: after "to" or a modal, and one the lexicon knows
 * as a verb ("to host Super Bowl 50", "will head Acme"). "spoke to adviser Jo Lind" keeps its noun.
 */
export function roleNounAsVerb(previous: string | undefined, lower: string): boolean {
  return !!previous && INFINITIVE_MARKERS.test(previous) && posTags(lower).some((t) => t === 'VB');
}

/** Words that end a backwards scan for a pre-modifier role. */
const PRE_STOP = new Set(
  ('the a an and or but with by to from at in met said says told as that who which when while ' +
    'after before since than between among against meet meets meeting called named is was are were ' +
    'be been has have had also even like including').split(' '),
);

export interface RoleInfo {
  role?: string;
  /** A possessive pronoun the role hangs on ("his counterpart"), to be resolved by the caller. */
  possessor?: { pronoun: string; pos: number };
}

/**
 * Role text around a name whose run (title included) starts at `runStart` and whose name ends at
 * `nameEnd`, within sentence bounds [sStart, sEnd).
 */
export function roleAround(body: string, runStart: number, nameStart: number, nameEnd: number, sStart: number, sEnd: number, title?: string): RoleInfo {
  // 1. Pre-modifier: the tokens before the run, back to a stop word or punctuation.
  const pre = tokenize(body, sStart, runStart);
  const picked: Token[] = [];
  let possessor: RoleInfo['possessor'];
  for (let i = pre.length - 1; i >= 0 && picked.length < 9; i--) {
    const t = pre[i] as Token;
    const nextStart = picked.length ? (picked[0] as Token).start : runStart;
    if (/[,;:()"\u201C\u201D\u2014\u2013]/.test(body.slice(t.end, nextStart))) break;
    if (t.possessive) break;
    if (/^(his|her|their|its)$/.test(t.lower)) {
      possessor = { pronoun: t.lower, pos: t.start };
      break;
    }
    // "beat two towns to host Harbour Games 12": the role noun is a verb, the name its object.
    if (picked.length && roleNounAsVerb(t.lower, (picked[0] as Token).lower)) {
      picked.length = 0;
      break;
    }
    if (PRE_STOP.has(t.lower)) break;
    picked.unshift(t);
  }
  // "Executive Vice President of Football Operations": a name after the role's preposition is
  // what the role is of, not who holds it.
  if (picked.length && /^(?:of|for|at|on|in|with)$/.test((picked[picked.length - 1] as Token).lower)) picked.length = 0;
  // Drop leading words that are not part of a role ("Last week", numbers).
  while (picked.length && !isRoleWord(picked[0] as Token) && !countryOf((picked[0] as Token).text) && !/^(top|senior|former|special|deputy|chief|national|foreign|assistant|vice|acting)$/i.test((picked[0] as Token).text)) picked.shift();
  // "many sources Genghis Khan", "from both parties Jo Lind": a lower-case plural names a group
  // the words came from, never one person's role.
  const lastPicked = picked[picked.length - 1];
  if (lastPicked && !lastPicked.cap && /[^su]s$/.test(lastPicked.lower)) picked.length = 0;
  let titleOnly: string | undefined;
  if (picked.length && picked.some(isRoleWord)) {
    const role = body.slice((picked[0] as Token).start, runStart).trim();
    // "Professor Richard Morrow, former Professor of Modern History at …": the title alone says
    // less than the appositive after the name; it is the role only when nothing follows.
    if (!/[.,]$/.test(role) && title && role.toLowerCase() === title.toLowerCase()) titleOnly = role;
    else if (!/[.,]$/.test(role)) return { role: role.trim() };
  }
  // 2. Appositive after: ", chairman of the X and a former adviser to Y,".
  const after = body.slice(nameEnd, sEnd);
  const m = /^,\s+((?:a |an |the )?[^,;()"\u201C\u201D]{3,200}?)(?=,|\.\s|\.$|;|$)/.exec(after);
  if (m && m[1]) {
    const phrase = m[1].trim();
    const toks = tokenize(phrase, 0, phrase.length);
    const first = toks[0];
    const okStart = first && !/^(and|or|but|who|which|said|says|told|according|he|she|they|it|we|i)$/.test(first.lower) && (!first.cap || /^(a|an|the)$/i.test(first.text) || countryOf(first.text) !== undefined || isRoleWord(first));
    const hasRole = toks.slice(0, 6).some(isRoleWord);
    // "According to Daniel Lorne, Bishop Martin Vess, a churchman, …": a title and a name with no
    // lower-case word is another person, not the role of the one before.
    const anotherPerson = toks.every((t) => t.cap) && toks.length - 1 - lastIndex(toks, isRoleWord) >= 2;
    if (okStart && hasRole && !anotherPerson && toks.length <= 30) return { role: cutAtPredicate(phrase).replace(/^(a|an|the)\s+/i, '') };
  }
  // 3. Preceding appositive: "his South Korean counterpart, Noh Kyu-duk".
  const beforeText = body.slice(sStart, runStart);
  const pm = /(?:^|[\s,])((?:his|her|their|its|a|an|the)\s+[^,;()"\u201C\u201D]{2,80}?),\s*$/i.exec(beforeText);
  if (pm && pm[1]) {
    const phrase = pm[1].trim();
    const toks = tokenize(phrase, 0, phrase.length);
    const last = toks[toks.length - 1];
    if (last && isRoleWord(last) && toks.length <= 8) {
      const pron = /^(his|her|their|its)\s+/i.exec(phrase);
      if (pron && pron[1]) {
        const absPos = sStart + (pm.index ?? 0) + beforeText.slice(pm.index ?? 0).indexOf(pron[1]);
        return { role: phrase.slice(pron[0].length), possessor: { pronoun: pron[1].toLowerCase(), pos: absPos } };
      }
      return { role: phrase.replace(/^(a|an|the)\s+/i, '') };
    }
  }
  if (titleOnly) return { role: titleOnly };
  if (title) return { role: title };
  void nameStart;
  return possessor ? { possessor } : {};
}

function lastIndex<T>(xs: T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i] as T)) return i;
  return -1;
}

/**
 * An appositive role cut before the predicate it runs into when the sentence has no comma to close
 * it: "chairman of the House Committee on Energy and Commerce wrote letters …", "Chairman of the
 * Subcommittee on Oversight demanding records …" — a lower-case verb right after a capitalised
 * word (the end of the body's name) starts the predicate.
 */
function cutAtPredicate(phrase: string): string {
  const toks = tokenize(phrase, 0, phrase.length);
  for (let i = 2; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (t.cap || !(toks[i - 1] as Token).cap) continue;
    const tags = posTags(t.lower);
    // "the IPCC working group": a participle before a noun is part of the name it follows.
    const nounNext = (posTags(toks[i + 1]?.lower ?? '')[0] ?? '').startsWith('NN');
    if (/^VB[DZP]$/.test(tags[0] ?? '') || (tags[0] === 'VBG' && !nounNext)) return phrase.slice(0, t.start).trim();
  }
  return phrase;
}

function isRoleWord(t: Token): boolean {
  const l = t.lower.replace(/\.$/, '');
  if (/^(mr|mrs|ms|miss|sir|dame)$/.test(l)) return false;
  return ROLE_NOUNS.has(l) || (TITLES.has(l) && !/^(first|former|leader|vice)$/.test(l));
}

/** Country or organisation a role text names ("US national security adviser" → "US"). */
export function affiliationOf(role: string): string | undefined {
  const toks = tokenize(role, 0, role.length);
  // A leading country or demonym ("US", "South Korean").
  for (let n = 3; n >= 1; n--) {
    if (toks.length >= n) {
      const w = toks.slice(0, n).map((t) => t.text).join(' ');
      const c = countryOf(w);
      if (c) return c;
    }
  }
  // A capitalised organisation ("chairman of the Sejong Institute").
  const org = /((?:\p{Lu}[\p{L}.&'-]*\s+){0,4}(\p{Lu}[\p{L}.&'-]*))/gu;
  let m: RegExpExecArray | null;
  while ((m = org.exec(role))) {
    const last = (m[2] ?? '').toLowerCase();
    if (ORG_WORDS.has(last)) return (m[1] ?? '').trim();
  }
  for (let i = 0; i < toks.length; i++) {
    for (let n = 2; n >= 1; n--) {
      const w = toks.slice(i, i + n).map((t) => t.text).join(' ');
      const c = countryOf(w);
      if (c) return c;
    }
  }
  return undefined;
}
