/**
 * The console/JSON command-line parser under hostile lines (unbalanced quotes, unknown and
 * repeated options, bare text, every kind of Unicode): it returns a parse or throws a
 * `UserInputError`, nothing else; and JSON mode prints exactly one valid JSON line (an Answer or
 * `{"error": ...}` with a user-facing message) per non-blank input line, in order.
 */
import { PassThrough, Writable } from 'node:stream';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import { AnswerSchema, ErrorLineSchema } from '../../src/core/answer';
import { UserInputError } from '../../src/core/errors';
import { MAX_LINE_LENGTH, parseCommandLine } from '../../src/cli/parseLine';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { runJsonBatch } from '../../src/transport/json';
import { captureLogger } from '../discord/helpers';
import { seedKb } from '../helpers';
import { fuzzRuns, hostileText, longText, mixedText } from './hostile';

const RUNS = fuzzRuns(2000);
const GENERIC = 'Something went wrong answering that; it has been logged.';

const names = commands.map((c) => c.definition.name);
const optionNames = [...new Set(commands.flatMap((c) => c.definition.options.map((o) => o.name)))];

const token = fc.oneof(
  { weight: 3, arbitrary: mixedText },
  { weight: 2, arbitrary: fc.constantFrom(...optionNames, 'hide', 'zz', 'QUERY', 'Article').map((n) => `${n}:`) },
  { weight: 2, arbitrary: fc.constantFrom('"', "'", '“', '”', '‘', '’', '""', "''", '"unbalanced', "it's", '“open', 'close”') },
  { weight: 1, arbitrary: fc.constantFrom(':', '::', '/', '//', '-', '--query', '\\', '\\"') },
);

/** A command line: a (usually real) command name and hostile tokens after it. */
const commandLine = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom('/', '', ' /', '//'), fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: mixedText }), fc.array(token, { maxLength: 8 }), fc.constantFrom(' ', '  ', '\t', ''))
    .map(([slash, name, rest, sep]) => `${slash}${name}${rest.length ? ' ' : ''}${rest.join(sep)}`) },
  { weight: 1, arbitrary: hostileText },
  { weight: 1, arbitrary: longText.map((t) => `/search query:${t}`) },
  { weight: 1, arbitrary: fc.integer({ min: MAX_LINE_LENGTH - 2, max: MAX_LINE_LENGTH + 2 }).map((n) => `/search ${'a'.repeat(n - 8)}`) },
);

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await seedKb();
});

describe('command-line parser with hostile lines', () => {
  it('returns a known command with string options, or throws UserInputError', () => {
    fc.assert(
      fc.property(commandLine, (line) => {
        try {
          const parsed = parseCommandLine(line, commands);
          expect(names).toContain(parsed.name);
          for (const v of Object.values(parsed.options)) expect(typeof v).toBe('string');
        } catch (err) {
          if (!(err instanceof UserInputError)) throw err;
          expect(err.message.length).toBeLessThanOrEqual(1000);
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('rejects a repeated option', () => {
    for (const c of commands) {
      const opt = c.definition.options.find((o) => o.type === 'string');
      if (!opt) continue;
      expect(() => parseCommandLine(`/${c.definition.name} ${opt.name}:a ${opt.name}:b`, commands), c.definition.name).toThrow(UserInputError);
    }
  });
});

describe('JSON mode with hostile lines', () => {
  it('prints one valid JSON line per non-blank input line, in order, and never the generic failure', async () => {
    const log = captureLogger();
    await fc.assert(
      fc.asyncProperty(fc.array(commandLine.map((l) => l.replace(/[\r\n]/g, ' ')), { minLength: 1, maxLength: 6 }), async (lines) => {
        const input = new PassThrough();
        let out = '';
        const sink = new Writable({
          write(chunk: Buffer, _enc, done) {
            out += chunk.toString('utf8');
            done();
          },
        });
        input.end(lines.join('\n'));
        await runJsonBatch(input, commands, { kb, isAdmin: false }, sink, log.logger);
        const expected = lines.filter((l) => l.trim());
        expect(out === '' ? [] : out.endsWith('\n') ? out.slice(0, -1).split('\n') : ['<no trailing newline>']).toHaveLength(expected.length);
        for (const printed of out.split('\n').filter(Boolean)) {
          const value = JSON.parse(printed) as unknown;
          const ok = AnswerSchema.safeParse(value).success || ErrorLineSchema.safeParse(value).success;
          expect(ok, printed.slice(0, 300)).toBe(true);
          expect((value as { error?: string }).error, `${printed.slice(0, 300)} for ${JSON.stringify(lines).slice(0, 300)}`).not.toBe(GENERIC);
        }
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
    expect(log.lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });
});
