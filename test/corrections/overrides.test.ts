/**
 * Corrections by the group through the one command path, on the real knowledge base and a real
 * SQLite file: a proposal, a manager's decision, and the accepted correction in every answer of
 * that server (and no other), after a restart, after re-analysis moved the sentence, and flagged
 * (not applied) once the sentence's words changed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import type { Answer, Excerpt } from '../../src/core/answer';
import type { CommandContext } from '../../src/core/command';
import type { Caller } from '../../src/core/library';
import { UserInputError } from '../../src/core/errors';
import { runCommand } from '../../src/core/run';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { CorrectionService } from '../../src/library/corrections';
import type { LibraryService } from '../../src/library/service';
import type { LibraryStore } from '../../src/storage/libraryStore';
import { openLibraryStore } from '../../src/storage/open';
import { KNOWLEDGE_DIR, SEED_ID, tempKnowledge } from '../fixtures';
import { correctionServiceFor, offlineLibraryService } from '../support/library';

const GUILD_A = '100000000000000001';
const GUILD_B = '100000000000000002';
const manager: Caller = { guildId: GUILD_A, userId: '200000000000000001', canManageServer: true, roleIds: [] };
const member: Caller = { guildId: GUILD_A, userId: '200000000000000002', canManageServer: false, roleIds: [] };
const otherServer: Caller = { guildId: GUILD_B, userId: '200000000000000003', canManageServer: true, roleIds: [] };
const PHRASE = 'fundamentally aligned';

let dir: string;
let seedText: string;
const shared: { current: KnowledgeBase } = { current: undefined as unknown as KnowledgeBase };

/** The services of one process over the test's SQLite file. */
interface Process {
  store: LibraryStore;
  library: LibraryService;
  corrections: CorrectionService;
}

async function start(): Promise<Process> {
  const store = await openLibraryStore({ databaseUrl: `sqlite:${join(dir, 'lib.sqlite')}` });
  const library = offlineLibraryService(store, () => shared.current);
  const corrections = correctionServiceFor(store, library);
  return { store, library, corrections };
}

/** Runs a command as `caller` would in Discord: the server's bases and its accepted corrections. */
async function run(p: Process, caller: Caller, name: string, options: Record<string, string | number | boolean | undefined>): Promise<Answer> {
  const segments = await p.library.segments(caller.guildId);
  const overrides = await p.corrections.overrides(caller.guildId);
  const ctx: CommandContext = {
    kb: segments[0]!,
    segments,
    isAdmin: caller.canManageServer,
    caller,
    library: p.library,
    corrections: p.corrections,
    ...(overrides ? { overrides } : {}),
  };
  return runCommand(commands, name, options, ctx);
}

const withPhrase = (a: Answer) => a.excerpts.find((e) => e.text.includes(PHRASE));

let p1: Process;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quotebook-corrections-'));
  seedText = readFileSync(join(KNOWLEDGE_DIR, `${SEED_ID}.md`), 'utf8');
  shared.current = await loadKnowledgeBase(KNOWLEDGE_DIR);
  p1 = await start();
});

