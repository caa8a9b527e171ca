/**
 * The per-server library: what `/library …` runs (add, remove, list, settings, autocomplete) and the
 * knowledge bases a server answers from (`segments`: the shared folder's base, then the server's).
 * Nothing here knows Discord: the caller is a `Caller`, errors a member should read are
 * `UserInputError`s, and progress is a callback.
 */
import type { Article } from '../core/article';
import { storeCall, UserInputError } from '../core/errors';
import type { AddedArticle, Caller, LibraryAccess, LibraryEntry, LibraryRules, LibrarySource } from '../core/library';
import { ImportError, type ImportedDocument, type ImportFromFile, type ImportFromUrl } from '../ingest/importTypes';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Logger } from '../log';
import { LibraryFullError, type LibrarySettings, type LibraryStore, type NewLibraryArticle, type StoredLibraryArticle } from '../storage/libraryStore';
import type { AnalysisStore } from '../core/analysisStore';
import { libraryAnalysisStore, quoteSummary } from './analysisCache';
import { articleFromRow, contentHash, newArticleId } from './document';
import { buildServerBase, ServerBaseCache, type BuiltServerBase, type ServerBase } from './serverBases';
import { decodeServerCache, rowKey, serverCacheKey } from './serverCache';
import { addLimitMessage, canEdit, fullMessage } from './rules';

export interface LibraryServiceDeps {
  store: LibraryStore;
  /** The shared folder's base, read per call (a reload swaps it). */
  shared: () => KnowledgeBase;
  importFromUrl: ImportFromUrl;
  importFromFile: ImportFromFile;
  /** Budget for loaded server bases (`LIBRARY_MEMORY_MB`). */
  memoryBudgetBytes: number;
  logger?: Pick<Logger, 'warn' | 'error' | 'info'>;
  now?: () => Date;
  /**
   * How long a loaded server's library is trusted before the store is asked whether it changed (by
   * another process sharing the database), in ms. Default 2000; 0 asks before every query.
   */
  refreshMs?: number;
  /** Keep and read servers' built libraries in the store (default true; the bench turns it off to compare). */
  serverCache?: boolean;
  /**
   * Work started in the background on each server base as it is built (the quote clusters, a slice
   * at a time), so the server's first `/who-said` finds it done. Not awaited; a failure is logged
   * and the answer that needs the part builds it.
   */
  prepare?: (kb: KnowledgeBase) => Promise<void>;
}

/** Said when the database cannot be reached: adding stops, answering goes on. */
export const DATABASE_DOWN =
  'The library database is unavailable right now, so articles cannot be added or removed. Answers still work; try again in a few minutes.';

export class LibraryService implements LibraryAccess {
  private readonly bases: ServerBaseCache;
  private readonly loading = new Map<string, Promise<ServerBase>>();
  private readonly checking = new Map<string, Promise<ServerBase>>();
  private readonly now: () => Date;
  private readonly analyses: AnalysisStore;

  constructor(private readonly deps: LibraryServiceDeps) {
    this.bases = new ServerBaseCache(deps.memoryBudgetBytes);
    this.now = deps.now ?? (() => new Date());
    this.analyses = libraryAnalysisStore(deps.store, (err) => deps.logger?.warn({ err }, 'library analysis cache unavailable'));
  }

  /**
   * The bases a caller answers from: the shared folder's, then the server's library when it has
   * articles. A DM (null) gets the shared folder only. When the server's library cannot be loaded
   * (database down), the shared folder still answers.
   */
  async segments(guildId: string | null): Promise<KnowledgeBase[]> {
    const shared = this.deps.shared();
    if (guildId === null) return [shared];
    try {
      const base = await this.serverBase(guildId);
      return base.kb ? [shared, base.kb] : [shared];
    } catch (err) {
      this.deps.logger?.warn({ err, guildId }, 'could not load a server library; answering from the shared folder');
      return [shared];
    }
  }

  /**
   * `segments` without waiting: the server's base when it is loaded, else the shared folder only
   * (the console reads this per command after loading its one server once).
   */
  loadedSegments(guildId: string | null): KnowledgeBase[] {
    const shared = this.deps.shared();
    const base = guildId === null ? undefined : this.bases.get(guildId);
    return base?.kb ? [shared, base.kb] : [shared];
  }

