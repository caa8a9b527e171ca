/**
 * Finds attribution frames: a speech/thought cue, the words naming its source, and the content it
 * introduces (a quotation, a reported clause, or an "according to" sentence). Sources are still
 * surface text here; `speakers.ts` resolves them to people.
 */
import { ABBREVIATIONS, AUXILIARIES, ROLE_NOUNS, SENTENCE_STARTERS, SPEECH_VERBS, STRONG_SPEECH_VERBS, UNNAMED_SOURCE_NOUNS, verbForms } from './lexicon';
import { lastAtOrBefore, QuoteIndex, tokenize, type Paragraph, type Quote, type Sentence, type Token } from './text';

export interface RawStatement {
  content: [number, number];
  fragments?: Array<[number, number]>;
  /** Source words, or null when the text names none. */
  source: [number, number] | null;
  /** Inherit the source of the previous statement in the same sentence ("…, noting that"). */
  inherit?: boolean;
  /** For an inherited source: the sentence's subject words, used when no earlier statement exists. */
  subject?: [number, number];
  cue?: [number, number];
  /** Indices of the quotes this statement consumed. */
  quotes: number[];
  sentence: number;
  /** Verbatim quoted pieces inside the content. */
  quoted: Array<[number, number]>;
  /** Quoted with single marks (a headline quote), still a direct quotation. */
  singleQuoted?: boolean;
  /** A quote paragraph continuing the previous statement's speaker (no cue of its own). */
  continued?: boolean;
  /** How the frame was recognised, for debugging and scoring filters. */
  pattern: 'quote-cue-after' | 'quote-cue-before' | 'clause' | 'clause-inverted' | 'according-to' | 'unattributed';
}

/** Words that end a backwards search for a subject noun phrase. */
const NP_STOP = new Set(
  ('what how why whose that who whom which and but or because while when if as after before since although though so ' +
    'than where with without in on at to from by for into about of over under during amid despite ' +
    'is was are were be been being has have had do does did not also will would could should may might ' +
    'can must said says told according while whether once until unless even just only').split(' '),
);
/** Determiners/possessives before a verb-like word make it a noun ("the report", "his claims"). */
const NOUN_MARKERS = new Set('a an the his her its their our my your this that these those such no any some every each'.split(' '));
/** Adverbials allowed between a verb and its "that" or quote. */
const TIME_WORDS = new Set(
  ('monday tuesday wednesday thursday friday saturday sunday today yesterday tonight later earlier ' +
    'recently previously again also last this week month year night morning afternoon evening ' +
    'on in at during a an the interview statement speech briefing forum conference news rally ' +
    'event hearing call email emails letter post tweet posting reporters told ago once before ' +
    'then first repeatedly publicly privately separately flatly simply').split(' '),
);
const THOUGHT_VERBS = new Set(
  'believe believes believed think thinks thought hope hopes hoped expect expects expected fear fears feared feel feels felt know knows knew understand understands understood worry worries worried doubt doubts doubted wonder wonders wondered'.split(' '),
);
/** Verbs that need an explicit "that" or a quote to be attributions (too noisy otherwise). */
const NEEDS_THAT = new Set(
  'told tell tells telling show shows showed shown find finds found report reports reported indicate indicates indicated know knows knew understand understands understood feel feels felt hope hopes hoped expect expects expected mention mentions mentioned question questions questioned reveal reveals revealed'.split(' '),
);
/** Verbs that report a clause without needing "that" ("X said the plan failed"). */
const BARE_CLAUSE_VERBS = new Set(
  ('say says said saying claim claims claimed claiming argue argues argued arguing insist insists insisted ' +
    'add adds added adding note notes noted noting warn warns warned warning believe believes believed ' +
    'think thinks thought suggest suggests suggested contend contends contended assert asserts asserted ' +
    'predict predicts predicted acknowledge acknowledges acknowledged admit admits admitted explain ' +
    'explains explained write writes wrote maintain maintains maintained estimate estimates estimated ' +
    'tweet tweets tweeted complain complains complained recall recalls recalled concede concedes conceded ' +
    'fear fears feared worry worries worried hope hopes hoped expect expects expected').split(' '),
);
/** Verbs whose object may carry a partial quote ("called the plan “reckless”"). */
export const MIXED_VERBS = new Set(
  ('call calls called calling dismiss dismisses dismissed dismissing describe describes described describing ' +
    'label labels labeled labelled labeling promise promises promised promising vow vows vowed vowing ' +
    'urge urges urged urging accuse accuses accused accusing praise praises praised praising criticize ' +
    'criticizes criticized criticizing criticise criticised offer offers offered offering deride derided ' +
    'slam slams slammed slamming blast blasts blasted blasting hail hails hailed brand brands branded ' +
    'condemn condemns condemned condemning denounce denounces denounced denouncing reject rejects rejected ' +
    'defend defends defended defending pledge pledges pledged demand demands demanded tout touts touted ' +
    'mock mocks mocked mocking characterize characterized characterizing refer refers referred referring ' +
    'dub dubs dubbed decry decries decried blame blames blamed blaming vowing lament laments lamented ' +
    'recall recalls recalled insist insists insisted predict predicts predicted announce announced ' +
    'express expresses expressed expressing cite cites cited citing invoke invoked promote promoted ' +
    'thank thanked thanking ask asks asked asking').split(' ').concat(
    // Stance and performance verbs, inflected: "pushed his promise of “free college”".
    ('push tout echo decry question bemoan champion embrace invoke repeat coin chant sing read post ' +
      'shout yell mouth quip joke declare stress demand propose reject ridicule attack credit ' +
      'downplay name term welcome applaud brag boast mourn pray plead beg vow cheer chide scold ' +
      'lambast ridicule taunt tease warn highlight emphasize reference quote paraphrase').split(' ').flatMap(verbForms),
  ),
);
/** "views/sees X as Y": a stance report without quote marks. */
const VIEW_VERBS = new Set('views view viewed sees see saw regards regard regarded considers consider considered'.split(' '));
/** Verbs that take a quoted object with "as" ("described … as"). */
const AS_VERBS = new Set('described describes describe called calls call labeled labelled dubbed termed branded characterized characterised views view viewed sees saw see'.split(' '));

/** Phrasal verbs of replying or continuing to speak ("shot back", "went on", "chimed in"). */
const PHRASAL_SPEECH = /^(?:shot|fired|hit|pushed|wrote|snapped|fought) back$|^(?:went|pressed|carried) on$|^(?:chimed|cut|jumped|weighed) in$/;

