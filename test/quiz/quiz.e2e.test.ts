/**
 * Acceptance for "Who said it?" (issue #16) end to end: the real gateway bot (discord.js) against
 * the strict fake Discord, the real SQLite store in a temporary file. Two members play a quiz of
 * three rounds: the first round closes on its timer (the bot edits the quiz message), the next two
 * when both players have answered (the last press moves the message on). One member presses twice
 * and is told so privately; the scores count once. `/quiz scores` shows them, and again after a
 * restart on the same file. Forged buttons, presses after the end, another server's round and a DM
 * each get a private message.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayHandle } from '../../src/discord/gateway';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { QuizService } from '../../src/quiz/service';
import { seededRandom } from '../../src/quiz/pool';
import { openLibraryStore } from '../../src/storage/open';
import type { LibraryStore } from '../../src/storage/libraryStore';
import { buttonPress, chatInput, snowflake, startFakeDiscord, USER_ID, type FakeDiscord, type RecordedRequest } from '../discord/fakeDiscord';
import { captureLogger } from '../discord/helpers';
import { assertWithinDiscordLimits } from '../discord/limits';
import { startTestGateway } from '../support/gateway';
import { manualClock, manualTimers, quizKnowledgeDir } from './helpers';

const PLAYER_B = '666666666666666666';
const OTHER_GUILD = '555555555555555555';

let fake: FakeDiscord;
let kbDir: string;
let shared: KnowledgeBase;
let store: LibraryStore;
let quiz: QuizService;
let bot: GatewayHandle | undefined;
const clock = manualClock();
const timers = manualTimers();
const log = captureLogger();

async function startBot(): Promise<void> {
  store = await openLibraryStore({ databaseUrl: `sqlite:${join(kbDir, 'quiz.sqlite')}` });
  quiz = new QuizService({ store: store.quiz(), now: clock.now, random: seededRandom(7), schedule: timers.schedule, logger: log.logger });
  bot = await startTestGateway(fake, { getKnowledgeBase: () => shared, logger: log.logger, quiz });
}

async function stopBot(): Promise<void> {
  quiz.stop();
  await bot?.stop();
  bot = undefined;
  await store.close();
}

beforeAll(async () => {
  kbDir = quizKnowledgeDir();
  shared = await loadKnowledgeBase(kbDir);
  fake = await startFakeDiscord();
  await startBot();
});

afterAll(async () => {
  await stopBot().catch(() => undefined);
  await fake?.close();
  rmSync(kbDir, { recursive: true, force: true });
});

type Where = { userId?: string; dm?: boolean };

/** A `/quiz <sub>` interaction. */
function quizCommand(sub: string, options: Array<{ name: string; type: number; value: string | number | boolean }> = [], where: Where = {}) {
  const i = chatInput('quiz', {}, where) as unknown as { id: string; token: string; data: Record<string, unknown> };
  i.data = { id: snowflake(), name: 'quiz', type: 1, options: [{ name: sub, type: 1, options }] };
  return i;
}

interface Message {
  content: string;
  flags?: number;
  allowed_mentions?: unknown;
  components?: Array<{ components: Array<{ custom_id: string; label: string }> }>;
}

function checked(r: RecordedRequest): Message {
  const body = r.body as { type?: number; data?: Message } & Message;
  const message = body.data ?? body;
  assertWithinDiscordLimits(message);
  // Members show as mentions (the leaderboard, who answered right), which never ping.
  expect(message.allowed_mentions).toEqual({ parse: [] });
  expect(message.content).not.toMatch(/@(everyone|here)/);
  return message;
}

/** The reply to a slash command or press (its first response). */
async function reply(i: { id: string }): Promise<{ type: number; message: Message }> {
  const r = await fake.nextCallback(i.id);
  return { type: (r.body as { type: number }).type, message: checked(r) };
}

function buttonsOf(m: Message): string[] {
  return (m.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id));
}

/** The right answer's button and a wrong one, from the database (what the players cannot see). */
async function rightAndWrong(ids: string[]): Promise<{ right: string; wrong: string; roundId: string }> {
  const roundId = ids[0]!.split(':')[1]!;
  const round = await store.quiz().round(roundId);
  const right = ids[round!.correct]!;
  return { right, wrong: ids.find((id) => id !== right)!, roundId };
}

async function press(customId: string, userId: string): Promise<{ type: number; message: Message; interaction: { id: string; token: string } }> {
  const i = buttonPress(customId, { userId });
  fake.dispatch(i);
  return { ...(await reply(i)), interaction: i };
}

