/**
 * The library store opened on first use, not at start: a console or JSON run that never touches a
 * library costs nothing, and a database that is down at start (or goes down later) only stops
 * library calls — each fails at once with the error, and opening is tried again after a pause.
 */
import type { LibraryStore } from '../storage/libraryStore';
import type { QuizStore } from '../storage/quizStore';
import type { CorrectionStore } from '../storage/correctionStore';

/** Wraps `open` in a `LibraryStore` that opens on the first call and retries `retryMs` after a failure. */
export function lazyStore(open: () => Promise<LibraryStore>, retryMs = 15_000): LibraryStore & { opened(): boolean } {
  let store: LibraryStore | undefined;
  let opening: Promise<LibraryStore> | undefined;
  let failedAt = 0;
  let lastError: unknown;
  const get = async (): Promise<LibraryStore> => {
    if (store) return store;
    if (!opening) {
      if (failedAt && Date.now() - failedAt < retryMs) throw lastError;
      opening = open().then(
        (s) => (store = s),
        (err: unknown) => {
          failedAt = Date.now();
          lastError = err;
          opening = undefined;
          throw err;
        },
      );
    }
    return opening;
  };
  // Every quiz call opens the store first, like the library's calls.
  const lazyQuiz = new Proxy({} as QuizStore, {
    get: (_target, method: keyof QuizStore) =>
      async (...args: unknown[]) => {
        const quiz = (await get()).quiz();
        return (quiz[method] as (...a: unknown[]) => unknown).apply(quiz, args);
      },
  });
  return {
    opened: () => store !== undefined,
    migrate: async () => (await get()).migrate(),
    add: async (a, limits) => (await get()).add(a, limits),
    remove: async (g, id) => (await get()).remove(g, id),
    list: async (g) => (await get()).list(g),
    get: async (g, id) => (await get()).get(g, id),
    settings: async (g) => (await get()).settings(g),
    saveSettings: async (s) => (await get()).saveSettings(s),
    recordAdd: async (g, u, at) => (await get()).recordAdd(g, u, at),
    countAdds: async (g, u, since) => (await get()).countAdds(g, u, since),
    tryRecordAdd: async (g, u, at, limits) => (await get()).tryRecordAdd(g, u, at, limits),
    articleIds: async (g) => (await get()).articleIds(g),
    serverCacheGet: async (g) => (await get()).serverCacheGet(g),
    serverCachePut: async (g, k, v) => (await get()).serverCachePut(g, k, v),
    cacheGet: async (k) => (await get()).cacheGet(k),
    cachePut: async (k, v) => (await get()).cachePut(k, v),
    quiz: () => lazyQuiz,
    corrections: () => lazyCorrections(async () => (await get()).corrections()),
    close: async () => {
      const s = store ?? (opening ? await opening.catch(() => undefined) : undefined);
      store = undefined;
      opening = undefined;
      await s?.close();
    },
  };
}

/** The corrections of a store that opens on first use: each call opens (or waits for) the store first. */
function lazyCorrections(get: () => Promise<CorrectionStore>): CorrectionStore {
  return {
    propose: async (c) => (await get()).propose(c),
    pending: async (g, n) => (await get()).pending(g, n),
    countPending: async (g) => (await get()).countPending(g),
    accepted: async (g) => (await get()).accepted(g),
    decide: async (g, id, accept, by, at) => (await get()).decide(g, id, accept, by, at),
    get: async (g, id) => (await get()).get(g, id),
    vote: async (g, u, k, c, up, at) => (await get()).vote(g, u, k, c, up, at),
    feedbackCounts: async (g) => (await get()).feedbackCounts(g),
  };
}
