/**
 * The storage contract on a real PostgreSQL server named by `TEST_DATABASE_URL` (`.ci/run` starts
 * one and sets it). Each run works in its own schema, dropped at the end, so runs never collide.
 * Without the variable the suite is skipped locally; on CI (`CI` set) its absence fails.
 */
import { describe, expect, it } from 'vitest';
import { describeStore } from './libraryStore.contract';
import { postgresTestStore } from './postgresSchema';

const url = process.env.TEST_DATABASE_URL;

describe('PostgreSQL test database', () => {
  it('is configured on CI (TEST_DATABASE_URL)', () => {
    if (process.env.CI) expect(url, 'CI must run the storage suite on a real PostgreSQL: .ci/run sets TEST_DATABASE_URL').toMatch(/^postgres(ql)?:\/\//);
  });
});

if (url) describeStore('PostgreSQL', () => postgresTestStore(url, 'qb_test'));
