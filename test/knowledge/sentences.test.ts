import { describe, expect, it } from 'vitest';
import { paragraphSentences } from '../../src/text/structure';

const splitSentences = (t: string) => paragraphSentences(t).map((s) => ({ ...s, text: t.slice(s.start, s.end) }));
const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('sentence splitting', () => {
  it('does not split after abbreviations, titles or initials', () => {
    expect(texts('Dr. J. R. Smith met Gov. Brown on Jan. 5 in Washington. They talked.')).toEqual([
      'Dr. J. R. Smith met Gov. Brown on Jan. 5 in Washington.',
      'They talked.',
    ]);
  });

  it('ends a sentence after "U.S." only when a new sentence clearly starts', () => {
    expect(texts('He moved to the U.S. in 1990. The U.S. Army agreed.')).toEqual(['He moved to the U.S. in 1990.', 'The U.S. Army agreed.']);
    expect(texts('They flew to the U.S. The talks began.')).toEqual(['They flew to the U.S.', 'The talks began.']);
  });

  it('keeps a multi-sentence quote together with its attribution', () => {
    expect(texts('“We tried. It failed,” she said. Then she left.')).toEqual(['“We tried. It failed,” she said.', 'Then she left.']);
  });

  it('does not split at a -- aside', () => {
    expect(texts('Moon pushed for it -- something he has supported -- in an attempt to salvage talks. Next.')).toEqual([
      'Moon pushed for it -- something he has supported -- in an attempt to salvage talks.',
      'Next.',
    ]);
  });

  it('keeps offsets that slice back to the sentence text', () => {
    const t = 'One sentence here.  Another one? Yes!';
    const sentences = splitSentences(t);
    expect(sentences.map((s) => [s.start, s.end])).toEqual([
      [0, 18],
      [20, 32],
      [33, 37],
    ]);
    for (const s of sentences) expect(t.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('sentence splitting after a closing quotation', () => {
  it('ends a sentence whose full stop sits inside the closing quote', () => {
    expect(texts('The talks were "frank and useful." She added that more would follow.')).toEqual([
      'The talks were "frank and useful."',
      'She added that more would follow.',
    ]);
    expect(texts('He called it the “intensive discussions.” Others disagreed.')).toEqual(['He called it the “intensive discussions.”', 'Others disagreed.']);
  });

  it('keeps a quote followed by its attribution together', () => {
    expect(texts('“We will go. It is time,” he said. Next.')).toEqual(['“We will go. It is time,” he said.', 'Next.']);
  });
});
