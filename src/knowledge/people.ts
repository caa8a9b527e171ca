/**
 * People across all articles. The attribution engine finds speakers per article; across articles
 * one person is one record:
 * - the same name is the same person (news rarely reuses full names within a reading list);
 * - a courtesy title or a lower-case role before the name is not part of it ("Mr Sullivan",
 *   "national security adviser Jake Sullivan");
 * - a surname alone ("Sullivan", the only name an article gives) is the one person of the library
 *   with that surname, when there is exactly one and its own article does not name another;
 * - a statement the engine left without a person because its source is a surname alone ("Mr
 *   Sullivan said", in an article that never gives the full name) is linked to that one person
 *   (`credited`), when the library has exactly one person with the surname and a courtesy title
 *   does not contradict their known gender;
 * - `people.yaml` (`PeopleOverrides`) merges names the rules cannot join and splits a name that
 *   means someone else in some articles.
 * Their statements are counted together.
 */
import type { ArticleAnalysis } from './articleAnalysis';
import type { Statement } from '../analysis/types';
import { personKey } from '../text/names';
import { NO_PEOPLE_OVERRIDES, type PeopleOverrides } from './peopleOverrides';

export { personKey };

export interface PersonRecord {
  /** Stable key: the normalised full name. */
  key: string;
  name: string;
  role?: string;
  affiliation?: string;
  aliases: string[];
  /** Normalised name and aliases, and their words: what typed names are matched against. */
  nameKeys: string[];
  nameTokens: string[];
  /** Statements (direct and indirect) attributed to this person. */
  quotes: number;
  /** In article order (the order of `analyses`), one per article speaker. */
  appearances: Array<{ articleId: string; speakerId: string }>;
  /** Statements without a speaker in their article whose source is this person's surname alone. */
  credited: Array<{ articleId: string; statement: Statement }>;
  /** From the articles' pronouns and titles, when they agree. */
  gender?: 'male' | 'female';
}

const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|sir|dame|madam|mister)\.?\s+/;

