/**
 * Masks the giveaways in a quiz quote: the speaker's name, every name word and alias the article
 * uses for them (pronouns are never masked: "he" tells nothing), possessives included, and the
 * role words that name them ("the US national security adviser", "national security adviser").
 */
import { PRONOUNS } from '../analysis/lexicon/index';

export const NAME_MASK = '[name]';
export const ROLE_MASK = '[role]';

const PARTICLES = new Set(['de', 'da', 'del', 'der', 'van', 'von', 'bin', 'al', 'la', 'le', 'di', 'du', 'el', 'ibn']);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Role phrases worth masking: the role, and its tails of two or more words. */
function roleVariants(role: string): string[] {
  const words = role.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i <= words.length - 2; i++) out.push(words.slice(i).join(' '));
  if (words.length === 1 && words[0]!.length > 3) out.push(words[0]!);
  return out;
}

/** `text` with `names` (and their words) and `roles` masked; matching ignores case, respects word edges. */
export function maskQuote(text: string, names: readonly string[], roles: readonly string[]): string {
  const terms = new Set<string>();
  for (const n of names) {
    const clean = n.trim();
    if (!clean || PRONOUNS[clean.toLowerCase()]) continue;
    terms.add(clean);
    for (const w of clean.split(/\s+/)) if (w.length >= 2 && !PARTICLES.has(w.toLowerCase()) && !PRONOUNS[w.toLowerCase()]) terms.add(w.replace(/[.,]+$/, ''));
  }
  const roleTerms = new Set(roles.flatMap(roleVariants));
  let out = text;
  // Longest first, so "Jake Sullivan" becomes one mask, not two.
  const replace = (list: Iterable<string>, mask: string) => {
    for (const t of [...list].sort((a, b) => b.length - a.length)) {
      if (!t) continue;
      const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:the\\s+)?${escape(t).replace(/\s+/g, '\\s+')}(?:['’]s)?(?![\\p{L}\\p{N}])`, 'giu');
      out = out.replace(re, mask);
    }
  };
  replace(roleTerms, ROLE_MASK);
  replace(terms, NAME_MASK);
  // Two masks in a row ("[role] [name]") read as one.
  return out.replace(/\[(?:role|name)\](?:\s+\[(?:role|name)\])+/g, NAME_MASK);
}
