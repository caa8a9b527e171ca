/**
 * Who a statement's source words name: a person of the article (by name, surname, pronoun,
 * title, appositive or definite role), or an honest label when the text does not say who.
 * Runs inside the left-to-right pass of `attributeQuotes`, so it sees only what came before.
 */
import { appositiveName, groupNamed } from './appositives';
import { documentAuthor } from './documentSources';
import { posTags } from './lexicon/cueStem';
import { afterArticle, roleWord } from './nounPhrases';
import type { RawStatement } from './statement';
import { PRONOUNS, ROLE_NOUNS, UNNAMED_SOURCE_NOUNS } from './lexicon';
import type { NameMention } from './names';
import { resolvePronoun, type SalienceEntry } from './pronouns';
import { cleanLabel, possessiveLabel, ROLE_GENDER } from './sourceLabels';
import type { People, Person } from './speakers';
import type { Sentence } from '../text/structure';
import { tokenize } from '../text/tokens';

/** A statement's resolved source. */
export interface Resolved {
  speaker: Person | null;
  label: string;
  source: [number, number] | null;
  /** A description ("a top US security official") that may later be linked to a named person. */
  description?: boolean;
  /**
   * Named only through an appositive after a description ("his wife, Gabriela Lazar,"): such a
   * person often shares a surname with the article's subject, so speaking here does not make
   * them the one a later bare surname ("Lazar told agents") means.
   */
  apposed?: boolean;
  /** A group or a document's author that the text ties the source words to ("the doctors" → the group they are members of). */
  tied?: boolean;
}

/**
 * The state of the left-to-right pass over one body, shared (not copied) with `attributeQuotes`:
 * `people`, `history` and `resolved` grow as the pass goes on.
 */
export interface ResolveState {
  body: string;
  sentences: Sentence[];
  raws: RawStatement[];
  /** Resolved sources so far, by statement index. */
  resolved: Resolved[];
  people: People;
  history: SalienceEntry[];
  mentionPerson: Map<NameMention, Person>;
  /** Name mentions inside [s, e). */
  namesIn(s: number, e: number): NameMention[];
  /** Records a mention of `p` at [start, end) in paragraph `para`. */
  note(p: Person, start: number, end: number, para: number): void;
}

/** People named inside a statement's quoted words: a speaker does not name themself there. */
function namedInside(st: ResolveState, raw: RawStatement): Set<Person> {
  const out = new Set<Person>();
  for (const [a, b] of raw.quoted) {
    for (const m of st.namesIn(a, b)) {
      const last = m.tokens[m.tokens.length - 1] ?? '';
      for (const p of st.people.withToken(last)) if (m.tokens.length > 1 || st.people.withToken(last).length === 1) out.add(p);
    }
  }
  return out;
}

function anyPersonName(st: ResolveState, s: number, e: number): boolean {
  return st.namesIn(s, e).some((m) => m.kind === 'person' || m.kind === 'maybe-person' || m.kind === 'org');
}

/**
 * "said the actor", "the Spanish foreign minister said", "the singer and guitarist told": a
 * definite description of one person, linked to the person the article gave that role (only
 * one may have it), or else to the person a pronoun would reach, if that person has no other
 * role. Two people with the role, or none in reach: null.
 */