/** The key of a speaker's name without a courtesy title or lower-case role words in front. */
export function speakerKey(name: string): string {
  // Lower-case words before the first capitalised one are a role the engine left on the name.
  const trimmed = name.replace(/^(?:[\p{Ll}][\p{L}'’.-]*\s+)+(?=\p{Lu})/u, '');
  let key = personKey(trimmed);
  for (let before = ''; before !== key; ) {
    before = key;
    key = key.replace(HONORIFIC, '');
  }
  return key || personKey(name);
}

/** Builds the people list from every article's speakers, applying `overrides`. */
export function buildPeople(analyses: ArticleAnalysis[], overrides: PeopleOverrides = NO_PEOPLE_OVERRIDES): PersonRecord[] {
  const canonical = new Map<string, { key: string; name: string; role?: string; affiliation?: string }>();
  for (const entry of overrides.people) {
    const target = { key: speakerKey(entry.name), name: entry.name, ...(entry.role ? { role: entry.role } : {}), ...(entry.affiliation ? { affiliation: entry.affiliation } : {}) };
    for (const n of [entry.name, ...entry.aliases]) canonical.set(speakerKey(n), target);
  }
  const splits = new Map<string, { key: string; name: string; role?: string; affiliation?: string }>();
  for (const entry of overrides.split) {
    const target = { key: speakerKey(entry.name), name: entry.name, ...(entry.role ? { role: entry.role } : {}), ...(entry.affiliation ? { affiliation: entry.affiliation } : {}) };
    for (const id of entry.articles) splits.set(`${id.toLowerCase()}\u0000${speakerKey(entry.from)}`, target);
  }
  const pinned = new Set([...canonical.values(), ...splits.values()].map((t) => t.key));

  const byKey = new Map<string, PersonRecord>();
  /** Surname → keys of full-name records, and the articles where a full name with it appears. */
  const surnames = new Map<string, Set<string>>();
  const surnameArticles = new Map<string, Set<string>>();
  for (const a of analyses) {
    const counts = new Map<string, number>();
    for (const s of a.statements) if (s.speakerId) counts.set(s.speakerId, (counts.get(s.speakerId) ?? 0) + 1);
    for (const sp of a.speakers) {
      if (sp.nameOnly) continue;
      const own = speakerKey(sp.name);
      const fixed = splits.get(`${a.article.id}\u0000${own}`) ?? canonical.get(own);
      const key = fixed?.key ?? own;
      let rec = byKey.get(key);
      if (!rec) {
        rec = { key, name: fixed?.name ?? sp.name, aliases: [], nameKeys: [], nameTokens: [], quotes: 0, appearances: [], credited: [] };
        if (fixed?.role) rec.role = fixed.role;
        if (fixed?.affiliation) rec.affiliation = fixed.affiliation;
        addName(rec, rec.name);
        byKey.set(key, rec);
      }
      rec.role ??= sp.role;
      rec.affiliation ??= sp.affiliation;
      rec.gender ??= sp.gender;
      if (sp.name !== rec.name) addName(rec, sp.name, true);
      for (const alias of sp.aliases) addName(rec, alias, true);
      rec.quotes += counts.get(sp.id) ?? 0;
      rec.appearances.push({ articleId: a.article.id, speakerId: sp.id });
      // A display name's note in brackets ("John Smith (Ohio)") is not part of the surname.
      const tokens = key.replace(/\([^)]*\)/g, ' ').trim().split(/\s+/);
      if (tokens.length >= 2) {
        const surname = tokens[tokens.length - 1]!;
        let keys = surnames.get(surname);
        if (!keys) surnames.set(surname, (keys = new Set()));
        keys.add(key);
        let arts = surnameArticles.get(surname);
        if (!arts) surnameArticles.set(surname, (arts = new Set()));
        arts.add(a.article.id);
      }
    }
  }
  mergeSurnames(byKey, surnames, surnameArticles, pinned, analyses);
  creditSurnameSources(byKey, surnames, analyses);
  return [...byKey.values()];
}

const SURNAME_SOURCE = /^(?:(mr|mrs|ms|miss|dr)\.?\s+)?(\p{Lu}[\p{L}'’-]+)$/iu;

/**
 * Links statements whose source is a surname alone ("Mr Sullivan said", no person resolved in the
 * article) to the one person of the library with that surname. Not when the article itself names
 * someone with that surname (the engine then chose not to decide), nor when a title's gender
 * ("Mrs") contradicts the person's.
 */
function creditSurnameSources(byKey: Map<string, PersonRecord>, surnames: Map<string, Set<string>>, analyses: ArticleAnalysis[]): void {
  for (const a of analyses) {
    for (const statement of a.statements) {
      if (statement.speakerId) continue;
      const m = SURNAME_SOURCE.exec(statement.sourceLabel.trim());
      if (!m) continue;
      const surname = personKey(m[2]!);
      const keys = surnames.get(surname);
      if (!keys || keys.size !== 1) continue;
      const person = byKey.get([...keys][0]!);
      if (!person) continue;
      if (a.speakers.some((sp) => speakerKey(sp.name).split(' ').includes(surname))) continue;
      const title = m[1]?.toLowerCase();
      const titleGender = title === 'mr' ? 'male' : title === 'mrs' || title === 'ms' || title === 'miss' ? 'female' : undefined;
      if (titleGender && person.gender && titleGender !== person.gender) continue;
      person.credited.push({ articleId: a.article.id, statement });
      person.quotes++;
      addName(person, statement.sourceLabel.trim(), true);
    }
  }
}

/**
 * A record named by a surname alone joins the one full-name record with that surname — unless
 * the library has two such people, or its own article names someone with that surname in full
 * (the engine kept them apart there, knowing more than we do here).
 */
function mergeSurnames(
  byKey: Map<string, PersonRecord>,
  surnames: Map<string, Set<string>>,
  surnameArticles: Map<string, Set<string>>,
  pinned: Set<string>,
  analyses: ArticleAnalysis[],
): void {
  const order = new Map(analyses.map((a, i) => [a.article.id, i]));
  for (const rec of [...byKey.values()]) {
    if (rec.key.includes(' ') || pinned.has(rec.key)) continue;
    const full = surnames.get(rec.key);
    if (!full || full.size !== 1) continue;
    const arts = surnameArticles.get(rec.key)!;
    if (rec.appearances.some((ap) => arts.has(ap.articleId))) continue;
    const into = byKey.get([...full][0]!)!;
    into.quotes += rec.quotes;
    into.gender ??= rec.gender;
    into.appearances.push(...rec.appearances);
    into.appearances.sort((x, y) => order.get(x.articleId)! - order.get(y.articleId)!);
    into.role ??= rec.role;
    into.affiliation ??= rec.affiliation;
    for (const alias of [rec.name, ...rec.aliases]) addName(into, alias, true);
    byKey.delete(rec.key);
  }
}

function addName(rec: PersonRecord, name: string, alias = false): void {
  if (alias && name !== rec.name && !rec.aliases.includes(name)) rec.aliases.push(name);
  for (const k of new Set([personKey(name), speakerKey(name)])) {
    if (!k || rec.nameKeys.includes(k)) continue;
    rec.nameKeys.push(k);
    for (const t of k.split(/\s+/)) if (!rec.nameTokens.includes(t)) rec.nameTokens.push(t);
  }
}
