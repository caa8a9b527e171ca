/**
 * Everything the commands need, built once from the knowledge directory: the articles, what the
 * attribution engine found in each, the people across articles, and the paragraph index.
 * Immutable once built; a reload builds a new one and swaps it in.
 */
import type { Article, Paragraph } from '../core/article';
import type { AutocompleteSource } from '../core/autocomplete';
import { attributeQuotes } from '../analysis/attribute';
import { ParagraphIndex } from '../search/paragraphIndex';
import { words, type Word } from '../text/words';
import { loadArticles } from './load';
import type { LoadProblem } from './problems';
import { buildPeople, type PersonRecord } from './people';
import type { ArticleAnalysis } from './articleAnalysis';
import type { Choice, Choosable } from './suggest';
import { ChoiceIndex } from '../search/choiceIndex';
import { KnowledgeParties } from '../parties/knowledgeParties';
import { PartyRegistry } from '../parties/registry';
import { loadPartyOverrides, type PartyOverrides } from '../parties/overrides';

export type { Choice } from './suggest';

/** One body paragraph with what we know about it. */
export interface ParagraphRecord {
  /** Position in `KnowledgeBase.paragraphs`, also the index document id. */
  id: number;
  article: Article;
  paragraph: Paragraph;
}

export type { ArticleAnalysis } from './articleAnalysis';

export interface KnowledgeBaseParts {
  articles: Article[];
  problems: LoadProblem[];
  analyses?: ArticleAnalysis[];
  /** Settings from `knowledge/parties.yaml`. */
  partyOverrides?: PartyOverrides;
  /** A paragraph index already built for exactly these articles (from the cache). */
  index?: ParagraphIndex;
}

/** How many paragraphs' words `paragraphWords` remembers (direct-mapped by paragraph id). */
const RECENT_WORDS = 64;

export class KnowledgeBase {
  readonly articles: readonly Article[];
  readonly problems: readonly LoadProblem[];
  readonly paragraphs: readonly ParagraphRecord[];
  readonly index: ParagraphIndex;
  readonly people: readonly PersonRecord[];
  /** Parties (countries, organisations, camps) named in the articles and linked to speakers. */
  readonly parties: KnowledgeParties;
  private readonly analyses = new Map<string, ArticleAnalysis>();
  private readonly byId = new Map<string, Article>();
  private readonly recentWordIds = new Int32Array(RECENT_WORDS).fill(-1);
  private readonly recentWords: Array<Word[] | undefined> = new Array<Word[] | undefined>(RECENT_WORDS);
  private readonly firstRecord = new Map<string, number>();
  private readonly choiceIndexes = new Map<AutocompleteSource, ChoiceIndex>();

  constructor(parts: KnowledgeBaseParts) {
    this.articles = parts.articles;
    const partyRegistry = new PartyRegistry(parts.partyOverrides);
    this.problems = [...parts.problems, ...partyRegistry.problems];
    const paragraphs: ParagraphRecord[] = [];
    for (const article of parts.articles) {
      this.byId.set(article.id, article);
      this.firstRecord.set(article.id, paragraphs.length);
      for (const paragraph of article.paragraphs) paragraphs.push({ id: paragraphs.length, article, paragraph });
    }
    this.paragraphs = paragraphs;
    for (const a of parts.analyses ?? parts.articles.map(analyseArticle)) this.analyses.set(a.article.id, a);
    if (parts.index) this.index = parts.index;
    else {
      this.index = new ParagraphIndex();
      this.index.add(paragraphs.map((p) => ({ id: p.id, text: p.paragraph.text })));
    }
    this.index.build();
    this.people = buildPeople([...this.analyses.values()]);
    this.parties = new KnowledgeParties(partyRegistry, this.analyses.values());
  }

  article(id: string): Article | undefined {
    return this.byId.get(id);
  }

  analysis(articleId: string): ArticleAnalysis {
    const a = this.analyses.get(articleId);
    if (!a) throw new Error(`no analysis for article ${articleId}`);
    return a;
  }

  /** The paragraph record holding a body offset of an article (the last one starting at or before it). */
  paragraphAt(articleId: string, bodyOffset: number): ParagraphRecord | undefined {
    const first = this.firstRecord.get(articleId);
    const article = this.byId.get(articleId);
    if (first === undefined || !article) return undefined;
    let lo = 0;
    let hi = article.paragraphs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (article.paragraphs[mid]!.bodyStart <= bodyOffset) lo = mid;
      else hi = mid - 1;
    }
    return this.paragraphs[first + lo];
  }

  /**
   * Words of a paragraph with offsets. Remembered for the last few paragraphs only: a query reads
   * each candidate's words once or twice, and a cache that kept every paragraph's words (it used
   * to hold up to 50,000) made each query's words survive into the old generation, which made
   * every minor GC pause 5–8 ms long — the largest part of the phrase lookups' p99.
   */
  paragraphWords(id: number): Word[] {
    const slot = id % RECENT_WORDS;
    if (this.recentWordIds[slot] === id) return this.recentWords[slot]!;
    const w = words(this.paragraphs[id]!.paragraph.text);
    this.recentWordIds[slot] = id;
    this.recentWords[slot] = w;
    return w;
  }

  /** Autocomplete: the best ≤25 choices for what the user has typed so far. */
  suggest(source: AutocompleteSource, prefix: string): Choice[] {
    // Each list is prepared once (normalised keys, tie order), so a keystroke is one linear scan.
    let index = this.choiceIndexes.get(source);
    if (!index) {
      index = new ChoiceIndex(this.choiceEntries(source));
      this.choiceIndexes.set(source, index);
    }
    return index.rank(prefix);
  }

  private choiceEntries(source: AutocompleteSource): Choosable[] {
    switch (source) {
      case 'article':
        return this.articles.map((a) => ({ name: `${a.title} (${a.id})`, value: a.id, keys: [a.id, a.title] }));
      case 'speaker':
        return this.people.map((p) => ({
          name: p.role ? `${p.name}, ${p.role}` : p.name,
          value: p.name,
          keys: [p.name, ...p.aliases],
          weight: p.quotes,
        }));
      case 'party':
        return this.partyChoices();
      case 'library':
        // A server's own articles are listed by the library service, not by a knowledge base.
        return [];
    }
  }

  /** Parties present in the loaded articles, most mentioned first. */
  protected partyChoices(): Array<{ name: string; value: string; keys: string[]; weight: number }> {
    return this.parties.choices();
  }
}

/** Runs the attribution engine over one article. */
export function analyseArticle(article: Article): ArticleAnalysis {
  const { statements, speakers } = attributeQuotes(article.body, { author: article.author, dateline: article.dateline });
  return { article, statements, speakers, speakerById: new Map(speakers.map((s) => [s.id, s])) };
}

/** Loads the knowledge directory and builds a knowledge base from it. */
export async function loadKnowledgeBase(dir: string): Promise<KnowledgeBase> {
  const { articles, problems } = await loadArticles(dir);
  const parties = await loadPartyOverrides(dir);
  return new KnowledgeBase({ articles, problems: [...problems, ...parties.problems], partyOverrides: parties.overrides });
}