function definiteRole(st: ResolveState, raw: RawStatement, lowers: string[], named: boolean): Person | null {
  if (named || lowers.length === 0 || lowers.length > 5) return null;
  if (lowers.some((w) => /^(of|for|at|from|with|in|to)$/.test(w))) return null;
  const head = lowers[lowers.length - 1] ?? '';
  // An agent-noun ending makes a role ("the organiser"), not a comparative ("the cheaper"): a word
  // the lexicon knows must be a noun.
  const tags = posTags(head);
  // Not "the first assessment" (-ment) or "the press" (-ess only in a female role: "the actress").
  const personNoun = roleWord(head) || !!ROLE_GENDER[head] || (head.length > 4 && /(?:or|er|ist|ian|ant|ent)$/.test(head) && !/ment$/.test(head) && (tags.length === 0 || tags.some((t) => t.startsWith('NN'))));
  // A bare word with no article must be a known role ("spokesman said"): an agent-noun ending
  // alone ("… one sovereign, independent state" read as "independent" stating) is no person.
  const definite = lowers[0] === 'the' || (lowers.length === 1 && (roleWord(head) || !!ROLE_GENDER[head]));
  if (!definite || !personNoun || (/s$/.test(head) && !/(ss|us)$/.test(head))) return null;
  if (UNNAMED_SOURCE_NOUNS.has(head) && !/^(spokesman|spokeswoman|spokesperson|official|adviser|advisor)$/.test(head)) return null;
  const before = raw.source ? raw.source[0] : raw.content[0];
  const known = st.people.all.filter((p) => p.mentions.some((m) => m.start < before));
  const modifiers = lowers.filter((w) => w !== 'the' && w !== 'and' && w !== head);
  const withRole = known.filter((p) => {
    const role = (p.role ?? '').toLowerCase();
    return new RegExp(`\\b${head}\\b`).test(role) && modifiers.every((w) => role.includes(w) || (p.affiliation ?? '').toLowerCase().startsWith(w.slice(0, 4)));
  });
  if (withRole.length === 1) return withRole[0] as Person;
  // Somebody holds that role but the words do not pick one out: no guess.
  if (withRole.length > 1 || known.some((p) => new RegExp(`\\b${head}\\b`).test((p.role ?? '').toLowerCase()))) return null;
  // Generic source nouns ("the official", "the spokesman") usually point back to an unnamed
  // source ("a senior official"); and a role the article gave to somebody unnamed ("a
  // teacher … the teacher said") is that somebody. Neither reaches for a named person.
  if (UNNAMED_SOURCE_NOUNS.has(head)) return null;
  if (new RegExp(`\\b(?:a|an|one|another)\\s+(?:[\\p{L}-]+\\s+){0,3}${head}\\b`, 'iu').test(st.body.slice(0, before))) return null;
  const g = ROLE_GENDER[head];
  const p = resolvePronoun(st.history, before, raw.sentence, g, namedInside(st, raw));
  if (!p || (p.role && !new RegExp(`\\b${head}\\b`).test(p.role.toLowerCase()))) return null;
  // Another person named in reach who could hold the role (no role known): ambiguous.
  return p;
}

/**
 * Whether the word after a name in a source's head (before `limit`) is a plural noun:
 * "supporters", "voters", and a plural the lexicon does not know ("chronicles": inside the
 * source words it is no verb, which would be the cue).
 */
function beforePluralNoun(body: string, end: number, limit: number): boolean {
  const next = /^\s+(\p{Ll}+)/u.exec(body.slice(end, limit))?.[1];
  if (!next) return false;
  const tags = posTags(next);
  return tags[0] === 'NNS' || (UNNAMED_SOURCE_NOUNS.has(next) && /s$/.test(next)) || (tags.length === 0 && /[^su]s$/.test(next));
}

/**
 * "The Clinton campaign said", "a Trump campaign source": a name between an article and a noun is
 * a modifier of that noun, whose words they are; the person is not the source.
 */
function modifierAfterArticle(body: string, m: NameMention, limit: number): boolean {
  if (!afterArticle(body, m.start)) return false;
  return /^\s+\p{Ll}/u.test(body.slice(m.end, limit));
}

/**
 * Resolves the source of statement `index` (`raw`) against the people and salience history built
 * so far; a source it cannot tie to one person gets `speaker: null` and a label.
 */
