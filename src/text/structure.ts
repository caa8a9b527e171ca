/**
 * Text structure: paragraphs, quotations and sentences, all as offsets into the body. The one
 * sentence splitter: the attribution engine analyses these sentences and the article model
 * (`paragraphSentences`, used when articles are loaded) stores the same ones, so an excerpt's
 * sentence is the sentence its attribution was found in. Its rules are the ones the engine's
 * PolNeAR figures were measured with. Everything here is linear in the length of the body.
 */
import { ABBREVIATIONS } from './abbreviations';
import { lastAtOrBefore } from './sortedSearch';

export interface Paragraph {
  index: number;
  start: number;
  end: number;
}

/** A quotation from its opening mark to its closing mark (inclusive), possibly over paragraphs. */
export interface Quote {
  start: number;
  end: number;
  /** True when a closing mark was found (otherwise the quote ends at a paragraph end). */
  closed: boolean;
  /** Paragraph index of the opening mark and of the end. */
  firstPara: number;
  lastPara: number;
  /** Per-paragraph pieces when the quote runs over paragraphs. */
  pieces: Array<[number, number]>;
}

export interface Sentence {
  start: number;
  end: number;
  para: number;
}

/** Splits a body into paragraphs on blank lines (single newlines also separate paragraphs). */
export function splitParagraphs(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    let s = m.index;
    let e = m.index + m[0].length;
    while (s < e && /\s/.test(body[s] ?? '')) s++;
    while (e > s && /\s/.test(body[e - 1] ?? '')) e--;
    if (e > s) out.push({ index: out.length, start: s, end: e });
  }
  return out;
}

const OPEN_CURLY = new Set(['\u201C', '\u00AB', '\u201E']);
const CLOSE_CURLY = new Set(['\u201D', '\u00BB', '\u201F']);

interface Mark {
  pos: number;
  len: number;
  kind: 'open' | 'close' | 'either';
  /** Straight ", curly “”/«», or NYT ''. An inner quote of another family does not close. */
  family: 'straight' | 'curly' | 'nyt';
}