  /** Loaded servers and their estimated bytes (for the bench and logs). */
  memoryStats(): { servers: number; bytes: number } {
    return this.bases.stats();
  }

  private serverBase(guildId: string): Promise<ServerBase> {
    const loaded = this.bases.get(guildId);
    if (loaded) return Date.now() - loaded.checkedAt < (this.deps.refreshMs ?? 2000) ? Promise.resolve(loaded) : this.recheck(guildId, loaded);
    let pending = this.loading.get(guildId);
    if (!pending) {
      pending = this.load(guildId).finally(() => this.loading.delete(guildId));
      this.loading.set(guildId, pending);
    }
    return pending;
  }

  /**
   * Replicas: another process sharing the database may have added or removed articles. One cheap
   * query (the server's article ids) tells; a changed library is loaded again (from the server
   * cache the other process wrote). If the database cannot answer, the loaded library goes on.
   */
  private recheck(guildId: string, loaded: ServerBase): Promise<ServerBase> {
    let pending = this.checking.get(guildId);
    if (!pending) {
      pending = (async () => {
        let ids: string[];
        try {
          ids = await this.deps.store.articleIds(guildId);
        } catch {
          return loaded;
        }
        if (ids.length === loaded.rowIds.length && ids.every((id, i) => id === loaded.rowIds[i])) {
          loaded.checkedAt = Date.now();
          return loaded;
        }
        if (this.bases.has(guildId) && this.bases.get(guildId) === loaded) this.bases.delete(guildId);
        return this.serverBase(guildId);
      })().finally(() => this.checking.delete(guildId));
      this.checking.set(guildId, pending);
    }
    return pending;
  }

  /** A server's library from the store: its cached built value when current, else parsed and built (and cached). */
  private async load(guildId: string): Promise<ServerBase> {
    const { store } = this.deps;
    const rows = await store.list(guildId);
    const rowKeys = rows.map(rowKey);
    const key = serverCacheKey(rowKeys);
    const entry = this.deps.serverCache === false ? undefined : await store.serverCacheGet(guildId).catch((err: unknown) => void this.deps.logger?.warn({ err, guildId }, 'server cache unreadable'));
    const cached = entry?.key === key ? decodeServerCache(entry.value) : null;
    const articles = cached?.articles ?? rows.map(articleFromRow).filter((a): a is Article => a !== null);
    const built = await buildServerBase(articles, rowKeys, rows.map((r) => r.articleId), this.analyses, cached);
    this.prepare(built.base);
    this.bases.set(guildId, built.base);
    await this.saveCache(guildId, built);
    return built.base;
  }

  /** Starts the background work on a newly built server base (see `LibraryServiceDeps.prepare`). */
  private prepare(base: ServerBase): void {
    if (!base.kb || !this.deps.prepare) return;
    this.deps.prepare(base.kb).catch((err: unknown) => this.deps.logger?.warn({ err }, 'could not prepare a server library ahead of use'));
  }

  /** Stores a freshly built server's value (a cache: failure only costs the next cold load time). */
  private async saveCache(guildId: string, built: BuiltServerBase): Promise<void> {
    if (!built.cacheValue || this.deps.serverCache === false) return;
    await this.deps.store
      .serverCachePut(guildId, serverCacheKey(built.base.rowKeys), built.cacheValue)
      .catch((err: unknown) => this.deps.logger?.warn({ err, guildId }, 'could not store the server cache'));
  }

  /** A store call whose failure means the database is unavailable (a member reads `DATABASE_DOWN`). */
  private db<T>(what: string, call: () => Promise<T>): Promise<T> {
    return storeCall(call, DATABASE_DOWN, { logger: this.deps.logger, failed: 'library database call failed', what });
  }

