/**
 * Quote extraction and speaker attribution for one article body.
 *
 * Pipeline: structure (paragraphs, quotes, sentences) → proper names → attribution frames (cue,
 * source words, content) → one left-to-right pass that builds the people of the article and
 * resolves every source (names, surnames, pronouns, descriptions) using only what came before.
 */
import { roleWord } from './nounPhrases';
import type { RawStatement } from './statement';
import { findStatements } from './statements';
import { countryOf, FIRST_NAME_GENDER, isPlace, PRONOUNS, ROLE_NOUNS, UNNAMED_SOURCE_NOUNS } from './lexicon';
import { findNames, type NameMention } from './names';
import { resolvePronoun, type SalienceEntry } from './pronouns';
import { affiliationOf, roleAround } from './roles';
import { People, type Person } from './speakers';
import { findQuotes, lastAtOrBefore, QuoteIndex, splitParagraphs, splitSentences, tokenize, type Sentence } from './text';
import type { Attribution, AttributionOptions, Speaker, Statement } from './types';

const QUOTE_MARK = /["\u201C\u201D\u00AB\u00BB]|''/;

interface Event {
  pos: number;
  order: number;
  name?: NameMention;
  pronoun?: { start: number; end: number; lower: string; sentence: number };
  statement?: { raw: RawStatement; index: number };
}

interface Resolved {
  speaker: Person | null;
  label: string;
  source: [number, number] | null;
  /** A description ("a top US security official") that may later be linked to a named person. */
  description?: boolean;
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
  const raws = findStatements(body, paras, sentences, quotes, qi);
  const authorTokens = new Set((options.author ?? '').toLowerCase().split(/[\s(]+/).filter(Boolean));
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
    const pos = Math.max(raw.source ? raw.source[1] : 0, raw.cue ? raw.cue[0] : raw.content[0]);
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
  const usedAlone = new Set(names.filter((m) => m.tokens.length === 1 && !m.inQuote && m.kind !== 'place' && m.kind !== 'org').map((m) => m.text));
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

  const note = (p: Person, start: number, end: number, para: number): void => {
    p.mentions.push({ start, end });
    p.lastMention = Math.max(p.lastMention, start);
    p.lastMentionPara = Math.max(p.lastMentionPara, para);
  };

  for (const ev of events) {
    if (ev.name) {
      const m = ev.name;
      const s = sentences[m.sentence] as Sentence;
      let p: Person | null = null;
      if (m.tokens.length > 1 && (personKind(m) || (m.kind === 'maybe-person' && people.withToken(m.tokens[m.tokens.length - 1] ?? '').length > 0))) {
        const existing =
          people.all.find((x) => x.tokens[0] === m.tokens[0] && x.tokens[x.tokens.length - 1] === m.tokens[m.tokens.length - 1]) ??
          people.all.find((x) => x.tokens.length > m.tokens.length && x.tokens.slice(-m.tokens.length).join(' ') === m.tokens.join(' '));
        if (existing || personKind(m)) {
          p = people.upsertFull(m.tokens, m.text);
          if (!existing) describe(p, m, s);
        }
      } else if (m.tokens.length === 1 && m.kind !== 'org' && m.kind !== 'place') {
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
      const r = resolveSource(raw, index);
      resolved[index] = r;
      if (r.speaker) {
        r.speaker.lastSpoke = ev.pos;
        history.push({ pos: ev.pos, sentence: raw.sentence, person: r.speaker, subject: true, speaker: true });
        subjectTaken.add(raw.sentence);
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
      p.role = role;
      p.affiliation = affiliationOf(role);
      // "his mother, Ruth Palmiter": a role word that tells the gender.
      const roleGender = ROLE_GENDER[(/(\p{L}+)(?:\s+of\b.*)?$/u.exec(role.toLowerCase())?.[1] ?? '')];
      if (!p.gender && !m.gender && roleGender) p.gender = roleGender;
    }
    if (!p.gender && m.gender) p.gender = m.gender;
  }

  /** People named inside a statement's quoted words: a speaker does not name themself there. */
  function namedInside(raw: RawStatement): Set<Person> {
    const out = new Set<Person>();
    for (const [a, b] of raw.quoted) {
      for (const m of namesIn(a, b)) {
        const last = m.tokens[m.tokens.length - 1] ?? '';
        for (const p of people.withToken(last)) if (m.tokens.length > 1 || people.withToken(last).length === 1) out.add(p);
      }
    }
    return out;
  }

  function anyPersonName(s: number, e: number): boolean {
    return namesIn(s, e).some((m) => m.kind === 'person' || m.kind === 'maybe-person' || m.kind === 'org');
  }

  /**
   * "said the actor", "the Spanish foreign minister said", "the singer and guitarist told": a
   * definite description of one person, linked to the person the article gave that role (only
   * one may have it), or else to the person a pronoun would reach, if that person has no other
   * role. Two people with the role, or none in reach: null.
   */
  function definiteRole(raw: RawStatement, lowers: string[], named: boolean): Person | null {
    if (named || lowers.length === 0 || lowers.length > 5) return null;
    if (lowers.some((w) => /^(of|for|at|from|with|in|to)$/.test(w))) return null;
    const head = lowers[lowers.length - 1] ?? '';
    const personNoun = roleWord(head) || (head.length > 4 && /(?:or|er|ess|ist|ian|ant|ent)$/.test(head));
    const definite = lowers[0] === 'the' || (lowers.length === 1 && personNoun);
    if (!definite || !personNoun || (/s$/.test(head) && !/(ss|us)$/.test(head))) return null;
    if (UNNAMED_SOURCE_NOUNS.has(head) && !/^(spokesman|spokeswoman|spokesperson|official|adviser|advisor)$/.test(head)) return null;
    const before = raw.source ? raw.source[0] : raw.content[0];
    const known = people.all.filter((p) => p.mentions.some((m) => m.start < before));
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
    if (new RegExp(`\\b(?:a|an|one|another)\\s+(?:[\\p{L}-]+\\s+){0,3}${head}\\b`, 'iu').test(body.slice(0, before))) return null;
    const g = ROLE_GENDER[head];
    const p = resolvePronoun(history, before, raw.sentence, g, namedInside(raw));
    if (!p || (p.role && !new RegExp(`\\b${head}\\b`).test(p.role.toLowerCase()))) return null;
    // Another person named in reach who could hold the role (no role known): ambiguous.
    return p;
  }

  function resolveSource(raw: RawStatement, index: number): Resolved {
    if (!raw.source) {
      if (raw.inherit) {
        // "…, noting that …": the source of the statement this participle hangs on.
        for (let j = index - 1; j >= 0; j--) {
          const prev = raws[j] as RawStatement;
          if (prev.sentence < raw.sentence - 1) break;
          const pr = resolved[j];
          if (pr && prev.sentence === raw.sentence && (prev.cue?.[0] ?? 0) < (raw.cue?.[0] ?? 0)) return { ...pr };
        }
        // The subject words of the sentence ("Bush, …, attacked Trump, calling him …" → Bush):
        // resolved like any source, so a later object name never takes the statement.
        if (raw.subject) return resolveSource({ ...raw, source: raw.subject, inherit: false }, index);
        // Sentence subject.
        const sub = history.filter((h) => h.sentence === raw.sentence && h.subject).pop();
        if (sub) {
          const m = sub.person.mentions.find((x) => x.start === sub.pos);
          return { speaker: sub.person, label: sub.person.name, source: m ? [m.start, m.end] : null };
        }
      }
      return { speaker: null, label: 'unattributed', source: null };
    }
    const [ss, se] = raw.source;
    const text = body.slice(ss, se);
    if (raw.subject && /^who$/i.test(text)) {
      // "…, Bruce Turry, who said": the relative pronoun stays the source words, the
      // antecedent names the person.
      const ante = resolveSource({ ...raw, source: raw.subject, subject: undefined }, index);
      return { ...ante, source: [ss, se] };
    }
    const words = tokenize(body, ss, se);
    const first = words[0];
    // A lone sentence-initial function word ("Of", "Wait", "Here") is a parsing accident, not a
    // source: say so rather than print it as one.
    if (words.length === 1 && first && !PRONOUNS[first.lower] && (/^(of|in|on|at|for|with|as|after|before|when|if|but|and|so|yet|still|also|then|now|here|there|that|this|wait|or|ever|back|each|other|well|yes|no|note|update|watch|read|listen|transcript|excerpt|question|answer)$/.test(first.lower))) {
      return { speaker: null, label: 'unattributed', source: null };
    }
    // A transcript label in capitals ("PENCE") names a person the article introduced.
    if (words.length === 1 && first && /^\p{Lu}{3,}$/u.test(first.text)) {
      const p = people.resolveToken(first.text.charAt(0) + first.lower.slice(1), undefined, undefined);
      if (p) return { speaker: p, label: p.name, source: [ss, se] };
    }
    if (words.length === 1 && first && PRONOUNS[first.lower]) {
      const info = PRONOUNS[first.lower];
      if (info && info.person && info.gender) {
        const p = resolvePronoun(history, ss, raw.sentence, info.gender, namedInside(raw));
        if (p) {
          if (!p.gender) p.gender = info.gender;
          note(p, ss, se, (sentences[raw.sentence] as Sentence).para);
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
    const lastName = titled ? namesIn(ss, se).filter((m) => m.end === se && m.tokens.length > 1 && mentionPerson.has(m) && !m.possessive).pop() : undefined;
    if (lastName) {
      const p = mentionPerson.get(lastName) as Person;
      return { speaker: p, label: p.name, source: [ss, se] };
    }
    const inHead = namesIn(ss, headEnd);
    const personMention = [...inHead].reverse().find((m) => mentionPerson.has(m) && !m.possessive);
    if (personMention) {
      const p = mentionPerson.get(personMention) as Person;
      return { speaker: p, label: p.name, source: [ss, se] };
    }
    // "Nisan Ahmado's source", "Ford's now-deceased father": the person named is the possessor,
    // not the speaker; the label says whose source it was without naming them as the speaker.
    const possessor = /^['\u2019]s\s+(\p{Ll}[\p{L}-]*)/u.exec(body.slice(se, se + 40));
    if (possessor) return { speaker: null, label: possessiveLabel(cleanLabel(text, body) + body.slice(se, se + possessor[0].length)), source: [ss, se] };
    // "Cmdr. Sean Robertson, a spokesperson for Inherent Resolve, … told": an appositive
    // description right after a person's name is that person.
    const appositiveOf = /,\s*$/.test(body.slice(Math.max(0, ss - 3), ss)) && /^(a|an|the)$/.test(first?.lower ?? '') ? namesIn(Math.max(0, ss - 80), ss).filter((m) => mentionPerson.has(m) && !m.possessive && /^,\s*$/.test(body.slice(m.end, ss))).pop() : undefined;
    if (appositiveOf) {
      const p = mentionPerson.get(appositiveOf) as Person;
      return { speaker: p, label: p.name, source: [ss, se] };
    }
    const byRole = definiteRole(raw, words.map((w) => w.lower), anyPersonName(ss, se));
    if (byRole) {
      note(byRole, ss, se, (sentences[raw.sentence] as Sentence).para);
      return { speaker: byRole, label: byRole.name, source: [ss, se] };
    }
    const label = possessiveLabel(cleanLabel(text, body));
    const hasRole = words.some((w) => ROLE_NOUNS.has(w.lower) || UNNAMED_SOURCE_NOUNS.has(w.lower));
    const anyName = inHead.some((m) => m.kind === 'person' || m.kind === 'maybe-person');
    return { speaker: null, label, source: [ss, se], description: hasRole && !anyName };
  }

  // Descriptions that the next sentences name ("a top US security official …" then "US national
  // security adviser Jake Sullivan made the remarks"): link when the text makes the link.
  raws.forEach((raw, i) => {
    const r = resolved[i];
    if (!r || r.speaker || !r.description || !raw.source) return;
    const desc = tokenize(body, raw.source[0], raw.source[1]).map((t) => t.lower);
    if (!/^(a|an|the)$/.test(desc[0] ?? '')) return;
    for (let k = raw.sentence + 1; k <= raw.sentence + 2 && k < sentences.length; k++) {
      const s = sentences[k] as Sentence;
      const stext = body.slice(s.start, s.end);
      for (const p of people.all) {
        const firstMention = p.mentions[0];
        if (!firstMention || firstMention.start < s.start || firstMention.start >= s.end) continue;
        const roleWords = new Set(tokenize(p.role ?? '', 0, (p.role ?? '').length).map((t) => t.lower));
        const overlap = desc.filter((w) => roleWords.has(w) && !/^(a|an|the|of|for|and)$/.test(w)).length;
        const remarks = /\b(made|gave|delivered|issued)\s+(the|these|those|his|her)\s+(remarks|comments|statement)\b/i.test(stext);
        if (remarks || overlap >= 2) {
          r.speaker = p;
          r.label = p.name;
          p.mentions.push({ start: raw.source[0], end: raw.source[1] });
          return;
        }
      }
    }
  });

  // A quote paragraph with no cue right after a paragraph that ends with someone's statement
  // ("Viguerie tells Breitbart News.\n\n“Ted Cruz is …”") continues that speaker — the
  // newspaper convention for a new paragraph of the same source. Only a resolved person carries over.
  const lastSentenceOfPara: number[] = [];
  sentences.forEach((x, si) => (lastSentenceOfPara[x.para] = si));
  raws.forEach((raw, i) => {
    if (raw.pattern !== 'unattributed' || i === 0) return;
    const para = (sentences[raw.sentence] as Sentence).para;
    const pStart = paras[para]?.start;
    if (pStart !== raw.content[0]) return;
    // Only a new paragraph that opens like a sentence continues a speaker; "“… prevent the
    // evacuation”" alone in a paragraph is a fragment quoted from somebody else.
    if (/^(?:''|["\u201C\u00AB])\s*(?:\p{Ll}|\u2026|\.\.\.|\[)/u.test(body.slice(raw.content[0], raw.content[0] + 6))) return;
    const prevRaw = raws[i - 1] as RawStatement;
    const prevRes = resolved[i - 1];
    if (!prevRes?.speaker || (sentences[prevRaw.sentence] as Sentence).para !== para - 1) return;
    if (prevRaw.sentence !== lastSentenceOfPara[para - 1]) return;
    resolved[i] = { ...prevRes };
    if (prevRaw.cue) raw.cue = prevRaw.cue;
  });

  // A heading or pull quote that repeats words quoted further down ("“My fears have been
  // realized”" as a heading, then "Morrison told the committee, “… My fears have been
  // realized.”"): the speaker of the passage it repeats.
  const fold = (x: string): string => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  raws.forEach((raw, i) => {
    if (raw.pattern !== 'unattributed' || resolved[i]?.speaker) return;
    const para = paras[(sentences[raw.sentence] as Sentence).para];
    if (!para || !/^\s*(?:\d{1,2}[.)]\s*)?$/.test(body.slice(para.start, raw.content[0])) || body.slice(raw.content[1], para.end).trim() !== '') return;
    const inner = fold(body.slice(raw.content[0], raw.content[1]));
    if (!inner || inner.split(' ').length > 12 || inner.split(' ').length < 2) return;
    for (let j = i + 1; j < raws.length; j++) {
      const later = raws[j] as RawStatement;
      const lr = resolved[j];
      if ((sentences[later.sentence] as Sentence).para > para.index + 6) break;
      if (!lr?.speaker) continue;
      if (later.quoted.some(([a, b]) => fold(body.slice(a, b)).includes(inner))) {
        resolved[i] = { ...lr };
        return;
      }
    }
  });

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
    return sp;
  });
  return { statements, speakers };
}


/**
 * "Ford’s now-deceased father" → "the now-deceased father of Ford": a description led by a
 * possessive name reads as a description, not as the name of the speaker.
 */
function possessiveLabel(label: string): string {
  const m = /^((?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*)['\u2019]s\s+(\p{Ll}[^,;]*)$/u.exec(label);
  // "Russia’s foreign ministry" is an organisation's name in all but form: keep it.
  return m && m[1] && !isPlace(m[1]) && !countryOf(m[1]) ? `the ${m[2]} of ${m[1]}` : label;
}

/**
 * A readable label for an unnamed or organisational source ("Reports" → "reports"). A capitalised
 * first word whose lower-case form the article also uses ("Teachers chanted" beside "teacher
 * protest") is a common noun at the start of a sentence, not a name.
 */
function cleanLabel(text: string, body = ''): string {
  let t = text.replace(/\s+/g, ' ').trim();
  t = t.replace(/\s+(here|there|too|also)$/i, '');
  const first = t.split(' ')[0] ?? '';
  const lower = first.toLowerCase();
  if (UNNAMED_SOURCE_NOUNS.has(lower) || /^(a|an|the|some|many|several|most|other|two|three|few)$/.test(lower)) {
    // Sentence-initial capital on a common noun or determiner; keep "The White House" style names.
    const rest = t.slice(first.length);
    if (lower !== 'the' || !/^\s+\p{Lu}/u.test(rest)) t = lower + rest;
  } else if (/^\p{Lu}\p{Ll}+$/u.test(first) && body) {
    const stem = lower.replace(/(?:es|s)$/, '');
    if (stem.length > 3 && new RegExp(`(?:^|[^\\p{L}])${stem}(?:s|es)?(?![\\p{L}])`, 'u').test(body)) t = lower + t.slice(first.length);
  }
  return t;
}

/** A stand-in for a subject the text names but the engine cannot identify (never a speaker). */
function standIn(name: string, gender: 'male' | 'female' | undefined): Person {
  return { id: '', name, tokens: [], titles: new Set(), aliases: new Set(), mentions: [], lastSpoke: -1, lastMention: -1, lastMentionPara: -1, ...(gender ? { gender } : {}) };
}

/** Role nouns that tell a gender. */
const ROLE_GENDER: Record<string, 'male' | 'female'> = {
  mother: 'female', wife: 'female', daughter: 'female', sister: 'female', aunt: 'female', grandmother: 'female', actress: 'female', chairwoman: 'female', spokeswoman: 'female', congresswoman: 'female', queen: 'female', widow: 'female',
  father: 'male', husband: 'male', son: 'male', brother: 'male', uncle: 'male', grandfather: 'male', chairman: 'male', spokesman: 'male', congressman: 'male', king: 'male', widower: 'male',
};
