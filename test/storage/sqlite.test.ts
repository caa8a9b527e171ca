/** The storage contract on SQLite: a fresh file in a temporary folder. */
import { join } from 'node:path';
import { sqliteTestStore } from '../support/library';
import { describeStore } from './libraryStore.contract';

// A nested folder: opening must create it.
describeStore('SQLite', () => sqliteTestStore('store', join('nested', 'library.sqlite')));