/** An opening quotation mark, NYT-style '' included. */
const OPEN_Q = /["\u201C\u00AB]|''/;

const PRONOUN_SRC = /^(he|she|they|we|i|it)$/i;

/** Collects statements for a body. Linear-ish: every scan is bounded by a sentence or window. */
export function findStatements(body: string, paras: Paragraph[], sentences: Sentence[], quotes: Quote[], qi: QuoteIndex): RawStatement[] {
  const out: RawStatement[] = [];
  const sentStarts = sentences.map((s) => s.start);
  const sentenceAt = (pos: number): number => Math.max(0, lastAtOrBefore(sentStarts, pos));
  const usedVerb = new Set<number>();
  const claimed = new Map<number, RawStatement>();
  const quoteIndexOf = new Map<Quote, number>();
  quotes.forEach((q, i) => quoteIndexOf.set(q, i));

  // Narration tokens of a range (outside quotes).
  const narr = (s: number, e: number): Token[] => tokenize(body, s, e).filter((t) => !qi.at(t.start));

  /** Cue after a quote: `“…,” Sullivan said`, `“…,” said Moon at a forum`. */
  const cueAfter = (qIdx: number): { source: [number, number] | null; cue: [number, number]; blockEnd: number } | null => {
    const q = quotes[qIdx] as Quote;
    const para = paras[q.lastPara] as Paragraph;
    // A show or book title inside the tag ("Trump told NBC’s “Today” on Monday.") is part of it.
    let nextIdx = qIdx + 1;
    while (nextIdx < quotes.length && nextIdx <= qIdx + 3 && (quotes[nextIdx] as Quote).start < para.end && isTitle(body, quotes[nextIdx] as Quote) && !/[.!?]/.test(body.slice(q.end, (quotes[nextIdx] as Quote).start))) nextIdx++;
    const next = quotes[nextIdx];
    let winEnd = Math.min(para.end, next && next.start < para.end ? next.start : para.end, q.end + 300);
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
        if (srcToks.some((x, xi) => NP_STOP.has(x.lower) && !(x.lower === 'of' || x.lower === 'for' || x.lower === 'at' || (roleLed && x.lower === 'and') || (x.lower === 'in' && /^(embassy|consulate|mission|office|bureau|delegation|ministry|headquarters)$/.test(srcToks[xi - 1]?.lower ?? ''))))) return null;
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
  };

  /** Cue before a quote: `Sullivan said: “…”`, `said Moon:` at the end of the previous paragraph. */
  const cueBefore = (qIdx: number): { source: [number, number] | null; cue: [number, number]; inherit?: boolean; subject?: [number, number] } | null => {
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
      } else if (/,\s*$/.test(body.slice(from, t.start)) && /ing$/.test(t.lower)) {
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
        // the addressee, never an inverted source. The speaker is the sentence's subject.
        const subj = sentenceSubject(body, from, t.start);
        if (!subj) return null;
        source = subj;
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
  };

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
      const ok = samePara ? (/^[\s.,:]*$/.test(between) && tagEnds) || joined : prevEndsPara && wholePara && !opensMidSentence && nq.firstPara === (paras[prevQ.lastPara] as Paragraph).index + 1 && /^[\s.,]*$/.test(between);
      if (!ok) break;
      // "“You squeezed …” to drive up …, she said": the next quote has a tag of its own.
      if (samePara && /^[^.!?\n]{3,200}?,\s+(?:he|she|they|\p{Lu}\p{Ll}+)\s+(?:said|says|added|noted|told)\b/u.test(body.slice(nq.end, Math.min(body.length, nq.end + 220))) && !/^\s*[,.]?\s*(?:he|she|they|\p{Lu}\p{Ll}+)\s+(?:said|says|added)/u.test(body.slice(nq.end, nq.end + 40))) break;
      if (cueAfter(k)) {
        usedVerb.clear();
        break;
      }
      // A whole-paragraph quote continues the same statement as another fragment.
      if (samePara || nq.end === (paras[nq.lastPara] as Paragraph).end) {
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
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i] as Token;
      if (usedVerb.has(t.start)) continue;
      const isAcc = t.lower === 'according' && toks[i + 1]?.lower === 'to';
      if (!isAcc && !SPEECH_VERBS.has(t.lower) && !VIEW_VERBS.has(t.lower) && !MIXED_VERBS.has(t.lower) && !OBJECT_VERBS.has(t.lower)) continue;
      if (i > 0 && NOUN_MARKERS.has(toks[i - 1]?.lower ?? '')) continue;
      if (!isAcc && t.cap && i > 0) continue; // "Said" mid-sentence capitalised: a name
      const st = (SPEECH_VERBS.has(t.lower) || VIEW_VERBS.has(t.lower) || MIXED_VERBS.has(t.lower) || isAcc ? clauseFrame(body, s, si, toks, i, isAcc, qi) : null) ?? (OBJECT_VERBS.has(t.lower) ? objectFrame(body, s, si, toks, i, qi) : null);
      if (st) {
        usedVerb.add(t.start);
        out.push(st);
      }
    }
  });

  // 3. Quotes inside a clause content belong to it; other quotes stay unattributed.
  const clauseSpans = out.filter((st) => st.pattern !== 'quote-cue-after' && st.pattern !== 'quote-cue-before').sort((a, b) => a.content[0] - b.content[0]);
  const clauseStarts = clauseSpans.map((st) => st.content[0]);
  quotes.forEach((q, i) => {
    if (claimed.has(i)) return;
    // Host clause: among the few clauses starting at or before the quote (binary search).
    let host: RawStatement | undefined;
    let lo = 0;
    let hi = clauseStarts.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((clauseStarts[mid] ?? 0) <= q.start) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
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
    let lo = 0;
    let hi = hostStarts.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((hostStarts[mid] ?? 0) < (st.source[0] ?? 0) + 1) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
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
  return unique.sort((a, b) => a.content[0] - b.content[0]);
}

const NON_SOURCE_HEADS = new Set(
  ('time past evening morning night afternoon week month year day weekend today yesterday tomorrow ' +
    'monday tuesday wednesday thursday friday saturday sunday there here already also now then state ' +
    'moment moments words release point era decade period end start beginning way').split(' '),
);
const FUNCTION_WORDS = new Set(
  ('of in on at for with as after before during since until while although though because when if but and ' +
    'or so yet wait that this these those there here what which who how why where whether than then also ' +
    'already just only even still however meanwhile instead indeed').split(' '),
);
const SOURCE_STARTERS = /^(the|a|an|his|her|their|its|our|my|one|another|some|many|most|several|both|two|three|four|five|he|she|they|we|i|it)$/;

/**
 * Whether words can name a source: not a time, not a function word or participle, not an
 * adverb. "Of", "When", "Tuesday", "disavowing" and "the time" are rejected.
 */
function validSource(toks: Token[]): boolean {
  const first = toks[0];
  const last = toks[toks.length - 1];
  if (!first || !last) return false;
  if (NON_SOURCE_HEADS.has(last.lower) || /^\d+s?$/.test(last.lower)) return false;
  // Participles and adjectives at the edges ("Appearing", "he started raising", "a snappy").
  if (!last.cap && /(ing|py|ly)$/.test(last.lower) && !ROLE_NOUNS.has(last.lower)) return false;
  if (toks.some((t, i) => i > 0 && !t.cap && /(ed|ing)$/.test(t.lower) && /^(he|she|they|we|i|it)$/i.test(toks[i - 1]?.text ?? ''))) return false;
  if (SOURCE_STARTERS.test(first.lower)) return true;
  if (FUNCTION_WORDS.has(first.lower) || (SENTENCE_STARTERS.has(first.lower) && !/^(many|some|most|several|both|all|one|two|three)$/.test(first.lower))) return false;
  if (!first.cap && /(ing|ed|ly)$/.test(first.lower)) return false;
  return true;
}

/**
 * Lower-case role words ending in a capitalised name: "planetary geologist Rosaly Lopes",
 * "judge Inaba", "lead researcher and NASA planetary scientist Lucas Paganini".
 */
function roleLedName(toks: Token[]): boolean {
  const firstCap = toks.findIndex((t) => t.cap);
  if (firstCap <= 0) return false;
  const lead = toks.slice(0, firstCap);
  // The role word may be the capitalised title itself: "panel Chairman Rep. Jason Chaffetz".
  if (!lead.some((t) => roleWord(t.lower)) && !(lead.length <= 2 && toks.slice(firstCap).some((t) => roleWord(t.lower)))) return false;
  // "marine director at Intertanko Phil Belcher": of/for/at join the role to its organisation.
  if (lead.some((t) => NP_STOP.has(t.lower) && !/^(and|of|for|at)$/.test(t.lower))) return false;
  // The name itself: capitalised words to the end (a role word may sit among them: "NASA planetary scientist").
  const tail = toks.slice(firstCap);
  const last = tail[tail.length - 1];
  return !!last && last.cap && tail.every((t) => t.cap || ROLE_NOUNS.has(t.lower) || /^\p{Ll}+$/u.test(t.text)) && tail.filter((t) => !t.cap).length <= 3;
}

/** A role or occupation noun: the listed ones, or an agent noun shape ("geologist", "guitarist", "historian"). */
export function roleWord(lower: string): boolean {
  return ROLE_NOUNS.has(lower) || (lower.length > 5 && /(?:ist|ian|ogist|ologist)s?$/.test(lower));
}

/** A short Title Case quotation ("Sunday Morning Futures," "Cake Boss."): a name, not speech. */
function isTitle(body: string, q: Quote): boolean {
  const inner = body.slice(q.start, q.end).replace(/^(?:''|["\u201C\u00AB])/, '').replace(/(?:''|["\u201D\u00BB])$/, '').replace(/[,.]$/, '').trim();
  const words = inner.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 7 || /[!?]$/.test(inner)) return false;
  if (words.length === 1 && !/^\p{Lu}/u.test(words[0] ?? '')) return false;
  const small = /^(of|the|a|an|and|in|on|for|to|with|at|by|from|or|&)$/;
  return words.every((w, i) => /^[\p{Lu}\d]/u.test(w) || (i > 0 && small.test(w))) && !/^(I|We|You|He|She|It|They|No|Yes|Thank)\b/.test(inner);
}

