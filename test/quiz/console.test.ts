/**
 * `/quiz` turn by turn in JSON mode (stdin batch) and in the console: `/quiz play` shows the masked
 * quote and numbered choices, the next line `1`–`4` answers and reveals (and shows the next round),
 * `/quiz scores` shows the console's one player; everything in the real SQLite store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import { AnswerSchema, ErrorLineSchema } from '../../src/core/answer';
import type { CommandContext } from '../../src/core/command';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { seededRandom } from '../../src/quiz/pool';
import { QuizService } from '../../src/quiz/service';
import { openLibraryStore } from '../../src/storage/open';
import type { LibraryStore } from '../../src/storage/libraryStore';
import { runConsole } from '../../src/transport/console';
import { runJsonBatch } from '../../src/transport/json';
import { quizKnowledgeDir } from './helpers';

let kbDir: string;
let dbDir: string;
let kb: KnowledgeBase;
const stores: LibraryStore[] = [];

beforeAll(async () => {
  kbDir = quizKnowledgeDir();
  dbDir = mkdtempSync(join(tmpdir(), 'quotebook-quiz-console-'));
  kb = await loadKnowledgeBase(kbDir);
});

afterAll(async () => {
  for (const s of stores) await s.close();
  rmSync(kbDir, { recursive: true, force: true });
  rmSync(dbDir, { recursive: true, force: true });
});

async function consoleContext(name: string): Promise<{ ctx: CommandContext; store: LibraryStore }> {
  const store = await openLibraryStore({ databaseUrl: `sqlite:${join(dbDir, `${name}.sqlite`)}` });
  stores.push(store);
  const quiz = new QuizService({ store: store.quiz(), random: seededRandom(3), solo: true });
  return { store, ctx: { kb, isAdmin: true, caller: { guildId: 'console', userId: 'console', canManageServer: true, roleIds: [] }, quiz } };
}

describe('/quiz turn by turn', () => {
  it('JSON mode over a stdin batch: play, answer by number, scores', async () => {
    const { ctx, store } = await consoleContext('json');
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
    await runJsonBatch(Readable.from(['/quiz play rounds:2\n', '2\n', '1\n', '1\n', '/quiz scores\n']), commands, ctx, out);
    const lines = chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines).toHaveLength(5);
    const [play, first, second, late, scores] = lines as [unknown, unknown, unknown, unknown, unknown];
    const round1 = AnswerSchema.parse(play).quiz!.round!;
    expect(round1).toMatchObject({ number: 1, of: 2 });
    expect(round1.choices).toHaveLength(4);
    const a1 = AnswerSchema.parse(first).quiz!;
    expect(a1.chosen).toBe(1);
    expect(a1.reveal!.roundId).toBe(round1.roundId);
    expect(a1.reveal!.right.concat(a1.reveal!.wrong)).toEqual(['console']);
    const right1 = a1.reveal!.answer === 1;
    expect(a1.reveal!.text).toMatch(/^["“]/);
    expect(a1.round!.number).toBe(2);
    const a2 = AnswerSchema.parse(second).quiz!;
    expect(a2.reveal!.number).toBe(2);
    expect(a2.round).toBeUndefined();
    const right2 = a2.reveal!.answer === 0;
    // The quiz is over: a further number says so.
    expect(ErrorLineSchema.parse(late).error).toMatch(/No quiz round is open/);
    const points = Number(right1) + Number(right2);
    expect(AnswerSchema.parse(scores).quiz!.scores).toEqual([{ userId: 'console', points, answered: 2 }]);
    expect(await store.quiz().scores('console', 10)).toEqual([{ userId: 'console', points, answered: 2 }]);
  });

  it('the console: the masked quote with choices 1–4, then the reveal after the number', async () => {
    const { ctx } = await consoleContext('console');
    const input = new PassThrough();
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
    const done = runConsole(commands, ctx, { input, output, color: false });
    input.end('/quiz play rounds:1\n3\n/quiz scores\n');
    await done;
    const text = chunks.join('');
    expect(text).toMatch(/Who said it\? Round 1\/1 \(30 s\)/);
    expect(text).toMatch(/\n {2}1\. .+\n {2}2\. .+\n {2}3\. .+\n {2}4\. .+\n/);
    expect(text).toMatch(/Answer with 1–4/);
    expect(text).toMatch(/Round 1\/1: it was [1-4]\. /);
    expect(text).toMatch(/paragraph \d+/);
    expect(text).toMatch(/Quiz scores in this server:\n {2}1\. you — [01] points? \(1 answered\)/);
  });
});