  async add(caller: Caller, source: LibrarySource, progress?: (step: string) => void): Promise<AddedArticle> {
    const guildId = serverOf(caller);
    const { store } = this.deps;
    const settings = await this.db('settings', () => store.settings(guildId));
    if (!canEdit(caller, settings)) {
      throw new UserInputError(
        settings.managerRoleId
          ? 'Only members with Manage Server or the library role can add articles here.'
          : 'Only members with Manage Server can add articles here (a manager can allow a role with /library settings).',
      );
    }
    const now = this.now();
    // A full library is refused before the attempt counts; the count is checked again, atomically
    // with the insert, below (another add may fill the library meanwhile).
    const count = await this.db('quotas', () => store.articleIds(guildId).then((ids) => ids.length));
    if (count >= settings.maxArticles) throw new UserInputError(fullMessage(settings));
    const recorded = await this.db('record', () =>
      store.tryRecordAdd(guildId, caller.userId, now, { since: new Date(now.getTime() - 3600_000), perServer: settings.addsPerHour, perUser: settings.addsPerUserPerHour }),
    );
    if (recorded !== 'ok') throw new UserInputError(addLimitMessage(recorded, settings));

    const doc = await this.fetchDocument(source, progress);
    progress?.('Analysing quotes…');
    const bytes = Buffer.byteLength(doc.document, 'utf8');
    if (bytes > settings.maxArticleBytes) {
      throw new UserInputError(`That article is too long for this server's library (${Math.ceil(bytes / 1024)} KB; the limit is ${Math.floor(settings.maxArticleBytes / 1024)} KB).`);
    }
    const hash = contentHash(doc.paragraphs);
    const shared = this.deps.shared();
    const current = await this.db('load', () => this.serverBase(guildId));
    const articleId = newArticleId(doc.title, hash, (id) => shared.article(id) !== undefined || current.kb?.article(id) !== undefined);
    const draft: NewLibraryArticle = {
      guildId,
      articleId,
      sourceUrl: source.kind === 'url' ? (doc.canonicalUrl ?? source.url) : doc.canonicalUrl,
      sourceFile: source.kind === 'file' ? source.name.slice(0, 255) : null,
      contentHash: hash,
      document: doc.document,
      title: doc.title,
      site: doc.site,
      author: doc.author,
      published: doc.published,
      addedBy: caller.userId,
      paragraphs: 0,
      quotes: 0,
    };
    const article = articleFromRow(draft);
    if (!article) throw new UserInputError('No article text was found there (no paragraphs of text).');
    // The server's next base is built (and the new article analysed, the analysis cached) before the
    // article is stored, so the moment the add is confirmed the article is answerable.
    const next = await buildServerBase([...current.articles, article], [...current.rowKeys, rowKey(draft)], [...current.rowIds, articleId], this.analyses);
    const summary = quoteSummary(next.base.kb!.analysis(article.id));
    const result = await this.db('add', async () => {
      try {
        return await store.add({ ...draft, paragraphs: article.paragraphs.length, quotes: summary.quotes }, { maxArticles: settings.maxArticles });
      } catch (err) {
        if (err instanceof LibraryFullError) throw new UserInputError(fullMessage(settings));
        throw err;
      }
    });
    if (!result.added) {
      const e = result.existing;
      throw new UserInputError(`Already in this server's library: “${e.title}” (${e.articleId}), added ${e.addedAt.slice(0, 10)} by ${e.addedBy === 'console' ? 'the console' : `<@${e.addedBy}>`}.`);
    }
    this.swap(guildId, current, next.base);
    await this.saveCache(guildId, next);
    progress?.('Ready.');
    return card(guildId, article, summary);
  }

  private async fetchDocument(source: LibrarySource, progress?: (step: string) => void): Promise<ImportedDocument> {
    try {
      if (source.kind === 'url') {
        progress?.('Fetching the page…');
        return await this.deps.importFromUrl(source.url, (step) => progress?.(step === 'fetching' ? 'Fetching the page…' : 'Extracting the article…'));
      }
      progress?.('Extracting the article…');
      return await this.deps.importFromFile(source.name, source.bytes);
    } catch (err) {
      if (err instanceof ImportError) throw new UserInputError(err.message);
      throw err;
    }
  }

  /**
   * Puts a server's rebuilt base in place (only that server's). When the base changed meanwhile (a
   * concurrent add or remove in this process), it is dropped instead and reloaded from the store on
   * the next query, so no change is lost.
   */
  private swap(guildId: string, before: ServerBase, next: ServerBase): void {
    const now = this.bases.has(guildId) ? this.bases.get(guildId) : undefined;
    if (now === before) {
      this.prepare(next);
      this.bases.set(guildId, next);
    } else this.bases.delete(guildId);
  }