/** A noun phrase at the start of `toks` (for inverted sources and "according to X"). */
function takeNP(body: string, toks: Token[]): Token[] {
  const np = takeNPRaw(body, toks);
  return validSource(np) ? np : [];
}

function takeNPRaw(body: string, toks: Token[]): Token[] {
  const np: Token[] = [];
  for (let i = 0; i < toks.length && np.length < 8; i++) {
    const t = toks[i] as Token;
    if (i > 0) {
      const gap = body.slice((toks[i - 1] as Token).end, t.start);
      if (/[,;:()\u2014\u2013."\u201C\u201D]/.test(gap)) break;
      if ((toks[i - 1] as Token).possessive && !t.cap && np.length > 0 && !/^\p{Lu}/u.test(np[0]?.text ?? '')) {
        // "the campaign's statement": keep going, possessive is inside the NP
      }
    }
    if (np.length > 0 && !t.cap && /^(at|in|on|during|after|before|when|while|as|to|from|with|who|which|that|and|but|because|last|this|earlier|later|on|for|of)$/.test(t.lower)) break;
    if (np.length > 0 && !t.cap && /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(t.lower)) break;
    if (/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|on|in|at)$/i.test(t.lower) && np.length === 0) return [];
    np.push(t);
    if (t.possessive && i + 1 < toks.length && /^(a|an|the)$/.test(toks[i + 1]?.lower ?? '')) break;
  }
  return np;
}

/** Sentence-start words that open an introductory phrase rather than the subject. */
const INTRO = /^(when|after|before|while|although|though|as|if|since|in|on|at|during|for|with|without|despite|amid|last|earlier|later|then|now|meanwhile|still|yet|but|and|so|also|however|asked|speaking|according|instead|because|once|until|unlike|like|under|over|from|by)$/i;
const SUBJ_MODIFIERS = /^(former|current|top|senior|chief|deputy|vice|longtime|democratic|republican|presidential|state|federal|local|campaign|party|band|group|team|staff|white|house|press|national|security|foreign|special|the|a|an)$/i;

/**
 * The subject noun phrase of the clause in [start, end): a pronoun, or role words plus a
 * capitalised name ("President Clinton", "Band member Flea"), after any introductory phrase.
 */
export function sentenceSubject(body: string, start: number, end: number): [number, number] | null {
  let toks = tokenize(body, start, end);
  const firstComma = body.slice(start, end).indexOf(',');
  if (toks[0] && INTRO.test(toks[0].text) && firstComma > 0) {
    toks = toks.filter((t) => t.start > start + firstComma);
    // "Speaking in Salem, New Hampshire, Trump went …": a place segment closing the intro.
    let cut = start + firstComma;
    for (let guard = 0; guard < 2; guard++) {
      const next = body.indexOf(',', cut + 1);
      if (next < 0 || next >= end) break;
      const seg = toks.filter((t) => t.start > cut && t.end <= next);
      const rest = toks.filter((t) => t.start > next);
      if (!seg.length || seg.length > 3 || !seg.every((t) => t.cap) || !rest[0]?.cap) break;
      toks = rest;
      cut = next;
    }
  }
  const first = toks[0];
  if (!first) return null;
  if (/^(he|she|they|we|i|it)$/i.test(first.text)) return [first.start, first.end];
  const np: Token[] = [];
  for (const t of toks) {
    if (np.length && /[,;:()]/.test(body.slice((np[np.length - 1] as Token).end, t.start))) break;
    if (t.cap || ROLE_NOUNS.has(t.lower) || SUBJ_MODIFIERS.test(t.text)) np.push(t);
    else break;
    if (np.length > 8) return null;
    if (t.possessive) break;
  }
  while (np.length && !(np[np.length - 1] as Token).cap && !ROLE_NOUNS.has((np[np.length - 1] as Token).lower)) np.pop();
  if (!np.length || np.every((t) => /^(the|a|an)$/i.test(t.text))) return null;
  return [(np[0] as Token).start, (np[np.length - 1] as Token).end];
}

/** The whole phrase after "according to", up to punctuation: "two people familiar with the plan". */
function accordingNP(body: string, toks: Token[]): Token[] {
  const np: Token[] = [];
  for (let i = 0; i < toks.length && np.length < 14; i++) {
    const t = toks[i] as Token;
    if (i > 0 && /[,;:()\u2014\u2013."\u201C\u201D]/.test(body.slice((toks[i - 1] as Token).end, t.start))) break;
    np.push(t);
  }
  return np;
}

/** Offset of the first real sentence stop in [from, to) (abbreviations skipped), or -1. */
function firstStop(body: string, from: number, to: number): number {
  const re = /[.!?;](?=\s|$)/g;
  const text = body.slice(from, to);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0] === '.') {
      const w = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, m.index - 12), m.index));
      const word = (w?.[1] ?? '').toLowerCase().replace(/\.$/, '');
      if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word) || /^([a-z]\.)+[a-z]$/.test(word)) continue;
    }
    return from + m.index;
  }
  return -1;
}

