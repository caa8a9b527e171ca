/**
 * Paragraph-level clean-up after extraction: general rules for the furniture Readability keeps
 * inside an article container — promo headlines in capitals, bylines and time stamps, calls to
 * action ("Click here", "Follow us on …"), and the headline printed again. Repeated paragraphs
 * stay: an interview repeats its questions (captions are removed before extraction, clean.ts).
 * Each rule looks at the shape of one short paragraph, never at a site's name or markup.
 */
import { cleanText } from './dom';

/** Short lines that are calls to action or site furniture, not article text. */
const FURNITURE =
  /^(?:advert(?:isement)?|sponsored(?: content)?|comments?(?:\s*\(\d+\))?|share(?: this(?: article| story)?)?(?: on \w+)?|tweet|print|e-?mail|read more|continue reading|see more|show more|related(?: articles| stories| content)?|more from [\p{L} ]{1,40}|you (?:may|might) also like|recommended(?: for you)?|most (?:read|popular|viewed)|tell us what you think(?:\.{3}|…)?|leave a (?:comment|reply)|want more stories like this\??|click here|sign up(?: for (?:our|the) newsletter)?|subscribe(?: now| today)?|follow (?:us|@\w+)\b.*|download (?:the|our) \w+ app\b.*|get the [\p{L} ]{1,30} app\b.*|(?:copyright|©).*|all rights reserved.*)$/iu;

/** A line that only gives a byline and/or a date: "By Jane Smith | November 18, 2019 at 2:26 PM", "September 10, 2018 |". */
const BYLINE_OR_DATE =
  /^(?:(?:by|posted by|written by)\s+[^|•·]{2,60}?)?\s*[|•·,-]?\s*(?:(?:published|posted|updated|last updated)(?: on)?:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4})?(?:\s*(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?(?:\s*[|•·-]\s*(?:updated|last updated)?.{0,40})?\s*[|•·]?$/i;

export interface PolishContext {
  title: string | null;
  author: string | null;
}

/** Drops furniture paragraphs; keeps the order and text of the rest. */
export function polishParagraphs(paragraphs: string[], ctx: PolishContext): string[] {
  const title = key(ctx.title ?? '');
  const out: string[] = [];
  for (const p of paragraphs) {
    const k = key(p);
    if (!k) continue;
    const words = p.split(/\s+/).length;
    if (words <= 30 && isFurniture(p, ctx)) continue;
    // The headline printed again at the top of the body (compared without punctuation and case).
    if (out.length === 0 && title && (k === title || title.startsWith(k) && k.length > 20)) continue;
    out.push(p);
  }
  return out;
}

function isFurniture(p: string, ctx: PolishContext): boolean {
  const t = cleanText(p);
  if (FURNITURE.test(t)) return true;
  if (/\d/.test(t) && BYLINE_OR_DATE.test(t) && t.length <= 120) return true;
  if (ctx.author && /^by\s/i.test(t) && t.length <= ctx.author.length + 60 && t.toLowerCase().includes(ctx.author.toLowerCase())) return true;
  if (isShouting(t)) return true;
  return false;
}

/** A promo headline or kicker in capitals: at least two words, nearly every letter upper-case, no final full stop. */
function isShouting(t: string): boolean {
  const letters = t.match(/\p{L}/gu) ?? [];
  if (letters.length < 6 || t.split(/\s+/).length < 2 || /[.]$/.test(t)) return false;
  const cased = letters.filter((c) => c.toLowerCase() !== c.toUpperCase());
  if (cased.length < letters.length * 0.8) return false;
  const upper = cased.filter((c) => c === c.toUpperCase()).length;
  return upper >= cased.length * 0.9;
}

function key(s: string): string {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ').toLowerCase();
}
