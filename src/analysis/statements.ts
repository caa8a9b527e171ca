/**
 * Finds attribution frames: a speech/thought cue, the words naming its source, and the content it
 * introduces (a quotation, a reported clause, or an "according to" sentence). Sources are still
 * surface text here; `speakers.ts` resolves them to people.
 *
 * This module runs the stages in order (transcripts, quote cues, clause and object frames) and
 * reconciles what they found: quotes inside a clause belong to it, a frame may not swallow a quote
 * another frame owns, a speaker's own hedge is not a second statement, duplicates go.
 */
import { ASK_VERBS, askFrame } from './askFrame';
import { describingParticiple } from './clauseContent';
import { clauseFrame } from './clauseFrames';
import { colonHeadline, titleCaseHeadline } from './headlines';
import { SPEECH_VERBS } from './lexicon';
import { MIXED_VERBS, NOUN_MARKERS, OBJECT_VERBS, VIEW_VERBS } from './lexicon/cueWords';
import { learnedCueFrames, learnedFrame } from './learnedFrames';
import { adjectiveOnly, posTags } from './lexicon/cueStem';
import { LEARNED_CUES } from './lexicon/learnedCues';
import { LEARNED_SPAN_ENDS } from './lexicon/learnedSpanEnds';
import { learnedSpanEnd } from './spanEnds';
import { contentEnd } from './contentEnds';
import { isTitle } from './nounPhrases';
import { nounFrame, STANCE_NOUNS } from './nounFrames';
import { objectFrame } from './objectFrame';
import { evidenceFrame, pollFrame } from './pollFrames';
import { markPossessedQuotes } from './possessedQuotes';
import { prepFrames } from './prepFrames';
import { TELL_VERBS, toldFrame } from './toldFrame';
import { UNNAMED_CUES, unnamedFrame } from './unnamedFrames';
import { cueAfter as findCueAfter, cueBefore as findCueBefore, type QuoteCueContext } from './quoteCues';
import { mk, PRONOUN_SRC, type RawStatement, skipLead } from './statement';
import type { CueLexicon } from './types';
import { lastAtOrBefore } from '../text/sortedSearch';
import { type Paragraph, type Quote, QuoteIndex, type Sentence } from '../text/structure';
import { type Token, tokenize } from '../text/tokens';
/**
 * "“…,” Nielsen Hayden said, “if …” and stuck to one genre, or written a series. “But Mike wanted
 * …”": the tag's sentence goes on with a second predicate of the same subject (a past verb right
 * after "and"/"but", no name, pronoun or quotation in it) and ends; a quotation that opens the
 * next sentence is still that speaker's. Not "…, and the mayor disagreed." (a new subject).
 */
