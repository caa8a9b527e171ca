/**
 * `compute` remembered for the last text it was given. The analysis reads one article body at a
 * time and asks the same whole-body question (its lower-case words, its capitalised words …) for
 * every name in it: one scan per body instead of one per name, and nothing kept past the next body.
 *
 * @example const lowerWords = memoOnLast((body) => new Set(body.match(/\b\p{Ll}+\b/gu)));
 */
export function memoOnLast<T>(compute: (text: string) => T): (text: string) => T {
  let lastText: string | undefined;
  let lastValue: T;
  return (text) => {
    if (text !== lastText) {
      lastValue = compute(text);
      lastText = text;
    }
    return lastValue;
  };
}
