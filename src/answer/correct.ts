/**
 * `/correct`: finds the statement a member wants to correct (a phrase of it, or the target a
 * "Wrong speaker?" button names), lists the article's people to pick from, and turns the pick into
 * a proposal. Storing and reviewing it is the corrections service's job (`CommandContext.corrections`).
 */
import type { Answer, Excerpt } from '../core/answer';
import { shortHash, statementHash, statementText, UNNAMED, UNNAMED_SOURCE, type CorrectionTarget, type Proposal, type SpeakerOverride, type SpeakerOverrides } from '../core/corrections';
import { clip } from '../core/clip';
import type { CommandKnowledge } from '../core/command';
import { UserInputError } from '../core/errors';
import type { Speaker, Statement } from '../analysis/types';
import type { KnowledgeBase, ParagraphRecord } from '../knowledge/knowledgeBase';
import { personKey, speakerKey } from '../knowledge/people';
import { attribution, sourceLine, speakerRef, statementBounds } from './excerpts';
import { statementExcerpt } from './people';

/** Choices a string select holds (Discord: 25), one kept for "unnamed". */
const MAX_CHOICES = 25;
const UNNAMED_WORDS = new Set([UNNAMED, 'nobody', 'none', 'unknown', 'unnamed source', 'an unnamed source']);

/** One statement a member points at, in the base that holds its article. */
export interface Pointed {
  kb: KnowledgeBase;
  rec: ParagraphRecord;
  statement: Statement;
}

/**
 * The base holding an article among the caller's bases, as the caller's server sees it (with its
 * accepted corrections); a user error when none holds it.
 */
export function baseOf(segments: readonly CommandKnowledge[], overrides: SpeakerOverrides | undefined, articleId: string): KnowledgeBase {
  const id = articleId.trim().toLowerCase();
  const kb = (segments as readonly KnowledgeBase[]).find((s) => s.article(id) !== undefined);
  if (!kb) throw new UserInputError(`No article with id “${clip(articleId, 64)}” here (see /articles).`);
  return kb.corrected(overrides);
}

/**
 * The statement named by `target` (`p<paragraph>.<hash>` of an excerpt's text, `s<start>-<end>.<hash>`
 * of a statement's content) or containing `phrase`.
 */
