/**
 * `/position`'s stance index: for every party, the stretches of the articles that hold its stance,
 * each with the category and score its excerpt will rank by, so a query only ranks and renders.
 * 1. the party's own voice: statements of people linked to it ("Sullivan said …" for the US) and
 *    of unnamed sources that say whose they are ("a US official said");
 * 2. reported stance: a statement whose source is the party itself ("Seoul views …"), or a stance
 *    frame around a mention of the party or of one of its people (stance.ts: "Washington has
 *    begun looking into …", "Seoul's renewed push");
 * 3. others' claims about whether it will go along ("difficult for Washington to sign on …").
 *
 * Built in one pass over the articles for every party at once (a holder's stance frame does not
 * depend on which party asks), once per knowledge base through `kb.derived`; articles sharing an
 * analysis (replicas, wire copies) share their stances. A party's ranked buckets are put together
 * on its first query from the articles that name it.
 */
import { sentencesOf, type Article, type Sentence } from '../core/article';
import { statementCovering } from '../analysis/statementCover';
import type { Speaker, Statement } from '../analysis/types';
import { lastAtOrBefore } from '../text/sortedSearch';
import { isStopWord, words } from '../text/words';
import type { ArticleParties } from './knowledgeParties';
import { partyInPhrase } from './people';
import type { PartyRegistry } from './registry';
import { stanceFrame, type FrameKind } from './stance';

/** 1 the party's own voice, 2 reported stance, 3 others' claims. */
export type StanceCategory = 1 | 2 | 3;

/** A stance-holding range in one paragraph, with the category and rounded score its excerpt gets. */
export interface StanceItem {
  /** Paragraph index inside the article. */
  para: number;
  /** Offsets in the paragraph text. */
  start: number;
  end: number;
  /** The holder's mention, for a stance frame (paragraph offsets). */
  marks: Array<[number, number]>;
  cat: StanceCategory;
  score: number;
}

/** One party's items across the knowledge base, grouped by (category, score), best group first. */
export interface PartyStances {
  /** Each group's items in knowledge-base order, `recs[i]` the paragraph record of `items[i]`. */
  buckets: Array<{ cat: StanceCategory; score: number; recs: number[]; items: StanceItem[] }>;
  /** Paragraph records that hold at least one item (for topics; on first use). */
  paragraphs?: Set<number>;
}

/** What the index reads from a knowledge base (`KnowledgeBase` is one). */
export interface StanceSource {
  readonly articles: readonly Article[];
  analysis(articleId: string): { readonly statements: readonly Statement[]; readonly speakers: readonly Speaker[] };
  readonly parties: { readonly registry: PartyRegistry; article(articleId: string): ArticleParties };
  /** The paragraph record holding a body offset (offset 0: the article's first record). */
  paragraphAt(articleId: string, bodyOffset: number): { id: number } | undefined;
}

/** What one analysed body holds: the parties it names and each one's items, in paragraph order. */
interface ArticleStances {
  named: ReadonlySet<string>;
  byParty: ReadonlyMap<string, StanceItem[]>;
}

const NO_ITEMS: readonly StanceItem[] = [];

/** The stance index of a knowledge base: pass to `kb.derived`, which builds it once per base. */
export function buildStanceIndex(source: StanceSource): StanceIndex {
  return new StanceIndex(source);
}

export class StanceIndex {
  private readonly byArticle = new Map<string, ArticleStances>();
  private readonly first = new Map<string, number>();
  /** Party id → the articles naming it, in knowledge-base order. */
  private readonly naming = new Map<string, string[]>();
  private readonly parties = new Map<string, PartyStances>();

  constructor(source: StanceSource) {
    const labels = new SourceLabels(source.parties.registry);
    // statements array → speaker links → stances: articles with one analysis share all three.
    const shared = new Map<readonly Statement[], Map<ReadonlyMap<string, string>, ArticleStances>>();
    for (const article of source.articles) {
      const first = article.paragraphs.length > 0 ? source.paragraphAt(article.id, 0)?.id : undefined;
      if (first === undefined) continue;
      this.first.set(article.id, first);
      const analysis = source.analysis(article.id);
      const ap = source.parties.article(article.id);
      let byLinks = shared.get(analysis.statements);
      if (!byLinks) shared.set(analysis.statements, (byLinks = new Map()));
      let st = byLinks.get(ap.speakerParty);
      if (!st) byLinks.set(ap.speakerParty, (st = findStances(article, analysis, ap, labels)));
      this.byArticle.set(article.id, st);
      for (const p of st.named) {
        const list = this.naming.get(p);
        if (list) list.push(article.id);
        else this.naming.set(p, [article.id]);
      }
    }
  }

  /** Id of an article's first paragraph record; undefined for an article without paragraphs. */
  firstRecord(articleId: string): number | undefined {
    return this.first.get(articleId);
  }

