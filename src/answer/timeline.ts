/**
 * `/timeline`: what a person (`speaker:`) or a party's people (`party:`) said, in order of
 * publication, one line each — date, article, kind, source and the words — optionally narrowed to
 * a `topic:`. Paging is the renderers' (Discord pages the list with its Prev/Next buttons).
 */
import type { Answer, TimelineEntry } from '../core/answer';
import { UserInputError } from '../core/errors';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { statementText, timelineIndex, topicMatcher, type TimelineItem } from '../across/timeline';
import { attribution } from './excerpts';
import { findPeople } from './people';
import { articleFilter } from './filters';
import { correctedTimeline } from './corrected';

/** Entries one answer carries (25 Discord pages); the notice says when there are more. */
export const MAX_TIMELINE = 250;

export interface TimelineQuery {
  speaker?: string;
  party?: string;
  topic?: string;
  article?: string;
}

export function timelineAnswer(kb: KnowledgeBase, q: TimelineQuery): Answer {
  if (Boolean(q.speaker) === Boolean(q.party)) {
    throw new UserInputError('Give a speaker or a party (one of them), e.g. /timeline speaker:Sullivan or /timeline party:us topic:sanctions');
  }
  if (q.article) articleFilter(kb, q.article); // validates the id
  const articleId = q.article?.trim().toLowerCase();
  const index = timelineIndex(kb);
  const notes: string[] = [];
  let items: readonly TimelineItem[];
  let who: string;
  if (q.speaker) {
    const found = findPeople(kb, q.speaker);
    if (found.length === 0) {
      const known = [...kb.people].sort((a, b) => b.quotes - a.quotes).slice(0, 8).map((p) => p.name);
      return { command: 'timeline', excerpts: [], notice: `Nobody called “${q.speaker}” appears in the loaded articles.${known.length ? ` People who do: ${known.join(', ')}.` : ''}` };
    }
    const person = found[0]!;
    if (found.length > 1) notes.push(`“${q.speaker}” could mean ${found.map((p) => p.name).join(' or ')}. Showing ${person.name}.`);
    items = correctedTimeline(kb, person, index.person(person.key));
    who = person.name;
  } else {
    const party = kb.parties.resolve(q.party!);
    items = index.party(party.id);
    who = `people linked to ${party.name}`;
  }
  const onTopic = q.topic ? topicMatcher(q.topic) : undefined;
  const timeline: TimelineEntry[] = [];
  let total = 0;
  for (const item of items) {
    if (articleId && item.articleId !== articleId) continue;
    const article = kb.article(item.articleId)!;
    const text = statementText(article.body, item.statement);
    if (onTopic && !onTopic(text)) continue;
    total++;
    if (timeline.length >= MAX_TIMELINE) continue;
    const rec = kb.paragraphAt(item.articleId, item.statement.content.start)!;
    timeline.push({
      ...(item.published ? { date: item.published } : {}),
      article: { id: article.id, title: article.title, ...(article.url ? { url: article.url } : {}) },
      ...(article.publisher ? { publisher: article.publisher } : {}),
      paragraph: rec.paragraph.number,
      kind: item.statement.kind,
      source: attribution(kb, rec, item.statement).source,
      text,
    });
  }
  if (total === 0) notes.push(`No statements by ${who}${q.topic ? ` about “${q.topic}”` : ''} in the loaded articles.`);
  else if (total > timeline.length) notes.push(`Showing the first ${timeline.length} of ${total} statements by ${who}; add topic: or article: to narrow it.`);
  else notes.push(`${total} statement${total === 1 ? '' : 's'} by ${who}${q.topic ? ` about “${q.topic}”` : ''}, earliest first.`);
  return { command: 'timeline', excerpts: [], timeline, notice: notes.join(' ') };
}
