/**
 * Long builds written once as steps, run straight through or a slice at a time with the event
 * loop handed back between slices (src/core/sliced.ts).
 */
import { describe, expect, it } from 'vitest';
import { runSliced, runToEnd, type Steps } from '../../src/core/sliced';

function* sumTo(n: number, log: string[] = []): Steps<number> {
  let total = 0;
  for (let i = 1; i <= n; i++) {
    total += i;
    log.push(`step ${i}`);
    yield;
  }
  return total;
}

describe('sliced work', () => {
  it('gives the same result straight through and in slices', async () => {
    expect(runToEnd(sumTo(100))).toBe(5050);
    expect(await runSliced(sumTo(100), 0)).toBe(5050);
    expect(await runSliced(sumTo(100), 1000)).toBe(5050);
  });

  it('lets other callbacks run between slices', async () => {
    const log: string[] = [];
    setImmediate(() => log.push('other work'));
    // A zero-length slice ends at the first pause point, so the work pauses after every step.
    await runSliced(sumTo(3, log), 0);
    expect(log).toEqual(['step 1', 'other work', 'step 2', 'step 3']);
  });

  it('runs to the end without letting anything in when straight through', () => {
    const log: string[] = [];
    setImmediate(() => log.push('other work'));
    runToEnd(sumTo(3, log));
    expect(log).toEqual(['step 1', 'step 2', 'step 3']);
  });

  it('stops early when told, closing the work (its finally runs), and returns nothing', async () => {
    let closed = false;
    let steps = 0;
    function* endless(): Steps<string> {
      try {
        for (;;) {
          steps++;
          yield;
        }
      } finally {
        closed = true;
      }
    }
    const result = await runSliced(endless(), 0, () => steps >= 3);
    expect(result).toBeUndefined();
    expect(steps).toBe(3);
    expect(closed).toBe(true);
  });
});
