/**
 * Hot reload: the live knowledge base sits in a holder that transports read per request
 * (`getKnowledgeBase: () => holder.current`). A reload builds a new knowledge base in the
 * background (through the cache, so only changed files are re-parsed and re-analysed, yielding to
 * the event loop so interactions keep being answered from the old one) and swaps it in with one
 * assignment. A file that cannot be used is reported and skipped; the other articles reload. If
 * the rebuild fails as a whole — it throws, or the knowledge folder has vanished or cannot be read
 * — the old knowledge base stays. (A folder that is there but empty does reload, to nothing.)
 */
import { watch, type FSWatcher } from 'node:fs';
import type { KnowledgeBase } from './knowledgeBase';
import { loadKnowledgeFolder, type FolderLoadOptions, type FolderLoadStats } from './folder';

export interface KnowledgeHolder {
  current: KnowledgeBase;
}

export interface ReloaderOptions extends FolderLoadOptions {
  /** Quiet period after the last file change before rebuilding (default 300 ms). */
  debounceMs?: number;
  /**
   * Work to finish on the new base before it is swapped in (parts the first answers would
   * otherwise build while the user waits, e.g. the quote clusters); it should yield to the event
   * loop, as the rebuild does, since the old base answers meanwhile. If it throws, the reload fails
   * and the old base stays.
   */
  prepare?: (kb: KnowledgeBase) => Promise<void>;
  /** Called after each swap or failure (logging). */
  onReload?: (event: { ok: boolean; message: string; stats?: FolderLoadStats; kb?: KnowledgeBase; error?: unknown }) => void;
}

export class KnowledgeReloader {
  private running: Promise<string> | null = null;
  private again = false;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Increments on every completed swap (tests and logs). */
  generation = 0;

  constructor(
    readonly dir: string,
    readonly holder: KnowledgeHolder,
    private readonly options: ReloaderOptions = {},
  ) {}

  /**
   * Rebuilds and swaps. Concurrent calls share the running rebuild; a call that arrives while
   * one runs schedules exactly one more (so the last change is never missed).
   */
  reload(): Promise<string> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = (async (): Promise<string> => {
      let message = '';
      do {
        this.again = false;
        message = await this.rebuildOnce();
      } while (this.again);
      return message;
    })();
    this.running = run;
    const clear = () => {
      if (this.running === run) this.running = null;
    };
    run.then(clear, clear);
    return run;
  }

  private async rebuildOnce(): Promise<string> {
    const before = this.holder.current;
    try {
      const { kb, stats } = await loadKnowledgeFolder(this.dir, { ...this.options, yieldEveryMs: this.options.yieldEveryMs ?? 15 });
      // The folder itself could not be listed: an empty base would replace every article for nothing.
      const unreadable = kb.problems.find((p) => p.file === this.dir);
      if (unreadable) throw new Error(unreadable.problem);
      await this.options.prepare?.(kb);
      this.holder.current = kb;
      this.generation++;
      const delta = kb.articles.length - before.articles.length;
      const message =
        `Reloaded ${kb.articles.length} article${kb.articles.length === 1 ? '' : 's'} (${kb.paragraphs.length} paragraphs` +
        `${delta ? `, ${delta > 0 ? '+' : ''}${delta}` : ''}; ${stats.articlesParsed} re-read, ${stats.analysesRun} re-analysed) in ${Math.round(stats.ms.total)} ms.` +
        (kb.problems.length ? ` ${kb.problems.length} file${kb.problems.length === 1 ? '' : 's'} skipped: ${kb.problems.map((p) => `${p.file} — ${p.problem}`).join('; ')}` : '');
      this.options.onReload?.({ ok: true, message, stats, kb });
      return message;
    } catch (error) {
      const message = `Reload failed; still serving the previous ${before.articles.length} articles: ${error instanceof Error ? error.message : String(error)}`;
      this.options.onReload?.({ ok: false, message, error });
      return message;
    }
  }

  /**
   * Watches the knowledge folder and reloads after a quiet period. Returns a stop function.
   * `onChange` gets the message of each reload the watcher started (the console prints it).
   */
  watch(onChange?: (message: string) => void): () => void {
    if (this.watcher) return () => this.stop();
    this.watcher = watch(this.dir, { persistent: false }, () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.reload().then((message) => onChange?.(message));
      }, this.options.debounceMs ?? 300);
    });
    this.watcher.on('error', () => this.stop());
    return () => this.stop();
  }

  stop(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Resolves when no rebuild is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }
}