/** Quote marks of one paragraph, with their direction where the glyph or context tells it. */
function marksIn(body: string, p: Paragraph): Mark[] {
  const marks: Mark[] = [];
  // Markup such as <tweet id="…" author="…"> carries attribute quotes that are not quotations.
  const tags: Array<[number, number]> = [];
  const tagRe = /<\/?[a-z][^<>\n]{0,400}>/gi;
  tagRe.lastIndex = p.start;
  let tm: RegExpExecArray | null;
  while ((tm = tagRe.exec(body)) && tm.index < p.end) tags.push([tm.index, tm.index + tm[0].length]);
  let ti = 0;
  for (let i = p.start; i < p.end; i++) {
    while (ti < tags.length && (tags[ti]?.[1] ?? 0) <= i) ti++;
    const tag = tags[ti];
    if (tag && tag[0] <= i && i < tag[1]) {
      i = tag[1] - 1;
      continue;
    }
    const ch = body[i] ?? '';
    if (OPEN_CURLY.has(ch)) marks.push({ pos: i, len: 1, kind: 'open', family: 'curly' });
    else if (ch === '\u201D' && (i === p.start || /[\s(]/.test(body[i - 1] ?? '')) && /[\p{L}\p{N}]/u.test(body[i + 1] ?? '')) {
      // A closing glyph typed as an opener: ”Fear. I am afraid …” at a paragraph start.
      marks.push({ pos: i, len: 1, kind: 'open', family: 'curly' });
    } else if (CLOSE_CURLY.has(ch)) marks.push({ pos: i, len: 1, kind: 'close', family: 'curly' });
    else if (ch === '"') marks.push({ pos: i, len: 1, kind: 'either', family: 'straight' });
    else if (ch === "'" && body[i + 1] === "'") {
      // NYT style '' ... ''
      marks.push({ pos: i, len: 2, kind: 'either', family: 'nyt' });
      i++;
    }
  }
  // Give straight marks a direction from their neighbours when it is clear.
  for (const m of marks) {
    if (m.kind !== 'either') continue;
    const prev = m.pos > p.start ? (body[m.pos - 1] ?? ' ') : ' ';
    const next = m.pos + m.len < p.end ? (body[m.pos + m.len] ?? ' ') : ' ';
    const prevSpace = /[\s([{\u2014\u2013-]/.test(prev);
    const nextSpace = /[\s)\]}.,;:!?\u2014\u2013]/.test(next);
    if (prevSpace && !nextSpace) m.kind = 'open';
    else if (!prevSpace && nextSpace) m.kind = 'close';
  }
  return marks;
}

/**
 * Finds quotations. An opening mark with no closing mark in its paragraph continues into the next
 * paragraph when that one opens with a quote mark (the news convention for multi-paragraph
 * quotes); otherwise it ends at its paragraph's end.
 */
export function findQuotes(body: string, paras: Paragraph[]): Quote[] {
  const quotes: Quote[] = [];
  let pending: { start: number; firstPara: number; pieces: Array<[number, number]> } | null = null;
  let pendingFamily: Mark['family'] = 'curly';
  for (const p of paras) {
    const marks = marksIn(body, p);
    let open: number | null = null;
    let openFamily: Mark['family'] = pendingFamily;
    let pieceStart = p.start;
    // A pending multi-paragraph quote continues only if this paragraph starts with an opener.
    if (pending) {
      const first = marks[0];
      if (first && first.pos === p.start && first.kind !== 'close') {
        open = pending.start;
        pieceStart = p.start;
        marks.shift();
      } else {
        const last = pending.pieces[pending.pieces.length - 1];
        quotes.push({ start: pending.start, end: last ? last[1] : pending.start, closed: false, firstPara: pending.firstPara, lastPara: p.index - 1, pieces: pending.pieces });
        pending = null;
      }
    }
    // laterClose[i][family]: a closing-capable mark of that family exists after index i.
    const laterClose: Array<Record<Mark['family'], boolean>> = new Array(marks.length);
    const acc: Record<Mark['family'], boolean> = { straight: false, curly: false, nyt: false };
    for (let i = marks.length - 1; i >= 0; i--) {
      laterClose[i] = { ...acc };
      const mk = marks[i] as Mark;
      if (mk.kind !== 'open') acc[mk.family] = true;
    }
    marks.forEach((m, mi) => {
      if (open === null) {
        if (m.kind === 'close') return; // stray closer
        open = m.pos;
        openFamily = m.family;
        pieceStart = m.pos;
      } else {
        // A mark of another family inside an open quote is an inner quote ("… “Bathroom Bill,” …"),
        // unless the quote's own family never closes in this paragraph (mixed-up marks).
        if (m.family !== openFamily && (laterClose[mi]?.[openFamily] ?? false)) return;
        if (m.kind === 'open') {
          // Two openers in a row: the first was never closed; keep the later one as the start
          // only if the earlier one is far back (prevents swallowing a paragraph by a typo).
          return;
        }
        const end = m.pos + m.len;
        const pieces: Array<[number, number]> = pending ? [...pending.pieces, [pieceStart, end]] : [[open, end]];
        quotes.push({ start: open, end, closed: true, firstPara: pending ? pending.firstPara : p.index, lastPara: p.index, pieces });
        pending = null;
        open = null;
      }
    });
    if (open !== null) {
      const pieces: Array<[number, number]> = pending ? [...pending.pieces, [pieceStart, p.end]] : [[open, p.end]];
      pending = { start: open, firstPara: pending ? pending.firstPara : p.index, pieces };
      pendingFamily = openFamily;
    }
  }
  if (pending) {
    const last = pending.pieces[pending.pieces.length - 1];
    quotes.push({ start: pending.start, end: last ? last[1] : pending.start, closed: false, firstPara: pending.firstPara, lastPara: paras.length - 1, pieces: pending.pieces });
  }
  return quotes;
}

/** Index over quotes for "is this offset inside a quote" checks in O(log n). */
export class QuoteIndex {
  private readonly starts: number[];
  constructor(readonly quotes: Quote[]) {
    this.starts = quotes.map((q) => q.start);
  }
  /** The quote containing offset `pos` (open mark inclusive, close mark exclusive), if any. */
  at(pos: number): Quote | undefined {
    const found = lastAtOrBefore(this.starts, pos);
    const q = found >= 0 ? this.quotes[found] : undefined;
    return q && pos < q.end ? q : undefined;
  }
}

/**
 * Splits paragraphs into sentences. Sentence ends inside a quotation are ignored (a quoted passage
 * belongs to the sentence that frames it), except where the quotation itself ends the sentence.
 */
export function splitSentences(body: string, paras: Paragraph[], qi: QuoteIndex): Sentence[] {
  const out: Sentence[] = [];
  for (const p of paras) {
    let s = p.start;
    const re = /[.!?]+["'\u201D\u2019)\]]*(?=\s+["'\u201C\u2018([]*[A-Z0-9])/g;
    re.lastIndex = p.start;
    let m: RegExpExecArray | null;
    while ((m = re.exec(body)) && m.index < p.end) {
      const dot = m.index;
      const end = m.index + m[0].length;
      const q = qi.at(dot);
      // Inside a quote whose closing mark is not part of this match: not a sentence end.
      if (q && q.end > end) continue;
      // Abbreviations and initials ("Mr.", "U.S.", "J.") do not end sentences.
      const before = /([A-Za-z.]+)$/.exec(body.slice(Math.max(p.start, dot - 12), dot));
      const word = before ? before[1] ?? '' : '';
      if (m[0] === '.' && word) {
        const w = word.toLowerCase().replace(/\.$/, '');
        if (ABBREVIATIONS.has(w) || /^[a-z]$/i.test(w) || /^([a-z]\.)+[a-z]$/i.test(w)) {
          // "U.S." ends a sentence only when a pronoun or article opens the next one
          // ("… in the U.S. He says …"), never before a name ("U.S. Senator").
          const next = /^\s+["'\u201C\u2018]*(\p{Lu}\p{Ll}*)\b/u.exec(body.slice(end, end + 20))?.[1] ?? '';
          const dotted = /^([a-z]\.)+[a-z]$/i.test(w);
          if (!(dotted && /^(He|She|They|We|It|I|The|This|That|These|Those|But|And|Its|His|Her|Their|There|In|On|At|When|If|As|After|While)$/.test(next))) continue;
        }
      }
      out.push({ start: s, end, para: p.index });
      s = end;
      while (s < p.end && /\s/.test(body[s] ?? '')) s++;
    }
    if (s < p.end) out.push({ start: s, end: p.end, para: p.index });
  }
  return out;
}

/**
 * The sentences of one paragraph's text, offsets relative to it: the splitter above on a body of
 * one paragraph. The engine splits whole bodies, where a quotation can run on into the next
 * paragraph; it only does when that paragraph opens with a quote mark, and then every sentence
 * end inside it is skipped either way, so both give the same sentences (a test holds the loaded
 * articles to it).
 */
export function paragraphSentences(text: string): Array<{ start: number; end: number }> {
  const paras = splitParagraphs(text);
  return splitSentences(text, paras, new QuoteIndex(findQuotes(text, paras))).map((s) => ({ start: s.start, end: s.end }));
}
