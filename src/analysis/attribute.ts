/**
 * Quote extraction and speaker attribution for one article body.
 *
 * Pipeline: structure (paragraphs, quotes, sentences) → proper names → attribution frames (cue,
 * source words, content) → one left-to-right pass that builds the people of the article and
 * resolves every source (names, surnames, pronouns, descriptions) using only what came before.
 */
import { appositiveName } from './appositives';
import { documentAuthor } from './documentSources';
import { continueParagraphSpeakers, headingRepeats, linkDescriptions } from './carryOver';
import type { RawStatement } from './statement';
import { findStatements } from './statements';
import { FIRST_NAME_GENDER, FIRST_NAMES, PRONOUNS, UNNAMED_SOURCE_NOUNS } from './lexicon';
import { afterArticle, nextLowerWord, roleWord } from './nounPhrases';
import { findNames, type NameMention } from './names';
import { groupLikeName } from './nameCues';
import { resolvePronoun, type SalienceEntry } from './pronouns';
import { possessedSource } from './possessedQuotes';
import { resolveSource, type Resolved, type ResolveState } from './resolveSource';
import { affiliationOf, roleAround } from './roles';
import { ROLE_GENDER, standIn } from './sourceLabels';
import { People, type Person } from './speakers';
import { posTags } from './lexicon/cueStem';
import { lastAtOrBefore } from '../text/sortedSearch';
import { findQuotes, QuoteIndex, splitParagraphs, splitSentences, type Sentence } from '../text/structure';
import { tokenize } from '../text/tokens';
import type { Attribution, AttributionOptions, Speaker, Statement } from './types';

