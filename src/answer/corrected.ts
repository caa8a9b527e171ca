/**
 * A server's accepted speaker corrections in the answers that list or count statements by person
 * (`/quotes`, `/people`, `/timeline speaker:`): a statement corrected away from someone leaves their list and count, one
 * corrected to them joins it. Excerpts elsewhere are relabelled by `attribution` (`excerpts.ts`).
 */
import type { SpeakerOverride } from '../core/corrections';
import type { Statement } from '../analysis/types';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { personKey, speakerKey, type PersonRecord } from '../knowledge/people';
import { byDate } from '../across/clusters';
import type { TimelineItem } from '../across/timeline';

type Said = { articleId: string; statement: Statement };

/** Whether a correction names this person (the article's own id for them, else their name). */
function names(person: PersonRecord, articleId: string, o: SpeakerOverride): boolean {
  if (!o.speaker) return false;
  if (o.speakerId && person.appearances.some((a) => a.articleId === articleId && a.speakerId === o.speakerId)) return true;
  return person.key === speakerKey(o.speaker.name) || person.nameKeys.includes(personKey(o.speaker.name));
}

/** The statement a placed override sits on, in this base. */
function statementAt(kb: KnowledgeBase, articleId: string, content: { start: number; end: number }): Statement | undefined {
  if (!kb.article(articleId)) return undefined;
  return kb.analysis(articleId).statements.find((s) => s.content.start === content.start && s.content.end === content.end);
}

/** A person's statements (the engine's, in article and reading order) with the server's corrections applied. */
export function correctedStatements(kb: KnowledgeBase, person: PersonRecord, engine: Said[]): Said[] {
  const lookup = kb.overrides;
  if (!lookup?.all?.length) return engine;
  const kept = engine.filter(({ articleId, statement }) => {
    const o = lookup(articleId, statement.content);
    return !o || names(person, articleId, o);
  });
  const have = new Set(kept.map((k) => k.statement));
  for (const p of lookup.all) {
    if (!names(person, p.articleId, p.override)) continue;
    const statement = statementAt(kb, p.articleId, p.content);
    if (statement && !have.has(statement)) {
      kept.push({ articleId: p.articleId, statement });
      have.add(statement);
    }
  }
  const order = new Map(kb.articles.map((a, i) => [a.id, i]));
  return kept.sort((x, y) => order.get(x.articleId)! - order.get(y.articleId)! || x.statement.content.start - y.statement.content.start);
}

/** Who the engine credits (by article speaker, by surname) and people by name: built once per base. */
function peopleLookup(kb: KnowledgeBase): { owner: Map<string, PersonRecord>; credited: Map<Statement, PersonRecord>; byName: Map<string, PersonRecord> } {
  const owner = new Map<string, PersonRecord>();
  const credited = new Map<Statement, PersonRecord>();
  const byName = new Map<string, PersonRecord>();
  for (const p of kb.people) {
    for (const a of p.appearances) owner.set(`${a.articleId}\u0000${a.speakerId}`, p);
    for (const c of p.credited) credited.set(c.statement, p);
    byName.set(p.key, p);
  }
  for (const p of kb.people) for (const k of p.nameKeys) if (!byName.has(k)) byName.set(k, p);
  return { owner, credited, byName };
}

/**
 * How the server's corrections change each person's statement count (person → +n / −n), or
 * undefined when there are none. One pass over the people and one over the corrections, so
 * `/people` stays linear however many corrections a server accepted.
 */
export function quoteDeltas(kb: KnowledgeBase): Map<PersonRecord, number> | undefined {
  const all = kb.overrides?.all;
  if (!all?.length) return undefined;
  const { owner, credited, byName } = kb.derived(peopleLookup);
  const deltas = new Map<PersonRecord, number>();
  const bump = (p: PersonRecord | undefined, n: number) => p && deltas.set(p, (deltas.get(p) ?? 0) + n);
  for (const { articleId, content, override } of all) {
    const statement = statementAt(kb, articleId, content);
    if (!statement) continue;
    const from = statement.speakerId ? owner.get(`${articleId}\u0000${statement.speakerId}`) : credited.get(statement);
    const name = override.speaker?.name;
    const to = name === undefined ? undefined : ((override.speakerId ? owner.get(`${articleId}\u0000${override.speakerId}`) : undefined) ?? byName.get(speakerKey(name)) ?? byName.get(personKey(name)));
    if (from === to) continue;
    bump(from, -1);
    bump(to, +1);
  }
  return deltas;
}

/** A person's timeline items with the server's corrections applied, still in publication order. */
export function correctedTimeline(kb: KnowledgeBase, person: PersonRecord, items: readonly TimelineItem[]): readonly TimelineItem[] {
  const lookup = kb.overrides;
  if (!lookup?.all?.length) return items;
  const order = new Map(kb.articles.map((a, i) => [a.id, i]));
  const said = correctedStatements(kb, person, items.map(({ articleId, statement }) => ({ articleId, statement })));
  return said
    .map(({ articleId, statement }): TimelineItem => {
      const published = kb.article(articleId)?.published;
      return { articleId, articleOrder: order.get(articleId)!, ...(published ? { published } : {}), statement };
    })
    .sort(byDate);
}