export function pointAt(kb: KnowledgeBase, articleId: string, how: { target?: string; phrase?: string }): Pointed {
  const article = kb.article(articleId.trim().toLowerCase())!;
  const statements = kb.analysis(article.id).statements;
  const recOf = (s: Statement) => kb.paragraphAt(article.id, s.content.start)!;
  const gone = new UserInputError('That sentence is no longer in the article as it was shown (the article changed). Run the command again.');
  if (how.target) {
    const p = /^p(\d{1,6})\.([0-9a-f]{10})$/.exec(how.target);
    if (p) {
      const paragraph = article.paragraphs.find((x) => x.number === Number(p[1]));
      if (!paragraph) throw gone;
      const rec = kb.paragraphAt(article.id, paragraph.bodyStart)!;
      const end = paragraph.bodyStart + paragraph.text.length;
      for (const statement of statements) {
        if (statement.content.start >= end || statement.content.end <= paragraph.bodyStart) continue;
        const [from, to] = statementBounds(rec, statement);
        if (shortHash(paragraph.text.slice(from, to)) === p[2]) return { kb, rec, statement };
      }
      throw gone;
    }
    const s = /^s(\d{1,9})-(\d{1,9})\.([0-9a-f]{10})$/.exec(how.target);
    if (!s) throw new UserInputError('That correction link is not valid. Use the “Wrong speaker?” button again.');
    const same = (st: Statement) => shortHash(statementText(article.body, st.content)) === s[3];
    const statement =
      statements.find((st) => st.content.start === Number(s[1]) && st.content.end === Number(s[2]) && same(st)) ?? statements.find(same);
    if (!statement) throw gone;
    return { kb, rec: recOf(statement), statement };
  }
  const phrase = (how.phrase ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  if (!phrase) throw new UserInputError('Say which sentence: /correct article:<id> phrase:<a few words of it>.');
  const body = article.body.replace(/\s/g, ' ').toLowerCase();
  let found: Statement | undefined;
  for (let at = body.indexOf(phrase); at >= 0 && !found; at = body.indexOf(phrase, at + 1)) {
    const end = at + phrase.length;
    found = statements
      .filter((st) => st.content.start <= at && end <= st.content.end)
      .sort((a, b) => Number(b.kind === 'direct') - Number(a.kind === 'direct') || a.content.end - a.content.start - (b.content.end - b.content.start))[0];
  }
  if (!found) {
    throw new UserInputError(
      body.includes(phrase)
        ? "Those words are the reporter's own narration, not a statement, so there is no speaker to correct."
        : `No statement in ${article.id} contains “${clip(how.phrase ?? '', 80)}”.`,
    );
  }
  return { kb, rec: recOf(found), statement: found };
}

/** The article's people to pick from, most quoted then most mentioned, and "unnamed". */
export function speakerChoices(kb: KnowledgeBase, articleId: string, except?: string): CorrectionTarget['choices'] {
  const analysis = kb.analysis(articleId);
  const said = new Map<string, number>();
  for (const s of analysis.statements) if (s.speakerId) said.set(s.speakerId, (said.get(s.speakerId) ?? 0) + 1);
  const people = analysis.speakers
    .filter((sp) => sp.id.length <= 100 && sp.name !== except)
    .sort((a, b) => (said.get(b.id) ?? 0) - (said.get(a.id) ?? 0) || b.mentions.length - a.mentions.length || a.name.localeCompare(b.name))
    .slice(0, MAX_CHOICES - 1)
    .map((sp) => ({ value: sp.id, label: clip(sourceLine(sp), 100) }));
  return [...people, { value: UNNAMED, label: 'Unnamed: the article does not say who' }];
}

/** The override a typed or picked speaker gives: one of the article's people, or "unnamed". */
export function chosenSpeaker(kb: KnowledgeBase, articleId: string, typed: string, current?: string): SpeakerOverride {
  // A number picks from the list `/correct` showed (the console).
  const n = /^\d{1,2}$/.test(typed.trim()) ? Number(typed.trim()) : 0;
  const t = (n > 0 ? speakerChoices(kb, articleId, current)[n - 1]?.value : undefined) ?? typed.trim();
  if (UNNAMED_WORDS.has(t.toLowerCase())) return { speaker: null, source: UNNAMED_SOURCE };
  const key = personKey(t);
  const speakers = kb.analysis(articleId).speakers;
  const sp: Speaker | undefined =
    speakers.find((s) => s.id === t) ??
    speakers.find((s) => personKey(s.name) === key || speakerKey(s.name) === speakerKey(t)) ??
    speakers.find((s) => s.aliases.some((a) => personKey(a) === key));
  if (!sp) {
    const names = speakers.slice(0, 10).map((s) => s.name);
    throw new UserInputError(`“${clip(t, 60)}” is not one of the people in this article${names.length ? ` (${names.join(', ')}${speakers.length > 10 ? ', …' : ''})` : ''}; or say “unnamed”.`);
  }
  return { speaker: speakerRef(sp), source: sourceLine(sp), speakerId: sp.id };
}

/** The statement as the caller's server shows it now, and its identity for the next step. */
export function targetAnswer(p: Pointed): Answer {
  const excerpt = statementExcerpt(p.kb, p.rec.article.id, p.statement);
  const article = p.rec.article;
  const target: CorrectionTarget = {
    article: { id: article.id, title: article.title },
    paragraph: p.rec.paragraph.number,
    target: `s${p.statement.content.start}-${p.statement.content.end}.${shortHash(statementText(article.body, p.statement.content))}`,
    text: excerpt.text,
    current: excerpt.source,
    choices: speakerChoices(p.kb, article.id, excerpt.speaker?.name),
  };
  return {
    command: 'correct',
    excerpts: [excerpt],
    correction: target,
    notice: `Who said this? The answer now says ${excerpt.source}. Pick the right speaker from the article's people (or “unnamed”): /correct article:${article.id} target:${target.target} speaker:<name>`,
  };
}

/** The proposal for a pointed statement and a chosen speaker; a user error when nothing would change. */
export function proposalFor(p: Pointed, to: SpeakerOverride): { proposal: Proposal; excerpt: Excerpt } {
  const excerpt = statementExcerpt(p.kb, p.rec.article.id, p.statement);
  const now = attribution(p.kb, p.rec, p.statement);
  if (to.speaker ? now.speaker?.name === to.speaker.name : now.speaker === null) {
    throw new UserInputError(`The answer already says ${now.source}.`);
  }
  const article = p.rec.article;
  return {
    excerpt,
    proposal: {
      articleId: article.id,
      paragraph: p.rec.paragraph.number,
      content: { start: p.statement.content.start, end: p.statement.content.end },
      textHash: statementHash(article.body, p.statement.content),
      text: statementText(article.body, p.statement.content),
      from: now.source,
      to,
    },
  };
}
