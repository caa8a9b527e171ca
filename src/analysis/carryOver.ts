/**
 * Passes over the statements after the left-to-right resolution: links that only later text
 * makes (a description named in the next sentences, a quote paragraph continuing the previous
 * speaker, a heading that repeats a quotation further down). Each fills or replaces `resolved[i]`.
 */
import type { RawStatement } from './statement';
import type { Resolved } from './resolveSource';
import type { People } from './speakers';
import type { Paragraph, Sentence } from '../text/structure';
import { tokenize } from '../text/tokens';

/**
 * Descriptions that the next sentences name ("a top US security official …" then "US national
 * security adviser Jake Sullivan made the remarks"): link when the text makes the link.
 */
export function linkDescriptions(body: string, sentences: Sentence[], raws: RawStatement[], resolved: Resolved[], people: People): void {
  raws.forEach((raw, i) => {
    const r = resolved[i];
    if (!r || r.speaker || !r.description || !raw.source) return;
    const desc = tokenize(body, raw.source[0], raw.source[1]).map((t) => t.lower);
    if (!/^(a|an|the)$/.test(desc[0] ?? '')) return;
    for (let k = raw.sentence + 1; k <= raw.sentence + 2 && k < sentences.length; k++) {
      const s = sentences[k] as Sentence;
      const stext = body.slice(s.start, s.end);
      for (const p of people.all) {
        const firstMention = p.mentions[0];
        if (!firstMention || firstMention.start < s.start || firstMention.start >= s.end) continue;
        const roleWords = new Set(tokenize(p.role ?? '', 0, (p.role ?? '').length).map((t) => t.lower));
        const overlap = desc.filter((w) => roleWords.has(w) && !/^(a|an|the|of|for|and)$/.test(w)).length;
        const remarks = /\b(made|gave|delivered|issued)\s+(the|these|those|his|her)\s+(remarks|comments|statement)\b/i.test(stext);
        if (remarks || overlap >= 2) {
          r.speaker = p;
          r.label = p.name;
          p.mentions.push({ start: raw.source[0], end: raw.source[1] });
          return;
        }
      }
    }
  });
}

/**
 * A quote paragraph with no cue right after a paragraph that ends with someone's statement
 * ("Viguerie tells Breitbart News.\n\n“Ted Cruz is …”") continues that speaker — the
 * newspaper convention for a new paragraph of the same source. Only a resolved person carries over.
 */
export function continueParagraphSpeakers(body: string, paras: Paragraph[], sentences: Sentence[], raws: RawStatement[], resolved: Resolved[]): void {
  const lastSentenceOfPara: number[] = [];
  sentences.forEach((x, si) => (lastSentenceOfPara[x.para] = si));
  raws.forEach((raw, i) => {
    if (raw.pattern !== 'unattributed' || i === 0) return;
    const para = (sentences[raw.sentence] as Sentence).para;
    const pStart = paras[para]?.start;
    if (pStart !== raw.content[0]) return;
    // Only a new paragraph that opens like a sentence continues a speaker; "“… prevent the
    // evacuation”" alone in a paragraph is a fragment quoted from somebody else.
    if (/^(?:''|["\u201C\u00AB])\s*(?:\p{Ll}|\u2026|\.\.\.|\[)/u.test(body.slice(raw.content[0], raw.content[0] + 6))) return;
    const prevRaw = raws[i - 1] as RawStatement;
    const prevRes = resolved[i - 1];
    if (!prevRes?.speaker || (sentences[prevRaw.sentence] as Sentence).para !== para - 1) return;
    if (prevRaw.sentence !== lastSentenceOfPara[para - 1]) return;
    resolved[i] = { ...prevRes };
    if (prevRaw.cue) raw.cue = prevRaw.cue;
  });
}

/**
 * A heading or pull quote that repeats words quoted further down ("“My fears have been
 * realized”" as a heading, then "Morrison told the committee, “… My fears have been
 * realized.”"): the speaker of the passage it repeats.
 */
export function headingRepeats(body: string, paras: Paragraph[], sentences: Sentence[], raws: RawStatement[], resolved: Resolved[]): void {
  const fold = (x: string): string => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  raws.forEach((raw, i) => {
    // No cue, or a cue that names nobody ("Here are some of the highlights:" before it).
    if ((raw.pattern !== 'unattributed' && resolved[i]?.source) || resolved[i]?.speaker) return;
    const para = paras[(sentences[raw.sentence] as Sentence).para];
    if (!para || !/^\s*(?:\d{1,2}[.)]\s*)?$/.test(body.slice(para.start, raw.content[0])) || body.slice(raw.content[1], para.end).trim() !== '') return;
    const inner = fold(body.slice(raw.content[0], raw.content[1]));
    if (!inner || inner.split(' ').length > 12 || inner.split(' ').length < 2) return;
    for (let j = i + 1; j < raws.length; j++) {
      const later = raws[j] as RawStatement;
      const lr = resolved[j];
      if ((sentences[later.sentence] as Sentence).para > para.index + 6) break;
      // A person, or a group or document author the text ties the source to ("the doctors
      // stated" for the group they are members of): the heading repeats their words either way.
      // Not any label: "Schiff" unresolved may have quoted a phrase a title heading uses too.
      if (!lr?.speaker && !lr?.tied) continue;
      if (later.quoted.some(([a, b]) => fold(body.slice(a, b)).includes(inner))) {
        resolved[i] = { ...lr };
        return;
      }
    }
  });
}