const QUOTE_MARK = /["\u201C\u201D\u00AB\u00BB]|''/;

interface Event {
  pos: number;
  order: number;
  name?: NameMention;
  pronoun?: { start: number; end: number; lower: string; sentence: number };
  statement?: { raw: RawStatement; index: number };
}

/** Nouns for groups and bodies, never one person. */
const COLLECTIVE = /^(?:police|staff|government|administration|campaign|team|committee|party|council|board|office|department|ministry|agency|company|group|family|military|army|public|media|press|court|congress|senate|house|crowd|audience|leadership|management|prosecution|defence|defense|embassy|spokespeople)$/;

/**
 * A stand-in for the one unnamed person a resolved source describes ("Berg's lawyer", "a spokesman
 * for Berg", "the aide"), or null when the source is no single person (a pronoun, a group, an
 * organisation, a document).
 */
function unnamedPerson(body: string, r: Resolved): Person | null {
  if (!r.source) return null;
  const words = tokenize(body, r.source[0], r.source[1]);
  const prep = words.findIndex((w, i) => i > 0 && /^(?:of|for|at|to|with|from|in)$/.test(w.lower));
  const head = words[(prep > 0 ? prep : words.length) - 1];
  if (!head || head.cap || words.length === 1 && PRONOUNS[head.lower]) return null;
  if (/s$/.test(head.lower) && !/(?:ss|us)$/.test(head.lower)) return null;
  if (!roleWord(head.lower) && !UNNAMED_SOURCE_NOUNS.has(head.lower) && !ROLE_GENDER[head.lower]) return null;
  // A group ("Tulsa police", "the campaign"), or the second half of one coordinated description
  // ("the former first lady and U.S. senator"), is no new person.
  if (COLLECTIVE.test(head.lower) || /\b(?:and|or)\s+$/i.test(body.slice(Math.max(0, r.source[0] - 5), r.source[0]))) return null;
  return standIn(head.lower, ROLE_GENDER[head.lower]);
}

/**
 * Whether a one-word name stands alone as a noun phrase of its own: not after an article ("the
 * Jin commander") and not before a lower-case word the lexicon knows first as a noun ("Mongol
 * tribes"), which makes it a modifier.
 */
function standsAlone(body: string, m: NameMention): boolean {
  if (afterArticle(body, m.start)) return false;
  if (m.possessive) return true;
  const next = nextLowerWord(body, m.end);
  return !next || !posTags(next)[0]?.startsWith('NN');
}

/**
 * A word the lexicon does not know as an ordinary word ("Chu-Ran"; not "Lacking", "Coming"): at
 * the start of a sentence only such a word is a name.
 */
function unknownWord(text: string): boolean {
  // "Don't", "We've": a contraction, not a name.
  if (/['\u2019](?:t|ve|re|ll|d|m)$/i.test(text)) return false;
  const tags = posTags(text.toLowerCase());
  return tags.length === 0 || tags[0] === 'NNP';
}

/** Whether the word after `end` is first of all a verb ("replied", "had"; not "the", tagged VBD too). */
function verbAfter(body: string, end: number): boolean {
  const next = nextLowerWord(body, end);
  return !!next && !!posTags(next)[0]?.startsWith('VB');
}

/** Where a sentence's first word starts (after opening quote marks and brackets). */
function skipOpening(body: string, start: number): number {
  return start + (/^["'\u201C\u2018(\s]*/.exec(body.slice(start, start + 8))?.[0].length ?? 0);
}

/** Whether the word after `end` is a verb the lexicon knows ("walked", "said", "had"). */
function actsAfter(body: string, end: number): boolean {
  const next = nextLowerWord(body, end);
  return !!next && posTags(next).some((t) => t.startsWith('VB'));
}

/**
 * The writer named on a byline line of its own near the top ("BYLINE: Amber Phillips", "By Amber
 * Phillips and Ola Berg") when the caller gave none: the writer is no speaker, and must not be the
 * person a later "he said" or "the mayor said" reaches for.
 */
function bylineAuthor(body: string): string {
  const m = /^(?:BYLINE:\s*|By\s+)((?:\p{Lu}[\p{L}.'\u2019-]*(?:\s+|,\s*|\s+and\s+)?){1,8})\s*$/mu.exec(body.slice(0, 600));
  return m?.[1]?.replace(/\band\b/g, ' ') ?? '';
}

/**
 * Extracts direct and indirect statements from `body` and attributes each to a speaker.
 * Offsets are JS string offsets into `body`, end exclusive. A statement whose source cannot be
 * identified gets `speakerId: null` and an honest `sourceLabel` ("unattributed", "observers").
 */
export function attributeQuotes(body: string, options: AttributionOptions = {}): Attribution {
  const paras = splitParagraphs(body);
  const quotes = findQuotes(body, paras);
  const qi = new QuoteIndex(quotes);
  const sentences = splitSentences(body, paras, qi);
  const names = findNames(body, sentences, (p) => !!qi.at(p));
  const raws = findStatements(body, paras, sentences, quotes, qi, options.cueLexicon);
  const authorTokens = new Set((options.author ?? bylineAuthor(body)).toLowerCase().split(/[\s(]+/).filter(Boolean));
  const isAuthor = (m: NameMention): boolean => authorTokens.size > 0 && m.tokens.every((t) => authorTokens.has(t.toLowerCase()));

  // Source spans, to promote capitalised runs that act as speakers to people.
  const sourceSpans = raws.filter((r) => r.source).map((r) => r.source as [number, number]).sort((a, b) => a[0] - b[0]);
  const sourceStarts = sourceSpans.map((x) => x[0]);
  const inSource = (m: NameMention): boolean => {
    // Last source span starting at or before the mention (spans are short and rarely nest).
    const k = lastAtOrBefore(sourceStarts, m.start);
    for (let j = k; j >= 0 && j > k - 3; j--) {
      const sp = sourceSpans[j] as [number, number];
      if (m.start >= sp[0] && m.end <= sp[1]) return true;
    }
    return false;
  };
  const nameStarts = names.map((m) => m.start);
  /** Name mentions inside [s, e), by binary search (names are in text order). */
  const namesIn = (s: number, e: number): NameMention[] => {
    const out: NameMention[] = [];
    for (let j = lastAtOrBefore(nameStarts, s - 1) + 1; j < names.length && (names[j] as NameMention).start < e; j++) {
      const m = names[j] as NameMention;
      if (m.start >= s && m.end <= e) out.push(m);
    }
    return out;
  };

  const events: Event[] = [];
  let order = 0;
  for (const m of names) if (!isAuthor(m)) events.push({ pos: m.start, order: order++, name: m });
  // Personal pronouns in narration: mentions, salience and gender evidence.
  sentences.forEach((s, si) => {
    for (const t of tokenize(body, s.start, s.end)) {
      // "he’d", "she's": the contraction is the pronoun too.
      const lower = t.lower.replace(/['\u2019](?:d|s|ll|ve)$/, '');
      if (!/^(he|she|his|her|him)$/.test(lower) || qi.at(t.start)) continue;
      events.push({ pos: t.start, order: order++, pronoun: { start: t.start, end: t.start + lower.length, lower, sentence: si } });
    }
  });
  raws.forEach((raw, index) => {
    // A quotation held by somebody else's noun ("rejected Varga's claim that “…”") is resolved
    // once the possessor's name has been read.
    // A name in apposition after the source words ("his aunt, Jane Starner,") is read first too,
    // So is the author named after a document ("a report from Kotak Institutional Equities").
    const apposed = raw.source ? (appositiveName(body, raw.source, namesIn)?.end ?? documentAuthor(body, raw.source)?.[1] ?? 0) : 0;
    const pos = Math.max(raw.source ? raw.source[1] : 0, raw.cue ? raw.cue[0] : raw.content[0], raw.owner ? raw.owner[1] : 0, apposed);
    events.push({ pos, order: order++, statement: { raw, index } });
  });
  events.sort((a, b) => a.pos - b.pos || a.order - b.order);

  const people = new People();
  const mentionPerson = new Map<NameMention, Person>();
  const history: SalienceEntry[] = [];
  const subjectTaken = new Set<number>();
  const resolved: Resolved[] = new Array(raws.length);
  const pronounOf = new Map<number, Person>();
  // Words used alone as a name somewhere in the narration ("Simmons teased …"): a capitalised
  // pair ending in one ("Pat Simmons") is a person the article goes on to refer to by surname.
  // A word before a noun ("the Jin dynasty", "Mongol tribes") names a people or a state, not a
  // person: only a word standing alone counts ("Patrick walked in", "Simmons's").
  const alone = names.filter((m) => m.tokens.length === 1 && !m.inQuote && m.kind !== 'place' && m.kind !== 'org' && standsAlone(body, m));
  // Not "of Saxony", "Calendar of Saints": after "of", or before "of" and a capital, a word names
  // a place or a thing (a possessive still owns something: "a photo of Martin's body").
  const usedAlone = new Set(alone.filter((m) => m.possessive || (!/\bof\s+$/.test(body.slice(Math.max(0, m.start - 4), m.start)) && !/^\s+of\s+\p{Lu}/u.test(body.slice(m.end, m.end + 6)))).map((m) => m.text));
  // Evidence of a person, not only of a name: the word alone owns something or does something
  // ("Patrick walked in", "Patrick's"), not "Mongol conquest" with a noun the lexicon lacks.
  const actsAlone = new Set(alone.filter((m) => m.possessive || actsAfter(body, m.end)).map((m) => m.text));
  const personKind = (m: NameMention): boolean => {
    if (m.kind === 'person' || (m.kind === 'maybe-person' && inSource(m))) return true;
    if (m.kind === 'maybe-person' && !m.inQuote && m.tokens.length > 1 && usedAlone.has(m.tokens[m.tokens.length - 1] ?? '')) {
      // Not "Hosting Cook at Dreamforce …": a sentence-initial word must be a known first name.
      const first = m.tokens[0] ?? '';
      const atStart = /^[\s"'\u201C\u2018(]*$/.test(body.slice((sentences[m.sentence] as Sentence).start, m.start));
      if (!/(?:ing|ed)$/.test(first) && (!atStart || FIRST_NAME_GENDER.has(first.toLowerCase()))) return true;
    }
    if (m.kind !== 'maybe-person' || m.inQuote) return false;
    // A capitalised pair described by a role ("US special envoy for North Korea Sung Kim").
    const s = sentences[m.sentence] as Sentence;
    return !!roleAround(body, m.start, m.start, m.end, s.start, s.end).role;
  };

  /**
   * The one known person whose surname ends a new run of names none of which is a first name
   * ("Cardinal Cajetan Luther" after "Martin Luther"; not "Hans Luther", not "Hillary Rodham
   * Clinton"): a title and a name before theirs, with no comma between.
   */
  const juxtaposed = (m: NameMention): Person | null | undefined => {
    if (m.kind !== 'maybe-person' || m.tokens.length < 3 || m.tokens.slice(0, -1).some((t) => FIRST_NAMES.has(t.toLowerCase()))) return undefined;
    const last = m.tokens[m.tokens.length - 1] ?? '';
    const same = people.withToken(last).filter((x) => x.tokens.length > 1 && x.tokens[x.tokens.length - 1] === last);
    if (same.length === 0) return undefined;
    return same.length === 1 ? (same[0] as Person) : null;
  };

  const note = (p: Person, start: number, end: number, para: number): void => {
    p.mentions.push({ start, end });
    p.lastMention = Math.max(p.lastMention, start);
    p.lastMentionPara = Math.max(p.lastMentionPara, para);
  };

  const state: ResolveState = { body, sentences, raws, resolved, people, history, mentionPerson, namesIn, note };

  for (const ev of events) {
    if (ev.name) {
      const m = ev.name;
      const s = sentences[m.sentence] as Sentence;
      let p: Person | null = null;
      if (m.tokens.length > 1 && (personKind(m) || (m.kind === 'maybe-person' && people.withToken(m.tokens[m.tokens.length - 1] ?? '').length > 0))) {
        const existing =
          people.all.find((x) => x.tokens[0] === m.tokens[0] && x.tokens[x.tokens.length - 1] === m.tokens[m.tokens.length - 1]) ??
          people.all.find((x) => x.tokens.length > m.tokens.length && x.tokens.slice(-m.tokens.length).join(' ') === m.tokens.join(' '));
        const joined = existing ? undefined : juxtaposed(m);
        if (joined !== undefined) {
          // "questioning by papal legate Cardinal Cajetan Luther stated": two names run together;
          // the last word is a person the article already knows (nobody, when several share it).
          p = joined;
        } else if (existing || personKind(m)) {
          p = people.upsertFull(m.tokens, m.text);
          if (!existing) {
            if (m.kind !== 'person' && !m.title && !m.gender && !FIRST_NAME_GENDER.has((m.tokens[0] ?? '').toLowerCase()) && !actsAlone.has(m.tokens[m.tokens.length - 1] ?? '')) {
              p.weak = true;
              p.groupLike = groupLikeName(body, m.tokens);
            }
            describe(p, m, s);
          }
        }
      } else if (m.tokens.length === 1 && m.kind !== 'org' && m.kind !== 'place' && !/^ \d/.test(body.slice(m.end, m.end + 2))) {
        // (Not "John 6.63", "Psalm 23": a word before a number cites a book or names a thing.)
        p = people.resolveToken(m.text, m.title, m.gender);
        if (!p && m.title && m.kind === 'person') {
          p = people.upsertFull(m.tokens, m.text);
          describe(p, m, s);
        }
        if (p) p.aliases.add(m.text);
        else if (!m.inQuote && !subjectTaken.has(m.sentence) && people.withToken(m.text).length > 1) {
          // A surname shared by several people and not separated ("Ford" with John and Dale
          // Ford): the sentence has a subject, we just do not know who; a later pronoun that
          // reaches it must not skip to another name.
          subjectTaken.add(m.sentence);
          const genders = new Set(people.withToken(m.text).map((x) => x.gender));
          history.push({ pos: m.start, sentence: m.sentence, person: standIn(m.text, genders.size === 1 ? [...genders][0] : undefined), subject: true, speaker: false, unknown: true });
        } else if (!m.inQuote && !subjectTaken.has(m.sentence) && !m.possessive && m.start === skipOpening(body, s.start) && unknownWord(m.text) && standsAlone(body, m) && verbAfter(body, m.end)) {
          // "Chu-Ran replied that … he did not consider …": a word the article never named in full
          // opens the sentence and acts. Somebody is its subject, we do not know who; a "he" in
          // the sentence is most likely them, and must not skip back to a person named before.
          subjectTaken.add(m.sentence);
          history.push({ pos: m.start, sentence: m.sentence, person: standIn(m.text, undefined), subject: true, speaker: false, unknown: true });
        }
      }
      if (p) {
        if (m.title) p.titles.add(m.title.toLowerCase().replace(/\./g, ''));
        if (m.title) for (const w of m.title.toLowerCase().replace(/\./g, '').split(' ')) p.titles.add(w);
        if (!p.gender && m.gender) p.gender = m.gender;
        mentionPerson.set(m, p);
        note(p, m.start, m.end, m.para);
        // "Anna Berg and Lena Berg opened …": a name joined to the subject by "and" is a subject too.
        const prevSubject = history.length ? history[history.length - 1] : undefined;
        const coordinated = !!prevSubject && prevSubject.subject && prevSubject.sentence === m.sentence && prevSubject.person !== p && /^,?\s+and\s+$/.test(body.slice((prevSubject.person.mentions.find((x) => x.start === prevSubject.pos)?.end ?? prevSubject.pos), m.runStart));
        const subject = !m.inQuote && (!subjectTaken.has(m.sentence) || coordinated);
        if (subject) subjectTaken.add(m.sentence);
        if (!m.inQuote) history.push({ pos: m.start, sentence: m.sentence, person: p, subject, speaker: false });
      }
    } else if (ev.pronoun) {
      const pr = ev.pronoun;
      const g = PRONOUNS[pr.lower]?.gender;
      const p = resolvePronoun(history, pr.start, pr.sentence, g);
      // "She gave me the address of Ford's sister, Martha Fry": a he/she subject keeps later
      // names in its sentence from being taken for the subject, resolved or not.
      if (!p && /^(he|she)$/.test(pr.lower) && !subjectTaken.has(pr.sentence)) {
        subjectTaken.add(pr.sentence);
        history.push({ pos: pr.start, sentence: pr.sentence, person: standIn(pr.lower, g), subject: true, speaker: false, unknown: true });
      }
      if (p) {
        pronounOf.set(pr.start, p);
        if (!p.gender && g && /^(he|she)$/.test(pr.lower)) p.gender = g;
        note(p, pr.start, pr.end, (sentences[pr.sentence] as Sentence).para);
        if (/^(he|she)$/.test(pr.lower) && !subjectTaken.has(pr.sentence)) {
          subjectTaken.add(pr.sentence);
          history.push({ pos: pr.start, sentence: pr.sentence, person: p, subject: true, speaker: false });
        }
      }
    } else if (ev.statement) {
      const { raw, index } = ev.statement;
      const r = possessedSource(state, raw, index, resolveSource(state, raw, index));
      resolved[index] = r;
      // Named as a source in its own words ("Laukowski wrote"), not through a pronoun: a person.
      if (r.speaker?.weak && r.source && !PRONOUNS[body.slice(r.source[0], r.source[1]).toLowerCase()]) r.speaker.weak = false;
      if (r.speaker) {
        if (!r.apposed) r.speaker.lastSpoke = ev.pos;
        history.push({ pos: ev.pos, sentence: raw.sentence, person: r.speaker, subject: true, speaker: true });
        subjectTaken.add(raw.sentence);
      } else {
        // "Berg's lawyer said …. He added …": an unnamed person spoke; a later "he" may be them,
        // so it must not skip back to the name inside the description.
        // A definite description ("the former first lady") may be somebody named before, whom
        // `linkDescriptions` links later; an indefinite one ("a spokesman for Berg") is new.
        const definite = !!r.source && /^the\s/i.test(body.slice(r.source[0], r.source[1]));
        // A questioner ("A reporter asked Sanders …") is not who answers next.
        const asking = !!raw.cue && /^ask/i.test(body.slice(raw.cue[0], raw.cue[1]));
        const who = definite || asking ? null : unnamedPerson(body, r);
        if (who) {
          // The name inside the description ("Berg" of "Berg's lawyer") was not the subject.
          const src = r.source as [number, number];
          for (const h of history) if (h.sentence === raw.sentence && h.pos >= src[0] && h.pos < src[1]) h.subject = false;
          history.push({ pos: ev.pos, sentence: raw.sentence, person: who, subject: true, speaker: true, unknown: true });
          subjectTaken.add(raw.sentence);
        }
      }
    }
  }

  /** Role, affiliation and gender of a person at their first mention. */
  function describe(p: Person, m: NameMention, s: Sentence): void {
    const info = roleAround(body, m.start, m.start, m.end, s.start, s.end, m.title);
    let role = info.role;
    if (role && info.possessor) {
      const owner = pronounOf.get(info.possessor.pos) ?? resolvePronoun(history, info.possessor.pos, m.sentence, PRONOUNS[info.possessor.pronoun]?.gender);
      if (owner && owner !== p) role = `${role} of ${owner.name}`;
    }
    if (role) {
      p.weak = false;
      p.role = role;
      p.affiliation = affiliationOf(role);
      // "his mother, Ruth Palmiter": a role word that tells the gender.
      const roleGender = ROLE_GENDER[(/(\p{L}+)(?:\s+of\b.*)?$/u.exec(role.toLowerCase())?.[1] ?? '')];
      if (!p.gender && !m.gender && roleGender) p.gender = roleGender;
    }
    if (!p.gender && m.gender) p.gender = m.gender;
  }

  linkDescriptions(body, sentences, raws, resolved, people);
  continueParagraphSpeakers(body, paras, sentences, raws, resolved);
  headingRepeats(body, paras, sentences, raws, resolved);

  const statements: Statement[] = raws.map((raw, i) => {
    const r = resolved[i] ?? { speaker: null, label: 'unattributed', source: null };
    const content = { start: raw.content[0], end: raw.content[1] };
    const fragText = raw.fragments ? raw.fragments.map(([a, b]) => body.slice(a, b)).join(' ') : body.slice(content.start, content.end);
    const st: Statement = {
      kind: QUOTE_MARK.test(fragText) || raw.singleQuoted ? 'direct' : 'indirect',
      content,
      source: r.source ? { start: r.source[0], end: r.source[1], text: body.slice(r.source[0], r.source[1]) } : null,
      speakerId: r.speaker ? r.speaker.id : null,
      sourceLabel: r.speaker ? r.speaker.name : r.label,
      quoted: raw.quoted.map(([a, b]) => ({ start: a, end: b })),
    };
    if (raw.fragments && raw.fragments.length > 1) st.fragments = raw.fragments;
    if (raw.cue) st.cue = { start: raw.cue[0], end: raw.cue[1], text: body.slice(raw.cue[0], raw.cue[1]) };
    return st;
  });

  const speakers: Speaker[] = people.all.map((p) => {
    const sp: Speaker = { id: p.id, name: p.name, aliases: [...p.aliases], mentions: [...p.mentions].sort((a, b) => a.start - b.start) };
    if (p.role) sp.role = p.role;
    if (p.affiliation) sp.affiliation = p.affiliation;
    if (p.gender) sp.gender = p.gender;
    if (p.weak && p.groupLike) sp.nameOnly = true;
    return sp;
  });
  return { statements, speakers };
}
