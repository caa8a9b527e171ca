import { describe, expect, it } from 'vitest';
import { pointsBack } from '../../src/answer/askCarry';

describe('a sentence that names its subject only by pointing back', () => {
  it.each(['He takes over from Sofia Lindqvist.', 'She said no.', 'But it fell.', 'The company declined to comment.', 'Meanwhile, they waited.'])('“%s” points back', (s) => {
    expect(pointsBack(s)).toBe(true);
  });
  it.each(['Helen takes over.', 'Hexagonal towers rose.', 'The vote was 31 to 18.', 'Brandt, 58, commanded the division.', 'Item: he left.'])('“%s” does not', (s) => {
    expect(pointsBack(s)).toBe(false);
  });
});
