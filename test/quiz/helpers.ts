/** Shared by the quiz tests: a knowledge folder with enough named speakers, a clock, a hand-fired timer. */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Schedule } from '../../src/quiz/service';

/** A temporary knowledge folder: the shipped article plus the test fixtures with named speakers. */
export function quizKnowledgeDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'quotebook-quiz-kb-'));
  for (const f of ['knowledge/us-skorea-end-of-war.md', 'test/fixtures/ask-news/city-budget.md', 'test/fixtures/ask-news/defence-reshuffle.md', 'test/fixtures/second-article.md']) {
    copyFileSync(f, join(dir, f.split('/').pop()!));
  }
  return dir;
}

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2026, 11, 1, 12)): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** Timers that run only when the test says so (`fire`: every pending one, in order). */
export function manualTimers(): { schedule: Schedule; fire(): void; pending(): number } {
  const timers: Array<{ fn: () => void; cancelled: boolean }> = [];
  return {
    schedule: (_ms, fn) => {
      const t = { fn, cancelled: false };
      timers.push(t);
      return { cancel: () => (t.cancelled = true) };
    },
    fire() {
      for (const t of timers.splice(0)) if (!t.cancelled) t.fn();
    },
    pending: () => timers.filter((t) => !t.cancelled).length,
  };
}
