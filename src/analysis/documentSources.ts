/**
 * Whose words a document's are when the text says who wrote it: "said a report from Kotak
 * Institutional Equities", "says the letter signed by seven physicians", "a statement by Ilse
 * Varga said". A report is no speaker; its author is, when the words name one. A document the
 * text gives no author stays labelled as the document.
 */
import { type Token, tokenize } from '../text/tokens';

/** Nouns for written documents that speak for whoever wrote them. */
const DOCUMENT = /^(?:report|letter|statement|study|memo|memorandum|paper|document|filing|release|email|e-mail|note|analysis|survey|review|audit|complaint|lawsuit|petition)s?$/;

/** A verb of authorship between the document and its author: "signed by", "written by". */
const AUTHORED = /^(?:signed|written|issued|released|published|sent|prepared|drafted|filed|authored|compiled)$/;

/**
 * The author of the document the source words name, as a span of the body: inside the words ("the
 * letter signed by seven physicians") or right after them when the source stops at the document
 * ("a report" + " from Kotak Institutional Equities", a capitalised name only). Null when the
 * head is no document noun or no author follows.
 */
export function documentAuthor(body: string, source: [number, number]): [number, number] | null {
  const [ss, se] = source;
  const words = tokenize(body, ss, se);
  if (!/^(?:a|an|the|this|that|its|their|his|her)$/.test(words[0]?.lower ?? '')) return null;
  const doc = words.findIndex((w, i) => i > 0 && i <= 4 && !w.cap && DOCUMENT.test(w.lower));
  // "a New Jersey Watchdog report released by the governor’s office": a name before the noun
  // already says whose it is; who released it need not be who wrote it.
  if (doc < 0 || words.slice(1, doc).some((w) => w.cap)) return null;
  let k = doc + 1;
  if (k < words.length) {
    // Inside the source words: "the letter signed by seven physicians".
    if (AUTHORED.test(words[k]?.lower ?? '')) k++;
    if (!/^(?:by|from)$/.test(words[k]?.lower ?? '') || k + 1 >= words.length) return null;
    const first = words[k + 1];
    return first && plainAuthor(words.slice(k + 1)) ? [first.start, se] : null;
  }
  // After them: "a report from Kotak Institutional Equities" (a name, so the author is plain).
  const after = /^\s+(?:(?:signed|written|issued|released|published|prepared)\s+)?(?:by|from)\s+((?:the\s+)?\p{Lu}[\p{L}.&'\u2019-]*(?:\s+(?:of|for|and|the|\p{Lu}[\p{L}.&'\u2019-]*))*)/u.exec(body.slice(se, se + 160));
  if (!after || !after[1]) return null;
  // A full stop ends the name ("… Equities. A key reason …"); a trailing "of"/"and" belongs to no
  // name ("from Kotak and …").
  const name = (after[1].split(/\.\s/)[0] ?? '').replace(/\.$/, '').replace(/\s+(?:of|for|and|the)$/u, '');
  const start = se + after[0].length - after[1].length;
  return [start, start + name.length];
}

/**
 * Whether the words after "by"/"from" are the author alone: a short description ("seven
 * physicians", "the liberal watchdog group Media Matters") or a name, and nothing after it — no
 * time, place or clause the source words ran on into ("the Department of Veterans Affairs last
 * month", "the organization in March", "Pew Research Center based on …").
 */
function plainAuthor(words: Token[]): boolean {
  const last = words[words.length - 1];
  if (!last || words.length > 8 || /^(?:a|an|the|and|of|for)$/.test(last.lower)) return false;
  let named = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Token;
    if (w.cap) named = true;
    // Inside a name only its own small words ("Department of Veterans Affairs").
    else if (named && !(/^(?:of|for|and|the)$/.test(w.lower) && words[i + 1]?.cap)) return false;
    // Before it, determiners, numbers and modifiers, but no preposition or participle.
    else if (!named && (/^(?:in|on|at|to|of|for|with|from|by|and|or|last|next|this)$/.test(w.lower) || /(?:ed|ing)$/.test(w.lower) && w.lower.length > 5)) return false;
  }
  return true;
}
