/**
 * Quote cues: the speech verb and source right after a quotation ("“…,” Sullivan said") or right
 * before it ("Sullivan said: “…”"). These were closures inside findStatements; they take what they
 * read as a context instead.
 */
import { AUXILIARIES, SPEECH_VERBS, STRONG_SPEECH_VERBS } from './lexicon';
import { MIXED_VERBS, NOUN_MARKERS, NP_STOP, PHRASAL_SPEECH, SOURCE_STARTERS, TIME_WORDS } from './lexicon/cueWords';
import { backNP, cleanNP, isTitle, roleLedName, sentenceSubject, takeNP, validSource } from './nounPhrases';
import { firstStop, OPEN_Q } from './statement';
import type { Paragraph, Quote } from '../text/structure';
import { type Token, tokenize } from '../text/tokens';

/** What the quote-cue finders read, and the set of cue verbs they mark as taken. */
export interface QuoteCueContext {
  body: string;
  paras: Paragraph[];
  quotes: Quote[];
  /** Start offsets of verbs already used as cues; a finder adds the verb it takes. */
  usedVerb: Set<number>;
}

/** Cue after a quote: `“…,” Sullivan said`, `“…,” said Moon at a forum`. */
export function cueAfter(ctx: QuoteCueContext, qIdx: number): { source: [number, number] | null; cue: [number, number]; blockEnd: number } | null {
  const { body, paras, quotes, usedVerb } = ctx;
  const q = quotes[qIdx] as Quote;
  const para = paras[q.lastPara] as Paragraph;
  // A show or book title inside the tag ("Trump told NBC’s “Today” on Monday.") is part of it.
  let nextIdx = qIdx + 1;
  while (nextIdx < quotes.length && nextIdx <= qIdx + 3 && (quotes[nextIdx] as Quote).start < para.end && isTitle(body, quotes[nextIdx] as Quote) && !/[.!?]/.test(body.slice(q.end, (quotes[nextIdx] as Quote).start))) nextIdx++;
  const next = quotes[nextIdx];
  let winEnd = Math.min(para.end, next && next.start < para.end ? next.start : para.end, q.end + 300);
  // "“…”. He said …": a full stop after the closing mark ends the sentence; what follows is the
  // next sentence's own report, never this quotation's tag.
  if (/^\.(?:\s|$)/.test(body.slice(q.end, q.end + 2))) return null;
  const stop = firstStop(body, q.end, winEnd);
  // "“…?” Sullivan asked." — a sentence end right after the quote mark is fine; look past it.
  if (stop > q.end) winEnd = stop;
  const gap = body.slice(q.end, winEnd);
  // Epigraph-style credit: "“…” ― Karen Diaz." / "“…” — Tom Reyes, a teacher".
  const credit = /^\s*(?:[\u2015\u2014\u2013]|--?)\s*((?:\p{Lu}[\p{L}'\u2019.-]*\s+){1,3}\p{Lu}[\p{L}'\u2019-]*)(?=\s*(?:[,.(]|$))/u.exec(body.slice(q.end, para.end));
  if (credit && credit[1] && /[.!?,]\s*(?:["'\u201D\u2019]|'')$/.test(body.slice(q.start, q.end))) {
    const st = q.end + credit[0].length - credit[1].length;
    const dash = q.end + (/[\u2015\u2014\u2013-]/.exec(credit[0])?.index ?? 0);
    return { source: [st, st + credit[1].length], cue: [dash, dash + 1], blockEnd: st + credit[1].length };
  }
  // The credit on a line of its own after a quote that fills its paragraph (reviews,
  // testimonials): "“The show was great.”\n\n– Man**". Masked names keep their stars.
  if (/^\s*$/.test(body.slice(q.end, para.end)) && q.start === (paras[q.firstPara] as Paragraph).start) {
    const np = paras[q.lastPara + 1];
    const line = np ? /^\s*[\u2015\u2014\u2013-]{1,2}\s*((?:\p{Lu}[\p{L}'\u2019.*-]*\s+){0,3}\p{Lu}[\p{L}'\u2019.*-]*)\s*$/u.exec(body.slice(np.start, np.end)) : null;
    if (np && line && line[1]) {
      const st = np.start + line[0].indexOf(line[1]);
      const dash = np.start + (/[\u2015\u2014\u2013-]/.exec(line[0])?.index ?? 0);
      return { source: [st, st + line[1].length], cue: [dash, dash + 1], blockEnd: st + line[1].length };
    }
  }
  const howPut = wasHowPut(body, q.end, winEnd);
  if (howPut) return { ...howPut, blockEnd: winEnd };
  if (!/^[\s,]*\S/.test(gap) || /^[\s]*[\u2014\u2013-]{1,2}\s/.test(gap)) return null;
  const toks = tokenize(body, q.end, winEnd);
  // After a full stop inside the quote ("….”) a new sentence usually starts; only a short
  // "Trump said." style tag may follow. After "?”"/"!”"/",”" the tag can be longer.
  const innerEnd = body.slice(Math.max(q.start, q.end - 3), q.end);
  const maxSrc = /\.["'\u201D\u2019]*$/.test(innerEnd) ? 3 : 30;
  for (let i = 0; i < Math.min(toks.length, maxSrc + 1); i++) {
    const t = toks[i] as Token;
    const isAcc = t.lower === 'according' && toks[i + 1]?.lower === 'to';
    if (!STRONG_SPEECH_VERBS.has(t.lower) && !isAcc && !(SPEECH_VERBS.has(t.lower) && i <= 6)) continue;
    // An -ing form after a quote ("…,” noting that", "He's predicting") is not the quote's tag
    // (but "…,” Benioff weighed in, telling Cook" may still have one before it).
    if (/ing$/.test(t.lower)) break;
    // After "….”" the tag must be short and end its sentence ("….” Trump said on Monday.").
    if (maxSrc === 3) {
      const restToks = toks.slice(i + 1);
      const endsSentence = /^[.!?]/.test(body.slice(winEnd, winEnd + 1)) || winEnd === para.end;
      const first = restToks[0];
      const adverbial = !first || TIME_WORDS.has(first.lower) || /^(in|on|at|to|with|during|after|before|from|via|through|reporters|journalists)$/.test(first.lower);
      if (!endsSentence || !adverbial || restToks.length > 6 || restToks.some((x) => x.lower === 'that')) return null;
    }
    if (i > 0 && NOUN_MARKERS.has(toks[i - 1]?.lower ?? '')) continue;
    // "Asked about Varga's comment that “…”, Berg said he disagreed": a verb with a clause of its
    // own after it reports that clause, not the quotation before it.
    const next = toks[i + 1];
    if (i > 0 && !isAcc && next && toks[i + 2] && /^\s+$/.test(body.slice(t.end, next.start)) && /^(?:that|he|she|they|we|i)$/.test(next.lower) && /^\s+\p{Ll}/u.test(body.slice(next.end, (toks[i + 2] as Token).end))) return null;
    usedVerb.add(t.start);
    const cueEnd = isAcc ? (toks[i + 1] as Token).end : t.end;
    // Source before the verb, or after it when inverted.
    let srcToks = toks.slice(0, i).filter((x) => !AUXILIARIES.has(x.lower));
    if (isAcc || srcToks.length === 0) {
      const after = toks.slice(isAcc ? i + 2 : i + 1);
      srcToks = takeNP(body, after);
      const f = srcToks[0];
      // An inverted source starts like a noun phrase: a name, a determiner or a pronoun.
      if (f && !f.cap && !/^(the|a|an|his|her|their|its|one|another|he|she|they|we|i|two|three|several|some|many|both)$/.test(f.lower) && !/^\d/.test(f.text) && !roleLedName(srcToks)) return null;
    } else {
      const f = srcToks[0] as Token;
      // "…,” lead researcher and NASA planetary scientist Lucas Paganini said": role words
      // in lower case, then the name right before the verb.
      const roleLed = roleLedName(srcToks) && srcToks.length <= 9 && !body.slice(f.start, t.start).includes(',');
      if (roleLed) srcToks = srcToks.filter((x) => x.lower !== 'and' || srcToks.indexOf(x) < srcToks.findIndex((y) => y.cap));
      if (!roleLed && !f.cap && !/^(the|a|an|his|her|their|its|one|another|he|she|they|we|i|two|three|several|some|many|both|campaign|officials?|aides?|sources?|experts?|analysts?|critics?|supporters?|observers?|police|authorities)$/.test(f.lower) && !/^\d/.test(f.text)) return null;
      // Keep the head before an appositive comma: "Jenna Golden, Twitter's director…, said".
      const firstComma = body.slice(srcToks[0]?.start ?? 0, t.start).indexOf(',');
      if (firstComma > 0) {
        const cut = (srcToks[0]?.start ?? 0) + firstComma;
        const head = srcToks.filter((x) => x.end <= cut);
        const tailNames = srcToks.filter((x) => x.start > cut);
        // "“…” Ford’s family, Starner said.": the quote's words continue into a possessive
        // object; the name right before the verb is the speaker.
        const possessiveObject = head.length >= 2 && !!head[head.length - 2]?.possessive && !head[head.length - 1]?.cap;
        srcToks = possessiveObject && tailNames.length >= 1 && tailNames.length <= 3 && tailNames.every((x) => x.cap) && !body.slice(cut + 1, t.start).includes(',') ? tailNames : head;
      }
      if (srcToks.length > 8) return null;
      // The words before the verb must be a plain noun phrase ("Sullivan", "the official").
      // "the Chinese embassy in Washington": "in" after a mission or office noun is part of it.
      // "Paganini and his team wrote": a named lead and the people who worked with them.
      const n = srcToks.length;
      const withTeam = n >= 4 && srcToks[n - 3]?.lower === 'and' && /^(?:his|her|their)$/.test(srcToks[n - 2]?.lower ?? '') && TEAM.test(srcToks[n - 1]?.lower ?? '') && srcToks.slice(0, -3).every((x) => x.cap);
      if (!withTeam && srcToks.some((x, xi) => NP_STOP.has(x.lower) && !(x.lower === 'of' || x.lower === 'for' || x.lower === 'at' || (roleLed && x.lower === 'and') || (x.lower === 'in' && /^(embassy|consulate|mission|office|bureau|delegation|ministry|headquarters)$/.test(srcToks[xi - 1]?.lower ?? ''))))) return null;
      srcToks = cleanNP(srcToks);
      if (!srcToks.length || !validSource(srcToks)) return null;
    }
    const source: [number, number] | null = srcToks.length ? [(srcToks[0] as Token).start, (srcToks[srcToks.length - 1] as Token).end] : null;
    return { source, cue: [t.start, cueEnd], blockEnd: winEnd };
  }
  // "…,” the chairman ordered." / "…!” beamed Donald Hartley": a quote closed by a comma, "?" or
  // "!" and followed by a short name + past-tense verb is attributed even if the verb is unlisted.
  if (/[,?!]["'\u201D\u2019]*$/.test(innerEnd)) {
    const v = toks.findIndex(
      (x, i) =>
        i <= 6 &&
        !x.cap &&
        ((/ed$/.test(x.lower) && !/^(need|used|based|called|named|aged|related|concerned|supposed|interested|tired)$/.test(x.lower)) || PHRASAL_SPEECH.test(`${x.lower} ${toks[i + 1]?.lower ?? ''}`)),
    );
    const vt = toks[v];
    if (vt && v > 0) {
      const np = cleanNP(toks.slice(0, v).filter((x) => !AUXILIARIES.has(x.lower)));
      const gap = body.slice(q.end, toks[0]?.start ?? q.end);
      if (np.length && np.length <= 6 && validSource(np) && /^[\s,]*$/.test(gap) && !np.some((x) => NP_STOP.has(x.lower)) && ((np[0] as Token).cap || SOURCE_STARTERS.test((np[0] as Token).lower))) {
        const phrasalEnd = PHRASAL_SPEECH.test(`${vt.lower} ${toks[v + 1]?.lower ?? ''}`) ? (toks[v + 1] as Token).end : vt.end;
        return { source: [(np[0] as Token).start, (np[np.length - 1] as Token).end], cue: [vt.start, phrasalEnd], blockEnd: winEnd };
      }
    } else if (vt && v === 0) {
      const np = takeNP(body, toks.slice(1));
      if (np.length && (np[0] as Token).cap) return { source: [(np[0] as Token).start, (np[np.length - 1] as Token).end], cue: [vt.start, vt.end], blockEnd: winEnd };
    }
  }
  return null;
}

/** Cue before a quote: `Sullivan said: “…”`, `said Moon:` at the end of the previous paragraph. */
export function cueBefore(ctx: QuoteCueContext, qIdx: number): { source: [number, number] | null; cue: [number, number]; inherit?: boolean; subject?: [number, number] } | null {
  const { body, paras, quotes, usedVerb } = ctx;
  const q = quotes[qIdx] as Quote;
  const para = paras[q.firstPara] as Paragraph;
  const prevQ = quotes[qIdx - 1];
  let winStart = Math.max(para.start, prevQ && prevQ.end > para.start ? prevQ.end : para.start);
  let winEnd = q.start;
  if (q.start === para.start && q.firstPara > 0) {
    // Paragraph opening with a quote: the previous paragraph may end with "X said:".
    const pp = paras[q.firstPara - 1] as Paragraph;
    if (!/:\s*$/.test(body.slice(pp.start, pp.end))) return null;
    winStart = Math.max(pp.start, prevQ && prevQ.end > pp.start ? prevQ.end : pp.start);
    winEnd = pp.end;
  }
  // Bounded look-back keeps long paragraphs linear.
  winStart = Math.max(winStart, winEnd - 400);
  const text = body.slice(winStart, winEnd);
  let from = winStart;
  for (let p = firstStop(body, winStart, winEnd); p >= 0 && p < winEnd - 1; p = firstStop(body, p + 1, winEnd)) from = p + 1;
  while (from < winEnd && /[\s"'\u201D\u2019)]/.test(body[from] ?? '')) from++;
  void text;
  const asPut = asPutIt(body, from, winEnd);
  if (asPut) return asPut;
  if (!/[:,]\s*$|\b(that|saying|said|says|say|told|tells|added|adding|wrote|asked|declared|noted|writes|tweeted|continued|explained|argued|replied|responded|insisted)\s*$/i.test(body.slice(from, winEnd))) return null;
  // "said that “…”" and "said “…” can't be trusted" are mixed reports (the clause is the
  // content); only a quote that completes the sentence is the verb's direct object.
  if (/\bthat\s*$/i.test(body.slice(from, winEnd))) return null;
  const paraEnd = (paras[q.lastPara] as Paragraph).end;
  const stopAfter = firstStop(body, q.end, Math.min(paraEnd, q.end + 300));
  const afterText = body.slice(q.end, stopAfter >= 0 ? stopAfter : Math.min(paraEnd, q.end + 300));
  if (!/[.,!?]["'\u201D\u2019]*$/.test(body.slice(q.start, q.end)) && tokenize(afterText, 0, afterText.length).length >= 2 && !OPEN_Q.test(afterText)) return null;
  const toks = tokenize(body, from, winEnd);
  for (let i = toks.length - 1; i >= 0 && i >= toks.length - 10; i--) {
    const t = toks[i] as Token;
    const isAcc = t.lower === 'according' && toks[i + 1]?.lower === 'to';
    // Stance verbs introduce a quote only right before ":" or ","  ("The headline reads: “…”").
    const stanceIntro = MIXED_VERBS.has(t.lower) && i === toks.length - 1 && /^[\s]*[:,]\s*$/.test(body.slice(t.end, winEnd));
    if (!SPEECH_VERBS.has(t.lower) && !isAcc && !stanceIntro) continue;
    if (i > 0 && NOUN_MARKERS.has(toks[i - 1]?.lower ?? '')) continue;
    const tail = toks.slice(isAcc ? i + 2 : i + 1);
    const colonEnd = /:\s*$/.test(body.slice(from, winEnd));
    // Only adverbials (or the inverted source / "according to" source) between cue and quote.
    let source: [number, number] | null = null;
    let inherit = false;
    let subject: [number, number] | undefined;
    const before = toks.slice(0, i).filter((x) => !AUXILIARIES.has(x.lower));
    // The subject must touch the verb: "…riff on it in Iowa, telling the crowd" has none.
    const np = before.length && /,/.test(body.slice((before[before.length - 1] as Token).end, t.start)) ? [] : backNP(body, before, from);
    if (isAcc) {
      const a = takeNP(body, tail);
      if (a.length === 0) return null;
      source = [(a[0] as Token).start, (a[a.length - 1] as Token).end];
    } else if (np.length) {
      const tellLike = /^(told|tells|tell|telling|asked|asks|wrote|writes)$/.test(t.lower);
      const commaEnd = /,\s*$/.test(body.slice(from, winEnd));
      const objectOk = ((colonEnd || tellLike) && tail.length <= 8) || (commaEnd && tail.length <= 6 && !tail.some((x) => x.lower === 'that'));
      if (!objectOk && !tail.every((x) => TIME_WORDS.has(x.lower) || x.lower === 'that' || /^\p{Lu}/u.test(x.text))) return null;
      if (!objectOk && tail.some((x) => /^\p{Lu}/u.test(x.text))) return null;
      source = [(np[0] as Token).start, (np[np.length - 1] as Token).end];
    } else if ((/,\s*$/.test(body.slice(from, t.start)) || (winStart === prevQ?.end && /,["'\u201D\u2019]+\s*$/.test(body.slice(Math.max(0, winStart - 3), t.start)))) && /ing$/.test(t.lower)) {
      // (Also after a quotation that ends in a comma: "… “needs to be a conversation,” adding “…”".)
      // "…, adding: “…”" hangs on the sentence's earlier statement, or on its subject.
      const toldWhom = /^(telling|asking|writing)$/.test(t.lower) && /,\s*$/.test(body.slice(from, winEnd)) && tail.length <= 3 && tail.every((x) => /^(them|him|her|us|me|reporters|supporters|voters|the|crowd|audience|listeners|viewers|readers)$/.test(x.lower));
      if (!tail.every((x) => TIME_WORDS.has(x.lower) || x.lower === 'that') && !(colonEnd && tail.length <= 6) && !toldWhom) return null;
      const earlierCue = toks.slice(0, i).some((x) => SPEECH_VERBS.has(x.lower));
      const subj = earlierCue ? null : sentenceSubject(body, from, t.start);
      if (subj) source = subj;
      else {
        inherit = true;
        subject = sentenceSubject(body, from, t.start) ?? undefined;
      }
    } else if (/^(told|tells|tell|asked|asks|informed|assured|reminded|emailed|texted)$/.test(t.lower) && tail.length) {
      // "…, who did not work on the study, told Newsweek: “…”": the words after "told" are
      // the addressee, never an inverted source. The speaker is the sentence's subject, or, right
      // after "who", the noun phrase it hangs on ("Varga (right) with Tomas Berg, who told the
      // crowd: “…”" is Berg's).
      const who = before[before.length - 1];
      const ante = who?.lower === 'who' ? backNP(body, before.slice(0, -1), from) : [];
      if (who && ante.length && (ante[0] as Token).cap && /^\s*,\s*$/.test(body.slice((ante[ante.length - 1] as Token).end, who.start))) {
        source = [who.start, who.end];
        subject = [(ante[0] as Token).start, (ante[ante.length - 1] as Token).end];
      } else {
        const subj = sentenceSubject(body, from, t.start);
        if (!subj) return null;
        source = subj;
      }
    } else {
      const a = takeNP(body, tail);
      if (a.length === 0 || a.length !== tail.length) {
        // Coordinated predicate: "She greeted supporters and told them: “…”", or a
        // participle: "… before saying, “…”".
        if (/^(and|but|before|after|while|by|when|then)$/.test(before[before.length - 1]?.lower ?? '')) {
          const subj = sentenceSubject(body, from, t.start);
          if (!subj) return null;
          source = subj;
        } else return null;
      } else source = [(a[0] as Token).start, (a[a.length - 1] as Token).end];
    }
    usedVerb.add(t.start);
    return { source, cue: [t.start, isAcc ? (toks[i + 1] as Token).end : t.end], inherit, ...(subject ? { subject } : {}) };
  }
  // An unlisted verb of saying right before the quote: "…, then boomed, “…”" → the subject.
  const lastTok = toks[toks.length - 1];
  if (lastTok && /[,:]\s*$/.test(body.slice(lastTok.end, winEnd)) && !lastTok.cap && /(ed|ing)$/.test(lastTok.lower) && toks.length >= 2) {
    const subj = sentenceSubject(body, from, lastTok.start);
    if (subj) return { source: subj, cue: [lastTok.start, lastTok.end] };
  }
  // "…, Hillary shot back, “…”": a phrasal verb of replying.
  const verbTok = toks[toks.length - 2];
  if (lastTok && verbTok && /[,:]\s*$/.test(body.slice(lastTok.end, winEnd)) && PHRASAL_SPEECH.test(`${verbTok.lower} ${lastTok.lower}`)) {
    const subj = sentenceSubject(body, from, verbTok.start);
    if (subj) return { source: subj, cue: [verbTok.start, lastTok.end] };
  }
  // No verb, but "Republican pollster Daron Shaw: “…”" or "X released the following statement:".
  const colon = /:\s*$/.exec(body.slice(from, winEnd));
  if (colon) {
    const colonPos = from + colon.index;
    const run = /((?:\p{Lu}[\p{L}'\u2019.-]*\s+){0,3}\p{Lu}[\p{L}'\u2019.-]*)$/u.exec(body.slice(from, colonPos));
    if (run && run[1] && !/^(Here|There|This|That|It|The|And|But|Transcript|Update|Note|Read|Watch)$/i.test(run[1])) {
      const st = colonPos - run[1].length;
      return { source: [st, colonPos], cue: [colonPos, colonPos + 1] };
    }
    const subj = sentenceSubject(body, from, colonPos);
    if (subj) return { source: subj, cue: [colonPos, colonPos + 1] };
  }
  return null;
}

/** The people who work with a named lead ("Paganini and his team"). */
const TEAM = /^(?:team|colleagues|co-?authors|collaborators|co-?workers)$/;

/** A source after "as" or "how": a name, a pronoun, or a short description ("one analyst"). */
const PUT_SOURCE = String.raw`((?:\p{Lu}[\p{L}.'\u2019-]*\s+){0,3}\p{Lu}[\p{L}'\u2019-]*|he|she|they|(?:the|one|a|an|another)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)`;
// The `d` flag gives each group's span: the source and the cue are read off the match.
const AS_PUT = new RegExp(String.raw`(?:^|[\s,(])[Aa]s\s+${PUT_SOURCE}\s+(?:once\s+|later\s+|has\s+|had\s+)?((?:put|puts|phrased|phrases|summed|sums|described|describes)\s+it)(?:\s+up)?\s*[,:]\s*$`, 'du');
const HOW_PUT = new RegExp(String.raw`^\s*(?:was|is|’s|'s)\s+how\s+${PUT_SOURCE}\s+(put|puts|described|describes|summed|sums|phrased|explained|explains)\s+it\b`, 'du');

/** The source (group 1) and the cue (group 2) of a match of `AS_PUT` or `HOW_PUT` on the text from `base`. */
function putSpans(m: RegExpExecArray | null, base: number): { source: [number, number]; cue: [number, number] } | null {
  const source = m?.indices?.[1];
  const cue = m?.indices?.[2];
  if (!source || !cue) return null;
  return { source: [base + source[0], base + source[1]], cue: [base + cue[0], base + cue[1]] };
}

/**
 * "As Gaiman put it, “…”", "as one analyst summed it up: “…”": the words are the source's. The
 * source is what "as" names; the cue the verb.
 */
function asPutIt(body: string, from: number, winEnd: number): { source: [number, number]; cue: [number, number] } | null {
  return putSpans(AS_PUT.exec(body.slice(from, winEnd)), from);
}

/** "“…,” was how Ford described it to friends.": the quotation is the source's description. */
function wasHowPut(body: string, qEnd: number, winEnd: number): { source: [number, number]; cue: [number, number] } | null {
  return putSpans(HOW_PUT.exec(body.slice(qEnd, winEnd)), qEnd);
}