export function resolveSource(st: ResolveState, raw: RawStatement, index: number): Resolved {
  if (!raw.source) {
    if (raw.inherit) {
      // "…, noting that …": the source of the statement this participle hangs on.
      for (let j = index - 1; j >= 0; j--) {
        const prev = st.raws[j] as RawStatement;
        if (prev.sentence < raw.sentence - 1) break;
        const pr = st.resolved[j];
        if (pr && prev.sentence === raw.sentence && (prev.cue?.[0] ?? 0) < (raw.cue?.[0] ?? 0)) return { ...pr };
      }
      // The subject words of the sentence ("Bush, …, attacked Trump, calling him …" → Bush):
      // resolved like any source, so a later object name never takes the statement.
      if (raw.subject) return resolveSource(st, { ...raw, source: raw.subject, inherit: false }, index);
      // Sentence subject.
      const sub = st.history.filter((h) => h.sentence === raw.sentence && h.subject).pop();
      if (sub) {
        const m = sub.person.mentions.find((x) => x.start === sub.pos);
        return { speaker: sub.person, label: sub.person.name, source: m ? [m.start, m.end] : null };
      }
    }
    return { speaker: null, label: raw.label ?? 'unattributed', source: null };
  }
  const [ss, se] = raw.source;
  const text = st.body.slice(ss, se);
  if (raw.subject && /^who$/i.test(text)) {
    // "…, Bruce Turry, who said": the relative pronoun stays the source words, the
    // antecedent names the person.
    const ante = resolveSource(st, { ...raw, source: raw.subject, subject: undefined }, index);
    return { ...ante, source: [ss, se] };
  }
  const words = tokenize(st.body, ss, se);
  const first = words[0];
  // A lone sentence-initial function word ("Of", "Wait", "Here") is a parsing accident, not a
  // source: say so rather than print it as one.
  if (words.length === 1 && first && !PRONOUNS[first.lower] && (/^(of|in|on|at|for|with|as|after|before|when|if|but|and|so|yet|still|also|then|now|here|there|that|this|wait|or|ever|back|each|other|well|yes|no|note|update|watch|read|listen|transcript|excerpt|question|answer)$/.test(first.lower))) {
    return { speaker: null, label: 'unattributed', source: null };
  }
  // A transcript label in capitals ("PENCE") names a person the article introduced.
  if (words.length === 1 && first && /^\p{Lu}{3,}$/u.test(first.text)) {
    const p = st.people.resolveToken(first.text.charAt(0) + first.lower.slice(1), undefined, undefined);
    if (p) return { speaker: p, label: p.name, source: [ss, se] };
  }
  // "he’d respond", "she's said": the contraction's pronoun is the source ("he", never "he’d").
  const contracted = words.length === 1 && first ? /^(\p{L}+)['\u2019](?:d|s|ll|ve|re|m)$/u.exec(first.lower)?.[1] : undefined;
  if (contracted && PRONOUNS[contracted] && first) {
    return resolveSource(st, { ...raw, source: [first.start, first.start + contracted.length] }, index);
  }
  if (words.length === 1 && first && PRONOUNS[first.lower]) {
    const info = PRONOUNS[first.lower];
    if (info && info.person && info.gender) {
      const p = resolvePronoun(st.history, ss, raw.sentence, info.gender, namedInside(st, raw));
      if (p) {
        if (!p.gender) p.gender = info.gender;
        st.note(p, ss, se, (st.sentences[raw.sentence] as Sentence).para);
        return { speaker: p, label: p.name, source: [ss, se] };
      }
    }
    return { speaker: null, label: first.lower, source: [ss, se] };
  }
  // The head of the source phrase: names after "of/for/at/to" are modifiers of a role noun.
  const prep = words.findIndex((w, i) => i > 0 && /^(of|for|at|to|with|from|in)$/.test(w.lower));
  const headEnd = prep > 0 ? (words[prep] as typeof first & object).start : se;
  // "Secretary of State Mike Pompeo": a capitalised title whose "of" belongs to the title;
  // the person is the full name that ends the phrase.
  // Also a role without an article before it ("marine director at Intertanko Phil Belcher");
  // with an article ("a spokesman for Hillary Clinton") the name is the role's complement.
  const titled = first && ((ROLE_NOUNS.has(first.lower) && /^\p{Lu}/u.test(first.text)) || (/^\p{Ll}/u.test(first.text) && !/^(a|an|the|his|her|their|its|our|my|one|some|two|three|several|many)$/.test(first.lower) && words.some((w) => roleWord(w.lower))));
  const lastName = titled ? st.namesIn(ss, se).filter((m) => m.end === se && m.tokens.length > 1 && st.mentionPerson.has(m) && !m.possessive).pop() : undefined;
  if (lastName) {
    const p = st.mentionPerson.get(lastName) as Person;
    return { speaker: p, label: p.name, source: [ss, se] };
  }
  // "Trump's claim that …": the possessor of a stance noun holds it, when the possessive is the
  // whole source (a name ending it); "Trump's critics' claim" is the critics', never Trump's.
  if (raw.noun) {
    const owner = st.namesIn(ss, se).filter((m) => m.end === se && m.possessive && st.mentionPerson.has(m)).pop();
    if (owner) {
      const p = st.mentionPerson.get(owner) as Person;
      return { speaker: p, label: p.name, source: [ss, se] };
    }
    // The possessor is the holder ("Seoul's renewed push to …" is Seoul's), not "Seoul's renewed".
    if (/^['\u2019]s?\s/.test(st.body.slice(se, se + 3)) && !st.namesIn(ss, se).some((m) => m.kind === 'person' || m.kind === 'maybe-person')) return { speaker: null, label: cleanLabel(text, st.body), source: [ss, se] };
  }
  const inHead = st.namesIn(ss, headEnd);
  // "Sanders supporters said": a name before a plural noun names whose group spoke, not who.
  const personMention = [...inHead].reverse().find((m) => st.mentionPerson.has(m) && !m.possessive && !beforePluralNoun(st.body, m.end, headEnd) && !modifierAfterArticle(st.body, m, headEnd));
  if (personMention) {
    const p = st.mentionPerson.get(personMention) as Person;
    return { speaker: p, label: p.name, source: [ss, se] };
  }
  // "Nisan Ahmado's source", "Ford's now-deceased father": the person named is the possessor,
  // not the speaker; the label says whose source it was without naming them as the speaker.
  const possessor = /^['\u2019]s\s+(\p{Ll}[\p{L}-]*)/u.exec(st.body.slice(se, se + 40));
  if (possessor) return { speaker: null, label: possessiveLabel(cleanLabel(text, st.body) + st.body.slice(se, se + possessor[0].length)), source: [ss, se] };
  // "Cmdr. Sean Robertson, a spokesperson for Inherent Resolve, … told": an appositive
  // description right after a person's name is that person.
  const appositiveOf = /,\s*$/.test(st.body.slice(Math.max(0, ss - 3), ss)) && /^(a|an|the)$/.test(first?.lower ?? '') ? st.namesIn(Math.max(0, ss - 80), ss).filter((m) => st.mentionPerson.has(m) && !m.possessive && /^,\s*$/.test(st.body.slice(m.end, ss))).pop() : undefined;
  if (appositiveOf) {
    const p = st.mentionPerson.get(appositiveOf) as Person;
    return { speaker: p, label: p.name, source: [ss, se] };
  }
  // "According to his aunt, Jane Starner, “…”": the name in apposition after the description is
  // who it describes (the text ties them; `attributeQuotes` reads the name first).
  const named = appositiveName(st.body, [ss, se], st.namesIn);
  const namedPerson = named ? st.mentionPerson.get(named) : undefined;
  if (namedPerson) return { speaker: namedPerson, label: namedPerson.name, source: [ss, se], apposed: true };
  // "said a report from Kotak Institutional Equities", "the letter signed by seven physicians":
  // the document's author, when the words name one (a person named whole, or a label).
  const author = documentAuthor(st.body, [ss, se]);
  if (author) {
    const [as, ae] = author;
    const byName = st.namesIn(as, ae).filter((m) => m.end === ae && !m.possessive && st.mentionPerson.has(m)).pop();
    const writer = byName ? (st.mentionPerson.get(byName) as Person) : undefined;
    if (writer) return { speaker: writer, label: writer.name, source: [ss, se] };
    return { speaker: null, label: possessiveLabel(cleanLabel(st.body.slice(as, ae), st.body)), source: [ss, se], tied: true };
  }
  // A capitalised head that is no role word is a name the article has not introduced ("…,
  // Batchelder said"): its -er ending does not make it a role like "the teacher".
  const lastWord = words[words.length - 1];
  const unknownName = !!lastWord && /^\p{Lu}/u.test(lastWord.text) && !roleWord(lastWord.lower);
  const byRole = unknownName ? null : definiteRole(st, raw, words.map((w) => w.lower), anyPersonName(st, ss, se));
  if (byRole) {
    st.note(byRole, ss, se, (st.sentences[raw.sentence] as Sentence).para);
    return { speaker: byRole, label: byRole.name, source: [ss, se] };
  }
  // "the doctors" after "The doctors, members of … Doctors for Camp Closure": the group's name.
  const group = groupNamed(st.body, [ss, se]);
  if (group) return { speaker: null, label: group, source: [ss, se], tied: true };
  const label = possessiveLabel(cleanLabel(text, st.body));
  const hasRole = words.some((w) => ROLE_NOUNS.has(w.lower) || UNNAMED_SOURCE_NOUNS.has(w.lower));
  const anyName = inHead.some((m) => m.kind === 'person' || m.kind === 'maybe-person');
  return { speaker: null, label, source: [ss, se], description: hasRole && !anyName };
}