describe('/quiz through the strict fake Discord', () => {
  let firstRoundIds: string[] = [];

  it('three rounds, two players: a timer closes round 1, the last answer closes rounds 2 and 3; a second press is refused privately', async () => {
    const start = quizCommand('play', [{ name: 'rounds', type: 4, value: 3 }]);
    fake.dispatch(start);
    const shown = await reply(start);
    expect(shown.type).toBe(4);
    expect(shown.message.flags ?? 0).toBe(0);
    expect(shown.message.content).toMatch(/Who said it\?\*\* Round 1\/3/);
    firstRoundIds = buttonsOf(shown.message);
    expect(firstRoundIds).toHaveLength(4);
    let { right, wrong } = await rightAndWrong(firstRoundIds);

    // Round 1: A right, B wrong, B again (refused, privately); nobody learns the answer yet.
    const a1 = await press(right, USER_ID);
    expect(a1.type).toBe(4);
    expect(a1.message.flags).toBe(64);
    expect(a1.message.content).toMatch(/Your answer is in/);
    const b1 = await press(wrong, PLAYER_B);
    expect(b1.message.flags).toBe(64);
    const again = await press(right, PLAYER_B);
    expect(again.message.flags).toBe(64);
    expect(again.message.content).toMatch(/already answered/);

    // Time is up: the timer reveals round 1 on the quiz message and shows round 2.
    clock.advance(31_000);
    timers.fire();
    const edit = checked(await fake.nextWebhook(start.token, 'PATCH'));
    expect(edit.content).toMatch(/\*\*Round 1\/3:\*\* it was \*\*/);
    expect(edit.content).toContain(`✅ <@${USER_ID}>`);
    expect(edit.content).toContain(`❌ <@${PLAYER_B}>`);
    expect(edit.content).toMatch(/paragraph \d+/);
    expect(edit.content).toMatch(/Round 2\/3/);
    const second = buttonsOf(edit);
    expect(second).toHaveLength(4);
    expect(second[0]).not.toBe(firstRoundIds[0]);

    // Round 2: both answer; B's press closes it and moves the message on (type 7), B hears privately.
    ({ right, wrong } = await rightAndWrong(second));
    expect((await press(right, USER_ID)).message.content).toMatch(/Your answer is in/);
    const b2 = await press(wrong, PLAYER_B);
    expect(b2.type).toBe(7);
    expect(b2.message.content).toMatch(/\*\*Round 2\/3:\*\*/);
    expect(b2.message.content).toMatch(/Round 3\/3/);
    const followUp = checked(await fake.nextWebhook(b2.interaction.token, 'POST'));
    expect(followUp.flags).toBe(64);
    expect(followUp.content).toMatch(/not this time/);

    // Round 3: both right; the last press shows the quiz's scores.
    const third = buttonsOf(b2.message);
    ({ right } = await rightAndWrong(third));
    await press(right, PLAYER_B);
    const last = await press(right, USER_ID);
    expect(last.type).toBe(7);
    expect(last.message.content).toMatch(/Quiz over/);
    expect(last.message.content).toContain(`1. <@${USER_ID}> — 3 points (3 answered)`);
    expect(last.message.content).toContain(`2. <@${PLAYER_B}> — 1 point (3 answered)`);
    expect(buttonsOf(last.message)).toEqual([]);
    expect(fake.refused()).toEqual([]);
  });

  it('a press after the round ended, a forged button, a round of another server, a DM: each a private message', async () => {
    const late = await press(firstRoundIds[0]!, USER_ID);
    expect(late.message.flags).toBe(64);
    expect(late.message.content).toMatch(/This round has ended/);
    for (const forged of ['q:../../etc:1', 'q:AAAAAAAAAAAAAAAA:9', 'q:', `q:${'x'.repeat(90)}:1`]) {
      const r = await press(forged, USER_ID);
      expect(r.message.flags).toBe(64);
      expect(r.message.content).toMatch(/not one of ours/);
    }
    const unknown = await press('q:AAAAAAAAAAAAAAAA:1', USER_ID);
    expect(unknown.message.content).toMatch(/does not exist/);
    const i = buttonPress(firstRoundIds[1]!, { userId: USER_ID }) as unknown as Record<string, unknown> & { id: string; channel: Record<string, unknown> };
    i.guild_id = OTHER_GUILD;
    i.channel.guild_id = OTHER_GUILD;
    i.authorizing_integration_owners = { '0': OTHER_GUILD };
    fake.dispatch(i);
    const elsewhere = await reply(i);
    expect(elsewhere.message.flags).toBe(64);
    expect(elsewhere.message.content).toMatch(/another server/);
    const dm = quizCommand('play', [], { dm: true });
    fake.dispatch(dm);
    expect((await reply(dm)).message.content).toMatch(/belong to servers/);
    expect(fake.refused()).toEqual([]);
  });

  it('two members pressing at once both count; one member pressing twice at once counts once', async () => {
    const start = quizCommand('play', [{ name: 'rounds', type: 4, value: 1 }]);
    fake.dispatch(start);
    const ids = buttonsOf((await reply(start)).message);
    const { right, wrong, roundId } = await rightAndWrong(ids);
    const presses = [buttonPress(right, { userId: USER_ID }), buttonPress(wrong, { userId: PLAYER_B }), buttonPress(wrong, { userId: PLAYER_B })];
    for (const p of presses) fake.dispatch(p);
    const replies = await Promise.all(presses.map((p) => reply(p)));
    for (const r of replies) expect(r.message.flags).toBe(64);
    expect(replies[0]!.message.content).toMatch(/Your answer is in/);
    // B's two presses: one is in, the other refused (which one depends on arrival).
    expect(replies.slice(1).map((r) => /Your answer is in/.test(r.message.content)).sort()).toEqual([false, true]);
    expect(replies.slice(1).some((r) => /already answered/.test(r.message.content))).toBe(true);
    const answers = await store.quiz().answers(roundId);
    expect(answers.map((a) => a.userId).sort()).toEqual([USER_ID, PLAYER_B].sort());
    clock.advance(31_000);
    timers.fire();
    const edit = checked(await fake.nextWebhook(start.token, 'PATCH'));
    expect(edit.content).toMatch(/Quiz over/);
    expect(fake.refused()).toEqual([]);
  });

  it('thread:true: a line in the channel, the quiz in a thread, its timer edits the message there', async () => {
    const start = quizCommand('play', [
      { name: 'rounds', type: 4, value: 1 },
      { name: 'thread', type: 5, value: true },
    ]);
    fake.dispatch(start);
    const intro = await reply(start);
    expect(intro.message.content).toMatch(/in the thread below/);
    expect(buttonsOf(intro.message)).toEqual([]);
    const created = await fake.waitFor((r) => r.method === 'POST' && /\/threads$/.test(r.path) && r.path.includes(`/messages/`));
    const threadId = created.path.split('/')[6]!;
    const posted = await fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/channels/${threadId}/messages`);
    const ids = buttonsOf(checked(posted));
    expect(ids).toHaveLength(4);
    // Presses in the thread work like anywhere else; B plays, then time is up.
    const { wrong } = await rightAndWrong(ids);
    expect((await press(wrong, PLAYER_B)).message.content).toMatch(/Your answer is in/);
    clock.advance(31_000);
    timers.fire();
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.startsWith(`/api/v10/channels/${threadId}/messages/`));
    expect(edit.status).toBe(200);
    expect(edit.headers.authorization).toMatch(/^Bot /);
    const revealed = checked(edit);
    expect(revealed.content).toMatch(/\*\*Round 1\/1:\*\* it was/);
    expect(revealed.content).toContain(`❌ <@${PLAYER_B}>`);
    expect(revealed.content).toMatch(/Quiz over/);
    expect(buttonsOf(revealed)).toEqual([]);
    expect(fake.refused()).toEqual([]);
  });

  it('/quiz scores shows the leaderboard, and again after a restart on the same database file', async () => {
    const expected = [`1. <@${USER_ID}> — 4 points (4 answered)`, `2. <@${PLAYER_B}> — 1 point (5 answered)`];
    const before = quizCommand('scores');
    fake.dispatch(before);
    const shown = (await reply(before)).message.content;
    for (const line of expected) expect(shown).toContain(line);
    await stopBot();
    await startBot();
    const after = quizCommand('scores');
    fake.dispatch(after);
    const again = (await reply(after)).message.content;
    for (const line of expected) expect(again).toContain(line);
  });
  it('/quiz answer in Discord is private, and when it closes the round the quiz message moves on', async () => {
    const start = quizCommand('play', [{ name: 'rounds', type: 4, value: 2 }]);
    fake.dispatch(start);
    const ids = buttonsOf((await reply(start)).message);
    await press(ids[0]!, USER_ID);
    clock.advance(31_000);
    timers.fire();
    const moved = checked(await fake.nextWebhook(start.token, 'PATCH'));
    expect(moved.content).toMatch(/Round 2\/2/);
    const answer = quizCommand('answer', [{ name: 'choice', type: 4, value: 1 }]);
    fake.dispatch(answer);
    const own = await reply(answer);
    expect(own.message.flags).toBe(64);
    expect(own.message.content).toMatch(/\*\*Round 2\/2:\*\* it was/);
    const edits = () => fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes(start.token));
    await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(start.token) && /Quiz over/.test(JSON.stringify(r.body)));
    expect(edits().length).toBe(2);
    expect(fake.refused()).toEqual([]);
  });
});
