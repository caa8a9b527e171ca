/**
 * The storage contract on a real PostgreSQL server named by `TEST_DATABASE_URL` (`.ci/run` starts
 * one and sets it). Each run works in its own schema, dropped at the end, so runs never collide.
 * Without the variable the suite is skipped locally; on CI (`CI` set) its absence fails.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PostgresLibraryStore } from '../../src/storage/postgresStore';
import { openLibraryStore } from '../../src/storage/open';
import { describeStore } from './libraryStore.contract';

const url = process.env.TEST_DATABASE_URL;

describe('PostgreSQL test database', () => {
  it('is configured on CI (TEST_DATABASE_URL)', () => {
    if (process.env.CI) expect(url, 'CI must run the storage suite on a real PostgreSQL: .ci/run sets TEST_DATABASE_URL').toMatch(/^postgres(ql)?:\/\//);
  });
});

/** A schema of its own for one test file's run. */
export function testSchema(): string {
  return `qb_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

if (url) {
  describeStore('PostgreSQL', () => {
    const schema = testSchema();
    return {
      open: () => openLibraryStore({ databaseUrl: url }, { schema }),
      cleanup: async () => {
        const s = new PostgresLibraryStore({ url, schema });
        await s.dropSchema();
        await s.close();
      },
    };
  });
}
