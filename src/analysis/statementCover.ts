/**
 * Which statement a stretch of body text belongs to: the one covering most of it. Shared by the
 * excerpts every answer shows (`answer/excerpts.ts`) and `/position`'s stance index
 * (`parties/stanceIndex.ts`), so both read a range's attribution the same way.
 */
import type { Statement } from './types';

/**
 * The statement covering most of the body range [a, b), preferring a direct quote at equal cover;
 * null if none covers half of it.
 */
export function statementCovering(statements: readonly Statement[], a: number, b: number): Statement | null {
  let best: Statement | null = null;
  let bestCover = 0;
  for (const s of statements) {
    // Most statements lie elsewhere in the body: skip them before measuring.
    if (s.content.end <= a || s.content.start >= b) continue;
    const cover = coverage(s, a, b);
    if (cover <= 0) continue;
    const better = cover > bestCover + 1e-9 || (Math.abs(cover - bestCover) < 1e-9 && best?.kind === 'indirect' && s.kind === 'direct');
    if (better) {
      best = s;
      bestCover = cover;
    }
  }
  return bestCover >= 0.5 ? best : null;
}

/** Share of [a,b) inside the statement's content (or its fragments). */
function coverage(s: Statement, a: number, b: number): number {
  const pieces = s.fragments && s.fragments.length > 0 ? s.fragments : [[s.content.start, s.content.end] as [number, number]];
  let inside = 0;
  for (const [fs, fe] of pieces) inside += Math.max(0, Math.min(b, fe) - Math.max(a, fs));
  return inside / (b - a);
}