/** Trims adverbs and time words from a source phrase: "Thursday he" → "he", "he infamously" → "he". */
function cleanNP(np: Token[]): Token[] {
  const pron = np.findIndex((t) => /^(he|she|they|we|i)$/i.test(t.text));
  if (pron > 0) np = np.slice(pron);
  while (np.length > 1 && /ly$/.test((np[np.length - 1] as Token).lower) && !(np[np.length - 1] as Token).cap) np = np.slice(0, -1);
  while (np.length > 1 && ((/ly$/.test((np[0] as Token).lower) && !/^(only|early|family)$/.test((np[0] as Token).lower)) || /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|later|earlier|then|now)$/.test((np[0] as Token).lower))) np = np.slice(1);
  if (np.length === 1 && /ly$/.test((np[0] as Token).lower) && !(np[0] as Token).cap) return [];
  return np;
}

/** The noun phrase ending right before a verb, scanning back from the end of `before`. */
function backNP(body: string, before: Token[], floor: number): Token[] {
  const np: Token[] = [];
  // "Sen. Elizabeth Warren (D-MA) said": a short parenthetical after the name is skipped.
  const lastTok = before[before.length - 1];
  if (lastTok && body[lastTok.end] === ')') {
    const open = body.lastIndexOf('(', lastTok.start);
    if (open >= 0 && lastTok.end - open <= 30) before = before.filter((x) => x.end <= open);
  }
  for (let i = before.length - 1; i >= 0; i--) {
    const t = before[i] as Token;
    const nextStart = np.length ? (np[0] as Token).start : null;
    if (nextStart !== null) {
      const gap = body.slice(t.end, nextStart);
      if (/[,;:()\u2014\u2013"\u201C\u201D]/.test(gap)) break;
    }
    if (NP_STOP.has(t.lower)) {
      const prev = before[i - 1];
      const keep = /^(of|for|at|with)$/.test(t.lower) && np.length > 0 && np.length < 5 && !!prev && (ROLE_NOUNS.has(prev.lower) || UNNAMED_SOURCE_NOUNS.has(prev.lower));
      if (!keep) break;
    }
    if (t.start < floor) break;
    // "a spokesman for Trump": keep a role noun's of/for/at complement inside the phrase.
    np.unshift(t);
    if (np.length > 9) return [];
    if (/^(a|an|the|this|that|these|those|his|her|their|its|our|my|your|some|many|most|several|two|three|four|other)$/.test(t.lower)) {
      // "A spokesperson for the British Foreign Office": the role noun's complement, go on.
      const prep = before[i - 1];
      const role = before[i - 2];
      if (!(t.lower === 'the' && prep && role && /^(of|for|at|with)$/.test(prep.lower) && (ROLE_NOUNS.has(role.lower) || UNNAMED_SOURCE_NOUNS.has(role.lower)) && np.length < 6)) break;
    }
  }
  // Drop a leading sentence adverb ("But", "Also") if capitalised at the start.
  while (np.length && /^(but|and|so|also|yet|still|now|then|meanwhile|however)$/i.test(np[0]?.text ?? '')) np.shift();
  const cleaned = cleanNP(np);
  return validSource(cleaned) ? cleaned : [];
}

/**
 * Verbs whose object is what a person wants, plans, demands or holds, without "that" or quote
 * marks: "Trump called for a ban", "Clinton wants to triple AmeriCorps", "the NAACP criticized
 * the plan". PolNeAR annotates these as attributions (beliefs, plans, stances).
 */
const OBJECT_VERBS = new Set(
  ['call for', 'called for', 'calls for', 'calling for'].map((x) => x.split(' ')[0] as string).concat(
    ('want wants wanted plans planned agree agrees agreed criticizes criticized criticises criticised ' +
      'cited attacked announced urged pledged vowed declined refused proposes proposed ' +
      'demanded accused blamed rejected endorsed opposes opposed favors favored condemned ' +
      'denied hopes hoped intends intended citing urging saying').split(' '),
  ),
);
const OBJECT_ONLY_WITH = new Map<string, RegExp>([
  ['call', /^(for|on|upon)$/],
  ['calls', /^(for|on|upon)$/],
  ['called', /^(for|on|upon)$/],
  ['calling', /^(for|on|upon)$/],
  ['want', /^(to)$/],
  ['wants', /^(to)$/],
  ['wanted', /^(to)$/],
  ['plan', /^(to)$/],
  ['plans', /^(to)$/],
  ['planned', /^(to)$/],
  ['decline', /^(to)$/],
  ['declines', /^(to)$/],
  ['declined', /^(to)$/],
  ['refuse', /^(to)$/],
  ['refuses', /^(to)$/],
  ['refused', /^(to)$/],
  ['hope', /^(to)$/],
  ['hopes', /^(to)$/],
  ['hoped', /^(to)$/],
  ['intend', /^(to)$/],
  ['intends', /^(to)$/],
  ['intended', /^(to)$/],
]);

/** "SUBJECT VERB OBJECT." for OBJECT_VERBS: the object to the end of the clause is the content. */
function objectFrame(body: string, s: Sentence, si: number, toks: Token[], i: number, qi: QuoteIndex): RawStatement | null {
  const t = toks[i] as Token;
  const next = toks[i + 1];
  if (!next) return null;
  const need = OBJECT_ONLY_WITH.get(t.lower);
  if (need && !need.test(next.lower)) return null;
  const prev = toks[i - 1];
  // ", citing a threat to public health", "by saying he would never …": a participle report
  // whose source is the sentence's subject (or the statement it hangs on).
  if (/^(citing|urging|saying)$/.test(t.lower)) {
    const commaBefore = /,\s*$/.test(body.slice(prev ? prev.end : s.start, t.start));
    const prepBefore = !!prev && /^(by|from|after|before|while|for|of|in)$/.test(prev.lower) && t.lower === 'saying';
    if (!commaBefore && !prepBefore) return null;
    if (t.lower === 'saying' && commaBefore) return null; // ", saying …" is the clause frames' own
    const sentEnd = trimEnd(body, s.start, s.end);
    const cStart = next.start;
    if (cStart >= sentEnd) return null;
    let cEnd = sentEnd;
    const stop = /,\s+(?:but|and|while|which)\b|;|\s[\u2014\u2013]\s|\s--\s/.exec(body.slice(cStart, cEnd));
    if (stop) cEnd = cStart + stop.index;
    while (cEnd > cStart && /[\s,]/.test(body[cEnd - 1] ?? '')) cEnd--;
    if (cEnd - cStart < 8) return null;
    const subject = sentenceSubject(body, s.start, t.start) ?? undefined;
    const st = mk(body, [cStart, cEnd], null, [t.start, t.end], si, 'clause', qi);
    st.inherit = true;
    if (subject) st.subject = subject;
    return st;
  }
  // A participle or passive is not the subject's act: "the plan supported by …", "was criticized".
  if (prev && /^(was|were|been|being|be|is|are|by|to|the|a|an)$/.test(prev.lower)) return null;
  if (/ing$/.test(t.lower)) return null;
  if (!/^\s+$/.test(body.slice(t.end, next.start))) return null;
  const before = toks.slice(0, i);
  let b = before.length;
  while (b > 0 && AUXILIARIES.has(before[b - 1]?.lower ?? '')) b--;
  const gapBefore = b > 0 ? body.slice((before[b - 1] as Token).end, b < before.length ? (before[b] as Token).start : t.start) : '';
  if (gapBefore.includes(',') || b === 0) return null;
  const np = backNP(body, before.slice(0, b), s.start);
  if (!np.length) return null;
  const f = np[0] as Token;
  // The subject must be a name, a pronoun or a determiner phrase, not a stray noun.
  if (!f.cap && !/^(he|she|they|we|i|it|the|a|an|his|her|their|its|our)$/.test(f.lower)) return null;
  if (/^(it|this|that|there)$/i.test(f.text) && np.length === 1) return null;
  const sentEnd = trimEnd(body, s.start, s.end);
  const cStart = need && /^(for|on|upon)$/.test(next.lower) ? skipSpace(body, next.end) : next.start;
  let cEnd = sentEnd;
  const tail = /,\s+(?:according to|(?:he|she|they|it|\p{Lu}\p{Ll}+)\s+(?:said|says|added|noted|told)|saying|adding|and\s+(?:said|says))\b|\s[\u2014\u2013]\s|;/u.exec(body.slice(cStart, cEnd));
  if (tail) cEnd = cStart + tail.index;
  const participle = PARTICIPLE_TAIL.exec(body.slice(cStart, cEnd));
  if (participle && !qi.at(cStart + participle.index)) cEnd = cStart + participle.index;
  // "When Mayor Jo Lund criticized the plan, Senator Ray Ito shot back": a subordinate clause
  // ends at its comma, and its object never runs into the main clause's quotation.
  if (/^[\s"'\u201C]*(?:when|after|before|while|as|if|since|because|although|though|once|until|unless)\b/i.test(body.slice(s.start, f.start))) {
    const comma = body.indexOf(',', cStart);
    if (comma < 0 || comma >= cEnd) return null;
    cEnd = comma;
  }
  const q = OPEN_Q.exec(body.slice(cStart, cEnd));
  if (q && q.index > 0 && /,\s*$/.test(body.slice(cStart, cStart + q.index))) cEnd = cStart + q.index;
  while (cEnd > cStart && /[\s,]/.test(body[cEnd - 1] ?? '')) cEnd--;
  if (cEnd - cStart < 8) return null;
  return mk(body, [cStart, cEnd], [f.start, (np[np.length - 1] as Token).end], [t.start, need && /^(for|on|upon)$/.test(next.lower) ? next.end : t.end], si, 'clause', qi);
}

/** ", citing …", ", engaging in …", ", implicitly putting …": a participle clause after a comma. */
const PARTICIPLE_TAIL = /,\s+(?:\p{Ll}+ly\s+)?(?!including|according|during|regarding|concerning|nothing|something|anything|everything|being|following|notwithstanding)\p{Ll}{3,}ing\b/u;

/** A clause frame around the cue token `toks[i]`, or null. */
function clauseFrame(body: string, s: Sentence, si: number, toks: Token[], i: number, isAcc: boolean, qi: QuoteIndex): RawStatement | null {
  const t = toks[i] as Token;
  const sentEnd = trimEnd(body, s.start, s.end);
  if (isAcc) {
    const after = toks.slice(i + 2);
    const np = accordingNP(body, after);
    if (!np.length) return null;
    const npEnd = (np[np.length - 1] as Token).end;
    const source: [number, number] = [(np[0] as Token).start, npEnd];
    const cue: [number, number] = [t.start, (toks[i + 1] as Token).end];
    const pre = body.slice(s.start, t.start);
    let content: [number, number] | null = null;
    if (/^[\s"'\u201C]*$/.test(pre) || /^\s*(but|and|yet|so)?\s*$/i.test(pre)) {
      // "According to X, CLAUSE." — skip the rest of the source phrase to the comma.
      const comma = body.indexOf(',', npEnd);
      if (comma < 0 || comma >= sentEnd) return null;
      content = [skipSpace(body, comma + 1), sentEnd];
    } else {
      let cEnd = t.start;
      while (cEnd > s.start && /[\s,(\u2014\u2013-]/.test(body[cEnd - 1] ?? '')) cEnd--;
      content = [skipLead(body, s.start, cEnd), cEnd];
    }
    if (content[1] - content[0] < 8) return null;
    return mk(body, content, source, cue, si, 'according-to', qi);
  }
  const lower = t.lower;
  const before = toks.slice(0, i);
  // Skip auxiliaries/adverbs back to the subject.
  let b = before.length;
  while (b > 0 && AUXILIARIES.has(before[b - 1]?.lower ?? '')) b--;
  const gapBefore = b > 0 ? body.slice((before[b - 1] as Token).end, b < before.length ? (before[b] as Token).start : t.start) : body.slice(s.start, t.start);
  let np = gapBefore.includes(',') ? [] : backNP(body, before.slice(0, b), s.start);
  let inherit = false;
  let appositive = false;
  let verbAt = t.start;
  let inheritSubject: [number, number] | undefined;
  if (!np.length && /,\s*$/.test(body.slice(s.start, b < before.length ? (before[b] as Token).start : t.start)) && /ing$/.test(lower)) {
    // "…, noting that …": the sentence's earlier statement, else its subject.
    const earlierCue = before.some((x) => SPEECH_VERBS.has(x.lower) || MIXED_VERBS.has(x.lower));
    const subj = earlierCue ? null : sentenceSubject(body, s.start, t.start);
    if (subj) np = toks.filter((x) => x.start >= subj[0] && x.end <= subj[1]);
    if (!np.length) {
      inherit = true;
      inheritSubject = sentenceSubject(body, s.start, t.start) ?? undefined;
    }
  } else if (!np.length && /,\s*$/.test(body.slice(s.start, (verbAt = /,\s*$/.test(body.slice(s.start, t.start)) ? t.start : verbAfterAdverbials(before, b, t.start))))) {
    // Appositive subject: "Moon Chung-in, chairman of …, said", also with a comma inside the
    // appositive ("…, a salesman from Sumter, South Carolina, says") and a time adverbial
    // before the verb ("…, on Tuesday called"). Find the opening comma.
    const commaEnd = body.lastIndexOf(',', verbAt);
    const firstOpen = body.lastIndexOf(',', commaEnd - 1);
    let open = firstOpen;
    let matched = false;
    for (let tries = 0; tries < 3 && open > s.start && !matched; tries++) {
      const headToks = before.filter((x) => x.end <= open);
      const apposText = body.slice(open + 1, commaEnd).trim();
      const head = backNP(body, headToks, s.start);
      const nameAppos = /^(?:\p{Lu}[\p{L}'\u2019.-]*\s+){1,3}\p{Lu}[\p{L}'\u2019-]*$/u.test(apposText);
      if (head.length && (/^(\p{Ll}|a |an |the |who |[A-Z][\w'\u2019]* (?:\p{Ll})|former |\d|[RDI]-[A-Z])/u.test(apposText) || nameAppos) && apposText.split(/\s+/).length <= 30) {
        np = head;
        appositive = true;
        matched = true;
        // "Another delegate on the slate, Jim Poolman, said": the name in the appositive is the person.
        if (nameAppos && !(head[head.length - 1] as Token).cap) {
          const nameToks = toks.filter((x) => x.start > open && x.end <= commaEnd);
          if (nameToks.length) np = nameToks;
        }
      } else open = body.lastIndexOf(',', open - 1);
    }
    if (!matched && firstOpen <= s.start) {
      // "CLAUSE, VERB SOURCE." inverted after a clause: e.g. "…, said the official."
      const a = takeNP(body, toks.slice(i + 1));
      // "…, said Brad Bannon, a Democratic pollster." — an appositive may close the sentence.
      const afterNP = a.length ? body.slice((a[a.length - 1] as Token).end, sentEnd + 1) : '';
      const apposEnd = /^,\s+(?:a|an|the|his|her|who|\p{Ll}|[\p{Lu}][\p{L}'\u2019]*\s+\p{Ll})[^,;:"\u201C\u201D]*,?\s*[.!?]?$/u.test(afterNP) || /^,\s+(?:a|an|the|who|\p{Ll})[^;:"\u201C\u201D]*[.!?]?$/u.test(afterNP);
      if (a.length && (/^\s*(?:$|[.!?])/.test(afterNP) || apposEnd) && STRONG_SPEECH_VERBS.has(lower)) {
        const content: [number, number] = [skipLead(body, s.start, commaEnd), commaEnd];
        if (content[1] - content[0] < 12) return null;
        return mk(body, content, [(a[0] as Token).start, (a[a.length - 1] as Token).end], [t.start, t.end], si, 'clause-inverted', qi);
      }
    }
  }
  if (!np.length && !inherit && /^(and|but)$/.test(before[b - 1]?.lower ?? '') && !gapBefore.includes(',')) {
    // Coordinated predicate: "She greeted supporters and told them that …".
    const subj = sentenceSubject(body, s.start, t.start);
    if (subj) {
      const subjToks = toks.filter((x) => x.start >= subj[0] && x.end <= subj[1]);
      if (subjToks.length) np = subjToks;
    }
  }
  let antecedent: [number, number] | undefined;
  if (!np.length && !inherit && before[b - 1]?.lower === 'who' && b - 1 > 0) {
    // Relative source: "…, Bruce Turry, who said …" — the source words are "who", the person
    // is the noun phrase it hangs on.
    const who = before[b - 1] as Token;
    const ante = backNP(body, before.slice(0, b - 1), s.start);
    const gap = ante.length ? body.slice((ante[ante.length - 1] as Token).end, who.start) : '';
    if (ante.length && /^,?\s*$/.test(gap) && !/,/.test(body.slice(who.end, t.start))) {
      np = [who];
      antecedent = [(ante[0] as Token).start, (ante[ante.length - 1] as Token).end];
    }
  }
  if (!np.length && !inherit) return null;
  const source: [number, number] | null = np.length ? [(np[0] as Token).start, (np[np.length - 1] as Token).end] : null;
  const cue: [number, number] = [t.start, t.end];
  // Inverted clause: "CLAUSE, observers said." — the verb ends the sentence (maybe with adverbials).
  const rest = toks.slice(i + 1);
  const restText = body.slice(t.end, sentEnd);
  if (np.length && !appositive) {
    const npStart = (np[0] as Token).start;
    const pre = body.slice(s.start, npStart);
    const restOk = rest.length === 0 || (rest.length <= 10 && (TIME_WORDS.has(rest[0]?.lower ?? '') || /^(in|on|at|to|with|during|after|before|while|from|of|about|via|through|outside|inside)$/.test(rest[0]?.lower ?? '') || (rest[0] as Token).cap));
    if (/,\s*$/.test(pre) && restOk && !OPEN_Q.test(restText)) {
      const cEnd = s.start + pre.replace(/[\s,]+$/, '').length;
      const content: [number, number] = [skipLead(body, s.start, cEnd), cEnd];
      if (content[1] - content[0] < 12) return null;
      return mk(body, content, source, cue, si, 'clause-inverted', qi);
    }
  }
  // Parenthetical tag: "And that, Mr. Manafort said, was in the works." / "In Miami, X said, CLAUSE."
  if (np.length && !appositive && STRONG_SPEECH_VERBS.has(lower)) {
    const npStart = (np[0] as Token).start;
    const pre = body.slice(s.start, npStart);
    const post = /^(\s*(?:\p{Ll}+\s+){0,3}?),\s*/u.exec(body.slice(t.end, sentEnd));
    if (/,\s*$/.test(pre) && post && !/^\s*(?:that|and|but)\b/.test(body.slice(t.end + post[0].length, sentEnd)) && !OPEN_Q.test(body.slice(t.end, t.end + post[0].length + 2))) {
      const aEnd = s.start + pre.replace(/[\s,]+$/, '').length;
      const aStart = skipLead(body, s.start, aEnd);
      const bStart = t.end + post[0].length;
      const introOnly = /^(in|on|at|during|after|before|for|with|by|from|under|since|so far|still|now|then|later|earlier|meanwhile|but|and|also|however|instead)\b/i.test(body.slice(aStart, aEnd)) && tokenize(body, aStart, aEnd).length <= 5;
      if (sentEnd - bStart > 10) {
        const st = introOnly || aEnd - aStart < 3
          ? mk(body, [bStart, sentEnd], source, cue, si, 'clause-inverted', qi)
          : mk(body, [aStart, sentEnd], source, cue, si, 'clause-inverted', qi);
        if (!(introOnly || aEnd - aStart < 3)) st.fragments = [[aStart, aEnd], [bStart, sentEnd]];
        return st;
      }
    }
  }
  // Forward clause: VERB [adverbials] [that] CLAUSE.
  let k = 0;
  let sawThat = false;
  let sawAs = false;
  const limit = Math.min(rest.length, 10);
  for (let j = 0; j < limit; j++) {
    const x = rest[j] as Token;
    // Do not look for "that" past a quotation ("vowed to “take our fight” to the states that").
    if (OPEN_Q.test(body.slice(j > 0 ? (rest[j - 1] as Token).end : t.end, x.start))) break;
    if (x.lower === 'that') {
      sawThat = true;
      k = j;
      break;
    }
    if (x.lower === 'as' && AS_VERBS.has(lower)) {
      // "dismissed the whole kerfuffle as “absurd.”": the object belongs to the content.
      sawAs = true;
      k = 0;
      break;
    }
    const punct = body.slice(t.end, x.start);
    // One short comma parenthetical may sit before "that": "said, among other things, that".
    if (/[;:()\u2014\u2013]/.test(punct) || (punct.match(/,/g) ?? []).length > 2 || (/,/.test(punct) && j > 5)) break;
  }
  if (VIEW_VERBS.has(lower)) {
    // "Seoul views X as Y": only with "as", content is the whole "X as Y".
    if (!sawAs || !np.length) return null;
    sawAs = false;
    k = 0;
    sawThat = true;
  }
  // A partial quote in the verb's object makes a mixed report: "called the plan “reckless”".
  const openAt = restText.search(OPEN_Q);
  // Abbreviation periods ("called Mrs. Schlafly an “…”") do not end the object.
  const beforeQuote = restText.slice(0, Math.max(0, openAt)).replace(/\b([A-Za-z]{1,4})\.(?=\s)/g, (m0, w: string) => (w.length === 1 || ABBREVIATIONS.has(w.toLowerCase()) ? `${w} ` : m0));
  const quoteSoon = openAt >= 0 && !/[.;:!?,]\s/.test(beforeQuote.replace(/^\s*,/, '')) && tokenize(body, t.end, t.end + openAt).length <= 12;
  if (!sawThat && !sawAs && quoteSoon && (MIXED_VERBS.has(lower) || SPEECH_VERBS.has(lower))) {
    sawThat = true; // treat like an explicit complement
    k = 0;
    while (k < rest.length && /^(on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|later|earlier|recently|again|also|publicly|repeatedly)$/.test(rest[k]?.lower ?? '')) k++;
  }
  if (!sawThat && !sawAs && MIXED_VERBS.has(lower) && !SPEECH_VERBS.has(lower)) return null;
  if (!sawThat && !sawAs) {
    if (NEEDS_THAT.has(lower) || !BARE_CLAUSE_VERBS.has(lower) || (AS_VERBS.has(lower) && !OPEN_Q.test(restText))) return null;
    if (THOUGHT_VERBS.has(lower) && !np.length) return null;
    while (k < rest.length && TIME_WORDS.has(rest[k]?.lower ?? '') && /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|later|earlier|recently|previously|again|also|publicly|privately|repeatedly)$/.test(rest[k]?.lower ?? '')) k++;
  }
  if (sawAs && !OPEN_Q.test(restText)) return null;
  if (sawThat && k > 0 && rest.slice(0, k).some((x) => !TIME_WORDS.has(x.lower) && !/^\p{Lu}/u.test(x.text) && !/^(reporters|journalists|him|her|them|us|me|audience|crowd|supporters|voters|listeners|viewers)$/.test(x.lower))) {
    // Too much between the verb and "that" — likely "that" is a relative pronoun.
    if (k > 6 && !/^(told|tells|tell|telling|wrote|writes|informed|assured|reminded|warned)$/.test(lower)) {
      if (!BARE_CLAUSE_VERBS.has(lower)) return null;
      sawThat = false;
      k = 0;
    }
  }
  // `rest` holds narration tokens only, so the content starts right after the last skipped word
  // (a quotation may open it), or at "that".
  const startTok = rest[k];
  let cStart = sawThat && startTok?.lower === 'that' ? startTok.start : skipSpace(body, k > 0 ? (rest[k - 1] as Token).end : t.end);
  if (!startTok && !OPEN_Q.test(body.slice(cStart, sentEnd))) return null;
  if (cStart >= sentEnd) return null;
  if (qi.at(cStart - 1)) cStart = qi.at(cStart - 1)?.start ?? cStart;
  // The quote mark right before the first word belongs to the content.
  while (cStart > t.end && /["\u201C']/.test(body[cStart - 1] ?? '')) cStart--;
  if (!sawThat && !sawAs && /^[,:]/.test(body.slice(t.end).trimStart())) {
    // "said, …" without a quote is not a clause report.
    if (!/^[\s,:]*(["\u201C]|'')/.test(body.slice(t.end, sentEnd))) return null;
  }
  let cEnd = sentEnd;
  // Cut a trailing "…, he said" / ", according to X" off the clause.
  const tail = /,\s+(?:according to|(?:he|she|they|it|\p{Lu}\p{Ll}+)\s+(?:said|says|added|noted|told)|saying|adding|calling|noting|arguing|writing|telling|insisting|warning)\b/u.exec(body.slice(cStart, cEnd));
  if (tail) cEnd = cStart + tail.index;
  // "…, citing her work after …", "…, engaging in …": a participle after a comma is the
  // reporter's comment on the act, not part of what was said.
  const participle = PARTICIPLE_TAIL.exec(body.slice(cStart, cEnd));
  if (participle && !qi.at(cStart + participle.index)) cEnd = cStart + participle.index;
  // "…, but declined…" starts a new predicate of the same subject.
  const conj = /,?\s+(?:but|and)\s+(?:also\s+)?(?:declined|refused|said|added|noted|did not|didn't|would not|won't|called|urged|asked|insisted|warned|vowed|promised)\b/.exec(body.slice(cStart, cEnd));
  if (conj && !qi.at(cStart + conj.index)) cEnd = cStart + conj.index;
  // A partial quote followed by a new predicate ("…“passion” but argues …", "…,” adding …")
  // ends the report at the quote.
  for (let p = cStart; p < cEnd; ) {
    const q = qi.at(p);
    if (q && q.end <= cEnd) {
      const after = body.slice(q.end, cEnd);
      // A quote closed by its own comma ("…,” echoing …") or followed by a pronoun subject
      // ("…” he warned") also ends it.
      const commaInside = /,\s*(?:["'\u201D\u2019]|'')$/.test(body.slice(q.start, q.end));
      if (
        /^\s*(?:[;\u2014\u2013]|-{1,2}\s|,\s*(?:\p{Ll}+ing|adding|but)\b|\s(?:but|while)\b|,?\s*(?:he|she|they|we|I)\s|,?\s*and\s+(?:then\s+|also\s+)?(?:\p{Ll}{3,}ed|kept|went|left|took|made|gave|began|ran|got|came|held|brought|sent|told|said)\b|\s+and\s+(?!then\b|also\b|now\b|later\b|other\b|more\b|even\b)\p{Ll}{3,}\s+(?:their|his|her|its|them|him)\b)/u.test(after) ||
        (commaInside && /^\s+\p{Ll}+ing\b/u.test(after) && !/^\s+(?:during|including|according|regarding|concerning|nothing|something|anything|everything|being)\b/.test(after)) ||
        // "…“depleted” and says he will …": a coordinated speech or stance verb starts a new report.
        coordinatedCue(after)
      ) {
        cEnd = q.end;
        break;
      }
      p = q.end;
    } else p++;
  }
  if (MIXED_VERBS.has(lower) && !SPEECH_VERBS.has(lower)) {
    // A stance verb ("called it “disqualifying”") reports its object: after the first quote, a
    // coordinated predicate ("and asserting …", "and threatened …") or an appositive comment
    // (", a swipe at …", ", which …") ends it.
    const firstQ = qi.at(cStart) ?? (() => {
      for (let p = cStart; p < cEnd; p++) {
        const q = qi.at(p);
        if (q) return q;
      }
      return undefined;
    })();
    if (firstQ && firstQ.end < cEnd) {
      const tailText = body.slice(firstQ.end, cEnd);
      // …and a time, place or occasion after the quoted words ("called it a “crazy system”
      // during a campaign stop", "… “disgrace” Wednesday on …", "… “disgrace” after she …").
      const m = /(?:,?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?:\p{Ll}+(?:ed|ing)|has|had|was|is|said|says|made|took|gave|told|tells|went)\b|,\s+(?:a|an|which)\s|\s[\u2014\u2013]|\s-{1,2}\s|^,?\s+(?:during|after|before|when|while|because|since|amid|on|at|in|monday|tuesday|wednesday|thursday|friday|saturday|sunday|last|this|earlier|later)\b)/u.exec(tailText);
      if (m) {
        const cut = firstQ.end + m.index;
        const later = qi.at(cut);
        if (!later) cEnd = cut;
      }
    }
  }
  // "described Clinton as a “disgrace” after she …", "blasted Clinton as a “disgrace” Wednesday
  // on …": the characterisation ends at its quoted word.
  const asQuote = /\bas\s+(?:a\s+|an\s+|the\s+)?(?=["\u201C]|'')/.exec(body.slice(cStart, cEnd));
  if (asQuote) {
    const q = qi.at(cStart + asQuote.index + asQuote[0].length);
    if (q && q.end < cEnd && /^,?\s+(?:during|after|before|when|while|because|since|amid|on|at|in|monday|tuesday|wednesday|thursday|friday|saturday|sunday|last|this|earlier|later)\b/i.test(body.slice(q.end, cEnd))) cEnd = q.end;
  }
  const content: [number, number] = [cStart, cEnd];
  if (tokenize(body, cStart, cEnd).length < (OPEN_Q.test(body.slice(cStart, cEnd)) ? 1 : 3)) return null;
  // A mixed-report verb ("called", "promised") reports only what it quotes.
  if (MIXED_VERBS.has(lower) && !SPEECH_VERBS.has(lower) && !OPEN_Q.test(body.slice(cStart, cEnd))) return null;
  const st = mk(body, content, source, cue, si, 'clause', qi);
  if (inherit) st.inherit = true;
  if (inherit && inheritSubject) st.subject = inheritSubject;
  if (antecedent) st.subject = antecedent;
  return st;
}

/** Text after a quote opening with "and/but [also] VERB" where VERB is a finite speech or stance verb. */
function coordinatedCue(after: string): boolean {
  const m = /^,?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(\p{Ll}+)\b/u.exec(after);
  const w = m?.[1] ?? '';
  if (!!w && /(?:s|ed)$/.test(w) && (SPEECH_VERBS.has(w) || MIXED_VERBS.has(w))) return true;
  // "…“all its wrinkles,” and he reiterated …" / "…“racist,” an extraordinary indictment …"
  return /^,?\s+and\s+(?:he|she|they)\s+\p{Ll}+/u.test(after) || /^,\s+(?:a|an)\s+\p{Ll}+/u.test(after);
}

/**
 * Where the words before a verb end once trailing time adverbials are dropped:
 * "…, on Tuesday called" → the offset right after the comma's phrase.
 */
function verbAfterAdverbials(before: Token[], b: number, verbStart: number): number {
  let k = b;
  while (k > 0 && /^(on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|later|earlier|recently|also|again|then|publicly|privately|repeatedly|last|this|week|month|night|morning|afternoon|evening)$/.test(before[k - 1]?.lower ?? '')) k--;
  return k < b ? (before[k] as Token).start : b < before.length ? (before[b] as Token).start : verbStart;
}

function mk(body: string, content: [number, number], source: [number, number] | null, cue: [number, number], sentence: number, pattern: RawStatement['pattern'], qi: QuoteIndex): RawStatement {
  const quoted: Array<[number, number]> = [];
  const seen = new Set<number>();
  for (let p = content[0]; p < content[1]; p++) {
    const q = qi.at(p);
    if (q && !seen.has(q.start)) {
      seen.add(q.start);
      quoted.push([q.start, q.end]);
      p = q.end - 1;
    }
  }
  void body;
  return { content, source, cue, quotes: [], sentence, quoted, pattern };
}

/** End of a sentence without its final period (kept when it sits inside a closing quote). */
function trimEnd(body: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(body[e - 1] ?? '')) e--;
  if (/[.!?;:]/.test(body[e - 1] ?? '')) e--;
  while (e > start && /\s/.test(body[e - 1] ?? '')) e--;
  return e;
}

function skipSpace(body: string, p: number): number {
  while (/\s/.test(body[p] ?? '')) p++;
  return p;
}

/** Skips leading conjunctions and spaces of a clause ("But …"). */
function skipLead(body: string, s: number, e: number): number {
  let p = skipSpace(body, s);
  const m = /^(?:But|And|Yet|So|Still)\s+/.exec(body.slice(p, Math.min(e, p + 10)));
  if (m) p += m[0].length;
  return p;
}

export { PRONOUN_SRC };
