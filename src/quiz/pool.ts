/**
 * The quotes a server's quiz may ask about, and the speakers it may offer as choices, from the
 * knowledge bases the server answers from. The worst bug is a wrong attribution, so a quote is
 * used only when the engine is sure who said it:
 * - a direct quotation (never a paraphrase or the reporter's narration);
 * - its source is a resolved person with a full name (two or more name words, not a place, an
 *   organisation, a party or an unnamed source), named in the text, not only a pronoun;
 * - the same words are not credited to someone else anywhere in the server's view (a conflict);
 * - the server's accepted correction wins (`core/corrections.ts`): a corrected speaker is used,
 *   a statement corrected to "unnamed" leaves the pool.
 */
import { createHash } from 'node:crypto';
import type { SpeakerOverrides } from '../core/corrections';
import type { Statement } from '../analysis/types';
import { ORG_WORDS, PRONOUNS, isPlace } from '../analysis/lexicon/index';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { speakerKey } from '../knowledge/people';

/** A named person who may be offered as a choice. */
export interface QuizSpeaker {
  /** `speakerKey` of the name: one person across articles. */
  key: string;
  name: string;
  role?: string;
  affiliation?: string;
  /** Articles the person speaks or appears in. */
  articles: Set<string>;
  /** Party ids the articles link the person to. */
  parties: Set<string>;
}

/** One quote the quiz may ask about. */
export interface QuizQuote {
  /** Stable across restarts and re-analysis of unchanged text: article id + hash of the words. */
  key: string;
  articleId: string;
  articleTitle: string;
  url?: string;
  paragraph: number;
  /** Verbatim; the pieces of an interrupted quotation joined with " … ". */
  text: string;
  speaker: { key: string; name: string; role?: string; affiliation?: string };
  /** Other names the article uses for the speaker (surname, variants), for masking. */
  aliases: string[];
  /** The engine's speaker when a correction replaced it, masked too. */
  replaced?: string;
  corrected: boolean;
  party?: string;
}

export interface QuizPool {
  quotes: QuizQuote[];
  speakers: Map<string, QuizSpeaker>;
}

const MIN_QUOTE_CHARS = 30;
const MAX_QUOTE_CHARS = 600;
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;
const PARTICLES = new Set(['de', 'da', 'del', 'der', 'van', 'von', 'bin', 'al', 'la', 'le', 'di', 'du', 'el', 'ibn']);

/** Whether a speaker's name is a person's full name (never a place, an organisation or a role). */
export function isFullPersonName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5 || name.length > 60) return false;
  if (isPlace(name)) return false;
  let capitals = 0;
  for (const w of words) {
    if (ORG_WORDS.has(w.toLowerCase())) return false;
    if (NAME_WORD.test(w)) capitals++;
    else if (!PARTICLES.has(w.toLowerCase())) return false;
  }
  return capitals >= 2;
}

/** The statement's words as shown: the outer span, or its pieces joined when a cue interrupts it. */
function quoteText(body: string, s: Statement): string {
  const pieces = s.fragments && s.fragments.length > 1 ? s.fragments : [[s.content.start, s.content.end] as [number, number]];
  return pieces
    .map(([a, b]) => body.slice(a, b).trim())
    .filter(Boolean)
    .join(' … ')
    .replace(/\s+/g, ' ');
}

