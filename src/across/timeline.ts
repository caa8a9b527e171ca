/**
 * Timelines: every statement (direct or indirect) of a person, or of a party's people, in order of
 * publication. Indexed once per knowledge base on first use (each person's and each party's list
 * already sorted), so a `/timeline` is a lookup plus the topic filter.
 */
import type { Statement } from '../analysis/types';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { isStopWord, words } from '../text/words';
import { byDate } from './clusters';

/** One statement on a timeline. */
export interface TimelineItem {
  articleId: string;
  articleOrder: number;
  published?: string;
  statement: Statement;
}

export interface TimelineIndex {
  /** A person's statements (by `PersonRecord.key`), earliest first. */
  person(key: string): readonly TimelineItem[];
  /** Statements of the people linked to a party (by party id), earliest first. */
  party(id: string): readonly TimelineItem[];
}

/** The knowledge base's timeline index, built on first use and kept with it. */
export function timelineIndex(kb: KnowledgeBase): TimelineIndex {
  return kb.derived(buildTimelineIndex);
}

/** Builds the index (exposed for the benchmark: `timelineIndex` caches). */
export function buildTimelineIndex(kb: KnowledgeBase): TimelineIndex {
  const personOf = new Map<string, string>();
  for (const p of kb.people) for (const ap of p.appearances) personOf.set(`${ap.articleId}\u0000${ap.speakerId}`, p.key);
  const byPerson = new Map<string, TimelineItem[]>();
  const byParty = new Map<string, TimelineItem[]>();
  const add = (map: Map<string, TimelineItem[]>, key: string, item: TimelineItem) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  kb.articles.forEach((article, articleOrder) => {
    const links = kb.parties.article(article.id).speakerParty;
    for (const statement of kb.analysis(article.id).statements) {
      if (!statement.speakerId) continue;
      const item: TimelineItem = { articleId: article.id, articleOrder, ...(article.published ? { published: article.published } : {}), statement };
      const person = personOf.get(`${article.id}\u0000${statement.speakerId}`);
      if (person) add(byPerson, person, item);
      const party = links.get(statement.speakerId);
      if (party) add(byParty, party, item);
    }
  });
  const order = new Map(kb.articles.map((a, i) => [a.id, i]));
  for (const p of kb.people) {
    for (const { articleId, statement } of p.credited) {
      const published = kb.article(articleId)?.published;
      add(byPerson, p.key, { articleId, articleOrder: order.get(articleId)!, ...(published ? { published } : {}), statement });
    }
  }
  for (const list of [...byPerson.values(), ...byParty.values()]) list.sort(byDate);
  return { person: (key) => byPerson.get(key) ?? [], party: (id) => byParty.get(id) ?? [] };
}

/** The words of a statement as printed: its content, the pieces of an interrupted quote joined by " … ". */
export function statementText(body: string, statement: Statement): string {
  const pieces = statement.fragments?.length ? statement.fragments : [[statement.content.start, statement.content.end] as [number, number]];
  return pieces.map(([s, e]) => body.slice(s, e).trim()).filter(Boolean).join(' … ');
}

/**
 * A test for statements about a topic: every content word of the topic appears in the statement,
 * as the word or a form sharing its first letters ("sanction" finds "sanctions", "sanctioned").
 */
export function topicMatcher(topic: string): ((text: string) => boolean) | undefined {
  const wanted = [...new Set(words(topic).map((w) => w.norm).filter((w) => !isStopWord(w)))];
  if (wanted.length === 0) return undefined;
  const stems = wanted.map((w) => (w.length >= 5 ? w.slice(0, Math.max(4, w.length - 2)) : w));
  return (text) => {
    const have = words(text).map((w) => w.norm);
    return stems.every((stem, i) => have.some((h) => h === wanted[i] || (stem.length >= 4 && h.startsWith(stem))));
  };
}
