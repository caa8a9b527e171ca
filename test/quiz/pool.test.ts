/**
 * The quiz's quote pool and questions: only sure attributions (direct quotes of a resolved, fully
 * named person; no pronoun-only source, no unnamed source, no organisation, no conflict), masking,
 * plausible distractors, corrections honoured, no repeats until the pool is used up, and the same
 * quiz from the same seed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpeakerOverrides } from '../../src/core/corrections';
import type { Caller } from '../../src/core/library';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { maskQuote } from '../../src/quiz/mask';
import { buildPool, distractors, isFullPersonName, seededRandom } from '../../src/quiz/pool';
import { QuizService } from '../../src/quiz/service';
import { openLibraryStore } from '../../src/storage/open';
import type { LibraryStore } from '../../src/storage/libraryStore';
import { markdownArticle, tempKnowledge } from '../fixtures';
import { manualClock, quizKnowledgeDir } from './helpers';

const BRIDGE = markdownArticle({ id: 'bridge', title: 'Town argues over the northern bridge' }, [
  '"We will rebuild the northern bridge before the winter floods arrive," said Harriet Vosk, the regional transport minister.',
  '"The budget cannot stretch to a second crossing this decade," Vosk said.',
  'Opposition leader Marten Quill disagreed. "This government has promised that bridge three times already," he said.',
  '"Nobody in the ministry has seen the engineering report yet," an official said.',
  '"River traffic will be suspended for two months during the works," the Port Authority said.',
  'Mayor Pavel Oster said: "The town will pay its share of the bridge without any delay at all."',
  '"The old piers are sound enough to carry a new deck for fifty years," said engineer Sofia Renn.',
  '"Shops on the quay will close if the works run past the summer," said Lena Dorsch, who runs a bakery there.',
]);

let kbDir: string;
let kb: KnowledgeBase;
let bridge: KnowledgeBase;
let bridgeDir: string;
let dbDir: string;
const stores: LibraryStore[] = [];
const caller: Caller = { guildId: 'g1', userId: 'console', canManageServer: true, roleIds: [] };

beforeAll(async () => {
  kbDir = quizKnowledgeDir();
  kb = await loadKnowledgeBase(kbDir);
  bridgeDir = tempKnowledge({ 'bridge.md': BRIDGE });
  bridge = await loadKnowledgeBase(bridgeDir);
  dbDir = mkdtempSync(join(tmpdir(), 'quotebook-quiz-pool-'));
});

afterAll(async () => {
  for (const s of stores) await s.close();
  for (const d of [kbDir, bridgeDir, dbDir]) rmSync(d, { recursive: true, force: true });
});

async function service(seed: number, name: string, overrides: Partial<ConstructorParameters<typeof QuizService>[0]> = {}): Promise<QuizService> {
  const store = await openLibraryStore({ databaseUrl: `sqlite:${join(dbDir, `${name}.sqlite`)}` });
  stores.push(store);
  let ids = 0;
  return new QuizService({ store: store.quiz(), random: seededRandom(seed), now: manualClock().now, solo: true, newId: () => `${name}-id-${String(ids++).padStart(4, '0')}`, ...overrides });
}

describe('the pool', () => {
  it('takes direct quotes of fully named people only: no pronoun-only, unnamed, organisation or partial quotes', () => {
    const pool = buildPool([bridge]);
    const texts = pool.quotes.map((q) => `${q.speaker.name}: ${q.text}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Harriet Vosk: "We will rebuild/),
        expect.stringMatching(/^Harriet Vosk: "The budget cannot stretch/),
        expect.stringMatching(/^Lena Dorsch: "Shops on the quay/),
      ]),
    );
    expect(texts.join('\n')).not.toMatch(/promised that bridge|Nobody in the ministry|River traffic/);
    for (const q of pool.quotes) {
      expect(q.text).toMatch(/^["“]/);
      expect(isFullPersonName(q.speaker.name)).toBe(true);
    }
    expect([...pool.speakers.values()].map((s) => s.name)).not.toContain('Port Authority');
  });

  it('names: people yes; places, organisations and single words no', () => {
    for (const yes of ['Jake Sullivan', 'Moon Jae-in', 'Ursula von der Leyen']) expect(isFullPersonName(yes), yes).toBe(true);
    for (const no of ['Sullivan', 'South Korea', 'Port Authority', 'Sejong Institute', 'the official', 'New York']) expect(isFullPersonName(no), no).toBe(false);
  });

  it('leaves out words credited to two different people', async () => {
    const twice = tempKnowledge({
      'a.md': markdownArticle({ id: 'a', title: 'A' }, ['"The harbour will reopen on the first of May this year," said Petra Halvorsen, the port director.']),
      'b.md': markdownArticle({ id: 'b', title: 'B', url: 'https://example.org/b' }, ['"The harbour will reopen on the first of May this year," said Jonas Brekke, a council member.']),
    });
    try {
      const pool = buildPool([await loadKnowledgeBase(twice)]);
      expect(pool.quotes.map((q) => q.text).join('\n')).not.toMatch(/harbour will reopen/);
      expect(buildPool([bridge]).quotes.length).toBeGreaterThan(0);
    } finally {
      rmSync(twice, { recursive: true, force: true });
    }
  });

  it('honours corrections: a corrected speaker is used and masked, a statement corrected to "unnamed" leaves the pool', () => {
    const target = buildPool([bridge]).quotes.find((q) => q.text.startsWith('"The budget'))!;
    const analysis = bridge.analysis('bridge');
    const statement = analysis.statements.find((s) => bridge.articles[0]!.body.slice(s.content.start, s.content.end).startsWith('"The budget'))!;
    const at = (articleId: string, c: { start: number; end: number }) => articleId === 'bridge' && c.start === statement.content.start && c.end === statement.content.end;
    const toOster: SpeakerOverrides = (a, c) => (at(a, c) ? { speaker: { name: 'Pavel Oster', role: 'mayor' }, source: 'Pavel Oster' } : undefined);
    const corrected = buildPool([bridge], toOster).quotes.find((q) => q.key === target.key)!;
    expect(corrected.speaker.name).toBe('Pavel Oster');
    expect(corrected.corrected).toBe(true);
    expect(corrected.replaced).toBe('Harriet Vosk');
    const unnamed: SpeakerOverrides = (a, c) => (at(a, c) ? { speaker: null, source: 'unnamed source' } : undefined);
    expect(buildPool([bridge], unnamed).quotes.map((q) => q.key)).not.toContain(target.key);
  });
});

describe('questions', () => {
  it('masks the name, its words, possessives and the role words, never pronouns', () => {
    const masked = maskQuote(
      '"Sullivan\'s view, as the US national security adviser, is that Jake Sullivan and he agree; the national security adviser said so."',
      ['Jake Sullivan', 'Sullivan', 'he'],
      ['US national security adviser'],
    );
    expect(masked).not.toMatch(/Sullivan|Jake|national security adviser/);
    expect(masked).toContain(' he agree');
    expect(masked).toContain('[name] view');
    expect(masked).toContain('[role]');
  });

  it('offers three plausible others: people of the same article first, never the speaker or a namesake', () => {
    const pool = buildPool([kb, bridge]);
    const q = pool.quotes.find((x) => x.articleId === 'bridge')!;
    const others = distractors(q, pool, seededRandom(3));
    expect(others).toHaveLength(3);
    for (const o of others) {
      expect(o.articles.has('bridge')).toBe(true);
      expect(o.key).not.toBe(q.speaker.key);
      expect(o.name.split(' ').some((w) => q.speaker.name.split(' ').includes(w))).toBe(false);
    }
  });

  it('the same seed gives the same quiz; another seed another', async () => {
    const a = await service(11, 'seed-a');
    const b = await service(11, 'seed-b');
    const c = await service(12, 'seed-c');
    const ra = await a.start(caller, { rounds: 3 }, [kb]);
    const rb = await b.start(caller, { rounds: 3 }, [kb]);
    const rc = await c.start(caller, { rounds: 3 }, [kb]);
    expect({ ...rb, roundId: '', quizId: '' }).toEqual({ ...ra, roundId: '', quizId: '' });
    expect([rc.quote, rc.choices]).not.toEqual([ra.quote, ra.choices]);
  });

  it('no quote repeats in a server until its pool is used up, then the pool starts over', async () => {
    const quiz = await service(5, 'repeats');
    const size = buildPool([kb]).quotes.length;
    expect(size).toBeGreaterThanOrEqual(4);
    const seen: string[] = [];
    for (let i = 0; i < size; i++) {
      const round = await quiz.start(caller, { rounds: 1 }, [kb]);
      const { closed } = await quiz.answer(caller, round.roundId, 0);
      seen.push(closed!.reveal.text);
    }
    expect(new Set(seen).size).toBe(size);
    // Used up: the next quiz starts the pool over; another server has its own pool.
    const again = await quiz.start(caller, { rounds: 1 }, [kb]);
    expect(again.quote).toBeTruthy();
    const other = await quiz.start({ ...caller, guildId: 'g2' }, { rounds: size }, [kb]);
    expect(other.of).toBe(size);
  });

  it('too few speakers, an empty library, an unknown article: a clear refusal', async () => {
    const quiz = await service(1, 'refusals');
    const lonely = tempKnowledge({ 'l.md': markdownArticle({ id: 'lonely', title: 'L' }, ['"We will open the new library on Monday morning," said Harriet Vosk, the mayor.']) });
    try {
      await expect(quiz.start(caller, { rounds: 3 }, [await loadKnowledgeBase(lonely)])).rejects.toThrow(/Too few speakers/);
    } finally {
      rmSync(lonely, { recursive: true, force: true });
    }
    const empty = tempKnowledge({});
    try {
      await expect(quiz.start(caller, { rounds: 3 }, [await loadKnowledgeBase(empty)])).rejects.toThrow(/no quotes to quiz on/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    await expect(quiz.start(caller, { rounds: 3, article: 'no-such-article' }, [kb])).rejects.toThrow(/No article with that id/);
    await expect(quiz.start({ ...caller, guildId: null }, { rounds: 3 }, [kb])).rejects.toThrow(/belong to servers/);
  });
});
