import { describe, expect, it } from 'vitest';
import { pointsBack } from '../../src/answer/askCarry';

describe('a sentence that names its subject only by pointing back', () => {
  it.each(['He takes over from Sofia Lindqvist.', 'She said no.', 'But it fell.', 'The company declined to comment.', 'Meanwhile, they waited.', 'Most of them were destroyed in 1944.', 'One of these decided to stay.'])('“%s” points back', (s) => {
    expect(pointsBack(s)).toBe(true);
  });
  it.each(['Helen takes over.', 'Hexagonal towers rose.', 'The vote was 31 to 18.', 'Brandt, 58, commanded the division.', 'Item: he left.', 'Most of the boats were destroyed in 1944.', 'This led to construction.'])('“%s” does not', (s) => {
    expect(pointsBack(s)).toBe(false);
  });
});

describe('a description whose noun ends a name the sentence before gives', () => {
  const before = 'The council awarded the final to the Kellan Stadium after a vote in March.';
  it('points back after that sentence: "The $40 million stadium" is the Kellan Stadium', () => {
    expect(pointsBack('The $40 million stadium opened in 2031.', before)).toBe(true);
    expect(pointsBack('The host committee raised 2 million euros.', 'Tickets were sold by the Harbour Games Host Committee.')).toBe(true);
  });
  it('does not without it, nor when the noun ends no name there', () => {
    expect(pointsBack('The $40 million stadium opened in 2031.')).toBe(false);
    expect(pointsBack('The $40 million stadium opened in 2031.', 'The council chose a stadium in March.')).toBe(false);
    expect(pointsBack('The Kellan Stadium opened in 2031.', before)).toBe(false);
    expect(pointsBack('The vote was 31 to 18.', before)).toBe(false);
  });
});