/** Quote marks and case do not make two reports of one quotation different. */
function sameWords(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** One direct quotation of one base, as the engine left it (before any server's corrections). */
interface Candidate {
  articleId: string;
  articleTitle: string;
  url?: string;
  content: { start: number; end: number };
  paragraph: number;
  text: string;
  words: string;
  key: string;
  /** The engine's speaker, when it is a fully named person; `sure`: named in the text, not only by a pronoun. */
  engine?: { key: string; name: string; role?: string; affiliation?: string; aliases: string[] };
  sure: boolean;
  party?: string;
}

/** What a base offers the quiz, built once per base (`kb.derived`) and kept with it. */
interface BaseQuizParts {
  candidates: Candidate[];
  speakers: Map<string, QuizSpeaker>;
}

function addSpeaker(speakers: Map<string, QuizSpeaker>, name: string, articleId: string, party: string | undefined, role?: string, affiliation?: string): string {
  const key = speakerKey(name);
  let s = speakers.get(key);
  if (!s) {
    s = { key, name, ...(role ? { role } : {}), ...(affiliation ? { affiliation } : {}), articles: new Set(), parties: new Set() };
    speakers.set(key, s);
  }
  s.articles.add(articleId);
  if (party) s.parties.add(party);
  return key;
}

function baseParts(kb: KnowledgeBase): BaseQuizParts {
  const speakers = new Map<string, QuizSpeaker>();
  const candidates: Candidate[] = [];
  for (const article of kb.articles) {
    const analysis = kb.analysis(article.id);
    const parties = kb.parties.article(article.id).speakerParty;
    // (Not a people's name the engine keeps only for pronouns: `/people` does not list it either.)
    for (const sp of analysis.speakers) if (isFullPersonName(sp.name) && !sp.nameOnly) addSpeaker(speakers, sp.name, article.id, parties.get(sp.id), sp.role, sp.affiliation);
    for (const st of analysis.statements) {
      if (st.kind !== 'direct') continue;
      const text = quoteText(article.body, st);
      // Whole quotations only: a paraphrase around a quoted phrase mixes the reporter's words in.
      if (!/^["“‘«]/.test(text) || text.length < MIN_QUOTE_CHARS || text.length > MAX_QUOTE_CHARS) continue;
      const paragraph = kb.paragraphAt(article.id, st.content.start)?.paragraph.number;
      if (!paragraph) continue;
      const sp = st.speakerId ? analysis.speakerById.get(st.speakerId) : undefined;
      const engine = sp && isFullPersonName(sp.name) ? { key: speakerKey(sp.name), name: sp.name, ...(sp.role ? { role: sp.role } : {}), ...(sp.affiliation ? { affiliation: sp.affiliation } : {}), aliases: sp.aliases } : undefined;
      // A source that is only a pronoun ("he said") is a guess the quiz does not stake a point on.
      const source = st.source?.text.trim().toLowerCase();
      const party = sp ? parties.get(sp.id) : undefined;
      const words = sameWords(text);
      candidates.push({
        articleId: article.id,
        articleTitle: article.title,
        ...(article.url ? { url: article.url } : {}),
        content: { start: st.content.start, end: st.content.end },
        paragraph,
        text,
        words,
        key: `${article.id}#${createHash('sha256').update(words).digest('base64url').slice(0, 16)}`,
        ...(engine ? { engine } : {}),
        sure: Boolean(engine && source && !PRONOUNS[source]),
        ...(party ? { party } : {}),
      });
    }
  }
  return { candidates, speakers };
}

/** Builds the pool from the server's bases (shared folder first), honouring its corrections. */
export function buildPool(bases: readonly KnowledgeBase[], overrides?: SpeakerOverrides): QuizPool {
  const parts = bases.map((kb) => kb.derived(baseParts));
  // One base and no corrections: its speakers as they are; otherwise a merged copy (the cached sets stay untouched).
  const speakers = parts.length === 1 && !overrides ? parts[0]!.speakers : new Map<string, QuizSpeaker>();
  if (speakers !== parts[0]?.speakers) {
    for (const p of parts) for (const s of p.speakers.values()) for (const a of s.articles) addSpeaker(speakers, s.name, a, undefined, s.role, s.affiliation);
    for (const p of parts) for (const s of p.speakers.values()) for (const party of s.parties) speakers.get(s.key)!.parties.add(party);
  }
  const quotes: QuizQuote[] = [];
  const speakersOfWords = new Map<string, Set<string>>();
  for (const p of parts) {
    for (const c of p.candidates) {
      const override = overrides?.(c.articleId, c.content);
      // Every report of these words counts for conflicts, whoever the engine or the group credits.
      const creditedTo = override ? override.speaker && speakerKey(override.speaker.name) : c.engine?.key;
      if (creditedTo) {
        const set = speakersOfWords.get(c.words) ?? new Set<string>();
        set.add(creditedTo);
        speakersOfWords.set(c.words, set);
      }
      let speaker: QuizQuote['speaker'];
      let aliases: string[] = [];
      let replaced: string | undefined;
      if (override) {
        if (!override.speaker || !isFullPersonName(override.speaker.name)) continue;
        const o = override.speaker;
        speaker = { key: addSpeaker(speakers, o.name, c.articleId, undefined, o.role, o.affiliation), name: o.name, ...(o.role ? { role: o.role } : {}), ...(o.affiliation ? { affiliation: o.affiliation } : {}) };
        if (c.engine && c.engine.key !== speaker.key) replaced = c.engine.name;
      } else {
        if (!c.engine || !c.sure) continue;
        const { aliases: engineAliases, ...named } = c.engine;
        speaker = named;
        aliases = engineAliases;
      }
      quotes.push({
        key: c.key,
        articleId: c.articleId,
        articleTitle: c.articleTitle,
        ...(c.url ? { url: c.url } : {}),
        paragraph: c.paragraph,
        text: c.text,
        speaker,
        aliases,
        ...(replaced ? { replaced } : {}),
        corrected: Boolean(override),
        ...(c.party && !override ? { party: c.party } : {}),
      });
    }
  }
  // Words credited to two people anywhere in the server's view are not a fair question.
  const seen = new Set<string>();
  const fair = quotes.filter((q) => {
    const words = sameWords(q.text);
    if ((speakersOfWords.get(words)?.size ?? 0) > 1 || seen.has(q.key)) return false;
    seen.add(q.key);
    return true;
  });
  return { quotes: fair, speakers };
}

/**
 * Three other speakers for `quote`, plausible first: people of the same article, then of the same
 * party, then anyone in the pool; never the speaker, nor someone sharing a name word with them
 * (two "Kims" would make the answer a coin toss). Fewer than three when the pool has too few.
 */
export function distractors(quote: QuizQuote, pool: QuizPool, random: () => number): QuizSpeaker[] {
  const own = new Set(quote.speaker.name.toLowerCase().split(/\s+/));
  const candidates = [...pool.speakers.values()].filter(
    (s) => s.key !== quote.speaker.key && !s.name.toLowerCase().split(/\s+/).some((w) => own.has(w) && !PARTICLES.has(w)),
  );
  const tier = (s: QuizSpeaker) => (s.articles.has(quote.articleId) ? 0 : quote.party && s.parties.has(quote.party) ? 1 : 2);
  const ranked = shuffle(candidates, random).sort((a, b) => tier(a) - tier(b));
  const out: QuizSpeaker[] = [];
  const words = new Set<string>();
  for (const s of ranked) {
    const w = s.name.toLowerCase().split(/\s+/).filter((x) => !PARTICLES.has(x));
    if (w.some((x) => words.has(x))) continue;
    w.forEach((x) => words.add(x));
    out.push(s);
    if (out.length === 3) break;
  }
  return out;
}

/** Fisher–Yates with the injected random source (a copy; the input is left alone). */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export { seededRandom } from '../core/random';
