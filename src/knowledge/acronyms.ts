/**
 * The acronyms the articles of a knowledge base define ("the National Football League (NFL)"),
 * gathered once per base (`kb.derived(acronymIndex)`, built with the base by `buildKnowledgeBase`)
 * so a question reads them without scanning any text.
 */
import { acronymDefinitions } from '../text/acronyms';
import type { Article } from '../core/article';

/** Every acronym defined somewhere in a knowledge base, with its long forms. */
export interface AcronymIndex {
  /** Acronym (normalised) → its long forms (normalised words), each once. */
  longForms: ReadonlyMap<string, ReadonlyArray<readonly string[]>>;
  /** First word of a long form → the definitions starting with it. */
  byFirstWord: ReadonlyMap<string, ReadonlyArray<{ acronym: string; long: readonly string[] }>>;
}

/**
 * The acronym definitions of every article of `kb` (a long form and acronym pair once, however many
 * articles define it). Only paragraphs with a parenthesis are read.
 */
export function acronymIndex(kb: { readonly articles: readonly Article[] }): AcronymIndex {
  const longForms = new Map<string, string[][]>();
  const byFirstWord = new Map<string, Array<{ acronym: string; long: string[] }>>();
  const seen = new Set<string>();
  for (const article of kb.articles) {
    for (const paragraph of article.paragraphs) {
      if (!paragraph.text.includes('(')) continue;
      for (const d of acronymDefinitions(paragraph.text)) {
        const key = `${d.acronym} ${d.long.join(' ')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        let forms = longForms.get(d.acronym);
        if (!forms) longForms.set(d.acronym, (forms = []));
        forms.push(d.long);
        let starting = byFirstWord.get(d.long[0]!);
        if (!starting) byFirstWord.set(d.long[0]!, (starting = []));
        starting.push(d);
      }
    }
  }
  return { longForms, byFirstWord };
}
