/**
 * What the knowledge base knows about parties: per article, every mention of a party in the body
 * (with context words and ambiguous names kept only where the article names the party plainly
 * too), the party of each speaker, and which parties the loaded articles are about. Also turns
 * what a user types into a party, with a short error listing the parties present.
 */
import type { Article } from '../core/article';
import { UserInputError } from '../core/errors';
import type { Speaker } from '../analysis/types';
import { editDistance } from '../text/words';
import { partyKey } from './normalize';
import type { PartyRegistry } from './registry';
import { partyInPhrase, speakerParty } from './people';
import type { Party, PartyMention } from './types';
import { clip as clipText } from '../core/clip';

export interface ArticleParties {
  /** Mentions in `article.body`, in order. */
  mentions: PartyMention[];
  /** Speaker id → party id. */
  speakerParty: Map<string, string>;
  /** Party id → how many times the article names it (not counting places). */
  counts: Map<string, number>;
  /** The country the article is reported from, when known. */
  home?: string;
}

/** The subset of an article analysis this module reads. */
export interface AnalysedArticle {
  article: Article;
  speakers: Speaker[];
}

export class KnowledgeParties {
  private readonly byArticle = new Map<string, ArticleParties>();
  /** The present parties with their normalised names, for typo-tolerant lookups (on first use). */
  private presentKeys?: Array<{ party: Party; keys: string[] }>;
  /** Parties present in the loaded articles, most mentioned first. */
  readonly present: Party[];

  constructor(
    readonly registry: PartyRegistry,
    analyses: Iterable<AnalysedArticle>,
  ) {
    const totals = new Map<string, number>();
    // Replicated and wire-copied articles share a body (and, from the cache, one speakers array):
    // their mentions and speaker links are found once.
    const mentionsByBody = new Map<string, PartyMention[]>();
    const mentionsBySpeakers = new WeakMap<Speaker[], { body: string; mentions: PartyMention[] }>();
    const linksBySpeakers = new Map<Speaker[], Map<string, ArticleParties['speakerParty']>>();
    for (const a of analyses) {
      const info = analyseParties(registry, a, mentionsByBody, mentionsBySpeakers, linksBySpeakers);
      this.byArticle.set(a.article.id, info);
      for (const [id, n] of info.counts) totals.set(id, (totals.get(id) ?? 0) + n);
    }
    this.present = [...totals.entries()]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .map(([id]) => registry.parties.get(id)!)
      .filter(Boolean);
  }

  article(articleId: string): ArticleParties {
    return this.byArticle.get(articleId) ?? { mentions: [], speakerParty: new Map(), counts: new Map() };
  }

  /** Autocomplete entries for the parties present. */
  choices(): Array<{ name: string; value: string; keys: string[]; weight: number }> {
    return this.present.map((p, i) => ({
      name: p.name,
      value: p.name,
      keys: [p.name, ...p.codes, ...this.registry.aliases.filter((a) => a.partyId === p.id && a.kind !== 'context').map((a) => a.text)],
      weight: this.present.length - i,
    }));
  }

  /**
   * The party a user means. Exact names, codes, capitals and demonyms in any case and spelling
   * ("us", "U.S.", "Washington", "united states"); then a small typo allowance among the parties
   * present. Throws a short `UserInputError` listing the present parties otherwise.
   */
  resolve(input: string): Party {
    const candidates = this.registry.candidates(input);
    const presentIds = new Set(this.present.map((p) => p.id));
    if (candidates.length === 1) return candidates[0]!;
    if (candidates.length > 1) {
      const here = candidates.filter((c) => presentIds.has(c.id));
      if (here.length === 1) return here[0]!;
      throw new UserInputError(`“${clip(input)}” could mean ${candidates.map((c) => c.name).join(' or ')}; please be more specific.`);
    }
    const key = partyKey(input);
    if (key.length >= 4) {
      // The present parties' longer keys, gathered once per base.
      this.presentKeys ??= this.present.map((party) => ({ party, keys: this.registry.keysOf(party.id).filter((k) => k.length >= 4) }));
      const near = this.presentKeys.filter(({ keys }) => keys.some((k) => editDistance(k, key, 2) <= (k.length >= 8 ? 2 : 1))).map(({ party }) => party);
      if (near.length === 1) return near[0]!;
    }
    throw new UserInputError(`Unknown party “${clip(input)}”. Parties in the loaded articles: ${this.presentList()}.`);
  }

  /** Short list of present parties for messages. */
  presentList(): string {
    const names = this.present.slice(0, 12).map((p) => p.name);
    return (names.join(', ') || 'none') + (this.present.length > 12 ? ', …' : '');
  }
}

function analyseParties(
  registry: PartyRegistry,
  a: AnalysedArticle,
  mentionsByBody: Map<string, PartyMention[]>,
  mentionsBySpeakers: WeakMap<Speaker[], { body: string; mentions: PartyMention[] }>,
  linksBySpeakers: Map<Speaker[], Map<string, ArticleParties['speakerParty']>>,
): ArticleParties {
  // Articles sharing a cached analysis share its speakers array: cheaper to look up than to hash
  // the body (compared to be sure: equal bodies compare fast).
  const bySpeakers = mentionsBySpeakers.get(a.speakers);
  let mentions = bySpeakers && bySpeakers.body === a.article.body ? bySpeakers.mentions : mentionsByBody.get(a.article.body);
  if (!mentions) {
    const raw = registry.matcher.find(a.article.body);
    // A plain mention: not a context word, not an ambiguous name. Context words and ambiguous names
    // count only where the party is named plainly too ("the North" in a story about North Korea).
    const plain = new Set(raw.filter((m) => m.kind !== 'context' && !m.ambiguous).map((m) => m.partyId));
    mentions = raw.filter((m) => plain.has(m.partyId));
    mentionsByBody.set(a.article.body, mentions);
  }
  mentionsBySpeakers.set(a.speakers, { body: a.article.body, mentions });
  const counts = new Map<string, number>();
  for (const m of mentions) if (!m.locative) counts.set(m.partyId, (counts.get(m.partyId) ?? 0) + 1);
  const home = homeOf(registry, a.article);
  const byHome = linksBySpeakers.get(a.speakers) ?? new Map<string, ArticleParties['speakerParty']>();
  linksBySpeakers.set(a.speakers, byHome);
  let links = byHome.get(home ?? '');
  if (!links) {
    links = new Map<string, string>();
    for (const s of a.speakers) {
      const p = speakerParty(registry, s, home);
      if (p) links.set(s.id, p);
    }
    byHome.set(home ?? '', links);
  }
  for (const p of links.values()) counts.set(p, (counts.get(p) ?? 0) + 1);
  return { mentions, speakerParty: links, counts, ...(home ? { home } : {}) };
}

/** The dateline's country, else the home set in parties.yaml. */
function homeOf(registry: PartyRegistry, article: Article): string | undefined {
  if (article.dateline) {
    const byName = registry.lookup(article.dateline) ?? registry.lookup(titleCase(article.dateline));
    const id = byName?.id ?? partyInPhrase(registry, titleCase(article.dateline));
    if (id) return id;
  }
  return registry.homes.get(article.id);
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

function clip(s: string): string {
  return clipText(s, 40);
}
