import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import { parseCommandLine } from '../../src/cli/parseLine';

const parse = (line: string) => parseCommandLine(line, commands);

describe('the command-line parser', () => {
  it('reads options whose values contain spaces and colons', () => {
    expect(parse('/search query:end of war: a study article:us-skorea-end-of-war')).toEqual({
      name: 'search',
      options: { query: 'end of war: a study', article: 'us-skorea-end-of-war' },
    });
  });

  it('sends bare text to the first required text option', () => {
    expect(parse('/who-said fundamentally aligned')).toEqual({ name: 'who-said', options: { phrase: 'fundamentally aligned' } });
  });

  it('removes matching quotes and keeps unbalanced ones', () => {
    expect(parse('/search query:"legal review"').options.query).toBe('legal review');
    expect(parse('/search query:"legal review').options.query).toBe('"legal review');
  });

  it('rejects unknown commands, unknown options and repeated options with a short message', () => {
    expect(() => parse('/frobnicate x')).toThrow(/Unknown command/);
    expect(() => parse('/search colour:red')).toThrow(/no option “colour”/);
    expect(() => parse('/search query:a query:b')).toThrow(/given twice/);
    expect(() => parse('')).toThrow(/Type a command/);
  });
});