  /** The items of one party in one article, in paragraph and discovery order. */
  itemsIn(articleId: string, partyId: string): readonly StanceItem[] {
    return this.byArticle.get(articleId)?.byParty.get(partyId) ?? NO_ITEMS;
  }

  /** One party's items across the knowledge base, ranked in buckets (put together on first use). */
  party(partyId: string): PartyStances {
    let ps = this.parties.get(partyId);
    if (ps) return ps;
    const buckets = new Map<number, PartyStances['buckets'][number]>();
    for (const articleId of this.naming.get(partyId) ?? []) {
      const first = this.first.get(articleId)!;
      for (const it of this.itemsIn(articleId, partyId)) {
        const k = it.cat * 1e6 + Math.round(it.score * 1000);
        let b = buckets.get(k);
        if (!b) buckets.set(k, (b = { cat: it.cat, score: it.score, recs: [], items: [] }));
        b.recs.push(first + it.para);
        b.items.push(it);
      }
    }
    ps = { buckets: [...buckets.values()].sort((a, b) => a.cat - b.cat || b.score - a.score) };
    this.parties.set(partyId, ps);
    return ps;
  }
}

const FRAME_BONUS: Record<FrameKind, number> = { subject: 0.15, possessive: 0.1, consent: 0 };

/** A stretch of body text that holds a stance: a party mention or a linked person's mention. */
interface Holder {
  start: number;
  end: number;
  party: string;
}

/** What one article pass works with (module-level helpers instead of closures: they run per holder). */
interface Pass {
  statements: readonly Statement[];
  ap: ArticleParties;
  labels: SourceLabels;
  named: Set<string>;
  byParty: Map<string, StanceItem[]>;
}

/** The party a statement is the voice of: its speaker's, or the one an unnamed source names as its own. */
function voiceOf(pass: Pass, s: Statement): string | undefined {
  return s.speakerId ? pass.ap.speakerParty.get(s.speakerId) : pass.labels.voice(s.sourceLabel);
}

/**
 * Adds an item for `party` (a party the article names). Whatever the frame, a statement by the
 * party's own people is its own voice.
 */
function addItem(pass: Pass, party: string, para: number, start: number, end: number, statement: Statement | null, category: StanceCategory, bonus: number, marks: Array<[number, number]>): void {
  if (!pass.named.has(party)) return;
  const cat: StanceCategory = statement && voiceOf(pass, statement) === party ? 1 : category;
  const score = Math.round((4 - cat + bonus + (statement?.kind === 'direct' ? 0.05 : 0)) * 1000) / 1000;
  const it: StanceItem = { para, start, end, marks, cat, score };
  const list = pass.byParty.get(party);
  if (list) list.push(it);
  else pass.byParty.set(party, [it]);
}

