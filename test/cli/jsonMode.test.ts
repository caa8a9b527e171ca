import { describe, expect, it } from 'vitest';
import { AnswerSchema, ErrorLineSchema } from '../../src/core/answer';
import { runMain } from './runMain';



describe('JSON mode', () => {
  it('prints one answer as one JSON line that fits the answer schema', async () => {
    const { code, stdout } = await runMain(['--json', '/search query:armistice']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = AnswerSchema.strict().parse(JSON.parse(lines[0]!));
    expect(answer.excerpts[0]!.text).toContain('armistice agreement');
  });

  it('answers a batch from stdin line by line, in order, and a bad line does not stop it', async () => {
    const input = ['/search query:armistice', '/nonsense foo', '/who-said phrase:fundamentally aligned', '/search', '/articles'].join('\n');
    const { code, stdout } = await runMain(['--json'], input);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines).toHaveLength(5);
    expect(AnswerSchema.parse(lines[0]).command).toBe('search');
    expect(ErrorLineSchema.parse(lines[1]).error).toMatch(/Unknown command/);
    expect(AnswerSchema.parse(lines[2]).excerpts[0]!.speaker?.name).toBe('Jake Sullivan');
    expect(ErrorLineSchema.parse(lines[3]).error).toMatch(/needs “query”/);
    expect(AnswerSchema.parse(lines[4]).articles![0]!.paragraphs).toBe(15);
  });

  it('prints usage with --help', async () => {
    const { code, stdout } = await runMain(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\/search query:<text>/);
    expect(stdout).toMatch(/--json/);
  });
});

describe('console mode', () => {
  it('answers typed commands and says how to connect to Discord', async () => {
    const { code, stdout } = await runMain([], '/search query:armistice\n/quit\n');
    expect(code).toBe(0);
    expect(stdout).toMatch(/DISCORD_TOKEN/);
    expect(stdout).toMatch(/armistice agreement/);
    expect(stdout).toMatch(/paragraph 7/);
  });
});