  async remove(caller: Caller, articleId: string, how: 'remove' | 'undo'): Promise<{ articleId: string; title: string }> {
    const guildId = serverOf(caller);
    const { store } = this.deps;
    const [settings, article] = await this.db('remove', () => Promise.all([store.settings(guildId), store.get(guildId, articleId)]));
    if (!article) {
      throw new UserInputError(how === 'undo' ? 'That article is no longer in the library.' : `No article “${articleId.slice(0, 64)}” in this server's library (see /library list).`);
    }
    if (!canEdit(caller, settings) && caller.userId !== article.addedBy) {
      throw new UserInputError(how === 'undo' ? 'Only the member who added it or a library manager can undo this.' : 'Only library managers (or the member who added it) can remove this article.');
    }
    const current = await this.db('load', () => this.serverBase(guildId));
    const keep = current.rowIds.map((id, i) => ({ id, key: current.rowKeys[i]! })).filter((r) => r.id !== articleId);
    const next = await buildServerBase(
      current.articles.filter((a) => a.id !== articleId),
      keep.map((r) => r.key),
      keep.map((r) => r.id),
      this.analyses,
    );
    await this.db('remove', () => store.remove(guildId, articleId));
    this.swap(guildId, current, next.base);
    await this.saveCache(guildId, next);
    return { articleId, title: article.title };
  }

  async list(caller: Caller): Promise<LibraryEntry[]> {
    const rows = await this.db('list', () => this.deps.store.list(serverOf(caller)));
    return rows.map(entry);
  }

  async settings(caller: Caller, changes?: Partial<LibraryRules>): Promise<LibraryRules> {
    const guildId = serverOf(caller);
    const current = await this.db('settings', () => this.deps.store.settings(guildId));
    if (!changes) return rules(current);
    if (!caller.canManageServer) throw new UserInputError('Only members with Manage Server can change the library settings.');
    const next: LibrarySettings = { ...current, ...changes, guildId };
    await this.db('settings', () => this.deps.store.saveSettings(next));
    return rules(next);
  }

  async suggest(guildId: string | null, prefix: string): Promise<Array<{ name: string; value: string }>> {
    if (guildId === null) return [];
    const base = await this.serverBase(guildId).catch(() => undefined);
    return base?.kb?.suggest('article', prefix).map((c) => ({ name: c.name, value: c.value })) ?? [];
  }
}

function serverOf(caller: Caller): string {
  if (caller.guildId === null) throw new UserInputError('Libraries belong to servers: use /library in a server, not in a DM.');
  return caller.guildId;
}

function rules(s: LibrarySettings): LibraryRules {
  return { managerRoleId: s.managerRoleId, maxArticles: s.maxArticles, maxArticleBytes: s.maxArticleBytes, addsPerHour: s.addsPerHour, addsPerUserPerHour: s.addsPerUserPerHour };
}

function entry(row: StoredLibraryArticle): LibraryEntry {
  return {
    articleId: row.articleId,
    title: row.title,
    ...(row.site ? { site: row.site } : {}),
    ...(row.published ? { published: row.published } : {}),
    ...(row.sourceUrl ? { url: row.sourceUrl } : {}),
    ...(row.sourceFile ? { file: row.sourceFile } : {}),
    addedBy: row.addedBy,
    addedAt: row.addedAt,
    paragraphs: row.paragraphs,
    quotes: row.quotes,
  };
}

function card(guildId: string, article: Article, summary: { quotes: number; topSpeakers: string[] }): AddedArticle {
  return {
    articleId: article.id,
    title: article.title,
    ...(article.publisher ? { site: article.publisher } : {}),
    ...(article.published ? { published: article.published } : {}),
    ...(article.author ? { author: article.author } : {}),
    ...(article.url ? { url: article.url } : {}),
    paragraphs: article.paragraphs.length,
    quotes: summary.quotes,
    topSpeakers: summary.topSpeakers,
    guildId,
  };
}