function predicateGoesOn(body: string, between: string, nextStart: number): boolean {
  const m = /^\s*(?:and|but)\s+(\p{Ll}+)\b[^"\u201C\u201D\p{Lu}.!?\n]*[.!?]\s+$/u.exec(between);
  if (!m || !m[1] || /\b(?:he|she|they|we|i|it|you)\b/.test(between)) return false;
  return /^VB[DN]$/.test(posTags(m[1])[0] ?? '') && /^(?:["\u201C]|'')\s*\p{Lu}/u.test(body.slice(nextStart, nextStart + 4));
}

/**
 * Collects statements for a body. Linear-ish: every scan is bounded by a sentence or window.
 * `lexicon` is the learned cue lexicon and `spanEnds` the learned span-end markers (the generated
 * ones unless the learner passes its own).
 */
export function findStatements(body: string, paras: Paragraph[], sentences: Sentence[], quotes: Quote[], qi: QuoteIndex, lexicon: CueLexicon = LEARNED_CUES, spanEnds: ReadonlySet<string> = LEARNED_SPAN_ENDS): RawStatement[] {
  const out: RawStatement[] = [];
  const sentStarts = sentences.map((s) => s.start);
  const sentenceAt = (pos: number): number => Math.max(0, lastAtOrBefore(sentStarts, pos));
  const usedVerb = new Set<number>();
  const claimed = new Map<number, RawStatement>();
  const quoteIndexOf = new Map<Quote, number>();
  quotes.forEach((q, i) => quoteIndexOf.set(q, i));

  // Narration tokens of a range (outside quotes).
  const narr = (s: number, e: number): Token[] => tokenize(body, s, e).filter((t) => !qi.at(t.start));

  const cueCtx: QuoteCueContext = { body, paras, quotes, usedVerb };
  const cueAfter = (qIdx: number): ReturnType<typeof findCueAfter> => findCueAfter(cueCtx, qIdx);
  const cueBefore = (qIdx: number): ReturnType<typeof findCueBefore> => findCueBefore(cueCtx, qIdx);

  // 0. Transcripts: paragraphs that open with a speaker label in capitals ("PENCE: Well, …",
  // often inside one long quotation). Each turn runs to the next label; its quotes are its own.
  const turnLabel = /^(?:["\u201C]|'')?\s*(\p{Lu}[\p{Lu}.'\u2019 -]{1,30}\p{Lu}):\s+(?=\S)/u;
  const turns = paras.map((p) => turnLabel.exec(body.slice(p.start, Math.min(p.end, p.start + 40))));
  if (turns.filter(Boolean).length >= 2) {
    paras.forEach((p, pi) => {
      const m = turns[pi];
      if (!m || !m[1]) return;
      const labelStart = p.start + m[0].indexOf(m[1]);
      const cStart = p.start + m[0].length;
      let last = pi;
      // The turn goes on over paragraphs that continue the quotation ("“But the truth …").
      while (last + 1 < paras.length && !turns[last + 1] && /^(?:["\u201C]|'')\s*\p{Lu}/u.test(body.slice((paras[last + 1] as Paragraph).start, (paras[last + 1] as Paragraph).start + 4)) && !/^(?:["\u201C]|'')\s*\(/.test(body.slice((paras[last + 1] as Paragraph).start, (paras[last + 1] as Paragraph).start + 4))) last++;
      let cEnd = (paras[last] as Paragraph).end;
      while (cEnd > cStart && /[\s"\u201D]/.test(body[cEnd - 1] ?? '')) cEnd--;
      if (cEnd - cStart < 8) return;
      const st = mk(body, [cStart, cEnd], [labelStart, labelStart + m[1].length], [labelStart + m[1].length, labelStart + m[1].length + 1], sentenceAt(cStart), 'quote-cue-before', qi);
      out.push(st);
      quotes.forEach((q, i) => {
        if (q.start >= p.start && q.start < cEnd) claimed.set(i, st);
      });
    });
    // Stage directions between turns ("“(CROSSTALK.)") open a quotation that is nobody's speech.
    paras.forEach((p) => {
      if (!/^(?:["\u201C]|'')\s*\(/.test(body.slice(p.start, p.start + 4))) return;
      const stage = mk(body, [p.start, p.end], null, [p.start, p.start], sentenceAt(p.start), 'unattributed', qi);
      quotes.forEach((q, i) => {
        if (q.start >= p.start && q.start < p.end && !claimed.has(i)) claimed.set(i, stage);
      });
    });
  }

  // 1. Quotes with an adjacent cue, then chained continuation quotes.
  for (let qi2 = 0; qi2 < quotes.length; qi2++) {
    if (claimed.has(qi2)) continue;
    const q = quotes[qi2] as Quote;
    let after = cueAfter(qi2);
    if (isTitle(body, q)) {
      // “Denver,” he answered. — a capitalised word closed by a comma and tagged with a
      // pronoun speaker is a reply, not a title.
      const pron = after?.source && PRONOUN_SRC.test(body.slice(after.source[0], after.source[1]));
      if (!pron || !/,\s*(?:["\u201D]|'')$/.test(body.slice(q.start, q.end))) continue;
    }
    after = after ?? null;
    const before = after ? null : cueBefore(qi2);
    const frame = after ?? before;
    if (!frame) continue;
    const st: RawStatement = {
      content: [q.start, q.end],
      source: frame.source,
      inherit: 'inherit' in frame ? frame.inherit : false,
      ...('subject' in frame && frame.subject ? { subject: frame.subject } : {}),
      cue: frame.cue,
      quotes: [qi2],
      sentence: sentenceAt(q.start),
      quoted: [[q.start, q.end]],
      pattern: after ? 'quote-cue-after' : 'quote-cue-before',
    };
    claimed.set(qi2, st);
    // "Carter described how he put a card in a “burn bag,” the Times reported.": narration
    // before the quote in its sentence belongs to the reported content (a mixed report).
    if (after) {
      const sent = sentences[st.sentence] as Sentence;
      const leadStart = skipLead(body, sent.start, q.start);
      const lead = body.slice(leadStart, q.start);
      if (leadStart < q.start && sent.para === q.firstPara && !/[:;"\u201C\u201D\u2014\u2013]|''|\s-+\s/.test(lead) && /[\p{L}\p{N}]\s*$/u.test(lead) && tokenize(body, leadStart, q.start).length >= 2 && !qi.at(leadStart)) {
        st.content = [leadStart, q.end];
      }
    }
    let cur = st;
    // Continuations: the next quote right after the cue block, or a whole-paragraph quote.
    // The chain continues from the end of the tag ("…,” he said. “…”"), not from the end of any
    // narration that follows it in the same sentence ("…, adding that he hoped X ''…''").
    let lastEnd = after ? after.blockEnd : q.end;
    let k = qi2 + 1;
    // "…,” Trump said, adding later, “…”": the next quote is the "adding" report's own.
    const tagAdds = !!after && /^[^.!?]*,\s*(?:before\s+)?adding\b/.test(body.slice(after.cue[1], after.blockEnd));
    while (k < quotes.length && !tagAdds) {
      const nq = quotes[k] as Quote;
      if (nq.end <= lastEnd) {
        // A title inside the tag block.
        k++;
        continue;
      }
      const between = body.slice(lastEnd, nq.start);
      const samePara = !between.includes('\n');
      const prevQ = quotes[k - 1] as Quote;
      const prevParaEnd = (paras[prevQ.lastPara] as Paragraph).end;
      const prevEndsPara = /^[\s.,]*$/.test(body.slice(Math.max(prevQ.end, lastEnd), prevParaEnd));
      const nqPara = paras[nq.firstPara] as Paragraph;
      // A paragraph that opens with a quote and has no cue of its own continues the speaker.
      const wholePara = nq.start === nqPara.start;
      const tagEnds = /[.,:!?]["'\u201D\u2019]?\s*$/.test(body.slice(Math.max(0, nq.start - 3), nq.start));
      // A new paragraph continues the speaker only if it opens like a sentence: "“… prevent the
      // evacuation”" alone in a paragraph is a fragment quoted from somebody else.
      const opensMidSentence = /^(?:''|["\u201C\u00AB])\s*(?:\p{Ll}|\u2026|\.\.\.|\[)/u.test(body.slice(nq.start, nq.start + 6));
      // "Teachers chanted, “Fund our schools,” and “Put kids first,”": a second quote joined by
      // "and"/"but (instead)" after a comma is the same speaker's.
      const connector = /,(?:["\u201D]|'')?\s+(?:and|but|or)(?:\s+(?:also|instead|then))?\s+$/;
      const joined = samePara && /^[\s,]*(?:and|but|or)?(?:\s+(?:also|instead|then))?\s*$/.test(between) && connector.test(body.slice(Math.max(prevQ.end - 2, nq.start - 40), nq.start));
      const goesOn = samePara && predicateGoesOn(body, between, nq.start);
      const ok = samePara ? (/^[\s.,:]*$/.test(between) && tagEnds) || joined || goesOn : prevEndsPara && wholePara && !opensMidSentence && nq.firstPara === (paras[prevQ.lastPara] as Paragraph).index + 1 && /^[\s.,]*$/.test(between);
      if (!ok) break;
      // "“You squeezed …” to drive up …, she said": the next quote has a tag of its own.
      if (samePara && /^[^.!?\n]{3,200}?,\s+(?:he|she|they|\p{Lu}\p{Ll}+)\s+(?:said|says|added|noted|told)\b/u.test(body.slice(nq.end, Math.min(body.length, nq.end + 220))) && !/^\s*[,.]?\s*(?:he|she|they|\p{Lu}\p{Ll}+)\s+(?:said|says|added)/u.test(body.slice(nq.end, nq.end + 40))) break;
      if (cueAfter(k)) {
        usedVerb.clear();
        break;
      }
      // A whole-paragraph quote continues the same statement as another fragment.
      if ((samePara && !goesOn) || nq.end === (paras[nq.lastPara] as Paragraph).end) {
        cur.quotes.push(k);
        cur.quoted.push([nq.start, nq.end]);
        cur.fragments = cur.fragments ?? [[cur.content[0], cur.content[1]]];
        cur.fragments.push([nq.start, nq.end]);
        cur.content[1] = nq.end;
        claimed.set(k, cur);
      } else {
        // A continuation paragraph: same speaker, its own statement (the paragraph is a unit).
        out.push(cur);
        cur = { ...cur, content: [nq.start, nq.end], fragments: undefined, quotes: [k], quoted: [[nq.start, nq.end]], sentence: sentenceAt(nq.start), continued: true };
        claimed.set(k, cur);
      }
      lastEnd = nq.end;
      k++;
    }
    out.push(cur);
  }
  // cueAfter() is also used as a probe above; recompute used verbs from the claimed statements.
  usedVerb.clear();
  for (const st of out) if (st.cue) usedVerb.add(st.cue[0]);

  // 2. Clause cues in narration.
  sentences.forEach((s, si) => {
    // Run-on "sentences" of thousands of characters are tables or dumps, not reported speech;
    // skipping them keeps the per-verb scans below bounded.
    if (s.end - s.start > 4000) return;
    const toks = narr(s.start, s.end);
    out.push(...prepFrames(body, s, si, toks, qi));
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i] as Token;
      if (usedVerb.has(t.start)) continue;
      // "his claim that …", "Trump's decision to …": a stance noun with a possessor.
      if (STANCE_NOUNS.has(t.lower)) {
        const st = nounFrame(body, s, si, toks, i, qi);
        if (st) {
          out.push(st);
          continue;
        }
      }
      // "47% say …", "About three-quarters support …": a share of the people a poll asked.
      const poll = pollFrame(body, s, si, toks, i, qi) ?? evidenceFrame(body, s, si, toks, i, qi);
      if (poll) {
        usedVerb.add(t.start);
        out.push(poll);
        continue;
      }
      const isAcc = t.lower === 'according' && toks[i + 1]?.lower === 'to';
      const listed = isAcc || SPEECH_VERBS.has(t.lower) || VIEW_VERBS.has(t.lower) || MIXED_VERBS.has(t.lower) || OBJECT_VERBS.has(t.lower) || UNNAMED_CUES.has(t.lower);
      const learned = isAcc ? undefined : learnedCueFrames(lexicon, t);
      if (!listed && !learned) continue;
      if (i > 0 && NOUN_MARKERS.has(toks[i - 1]?.lower ?? '') && !isAcc) continue;
      // "four states that vote", "investigative reports on …": an -s form after a number or an
      // adjective is a plural noun (a verb there would not agree with it).
      const prevTok = toks[i - 1];
      if (!isAcc && prevTok && !prevTok.cap && /^\s+$/.test(body.slice(prevTok.end, t.start)) && /\p{Ll}[^s]s$/u.test(t.lower) && (COUNT_WORD.test(prevTok.lower) || adjectiveOnly(prevTok.lower))) continue;
      if (!isAcc && t.cap && i > 0) continue; // "Said" mid-sentence capitalised: a name
      if (!isAcc && describingParticiple(t.lower, toks[i + 1]?.lower ?? '')) continue;
      // "the Jewish state’s premier cheered": a word with a possessive 's is a noun, never the cue.
      if (!isAcc && t.possessive) continue;
      const st = (SPEECH_VERBS.has(t.lower) || VIEW_VERBS.has(t.lower) || MIXED_VERBS.has(t.lower) || isAcc ? clauseFrame(body, s, si, toks, i, isAcc, qi) : null) ?? (OBJECT_VERBS.has(t.lower) ? objectFrame(body, s, si, toks, i, qi) : null) ?? (ASK_VERBS.has(t.lower) ? askFrame(body, s, si, toks, i, qi) : null) ?? (UNNAMED_CUES.has(t.lower) ? unnamedFrame(body, s, si, toks, i, qi) : null) ?? (learned ? learnedFrame(body, s, si, toks, i, qi, learned) : null) ?? (TELL_VERBS.has(t.lower) ? toldFrame(body, s, si, toks, i, qi) : null);
      if (st) {
        usedVerb.add(t.start);
        out.push(st);
      }
    }
  });

  // 2a. A learned cue inside another report's content ("said they support a proposal …") is part
  // of what was reported, not a report of its own (PolNeAR annotates the outer one only).
  const outer = out.filter((st) => !st.learned && (st.pattern === 'clause' || st.pattern === 'according-to' || st.pattern === 'clause-inverted'));
  for (let k = out.length - 1; k >= 0; k--) {
    const st = out[k] as RawStatement;
    const cue = st.cue;
    if (st.learned && cue && outer.some((o) => o.content[0] <= cue[0] && cue[1] <= o.content[1])) out.splice(k, 1);
  }

  // 2b. Where a reported clause or object ends, by the markers learned on train.
  for (const st of out) {
    if ((st.pattern === 'clause' || st.pattern === 'according-to') && !st.fragments) st.content = [st.content[0], learnedSpanEnd(body, st.content[0], st.content[1], qi, spanEnds)];
  }
  for (const st of out) if (st.pattern === 'clause' && !st.fragments) st.content = [st.content[0], contentEnd(body, st, qi, (sentences[st.sentence] as Sentence).start)];
  // "roughly 1,100 donors weren't disclosed": a thousands comma is no clause boundary. A content
  // cut there with its source after it ("100 donors") is a misreading; a source that starts
  // after one ("1,409 teachers said …") takes its whole number.
  for (let k = out.length - 1; k >= 0; k--) {
    const st = out[k] as RawStatement;
    if (!st.source || !splitNumber(body, st.source[0])) continue;
    if (splitNumber(body, st.content[1] + 1)) out.splice(k, 1);
    else {
      let from = st.source[0] - 1;
      while (from > 0 && /[\d,]/.test(body[from - 1] ?? '')) from--;
      st.source = [from, st.source[1]];
    }
  }

  // 3. Quotes inside a clause content belong to it; other quotes stay unattributed.
  const clauseSpans = out.filter((st) => st.pattern !== 'quote-cue-after' && st.pattern !== 'quote-cue-before').sort((a, b) => a.content[0] - b.content[0]);
  const clauseStarts = clauseSpans.map((st) => st.content[0]);
  quotes.forEach((q, i) => {
    if (claimed.has(i)) return;
    // Host clause: among the few clauses starting at or before the quote (binary search).
    let host: RawStatement | undefined;
    const k = lastAtOrBefore(clauseStarts, q.start);
    let spill = false;
    for (let j = k; j >= 0 && j > k - 4 && !host; j--) {
      const st = clauseSpans[j] as RawStatement;
      if (st.content[0] <= q.start && q.end <= st.content[1] + 1) host = st;
      // "X said the release “gives us hope … support.\n\n“We see …”": a quotation opened in the
      // clause runs on over the next paragraph (no closing mark at a paragraph end). The clause
      // keeps its paragraph; the rest is a continuation paragraph of the same speaker.
      else if (st.content[0] <= q.start && q.start < st.content[1] && q.lastPara > q.firstPara && st.content[1] <= (paras[q.firstPara] as Paragraph).end) {
        host = st;
        spill = true;
      }
    }
    if (host && spill) {
      host.quotes.push(i);
      claimed.set(i, host);
      const next = paras[q.firstPara + 1] as Paragraph;
      out.push({ content: [next.start, q.end], source: null, quotes: [], sentence: sentenceAt(next.start), quoted: [[next.start, q.end]], pattern: 'unattributed' });
      return;
    }
    if (host) {
      host.quotes.push(i);
      if (!host.quoted.some(([a]) => a === q.start)) host.quoted.push([q.start, q.end]);
      claimed.set(i, host);
      return;
    }
    // Titles of shows, books and slogans in Title Case are names, not speech.
    if (isTitle(body, q)) return;
    out.push({ content: [q.start, q.end], source: null, quotes: [i], sentence: sentenceAt(q.start), quoted: [[q.start, q.end]], pattern: 'unattributed' });
  });
  // Clause statements that swallowed a quote another frame already owns are dropped.
  const owned = new Set<number>();
  const quoteByStart = new Map(quotes.map((q, i) => [q.start, i]));
  for (const st of out) if (st.pattern === 'quote-cue-after' || st.pattern === 'quote-cue-before') for (const qn of st.quotes) owned.add(qn);
  const result = out.filter((st) => {
    if (st.pattern === 'quote-cue-after' || st.pattern === 'quote-cue-before' || st.pattern === 'unattributed') return true;
    // Only quotes inside the clause can be owned by another frame; st.quoted lists them.
    return !st.quoted.some(([qs, qe]) => {
      const qIdx = quoteByStart.get(qs);
      return qIdx !== undefined && owned.has(qIdx) && qe - qs > 0.5 * (st.content[1] - st.content[0]);
    });
  });
  void quoteIndexOf;
  // "Rubio says he feels he did “great”": a pronoun cue at the start of another report's content
  // is part of that report (the speaker's own hedge), not a second statement.
  const clauseHosts = result.filter((st) => st.pattern === 'clause' && st.source).sort((a, b) => a.content[0] - b.content[0]);
  const hostStarts = clauseHosts.map((st) => st.content[0]);
  const nested = new Set<RawStatement>();
  for (const st of result) {
    if (st.pattern !== 'clause' || !st.source || !st.cue) continue;
    const pronounSource = /^(he|she|they|we|i)$/i.test(body.slice(st.source[0], st.source[1]));
    const cue0 = st.cue[0];
    // Hosts starting at or before the source (offsets are integers: "< source + 1" was "<= source").
    const k = lastAtOrBefore(hostStarts, st.source[0]);
    for (let j = k; j >= 0 && j > k - 3; j--) {
      const host = clauseHosts[j] as RawStatement;
      if (host === st || host.content[0] > st.source[0] || host.content[1] < st.content[1]) continue;
      if (pronounSource) {
        // "Clinton says she hopes …, but she knows that “…”": a pronoun report ending with the
        // outer one is part of it wherever it starts.
        const atStart = tokenize(body, host.content[0], st.source[0]).filter((x) => x.lower !== 'that').length === 0 && cue0 <= st.source[1] + 12;
        if (!atStart && st.content[1] !== host.content[1]) continue;
        // Only when no other name stands between, so the pronoun is the outer speaker.
        if (!atStart && tokenize(body, host.content[0], st.source[0]).some((x, xi) => x.cap && (xi > 0 || !/^(that|but|and|the|a|an|it|i|we|he|she|they)$/i.test(x.text)))) continue;
      } else {
        if (st.content[1] !== host.content[1] || !st.quoted.length) continue;
        const lead = tokenize(body, host.content[0], st.source[0]).filter((x) => x.lower !== 'that' && x.lower !== 'if');
        if (lead.length > 0) {
          // "Rubio said it was great to be home, a man yelled “Stay there!”": another speaker's
          // comma-spliced report ends the outer one; the quote stays with its own speaker.
          const gap = body.slice(host.content[0], st.source[0]);
          const comma = gap.lastIndexOf(',');
          if (comma > 0 && /^,\s*$/.test(gap.slice(comma))) {
            host.content = [host.content[0], host.content[0] + gap.slice(0, comma).replace(/\s+$/, '').length];
            host.quoted = host.quoted.filter(([a]) => a < host.content[1]);
            continue;
          }
        }
        // "He says if people think the issues …": the inner verb is part of the outer report.
      }
      nested.add(st);
      break;
    }
  }
  // Two cues can frame the same words ("X said …" and a later "he said" reading); keep the first.
  const seen = new Set<string>();
  const unique = result.filter((st) => {
    if (nested.has(st)) return false;
    const key = `${st.content[0]}-${st.content[1]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Headline convention: "Ryan: ‘No Place In A Presidential Campaign.’" at the top of the body.
  const head = /^\s*([^:\n\u2018\u2019"\u201C\u201D]{2,80}):\s+\u2018/.exec(body.slice(0, 120));
  if (head && head[1] && sentences.length) {
    const open = head[0].length - 1;
    const close = /[.!?]\u2019/.exec(body.slice(open, open + 240));
    const srcStart = head[0].indexOf(head[1]);
    const nameToks = tokenize(body, srcStart, srcStart + head[1].length);
    if (close && nameToks.length && nameToks.length <= 8 && (nameToks[0] as Token).cap && !body.slice(open, open + close.index).includes('\n') && !unique.some((st) => st.content[0] < open + close.index + 2 && st.content[1] > open)) {
      unique.push({
        content: [open, open + close.index + 2],
        source: [srcStart, srcStart + head[1].trimEnd().length],
        cue: [srcStart + head[1].length, srcStart + head[1].length + 1],
        quotes: [],
        sentence: 0,
        quoted: [[open, open + close.index + 2]],
        singleQuoted: true,
        pattern: 'quote-cue-before',
      });
    }
  }
  for (const headline of [colonHeadline(body, sentences), titleCaseHeadline(body, sentences, qi)]) {
    if (headline && !unique.some((st) => st.content[0] < headline.content[1] && st.content[1] > headline.content[0])) unique.push(headline);
  }
  // A noun-carried stance inside what another frame reports ("Trump defended his call to …")
  // is part of that report, not a second statement.
  // (Overlapping it by half is enough: the report's own clause end may differ.)
  const overlap = (a: RawStatement, b: RawStatement): number => Math.max(0, Math.min(a.content[1], b.content[1]) - Math.max(a.content[0], b.content[0]));
  const kept = unique.filter((st) => !st.noun || !unique.some((o) => o !== st && !o.noun && overlap(o, st) >= 0.5 * (st.content[1] - st.content[0])));
  markPossessedQuotes(body, kept, qi);
  return kept.sort((a, b) => a.content[0] - b.content[0]);
}

/** Whether `at` follows a comma inside a number ("1,|100"). */
function splitNumber(body: string, at: number): boolean {
  return /\d,$/.test(body.slice(Math.max(0, at - 2), at)) && /^\d/.test(body.slice(at, at + 1));
}

/** Numbers and counting words before a plural noun ("four states", "the dozen states"). */
const COUNT_WORD = /^(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|dozen|dozens|several|few|many|both|all)$/;
