/**
 * `/who-said`: finds a phrase inside what people said and answers with the speaker, the whole
 * quote and where it is. A phrase found in the reporter's own words is reported as narration.
 * When nobody said anything close, the answer says so and offers the closest passages, clearly
 * marked as `related` — a related passage is never presented as a match. A near miss (the same
 * words but for a content word: "opposed" for "aligned", a negation, a number) is never credited
 * either: it comes first among the related passages, and the notice says what differs
 * ("Jake Sullivan said “aligned”, not “opposed”").
 */
import type { Answer, Excerpt } from '../core/answer';
import { UserInputError } from '../core/errors';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { FUZZY_THRESHOLD } from '../search/phrase';
import type { ParsedQuery } from '../search/query';
import { excerptAt, statementAt } from './excerpts';
import { collapseClusters, type Shown } from './clusters';
import { articleFilter } from './filters';
import { locateKeywords, locatePhrase } from './locate';
import { sentencesOf } from '../core/article';

const MAX_MATCHES = 5;
const MAX_RELATED = 3;

export function whoSaidAnswer(kb: KnowledgeBase, phrase: string, articleId?: string): Answer {
  // Parsed once: the index, the phrase aligner and the keyword locator all read this.
  const parsed = kb.index.parseQuery(phrase);
  if (parsed.terms.length === 0) {
    throw new UserInputError('Give a few words that someone said, e.g. /who-said phrase:fundamentally aligned');
  }
  const filter = articleFilter(kb, articleId);
  const candidates = kb.index.candidates(parsed, { want: 20, limit: 40, filter });
  // Credited matches first, with the fuzzy threshold as the cheap bound: most candidates fail it
  // before any alignment is built. Only when nothing may be credited are the candidates without a
  // result aligned again down to the near-miss threshold (the same alignments, less cut off).
  const strict = candidates.map((c) => locatePhrase(kb.paragraphs[c.id]!.paragraph.text, kb.paragraphWords(c.id), parsed, { minShare: FUZZY_THRESHOLD }));
  const credited = strict.some((loc) => loc !== null && loc.match !== 'related');
  const matches: Shown[] = [];
  const nearMisses: Excerpt[] = [];
  const seen = new Set<string>();
  // Matches whose words are the reporter's although the excerpt is someone's statement: the
  // sentence "“…,” Sullivan said … when asked about …" carries his label everywhere (one
  // sentence, one label), but "when asked about" is not what he said.
  const reporterWords = new Set<Excerpt>();
  for (const [i, c] of candidates.entries()) {
    const rec = kb.paragraphs[c.id]!;
    const loc = strict[i] ?? (credited ? null : locatePhrase(rec.paragraph.text, kb.paragraphWords(c.id), parsed));
    if (!loc) continue;
    const excerpt = excerptAt(kb, rec, loc);
    const key = `${excerpt.article.id}#${excerpt.paragraph}:${excerpt.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const statement = statementAt(kb, rec, loc.start, loc.end);
    if (excerpt.kind !== 'narration' && !statement) reporterWords.add(excerpt);
    if (loc.match === 'related') nearMisses.push(excerpt);
    else matches.push({ excerpt, articleId: rec.article.id, statement });
  }
  // Exact before fuzzy; statements before narration; then by how much of the phrase was found.
  const spoken = (e: Excerpt): boolean => e.kind !== 'narration' && !reporterWords.has(e);
  matches.sort(
    ({ excerpt: a }, { excerpt: b }) =>
      Number(b.match === 'exact') - Number(a.match === 'exact') ||
      Number(spoken(b)) - Number(spoken(a)) ||
      b.score - a.score,
  );
  if (matches.length > 0) {
    // When someone did say it, the reporter's words around another statement are no answer.
    const credited = matches.some((m) => spoken(m.excerpt));
    const shown = matches.filter((m) => !credited || !reporterWords.has(m.excerpt));
    // A quotation several articles report is shown once, with its reports.
    const top = collapseClusters(kb, shown).slice(0, MAX_MATCHES);
    const best = top[0]!;
    const around = best.speaker?.name ?? best.source;
    const said =
      best.kind === 'narration'
        ? `Nobody is quoted saying that: it is the reporter's own narration${best.match === 'fuzzy' ? ' (close match)' : ''}.`
        : reporterWords.has(best)
          ? `Nobody is quoted saying that: it is the reporter's own narration${best.match === 'fuzzy' ? ' (close match)' : ''}, in the sentence that reports ${around}'s words.`
        : best.speaker === null
          ? forFirstOnly(unnamedNotice(best.source), top)
          : undefined;
    const notice = [said, best.cluster?.conflict].filter(Boolean).join(' ');
    return { command: 'who-said', excerpts: top, ...(notice ? { notice } : {}) };
  }
  // Near misses that say what differs first, then the passages sharing most words.
  const near = nearMisses.filter((e) => e.differs).sort((a, b) => b.score - a.score);
  const nearKeys = new Set(near.map((e) => `${e.article.id}#${e.paragraph}`));
  const others = relatedPassages(kb, parsed, candidates.map((c) => c.id)).filter((e) => !nearKeys.has(`${e.article.id}#${e.paragraph}`));
  const closest = near[0];
  const differs = closest ? ` ${closest.kind === 'narration' ? 'The article' : (closest.speaker?.name ?? closest.source)} ${closest.differs}.` : '';
  const excerpts = [...near, ...others].slice(0, MAX_RELATED);
  return {
    command: 'who-said',
    excerpts,
    // Only promise passages that are there.
    notice: excerpts.length
      ? `Nobody in the loaded articles said “${phrase}”.${differs} The closest passages are shown below; they are not matches.`
      : `Nobody in the loaded articles said “${phrase}”, and no passage comes close.`,
  };
}