afterAll(async () => {
  await p1.store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('corrections by the group', () => {
  let id = 0;

  it('finds the statement and lists the article’s people to pick from (and “unnamed”)', async () => {
    const a = await run(p1, member, 'correct', { article: SEED_ID, phrase: PHRASE });
    expect(a.correction?.current).toMatch(/^Jake Sullivan/);
    expect(a.correction?.choices.map((c) => c.label)).toContainEqual(expect.stringMatching(/^Moon Chung-in/));
    expect(a.correction?.choices.at(-1)?.value).toBe('unnamed');
    expect(a.correction?.choices.length).toBeLessThanOrEqual(25);
    expect(a.correction?.target).toMatch(/^s\d+-\d+\.[0-9a-f]{10}$/);
  });

  it('stores a member’s proposal as pending; only managers list or decide', async () => {
    const a = await run(p1, member, 'correct', { article: SEED_ID, phrase: PHRASE, speaker: 'Moon Chung-in' });
    id = Number(/#(\d+)/.exec(a.notice ?? '')?.[1]);
    expect(id).toBeGreaterThan(0);
    await expect(run(p1, member, 'corrections', {})).rejects.toThrow(/Only server managers/);
    await expect(run(p1, member, 'corrections', { accept: id })).rejects.toThrow(/Only server managers/);
    const list = await run(p1, manager, 'corrections', {});
    expect(list.corrections?.items).toMatchObject([{ id, status: 'pending', from: expect.stringMatching(/^Jake Sullivan/), to: expect.stringMatching(/^Moon Chung-in/) }]);
    // Not applied before a manager accepts it.
    expect(withPhrase(await run(p1, member, 'who-said', { phrase: PHRASE }))?.speaker?.name).toBe('Jake Sullivan');
  });

  it('refuses forged or replayed decisions with a short message', async () => {
    await expect(run(p1, manager, 'corrections', { accept: 999_999 })).rejects.toThrow(/no correction #999999/);
    await expect(run(p1, otherServer, 'corrections', { accept: id })).rejects.toThrow(/no correction/);
    await expect(run(p1, member, 'correct', { article: SEED_ID, target: 'p3.0123456789', speaker: 'unnamed' })).rejects.toThrow(/no longer in the article/);
    await expect(run(p1, member, 'correct', { article: SEED_ID, target: 'x:evil', speaker: 'unnamed' })).rejects.toThrow(UserInputError);
    await expect(run(p1, member, 'correct', { article: SEED_ID, phrase: PHRASE, speaker: '@everyone' })).rejects.toThrow(/not one of the people/);
  });

  it('an accepted correction is in every answer of that server at once', async () => {
    const decided = await run(p1, manager, 'corrections', { accept: id });
    expect(decided.notice).toMatch(new RegExp(`Accepted #${id}`));
    await expect(run(p1, manager, 'corrections', { reject: id })).rejects.toThrow(/already accepted/);

    const who = await run(p1, member, 'who-said', { phrase: PHRASE });
    expect(who.excerpts[0]).toMatchObject({ speaker: { name: 'Moon Chung-in' }, corrected: true });

    const moon = await run(p1, member, 'quotes', { speaker: 'Moon Chung-in' });
    expect(withPhrase(moon)).toMatchObject({ speaker: { name: 'Moon Chung-in' }, corrected: true });
    const sullivan = await run(p1, member, 'quotes', { speaker: 'Sullivan' });
    expect(withPhrase(sullivan)).toBeUndefined();
    expect(sullivan.excerpts.length).toBeGreaterThan(0);

    const people = (await run(p1, member, 'people', {})).people!;
    const before = (await run(p1, otherServer, 'people', {})).people!;
    const count = (list: typeof people, name: string) => list.find((x) => x.name === name)!.quotes;
    expect(count(people, 'Moon Chung-in')).toBe(count(before, 'Moon Chung-in') + 1);
    expect(count(people, 'Jake Sullivan')).toBe(count(before, 'Jake Sullivan') - 1);

    const search = await run(p1, member, 'search', { query: PHRASE });
    expect(withPhrase(search)).toMatchObject({ speaker: { name: 'Moon Chung-in' }, corrected: true });
    const asked = await run(p1, member, 'ask', { question: 'Are the allies fundamentally aligned on the core strategic initiative?' });
    expect(withPhrase(asked)).toMatchObject({ speaker: { name: 'Moon Chung-in' }, corrected: true });
    const timeline = await run(p1, member, 'timeline', { speaker: 'Moon Chung-in', topic: 'diplomacy' });
    expect(timeline.timeline?.find((t) => t.text.includes(PHRASE))?.source).toMatch(/^Moon Chung-in/);
    const old = await run(p1, member, 'timeline', { speaker: 'Sullivan' });
    expect(old.timeline?.length).toBeGreaterThan(0);
    expect(old.timeline?.find((t) => t.text.includes(PHRASE))).toBeUndefined();
  });

  it('leaves other servers unaffected', async () => {
    const who = await run(p1, otherServer, 'who-said', { phrase: PHRASE });
    expect(who.excerpts[0]).toMatchObject({ speaker: { name: 'Jake Sullivan' } });
    expect(who.excerpts[0]!.corrected).toBeUndefined();
    expect(withPhrase(await run(p1, otherServer, 'quotes', { speaker: 'Sullivan' }))).toBeDefined();
  });

  it('survives a restart (a new process over the same database file)', async () => {
    const p2 = await start();
    try {
      expect((await run(p2, member, 'who-said', { phrase: PHRASE })).excerpts[0]).toMatchObject({ speaker: { name: 'Moon Chung-in' }, corrected: true });
    } finally {
      await p2.store.close();
    }
  });

  it('follows the sentence when re-analysis moves it, and flags it (not applied) when its words changed', async () => {
    const original = shared.current;
    try {
      // A paragraph added in front: every offset moves, the words stay.
      const moved = seedText.replace('Washington and Seoul appear', 'An editor’s note added in front of the story.\n\nWashington and Seoul appear');
      shared.current = await loadKnowledgeBase(tempKnowledge({ [`${SEED_ID}.md`]: moved }));
      expect((await run(p1, member, 'who-said', { phrase: PHRASE })).excerpts[0]).toMatchObject({ speaker: { name: 'Moon Chung-in' }, corrected: true });

      // The sentence's words changed: the engine's speaker again, and managers see the flag.
      const edited = seedText.replace('fundamentally aligned on the core', 'fundamentally aligned on the main');
      shared.current = await loadKnowledgeBase(tempKnowledge({ [`${SEED_ID}.md`]: edited }));
      const who = await run(p1, member, 'who-said', { phrase: PHRASE });
      expect(who.excerpts[0]).toMatchObject({ speaker: { name: 'Jake Sullivan' } });
      expect(who.excerpts.some((e: Excerpt) => e.corrected)).toBe(false);
      const list = await run(p1, manager, 'corrections', {});
      expect(list.corrections?.items).toContainEqual(expect.objectContaining({ id, status: 'accepted', stale: true }));
      expect(list.notice).toMatch(/no longer matches its sentence/);
    } finally {
      shared.current = original;
    }
  });

  it('a correction to “unnamed” names nobody', async () => {
    const phrase = 'different perspectives';
    const proposed = await run(p1, member, 'correct', { article: SEED_ID, phrase: 'the allies could have', speaker: 'unnamed' });
    const unnamed = Number(/#(\d+)/.exec(proposed.notice ?? '')?.[1]);
    await run(p1, manager, 'corrections', { accept: unnamed });
    const who = await run(p1, member, 'who-said', { phrase });
    const e = who.excerpts.find((x) => x.text.includes('the allies could have'))!;
    expect(e).toMatchObject({ speaker: null, source: 'an unnamed source', corrected: true });
  });

  it('refuses in a DM and counts 👍/👎 per command for managers', async () => {
    await expect(p1.corrections.feedback({ ...member, guildId: null }, 'm1', 'who-said', true)).rejects.toThrow(/server/);
    await p1.corrections.feedback(member, 'm1', 'who-said', true);
    await p1.corrections.feedback(member, 'm1', 'who-said', false);
    await p1.corrections.feedback(manager, 'm1', 'who-said', false);
    const list = await run(p1, manager, 'corrections', {});
    expect(list.corrections?.feedback).toEqual([{ command: 'who-said', up: 0, down: 2 }]);
  });
});
