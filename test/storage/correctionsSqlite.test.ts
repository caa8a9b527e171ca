/** The corrections storage contract on SQLite: a fresh file in a temporary folder. */
import { sqliteTestStore } from '../support/library';
import { describeCorrections } from './correctionStore.contract';

describeCorrections('SQLite', () => sqliteTestStore('corrections'));
