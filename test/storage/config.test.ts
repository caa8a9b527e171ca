/** DATABASE_URL: validated with the rest of the configuration, then parsed into a store target. */
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DATABASE_URL, loadConfig } from '../../src/config';
import { parseDatabaseUrl } from '../../src/storage/open';

describe('DATABASE_URL', () => {
  it('defaults to a SQLite file under data/', () => {
    expect(loadConfig({}, 'console').databaseUrl).toBe(DEFAULT_DATABASE_URL);
    expect(parseDatabaseUrl(DEFAULT_DATABASE_URL)).toEqual({ kind: 'sqlite', path: 'data/quotebook.sqlite' });
  });

  it.each([
    ['sqlite:/var/lib/quotebook/library.sqlite', { kind: 'sqlite', path: '/var/lib/quotebook/library.sqlite' }],
    ['sqlite:///abs/path.sqlite', { kind: 'sqlite', path: '/abs/path.sqlite' }],
    ['sqlite::memory:', { kind: 'sqlite', path: ':memory:' }],
    ['postgres://u:p@db:5432/quotebook', { kind: 'postgres', url: 'postgres://u:p@db:5432/quotebook' }],
    ['postgresql://u@127.0.0.1/q', { kind: 'postgres', url: 'postgresql://u@127.0.0.1/q' }],
  ])('%s', (value, target) => {
    expect(loadConfig({ DATABASE_URL: value }, 'console').databaseUrl).toBe(value);
    expect(parseDatabaseUrl(value)).toEqual(target);
  });

  it.each(['mysql://x/y', 'sqlite:', 'postgres:/nohost', 'data/quotebook.sqlite'])('refuses %s with one line naming the variable', (value) => {
    let err: unknown;
    try {
      loadConfig({ DATABASE_URL: value }, 'console');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).variable).toBe('DATABASE_URL');
    expect((err as ConfigError).message).toMatch(/^DATABASE_URL is malformed: must be sqlite:<path> or postgres:\/\//);
    expect(() => parseDatabaseUrl(value)).toThrow(RangeError);
  });
});
