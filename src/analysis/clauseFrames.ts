/**
 * Clause frames in narration: "X said (that) …", "according to X, …", inverted "…, X said" and the
 * partial-quote objects of "called/described … as". One frame per cue token.
 */
import { ABBREVIATIONS, AUXILIARIES, SPEECH_VERBS, STRONG_SPEECH_VERBS } from './lexicon';
import { AS_VERBS, BARE_CLAUSE_VERBS, MIXED_VERBS, NEEDS_THAT, THOUGHT_VERBS, TIME_WORDS, VIEW_VERBS } from './lexicon/cueWords';
import { adverbialOnly } from './adverbials';
import { agentParticiple, notReported } from './clauseContent';
import { clauseParticiple, coordinatedCue, FINITE, pastCue, reportEnd } from './clauseEnd';
import { invertedAfterComma } from './invertedFrame';
import { accordingNP, backNP, preVerbAdverb, sentenceSubject, takeNP, verbAfterAdverbials } from './nounPhrases';
import { mk, OPEN_Q, PARTICIPLE_TAIL, type RawStatement, skipLead, skipSpace, trimEnd } from './statement';
import type { QuoteIndex, Sentence } from '../text/structure';
import { type Token, tokenize } from '../text/tokens';

/** A clause frame around the cue token `toks[i]`, or null. */
export function clauseFrame(body: string, s: Sentence, si: number, toks: Token[], i: number, isAcc: boolean, qi: QuoteIndex): RawStatement | null {
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
      // "That's according to X": the demonstrative is what X reports.
      const demo = /^(That|This)['\u2019]s$/.exec(body.slice(content[0], cEnd));
      if (demo) return mk(body, [content[0], content[0] + 4], source, cue, si, 'according-to', qi);
      // "At the heart of the trouble, according to Ross, another envoy, was a decision …": the
      // sentence goes on after the source, and both parts are what was reported.
      const post = accordingRest(body, body.slice(cEnd, t.start), npEnd, sentEnd);
      if (post !== null && content[1] - content[0] >= 8 && !qi.at(post)) {
        const st = mk(body, [content[0], sentEnd], source, cue, si, 'according-to', qi);
        st.fragments = [[content[0], content[1]], [post, sentEnd]];
        return st;
      }
    }
    if (content[1] - content[0] < 8) return null;
    return mk(body, content, source, cue, si, 'according-to', qi);
  }
  const lower = t.lower;
  if (agentParticiple(lower, toks[i + 1]?.lower ?? '')) return null;
  const before = toks.slice(0, i);
  // Skip auxiliaries/adverbs back to the subject.
  let b = before.length;
  while (b > 0 && (AUXILIARIES.has(before[b - 1]?.lower ?? '') || preVerbAdverb(before[b - 1] as Token))) b--;
  const gapBefore = b > 0 ? body.slice((before[b - 1] as Token).end, b < before.length ? (before[b] as Token).start : t.start) : body.slice(s.start, t.start);
  const inverted = invertedAfterComma(body, s, si, toks, i, sentEnd, qi);
  if (inverted) return inverted;
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
    // A verb that is no speech verb, followed by its object ("In a video posted …, she criticized
    // Singer", "Though …, Clinton maintains a commanding lock …"), is the sentence's own
    // predicate after an opening adverbial, not a tag after a reported clause.
    const objectAfter = !STRONG_SPEECH_VERBS.has(lower) && !!rest[0] && (((rest[0] as Token).cap && !TIME_WORDS.has(rest[0]?.lower ?? '')) || /^(?:a|an|the)$/.test(rest[0]?.lower ?? ''));
    const restOk = !objectAfter && (rest.length === 0 || (rest.length <= 10 && (TIME_WORDS.has(rest[0]?.lower ?? '') || /^(in|on|at|to|with|during|after|before|while|from|of|about|via|through|outside|inside)$/.test(rest[0]?.lower ?? '') || (rest[0] as Token).cap)) || TAG_THEN_CLAUSE.test(restText));
    // "Asked whether …, Quint said the work was on schedule": a finite verb after the cue makes
    // the rest its reported clause, not an adverbial after an inverted tag.
    const restClause = rest.some((x) => FINITE.test(x.lower)) && !TAG_THEN_CLAUSE.test(restText);
    // "Asked by Berg to explain the delay, she pointed to …", "Speaking in Ohio, he said …": an
    // opening adverbial phrase is not what the subject said.
    const lead = tokenize(body, skipLead(body, s.start, npStart), npStart)[0];
    const adverbialLead = !!lead && /^(?:asked|when|if|after|before|while|speaking|responding|asked|pressed|reached|interviewed)$/i.test(lead.text) && !pre.replace(/[\s,]+$/, '').includes(',');
    if (/,\s*$/.test(pre) && restOk && !restClause && !adverbialLead && !OPEN_Q.test(restText) && !adverbialOnly(body, skipLead(body, s.start, npStart), s.start + pre.replace(/[\s,]+$/, '').length)) {
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
    // The tag may name its addressee: "The solution, the partner told them, was simple", "…,
    // Trump told CNN, his policy …" (an object pronoun or a capitalised name, never the clause).
    const post = /^(\s*(?:\p{Ll}+\s+){0,3}?),\s*/u.exec(body.slice(t.end, sentEnd)) ?? (/^(?:told|tells)$/.test(lower) ? /^(\s+(?:him|her|them|me|us|reporters|(?:[Tt]he\s+)?(?:\p{Lu}[\p{L}.'\u2019&-]*\s*){1,4})),\s*/u.exec(body.slice(t.end, sentEnd)) : null);
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
  // "The latest poll showed Trump leading …", "FEC records show he backed …": a poll, survey
  // or record reports its finding without "that"; for people these verbs still need it.
  const evidence = !sawThat && !sawAs && np.length > 0 && EVIDENCE_VERBS.test(lower) && EVIDENCE_NOUNS.test((np[np.length - 1] as Token).lower);
  if (!sawThat && !sawAs && !evidence) {
    if (NEEDS_THAT.has(lower) || !BARE_CLAUSE_VERBS.has(lower) || (AS_VERBS.has(lower) && !OPEN_Q.test(restText))) return null;
    if ((THOUGHT_VERBS.has(lower) || /^report/.test(lower)) && !np.length) return null;
    while (k < rest.length && TIME_WORDS.has(rest[k]?.lower ?? '') && /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|later|earlier|recently|previously|again|also|publicly|privately|repeatedly)$/.test(rest[k]?.lower ?? '')) k++;
  }
  // "described the dinner as Washington celebrating itself": describing as needs no quote marks;
  // "called it …" and "labeled it …" do (without them, "called" is mostly naming or summoning).
  if (sawAs && !OPEN_Q.test(restText) && !/^(?:described|describes|describe|characterized|characterised|portrayed|portrays)$/.test(lower)) return null;
  // "said officials are in possession of video that shows …": a finite verb between the cue and
  // "that" makes "that" a relative pronoun inside the reported clause, not its complementizer.
  if (sawThat && k > 0 && rest.slice(0, k).some((x) => FINITE.test(x.lower))) {
    if (!BARE_CLAUSE_VERBS.has(lower)) return null;
    sawThat = false;
    k = 0;
  }
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
  // reporter's comment on the act, not part of what was said — unless it goes on with the
  // reported clause (`clauseParticiple`).
  const participle = PARTICIPLE_TAIL.exec(body.slice(cStart, cEnd));
  if (participle && !qi.at(cStart + participle.index) && !clauseParticiple(body.slice(cStart, cEnd), participle)) cEnd = cStart + participle.index;
  // "…, but declined…" starts a new predicate of the same subject.
  const conj = /,?\s+(?:but|and)\s+(?:also\s+)?(?:declined|refused|said|added|noted|did not|didn't|would not|won't|called|urged|asked|insisted|warned|vowed|promised)\b/.exec(body.slice(cStart, cEnd));
  if (conj && !qi.at(cStart + conj.index)) cEnd = cStart + conj.index;
  cEnd = reportEnd(body, cStart, cEnd, qi);
  // A partial quote followed by a new predicate ("…“passion” but argues …", "…,” adding …")
  // ends the report at the quote.
  for (let p = cStart; p < cEnd; ) {
    const q = qi.at(p);
    if (q && q.end <= cEnd) {
      const after = body.slice(q.end, cEnd);
      // A quote closed by its own comma ("…,” echoing …") or followed by a pronoun subject
      // ("…” he warned") also ends it. "but also/only/not …" joins two parts of one predicate
      // ("are “right to be angry,” but also hungry for …") and "while" a comparison inside the
      // report ("was “a lightweight” while Cruz is …"): on PolNeAR train both stay in it.
      const commaInside = /,\s*(?:["'\u201D\u2019]|'')$/.test(body.slice(q.start, q.end));
      if (
        /^\s*(?:[;\u2014\u2013]|-{1,2}\s|,\s*(?:\p{Ll}+ing|adding|but)\b|\sbut\b(?!\s+(?:also|only|not)\s)|,\s*(?:he|she|they|we|I)\s|\s(?:he|she|they|we|I)\s(?!(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|did|does|do)\b)|,?\s*and\s+(?:then\s+|also\s+)?(?:\p{Ll}{3,}ed|kept|went|left|took|made|gave|began|ran|got|came|held|brought|sent|told|said)\b|\s+and\s+(?!then\b|also\b|now\b|later\b|other\b|more\b|even\b)\p{Ll}{3,}\s+(?:their|his|her|its|them|him)\b)/u.test(after) ||
        (commaInside && /^\s+\p{Ll}+ing\b/u.test(after) && !/^\s+(?:during|including|according|regarding|concerning|nothing|something|anything|everything|being)\b/.test(after)) ||
        // "…“depleted” and says he will …": a coordinated speech or stance verb starts a new report.
        coordinatedCue(after, pastCue(lower))
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
      // …and a time or occasion after the quoted words ("called it a “crazy system” during a
      // campaign stop", "… “disgrace” Wednesday on …", "… “disgrace” after she …"). A reason or
      // a place is still the stance ("calls Horgos “a mistake” because so few people …", "called
      // the agreement “an historic step forward” in global efforts to …"): on PolNeAR train
      // "because/when/while/since/in/on/at" after the quote are in the gold span more often.
      const m = /(?:,?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?:\p{Ll}+(?:ed|ing)|has|had|was|is|said|says|made|took|gave|told|tells|went)\b|,\s+(?:a|an|which)\s|\s[\u2014\u2013]|\s-{1,2}\s|^,?\s+(?:during|after|before|amid|monday|tuesday|wednesday|thursday|friday|saturday|sunday|last|this|earlier|later)\b)/u.exec(tailText);
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
  // "46 percent said yes", "after half said so", "26 percent said the same": a one-word answer
  // after a speech verb is what was said.
  const answer = SPEECH_VERBS.has(lower) && SHORT_ANSWER.test(body.slice(cStart, cEnd));
  if (!answer && tokenize(body, cStart, cEnd).length < (OPEN_Q.test(body.slice(cStart, cEnd)) ? 1 : 3)) return null;
  // A mixed-report verb ("called", "promised") reports only what it quotes.
  if (MIXED_VERBS.has(lower) && !SPEECH_VERBS.has(lower) && !OPEN_Q.test(body.slice(cStart, cEnd))) return null;
  // A time, place, topic or agent phrase, or a concrete verb's object, is no reported clause
  // (`clauseContent.ts`: "…,” Toner said Friday.", "Baker wrote the letter Feb. 2 to …").
  if (!sawThat && !sawAs && !answer && notReported(body, lower, cStart, cEnd, evidence)) return null;
  const st = mk(body, content, source, cue, si, 'clause', qi);
  if (inherit) st.inherit = true;
  if (inherit && inheritSubject) st.subject = inheritSubject;
  if (antecedent) st.subject = antecedent;
  return st;
}

/** Short answers a speech verb reports ("said yes", "said so"). */
const SHORT_ANSWER = /^(?:yes|no|so|the same|otherwise|nothing)$/i;

/** After a "…, he said" tag: a comma, then a new clause or comment (", and …", ", as they …"). */
const TAG_THEN_CLAUSE = /^\s*(?:[\p{L}\p{N}'\u2019.-]+\s*){0,4},\s*(?:and|but|as|while|adding|noting|citing|referring)\b/u;

/**
 * Where a sentence resumes after a mid-sentence "…, according to X, …": after the delimiter that
 * closes the source phrase (the same kind as the one that opened it, a comma or a dash), skipping
 * one appositive ("according to Ross, another envoy, was …"). Null when the source ends the
 * sentence or the rest is too short to be a predicate.
 */
function accordingRest(body: string, opener: string, npEnd: number, sentEnd: number): number | null {
  const dash = /[\u2014\u2013]|\s-{1,2}\s/.test(opener);
  if (!dash && !opener.includes(',')) return null;
  const delim = dash ? /\s*(?:[\u2014\u2013]|\s-{1,2}\s)\s*/g : /,\s*/g;
  delim.lastIndex = npEnd;
  let m = delim.exec(body);
  if (!m || m.index !== npEnd) return null;
  let at = m.index + m[0].length;
  if (!dash && /^(?:a|an|the|another|who|which|one|\p{Ll}+)\s/u.test(body.slice(at, at + 20)) && !/^(?:was|is|were|are|has|have|had|will|would|could|can|may|might|should|still|also|remains?|did|does)\b/.test(body.slice(at, at + 12))) {
    // An appositive: the sentence resumes after its closing comma.
    m = delim.exec(body);
    if (!m || m.index >= sentEnd) return null;
    at = m.index + m[0].length;
  }
  if (at >= sentEnd || body.slice(at, sentEnd).trim().split(/\s+/).length < 3) return null;
  return at;
}

/** Verbs a poll, survey or record uses to report a finding. */
const EVIDENCE_VERBS = /^(?:show|shows|showed|find|finds|found|indicate|indicates|indicated|suggest|suggests|suggested|reveal|reveals|revealed)$/;
/** Heads of a noun phrase naming evidence rather than a person. */
const EVIDENCE_NOUNS = /^(?:poll|polls|polling|survey|surveys|data|records|record|study|studies|report|reports|figures|numbers|results|analysis|research|documents|estimates|filings|statistics|census|tally|count|audit|review|investigation|footage|video|videos|photos|images|emails|memo|returns)$/;
