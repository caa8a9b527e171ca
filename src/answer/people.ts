/**
 * Person lookups: `/quotes` (everything one person said) and `/people` (who's who). Names typed by
 * users are matched on full names, surnames and aliases, tolerating a typo; an ambiguous surname
 * picks the most-quoted person and says who else it could mean.
 */
import type { Answer, Excerpt, Person } from '../core/answer';
import type { Statement } from '../analysis/types';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { personKey, type PersonRecord } from '../knowledge/people';
import { editDistance } from '../text/words';
import { excerptAt } from './excerpts';
import { articleFilter } from './filters';
import { collapseClusters, type Shown } from './clusters';
import { correctedStatements, quoteDeltas } from './corrected';

/** People whose name or alias matches what the user typed, best first. */
export function findPeople(kb: KnowledgeBase, typed: string): PersonRecord[] {
  const q = personKey(typed).replace(/^(?:mr|mrs|ms|dr|president|sen|rep|gov)\.?\s+/, '');
  if (!q) return [];
  const scored: Array<{ p: PersonRecord; rank: number }> = [];
  for (const p of kb.people) {
    const names = p.nameKeys;
    let rank = 0;
    if (names.includes(q)) rank = 4;
    else if (p.nameTokens.includes(q) || names.some((n) => n.endsWith(` ${q}`) || n.startsWith(`${q} `))) rank = 3;
    else if (names.some((n) => editDistance(n, q, 2) <= (q.length >= 8 ? 2 : 1))) rank = 2;
    else if (q.length >= 4) {
      for (const t of p.nameTokens) {
        if (t.length >= 4 && editDistance(t, q, 1) <= 1) {
          rank = 1;
          break;
        }
      }
    }
    if (rank > 0) scored.push({ p, rank });
  }
  return scored.sort((a, b) => b.rank - a.rank || b.p.quotes - a.p.quotes).filter((s, _, all) => s.rank === all[0]!.rank).map((s) => s.p);
}

export function quotesAnswer(kb: KnowledgeBase, typed: string): Answer {
  const found = findPeople(kb, typed);
  if (found.length === 0) {
    const known = [...kb.people].sort((a, b) => b.quotes - a.quotes).slice(0, 8).map((p) => p.name);
    return {
      command: 'quotes',
      excerpts: [],
      notice: `Nobody called “${typed}” appears in the loaded articles.${known.length ? ` People who do: ${known.join(', ')}.` : ''}`,
    };
  }
  const person = found[0]!;
  const others = found.slice(1);
  const shown = withoutRepeats(statementsOf(kb, person).map(({ articleId, statement }) => ({ excerpt: statementExcerpt(kb, articleId, statement), articleId, statement })));
  // A quotation several articles report is shown once, where it first appears, with its reports.
  const excerpts = collapseClusters(kb, shown);
  const notes: string[] = [];
  if (others.length > 0) {
    notes.push(
      `“${typed}” could mean ${[person, ...others].map((p) => `${p.name} (${p.quotes} statement${p.quotes === 1 ? '' : 's'})`).join(' or ')}. ` +
        `Showing ${person.name}; for the other${others.length > 1 ? 's' : ''}, ask /quotes speaker:${others[0]!.name}.`,
    );
  }
  if (excerpts.length === 0) notes.push(`${person.name} is mentioned in the loaded articles but not quoted.`);
  return { command: 'quotes', excerpts, people: [toPerson(person, quoteDeltas(kb))], ...(notes.length ? { notice: notes.join(' ') } : {}) };
}

/**
 * Drops an excerpt whose text is already shown inside another excerpt of the same paragraph.
 * Only excerpts of one paragraph are compared with each other: a much-quoted person has thousands
 * of statements at 190k paragraphs, and comparing every pair took seconds. Exported for its test.
 */
export function withoutRepeats(items: Shown[]): Shown[] {
  const keys = items.map(({ excerpt: e }) => `${e.article.id}\u0000${e.paragraph}`);
  const byParagraph = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const list = byParagraph.get(key);
    if (list) list.push(i);
    else byParagraph.set(key, [i]);
  });
  return items.filter(({ excerpt: e }, i) =>
    !byParagraph.get(keys[i]!)!.some((j) => {
      const o = items[j]!.excerpt;
      return j !== i && o.text.includes(e.text) && (o.text.length > e.text.length || j < i);
    }),
  );
}

/** A person's statements across articles, in article order then reading order. */
export function statementsOf(kb: KnowledgeBase, person: PersonRecord): Array<{ articleId: string; statement: Statement }> {
  const out: Array<{ articleId: string; statement: Statement }> = [];
  // Appearances are recorded in article order; within an article, statements in reading order.
  for (const { articleId, speakerId } of person.appearances) {
    for (const statement of statementsBySpeaker(kb, articleId).get(speakerId) ?? []) out.push({ articleId, statement });
  }
  if (person.credited.length === 0) return correctedStatements(kb, person, out);
  // Statements credited by surname alone (see knowledge/people.ts) join in article and reading order.
  const order = new Map(kb.articles.map((a, i) => [a.id, i]));
  const all = [...out, ...person.credited].sort(
    (x, y) => order.get(x.articleId)! - order.get(y.articleId)! || x.statement.content.start - y.statement.content.start,
  );
  return correctedStatements(kb, person, all);
}

/** Article id → its statements grouped by speaker id (each article's on first use). */
type BySpeaker = Map<string, Map<string, Statement[]>>;
const newBySpeaker = (): BySpeaker => new Map();

/** An article's statements grouped by speaker id, computed once per article and kept with the base. */
function statementsBySpeaker(kb: KnowledgeBase, articleId: string): Map<string, Statement[]> {
  const all = kb.derived(newBySpeaker);
  let map = all.get(articleId);
  if (!map) {
    map = new Map();
    for (const s of kb.analysis(articleId).statements) {
      if (!s.speakerId) continue;
      const list = map.get(s.speakerId);
      if (list) list.push(s);
      else map.set(s.speakerId, [s]);
    }
    all.set(articleId, map);
  }
  return map;
}

/** The excerpt for one statement, shown whole (in the paragraph where it starts). */
export function statementExcerpt(kb: KnowledgeBase, articleId: string, statement: Statement, score = 1): Excerpt {
  const rec = kb.paragraphAt(articleId, statement.content.start)!;
  const base = rec.paragraph.bodyStart;
  const start = Math.max(0, statement.content.start - base);
  const end = Math.min(rec.paragraph.text.length, statement.content.end - base);
  return excerptAt(kb, rec, { start, end, score });
}

export function peopleAnswer(kb: KnowledgeBase, articleId?: string): Answer {
  let people: PersonRecord[] = [...kb.people];
  if (articleId) {
    articleFilter(kb, articleId); // validates the id
    const id = articleId.trim().toLowerCase();
    people = people.filter((p) => p.appearances.some((a) => a.articleId === id));
  }
  const deltas = quoteDeltas(kb);
  const listed = people.map((p) => toPerson(p, deltas)).sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
  return {
    command: 'people',
    excerpts: [],
    people: listed,
    ...(people.length === 0 ? { notice: 'No people are quoted or described in the loaded articles.' } : {}),
  };
}

/** A person as answers list them; `deltas`: the server's corrections to the counts (`corrected.ts`). */
function toPerson(p: PersonRecord, deltas?: Map<PersonRecord, number>): Person {
  return { name: p.name, role: p.role ?? '', affiliation: p.affiliation ?? '', quotes: Math.max(0, p.quotes + (deltas?.get(p) ?? 0)) };
}
