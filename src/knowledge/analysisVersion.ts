/**
 * The version of everything that turns a knowledge file into cached data: the article parsers
 * (`src/ingest/`: `document.ts`, `markdownArticle.ts`, `rawArticle.ts`; `core/article.ts`), sentence and word
 * splitting (`src/text/`), the attribution engine (`src/analysis/`) and the index terms and layout
 * (`search/terms.ts`, `search/paragraphIndex.ts`).
 *
 * The knowledge-base builder keys every stored entry (`stored.ts`, `ingest/folder.ts`) by its content and by this number, so
 * **bump it whenever a change there can change what is parsed, analysed or indexed**: every cache
 * is then rebuilt once. Forgetting is caught by `test/scale/analysisVersion.test.ts`, which records
 * a fingerprint of that output for the test fixtures next to this number and fails when the
 * output changes but the number did not. (Until issue #11 the cache hashed those source files
 * instead, which cannot work once the code runs from a build or a bundle.)
 */
export const ANALYSIS_VERSION = 60;
