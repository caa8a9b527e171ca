/**
 * Everything the commands need, built once from a set of articles: the articles, what the
 * attribution engine found in each, the people across articles, and the paragraph index.
 * Immutable once built; a reload builds a new one and swaps it in. Build it with
 * `buildKnowledgeBase` (`build.ts`), which takes analyses and the index from a store when it can.
 */
import { lastAtOrBefore } from '../text/sortedSearch';
import type { Article, Paragraph } from '../core/article';
import type { AutocompleteSource } from '../core/autocomplete';
import type { SpeakerOverrides } from '../core/corrections';
import { ParagraphIndex } from '../search/paragraphIndex';
import { words, type Word } from '../text/words';
import type { LoadProblem } from '../core/loadProblem';
import { buildPeople, type PersonRecord } from './people';
import type { ArticleAnalysis } from './articleAnalysis';
import type { Choice, Choosable } from '../search/suggest';
import { ChoiceIndex } from '../search/choiceIndex';
import { KnowledgeParties } from '../parties/knowledgeParties';
import { PartyRegistry } from '../parties/registry';
import { loadPartyOverrides, type PartyOverrides } from '../parties/overrides';
import { buildStanceIndex } from '../parties/stanceIndex';
import { acronymIndex } from './acronyms';
import { loadPeopleOverrides, type PeopleOverrides } from './peopleOverrides';
import { readKnowledgeFolder } from '../ingest/folder';
import { cacheCodeVersion } from './diskStore';
import { indexKey, storedAnalyses, storedIndex, storeIndex, type BuildOptions, type BuildStats } from './stored';

export type { BuildOptions, BuildStats } from './stored';

export type { Choice } from '../search/suggest';

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
  /** One per article (`buildKnowledgeBase` takes them from its store or runs the engine). */
  analyses: ArticleAnalysis[];
  /** Settings from `knowledge/parties.yaml`. */
  partyOverrides?: PartyOverrides;
  /** Corrections from `knowledge/people.yaml` (or a server's own): people merged or split. */
  peopleOverrides?: PeopleOverrides;
  /** A paragraph index already built for exactly these articles (from the cache). */
  index?: ParagraphIndex;
}

/** How many paragraphs' words `paragraphWords` remembers (direct-mapped by paragraph id). */
const RECENT_WORDS = 64;

/**
 * The knowledge base commands read. Construct it through `buildKnowledgeBase` (below), the one
 * builder, which supplies the analyses and, when a store has it, the index.
 */
export class KnowledgeBase {
  readonly articles: readonly Article[];
  readonly problems: readonly LoadProblem[];
  readonly paragraphs: readonly ParagraphRecord[];
  readonly index: ParagraphIndex;
  readonly people: readonly PersonRecord[];
  private readonly partyRegistry: PartyRegistry;
  private builtParties: KnowledgeParties | undefined;
  private readonly analyses = new Map<string, ArticleAnalysis>();
  private readonly byId = new Map<string, Article>();
  private readonly recentWordIds = new Int32Array(RECENT_WORDS).fill(-1);
  private readonly recentWords: Array<Word[] | undefined> = new Array<Word[] | undefined>(RECENT_WORDS);
  private readonly firstRecord = new Map<string, number>();
  private readonly choiceIndexes = new Map<AutocompleteSource, ChoiceIndex>();
  private readonly derivedParts = new Map<(kb: KnowledgeBase) => unknown, unknown>();
  /** One server's accepted speaker corrections, on a view made by `corrected`; a base itself has none. */
  readonly overrides: SpeakerOverrides | undefined = undefined;

  constructor(parts: KnowledgeBaseParts) {
    this.articles = parts.articles;
    const partyRegistry = parts.partyOverrides ? new PartyRegistry(parts.partyOverrides) : PartyRegistry.withoutOverrides();
    this.problems = [...parts.problems, ...partyRegistry.problems];
    const paragraphs: ParagraphRecord[] = [];
    for (const article of parts.articles) {
      this.byId.set(article.id, article);
      this.firstRecord.set(article.id, paragraphs.length);
      for (const paragraph of article.paragraphs) paragraphs.push({ id: paragraphs.length, article, paragraph });
    }
    this.paragraphs = paragraphs;
    for (const a of parts.analyses) this.analyses.set(a.article.id, a);
    if (parts.index) this.index = parts.index;
    else {
      this.index = new ParagraphIndex();
      this.index.add(paragraphs.map((p) => ({ id: p.id, text: p.paragraph.text })));
    }
    this.index.build();
    this.people = buildPeople([...this.analyses.values()], parts.peopleOverrides);
    this.partyRegistry = partyRegistry;
  }

  /**
   * Parties (countries, organisations, camps) named in the articles and linked to speakers. Found on
   * first use: scanning every body for party names was the largest part of loading a server's
   * library, and most first questions (/search, /who-said, /quotes) never read them.
   */
  get parties(): KnowledgeParties {
    return (this.builtParties ??= new KnowledgeParties(this.partyRegistry, this.analyses.values()));
  }

  article(id: string): Article | undefined {
    return this.byId.get(id);
  }

  /**
   * A part derived from this knowledge base that a command needs (quote clusters, the timeline and
   * position indexes, caches), built by `build` on first use and kept with the base, so it lives
   * and dies with it and a reload starts afresh. `build` is the key: pass a module-level function.
   */
  derived<T>(build: (kb: KnowledgeBase) => T): T {
    if (this.derivedParts.has(build)) return this.derivedParts.get(build) as T;
    const part = build(this);
    this.derivedParts.set(build, part);
    return part;
  }