/** One pass over an article: every party's statements and stance frames, paragraph by paragraph. */
function findStances(article: Article, analysis: { readonly statements: readonly Statement[]; readonly speakers: readonly Speaker[] }, ap: ArticleParties, labels: SourceLabels): ArticleStances {
  const named = new Set<string>();
  for (const m of ap.mentions) named.add(m.partyId);
  for (const p of ap.speakerParty.values()) named.add(p);
  const byParty = new Map<string, StanceItem[]>();
  if (named.size === 0) return { named, byParty };
  const statements = analysis.statements;
  const pass: Pass = { statements, ap, labels, named, byParty };
  // Statements by a party's people (voice) or by a source that is the party ("Seoul views …").
  const relevant: Array<{ s: Statement; voice: string | undefined; by: string | undefined }> = [];
  for (const s of statements) {
    const voice = voiceOf(pass, s);
    const by = s.speakerId ? undefined : labels.named(s.sourceLabel);
    if ((voice && named.has(voice)) || (by && named.has(by))) relevant.push({ s, voice, by });
  }
  // Party mentions (not places) and mentions of linked people; stable: at equal starts, party
  // mentions stay before people's mentions.
  const holders: Holder[] = [];
  for (const m of ap.mentions) if (!m.locative) holders.push({ start: m.start, end: m.end, party: m.partyId });
  for (const sp of analysis.speakers) {
    const party = ap.speakerParty.get(sp.id);
    if (party) for (const m of sp.mentions) holders.push({ start: m.start, end: m.end, party });
  }
  holders.sort(byStart);
  const isSource = namesASource(statements, holders);

  let h0 = 0;
  for (let para = 0; para < article.paragraphs.length; para++) {
    const paragraph = article.paragraphs[para]!;
    const pStart = paragraph.bodyStart;
    const pEnd = pStart + paragraph.text.length;
    while (h0 < holders.length && holders[h0]!.start < pStart) h0++;
    let h1 = h0;
    while (h1 < holders.length && holders[h1]!.start < pEnd) h1++;
    // 1. Statements by a party's people or by sources it names.
    for (const { s, voice, by } of relevant) {
      if (s.content.start >= pEnd || s.content.end <= pStart) continue;
      const start = Math.max(s.content.start, pStart) - pStart;
      const end = Math.min(s.content.end, pEnd) - pStart;
      const statement = statementCovering(statements, pStart + start, pStart + Math.max(end, start + 1));
      if (voice) addItem(pass, voice, para, start, end, statement, 1, 0.2, []);
      if (by && by !== voice) addItem(pass, by, para, start, end, statement, 2, 0.2, []);
    }
    // 2 and 3. Stance frames around the parties' mentions and their people's mentions.
    let sentences: Sentence[] | undefined;
    for (let i = h0; i < h1; i++) {
      const h = holders[i]!;
      // A holder that is the named source of a statement ("Sullivan said …", "Seoul views …") is
      // handled above with the statement's own text and attribution; framing its sentence again
      // would show the speaker's quote as the reporter's narration.
      if (h.end > pEnd || isSource[i]) continue;
      sentences ??= sentencesOf(paragraph);
      const sentence = sentenceHolding(sentences, h.start - pStart, h.end - pStart);
      if (!sentence) continue;
      const sBase = pStart + sentence.start;
      const sEnd = pStart + sentence.end;
      // Every other holder in the sentence ("Washington and Seoul appear …" counts for both).
      const others: Array<{ start: number; end: number }> = [];
      for (let j = h0; j < h1; j++) {
        const o = holders[j]!;
        if (j !== i && o.end <= pEnd && o.start >= sBase && o.end <= sEnd) others.push({ start: o.start - sBase, end: o.end - sBase });
      }
      const frame = stanceFrame(sentence.text, h.start - sBase, h.end - sBase, others);
      if (!frame) continue;
      const start = sentence.start + frame.start;
      const end = sentence.start + frame.end;
      const statement = statementCovering(statements, pStart + start, pStart + Math.max(end, start + 1));
      addItem(pass, h.party, para, start, end, statement, frame.kind === 'consent' ? 3 : 2, FRAME_BONUS[frame.kind], [[h.start - pStart, h.end - pStart]]);
    }
  }
  return { named, byParty };
}

const byStart = (x: { start: number }, y: { start: number }) => x.start - y.start;

/** For each holder, whether it overlaps the source words of some statement. */
function namesASource(statements: readonly Statement[], holders: readonly Holder[]): boolean[] {
  const starts: number[] = [];
  const sources: Array<{ start: number; end: number }> = [];
  for (const s of statements) if (s.source) sources.push(s.source);
  sources.sort(byStart);
  // The largest end among the sources up to each one: a holder overlaps a source starting before
  // its end exactly when the largest end among those passes its start.
  const maxEnd: number[] = [];
  for (const src of sources) {
    starts.push(src.start);
    maxEnd.push(Math.max(src.end, maxEnd[maxEnd.length - 1] ?? -Infinity));
  }
  return holders.map((h) => {
    const k = lastAtOrBefore(starts, h.end - 1);
    return k >= 0 && maxEnd[k]! > h.start;
  });
}

/** The sentence holding paragraph range [start, end), if one does. */
function sentenceHolding(sentences: readonly Sentence[], start: number, end: number): Sentence | undefined {
  for (const x of sentences) if (x.start <= start && end <= x.end) return x;
  return undefined;
}

/** What an unnamed source label says about parties, looked up once per label. */
class SourceLabels {
  private readonly voices = new Map<string, string | undefined>();
  private readonly names = new Map<string, string | undefined>();

  constructor(private readonly registry: PartyRegistry) {}

  /** The party an unnamed source speaks for: "a US official", "Egypt's foreign ministry". */
  voice(label: string): string | undefined {
    if (!this.voices.has(label)) this.voices.set(label, unnamedVoice(this.registry, label));
    return this.voices.get(label);
  }

  /** The party the source is: "Seoul views …". */
  named(label: string): string | undefined {
    if (!this.names.has(label)) this.names.set(label, this.registry.lookup(label)?.id);
    return this.names.get(label);
  }
}

/**
 * The party an unnamed source speaks for ("a US official"). The party's bare name ("Seoul
 * views …", "Addis Ababa views …") is reported stance, not a voice.
 */
function unnamedVoice(registry: PartyRegistry, label: string): string | undefined {
  const party = partyInPhrase(registry, label);
  if (!party) return undefined;
  const rest = label.replace(new RegExp(registry.matcher.find(label).map((m) => escape(m.text)).join('|') || '(?!)', 'g'), ' ');
  return words(rest).some((w) => w.norm.length > 1 && !isStopWord(w.norm)) ? party : undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