/** The closest passages by shared words, labelled `related`. */
function relatedPassages(kb: KnowledgeBase, parsed: ParsedQuery, ids: number[]): Excerpt[] {
  const queryWords = parsed.words.map((w) => w.norm);
  const out: Excerpt[] = [];
  for (const id of ids) {
    const rec = kb.paragraphs[id]!;
    const loc = locateKeywords(sentencesOf(rec.paragraph), kb.paragraphWords(id), queryWords);
    if (!loc) continue;
    out.push(excerptAt(kb, rec, { ...loc, match: 'related' }));
  }
  return out.sort((a, b) => b.score - a.score).slice(0, MAX_RELATED);
}

/**
 * A notice about the first match's speaker, said of the first match only when the others have
 * other speakers: "Said by Seoul." above five matches from five sources would read as if Seoul
 * said them all.
 */
function forFirstOnly(notice: string, shown: Excerpt[]): string {
  const first = shown[0]!;
  const who = (e: Excerpt) => e.speaker?.name ?? e.source;
  if (shown.every((e) => e.kind !== 'narration' && e.speaker === null && who(e) === who(first))) return notice;
  return `The first match: ${notice.charAt(0).toLowerCase()}${notice.slice(1)}`;
}

/**
 * The notice for a statement without a resolved person. Only a description ("a government
 * source") means the article does not name who; an organisation is named; a pronoun ("he") means
 * the article names someone the engine could not pick out with confidence, and a pronoun or a
 * time word is never printed as if it were a name.
 */
export function unnamedNotice(source: string): string {
  const s = source.trim();
  if (!s || /^(?:unattributed|an unnamed source)$/i.test(s)) return 'The article does not say who said this.';
  if (/^(?:he|she|they|it|we|i|you|him|her|them|his|hers|their|who)$/i.test(s)) {
    return 'The article refers to the speaker only by a pronoun here, and Quotebook cannot tell with confidence who is meant, so it names nobody.';
  }
  if (/^the\s+\p{Lu}/iu.test(s)) return `Said by the ${s.slice(4)}.`;
  if (/^\p{Lu}/u.test(s) && !/^(?:the|a|an|some|one|two|several|many)\s/i.test(s)) return `Said by ${s}.`;
  return `Said by ${s}; the article does not name who.`;
}