  /**
   * Whether the part `build` makes is there already (a background build checks this between slices
   * and stops when a question built it meanwhile).
   */
  hasDerived(build: (kb: KnowledgeBase) => unknown): boolean {
    return this.derivedParts.has(build);
  }

  /**
   * Keeps `part` as what `build` would make, built ahead of use another way (time-sliced in the
   * background, `core/sliced.ts`). A part already there stays: answers never see two versions.
   */
  provide<T>(build: (kb: KnowledgeBase) => T, part: T): void {
    if (!this.derivedParts.has(build)) this.derivedParts.set(build, part);
  }

  /**
   * This base as one server sees it: the same parts (nothing is copied or rebuilt), with the
   * server's corrections for answers to apply (`answer/excerpts.ts` `attribution`, `/quotes`,
   * `/people`). Derived parts are built from and kept with the base itself, so one server's
   * corrections never leak into another's answers through them.
   */
  corrected(overrides: SpeakerOverrides | undefined): KnowledgeBase {
    if (!overrides) return this;
    const base = this.overrides ? (Object.getPrototypeOf(this) as KnowledgeBase) : this;
    return Object.create(base, {
      overrides: { value: overrides },
      derived: { value: <T>(build: (kb: KnowledgeBase) => T): T => base.derived(build) },
      hasDerived: { value: (build: (kb: KnowledgeBase) => unknown): boolean => base.hasDerived(build) },
      provide: { value: <T>(build: (kb: KnowledgeBase) => T, part: T): void => base.provide(build, part) },
    }) as KnowledgeBase;
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
    // The first paragraph starts at 0, so an offset before it (none) would still land in it.
    return this.paragraphs[first + Math.max(0, lastAtOrBefore(article.paragraphs, bodyOffset, (p) => p.bodyStart))];
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

declare module '../core/command' {
  /** Commands receive this knowledge base (see `CommandKnowledge` in core/command.ts). */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- completed by its base type
  interface CommandKnowledge extends KnowledgeBase {}
}

export interface BuiltKnowledge {
  kb: KnowledgeBase;
  stats: BuildStats;
}

/**
 * The one way a knowledge base is built, whatever the articles' source (a knowledge folder, a
 * library database): analyses and the paragraph index come from `options.store` when it holds them
 * for exactly this content and analysis version, and are computed and stored otherwise. The
 * articles' order is the paragraph order; `problems` (what could not be used) are kept for
 * `/articles` and the logs.
 *
 * @example
 * const { kb } = await buildKnowledgeBase([parseArticleDocument('a.md', text)], [], { store });
 */
export async function buildKnowledgeBase(articles: Article[], problems: LoadProblem[], options: BuildOptions = {}): Promise<BuiltKnowledge> {
  const t0 = performance.now();
  const version = cacheCodeVersion(options.analysisVersion);
  const { analyses, keys, analysesFromCache, analysesRun } = await storedAnalyses(articles, version, options);
  const tAnalyse = performance.now();
  const key = indexKey(version, articles, keys);
  const index = await storedIndex(options.store, key);
  const kb = new KnowledgeBase({
    articles,
    problems,
    analyses,
    ...(options.partyOverrides ? { partyOverrides: options.partyOverrides } : {}),
    ...(options.peopleOverrides ? { peopleOverrides: options.peopleOverrides } : {}),
    ...(index ? { index } : {}),
  });
  // Prepare the autocomplete lists now rather than on the first keystroke (3-second window).
  if (options.eagerChoices !== false) for (const source of ['article', 'speaker', 'party'] as const) kb.suggest(source, '');
  if (!index) await storeIndex(options.store, key, kb.index);
  const tIndex = performance.now();
  // And /position's stance index rather than on the first /position: one pass over every article
  // for all parties, a fraction of the start (see `stances` in the stats), where the first query
  // would otherwise wait for all of it (not for a server's library: see `eagerChoices`).
  if (options.eagerChoices !== false) kb.derived(buildStanceIndex);
  const tStances = performance.now();
  // The acronyms the articles define, which /ask reads for every question (one pass over the
  // paragraphs holding a parenthesis; lazily for a server's library, as the stances).
  if (options.eagerChoices !== false) kb.derived(acronymIndex);
  const tAcronyms = performance.now();
  return {
    kb,
    stats: {
      analysesFromCache,
      analysesRun,
      indexFromCache: Boolean(index),
      ms: { analyse: tAnalyse - t0, index: tIndex - tAnalyse, stances: tStances - tIndex, acronyms: tAcronyms - tStances },
    },
  };
}

/**
 * Loads a knowledge folder without any cache (tests, `--no-cache`); `loadKnowledgeFolder`
 * (`folder.ts`) is the cached start.
 */
export async function loadKnowledgeBase(dir: string): Promise<KnowledgeBase> {
  const [read, parties, people] = await Promise.all([readKnowledgeFolder(dir), loadPartyOverrides(dir), loadPeopleOverrides(dir)]);
  const problems = [...read.problems, ...parties.problems, ...people.problems];
  return (await buildKnowledgeBase(read.articles, problems, { partyOverrides: parties.overrides, peopleOverrides: people.overrides })).kb;
}
