/**
 * Answering from several knowledge bases at once: the shared `knowledge/` folder and a server's own
 * library are separate bases (each with its own index), so adding an article to one server never
 * rebuilds the shared index or another server's. An answering command runs on each base and the
 * answers are merged here, as plain `Answer` data.
 */
import type { Answer, Excerpt, Person } from './answer';

/**
 * Merges the answers of one command run on several bases (shared first). Excerpts are ordered by
 * score (ties keep the shared base first) and cut to the longest single answer, so a command's own
 * limit still holds; people are summed by name; article lists are joined. Notices of bases that
 * found nothing ("No match …") are dropped when another base found something.
 */
export function mergeAnswers(answers: readonly Answer[]): Answer {
  if (answers.length === 1) return answers[0]!;
  const first = answers[0]!;
  const found = (a: Answer) => a.excerpts.length > 0 || (a.people?.length ?? 0) > 0 || (a.articles?.length ?? 0) > 0;
  const withResults = answers.filter(found);
  const limit = Math.max(...answers.map((a) => a.excerpts.length));
  const excerpts: Excerpt[] = answers
    .flatMap((a, segment) => a.excerpts.map((e, i) => ({ e, segment, i })))
    .sort((x, y) => y.e.score - x.e.score || x.segment - y.segment || x.i - y.i)
    .slice(0, limit)
    .map((x) => x.e);
  const merged: Answer = { ...first, excerpts };
  const people = mergePeople(answers);
  if (people) merged.people = people;
  if (answers.some((a) => a.articles)) merged.articles = answers.flatMap((a) => a.articles ?? []);
  const notices = [...new Set((withResults.length ? withResults : [first]).map((a) => a.notice).filter((n): n is string => Boolean(n)))];
  if (notices.length) merged.notice = notices.join('\n');
  else delete merged.notice;
  return merged;
}

function mergePeople(answers: readonly Answer[]): Person[] | undefined {
  if (!answers.some((a) => a.people)) return undefined;
  const byName = new Map<string, Person>();
  for (const a of answers) {
    for (const p of a.people ?? []) {
      const had = byName.get(p.name);
      byName.set(p.name, had ? { ...had, quotes: had.quotes + p.quotes } : p);
    }
  }
  return [...byName.values()].sort((a, b) => b.quotes - a.quotes);
}

/**
 * Which bases an answer needs: all of them, or only those holding the article an `article:`
 * option names (a base without it would refuse the id). When no base holds it, the first one
 * answers, with its own message for an unknown article.
 */
export function segmentsFor<T extends { article(id: string): unknown }>(segments: readonly T[], articleId: unknown): readonly T[] {
  if (typeof articleId !== 'string' || !articleId || segments.length < 2) return segments;
  const holding = segments.filter((s) => s.article(articleId) !== undefined);
  return holding.length ? holding : segments.slice(0, 1);
}
